"""Step 3c: rewrite what the generator would misread, without changing what the spec means.

Only the generator sees the result; openapi.yaml stays as Baseten published it.

- A `$ref` with sibling keywords (OpenAPI 3.1 allows `default` beside `$ref`): openapi-python-client
  0.29.1 drops the siblings, so `{"$ref": Enum, "default": "X"}` loses its default. Wrapped as
  `{"allOf": [{"$ref": Enum}], "default": "X"}` (the 3.0 idiom, same meaning), the default reaches the model.
- A nullable enum (null among its values, `null` in its type list, or `nullable: true`): the generator
  either drops the null (a server's null then fails to parse) or names the class `ColourType1` after a
  union of its own making. Written as `anyOf: [<the enum without null>, {"type": "null"}]` (a $ref to a
  nullable enum component likewise), the class keeps the component's name and the field is `Colour | None`.
- Each operation gets the group (tag) and name (operationId) that operation_names gives it, so the
  generator writes `api/models/get_model.py` rather than `api/default/get_v1_models_model_id.py`.
"""

import copy
from typing import Any

from .operation_names import operation_names

SIBLINGS_THAT_MATTER = ("default",)
SCHEMA_REF = "#/components/schemas/"
NULL = {"type": "null"}


def prepare_spec(spec: dict[str, Any], overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of the spec for the generator to read; `overrides`: generator-config's operation_overrides."""
    prepared = copy.deepcopy(spec)
    for (method, path), name in operation_names(spec, overrides).items():
        operation = prepared["paths"][path][method]
        operation["tags"], operation["operationId"] = [name.group], name.name
    _split_nullable_enums(prepared)

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            for value in node.values():
                visit(value)
            properties = node.get("properties")
            for schema in properties.values() if isinstance(properties, dict) else []:
                if isinstance(schema, dict) and "$ref" in schema and any(k in schema for k in SIBLINGS_THAT_MATTER):
                    schema["allOf"] = [{"$ref": schema.pop("$ref")}]

    visit(prepared.get("components"))
    visit(prepared.get("paths"))
    return prepared


def _is_nullable_enum(node: Any) -> bool:
    if not (isinstance(node, dict) and isinstance(node.get("enum"), list)):
        return False
    kinds = node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]
    return None in node["enum"] or "null" in kinds or node.get("nullable") is True


def _without_null(node: dict[str, Any]) -> dict[str, Any]:
    """The enum with null taken out of its values and type (in place)."""
    node["enum"] = [value for value in node["enum"] if value is not None]
    node.pop("nullable", None)
    if isinstance(node.get("type"), list):
        kinds = [kind for kind in node["type"] if kind != "null"]
        node["type"] = kinds[0] if len(kinds) == 1 else kinds
    return node


def _split_nullable_enums(spec: dict[str, Any]) -> None:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    nullable = {name for name, schema in schemas.items() if _is_nullable_enum(schema)}
    for name in nullable:
        _without_null(schemas[name])

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = str(node.get("$ref", ""))
        if ref.startswith(SCHEMA_REF) and ref[len(SCHEMA_REF) :] in nullable:
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            return {"anyOf": [{"$ref": ref}, dict(NULL)], **siblings}
        node = {key: rewrite(value) for key, value in node.items()}
        if _is_nullable_enum(node):
            outer = {key: node.pop(key) for key in ("default", "description", "title") if key in node}
            return {"anyOf": [_without_null(node), dict(NULL)], **outer}
        return node

    if "components" in spec:
        spec["components"] = {
            key: (
                {name: _top_level(schema, rewrite) for name, schema in value.items()}
                if key == "schemas"
                else rewrite(value)
            )
            for key, value in spec["components"].items()
        }
    if "paths" in spec:
        spec["paths"] = rewrite(spec["paths"])


def _top_level(schema: Any, rewrite: Any) -> Any:
    """A component keeps its own node (its nullability was split off above); only its insides change."""
    if isinstance(schema, dict) and "enum" in schema:
        return schema
    return rewrite(schema)
