"""The generated client's own behaviour: configuration from the spec and the environment, secrets kept
out of every repr, message and log line, finite timeouts, a User-Agent, and enums that accept new values."""

import enum
import logging
import re
import tomllib

import httpx
import pytest

from contract.curl_sample import API_KEY_ENV
from contract.generated_package import ROOT, import_generated
from pipeline.auth_scheme import derive_auth_header
from pipeline.client_defaults import sample_key_variable
from tests.fault_server import Step, fault_server
from tests.operation_calls import OPERATIONS, SPEC, TOKEN, Recorder, call, json_reply, success_reply

client_module = import_generated("client")
errors = import_generated("errors")
models = import_generated("models")


def authenticated_client(**options):
    return client_module.AuthenticatedClient(base_url="https://api.example.test", token=TOKEN, **options)


def test_token_never_appears_in_repr_or_str():
    client = authenticated_client(headers={"X-Trace": "1"})
    client.get_httpx_client()
    client.get_async_httpx_client()
    for text in (repr(client), str(client), repr(client.with_headers({"X-Other": "2"}))):
        assert TOKEN not in text
    assert "X-Trace" in repr(client)  # the repr still shows what is safe to show


def test_token_never_appears_in_a_log_line(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request and connection step at DEBUG
    with fault_server(Step(status=401, body=b'{"detail": "bad key"}')) as server:
        client = client_module.AuthenticatedClient(base_url=server.url, token=TOKEN, max_retries=0)
        with pytest.raises(errors.AuthenticationError):
            call(OPERATIONS[0], Recorder(json_reply(401)), max_retries=0)
        client.request("GET", "/v1/anything")
    assert caplog.records, "nothing was logged, so nothing was checked"
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


def test_the_auth_header_survives_with_headers_and_timeout_changes():
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: seen.append(request) or httpx.Response(204))
    client = authenticated_client(httpx_args={"transport": transport})
    client = client.with_headers({"X-Extra": "1"}).with_timeout(httpx.Timeout(5.0))
    client.get_httpx_client().get("/")
    assert TOKEN in seen[0].headers[client.auth_header_name]
    assert seen[0].headers["x-extra"] == "1"


def test_base_url_defaults_to_the_specs_first_server(monkeypatch: pytest.MonkeyPatch):
    servers = SPEC.get("servers") or []
    if not servers or servers[0]["url"].startswith("/"):
        pytest.skip("openapi.yaml names no absolute server, so base_url stays a required argument")
    monkeypatch.setenv(client_module.API_KEY_ENVIRONMENT_VARIABLE, TOKEN)
    for client in (client_module.Client(), client_module.AuthenticatedClient()):
        assert str(client.get_httpx_client().base_url).rstrip("/") == servers[0]["url"].rstrip("/")


def test_the_token_falls_back_to_the_configured_variable(monkeypatch: pytest.MonkeyPatch):
    if not API_KEY_ENV:
        pytest.skip("generator-config.yaml sets no api_key_env, so token= is required")
    variable = client_module.API_KEY_ENVIRONMENT_VARIABLE
    assert variable == API_KEY_ENV
    monkeypatch.setenv(variable, TOKEN)
    assert client_module.AuthenticatedClient().token == TOKEN
    assert client_module.AuthenticatedClient(token="explicit").token == "explicit"
    monkeypatch.delenv(variable)
    with pytest.raises(errors.ConfigurationError, match=variable):
        client_module.AuthenticatedClient()


def test_the_configured_variable_is_the_one_the_curl_samples_send():
    sampled = sample_key_variable(SPEC, derive_auth_header(ROOT / "openapi.yaml", SPEC))
    if not sampled:
        pytest.skip("openapi.yaml has no curl sample that sends the API key in the auth header")
    assert sampled == API_KEY_ENV, "generator-config.yaml's api_key_env differs from the spec's samples"


def test_the_user_agent_names_the_package_python_and_httpx():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    recorder = Recorder(success_reply(OPERATIONS[0]))
    call(OPERATIONS[0], recorder)
    user_agent = recorder.requests[0].headers["user-agent"]
    pattern = rf"{re.escape(project['name'])}/{re.escape(project['version'])} python/3\.\d+ httpx/\d+\.\d+"
    assert re.fullmatch(pattern, user_agent), user_agent
    recorder = Recorder(success_reply(OPERATIONS[0]))
    call(OPERATIONS[0], recorder, headers={"user-agent": "mine/1"})
    assert recorder.requests[0].headers.get_list("user-agent") == ["mine/1"]  # the caller's wins, once


def test_timeouts_are_finite_by_default_and_can_be_changed():
    timeout = authenticated_client().get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 60.0)
    assert None not in (timeout.write, timeout.pool)
    assert authenticated_client(timeout=httpx.Timeout(1.0)).get_httpx_client().timeout.read == 1.0


def enum_classes() -> list[type[enum.Enum]]:
    exported = (getattr(models, name) for name in models.__all__)  # models load lazily: vars() holds few
    found = {value for value in exported if isinstance(value, type) and issubclass(value, enum.Enum)}
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", enum_classes() or [None], ids=lambda cls: getattr(cls, "__name__", "none"))
def test_an_enum_accepts_a_value_the_spec_does_not_list(cls):
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
