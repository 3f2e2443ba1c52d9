"""pipeline/generate/readers.py, the code that reads JSON into what the spec says, tested in Python without a
generation: small inline specs, parsed as the pipeline has the generator parse them, each shape once.
The code it writes compiles, nests no deeper however many branches a union has, declares each name once
(mypy would refuse it otherwise), quotes values as Python does, and reads what it should."""

import ast
import json
from typing import Any

import pytest

from contract.generated_package import import_generated
from pipeline.commands.plan import parse
from pipeline.generate.models import ModelPlans
from pipeline.generate.readers import Readers
from pipeline.project import current


def parsed(schemas: dict[str, Any]) -> tuple[Readers, dict[str, Any]]:
    """Readers for a spec of these component schemas (one operation returns the first), and the models by name."""
    first = next(iter(schemas))
    success = {
        "description": "ok",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{first}"}}},
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v1/x": {"get": {"operationId": "get_x", "tags": ["x"], "responses": {"200": success}}}},
        "components": {"schemas": schemas},
    }
    data = parse(spec, current())
    return Readers(data.models), {str(model.class_info.name): model for model in data.models}


def field(model: Any, name: str) -> Any:
    return next(
        p for p in (model.required_properties or []) + (model.optional_properties or []) if p.python_name == name
    )


def depth(code: str) -> int:
    """How deep the code's blocks nest."""

    def visit(node: ast.AST, level: int) -> int:
        deeper = isinstance(node, ast.If | ast.Try | ast.For | ast.While | ast.With)
        return max([level + deeper, *(visit(child, level + deeper) for child in ast.iter_child_nodes(node))])

    return visit(ast.parse(code), 0)


def run(code: str, value: Any, **names: Any) -> Any:
    """The code run on `value` held in `v`, with the runtime's helpers and the given names in scope."""
    scope = {name: getattr(import_generated("_read"), name) for name in dir(import_generated("_read"))}
    types = import_generated("types")
    scope |= {"Any": Any, "UnknownVariant": types.UnknownVariant, "reading_strictly": types.reading_strictly}
    scope |= {"branch_pass": types.branch_pass}
    scope |= {**names, "v": value}
    exec(compile(code, "<read>", "exec"), scope)
    return scope["v"]


def test_a_union_of_many_objects_is_tried_in_turn_at_one_depth() -> None:
    """Twenty-one branches told apart by a const nobody requires: Python refused the nested form."""
    branches = {
        f"E{i}": {"type": "object", "properties": {"kind": {"const": f"e{i}"}, f"d{i}": {"type": "string"}}}
        for i in range(21)
    }
    readers, models = parsed(
        {
            "Holder": {
                "type": "object",
                "properties": {"event": {"oneOf": [{"$ref": f"#/components/schemas/E{i}"} for i in range(21)]}},
            },
            **branches,
        }
    )
    code = readers.read(field(models["Holder"], "event"), "v")
    assert depth(code) <= 5, code  # the branches in turn, inside the two passes' loop and context
    assert code.count("v_errors: list[Exception] = []") == 1


def test_a_value_takes_the_branch_it_fits_as_the_spec_says_before_the_first_that_would_take_it() -> None:
    """Adyen's payment methods: a closed model first, which would take a Google Pay value read as a newer
    server may send (its undeclared key kept aside); read first as the spec says, the value is Google Pay's.
    Where no branch fits so, the first that takes it still reads it (a newer server's value)."""
    closed = {"type": "object", "additionalProperties": False, "properties": {"number": {"type": "string"}}}
    readers, models = parsed(
        {
            "Holder": {
                "type": "object",
                "properties": {"method": {"oneOf": [{"$ref": "#/components/schemas/Card"}, {"type": "object"}]}},
            },
            "Card": closed,
        }
    )
    code = readers.read(field(models["Holder"], "method"), "v")
    types = import_generated("types")

    def card(d: dict[str, Any]) -> Any:
        if types.reading_strictly() and set(d) - {"number"}:
            raise ValueError("an undeclared key")
        return ("Card", d)

    other = type("Other", (), {"from_dict": staticmethod(lambda d: ("Other", d))})
    taken = {"Card": type("Card", (), {"from_dict": staticmethod(card)}), "HolderMethodType1": other}
    assert run(code, {"googlePayToken": "t"}, **taken) == ("Other", {"googlePayToken": "t"})
    assert run(code, {"number": "4111"}, **taken) == ("Card", {"number": "4111"})


def test_an_array_of_anything_beside_null_reads_without_an_empty_block() -> None:
    readers, models = parsed(
        {
            "Holder": {
                "type": "object",
                "properties": {"things": {"anyOf": [{"type": "array", "items": {}}, {"type": "null"}]}},
            }
        }
    )
    code = readers.read(field(models["Holder"], "things"), "v")
    assert run(code, [1, "a", None]) == [1, "a", None] and run(code, None) is None
    with pytest.raises(TypeError, match="expected an array or null"):
        run(code, "not an array")


def test_two_strings_and_two_arrays_declare_their_errors_once() -> None:
    """additionalProperties of a date, a string, an array of strings and one of integers."""
    extra = {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "array", "items": {"type": "integer"}},
        ]
    }
    readers, models = parsed({"Holder": {"type": "object", "additionalProperties": extra}})
    code = readers.read(models["Holder"].additional_properties, "v")
    assert code.count("v_errors: list[Exception] = []") == 1, code
    assert str(run(code, "2026-01-02")) == "2026-01-02" and run(code, "not a date") == "not a date"
    assert run(code, [1, 2]) == [1, 2] and run(code, ["a"]) == ["a"]


VALUES = ["it's fine", 'say "hi"', "back\\slash", "déjà vu", "{braces}"]


def test_enum_values_are_written_as_python_writes_them() -> None:
    """The TypedDict's Literal: each value exactly as the spec has it, whatever quotes it holds."""
    readers, models = parsed({"Holder": {"type": "object", "properties": {"mood": {"type": "string", "enum": VALUES}}}})
    annotation = readers.wire_annotation(field(models["Holder"], "mood"))
    literal = ast.literal_eval(annotation)  # a string annotation: the Literal inside
    assert [ast.literal_eval(element) for element in ast.parse(literal, mode="eval").body.left.slice.elts] == VALUES
    assert [readers.enum_value(value) for value in field(models["Holder"], "mood").values.values()] == VALUES


@pytest.mark.parametrize("value", VALUES)
def test_a_string_default_is_the_value_the_spec_gives(value: str) -> None:
    readers, models = parsed(
        {"Holder": {"type": "object", "properties": {"note": {"type": "string", "default": value}}}}
    )
    assert ast.literal_eval(field(models["Holder"], "note").default.python_code.as_unembedded_code()) == value


def test_a_tagged_union_reads_by_its_tag_and_keeps_a_member_it_does_not_know() -> None:
    branches = {
        name: {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"const": name.lower()}, "n": {"type": "integer"}},
        }
        for name in ("Cat", "Dog")
    }
    readers, models = parsed(
        {
            "Holder": {
                "type": "object",
                "properties": {
                    "pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}
                },
            },
            **branches,
        }
    )
    prop = field(models["Holder"], "pet")
    code = readers.read(prop, "v")
    assert 'v_tag = v.get("kind")' in code and "try:" not in code
    assert "UnknownVariant" in readers.with_unknown(prop, prop.get_type_string())
    taken = {
        name: type(name, (), {"from_dict": classmethod(lambda cls, d: (cls.__name__, d))}) for name in ("Cat", "Dog")
    }
    assert run(code, {"kind": "dog", "n": 1}, **taken) == ("Dog", {"kind": "dog", "n": 1})
    assert type(run(code, {"kind": "parrot"}, **taken)).__name__ == "UnknownVariant"


def test_every_shape_compiles() -> None:
    """All the above at once, and json.dumps of each value: code that does not compile never reaches a test."""
    for schema in (
        {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "string", "format": "date-time"}]}},
        {"anyOf": [{"type": "boolean"}, {"type": "number"}, {"type": "null"}]},
        {"type": "string", "format": "uuid"},
        {"const": json.dumps(VALUES)},
    ):
        readers, models = parsed({"Holder": {"type": "object", "properties": {"p": schema}}})
        compile(readers.read(field(models["Holder"], "p"), "v"), "<read>", "exec")


# -- pipeline/generate/models.py: what a model module says -------------------------------------------------------


def model_plan(schema: dict[str, Any]) -> Any:
    readers, models = parsed({"Thing": schema})
    return ModelPlans(readers).plan(models["Thing"])


def test_a_secret_field_is_hidden_from_repr_and_required_fields_come_first() -> None:
    plan = model_plan(
        {
            "type": "object",
            "required": ["name"],
            "properties": {
                "note": {"type": "string"},
                "password": {"type": "string", "format": "password"},
                "token": {"type": "string", "writeOnly": True},
                "name": {"type": "string"},
            },
        }
    )
    assert plan.hidden == ["password", "token"]
    assert plan.repr_hidden == ', hidden=("password", "token",)'.replace('"', "'")
    assert [prop.python_name for prop in plan.declared_order][0] == "name"


@pytest.mark.parametrize(
    ("extra", "kept", "refuses"),
    [
        (None, "any", True),  # says nothing: kept from the server, refused in a caller's mapping
        (True, "any", False),
        (False, "", True),
        ({"type": "integer"}, "typed", False),
    ],
)
def test_what_a_model_does_with_undeclared_keys(extra: Any, kept: str, refuses: bool) -> None:
    schema: dict[str, Any] = {"type": "object", "properties": {"name": {"type": "string"}}}
    if extra is not None:
        schema["additionalProperties"] = extra
    plan = model_plan(schema)
    assert ("any" if plan.any_extra else "typed" if plan.typed_extra else "") == kept
    assert plan.refuses_unknown == refuses
    assert plan.declares  # undeclared keys are told from the declared ones in each case
