"""Every operation in openapi.yaml, called through the generated client, sends what the spec says.

Where an operation has an `x-codeSamples` curl command (every Baseten operation does), the request is
that command's: same method, path, auth header and JSON body. Parameters and bodies the sample leaves
out are built from the spec's schemas.
"""

import asyncio
import json
import typing
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
import pytest
from openapi_schema_validator import OAS30Validator, OAS31Validator

from tests.curl_sample import KEY_VARIABLE, curl_sample, sample_path
from tests.generated_package import endpoint_modules, import_generated
from tests.python_values import model_class, python_name, to_python
from tests.spec_model import (
    Operation,
    current_spec,
    example_value,
    json_request_schema,
    operations,
    resolve,
    success_response,
)

SPEC = current_spec()
OPERATIONS = operations(SPEC)
MODULES = endpoint_modules()
# Rooted at the spec, so component $refs resolve; the dialect follows the spec's version.
SPEC_VALIDATOR = (OAS31Validator if str(SPEC["openapi"]).startswith("3.1") else OAS30Validator)(SPEC)
TOKEN = "test-token-7f3a9c"  # made up; it must reach the wire and nowhere else
BASE_URL = "https://api.example.test"


def test_every_operation_has_exactly_one_endpoint_module():
    in_spec = {(op.method, op.path) for op in OPERATIONS}
    assert in_spec, "openapi.yaml has no operations"
    assert not in_spec - set(MODULES), f"operations with no generated module: {sorted(in_spec - set(MODULES))}"
    assert not set(MODULES) - in_spec, f"generated modules for no operation: {sorted(set(MODULES) - in_spec)}"


def test_curl_samples_agree_with_the_spec():
    for op in OPERATIONS:
        sample = curl_sample(op.spec)
        if sample is not None:
            assert (sample.method, sample_path(sample)) == (op.method.upper(), op.path), f"{op.id}: sample differs"


class Recorder:
    """An httpx transport handler that keeps the request and answers with the operation's 2xx response."""

    def __init__(self, status: int, body: Any = None, content: bytes | None = None):
        self.status, self.body, self.content = status, body, content
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.content is not None:
            return httpx.Response(self.status, content=self.content)
        if self.body is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.body)


def client_for(recorder: Recorder):
    client_module = import_generated("client")
    transport = httpx.MockTransport(recorder)
    return client_module.AuthenticatedClient(
        base_url=BASE_URL, token=TOKEN, raise_on_unexpected_status=True, httpx_args={"transport": transport}
    )


def path_value(parameter: dict[str, Any]) -> Any:
    # A string that needs escaping: the path must carry it percent-encoded, not split at the slash.
    return 7 if resolve(SPEC, parameter.get("schema", {})).get("type") == "integer" else "id 1/ä"


def request_body(op: Operation) -> tuple[Any, str]:
    """The JSON body to send and where it came from: the curl sample when it fits the schema, else the schema.

    Baseten's generated samples often put null where the schema requires a value; the schema wins.
    """
    schema = json_request_schema(SPEC, op)
    sample = curl_sample(op.spec)
    if sample is not None and sample.data is not None:
        if schema is None or not any(SPEC_VALIDATOR.evolve(schema=schema).iter_errors(sample.data)):
            return sample.data, "curl sample"
    body = resolve(SPEC, op.spec.get("requestBody")) or {}
    if schema is not None and (body.get("required") or sample is not None and sample.data is not None):
        return example_value(SPEC, schema), "schema example"
    return None, "no body"


def call(op: Operation, recorder: Recorder, mode: str):
    """Call the operation's generated function; return (response, expected path, expected query, body sent)."""
    module = MODULES[(op.method, op.path)]
    function = module.sync_detailed if mode == "sync" else module.asyncio_detailed
    hints = typing.get_type_hints(function)
    arguments: dict[str, Any] = {}
    path = op.path
    for parameter in op.params_in("path"):
        value = path_value(parameter)
        arguments[python_name(parameter["name"])] = value
        path = path.replace("{" + parameter["name"] + "}", quote(str(value), safe=""))
    query = {}
    for parameter in op.params_in("query"):
        schema = resolve(SPEC, parameter.get("schema", {}))
        if parameter.get("required"):
            value = example_value(SPEC, schema)
            name = python_name(parameter["name"])
            arguments[name] = to_python(hints[name], value)
        elif schema.get("default") is not None:
            value = schema["default"]  # the generator sends an optional parameter's default explicitly
        else:
            continue
        query[parameter["name"]] = str(value).lower() if isinstance(value, bool) else str(value)
    body, _source = request_body(op)
    if body is not None:
        arguments["body"] = to_python(hints["body"], body)
    client = client_for(recorder)
    result = function(client=client, **arguments)
    response = asyncio.run(result) if mode == "async" else result
    return response, path, query, body


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: f"{op.id} ({request_body(op)[1]})")
def test_operation_sends_what_the_spec_says(op: Operation, mode: str):
    status, schema = success_response(SPEC, op)
    recorder = Recorder(status, example_value(SPEC, schema) if schema is not None else None)
    response, path, query, body = call(op, recorder, mode)

    (request,) = recorder.requests
    assert request.method == op.method.upper()
    assert f"{request.url.scheme}://{request.url.host}" == BASE_URL
    assert request.url.raw_path.decode().split("?")[0] == path
    assert dict(parse_qsl(request.url.query.decode())) == query
    sample = curl_sample(op.spec)
    if sample is not None:
        auth = {name: value for name, value in sample.headers.items() if KEY_VARIABLE in value}
        assert auth, f"{op.id}: the curl sample sends no header with {KEY_VARIABLE}"
        for name, value in auth.items():
            assert request.headers.get(name) == value.replace(KEY_VARIABLE, TOKEN)
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == body
    assert response.status_code == status
    expected_model = model_class(typing.get_type_hints(MODULES[(op.method, op.path)].sync).get("return"))
    if schema is not None and expected_model is not None:
        assert isinstance(response.parsed, expected_model)


JSON_OPERATIONS = [op for op in OPERATIONS if success_response(SPEC, op)[1] is not None]


@pytest.mark.parametrize("op", JSON_OPERATIONS, ids=lambda op: op.id)
def test_a_body_that_breaks_the_spec_raises_unexpected_response(op: Operation):
    errors = import_generated("errors")
    status, schema = success_response(SPEC, op)
    malformed = [b"<html>502 Bad Gateway</html>"]
    if resolve(SPEC, schema).get("required"):
        malformed.append(json.dumps({"echo": TOKEN}).encode())  # required fields missing
    for content in malformed:
        with pytest.raises(errors.UnexpectedResponse) as raised:
            call(op, Recorder(status, content=content), "sync")
        assert isinstance(raised.value, errors.ClientError)
        message = str(raised.value)
        assert op.path in message and str(status) in message
        assert TOKEN not in message and len(message) < 500


WITHOUT_DEFAULT_RESPONSE = [op for op in OPERATIONS if "default" not in op.spec.get("responses", {})]


@pytest.mark.parametrize("op", WITHOUT_DEFAULT_RESPONSE, ids=lambda op: op.id)
def test_an_undocumented_status_raises_unexpected_status(op: Operation):
    errors = import_generated("errors")
    undocumented = next(code for code in (418, 599) if str(code) not in op.spec.get("responses", {}))
    body = {"api_key": TOKEN}  # an undocumented response may carry a secret: keep it out of the message
    with pytest.raises(errors.UnexpectedStatus) as raised:
        call(op, Recorder(undocumented, body), "sync")
    assert raised.value.status_code == undocumented
    assert json.loads(raised.value.content) == body
    assert TOKEN not in str(raised.value)
