"""Responses: for every operation, bodies drawn from its success schema (hypothesis-jsonschema) parse
into the generated models, sync and async, and give back the same JSON (round trip). The spec's own
response examples, where it has any, must do the same."""

import datetime
import enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.operation_calls import OPERATIONS, SPEC, Recorder, call, json_reply
from tests.schema_strategies import CONTRACT_SETTINGS, json_values, misplaced_fields, same_json
from tests.spec_model import Operation, resolve, success_response


def as_json(value: Any) -> Any:
    """What the client would send back for a parsed value: models by to_dict(), enums by value."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def parse(op: Operation, status: int, body: Any, mode: str) -> Any:
    response, *_ = call(op, Recorder(json_reply(status, body)), mode)
    assert response.status_code == status
    return response.parsed


JSON_RESPONSES = [op for op in OPERATIONS if success_response(SPEC, op)[1] is not None]


@pytest.mark.parametrize("op", JSON_RESPONSES, ids=lambda op: op.id)
@CONTRACT_SETTINGS
@given(data=st.data())
def test_response_bodies_from_the_spec_parse_and_round_trip(op: Operation, data: st.DataObject):
    status, schema = success_response(SPEC, op)
    body = data.draw(json_values(schema), label="body")
    for mode in ("sync", "async"):
        parsed = parse(op, status, body, mode)
        assert misplaced_fields(parsed) == []
        assert same_json(as_json(parsed), body), f"{mode}: the parsed body gives back different JSON"


def spec_examples(op: Operation) -> list[Any]:
    """The success response's examples: the media type's `example`/`examples`, the schema's `examples`."""
    status, schema = success_response(SPEC, op)
    media = (resolve(SPEC, op.spec["responses"][str(status)]).get("content") or {}).get("application/json") or {}
    found = [media["example"]] if "example" in media else []
    found += [resolve(SPEC, example).get("value") for example in (media.get("examples") or {}).values()]
    return found + list(resolve(SPEC, schema).get("examples") or [])


EXAMPLES = [(op, example) for op in JSON_RESPONSES for example in spec_examples(op)]


@pytest.mark.parametrize(
    ("op", "example"),
    EXAMPLES or [pytest.param(None, None, marks=pytest.mark.skip(reason="openapi.yaml has no response examples"))],
    ids=lambda case: getattr(case, "id", ""),
)
def test_the_specs_response_examples_parse_and_round_trip(op: Operation, example: Any):
    status, _ = success_response(SPEC, op)
    assert same_json(as_json(parse(op, status, example, "sync")), example)
