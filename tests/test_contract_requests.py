"""Requests on the wire, judged by openapi-core: for every operation, arguments drawn from the spec's own
schemas (hypothesis-jsonschema) go through the generated client, and what it sends must be a valid
request for that operation: method, path, query, auth header and JSON body. The body must also be the
JSON that was drawn: the request model gives back exactly what it was built from."""

import json
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.openapi_core_request import request_errors
from tests.operation_calls import MODULES, OPERATIONS, SPEC, Recorder, client_for, success_reply
from tests.python_values import python_name, to_python
from tests.schema_strategies import CONTRACT_SETTINGS, json_values, misplaced_fields, same_json
from tests.spec_model import Operation, json_request_schema, resolve

# openapi-core matches a request to the spec's servers, so the client talks to the first one (mocked).
SERVER = next((s["url"] for s in SPEC.get("servers") or [] if s["url"].startswith("http")), "https://api.example.test")


def parameter_values(op: Operation, data: st.DataObject) -> dict[str, Any]:
    """A value for each path and required parameter, and for some optional ones, drawn from its schema."""
    values = {}
    for parameter in op.parameters:
        if parameter.get("in") not in ("path", "query", "header"):
            continue
        schema = resolve(SPEC, parameter.get("schema", {}))
        if not parameter.get("required") and not data.draw(st.booleans(), label=f"send {parameter['name']}"):
            continue
        # An empty string is not a value: a path would lose a segment, and a query needs allowEmptyValue.
        schema = {**schema, "minLength": 1}
        values[parameter["name"]] = data.draw(json_values(schema), label=parameter["name"])
    return values


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
@CONTRACT_SETTINGS
@given(data=st.data())
def test_requests_built_from_the_spec_are_valid_for_the_spec(op: Operation, data: st.DataObject):
    function = MODULES[(op.method, op.path)].sync_detailed
    hints = typing.get_type_hints(function)
    arguments = {
        python_name(name): to_python(hints[python_name(name)], value)
        for name, value in parameter_values(op, data).items()
    }
    schema = json_request_schema(SPEC, op)
    body = None
    if schema is not None and "body" in hints:
        body = data.draw(json_values(schema), label="body")
        arguments["body"] = to_python(hints["body"], body)
        assert misplaced_fields(arguments["body"]) == []
    recorder = Recorder(success_reply(op))
    function(client=client_for(recorder, base_url=SERVER), **arguments)

    (request,) = recorder.requests
    assert request_errors(request) == []
    if body is not None:
        assert same_json(json.loads(request.content), body), "the request model changed the body"
