"""The generated client's own behaviour: auth header, secrets kept out of repr, timeouts, errors."""

import httpx

from tests.generated_package import import_generated

TOKEN = "sk-secret-2b1e"


def authenticated_client(**options):
    client = import_generated("client")
    return client.AuthenticatedClient(base_url="https://api.example.test", token=TOKEN, **options)


def test_token_never_appears_in_repr_or_str():
    client = authenticated_client(headers={"X-Trace": "1"})
    client.get_httpx_client()
    client.get_async_httpx_client()
    for text in (repr(client), str(client), repr(client.with_headers({"X-Other": "2"}))):
        assert TOKEN not in text
    assert "X-Trace" in repr(client)  # the repr still shows what is safe to show


def test_auth_header_survives_with_headers_and_timeout_changes():
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: seen.append(request) or httpx.Response(204))
    client = authenticated_client(httpx_args={"transport": transport})
    client = client.with_headers({"X-Extra": "1"}).with_timeout(httpx.Timeout(5.0))
    client.get_httpx_client().get("/")
    assert TOKEN in seen[0].headers[client.auth_header_name]
    assert seen[0].headers["x-extra"] == "1"


def test_default_timeout_is_finite():
    timeout = authenticated_client().get_httpx_client().timeout
    assert None not in (timeout.connect, timeout.read, timeout.write, timeout.pool)


def test_every_client_error_shares_one_base_class():
    errors = import_generated("errors")
    raised = [errors.UnexpectedStatus(500, b"boom"), errors.UnexpectedResponse("GET", "/x", 200, KeyError("id"))]
    for error in raised:
        assert isinstance(error, errors.ClientError)
    assert "missing field 'id'" in str(raised[1])
