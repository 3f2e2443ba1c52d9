"""The spec the generator reads: defaults beside a $ref survive, everything else is left as it was."""

from typing import Any

from pipeline.generate.spec_prepare import prepare_spec

NULL = {"type": "null"}
ENUM_REF = {"$ref": "#/components/schemas/Mode"}


def spec_with(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {},
        "components": {"schemas": {"Mode": {"enum": ["A", "B"]}, "Model": {"properties": properties}}},
    }


def test_a_default_beside_a_ref_is_wrapped_so_the_generator_keeps_it() -> None:
    spec = spec_with({"mode": {**ENUM_REF, "default": "B", "description": "d"}, "plain": ENUM_REF})
    prepared = prepare_spec(spec, {})[0]["components"]["schemas"]["Model"]["properties"]
    assert prepared["mode"] == {"allOf": [ENUM_REF], "default": "B", "description": "d"}
    assert prepared["plain"] == ENUM_REF  # nothing to keep beside it: untouched
    assert spec["components"]["schemas"]["Model"]["properties"]["mode"]["$ref"]  # the input is not modified


def test_a_nullable_enum_becomes_the_enum_or_null_and_keeps_its_name() -> None:
    spec = spec_with({"mode": ENUM_REF, "inline": {"type": ["string", "null"], "enum": ["x", None], "default": "x"}})
    spec["components"]["schemas"]["Mode"] = {"type": ["string", "null"], "enum": ["A", "B", None]}
    prepared = prepare_spec(spec, {})[0]["components"]["schemas"]
    assert prepared["Mode"] == {"type": "string", "enum": ["A", "B"]}
    assert prepared["Model"]["properties"]["mode"] == {"anyOf": [ENUM_REF, {"type": "null"}]}
    inline = prepared["Model"]["properties"]["inline"]
    # the enum branch is titled after its property, so its class is named for it rather than by position
    assert inline == {"anyOf": [{"type": "string", "enum": ["x"], "title": "inline"}, {"type": "null"}], "default": "x"}
    assert spec["components"]["schemas"]["Mode"]["enum"] == ["A", "B", None]  # the input is not modified


def test_two_schemas_whose_classes_differ_only_in_case_get_modules_of_their_own() -> None:
    spec = {"components": {"schemas": {"APIKey": {"type": "object"}, "ApiKey": {"type": "object"}}}}

    prepared, notes = prepare_spec(spec, {})

    assert prepared["components"]["schemas"]["ApiKey"]["title"] == "ApiKey2"
    assert "title" not in prepared["components"]["schemas"]["APIKey"]
    assert notes == ["#/components/schemas/ApiKey: named ApiKey2, as ApiKey's module is another's"]


def test_a_nullable_object_built_through_all_of_is_a_model_where_defined_and_or_null_where_used() -> None:
    """Plaid's Cause: the generator reads `nullable` as a union with null, which cannot hold an allOf, and
    would leave the model out. A nullable allOf of strings is no model and stays as it is."""
    base = {"type": "object", "properties": {"code": {"type": "string"}}}
    cause = {"type": "object", "nullable": True, "required": ["code"], "allOf": [{"$ref": "#/components/schemas/Base"}]}
    untyped = {"nullable": True, "allOf": [{"$ref": "#/components/schemas/Base"}, {"description": "d"}]}
    text = {"nullable": True, "allOf": [{"type": "string"}, {"anyOf": [{"maxLength": 3}, {"minLength": 5}]}]}
    holder = {"properties": {"cause": {"$ref": "#/components/schemas/Cause"}}}
    spec = {
        "components": {"schemas": {"Base": base, "Cause": cause, "Untyped": untyped, "Text": text, "Holder": holder}}
    }

    schemas = prepare_spec(spec, {})[0]["components"]["schemas"]

    assert "nullable" not in schemas["Cause"] and schemas["Cause"]["allOf"] == cause["allOf"]
    assert "nullable" not in schemas["Untyped"]  # Plaid's NumbersACHNullable says no `type`
    assert schemas["Holder"]["properties"]["cause"] == {"anyOf": [{"$ref": "#/components/schemas/Cause"}, NULL]}
    assert schemas["Text"] == text  # an allOf of strings (one a union: not unwrapped) is no model


def test_a_union_or_enum_given_through_an_allof_that_only_describes_it_is_its_reference() -> None:
    """Box's event source (`allOf: [$ref Source, {description}]`) and Plaid's enums: the generator refuses an
    allOf of a non-object; a part with a bound (maxLength) is more than a description and stays."""
    spec = spec_with(
        {
            "source": {"allOf": [{"$ref": "#/components/schemas/Source"}, {"description": "who"}]},
            "mode": {"allOf": [ENUM_REF], "description": "d", "x-note": 1},
            "bounded": {"allOf": [{"$ref": "#/components/schemas/Source"}, {"maxLength": 8}]},
        }
    )
    spec["components"]["schemas"]["Source"] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    prepared = prepare_spec(spec, {})[0]["components"]["schemas"]["Model"]["properties"]
    assert prepared["source"] == {"$ref": "#/components/schemas/Source"} and prepared["mode"] == ENUM_REF
    assert prepared["bounded"] == spec["components"]["schemas"]["Model"]["properties"]["bounded"]
