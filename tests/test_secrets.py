"""Secrets at the edges: the key of a client in use, and every value the spec or the name rule marks secret,
appear in no repr, message, log line (the package's at any level, httpx's and httpcore's through the
filter the package installs) or request id; a plain http:// server other than this machine is refused
unless the caller opts in; the auth header does not follow a redirect to another origin; a URL too long
to send is not quoted whole. For every operation and schema of openapi.yaml where the spec has a case.
"""

import logging
import subprocess
import sys
from typing import Any

import httpx
import pytest

from contract.calls import example_call
from contract.generated_package import import_generated, package_dir, package_name
from contract.generator_names import class_name, endpoint_module, python_name
from contract.spec_model import Operation, resolve
from runtime import _secrets
from runtime import errors as runtime_errors
from tests.fault_server import Step, fault_server
from tests.operation_calls import (
    OPERATIONS,
    SPEC,
    TOKEN,
    Recorder,
    call,
    cases,
    client_for,
    credentials,
    skip_unless_token_in_a_header,
    success_reply,
)

errors = import_generated("errors")
types = import_generated("types")
models = import_generated("models")
COMPONENTS = (SPEC.get("components") or {}).get("schemas") or {}


def string_path_parameters(op: Operation) -> list[str]:
    return [
        p["name"]
        for p in op.params_in("path")
        if resolve(SPEC, p.get("schema") or {}).get("type") == "string" and "enum" not in resolve(SPEC, p["schema"])
    ]


WITH_STRING_PATH = [op for op in OPERATIONS if string_path_parameters(op)]


def with_key_in_path(op: Operation) -> dict[str, object]:
    """The operation's example arguments, each string path parameter the key itself (a key in a URL)."""
    function = endpoint_module(op.key).sync_detailed
    arguments = example_call(op, function).arguments
    for name in string_path_parameters(op):
        arguments[python_name(op.key, "path", name)] = TOKEN
    return arguments


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_the_request_id_of_a_response_never_shows_the_key(op: Operation) -> None:
    reply = success_reply(op)
    echoed = httpx.Response(
        reply.status_code, headers={**reply.headers, "x-request-id": f"req-{TOKEN}-" + "z" * 500}, content=reply.content
    )
    response, _ = call(op, Recorder(echoed))
    assert TOKEN not in response.request_id and response.request_id.startswith("req-[REDACTED]-")
    assert len(response.request_id) <= 100  # cut, as errors.ResponseError.request_id is
    assert TOKEN not in repr(response)


@pytest.mark.parametrize(
    "op", cases(WITH_STRING_PATH, "no operation with a string path parameter"), ids=lambda op: getattr(op, "id", "")
)
def test_a_key_in_the_path_is_in_no_log_line_at_any_level(op: Operation, caplog: pytest.LogCaptureFixture) -> None:
    function = endpoint_module(op.key).sync_detailed
    recorder = Recorder(httpx.Response(404, json={"detail": f"no {TOKEN}"}))
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(errors.NotFoundError) as raised:
            function(client=client_for(recorder, max_retries=0), **with_key_in_path(op))
    assert TOKEN in recorder.requests[0].url.path  # it was sent, where the caller put it
    lines = [record.getMessage() for record in caplog.records]
    assert any(line.startswith("sending ") for line in lines) and not any(TOKEN in line for line in lines), lines
    assert TOKEN not in str(raised.value)


@pytest.mark.parametrize("op", OPERATIONS[:3], ids=lambda op: op.id)
def test_httpx_and_httpcore_debug_lines_show_no_key_nor_credential_header(
    op: Operation, caplog: pytest.LogCaptureFixture
) -> None:
    """Over a real socket, with a server that echoes the key in a header and sets a cookie: httpcore's DEBUG
    line quotes every response header, httpx's INFO line the URL."""
    reply = success_reply(op)
    echo = {"x-echo-authorization": f"Bearer {TOKEN}", "set-cookie": "session=cookie-value-71c2"}
    step = Step(reply.status_code, reply.content, {**dict(reply.headers), **echo})
    with fault_server(step) as server, caplog.at_level(logging.DEBUG):
        module = endpoint_module(op.key)
        client = import_generated("client").AuthenticatedClient(base_url=server.url, **credentials())
        module.sync_detailed(client=client, **example_call(op, module.sync_detailed).arguments)
    third_party = [r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("httpx", "httpcore")]
    assert third_party, "httpx logged nothing"  # its request line; httpcore 1.x adds the headers it received
    assert not any(TOKEN in line or "cookie-value-71c2" in line for line in third_party), third_party


def test_the_filter_is_on_every_logger_httpx_and_httpcore_log_to() -> None:
    """A filter acts only on records of its own logger: each of theirs must carry one."""
    import httpcore
    import httpx as _httpx  # noqa: F401 - imported for its loggers

    theirs = [name for name in logging.Logger.manager.loggerDict if name.split(".")[0] in ("httpx", "httpcore")]
    assert theirs and httpcore
    for name in theirs:
        assert any(type(f).__name__ == "RedactingFilter" for f in logging.getLogger(name).filters), name


def model_of(component: str) -> Any:  # a generated model class, or None
    cls = getattr(models, class_name(component), None)
    return cls if isinstance(cls, type) and hasattr(cls, "from_dict") else None


# Object schemas whose model keeps the keys the spec does not declare (additional_properties).
WITH_EXTRA = sorted(name for name in COMPONENTS if hasattr(model_of(name), "additional_keys"))


@pytest.mark.parametrize("name", cases(WITH_EXTRA, "no model that keeps undeclared keys"))
def test_an_undeclared_key_whose_name_says_secret_is_redacted_in_the_repr(name: str) -> None:
    cls = model_of(name)
    assert cls is not None  # one of WITH_EXTRA
    model = cls.__new__(cls)
    for attribute in cls.__attrs_attrs__:
        object.__setattr__(model, attribute.name, types.UNSET)
    model.additional_properties = {
        "clientSecret": "extra-secret-1",
        "nested": {"session_token": "extra-secret-2", "rows": [{"private_key": "extra-secret-3"}]},
        "report_presigned_url": "https://example.test/x?signature=extra-secret-4",
        "plain": "shown-as-is",
    }
    shown = repr(model)
    assert "extra-secret" not in shown and "shown-as-is" in shown and shown.count("[REDACTED]") == 4


def test_the_name_rule_marks_keys_codes_and_links_that_work_alone_not_what_is_said_about_them() -> None:
    for name in ("api_key", "clientSecret", "session_token", "password", "private_key", "credentials",
                 "auth_code", "device_code", "presigned_url", "report_presigned_urls", "signed_link"):  # fmt: skip
        assert _secrets.secret_name(name), name
    for name in ("secret_name", "api_key_id", "token_expires_at", "next_page_token", "auth_url", "key_prefix",
                 "code", "download_url", "description"):  # fmt: skip
        assert not _secrets.secret_name(name), name


def test_a_url_described_as_presigned_is_a_secret_where_its_name_alone_does_not_say() -> None:
    from pipeline.spec.secrets import is_secret

    described = {"type": "string", "description": "Pre-signed URL to fetch the export"}
    assert is_secret({}, "export_url", described) and is_secret({}, "links", {"type": "array", "items": described})
    assert not is_secret({}, "expires_at", {"type": "string", "description": "When the presigned URL expires"})
    assert not is_secret({}, "export_url", {"type": "string", "description": "Where the export is listed"})


def test_waiter_errors_quote_the_polled_value_briefly_and_without_a_key_in_use() -> None:
    client = import_generated("client").AuthenticatedClient(token=TOKEN, base_url="https://api.example.test")
    value = f"{TOKEN}-" + "v" * 1000
    for error in (
        errors.WaiterTimeout("wait_for_thing", "GET /v1/things/{id}", 60, object(), value),
        errors.WaiterFailed("wait_for_thing", "GET /v1/things/{id}", object(), value),
    ):
        assert TOKEN not in str(error) and len(str(error)) < 200, str(error)
    del client


def test_a_plain_http_server_is_refused_unless_it_is_this_machine_or_the_caller_opts_in() -> None:
    client_class = import_generated("client").AuthenticatedClient
    with pytest.raises(errors.ConfigurationError) as raised:
        client_class(token=TOKEN, base_url="http://api.example.test")
    assert "allow_insecure_http" in str(raised.value) and TOKEN not in str(raised.value)
    for url in ("http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"):
        client_class(token=TOKEN, base_url=url)
    client_class(token=TOKEN, base_url="http://api.example.test", allow_insecure_http=True)
    # An httpx client set by hand pointing elsewhere is caught when a request would go.
    safe = client_class(token=TOKEN, base_url="https://api.example.test")
    handler = Recorder()
    safe.set_httpx_client(httpx.Client(base_url="http://api.example.test", transport=httpx.MockTransport(handler)))
    op = OPERATIONS[0]
    module = endpoint_module(op.key)
    with pytest.raises(errors.ConfigurationError):
        module.sync_detailed(client=safe, **example_call(op, module.sync_detailed).arguments)
    assert handler.requests == []


@pytest.mark.parametrize("header", ["Authorization", "X-Custom-Api-Key"])
def test_the_auth_header_does_not_follow_a_redirect_to_another_origin(header: str) -> None:
    # Through client.request with the token's scheme asked for: the spec's first operation may send none.
    security = skip_unless_token_in_a_header()
    answer = Step(200, b"{}", {"content-type": "application/json"})
    with fault_server(answer) as elsewhere:
        moved = Step(307, b"", {"location": f"{elsewhere.url}/moved"})
        with fault_server(moved, answer) as origin:
            client = import_generated("client").AuthenticatedClient(
                base_url=origin.url, token=TOKEN, follow_redirects=True, auth_header_name=header
            )
            client.request("GET", "/start", security=security)
            assert len(origin.received) == 1 and TOKEN.encode() in origin.received[0]
        assert len(elsewhere.received) == 1 and TOKEN.encode() not in elsewhere.received[0]
    with fault_server(Step(307, b"", {"location": "/moved-here"}), answer) as origin:  # same origin: it stays
        client = import_generated("client").AuthenticatedClient(
            base_url=origin.url, token=TOKEN, follow_redirects=True, auth_header_name=header
        )
        client.request("GET", "/start", security=security)
        assert len(origin.received) == 2 and TOKEN.encode() in origin.received[1]


@pytest.mark.parametrize(
    "op", cases(WITH_STRING_PATH, "no operation with a string path parameter"), ids=lambda op: getattr(op, "id", "")
)
def test_a_url_too_long_to_send_is_not_quoted_whole(op: Operation) -> None:
    function = endpoint_module(op.key).sync_detailed
    arguments = example_call(op, function).arguments
    arguments[python_name(op.key, "path", string_path_parameters(op)[0])] = "a" * 100_000
    recorder = Recorder()
    with pytest.raises(errors.ClientError) as raised:
        function(client=client_for(recorder), **arguments)
    message = str(raised.value)
    assert len(message) < 2 * runtime_errors.MESSAGE_PATH_CHARS and recorder.requests == [], message[:300]


def test_the_runtime_redacts_the_keys_of_clients_made_even_once_they_are_gone() -> None:
    """What a client returned (a Response, an error) may be shown after the client is gone."""
    from runtime._base_client import BaseAuthenticatedClient

    BaseAuthenticatedClient(base_url="https://api.example.test", token="runtime-key-4b9d")
    assert runtime_errors.redacted("sent runtime-key-4b9d") == "sent [REDACTED]"
    BaseAuthenticatedClient(base_url="https://api.example.test", token="k3y")  # too short to take out anywhere
    assert runtime_errors.redacted("k3y") == "k3y"


def test_importing_the_package_installs_the_log_filters_in_a_fresh_process() -> None:
    program = (
        f"import logging, {package_name()}; "
        "print(sorted(n for n in logging.Logger.manager.loggerDict "
        "if any(type(f).__name__ == 'RedactingFilter' for f in getattr(logging.getLogger(n), 'filters', []))))"
    )
    env = {"PYTHONPATH": str(package_dir().parent)}
    result = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True)
    assert "'httpcore.http11'" in result.stdout and f"'{package_name()}'" in result.stdout
