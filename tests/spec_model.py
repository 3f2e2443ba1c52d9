"""What the spec says, read straight from the document: operations, their parameters, and example values."""

import functools
from dataclasses import dataclass, field
from typing import Any

from pipeline.build import HTTP_METHODS
from pipeline.spec_check import load_document
from tests.generated_package import ROOT


@dataclass
class Operation:
    method: str  # lower case, as in the spec
    path: str  # the template, e.g. /v1/models/{model_id}
    spec: dict[str, Any]  # the operation object
    parameters: list[dict[str, Any]] = field(default_factory=list)  # path-level and operation-level, refs resolved

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def params_in(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.parameters if p.get("in") == location]


@functools.cache
def current_spec() -> dict[str, Any]:
    """openapi.yaml, parsed as the generator parses it."""
    return load_document(ROOT / "openapi.yaml")


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local $refs until a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations(spec: dict[str, Any]) -> list[Operation]:
    found = []
    for path, item in (spec.get("paths") or {}).items():
        item = resolve(spec, item)
        shared = [resolve(spec, p) for p in item.get("parameters", [])]
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            own = [resolve(spec, p) for p in op.get("parameters", [])]
            # Operation-level parameters override path-level ones with the same name and location.
            keys = {(p["name"], p["in"]) for p in own}
            merged = [p for p in shared if (p["name"], p["in"]) not in keys] + own
            found.append(Operation(method, path, op, merged))
    return found


def json_request_schema(spec: dict[str, Any], op: Operation) -> dict[str, Any] | None:
    body = resolve(spec, op.spec.get("requestBody"))
    if not body:
        return None
    media = (body.get("content") or {}).get("application/json")
    return resolve(spec, media.get("schema")) if media else None


def success_response(spec: dict[str, Any], op: Operation) -> tuple[int, dict[str, Any] | None]:
    """The first documented 2xx status and its JSON schema (None when it has no JSON body)."""
    for status, response in sorted((op.spec.get("responses") or {}).items()):
        if str(status).startswith("2") and str(status).isdigit():
            media = (resolve(spec, response).get("content") or {}).get("application/json")
            return int(status), (resolve(spec, media.get("schema")) if media else None)
    raise LookupError(f"{op.id} documents no 2xx response")


UNLISTED_ENUM_VALUE = "VALUE_ADDED_AFTER_THIS_SPEC"


def example_value(
    spec: dict[str, Any], schema: Any, *, unlisted_enums: bool = False, all_properties: bool = False
) -> Any:
    """A small instance of the schema: required properties only, first choice of each anyOf/oneOf.

    With unlisted_enums, string enums get a value the spec does not list, as a newer server may send;
    with all_properties, objects carry their optional properties too (arrays one item), so that every
    property is exercised.
    """

    def example(schema: Any, depth: int) -> Any:
        schema = resolve(spec, schema)
        if not isinstance(schema, dict) or depth > 12:
            return None
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            strings = all(isinstance(value, str) for value in schema["enum"] if value is not None)
            return UNLISTED_ENUM_VALUE if unlisted_enums and strings else schema["enum"][0]
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        for key in ("oneOf", "anyOf"):
            if key in schema:
                choices = [resolve(spec, s) for s in schema[key]]
                choices = [c for c in choices if c.get("type") != "null"] or choices
                return _with_discriminator(spec, schema, choices[0], example(choices[0], depth + 1))
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                value = example(part, depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
            return merged
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or "properties" in schema:
            properties = schema.get("properties") or {}
            names = list(properties) if all_properties else schema.get("required", [])
            return {name: example(properties.get(name, {}), depth + 1) for name in names}
        if kind == "array":
            count = max(schema.get("minItems", 0), 1 if all_properties and depth < 6 else 0)
            return [example(schema.get("items", {}), depth + 1) for _ in range(count)]
        return _scalar_example(schema, kind)

    return example(schema, 0)


def _scalar_example(schema: dict[str, Any], kind: Any) -> Any:
    if schema.get("examples"):
        return schema["examples"][0]
    if kind in ("integer", "number"):
        value = 7 if kind == "integer" else 1.5
        return min(max(value, schema.get("minimum", value)), schema.get("maximum", value))
    if kind == "boolean":
        return True
    if kind == "string":
        text = "text".ljust(schema.get("minLength", 0), "x")[: schema.get("maxLength")]
        return {
            "date-time": "2026-01-02T03:04:05+00:00",
            "date": "2026-01-02",
            "uuid": "00000000-0000-0000-0000-000000000001",
        }.get(schema.get("format", ""), text)
    return None


def _with_discriminator(spec: dict[str, Any], parent: dict[str, Any], choice: dict[str, Any], value: Any) -> Any:
    """Set the discriminator property to the value that selects `choice`."""
    discriminator = parent.get("discriminator")
    if not (discriminator and isinstance(value, dict)):
        return value
    name = discriminator["propertyName"]
    for tag, ref in (discriminator.get("mapping") or {}).items():
        if resolve(spec, {"$ref": ref}) is choice:
            return {**value, name: tag}
    return value
