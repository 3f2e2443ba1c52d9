"""Responses: for every operation, bodies drawn from its success schema (hypothesis-jsonschema) parse
into the generated models, sync and async, and give back the same JSON (round trip). The spec's own
response examples, where it has any, must do the same."""

import datetime
import enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contract.calls import same_json
from contract.spec_model import Operation, Success, resolve, success_responses, why_no_value
from tests.operation_calls import OPERATIONS, SPEC, Recorder, call, cases, reply_for
from tests.schema_strategies import CONTRACT_SETTINGS, json_values, misplaced_fields, undeclared_anywhere


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


def parse(op: Operation, success: Success, body: Any, mode: str) -> Any:
    response, _ = call(op, Recorder(reply_for(success, body)), mode)
    assert response.status_code == success.status
    return response.parsed


# Every documented success with a JSON body (several 2xx each count), or `default` where no 2xx is listed.
JSON_RESPONSES = [(op, s) for op in OPERATIONS for s in success_responses(SPEC, op) if s.schema is not None]


def case_id(case: Any) -> str | None:
    if isinstance(case, Success):
        return str(case.status)
    return getattr(case, "id", None)  # None: pytest numbers it


def response_case(op: Operation, success: Success) -> Any:
    if why_no_value(SPEC, success.schema):
        reason = f"{op.id}: its success schema {why_no_value(SPEC, success.schema)}"
        return pytest.param(op, success, marks=pytest.mark.skip(reason=reason))
    return pytest.param(op, success)


JSON_CASES = [response_case(op, s) for op, s in JSON_RESPONSES]


@pytest.mark.parametrize(("op", "success"), cases(JSON_CASES, "no JSON success body", arity=2), ids=case_id)
@CONTRACT_SETTINGS
@given(data=st.data())
def test_response_bodies_from_the_spec_parse_and_round_trip(
    op: Operation, success: Success, data: st.DataObject
) -> None:
    body = data.draw(json_values(success.schema), label="body")
    mode = data.draw(st.sampled_from(["sync_detailed", "asyncio_detailed"]), label="mode")  # the two parse alike
    parsed = parse(op, success, body, mode)
    assert misplaced_fields(parsed, undeclared=undeclared_anywhere()) == []
    assert same_json(as_json(parsed), body), f"{mode}: the parsed body gives back different JSON"


def spec_examples(op: Operation, success: Success) -> list[Any]:
    """The success response's examples: the media type's `example`/`examples`, the schema's `examples`."""
    assert success.content is not None  # one of JSON_RESPONSES: a JSON body
    content = resolve(SPEC, op.spec["responses"][success.key]).get("content") or {}
    media = content.get(success.content.media_type) or {}
    found = [media["example"]] if "example" in media else []
    found += [resolve(SPEC, example).get("value") for example in (media.get("examples") or {}).values()]
    return found + list(resolve(SPEC, success.schema).get("examples") or [])


EXAMPLES = [(op, success, example) for op, success in JSON_RESPONSES for example in spec_examples(op, success)]


@pytest.mark.parametrize(("op", "success", "example"), cases(EXAMPLES, "no response examples", arity=3), ids=case_id)
def test_the_specs_response_examples_parse_and_round_trip(op: Operation, success: Success, example: Any) -> None:
    assert same_json(as_json(parse(op, success, example, "sync_detailed")), example)
