"""Hypothesis strategies for the spec's schemas (hypothesis-jsonschema), bounded so a real spec stays fast.

Unbounded, hypothesis-jsonschema's later examples for Baseten's metrics schemas grow past 17 kB and take
100 s each; at most 2 items per array and 12 characters per free-form string keep every schema under
a few seconds while still covering every property, branch and type. Objects with declared properties get
no undeclared ones, so a property that lands in a model's additional_properties shows a misparse
(misplaced_fields); unknown fields are tested on their own.
"""

import datetime
import functools
import json
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from tests.spec_model import current_spec

MAX_ITEMS = 2
MAX_LENGTH = 12
EXAMPLES_PER_CASE = 5  # per operation or schema; `make rehearse` on 183 operations stays well under 5 minutes

# No shrinking: a failure is reported with the example as drawn, and a known finding (xfail) costs no time.
CONTRACT_SETTINGS = settings(
    max_examples=EXAMPLES_PER_CASE,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def bounded(schema: Any) -> Any:
    """A copy of the schema with small caps on array and free-form string sizes."""
    if isinstance(schema, list):
        return [bounded(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    for key in ("items", "additionalProperties", "not", "contains", "propertyNames"):
        if isinstance(out.get(key), dict):
            out[key] = bounded(out[key])
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        if isinstance(out.get(key), list):
            out[key] = [bounded(item) for item in out[key]]
    for key in ("properties", "patternProperties", "$defs", "schemas"):
        if isinstance(out.get(key), dict):
            out[key] = {name: bounded(item) for name, item in out[key].items()}
    if isinstance(out.get("properties"), dict):
        # Only declared properties, so any key a parsed model keeps in additional_properties was misplaced.
        out["additionalProperties"] = False
    types = out["type"] if isinstance(out.get("type"), list) else [out.get("type")]
    if "array" in types:
        out["maxItems"] = min(out.get("maxItems", MAX_ITEMS), MAX_ITEMS)
    if "string" in types and not {"enum", "const", "format", "pattern"} & set(out):
        out["maxLength"] = max(min(out.get("maxLength", MAX_LENGTH), MAX_LENGTH), out.get("minLength", 0))
    return out


def discriminators_required(components: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI requires a discriminator's property in every schema it selects; Baseten's specs leave it
    optional (a const with a default), so drawn bodies would lack it. Mark it required where it is mapped."""
    schemas = {name: dict(schema) for name, schema in (components.get("schemas") or {}).items()}

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            discriminator = node.get("discriminator")
            if isinstance(discriminator, dict):
                refs = list((discriminator.get("mapping") or {}).values())
                refs += [choice["$ref"] for choice in node.get("oneOf", []) + node.get("anyOf", []) if "$ref" in choice]
                for ref in refs:
                    target = schemas.get(ref.rsplit("/", 1)[-1])
                    if target is not None and discriminator["propertyName"] not in target.get("required", []):
                        target["required"] = [*target.get("required", []), discriminator["propertyName"]]
            for value in node.values():
                visit(value)

    visit(list(schemas.values()))
    return {**components, "schemas": schemas}


@functools.cache
def _bounded_components() -> dict[str, Any]:
    return bounded(discriminators_required(current_spec().get("components") or {}))


@functools.cache
def _strategy(schema_json: str) -> st.SearchStrategy[Any]:
    # The components ride along, so "#/components/schemas/X" resolves against this root.
    return from_schema({**bounded(json.loads(schema_json)), "components": _bounded_components()})


def json_values(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values valid against `schema` (a node of openapi.yaml; its $refs point into the components)."""
    return _strategy(json.dumps(schema, sort_keys=True))


def same_json(left: Any, right: Any) -> bool:
    """Equal as JSON, with two timestamps equal when they name the same instant (Z and +00:00, say)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_json(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, str) and isinstance(right, str) and left != right:
        try:
            return datetime.datetime.fromisoformat(left) == datetime.datetime.fromisoformat(right)
        except ValueError:
            return False
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def misplaced_fields(value: Any, where: str = "body") -> list[str]:
    """Keys that a model with declared fields kept in additional_properties, anywhere in a parsed value.

    Drawn bodies carry declared properties only, so each one is a property parsed into the wrong model:
    typically a oneOf/anyOf branch tried before the right one.
    """
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in misplaced_fields(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in misplaced_fields(item, f"{where}.{key}")]
    if not attrs.has(type(value)):
        return []
    declared = [field.name for field in attrs.fields(type(value)) if field.name != "additional_properties"]
    extra = getattr(value, "additional_properties", {})
    found = [f"{where}: {type(value).__name__} kept {sorted(extra)}"] if declared and extra else []
    for name in declared:
        found += misplaced_fields(getattr(value, name), f"{where}.{name}")
    return found
