"""Every operation in openapi.yaml, called through the generated client, sends what the spec says.

Where an operation has an `x-codeSamples` curl command (every Baseten operation does), the request is
that command's: same method, path, auth header and JSON body. Parameters and bodies the sample leaves
out are built from the spec's schemas.
"""

import json
import typing
from urllib.parse import parse_qsl

import pytest

from tests.curl_sample import KEY_VARIABLE, curl_sample, sample_path
from tests.operation_calls import BASE_URL, MODULES, OPERATIONS, SPEC, TOKEN, Recorder, call, json_reply, request_body
from tests.python_values import model_class
from tests.spec_model import Operation, example_value, success_response


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


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: f"{op.id} ({request_body(op)[1]})")
def test_operation_sends_what_the_spec_says(op: Operation, mode: str):
    status, schema = success_response(SPEC, op)
    recorder = Recorder(json_reply(status, example_value(SPEC, schema) if schema is not None else None))
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
