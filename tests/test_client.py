"""The generated client's own behaviour: configuration from the spec and the environment, secrets kept
out of every repr, message and log line, a key that cannot travel refused up front, finite timeouts, a
User-Agent, derived clients that share nothing with their original but connections, readable values,
and enums that accept new values."""

import asyncio
import enum
import inspect
import logging
import re
import tomllib
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from contract.generated_package import import_generated
from contract.generator_names import endpoint_module as import_endpoint
from contract.spec_model import server_url
from pipeline.generate.auth_scheme import derive_auth
from pipeline.generate.client_defaults import sample_key_variable
from pipeline.project import ROOT, current
from tests.fault_server import Step, fault_server
from tests.operation_calls import (
    OPERATIONS,
    SPEC,
    TOKEN,
    Recorder,
    call,
    credentials,
    json_reply,
    skip_unless_token_in_a_header,
    success_reply,
)

client_module = import_generated("client")
errors = import_generated("errors")
models = import_generated("models")


def authenticated_client(**options: Any) -> Any:
    return client_module.AuthenticatedClient(base_url="https://api.example.test", **credentials(), **options)


def test_token_never_appears_in_repr_or_str() -> None:
    client = authenticated_client(headers={"X-Trace": "1"})
    client.get_httpx_client()
    client.get_async_httpx_client()
    for text in (repr(client), str(client), repr(client.with_headers({"X-Other": "2"}))):
        assert TOKEN not in text
    assert "X-Trace" in repr(client)  # the repr still shows what is safe to show


def test_token_never_appears_in_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request and connection step at DEBUG
    with fault_server(Step(status=401, body=b'{"detail": "bad key"}')) as server:
        client = client_module.AuthenticatedClient(base_url=server.url, **credentials(), max_retries=0)
        with pytest.raises(errors.AuthenticationError):
            call(OPERATIONS[0], Recorder(json_reply(401)), max_retries=0)
        client.request("GET", "/v1/anything")
    assert caplog.records, "nothing was logged, so nothing was checked"
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


def test_a_token_changed_after_the_first_request_is_sent_from_the_next() -> None:
    """The pool is built with the client's headers; a request must still carry the token as it is now."""
    asks_for_the_token = skip_unless_token_in_a_header()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(answer)
    client = authenticated_client(httpx_args={"transport": transport})
    client.request("GET", "/", security=asks_for_the_token)
    client.token = "rotated-token-2b"
    client.request("GET", "/", security=asks_for_the_token)
    assert [request.headers[client.auth_header_name].split()[-1] for request in seen] == [TOKEN, "rotated-token-2b"]


def test_the_auth_header_survives_with_headers_and_timeout_changes() -> None:
    asks_for_the_token = skip_unless_token_in_a_header()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(answer)
    client = authenticated_client(httpx_args={"transport": transport})
    client = client.with_headers({"X-Extra": "1"}).with_timeout(httpx.Timeout(5.0))
    client.request("GET", "/", security=asks_for_the_token)
    assert TOKEN in seen[0].headers[client.auth_header_name]
    assert seen[0].headers["x-extra"] == "1"


def recording_client() -> tuple[Any, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async def answer_async(request: httpx.Request) -> httpx.Response:
        return answer(request)

    # One transport for both the sync and the async pool, which only the original client builds.
    transport = httpx.MockTransport(answer)
    transport.handle_async_request = answer_async  # type: ignore[method-assign]
    return authenticated_client(headers={"X-Trace": "original"}, httpx_args={"transport": transport}), seen


@pytest.mark.parametrize(
    ("derive", "header"),
    [
        (lambda c: c.with_headers({"X-Trace": "derived"}), ("x-trace", "derived")),
        (lambda c: c.with_cookies({"session": "derived"}), ("cookie", "session=derived")),
        (lambda c: c.with_options(headers={"X-Trace": "derived"}, max_retries=0), ("x-trace", "derived")),
    ],
    ids=["with_headers", "with_cookies", "with_options"],
)
def test_a_derived_client_leaves_its_original_unchanged(derive: Callable[[Any], Any], header: tuple[str, str]) -> None:
    """The stock template updated the original's open httpx client in place: its next request carried the
    derived client's headers. Here both are open and used, sync and concurrently async."""
    original, seen = recording_client()
    original.request("GET", "/before")  # the original's connection pool is open
    derived = derive(original)
    original.request("GET", "/original")
    derived.request("GET", "/derived")
    name, value = header
    by_path = {request.url.path: request for request in seen}
    assert by_path["/derived"].headers.get(name) == value
    assert by_path["/original"].headers.get(name) != value
    assert original.get_httpx_client() is derived.get_httpx_client()  # one connection pool

    async def interleaved() -> None:  # ten calls in flight at once, the two clients alternating
        clients = {"/a": original, "/b": derived}
        await asyncio.gather(*(clients[path].async_request("GET", path) for path in ["/a", "/b"] * 5))

    asyncio.run(interleaved())
    for request in seen[3:]:
        assert (request.headers.get(name) == value) == (request.url.path == "/b"), request.url.path


def test_with_options_sets_timeout_and_retries_for_the_derived_client_only() -> None:
    original, _ = recording_client()
    derived = original.with_options(timeout=2.5, max_retries=0)
    assert (derived.max_retries, original.max_retries) == (0, 2)
    assert derived._timeout == httpx.Timeout(2.5) and original._timeout != httpx.Timeout(2.5)
    assert original.with_options(timeout=None)._timeout is None  # None waits forever, as httpx's does
    assert original.with_options()._timeout == original._timeout  # not given: unchanged


def test_closing_a_derived_client_leaves_the_original_open() -> None:
    original, seen = recording_client()
    with original:
        with original.with_headers({"X-Trace": "derived"}):
            pass
        original.request("GET", "/still-open")
    assert seen[-1].url.path == "/still-open"


@pytest.mark.parametrize(
    "token",
    ["", "   ", "sk-7f3a\nX-Injected: 1", "sk-7f3ä", " sk-7f3a"],
    ids=["empty", "blank", "newline", "non-ascii", "padded"],
)
def test_a_token_that_cannot_travel_is_a_configuration_error_before_anything_is_sent(token: str) -> None:
    with pytest.raises(errors.ConfigurationError) as raised:
        client_module.AuthenticatedClient(base_url="https://x.test", token=token)
    assert isinstance(raised.value, errors.ClientError)
    assert token.strip() == "" or token.strip() not in str(raised.value)  # the message never shows the key


def test_a_header_that_cannot_travel_is_a_configuration_error() -> None:
    with pytest.raises(errors.ConfigurationError, match="X-Bad"):
        authenticated_client(headers={"X-Bad": "a\r\nInjected: 1"})


def test_unset_prints_as_a_word_in_every_signature() -> None:
    assert repr(import_generated("types").UNSET) == "UNSET"
    module = import_endpoint(OPERATIONS[0].key)
    for function in (module.sync, module.sync_detailed):
        assert "object at 0x" not in str(inspect.signature(function))


def test_base_url_defaults_to_the_specs_first_server(monkeypatch: pytest.MonkeyPatch) -> None:
    servers = SPEC.get("servers") or []
    if not servers or server_url(servers[0]).startswith("/"):
        pytest.skip("openapi.yaml names no absolute server, so base_url stays a required argument")
    monkeypatch.setenv(client_module.API_KEY_ENVIRONMENT_VARIABLE, TOKEN)
    for client in (client_module.Client(), client_module.AuthenticatedClient()):  # variables at their defaults
        assert str(client.get_httpx_client().base_url).rstrip("/") == server_url(servers[0]).rstrip("/")


def test_the_token_falls_back_to_the_configured_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    if not current().api_key_env:
        pytest.skip("generator-config.yaml sets no api_key_env, so token= is required")
    variable = client_module.API_KEY_ENVIRONMENT_VARIABLE
    assert variable == current().api_key_env
    monkeypatch.setenv(variable, TOKEN)
    base = {} if SPEC.get("servers") else {"base_url": "https://api.example.test"}  # no server: base_url is required
    assert client_module.AuthenticatedClient(**base).token == TOKEN
    assert client_module.AuthenticatedClient(token="explicit", **base).token == "explicit"
    monkeypatch.delenv(variable)
    with pytest.raises(errors.ConfigurationError, match=variable):
        client_module.AuthenticatedClient(**base)


def test_the_configured_variable_is_the_one_the_curl_samples_send() -> None:
    default = derive_auth(SPEC).default_scheme
    sampled = sample_key_variable(SPEC, default.name) if default and default.place == "header" else ""
    if not sampled:
        pytest.skip("openapi.yaml has no curl sample that sends the API key in the auth header")
    assert sampled == current().api_key_env, "generator-config.yaml's api_key_env differs from the spec's samples"


def test_the_user_agent_names_the_package_python_and_httpx() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    recorder = Recorder(success_reply(OPERATIONS[0]))
    call(OPERATIONS[0], recorder)
    user_agent = recorder.requests[0].headers["user-agent"]
    pattern = rf"{re.escape(project['name'])}/{re.escape(project['version'])} python/3\.\d+ httpx/\d+\.\d+"
    assert re.fullmatch(pattern, user_agent), user_agent
    recorder = Recorder(success_reply(OPERATIONS[0]))
    call(OPERATIONS[0], recorder, headers={"user-agent": "mine/1"})
    assert recorder.requests[0].headers.get_list("user-agent") == ["mine/1"]  # the caller's wins, once


def test_timeouts_are_finite_by_default_and_can_be_changed() -> None:
    timeout = authenticated_client().get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 60.0)
    assert None not in (timeout.write, timeout.pool)
    assert authenticated_client(timeout=httpx.Timeout(1.0)).get_httpx_client().timeout.read == 1.0


def enum_classes() -> list[type[enum.Enum]]:
    exported = (getattr(models, name) for name in models.__all__)  # models load lazily: vars() holds few
    found = {value for value in exported if isinstance(value, type) and issubclass(value, enum.Enum)}
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", enum_classes() or [None], ids=lambda cls: getattr(cls, "__name__", "none"))
def test_an_enum_accepts_a_value_the_spec_does_not_list(cls: type[enum.Enum] | None) -> None:
    if cls is None:
        pytest.skip("openapi.yaml defines no enum")
    listed = next(iter(cls))
    unlisted = "VALUE_ADDED_LATER" if isinstance(listed.value, str) else 10**6 + 7
    member = cls(unlisted)
    assert member.value == unlisted and str(member) == str(unlisted)
    assert cls(unlisted) is member  # the same value gives the same member, as listed ones do
    assert cls(listed.value) is listed and unlisted not in [m.value for m in cls]  # the listed set is unchanged
    with pytest.raises(ValueError):
        cls(object())  # a value of the wrong kind still fails
