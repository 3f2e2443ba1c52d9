"""body=: the operation's model, or a plain mapping of its fields by their wire names, built through the
model before anything is sent (a field that does not fit fails there, named); left out where the body's
schema requires nothing; anything else a TypeError naming the model. For every operation of openapi.yaml
whose body is a model (JSON or form)."""

import typing
from collections.abc import Mapping
from typing import Any

import attrs
import httpx
import pytest

from contract.calls import example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.multipart import multipart_fields
from contract.spec_model import (
    Operation,
    asks_for_some,
    declared_properties,
    example_value,
    request_body,
    required_names,
    resolve,
)
from contract.validation import assert_valid
from tests.operation_calls import BASE_URL, OPERATIONS, SPEC, Recorder, cases, client_for, success_reply


def takes_a_mapping(op: Operation) -> bool:
    body = request_body(SPEC, op)
    if body is None or body.content.kind not in ("json", "form"):
        return False
    hint = typing.get_type_hints(endpoint_module(op.key).sync_detailed).get("body")
    return any(typing.is_typeddict(arg) or typing.get_origin(arg) is Mapping for arg in typing.get_args(hint))


MODEL_BODIES = [op for op in OPERATIONS if takes_a_mapping(op)]
OP_ID = lambda op: getattr(op, "id", "none")  # noqa: E731


def schema_of(op: Operation) -> dict[str, Any]:
    body = request_body(SPEC, op)
    assert body is not None
    schema: dict[str, Any] = resolve(SPEC, body.content.schema)
    return schema


def send(op: Operation, body: Any) -> tuple[Recorder, Any]:
    """Call the operation with its example arguments and `body`; the recorder, and what was raised (or None)."""
    function = endpoint_module(op.key).sync_detailed
    arguments = {**example_call(op, function).arguments, "body": body}
    recorder = Recorder(success_reply(op))
    try:
        function(client=client_for(recorder), **arguments)
    except Exception as error:  # noqa: BLE001 - the tests say which they expect
        return recorder, error
    return recorder, None


def full_mapping(op: Operation) -> dict[str, Any]:
    mapping: dict[str, Any] = example_value(SPEC, schema_of(op), all_properties=True)
    return mapping


@pytest.mark.parametrize("op", cases(MODEL_BODIES, "no operation whose body is a model"), ids=OP_ID)
def test_a_mapping_sends_what_its_model_sends(op: Operation) -> None:
    mapping = full_mapping(op)
    model = typing.get_args(typing.get_type_hints(endpoint_module(op.key).sync_detailed)["body"])[0]
    from_model, raised = send(op, model.from_dict(mapping))
    from_mapping, raised_too = send(op, mapping)
    assert raised is raised_too is None
    assert as_sent(from_mapping.requests[0]) == as_sent(from_model.requests[0])


def as_sent(request: httpx.Request) -> Any:
    """A request's body; a multipart one as its fields, each boundary being new."""
    content_type = request.headers.get("content-type", "")
    return multipart_fields(content_type, request.content) if "multipart" in content_type else request.content


def as_called(value: Any) -> Any:
    """The same value as a caller builds it: each model by calling its class with the fields it holds
    (its required ones, and any other the example gave: a `minProperties` asks for some)."""
    if isinstance(value, list):
        return [as_called(item) for item in value]
    if not attrs.has(type(value)):
        return value
    unset = import_generated("types").UNSET
    given = [
        f.name
        for f in attrs.fields(type(value))
        if f.init
        and (f.default is attrs.NOTHING or getattr(value, f.name) is not unset and getattr(value, f.name) != f.default)
    ]
    built = type(value)(**{name: as_called(getattr(value, name)) for name in given})
    if hasattr(value, "additional_properties"):
        built.additional_properties = dict(value.additional_properties)  # set as a caller sets them
    return built


@pytest.mark.parametrize("op", cases(MODEL_BODIES, "no operation whose body is a model"), ids=OP_ID)
def test_a_mapping_of_the_required_fields_sends_what_the_model_called_with_them_sends(op: Operation) -> None:
    """The class fills its defaults when called; a mapping is given the same ones, so both send the same."""
    mapping = example_value(SPEC, schema_of(op))  # required fields only
    model = typing.get_args(typing.get_type_hints(endpoint_module(op.key).sync_detailed)["body"])[0]
    from_model, raised = send(op, as_called(model.from_dict(mapping)))
    from_mapping, raised_too = send(op, mapping)
    assert raised is raised_too is None
    assert as_sent(from_mapping.requests[0]) == as_sent(from_model.requests[0])


@pytest.mark.parametrize("op", cases(MODEL_BODIES, "no operation whose body is a model"), ids=OP_ID)
def test_a_misspelt_key_is_an_invalid_field_naming_it_and_the_closest_before_sending(op: Operation) -> None:
    mapping = full_mapping(op)
    if not mapping or resolve(SPEC, schema_of(op)).get("additionalProperties") not in (None, False):
        pytest.skip(f"{op.id}: its body has no field, or welcomes undeclared ones")
    key = sorted(mapping)[0]
    recorder, raised = send(op, {**mapping, key + "x": mapping[key]})  # a misspelt copy beside the right key
    assert isinstance(raised, import_generated("errors").InvalidField), raised
    assert raised.path == f"body.{key}x" and f"did you mean {key!r}?" in raised.reason and recorder.requests == []


def required_fields(op: Operation) -> list[str]:
    return required_names(SPEC, schema_of(op))  # across allOf parts too


WITH_REQUIRED = [pytest.param(op, required_fields(op)[0], id=op.id) for op in MODEL_BODIES if required_fields(op)]


@pytest.mark.parametrize(("op", "field"), cases(WITH_REQUIRED, "no model body with a required field", arity=2))
def test_a_mapping_missing_a_required_field_fails_before_sending_naming_it(op: Operation, field: str) -> None:
    mapping = {name: value for name, value in full_mapping(op).items() if name != field}
    recorder, raised = send(op, mapping)
    assert isinstance(raised, import_generated("errors").InvalidField), raised
    assert raised.path == f"body.{field}" and recorder.requests == []


def enum_field(op: Operation) -> str | None:
    properties = declared_properties(SPEC, schema_of(op))
    return next((name for name, props in properties.items() if any("enum" in resolve(SPEC, p) for p in props)), None)


WITH_ENUM = [pytest.param(op, enum_field(op), id=op.id) for op in MODEL_BODIES if enum_field(op)]


@pytest.mark.parametrize(("op", "field"), cases(WITH_ENUM, "no model body with an enum field", arity=2))
def test_a_mapping_with_a_value_its_enum_lacks_fails_before_sending_naming_it(op: Operation, field: str) -> None:
    recorder, raised = send(op, {**full_mapping(op), field: "NOT_A_VALUE_OF_THIS_ENUM"})
    assert isinstance(raised, import_generated("errors").InvalidField), raised
    assert raised.path == f"body.{field}" and recorder.requests == []


@pytest.mark.parametrize("op", cases(MODEL_BODIES, "no operation whose body is a model"), ids=OP_ID)
def test_a_body_of_another_type_is_a_type_error_naming_the_model(op: Operation) -> None:
    model = typing.get_args(typing.get_type_hints(endpoint_module(op.key).sync_detailed)["body"])[0]
    recorder, raised = send(op, "a string")
    assert isinstance(raised, TypeError) and model.__name__ in str(raised) and recorder.requests == []


# (nor a number of fields, nor one of a few: `{}` does not do)
REQUIRES_NOTHING = [op for op in MODEL_BODIES if not required_fields(op) and not asks_for_some(SPEC, schema_of(op))]


@pytest.mark.parametrize("op", cases(REQUIRES_NOTHING, "no model body that requires nothing"), ids=OP_ID)
def test_a_body_that_requires_nothing_may_be_left_out(op: Operation) -> None:
    function = endpoint_module(op.key).sync_detailed
    planned = example_call(op, function)
    arguments = {name: value for name, value in planned.arguments.items() if name != "body"}
    recorder = Recorder(success_reply(op))
    function(client=client_for(recorder), **arguments)
    (request,) = recorder.requests
    assert_valid(request, planned.sent_to(BASE_URL))  # a required body went as {}, an optional one not at all


@pytest.mark.parametrize(("op", "field"), cases(WITH_REQUIRED, "no model body with a required field", arity=2))
def test_a_misspelt_required_key_is_named_with_the_field_it_should_be(op: Operation, field: str) -> None:
    """The required field is missing because its key is misspelt: the misspelling is what to fix."""
    mapping = {name: value for name, value in full_mapping(op).items() if name != field}
    recorder, raised = send(op, {**mapping, field + "x": full_mapping(op)[field]})
    assert isinstance(raised, import_generated("errors").InvalidField), raised
    assert raised.path == f"body.{field}x" and f"did you mean {field!r}?" in raised.reason, raised
    assert recorder.requests == []
