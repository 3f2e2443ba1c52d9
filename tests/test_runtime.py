"""The client's runtime (runtime/*.py) on its own: no spec, no generate. What every generated client
inherits: the retry rules, the request loop over real sockets, path and query encoding, key checks.
"""

import asyncio
import datetime
import email.utils
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import httpx
import pytest

from contract.local_server import closed_port_url
from runtime import _base_client, errors, retries
from runtime._wire import carries_file, deep_object, delimited, json_file, path_segment, query_string, wire_datetime
from runtime.types import UNSET, File, model_repr
from tests.fault_server import Step, fault_server
from tests.moved_time import moved_time

TOKEN = "runtime-token-5c1e"
IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}  # RFC 9110 section 9.2.2
DEFAULT_RETRIES = 2


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's waits between attempts, recorded instead of slept, on a clock they move."""
    return moved_time(monkeypatch, _base_client).waits


def client(base_url: str, **options: Any) -> _base_client.BaseAuthenticatedClient:
    return _base_client.BaseAuthenticatedClient(base_url=base_url, token=TOKEN, **options)


def http_date(seconds_from_now: float) -> str:
    moment = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds_from_now)
    return email.utils.format_datetime(moment, usegmt=True)


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [
        ("2", 2.0, 2.0),
        ("0.25", 0.25, 0.25),
        ("date +30", 25.0, 30.0),  # an HTTP date, 30 s from now
        ("date -30", 0.0, 0.0),  # already past: no wait
        ("soon", 0.375, 0.5),  # unreadable: the backoff
        ("nan", 0.375, 0.5),
    ],
)
def test_retry_after_is_honoured_and_capped(retry_after: str, low: float, high: float) -> None:
    if retry_after.startswith("date "):
        retry_after = http_date(float(retry_after.split()[1]))
    response = httpx.Response(429, headers={"retry-after": retry_after})
    delay = retries.RetryPolicy().delay_after_status("POST", response, 0)
    assert delay is not None and low <= delay <= high


def test_a_wait_longer_than_the_cap_is_not_retried_but_raised_at_once_carrying_it(waits: list[float]) -> None:
    with fault_server(Step(status=429, headers={"retry-after": "3600"}), Step(status=200)) as server:
        with pytest.raises(errors.RateLimitError) as raised:
            response = client(server.url).request("GET", "/v1/things")
            raise errors.status_error(response)
        assert len(server.received) == 1 and waits == []
    assert raised.value.retry_after == 3600 and "asks to wait 3600 s" in str(raised.value)


@pytest.mark.parametrize(("header", "value", "seconds"), [("retry-after-ms", "1500", 1.5), ("retry-after", "2", 2.0)])
def test_retry_after_ms_and_seconds_are_read(header: str, value: str, seconds: float) -> None:
    assert retries.requested_wait(httpx.Headers({header: value})) == seconds


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_reset_connection_is_retried_only_for_an_idempotent_method(method: str, waits: list[float]) -> None:
    with fault_server(Step(reset=True), Step(status=200)) as server:
        if method in IDEMPOTENT:
            assert client(server.url).request(method, "/v1/things").status_code == 200
            assert len(server.received) == 2
        else:
            with pytest.raises(errors.APIConnectionError) as raised:
                client(server.url).request(method, "/v1/things", json={"name": "once"})
            assert len(server.received) == 1 and TOKEN not in repr(raised.value)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_stalled_server_hits_the_read_timeout(method: str, waits: list[float]) -> None:
    with fault_server(Step(delay=1.0)) as server:
        with pytest.raises(errors.APITimeoutError) as raised:
            client(server.url, timeout=httpx.Timeout(0.05)).request(method, "/v1/things")
        assert isinstance(raised.value.__cause__, httpx.ReadTimeout)
        expected = DEFAULT_RETRIES + 1 if method in IDEMPOTENT else 1
        assert server.received_count(expected) == expected


def test_a_refused_connection_is_retried_even_for_post(waits: list[float]) -> None:
    with pytest.raises(errors.APIConnectionError) as raised:
        client(closed_port_url()).request("POST", "/v1/things", json={"name": "once"})
    assert isinstance(raised.value.__cause__, httpx.ConnectError)
    assert len(waits) == DEFAULT_RETRIES and TOKEN not in repr(raised.value)


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a.b", "a.b"),
        (True, "true"),
        (7, "7"),
        ("é ?", "%C3%A9%20%3F"),
    ],
)
def test_a_path_parameter_is_one_segment(value: object, segment: str) -> None:
    assert path_segment(value) == segment


def test_the_query_is_form_style() -> None:
    assert query_string([("q", "a b"), ("tag", ["x", "y"]), ("on", True)]) == "q=a%20b&tag=x&tag=y&on=true"


@pytest.mark.parametrize(
    ("separator", "value", "sent"),
    [
        (",", [1, 2, 3], "ids=1%2C2%2C3"),
        (" ", ["a", "b"], "ids=a%20b"),
        ("|", [True, None, 1.5], "ids=true%7C%7C1.5"),
        (",", {"x": 1, "y": 2}, "ids=x%2C1%2Cy%2C2"),
        (",", "one", "ids=one"),
    ],
)
def test_an_unexploded_query_value_is_joined(separator: str, value: object, sent: str) -> None:
    assert query_string([("ids", delimited(value, separator, "ids"))]) == sent


@pytest.mark.parametrize("empty", [[], {}])
def test_an_empty_unexploded_query_value_is_not_sent(empty: object) -> None:
    """RFC 6570 (which OpenAPI's styles follow): an empty list is undefined, so the parameter is left out,
    as an exploded empty array is; `ids=` would send one empty item."""
    assert delimited(empty, ",", "ids") is None  # the endpoint drops None before sending


def test_a_deep_object_names_each_property_in_brackets() -> None:
    pairs = deep_object("filter", {"status": "ACTIVE", "range": {"min": 1}})
    assert query_string(pairs) == "filter%5Bstatus%5D=ACTIVE&filter%5Brange%5D%5Bmin%5D=1"


@pytest.mark.parametrize("token", ["", "   ", "line\nbreak", " padded", "naïve"])
def test_a_key_that_cannot_travel_in_a_header_is_refused_without_showing_it(token: str) -> None:
    with pytest.raises(errors.ConfigurationError) as raised:
        _base_client.BaseAuthenticatedClient(base_url="https://api.example.test", token=token)
    assert not token.strip() or token.strip() not in str(raised.value)


def test_the_key_is_in_no_repr_and_goes_in_the_auth_header() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(answer)
    built = client("https://api.example.test", prefix="Api-Key", httpx_args={"transport": transport})
    assert TOKEN not in repr(built)
    built.request("GET", "/")
    assert seen[0].headers["Authorization"] == f"Api-Key {TOKEN}"


def test_unset_and_a_model_print_words() -> None:
    @attrs.define
    class Thing:
        name: str
        size: object = UNSET

    assert repr(UNSET) == "UNSET"
    assert model_repr(Thing("x")) == "Thing(name='x')"


def test_a_closed_client_serves_the_next_call_with_a_new_pool() -> None:
    with fault_server(Step(status=200)) as server:
        built = client(server.url)
        with built:
            assert built.request("GET", "/v1/things").status_code == 200
        assert built.request("GET", "/v1/things").status_code == 200  # after the block
        with built, built:  # entered twice, nested
            assert built.request("GET", "/v1/things").status_code == 200
        built.close()
        built.close()  # twice is harmless
        assert built.request("GET", "/v1/things").status_code == 200
        assert len(server.received) == 4


def test_a_client_serves_a_second_asyncio_run() -> None:
    async def call(built: _base_client.BaseAuthenticatedClient) -> int:
        return (await built.async_request("GET", "/v1/things")).status_code

    with fault_server(Step(status=200)) as server:
        built = client(server.url)
        assert asyncio.run(call(built)) == 200
        assert asyncio.run(call(built)) == 200  # the first loop is closed: its pool with it

        async def closing() -> int:
            async with built:
                return await call(built)

        assert asyncio.run(closing()) == 200 and asyncio.run(call(built)) == 200
        assert len(built._pools) == 1  # pools of closed loops are let go


def test_a_closed_httpx_client_the_caller_gave_is_a_client_error() -> None:
    given = httpx.Client()
    built = client("https://api.example.test").set_httpx_client(given)
    given.close()
    with pytest.raises(errors.ClientClosedError, match="set_httpx_client"):
        built.request("GET", "/v1/things")


def test_threads_making_their_first_call_at_once_share_one_pool() -> None:
    threads, start = 8, threading.Barrier(8)
    with fault_server(Step(status=200, delay=0.05)) as server:
        built = client(server.url)

        def first_call() -> int:
            start.wait()
            return built.request("GET", "/v1/things").status_code

        with ThreadPoolExecutor(threads) as pool:
            statuses = list(pool.map(lambda _: first_call(), range(threads)))
        assert statuses == [200] * threads and len(server.received) == threads
        assert len(built._pools) == 1


def test_a_datetime_without_an_offset_is_refused_naming_the_field() -> None:
    with pytest.raises(errors.InvalidField) as raised:
        wire_datetime(datetime.datetime(2026, 8, 1), "created_after")
    assert raised.value.path == "created_after" and "no UTC offset" in raised.value.reason
    assert wire_datetime(datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC), "x") == "2026-08-01T00:00:00+00:00"


@attrs.define
class _ClientWithSpecServer(_base_client.BaseAuthenticatedClient):
    """As the generated client declares it: base_url defaults to the spec's first server."""

    _base_url: str = attrs.field(default="https://api.example.test/v1", alias="base_url")


@pytest.mark.parametrize(
    ("base_url", "server", "sent_to"),
    [
        ("https://api.example.test/v1", None, "/things/1"),  # no server of its own: base_url's
        ("https://api.example.test/v1", "https://uploads.example.test/v2", "https://uploads.example.test/v2/things/1"),
        ("http://127.0.0.1:4010", "https://uploads.example.test/v2", "http://127.0.0.1:4010/v2/things/1"),
        ("https://api.example.test/v1", "/internal", "https://api.example.test/internal/things/1"),
        ("http://localhost:9/base", "https://uploads.example.test", "http://localhost:9/things/1"),
    ],
    ids=["none", "spec-server", "caller-base-url", "relative", "server-without-path"],
)
def test_an_operation_with_a_server_of_its_own_goes_there_unless_the_caller_chose_a_base_url(
    base_url: str, server: str | None, sent_to: str
) -> None:
    """The spec's path-item or operation `servers`: at the spec's base_url the operation goes to its own
    server; a base_url the caller chose (a proxy, a mock) gets every call, each under its server's path."""
    assert _ClientWithSpecServer(base_url=base_url, token=TOKEN).url_at("/things/1", server) == sent_to


def test_a_file_inside_json_is_its_utf8_text_read_again_on_a_retry_and_other_bytes_name_the_field() -> None:
    import io
    import tempfile

    assert json_file(File(payload=io.BytesIO("naïve".encode())), "doc") == "naïve"
    with tempfile.TemporaryFile() as handle:  # a file, not a BytesIO: read whole, then put back
        handle.write(b"page"), handle.seek(0)
        assert [json_file(File(payload=handle), "doc") for _ in range(2)] == ["page", "page"]
    with pytest.raises(errors.InvalidField) as raised:
        json_file(File(payload=io.BytesIO(b"\xff\xfe")), "doc")
    assert raised.value.path == "doc" and "UTF-8" in raised.value.reason


def test_a_body_carries_a_file_where_a_field_of_its_own_holds_one_or_a_list_of_them() -> None:
    """What picks multipart over JSON for a model the spec offers as both (OpenAI's container files)."""
    import io

    @attrs.define
    class Upload:
        file_id: Any = UNSET
        file: Any = UNSET

    upload = File(payload=io.BytesIO(b"x"))
    assert carries_file(Upload(file=upload)) and carries_file(Upload(file=[upload]))
    assert not carries_file(Upload(file_id="file-1")) and not carries_file(UNSET) and not carries_file({"file": upload})
