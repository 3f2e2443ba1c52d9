"""Arguments a call cannot send: everything a call raises is in the package's error family, an argument
error is an errors.InvalidField naming the argument (a TypeError and a ValueError too), and nothing is sent.
For every operation and parameter of openapi.yaml: None for a path id, values no parameter takes, NaN,
infinity and integers too long to write in a body, a model built by hand with a plain string for an enum;
and a deprecated operation called from `python -c` or stdin warns instead of failing."""

import datetime
import inspect
import math
import os
import subprocess
import sys
import typing
from collections.abc import Mapping
from typing import Any

import pytest

from contract.calls import example_call
from contract.generated_package import import_generated, package_dir, package_name
from contract.generator_names import class_name, endpoint_module, module_name, python_name
from contract.spec_model import Operation, example_value, file_fields, fits, request_body, resolve, sent_content
from tests.operation_calls import OPERATIONS, SPEC, Recorder, cases, client_for, success_reply

errors = import_generated("errors")
models = import_generated("models")
COMPONENTS = (SPEC.get("components") or {}).get("schemas") or {}
HUGE = 10**5000  # more digits than Python writes (sys.get_int_max_str_digits)
# Values no parameter of any type takes, or that no request can carry.
HOSTILE: list[Any] = [None, object(), b"bytes", {1, 2}, math.nan, HUGE, datetime.datetime(2026, 8, 1), ""]


def shown(value: Any) -> str:
    """A value as a failure message may show it (repr() of a 5,001-digit integer raises)."""
    return f"a {type(value).__name__}" if isinstance(value, int) and value == HUGE else repr(value)[:40]


def send(op: Operation, **changes: Any) -> tuple[Recorder, BaseException | None]:
    """Call the operation with its example arguments, `changes` applied; the recorder and what was raised."""
    function = endpoint_module(op.key).sync_detailed
    arguments = {**example_call(op, function).arguments, **changes}
    recorder = Recorder(success_reply(op))
    try:
        function(client=client_for(recorder), **arguments)
    except BaseException as error:  # noqa: BLE001 - the tests judge what came
        return recorder, error
    return recorder, None


PARAMETERS = [
    (op, parameter["in"], parameter["name"])
    for op in OPERATIONS
    for parameter in op.parameters
    if parameter.get("in") in ("path", "query", "header")
]


@pytest.mark.parametrize(
    ("op", "location", "name"),
    cases(PARAMETERS, "no operation with a parameter", arity=3),
    ids=lambda case: getattr(case, "id", str(case)),
)
def test_a_value_no_parameter_takes_raises_within_the_family_naming_it_before_sending(
    op: Operation, location: str, name: str
) -> None:
    argument = python_name(op.key, location, name)
    for value in HOSTILE:
        recorder, raised = send(op, **{argument: value})
        if raised is None:
            continue  # sent as it is: an optional parameter left out (None), or a string the server may take
        assert isinstance(raised, errors.ClientError), f"{argument}={shown(value)}: {type(raised).__name__}: {raised}"
        named = raised.path.split("[")[0] if isinstance(raised, errors.InvalidField) else ""  # `tags[]`: an item
        assert named in (argument, name, "arguments"), raised
        assert isinstance(raised, TypeError) and isinstance(raised, ValueError)
        assert recorder.requests == [], f"{argument}={shown(value)} was sent"


def takes_null(parameter: dict[str, Any]) -> bool:
    schema = resolve(SPEC, parameter.get("schema") or {})
    return fits(SPEC, schema, None) or bool(schema.get("nullable"))


# A path id, and a required query parameter that does not take null: None would address another resource
# (`/deployments/None`), or send the request without the parameter.
REQUIRED = [
    (op, p["in"], p["name"])
    for op in OPERATIONS
    for p in op.parameters
    if p.get("in") == "path" or (p.get("in") == "query" and p.get("required") and not takes_null(p))
]


@pytest.mark.parametrize(
    ("op", "location", "name"),
    cases(REQUIRED, "no path parameter or required query parameter", arity=3),
    ids=lambda case: getattr(case, "id", str(case)),
)
def test_none_for_a_required_parameter_is_refused_naming_it_before_sending(
    op: Operation, location: str, name: str
) -> None:
    argument = python_name(op.key, location, name)
    recorder, raised = send(op, **{argument: None})
    assert isinstance(raised, errors.InvalidField) and raised.path == argument and "None" in raised.reason
    assert recorder.requests == []


def json_model_body(op: Operation) -> tuple[Any, dict[str, Any]] | None:
    """(the body's model class, an example mapping of all its fields) for a JSON model body."""
    body = request_body(SPEC, op)
    if body is None or body.content.kind != "json":
        return None
    hint = typing.get_type_hints(endpoint_module(op.key).sync_detailed).get("body")
    model = next((arg for arg in typing.get_args(hint) if hasattr(arg, "from_dict")), None)
    example = example_value(SPEC, resolve(SPEC, body.content.schema), all_properties=True)
    if model is None or not isinstance(example, dict):  # an array of models (paystack's) is not a model body
        return None
    if sent_content(SPEC, op, example) != body.content:  # a file given: multipart (OpenAI's container files)
        example = {name: value for name, value in example.items() if name not in file_fields(SPEC, body.content.schema)}
    return model, example


def number_field(op: Operation) -> str | None:
    """A top-level number or integer field of the operation's JSON body, by its wire name."""
    body = request_body(SPEC, op)
    assert body is not None  # asked only of JSON_BODIES
    schema = resolve(SPEC, body.content.schema)
    properties: dict[str, Any] = schema.get("properties") or {}
    for name, prop in properties.items():
        prop = resolve(SPEC, prop)
        kinds = [prop.get("type"), *(resolve(SPEC, b).get("type") for b in prop.get("anyOf", []))]
        if "number" in kinds or "integer" in kinds:
            return name
    return None


def free_extra(op: Operation) -> bool:
    """Whether the operation's JSON body keeps undeclared fields of any type (not only, say, objects)."""
    body = request_body(SPEC, op)
    assert body is not None  # asked only of JSON_BODIES
    extra = resolve(SPEC, body.content.schema).get("additionalProperties", True)
    return extra is True or extra == {}


JSON_BODIES = [op for op in OPERATIONS if json_model_body(op) is not None]


@pytest.mark.parametrize("value", [math.nan, -math.inf, HUGE], ids=["nan", "-inf", "5001 digits"])
@pytest.mark.parametrize(
    "op", cases(JSON_BODIES, "no operation with a JSON model body"), ids=lambda op: getattr(op, "id", "")
)
def test_what_json_cannot_carry_in_a_body_is_an_invalid_field_naming_where(op: Operation, value: Any) -> None:
    found = json_model_body(op)
    assert found is not None  # one of JSON_BODIES
    model, mapping = found
    field = number_field(op)
    if field is not None:  # in the caller's mapping
        recorder, raised = send(op, body={**mapping, field: value})
        where = f"body.{field}"
    elif hasattr(model, "additional_keys") and free_extra(op):  # in the model's undeclared fields, of any type
        built = model.from_dict(mapping)
        built.additional_properties["an_extra_number"] = value
        recorder, raised = send(op, body=built)
        where = "body.an_extra_number"
    else:
        pytest.skip(f"{op.id}: its body has no number field and keeps no undeclared one of any type")
    assert isinstance(raised, errors.InvalidField) and raised.path == where, raised
    assert recorder.requests == []


def string_enum(schema: Any) -> bool:
    """A string enum that takes no null: a nullable one is a union to the generator, whose field takes any
    string as it is (the server judges it; README: known gaps)."""
    schema = resolve(SPEC, schema)
    values = schema.get("enum") or []
    kinds = schema.get("type") if isinstance(schema.get("type"), list) else [schema.get("type")]
    return (
        bool(values) and all(isinstance(v, str) for v in values) and "null" not in kinds and not schema.get("nullable")
    )


ENUM_FIELDS = [
    (name, prop)
    for name, schema in COMPONENTS.items()
    for prop, prop_schema in (resolve(SPEC, schema).get("properties") or {}).items()
    if string_enum(prop_schema)
]


@pytest.mark.parametrize(("name", "prop"), cases(ENUM_FIELDS, "no model with a string enum field", arity=2))
def test_a_model_built_with_a_plain_string_for_an_enum_sends_what_a_mapping_sends(name: str, prop: str) -> None:
    """A listed value as a plain string is taken as its member, as a mapping body takes it; an unlisted one
    is an InvalidField naming the field, where `.value` on a string raised AttributeError."""
    from pipeline.generate.naming import attribute_name
    from pipeline.project import current

    cls = getattr(models, class_name(name))
    mapping = example_value(SPEC, resolve(SPEC, COMPONENTS[name]), all_properties=True)
    listed = next(v for v in resolve(SPEC, resolve(SPEC, COMPONENTS[name])["properties"][prop])["enum"] if v)
    model = cls.from_dict({**mapping, prop: listed})
    attribute = attribute_name(prop, current().field_prefix)
    setattr(model, attribute, str(listed))  # as `Model(field="VALUE")` holds it
    assert model.to_dict()[prop] == listed
    setattr(model, attribute, "NOT_A_VALUE_OF_THIS_ENUM")
    with pytest.raises(errors.InvalidField) as raised:
        model.to_dict()
    assert raised.value.path == attribute and "NOT_A_VALUE_OF_THIS_ENUM" in raised.value.reason


def takes_only_structures(op: Operation) -> bool:
    """Whether the operation's body is a model, a mapping of one, or a File: a number, a string or a list
    is then no body it takes (one whose schema is a number or anything takes 42)."""
    if request_body(SPEC, op) is None:
        return False
    hint = typing.get_type_hints(endpoint_module(op.key).sync_detailed).get("body")
    types = import_generated("types")
    return all(
        arg is types.Unset or arg is types.File or hasattr(arg, "from_dict") or typing.is_typeddict(arg)
        or typing.get_origin(arg) is Mapping
        for arg in typing.get_args(hint) or (hint,)
    )  # fmt: skip


BODIES = [op for op in OPERATIONS if takes_only_structures(op)]


@pytest.mark.parametrize(
    "op", cases(BODIES, "no operation whose body is a model or a file"), ids=lambda op: getattr(op, "id", "")
)
def test_a_body_of_no_type_the_operation_takes_is_an_invalid_field_before_sending(op: Operation) -> None:
    for body in (42, "a string", [1], object(), b"bytes"):
        recorder, raised = send(op, body=body)
        assert isinstance(raised, errors.InvalidField) and raised.path == "body", f"body={body!r}: {raised!r}"
        assert recorder.requests == []


DEPRECATED = [op for op in OPERATIONS if op.spec.get("deprecated") is True]


@pytest.mark.parametrize("mode", ["-c", "stdin"])
@pytest.mark.parametrize("op", cases(DEPRECATED[:1], "no deprecated operation"), ids=lambda op: getattr(op, "id", ""))
def test_a_deprecated_operation_called_from_python_c_or_stdin_warns_and_runs(op: Operation, mode: str) -> None:
    """`__main__` of `python -c` and of stdin has a loader with no source: looking the line up must not raise.
    Every required argument is None, so the call warns (first), then stops at an InvalidField: nothing is sent.
    Where the operation requires no argument (resend's POST /audiences), it is sent, to a host that cannot
    exist (.test, RFC 2606)."""
    function = endpoint_module(op.key).sync_detailed
    required = [
        name
        for name, parameter in inspect.signature(function).parameters.items()
        if name != "client" and parameter.default is inspect.Parameter.empty
    ]
    program = "\n".join(
        [
            f"from {package_name()} import AuthenticatedClient, errors",
            f"from {package_name()}.{module_name(op.key)} import sync_detailed",
            "client = AuthenticatedClient(token='a-key-for-this-test', base_url='https://api.example.test')",
            "try:",
            f"    sync_detailed({''.join(f'{name}=None, ' for name in required)}client=client)",
            "except errors.ClientError as error:",
            "    print(type(error).__name__)",
        ]
    )
    command = [sys.executable, "-W", "always::DeprecationWarning"] + (["-c", program] if mode == "-c" else ["-"])
    result = subprocess.run(
        command,
        input=None if mode == "-c" else program,
        env={**os.environ, "PYTHONPATH": str(package_dir().parent)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == ("InvalidField" if required else "APIConnectionError"), result.stderr[-2000:]
    assert "DeprecationWarning" in result.stderr and "ImportError" not in result.stderr
