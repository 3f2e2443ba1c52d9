"""Credentials: the rule that reads securitySchemes and each operation's security (pipeline/generate/auth_scheme.py),
worked examples on a small spec of every kind, and the same promises on every operation of openapi.yaml.

- The rule, on short inline specs: how each kind of scheme travels, which keyword takes it, AND and OR,
  schemes no operation uses, a spec that requires none, an http scheme the client cannot send.
- Worked examples: AUTH_SPEC generated once a session (package `auth_examples`), the call a user writes
  and the literal request.
- Spec-driven: for openapi.yaml's operations and their security requirements, each alternative sends
  exactly its credentials where the spec says (judged from the spec, not from the client's SCHEMES), a
  call lacking them raises before anything is sent, an operation needing none sends none, the default
  reads api_key_env, and no credential shows in a repr, a message or a log line.
"""

import base64
import importlib
import json
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from contract.calls import example_call
from contract.curl_sample import curl_sample, key_variable
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.spec_model import Operation, operations
from pipeline import PipelineError
from pipeline.generate.auth_scheme import GENERATOR_DEFAULT, Scheme, derive_auth
from pipeline.project import ROOT, current
from pipeline.spec.openapi import load_document
from tests.operation_calls import OPERATIONS, SPEC, cases, run_pipeline, success_reply
from tests.real_specs import real_spec_paths, skip_without_real_specs


def spec_with(
    schemes: dict[str, Any], security: list[dict[str, list[str]]] | None = None, **paths: Any
) -> dict[str, Any]:
    """A spec declaring `schemes`, requiring `security` at the top level (default: each scheme, in turn)."""
    spec: dict[str, Any] = {"openapi": "3.1.0", "paths": {}, "components": {"securitySchemes": schemes}}
    if security is not None or schemes:
        spec["security"] = security if security is not None else [{name: []} for name in schemes]
    for path, operation_security in paths.items():
        operation = {} if operation_security is None else {"security": operation_security}
        spec["paths"][f"/{path}"] = {"get": operation}
    return spec


BEARER = {"type": "http", "scheme": "bearer"}
BASIC = {"type": "http", "scheme": "basic"}
DSN = {"type": "http", "scheme": "DSN"}


def key_in(place: str, name: str) -> dict[str, str]:
    return {"type": "apiKey", "in": place, "name": name}


# -- the rule ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "place", "name", "prefix"),
    [
        (BEARER, "header", "Authorization", "Bearer"),
        ({"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"}, "header", "Authorization", "Bearer"),
        ({**key_in("header", "Authorization"), "description": "Use `Authorization: Api-Key <key>`"},
         "header", "Authorization", "Api-Key"),
        ({**key_in("header", "Authorization"), "description": "Specify the scheme 'Token'."},
         "header", "Authorization", "Token"),
        (key_in("header", "X-API-Key"), "header", "X-API-Key", ""),
        (BASIC, "basic", "Authorization", "Basic"),
        (key_in("query", "api_key"), "query", "api_key", ""),
        (key_in("cookie", "session"), "cookie", "session", ""),
        ({"type": "oauth2", "flows": {}}, "header", "Authorization", "Bearer"),
        ({"type": "openIdConnect", "openIdConnectUrl": "https://x.test"}, "header", "Authorization", "Bearer"),
    ],
    ids=["bearer", "bearer-capitalised", "apikey-example", "apikey-scheme-word", "apikey-bare", "basic", "query",
         "cookie", "oauth2", "openid"],
)  # fmt: skip
def test_each_kind_of_scheme_travels_as_the_spec_says(
    scheme: dict[str, Any], place: str, name: str, prefix: str
) -> None:
    (derived,) = derive_auth(spec_with({"Auth": scheme})).schemes
    assert (derived.place, derived.name, derived.prefix) == (place, name, prefix)


def test_without_security_schemes_the_generators_bearer_token_goes_with_every_call() -> None:
    auth = derive_auth({"openapi": "3.1.0", "paths": {"/x": {"get": {}}}})
    assert auth.schemes == (GENERATOR_DEFAULT,) and auth.default == (("default",),) and auth.token_only


def test_the_first_scheme_the_spec_lists_is_token_and_each_other_is_named_after_itself() -> None:
    auth = derive_auth(spec_with({"Key": key_in("header", "X-Key"), "oauth": BEARER, "BasicAuth": BASIC}))
    assert [s.keywords for s in auth.schemes] == [
        ("token",),
        ("oauth",),
        ("basic_auth_username", "basic_auth_password"),
    ]
    assert auth.default == (("Key",), ("oauth",), ("BasicAuth",))  # alternatives, in the spec's order
    assert auth.describe() == (
        "X-Key: <token> or Authorization: Bearer <oauth>"
        " or Authorization: Basic <basic_auth_username:basic_auth_password>"
    )


def test_http_basic_first_takes_a_username_and_a_password() -> None:
    auth = derive_auth(spec_with({"accountSid_authToken": BASIC}))
    assert auth.schemes == (
        Scheme("accountSid_authToken", "basic", "Authorization", "Basic", ("username", "password")),
    )
    assert not auth.token_only and auth.describe() == "Authorization: Basic <username:password>"


def test_schemes_required_together_are_one_requirement() -> None:
    """Plaid: three headers, all required."""
    schemes = {"clientId": key_in("header", "PLAID-CLIENT-ID"), "secret": key_in("header", "PLAID-SECRET"),
               "plaidVersion": key_in("header", "Plaid-Version")}  # fmt: skip
    auth = derive_auth(spec_with(schemes, [{"clientId": [], "secret": [], "plaidVersion": []}]))
    assert auth.default == (("clientId", "secret", "plaidVersion"),)
    assert [s.keywords for s in auth.schemes] == [("token",), ("secret",), ("plaid_version",)]
    assert auth.describe() == "PLAID-CLIENT-ID: <token> and PLAID-SECRET: <secret> and Plaid-Version: <plaid_version>"


def test_an_operation_states_its_own_security_only_where_it_differs_from_the_default() -> None:
    own: dict[str, list[dict[str, list[str]]] | None] = {
        "same": [{"A": []}],
        "inherits": None,
        "other": [{"B": []}, {"A": []}],
        "none": [],
        "optional": [{}, {"A": []}],
    }
    spec = spec_with({"A": BEARER, "B": key_in("query", "k")}, [{"A": []}], **own)
    assert derive_auth(spec).operations == {
        ("get", "/other"): (("B",), ("A",)),
        ("get", "/none"): (),
        ("get", "/optional"): ((), ("A",)),
    }


def test_a_scheme_no_operation_uses_is_left_out_and_stops_nothing() -> None:
    auth = derive_auth(spec_with({"A": BEARER, "Unused": {"type": "mutualTLS"}, "Also": BASIC}, [{"A": []}]))
    assert [s.key for s in auth.schemes] == ["A"] and auth.token_only and not auth.warnings


def test_schemes_declared_and_required_nowhere_are_each_an_alternative_with_a_warning() -> None:
    """Adyen declares X-API-Key and http basic and requires neither."""
    spec = spec_with({"ApiKeyAuth": key_in("header", "X-API-Key"), "BasicAuth": BASIC})
    del spec["security"]
    auth = derive_auth(spec)
    assert auth.default == (("ApiKeyAuth",), ("BasicAuth",))
    assert auth.warnings == (
        "securitySchemes declares ApiKeyAuth, BasicAuth, but no `security` requires any: every operation is read"
        " as taking any one of them, ApiKeyAuth by default",
    )


def test_an_http_scheme_the_client_cannot_send_is_left_out_where_another_is_offered() -> None:
    """Sentry offers its `DSN` scheme beside bearer on one operation."""
    spec = spec_with({"auth_token": BEARER, "dsn": DSN}, [], feedback=[{"auth_token": ["project:write"]}, {"dsn": []}])
    auth = derive_auth(spec)
    assert auth.operations == {("get", "/feedback"): (("auth_token",),)} and [s.key for s in auth.schemes] == [
        "auth_token"
    ]
    assert auth.warnings == (
        "securitySchemes.dsn: http DSN is not a scheme the client can send; left out where another is offered",
    )


def test_where_it_is_the_only_way_the_caller_arranges_it_and_the_spec_still_generates() -> None:
    spec = spec_with({"auth_token": BEARER, "dsn": DSN}, [{"auth_token": []}], events=[{"dsn": []}])
    auth = derive_auth(spec)
    assert auth.operations == {("get", "/events"): (("dsn",),)}
    assert auth.warnings[0].endswith(
        "; the only way to call GET /events: those calls carry no credentials of the client's, the caller arranges"
        " them (headers=, a client certificate)"
    )
    assert (
        Scheme("dsn", "unsupported", "http DSN") in auth.schemes and auth.describe() == "Authorization: Bearer <token>"
    )


@pytest.mark.parametrize(
    "scheme",
    [{"type": "mutualTLS"}, {"type": "http", "scheme": "digest"}, key_in("header", "Bad Header"),
     key_in("cookie", "a;b"), {"type": "apiKey", "in": "body", "name": "key"}],
    ids=["mutual-tls", "digest", "header-name", "cookie-name", "apikey-in-body"],
)  # fmt: skip
def test_what_the_client_cannot_send_is_a_warning_not_a_stop(scheme: dict[str, Any]) -> None:
    auth = derive_auth(spec_with({"Odd": scheme, "A": BEARER}, [{"Odd": []}, {"A": []}]))
    assert auth.default == (("A",),) and "securitySchemes.Odd" in auth.warnings[0]


def test_a_requirement_naming_no_declared_scheme_stops_the_run_at_its_location() -> None:
    with pytest.raises(PipelineError) as raised:
        derive_auth(spec_with({"A": BEARER}, [{"A": []}], x=[{"Missing": []}]))
    assert raised.value.problems == [
        "#/paths/~1x/get/security/0: 'Missing' names no entry in components.securitySchemes"
    ]


def test_a_keyword_never_takes_a_name_the_client_has() -> None:
    schemes = {"A": BEARER, "headers": key_in("header", "X-H"), "class": key_in("header", "X-C"),
               "models": key_in("header", "X-M")}  # fmt: skip
    auth = derive_auth(spec_with(schemes), taken={"models"})  # a group of the client tree
    assert [s.keywords for s in auth.schemes] == [("token",), ("headers_",), ("class_",), ("models_",)]


@pytest.mark.parametrize("path", real_spec_paths() or [None], ids=lambda p: p.name if p else "absent")
def test_real_specs_derive_the_header_their_curl_samples_send(path: Path | None) -> None:
    skip_without_real_specs()
    assert path is not None
    spec = load_document(path)
    header = derive_auth(spec).default_scheme
    assert header is not None and header.place == "header"
    expected = f"{header.prefix} {key_variable()}" if header.prefix else key_variable()
    samples = [s for op in operations(spec) if (s := curl_sample(op.spec)) is not None]
    assert samples, f"{path.name} has no curl samples to compare with"
    assert {s.headers.get(header.name.lower()) for s in samples} == {expected}


# -- worked examples --------------------------------------------------------------------------------------

AUTH_SPEC = ROOT / "tests" / "specs" / "auth.yaml"  # `make rehearse SPEC=tests/specs/auth.yaml` runs the suite on it


@pytest.fixture(scope="session")
def generated_auth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, str]]:
    """The package generated from AUTH_SPEC, imported, and what `make generate` printed on stderr."""
    root = tmp_path_factory.mktemp("auth_examples")
    shutil.copy(AUTH_SPEC, root / "openapi.yaml")
    config = (ROOT / "generator-config.yaml").read_text(encoding="utf-8")
    config = config.replace("package_name_override: baseten_management", "package_name_override: auth_examples")
    (root / "generator-config.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "templates", root / "templates")
    inputs = {"--spec": "openapi.yaml", "--config": "generator-config.yaml", "--templates": "templates"}
    arguments = [str(item) for flag, name in inputs.items() for item in (flag, root / name)]
    result = run_pipeline("generate", *arguments, "--out", str(root / "generated"))
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(root / "generated"))
    try:
        yield importlib.import_module("auth_examples"), result.stderr
    finally:
        sys.path.remove(str(root / "generated"))


@pytest.fixture
def examples(generated_auth: tuple[ModuleType, str], monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.delenv("BASETEN_API_KEY", raising=False)
    return generated_auth[0]


class Recorder:
    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return httpx.Response(204)


def client(package: ModuleType, server: Recorder, **credentials: str) -> Any:
    return package.AuthenticatedClient(httpx_args={"transport": httpx.MockTransport(server)}, **credentials)


def test_http_basic_sends_the_username_and_password_encoded(examples: ModuleType) -> None:
    server = Recorder()
    client(examples, server, username="AC01", password="s3cret-pass").accounts.list_accounts()
    assert server.sent[0].headers["authorization"] == "Basic QUMwMTpzM2NyZXQtcGFzcw=="  # base64 of AC01:s3cret-pass


def test_for_http_basic_the_environment_variable_holds_username_colon_password(
    examples: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BASETEN_API_KEY", "AC01:s3cret-pass")
    server = Recorder()
    client(examples, server).accounts.list_accounts()
    assert server.sent[0].headers["authorization"] == "Basic QUMwMTpzM2NyZXQtcGFzcw=="


def test_schemes_required_together_are_sent_together(examples: ModuleType) -> None:
    server = Recorder()
    client(examples, server, client_id="client-1", secret="secret-1").transfers.create_transfer()
    headers = server.sent[0].headers
    assert (headers["plaid-client-id"], headers["plaid-secret"]) == ("client-1", "secret-1")
    assert "authorization" not in headers


def test_a_call_lacking_a_credential_raises_naming_it_before_anything_is_sent(examples: ModuleType) -> None:
    server = Recorder()
    with pytest.raises(examples.errors.ConfigurationError) as raised:
        client(examples, server, client_id="client-1").transfers.create_transfer()
    assert str(raised.value) == (
        "POST /v1/transfers needs credentials this client was not given: pass secret= (ClientId and Secret)"
        " to AuthenticatedClient"
    )
    assert server.sent == []


def test_of_alternatives_the_first_the_client_has_every_credential_for_is_sent(examples: ModuleType) -> None:
    server = Recorder()
    client(examples, server, username="AC01", password="pw", client_id="client-1").reports.list_reports()
    assert (
        server.sent[0].headers["authorization"] == "Basic QUMwMTpwdw=="
        and "plaid-client-id" not in server.sent[0].headers
    )
    client(examples, server, username="AC01", password="pw", client_id="c", secret="s").reports.list_reports()
    assert "authorization" not in server.sent[1].headers and server.sent[1].headers["plaid-secret"] == "s"


def test_a_key_in_the_query_or_in_a_cookie(examples: ModuleType) -> None:
    server = Recorder()
    both = client(examples, server, query_key="k 1", session_cookie="cookie-1")
    both.search.get_search(q="pets")
    both.session.get_session()
    assert str(server.sent[0].url) == "https://api.example.test/v1/search?q=pets&key=k%201"
    assert server.sent[1].headers["cookie"] == "session=cookie-1"


def test_an_operation_that_needs_no_credentials_sends_none(examples: ModuleType) -> None:
    server = Recorder()
    client(examples, server, username="AC01", password="pw", query_key="k", session_cookie="c").health.get_health()
    assert "authorization" not in server.sent[0].headers and "cookie" not in server.sent[0].headers
    assert server.sent[0].url.query == b""


def test_a_scheme_the_client_cannot_send_is_a_warning_and_where_it_is_the_only_way_the_caller_arranges_it(
    examples: ModuleType, generated_auth: tuple[ModuleType, str]
) -> None:
    assert (
        "openapi.yaml: securitySchemes.Dsn: http DSN is not a scheme the client can send; left out where another"
        " is offered; the only way to call POST /v1/events: those calls carry no credentials of the client's,"
        " the caller arranges them (headers=, a client certificate)"
    ) in generated_auth[1]
    assert "openapi.yaml: securitySchemes.Mtls: mutualTLS is not a scheme the client can send" in generated_auth[1]
    server = Recorder()
    built = client(examples, server, username="AC01", password="pw", oauth="oauth-token-1")
    built.with_options(headers={"Authorization": "DSN dsn-1"}).events.create_event()
    built.jobs.list_jobs()  # mutual TLS left out: the oauth2 token is the first it can send
    assert [request.headers.get("authorization") for request in server.sent] == ["DSN dsn-1", "Bearer oauth-token-1"]


def test_oauth2_and_openid_connect_send_the_callers_bearer_token(examples: ModuleType) -> None:
    server = Recorder()
    client(examples, server, oidc="oidc-token-1").jobs.list_jobs()
    client(examples, server, bearer_auth="bearer-1").accounts.list_accounts()
    assert [request.headers["authorization"] for request in server.sent] == ["Bearer oidc-token-1", "Bearer bearer-1"]


def test_a_client_with_no_credential_at_all_is_refused_when_it_is_built(examples: ModuleType) -> None:
    with pytest.raises(examples.errors.ConfigurationError) as raised:
        examples.AuthenticatedClient()
    assert str(raised.value) == (
        "no credentials: pass username=... and password=... (or set BASETEN_API_KEY), or bearer_auth=..., or"
        " client_id=..., or secret=..., or query_key=..., or session_cookie=..., or oauth=..., or oidc=..."
    )


def test_no_credential_shows_in_the_clients_repr(examples: ModuleType) -> None:
    built = client(examples, Recorder(), username="AC01", password="s3cret-pass", client_id="client-id-19d")
    assert not {"AC01", "s3cret-pass", "client-id-19d"} & set(repr(built).replace("'", " ").split())


# -- openapi.yaml's operations ------------------------------------------------------------------------------

SCHEMES: dict[str, dict[str, Any]] = (SPEC.get("components") or {}).get("securitySchemes") or {}
CLIENT_SCHEMES = import_generated("client").AuthenticatedClient.SCHEMES  # those some operation uses
SENDABLE_HTTP = ("basic", "bearer")


def sendable(name: str) -> bool:
    """Whether the client can send the scheme, by the spec alone: an apiKey in a header, the query or a
    cookie; http basic or bearer; oauth2; openIdConnect. A scheme no operation uses is not the client's."""
    if name not in CLIENT_SCHEMES:
        return False
    scheme = SCHEMES.get(name) or {}
    kind = scheme.get("type")
    if kind == "apiKey":
        return scheme.get("in") in ("header", "query", "cookie")
    return kind in ("oauth2", "openIdConnect") or (
        kind == "http" and str(scheme.get("scheme")).lower() in SENDABLE_HTTP
    )


def offered(op: Operation) -> list[tuple[str, ...]]:
    """The operation's alternatives by the spec: its own security, else the top-level one, else (a spec that
    declares schemes and requires none) any one of them."""
    security = op.spec.get("security", SPEC.get("security"))
    if security is None and "security" not in SPEC and not any("security" in o.spec for o in OPERATIONS):
        security = [{name: []} for name in SCHEMES]
    return [tuple(requirement) for requirement in security or []]


def by_security() -> list[Operation]:
    """One operation for each distinct security the spec's operations have: the mechanism is one, the
    cases are the shapes the spec uses."""
    seen: dict[str, Operation] = {}
    for op in OPERATIONS:
        seen.setdefault(json.dumps(offered(op)), op)
    return list(seen.values())


def value_of(keyword: str) -> str:
    return f"cred-{keyword.replace('_', '-')}-7c1e"  # header-, query- and cookie-safe; long enough to scrub


def keywords_of(name: str) -> tuple[str, ...]:
    return tuple(CLIENT_SCHEMES[name].keywords)


def carries(request: httpx.Request, name: str) -> bool:
    """Whether the request carries scheme `name`'s credential where the spec says (value_of its keywords)."""
    scheme, values = SCHEMES[name], [value_of(keyword) for keyword in keywords_of(name)]
    kind, word = scheme.get("type"), str(scheme.get("scheme", "")).lower()
    authorization: str = request.headers.get("authorization", "")
    if kind == "http" and word == "basic":
        return authorization == "Basic " + base64.b64encode(":".join(values).encode()).decode()
    if kind in ("oauth2", "openIdConnect") or kind == "http":
        return authorization == f"Bearer {values[0]}"
    place, key = scheme.get("in"), str(scheme.get("name"))
    if place == "query":
        return (key, values[0]) in parse_qsl(request.url.query.decode())
    if place == "cookie":
        return f"{key}={values[0]}" in request.headers.get("cookie", "").split("; ")
    header: str = request.headers.get(key, "")
    return header.split(" ")[-1] == values[0]  # after the scheme word it prescribes


def send(op: Operation, credentials: dict[str, str], **options: Any) -> httpx.Request | None:
    """Call the operation with a client holding exactly `credentials`; the request sent, if any."""
    sent: list[httpx.Request] = []
    reply = success_reply(op)

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return reply

    transport = httpx.MockTransport(answer)
    built = import_generated("client").AuthenticatedClient(
        base_url="https://api.example.test", httpx_args={"transport": transport}, **credentials, **options
    )
    module = endpoint_module(op.key)
    module.sync_detailed(client=built, **example_call(op, module.sync_detailed).arguments)
    return sent[0] if sent else None


@pytest.fixture
def no_key_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    if current().api_key_env:
        monkeypatch.delenv(current().api_key_env, raising=False)


ALTERNATIVES = [
    (op, requirement)
    for op in by_security()
    for requirement in offered(op)
    if requirement and all(sendable(name) for name in requirement)
]


@pytest.mark.parametrize(
    ("op", "requirement"),
    cases(ALTERNATIVES, "no operation that asks for a credential the client sends (no securitySchemes)", 2),
    ids=lambda v: getattr(v, "id", None) or " and ".join(v or ()),
)
@pytest.mark.usefixtures("no_key_variable")
def test_each_alternative_sends_exactly_its_credentials_where_the_spec_says(
    op: Operation, requirement: tuple[str, ...]
) -> None:
    request = send(op, {keyword: value_of(keyword) for name in requirement for keyword in keywords_of(name)})
    assert request is not None
    assert [name for name in requirement if not carries(request, name)] == []
    others = {
        keyword for name in SCHEMES if name not in requirement and sendable(name) for keyword in keywords_of(name)
    }
    shown = str(request.url) + repr(request.headers.raw)
    assert [keyword for keyword in others if value_of(keyword) in shown] == []


CHOICES = [op for op in by_security() if sum(1 for r in offered(op) if r and all(map(sendable, r))) > 1]


@pytest.mark.parametrize(
    "op", cases(CHOICES, "no operation that offers alternatives"), ids=lambda op: getattr(op, "id", "")
)
@pytest.mark.usefixtures("no_key_variable")
def test_a_client_holding_every_credential_sends_the_first_alternative(op: Operation) -> None:
    every = {keyword: value_of(keyword) for name in SCHEMES if sendable(name) for keyword in keywords_of(name)}
    request = send(op, every)
    first = next(r for r in offered(op) if r and all(map(sendable, r)))
    assert request is not None and all(carries(request, name) for name in first)


def lacking(op: Operation) -> dict[str, str]:
    """Every credential but those the operation's alternatives name."""
    named = {name for requirement in offered(op) for name in requirement}
    return {kw: value_of(kw) for name in SCHEMES if name not in named and sendable(name) for kw in keywords_of(name)}


# Operations whose every alternative asks for a credential the client sends (a scheme it cannot send, as
# mutualTLS, is the caller's to arrange).
UNMET = [op for op in by_security() if offered(op) and all(any(map(sendable, r)) for r in offered(op))]


@pytest.mark.parametrize(
    "op", cases(UNMET, "no operation that needs credentials"), ids=lambda op: getattr(op, "id", "")
)
@pytest.mark.usefixtures("no_key_variable")
def test_a_call_the_client_lacks_the_credentials_for_raises_before_anything_is_sent(op: Operation) -> None:
    if not lacking(op):
        pytest.skip(f"openapi.yaml's client has no credential {op.id} does not ask for: it cannot be built without")
    errors = import_generated("errors")
    with pytest.raises(errors.ConfigurationError) as raised:
        send(op, lacking(op))
    wanted = [kw for r in offered(op) for name in r if sendable(name) for kw in keywords_of(name)]
    assert any(f"{keyword}=" in str(raised.value) for keyword in wanted)


CALLERS_OWN = [op for op in by_security() if offered(op) and not any(map(sendable, sum(offered(op), ())))]


@pytest.mark.parametrize(
    "op",
    cases(CALLERS_OWN, "no operation that offers only schemes the client cannot send"),
    ids=lambda op: getattr(op, "id", ""),
)
@pytest.mark.usefixtures("no_key_variable")
def test_an_operation_offering_only_schemes_the_client_cannot_send_carries_none_of_its_credentials(
    op: Operation,
) -> None:
    every = {keyword: value_of(keyword) for name in SCHEMES if sendable(name) for keyword in keywords_of(name)}
    request = send(op, every or {"token": value_of("token")})
    assert request is not None
    shown = str(request.url) + repr(request.headers.raw)
    assert [kw for kw in every or ["token"] if value_of(kw) in shown] == []


NONE_NEEDED = [op for op in by_security() if op.spec.get("security", SPEC.get("security")) == []]


@pytest.mark.parametrize(
    "op", cases(NONE_NEEDED, "no operation that needs no credentials"), ids=lambda op: getattr(op, "id", "")
)
def test_an_operation_that_needs_no_credentials_sends_none_whatever_the_client_holds(op: Operation) -> None:
    every = {keyword: value_of(keyword) for name in SCHEMES if sendable(name) for keyword in keywords_of(name)}
    request = send(op, every or {"token": value_of("token")})
    assert request is not None
    shown = str(request.url) + repr(request.headers.raw)
    assert [kw for kw in every or ["token"] if value_of(kw) in shown] == []


def test_the_default_credential_is_read_from_api_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    variable = current().api_key_env
    if not variable:
        pytest.skip("generator-config.yaml sets no api_key_env")
    client_class = import_generated("client").AuthenticatedClient
    default = next(s for s in client_class.SCHEMES.values() if s.keywords in (("token",), ("username", "password")))
    name = next(name for name, s in client_class.SCHEMES.items() if s is default)
    users = [op for op in by_security() if (name,) in offered(op)] if SCHEMES else by_security()
    if not users:
        pytest.skip(f"no operation of openapi.yaml takes {name}, the default, alone")
    basic = default.place == "basic"
    monkeypatch.setenv(variable, f"{value_of('username')}:{value_of('password')}" if basic else value_of("token"))
    request = send(users[0], {})
    assert request is not None
    if SCHEMES:
        assert carries(request, name)
    else:  # the generator's bearer token
        assert request.headers["authorization"] == f"Bearer {value_of('token')}"


@pytest.mark.usefixtures("no_key_variable")
def test_no_credential_shows_in_a_repr_an_error_or_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    every = {kw: value_of(kw) for name in SCHEMES if sendable(name) for kw in keywords_of(name)} or {
        "token": value_of("token")
    }
    # Each credential but a username (an account's name, not a secret), and http basic's encoded pair.
    secrets = [value for keyword, value in every.items() if not keyword.endswith("username")]
    for scheme in CLIENT_SCHEMES.values():
        if scheme.place == "basic" and set(scheme.keywords) <= every.keys():
            pair = ":".join(every[keyword] for keyword in scheme.keywords)
            secrets.append(base64.b64encode(pair.encode()).decode())
    errors = import_generated("errors")
    echo = json.dumps({"detail": f"bad credentials: {' '.join(secrets)}"}).encode()
    caplog.set_level(logging.DEBUG)
    shown: list[str] = []
    for op in by_security():
        built = import_generated("client").AuthenticatedClient(
            base_url="https://api.example.test",
            httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(401, content=echo))},
            max_retries=0,
            **every,
        )
        shown.append(repr(built))
        module = endpoint_module(op.key)
        try:
            module.sync(client=built, **example_call(op, module.sync).arguments)
        except errors.ClientError as error:
            shown += [str(error), repr(error)]
    shown += [record.getMessage() for record in caplog.records]
    assert [secret for secret in secrets if any(secret in text for text in shown)] == []
