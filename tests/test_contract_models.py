"""The generated surface matches the spec, whatever it holds.

Endpoints: each operation's functions take exactly its parameters (by Python name) and body, required
where the spec requires them. Models: every component schema has its model or enum, with each property
by its wire name, required and optional, nullable, enum values and defaults as the spec says, and every
branch of a oneOf/anyOf parsed into its own model. Class and attribute names follow the generator's own
naming rules (openapi_python_client.strings), which are the public names users import.
"""

import enum
import inspect
from typing import Any

import attrs
import pytest

from contract.calls import binary_fields, same_json, same_parts, wire_body
from contract.generated_package import import_generated
from contract.generator_names import class_name, endpoint_module, python_name
from contract.spec_model import (
    Content,
    Operation,
    TaggedUnion,
    asks_for_some,
    declared_properties,
    example_value,
    request_body,
    required_names,
    resolve,
    tagged_unions,
)
from pipeline.generate.naming import attribute_name
from pipeline.project import current
from pipeline.spec.secrets import is_secret
from tests.operation_calls import OPERATIONS, SPEC, cases
from tests.schema_strategies import misplaced_fields

models = import_generated("models")
COMPONENTS = (SPEC.get("components") or {}).get("schemas") or {}


def _object_type(kind: Any) -> bool:
    return kind == "object" or (isinstance(kind, list) and set(kind) in ({"object"}, {"object", "null"}))


# (`properties` beside another type say nothing: Plaid's CreditAccount is `type: string` with properties.)
OBJECTS = sorted(
    name for name, schema in COMPONENTS.items() if "properties" in schema and _object_type(schema.get("type", "object"))
)
# An enum whose only value is null is the null type: no enum class holds it.
ENUMS = sorted(name for name, schema in COMPONENTS.items() if any(v is not None for v in schema.get("enum") or []))


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_each_operation_takes_exactly_its_parameters(op: Operation) -> None:
    """Each function takes the operation's parameters and body, each required where the call must give it:
    the spec requires it and gives no default (the generator drops an array's default: see known gaps),
    and, for a body, its schema requires some field (else it may be left out and is sent as {})."""
    module = endpoint_module(op.key)
    for name in ("sync", "asyncio", "sync_detailed", "asyncio_detailed"):
        assert callable(getattr(module, name, None)), f"{op.id}: no {name}()"
    signature = inspect.signature(module.sync_detailed).parameters
    expected = {"client": True}
    for parameter in op.parameters:
        if parameter.get("in") in ("path", "query", "header", "cookie"):
            name = python_name(op.key, parameter["in"], parameter["name"])
            schema = resolve(SPEC, parameter.get("schema") or {})
            default = schema.get("default") if schema.get("type") != "array" else None
            expected[name] = bool(parameter.get("required")) and default is None
    body = request_body(SPEC, op)
    if body is not None:
        schema = resolve(SPEC, body.content.schema)
        asks_nothing = body.content.kind in ("json", "form", "multipart") and not _required(schema)
        asks_nothing = asks_nothing and not asks_for_some(SPEC, schema)
        expected["body"] = body.required and not (asks_nothing and _is_object(schema) and single_body(op))
    actual = {name: p.default is inspect.Parameter.empty for name, p in signature.items()}
    assert actual == expected, f"{op.id}: parameters (name: required) differ from the spec"


def _required(schema: dict[str, Any]) -> list[str]:
    return list(schema.get("required") or []) + [
        r for part in schema.get("allOf") or [] for r in _required(resolve(SPEC, part))
    ]


def _is_object(schema: dict[str, Any]) -> bool:
    return (
        schema.get("type") == "object"
        or "properties" in schema
        or any(_is_object(resolve(SPEC, p)) for p in schema.get("allOf") or [])
    )


def single_body(op: Operation) -> bool:
    """One media type, or several of one component (OpenAI's container files, JSON or multipart): one class."""
    content = (resolve(SPEC, op.spec.get("requestBody")) or {}).get("content") or {}
    schemas = [(media or {}).get("schema") for media in content.values()]
    return len(content) == 1 or all(isinstance(s, dict) and "$ref" in s and s == schemas[0] for s in schemas)


def model_class(name: str) -> Any:
    """The generator names a component's class after its title, else its key (generator_names.class_name)."""
    cls = getattr(models, class_name(name), None)
    assert cls is not None, f"components.schemas.{name} has no generated class {class_name(name)}"
    return cls


@pytest.mark.parametrize("name", cases(ENUMS, "no enum schemas"))
def test_each_enum_schema_has_an_enum_with_its_values(name: str) -> None:
    cls = model_class(name)
    assert issubclass(cls, enum.Enum)
    assert {member.value for member in cls} == {value for value in COMPONENTS[name]["enum"] if value is not None}


def nullable(schema: Any) -> bool:
    schema = resolve(SPEC, schema)
    kinds = schema.get("type") if isinstance(schema.get("type"), list) else [schema.get("type")]
    branches = [resolve(SPEC, s) for s in schema.get("anyOf", []) + schema.get("oneOf", [])]
    own = "null" in kinds or schema.get("nullable") is True or any(b.get("type") == "null" for b in branches)
    # Of a scalar, `nullable` says nothing of allOf parts (OpenAPI 3.0.3): a typed part must take null too
    # (Plaid's `NumbersIBANNullable`, a nullable string beside an allOf of a non-null one, takes none). An
    # object built through allOf is nullable as a whole, as its author means (Plaid's Cause).
    parts = [resolve(SPEC, part) for part in schema.get("allOf", [])]
    if "object" in kinds or any(p.get("type") == "object" or "properties" in p for p in parts):
        return own
    return own and all(nullable(part) for part in parts if "type" in part or "allOf" in part)


def sent_parts(model: Any) -> dict[str, list[bytes]]:
    """What a multipart form model sends, part by part."""
    parts: dict[str, list[bytes]] = {}
    for name, (_file_name, content, _media_type) in model.to_multipart():
        data = content.read() if hasattr(content, "read") else content
        parts.setdefault(name, []).append(data if isinstance(data, bytes) else str(data).encode())
    return parts


def parses_back(name: str, body: dict[str, Any]) -> None:
    """The model takes the body and gives it back: as JSON, and part by part where it is a multipart form."""
    cls, schema = model_class(name), COMPONENTS[name]
    parsed = cls.from_dict(body)
    assert misplaced_fields(parsed, undeclared=undeclared_required(name)) == []
    if hasattr(parsed, "to_multipart"):
        expected = wire_body(Content("multipart/form-data", "multipart", schema), body)
        assert same_parts(sent_parts(parsed), expected), f"{name}: {body} is sent as {sent_parts(parsed)}"
    assert same_json(parsed.to_dict(), body), f"{name}: {body} came back as {parsed.to_dict()}"  # a File as its text


OBJECT_CASES = cases(OBJECTS, "no object schemas")


@pytest.mark.parametrize("name", OBJECT_CASES)
def test_each_object_schema_has_a_model_that_reads_and_writes_every_property(name: str) -> None:
    parses_back(name, example_value(SPEC, resolve(SPEC, COMPONENTS[name]), all_properties=True))


@pytest.mark.parametrize("name", OBJECT_CASES)
def test_an_optional_property_left_out_stays_out(name: str) -> None:
    parses_back(name, example_value(SPEC, resolve(SPEC, COMPONENTS[name])))


@pytest.mark.parametrize("name", OBJECT_CASES)
def test_a_models_repr_shows_only_what_is_set(name: str) -> None:
    cls = model_class(name)
    shown = repr(cls.from_dict(example_value(SPEC, resolve(SPEC, COMPONENTS[name]))))
    assert "=UNSET" not in shown and "object at 0x" not in shown, shown


# A schema may require a name it does not declare (spotify's PagingObject requires `items`, which the allOf
# that uses it declares): the model has no field for it, so a body without it is taken.
UNDECLARED_REQUIRED = pytest.mark.xfail(
    strict=True,
    reason="the generated model enforces only the required properties its schema declares "
    "(openapi-python-client makes no field for an undeclared one)",
)


def undeclared_required(name: str) -> set[str]:
    """The names the schema requires without declaring them: the model keeps them in additional_properties."""
    schema = COMPONENTS[name]
    return set(required_names(SPEC, schema)) - set(declared_properties(SPEC, schema))


def required_case(name: str, prop: str) -> Any:
    declared = prop not in undeclared_required(name)
    return pytest.param(name, prop, id=f"{name}-{prop}", marks=[] if declared else [UNDECLARED_REQUIRED])


REQUIRED = [
    required_case(name, prop)
    for name in OBJECTS
    for prop in sorted(resolve(SPEC, COMPONENTS[name]).get("required", []))
]


@pytest.mark.parametrize(("name", "prop"), cases(REQUIRED, "no required property", arity=2))
def test_a_required_property_missing_is_an_invalid_field_naming_it(name: str, prop: str) -> None:
    cls = model_class(name)
    full = example_value(SPEC, resolve(SPEC, COMPONENTS[name]), all_properties=True)
    with pytest.raises(import_generated("errors").InvalidField) as raised:
        cls.from_dict({key: value for key, value in full.items() if key != prop})
    assert (raised.value.path, raised.value.reason) == (prop, "required field missing")


NULLABLE_OPTIONAL = [
    (name, prop)
    for name in OBJECTS
    for prop, schema in resolve(SPEC, COMPONENTS[name])["properties"].items()
    if prop not in resolve(SPEC, COMPONENTS[name]).get("required", []) and nullable(schema)
]


@pytest.mark.parametrize(("name", "prop"), cases(NULLABLE_OPTIONAL, "no nullable optional property", arity=2))
def test_a_nullable_property_takes_null(name: str, prop: str) -> None:
    parses_back(name, {**example_value(SPEC, resolve(SPEC, COMPONENTS[name]), all_properties=True), prop: None})


OPEN = [
    name
    for name in OBJECTS
    if resolve(SPEC, COMPONENTS[name]).get("additionalProperties") is not False
    and not binary_fields(resolve(SPEC, COMPONENTS[name]))
]


@pytest.mark.parametrize("name", cases(OPEN, "no object schema open to undeclared fields"))
def test_an_undeclared_field_lands_in_additional_properties_and_goes_back(name: str) -> None:
    schema, cls = resolve(SPEC, COMPONENTS[name]), model_class(name)
    extra = (
        example_value(SPEC, schema["additionalProperties"])
        if isinstance(schema.get("additionalProperties"), dict)
        else {"x": 1}
    )
    body = {**example_value(SPEC, schema, all_properties=True), "field_added_later": extra}
    kept = [key for key in cls.from_dict(body).additional_properties if key not in undeclared_required(name)]
    assert kept == ["field_added_later"]
    assert same_json(cls.from_dict(body).to_dict(), body)


@pytest.mark.parametrize("name", cases(OPEN, "no object schema open to undeclared fields"))
def test_a_model_read_without_undeclared_fields_keeps_no_dict_for_them(name: str) -> None:
    """Most responses hold no undeclared key: each model would otherwise keep an empty dict for nothing."""
    schema = resolve(SPEC, COMPONENTS[name])
    declared = declared_properties(SPEC, schema)  # a name required but not declared is an undeclared field
    body = {key: value for key, value in example_value(SPEC, schema, all_properties=True).items() if key in declared}
    model, twin = model_class(name).from_dict(body), model_class(name).from_dict(body)
    assert [a.name for a in attrs.fields(type(model)) if isinstance(getattr(model, a.name), dict)] == []
    assert model.additional_properties == {}  # made on first use
    # and equal as before: a File holds its own stream, so a model holding one is compared by what it sends
    held = [getattr(model, a.name) for a in attrs.fields(type(model))]
    files = [v for value in held for v in (value if isinstance(value, list) else [value]) if type(v).__name__ == "File"]
    assert model == twin if not files else model.to_dict() == twin.to_dict()


# openapi-python-client 0.29.1 drops the default of an array property (ListProperty.build sets
# `default=None` whatever the schema says, since https://github.com/openapi-generators/openapi-python-client/issues/170
# chose no list defaults over broken ones), and refuses a model-typed one
# (https://github.com/openapi-generators/openapi-python-client/issues/944; the pipeline drops it first). The
# field stays unset, so the client does not send it and the server applies that same default.
ARRAY_DEFAULT_DROPPED = pytest.mark.xfail(
    reason="openapi-python-client 0.29.1 drops array defaults (openapi-python-client#170)", strict=True
)
MODEL_DEFAULT_DROPPED = pytest.mark.xfail(
    reason="generator refuses a model-typed default (openapi-python-client#944): dropped", strict=True
)


def defaults() -> list[Any]:
    """(model, property) for each optional property with a non-null default in the spec."""
    found = []
    for name in OBJECTS:
        schema = COMPONENTS[name]
        for prop, prop_schema in schema["properties"].items():
            if prop not in schema.get("required", []) and prop_schema.get("default") is not None:
                array = isinstance(prop_schema["default"], list)  # an array's, or an array-or-null's (Mistral's)
                model = isinstance(prop_schema["default"], dict)
                marks = [ARRAY_DEFAULT_DROPPED] if array else [MODEL_DEFAULT_DROPPED] if model else []
                found.append(pytest.param(name, prop, marks=marks))
    return cases(found, "no optional property with a default", arity=2)


@pytest.mark.parametrize(("name", "prop"), defaults())
def test_each_property_default_is_the_models_default(name: str, prop: str) -> None:
    expected = COMPONENTS[name]["properties"][prop]["default"]
    field = attrs.fields_dict(model_class(name))[attribute_name(prop, current().field_prefix)]
    value = field.default.value if isinstance(field.default, enum.Enum) else field.default
    assert value == expected, f"{name}.{prop}: default {value!r}, the spec says {expected!r}"


def union_branches() -> list[tuple[str, str, str]]:
    """(model, property, branch) for each $ref branch of a oneOf/anyOf property (or its items) of a model."""
    found = []
    for name in OBJECTS:
        for prop, prop_schema in COMPONENTS[name]["properties"].items():
            for node in (prop_schema, prop_schema.get("items") or {}):
                refs = [b["$ref"] for key in ("oneOf", "anyOf") for b in node.get(key, []) if "$ref" in b]
                found += [(name, prop, ref) for ref in refs] if len(refs) > 1 else []
    return found


@pytest.mark.parametrize(
    ("name", "prop", "ref"),
    cases(union_branches(), "no oneOf/anyOf of models", arity=3),
)
def test_each_union_branch_parses_into_its_own_model(name: str, prop: str, ref: str) -> None:
    schema = resolve(SPEC, COMPONENTS[name])
    union = schema["properties"][prop]
    union = union.get("items", union) if "items" in union and not ({"oneOf", "anyOf"} & set(union)) else union
    branch = example_value(SPEC, {"$ref": ref}, all_properties=True)
    tag = (union.get("discriminator") or {}).get("propertyName")
    if tag:  # the value that selects this branch: its mapping key, else its const
        mapping = {target: key for key, target in (union["discriminator"].get("mapping") or {}).items()}
        branch[tag] = mapping.get(ref, branch.get(tag))
    value = [branch] if union is not schema["properties"][prop] else branch
    parses_back(name, {**example_value(SPEC, schema, all_properties=True), prop: value})


SECRETS = [
    (name, prop)
    for name in OBJECTS
    for prop, schema in resolve(SPEC, COMPONENTS[name])["properties"].items()
    if is_secret(SPEC, prop, schema)
]


@pytest.mark.parametrize(("name", "prop"), cases(SECRETS, "no property that carries a secret", arity=2))
def test_a_secret_is_in_no_repr_but_is_sent(name: str, prop: str) -> None:
    cls, secret = model_class(name), "sk-SECRET-0d9f"
    schema = resolve(SPEC, resolve(SPEC, COMPONENTS[name])["properties"][prop])
    listed = schema.get("type") == "array" or any(
        resolve(SPEC, b).get("type") == "array" for b in schema.get("anyOf", [])
    )
    value = [secret] if listed else secret  # a list of presigned links, say
    body = {**example_value(SPEC, resolve(SPEC, COMPONENTS[name]), all_properties=True), prop: value}
    model = cls.from_dict(body)
    assert secret not in repr(model) and f"{attribute_name(prop, current().field_prefix)}=[REDACTED]" in repr(model)
    assert model.to_dict()[prop] == value
    response = import_generated("types").Response(status_code=200, content=b"{}", headers={}, parsed=model)
    assert secret not in repr(response)


TAGGED = tagged_unions(SPEC)


@pytest.mark.parametrize(
    "union", cases(TAGGED, "no union told apart by a tag"), ids=lambda u: f"{u.model}.{u.prop}" if u else ""
)
def test_a_member_the_spec_does_not_list_yet_is_an_unknown_variant(union: TaggedUnion) -> None:
    """A newer server's member (a new tag value) parses to an UnknownVariant the caller can inspect, and goes
    back unchanged; the rest of the object parses as before."""
    cls = model_class(union.model)
    body = example_value(SPEC, resolve(SPEC, COMPONENTS[union.model]), all_properties=True)
    body[union.prop] = {union.tag: "VALUE_ADDED_AFTER_THIS_SPEC", "field_added_later": 1}
    parsed = cls.from_dict(body)
    value = getattr(parsed, attribute_name(union.prop, current().field_prefix))
    assert isinstance(value, import_generated("types").UnknownVariant)
    assert value.tag == "VALUE_ADDED_AFTER_THIS_SPEC" and parsed.to_dict()[union.prop] == body[union.prop]


@pytest.mark.parametrize(
    "union", cases(TAGGED, "no union told apart by a tag"), ids=lambda u: f"{u.model}.{u.prop}" if u else ""
)
def test_a_member_without_its_tag_is_an_invalid_field_naming_the_tag(union: TaggedUnion) -> None:
    cls = model_class(union.model)
    body = example_value(SPEC, resolve(SPEC, COMPONENTS[union.model]), all_properties=True)
    body[union.prop] = {"field_added_later": 1}
    with pytest.raises(import_generated("errors").InvalidField) as raised:
        cls.from_dict(body)
    assert raised.value.path == f"{union.prop}.{union.tag}" and raised.value.reason.startswith("required field missing")


WRONG_VALUES: dict[str, Any] = {
    "null": None,
    "string": "a string",
    "integer": 12345,
    "object": {},
    "array": [],
    "boolean": True,
}


def json_types(schema: Any, depth: int = 0) -> set[str] | None:
    """The JSON types a schema accepts; None where it takes any value (or this cannot tell)."""
    schema = resolve(SPEC, schema)
    if not isinstance(schema, dict) or depth > 10:
        return None
    if "const" in schema or "enum" in schema:
        values = [schema["const"]] if "const" in schema else schema["enum"]
        kinds = {JSON_TYPE[type(value)] for value in values if type(value) in JSON_TYPE}
        # An enum whose type takes null (`type: [string, "null"]`, 3.0's `nullable`) though its values do not
        # list it is read as nullable, as its author meant (pipeline/generate/spec_prepare.py): null is no error.
        declared = schema.get("type")
        if "enum" in schema and ("null" in (declared if isinstance(declared, list) else []) or schema.get("nullable")):
            kinds.add("null")
    else:
        declared = schema.get("type")
        kinds = set(declared if isinstance(declared, list) else [declared] if declared else [])
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key) or []:
            found = json_types(branch, depth + 1)
            if found is None:
                return None
            kinds |= found
    if not kinds and "properties" in schema:
        kinds.add("object")
    if "number" in kinds:
        kinds.add("integer")
    if kinds and schema.get("nullable") is True:  # 3.0: `nullable` alone, without a type, takes any value
        kinds.add("null")
    return kinds or None


JSON_TYPE = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    dict: "object",
    list: "array",
}


@pytest.mark.parametrize("name", OBJECT_CASES)
def test_a_field_of_the_wrong_type_or_a_forbidden_null_is_an_invalid_field_naming_it(name: str) -> None:
    """For each property: a value of a JSON type its schema does not accept (null included) is refused,
    the error naming the property, never returned as if valid."""
    schema, cls = resolve(SPEC, COMPONENTS[name]), model_class(name)
    if binary_fields(schema):
        pytest.skip(f"{name} has a binary field, which has no JSON form")
    full = example_value(SPEC, schema, all_properties=True)
    wrong = []
    for prop, prop_schema in schema["properties"].items():
        kinds = json_types(prop_schema)
        if kinds is None:
            continue
        kind = next((k for k in WRONG_VALUES if k not in kinds and not (k == "integer" and "number" in kinds)), None)
        if kind is None:
            continue
        try:
            parsed = cls.from_dict({**full, prop: WRONG_VALUES[kind]})
        except import_generated("errors").InvalidField as error:
            if error.path != prop:
                wrong.append(f"{prop} ({kind}): named {error.path}: {error.reason}")
        else:
            wrong.append(f"{prop} ({kind}): returned as if valid: {parsed!r}"[:200])
    assert wrong == [], "\n".join(wrong)
