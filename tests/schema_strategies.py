"""Hypothesis strategies for the spec's schemas (hypothesis-jsonschema), bounded so a real spec stays fast.

Unbounded, hypothesis-jsonschema's later examples for Baseten's metrics schemas grow past 17 kB and take
100 s each; at most 2 items per array and 12 characters per free-form string keep every schema under
a few seconds while still covering every property, branch and type. Objects with declared properties get
no undeclared ones, so a property that lands in a model's additional_properties shows a misparse
(misplaced_fields); unknown fields are tested on their own.
"""

import base64
import copy
import functools
import json
import sys
from collections.abc import Collection
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from contract.spec_model import (
    INTEGER_FORMATS,
    SCHEMA_REF,
    current_spec,
    declared_properties,
    fits,
    recursive_names,
    required_names,
)

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
    if isinstance(out.get("prefixItems"), list):  # 3.1's tuple, as hypothesis-jsonschema reads one (draft 7)
        rest = out.pop("items", True)
        out["items"], out["additionalItems"] = out.pop("prefixItems"), rest
    if isinstance(out.get("properties"), dict) and not {"type", "allOf", "anyOf", "oneOf"} & set(out):
        out["type"] = "object"  # properties without a type (Plaid's bodies): an object, as the generator reads it
    if isinstance(out.get("properties"), dict):
        # Only declared properties, so any key a parsed model keeps in additional_properties was misplaced;
        # one required but declared nowhere (Mistral's `data`) takes any value.
        undeclared = [name for name in out.get("required") or [] if name not in out["properties"]]
        out["properties"] = {**out["properties"], **dict.fromkeys(undeclared, {})}
        out["additionalProperties"] = False
    types = out["type"] if isinstance(out.get("type"), list) else [out.get("type")]
    if "integer" in types and out.get("format") in INTEGER_FORMATS:  # an int64 past 2**63 is no int64
        low, high = INTEGER_FORMATS[out["format"]]
        out["minimum"], out["maximum"] = max(out.get("minimum", low), low), min(out.get("maximum", high), high)
    if "array" in types:
        out["maxItems"] = min(out.get("maxItems", MAX_ITEMS), MAX_ITEMS)
    # (not beside an allOf, whose parts may ask a minLength past the cap: Plaid's IBAN)
    if "string" in types and not {"enum", "const", "format", "pattern", "allOf"} & set(out):
        out["maxLength"] = max(min(out.get("maxLength", MAX_LENGTH), MAX_LENGTH), out.get("minLength", 0))
    return out


def discriminated(components: dict[str, Any]) -> dict[str, Any]:
    """The components as hypothesis-jsonschema draws them well. OpenAPI requires a discriminator's property
    in every schema it selects; Baseten's specs leave it optional (a const with a default), so drawn bodies
    would lack it: it is marked required where it is mapped. A oneOf without a discriminator whose branches
    each give one property a const of their own is read by it too, so it is drawn the same way (without
    it, a body fitting every branch, which no oneOf allows, was drawn). And where the branches' tags
    differ, the oneOf is drawn as an anyOf (the tags keep the branches apart): checking exactly-one over 40
    branches made a single audit-log body take seconds."""
    schemas = copy.deepcopy(components.get("schemas") or {})

    def tag_of(ref: str, prop: str) -> Any:
        target = schemas.get(ref.rsplit("/", 1)[-1]) or {}
        found = (target.get("properties") or {}).get(prop) or {}
        values = [found["const"]] if "const" in found else found.get("enum") or []
        return values[0] if len(values) == 1 else None

    def shared_tag(refs: list[str]) -> str:
        """The property every branch gives a value of its own (a const, or an enum of one), if there is one."""
        if len(refs) < 2 or "" in refs:
            return ""
        candidates: list[set[str]] = [
            set((schemas.get(ref.rsplit("/", 1)[-1]) or {}).get("properties") or {}) for ref in refs
        ]
        for prop in sorted(set.intersection(*candidates)):
            tags = [tag_of(ref, prop) for ref in refs]
            if None not in tags and len(set(map(str, tags))) == len(tags):
                return prop
        return ""

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            discriminator = node.get("discriminator")
            if not isinstance(discriminator, dict) and isinstance(node.get("oneOf"), list):
                prop = shared_tag([branch.get("$ref", "") for branch in node["oneOf"] if isinstance(branch, dict)])
                discriminator = (
                    {"propertyName": prop} if prop else None
                )  # told apart by a const, as readers.py reads them
            if isinstance(discriminator, dict):
                prop = discriminator["propertyName"]
                refs = list((discriminator.get("mapping") or {}).values())
                refs += [choice["$ref"] for choice in node.get("oneOf", []) + node.get("anyOf", []) if "$ref" in choice]
                for ref in refs:
                    target = schemas.get(ref.rsplit("/", 1)[-1])
                    if target is not None and prop not in target.get("required", []):
                        target["required"] = [*target.get("required", []), prop]
                branches = node.get("oneOf") or []
                tags = [tag_of(branch.get("$ref", ""), prop) for branch in branches]
                if branches and None not in tags and len(set(map(str, tags))) == len(tags):
                    node["anyOf"] = node.pop("oneOf")
            for value in node.values():
                visit(value)

    visit(list(schemas.values()))
    return {**components, "schemas": schemas}


RECURSION_DEPTH = 2  # how often a recursive schema may contain itself in a drawn value


def unrolled(node: Any, schemas: dict[str, Any], recursive: set[str], stack: tuple[str, ...] = ()) -> Any:
    """hypothesis-jsonschema cannot follow recursive $refs: inline those to RECURSION_DEPTH, then cut.

    A cut is `{"not": {}}`, which nothing matches: an optional property or array item there is left out.
    """
    if isinstance(node, list):
        return [unrolled(item, schemas, recursive, stack) for item in node]
    if not isinstance(node, dict):
        return node
    name = str(node.get("$ref", ""))[len(SCHEMA_REF) :] if str(node.get("$ref", "")).startswith(SCHEMA_REF) else ""
    if name in recursive:
        if stack.count(name) >= RECURSION_DEPTH:
            return {"not": {}}
        target = unrolled(schemas[name], schemas, recursive, (*stack, name))
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return {**target, **siblings} if siblings else target
    return {key: unrolled(value, schemas, recursive, stack) for key, value in node.items()}


# What each side never sends (OpenAPI): a readOnly property is not in a request, a writeOnly one not in a
# response, required or not (its `required` applies to the other side only).
HIDDEN = {"request": "readOnly", "response": "writeOnly"}


def without_hidden(node: Any, direction: str, schemas: dict[str, Any]) -> Any:
    """A copy of the schema without the properties that `direction` ("request" or "response") never carries."""
    keyword = HIDDEN[direction]

    def marked(prop: Any) -> bool:
        target = schemas.get(str(prop.get("$ref", ""))[len(SCHEMA_REF) :]) if isinstance(prop, dict) else None
        parts = [prop, target, *(prop.get("allOf") or [] if isinstance(prop, dict) else [])]
        return any(isinstance(part, dict) and part.get(keyword) is True for part in parts)

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: visit(value) for key, value in node.items()}
        if isinstance(node.get("properties"), dict):
            hidden = {name for name, prop in node["properties"].items() if marked(prop)}
            out["properties"] = {name: prop for name, prop in out["properties"].items() if name not in hidden}
            if isinstance(node.get("required"), list):
                out["required"] = [name for name in node["required"] if name not in hidden]
        return out

    return visit(node)


def merged_all_of(node: Any, schemas: dict[str, Any]) -> Any:
    """A copy of the schema with each allOf of plain objects (properties, required, perhaps closed to
    undeclared ones) written as the one object it describes. bounded() closes every object to its declared
    properties: the parts closed one by one would each refuse the others' properties, and no value would be
    left. A part the spec closes itself keeps the others' properties out of the whole."""

    def plain(schema: dict[str, Any]) -> bool:
        # (`nullable` too: a part that also takes null, Box's File--Base, still gives an object its fields)
        keys = {key for key in schema if not key.startswith("x-")} - ANNOTATIONS - {"allOf", "nullable"}
        # absent, false or true (Plaid's open parts: the merged whole is closed to its declared properties
        # for drawing, as every object is): nothing more to merge
        undeclared = schema.get("additionalProperties", False)
        return (
            keys <= {"type", "properties", "required", "additionalProperties"}
            and undeclared in (False, True)
            and (schema.get("type") in (None, "object"))
        )

    def parts(schema: dict[str, Any], seen: tuple[str, ...]) -> list[dict[str, Any]] | None:
        """The schema and its allOf parts, theirs too, where every one is a plain object; else None."""
        found = [schema]
        for part in schema.get("allOf") or []:
            name = str(part.get("$ref", ""))[len(SCHEMA_REF) :] if isinstance(part, dict) else ""
            target = schemas.get(name) if name else part
            if not isinstance(target, dict) or name in seen or not plain(target):
                return None
            inner = parts(target, (*seen, name)) if "allOf" in target else [target]
            if inner is None:
                return None
            found += inner
        return found

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        found = parts(node, ()) if "allOf" in node and plain(node) else None
        if found:
            declared: dict[str, list[Any]] = {}
            for part in found:
                for name, sub in (part.get("properties") or {}).items():
                    declared.setdefault(name, []).append(sub)
            required = list(dict.fromkeys(name for part in found for name in part.get("required") or []))
            for part in found:  # only what every closed part declares may be there
                if part.get("additionalProperties") is False:
                    declared = {name: subs for name, subs in declared.items() if name in (part.get("properties") or {})}
            node = {
                k: v
                for k, v in node.items()
                if k not in ("allOf", "properties", "required", "additionalProperties", "nullable")
            }
            node["type"] = "object"
            # A property declared in several parts meets each declaration.
            node["properties"] = {
                name: subs[0] if len(subs) == 1 else {"allOf": subs} for name, subs in declared.items()
            }
            node.update({"required": required} if required else {})
        return {key: visit(value) for key, value in node.items()}

    return visit(node)


@functools.cache
def _components(direction: str) -> tuple[dict[str, Any], frozenset[str]]:
    spec_components = current_spec().get("components") or {}
    spec_schemas = spec_components.get("schemas") or {}
    hidden = without_hidden(spec_components, direction, spec_schemas)
    hidden = {**hidden, "schemas": merged_all_of(hidden.get("schemas") or {}, hidden.get("schemas") or {})}
    components = bounded(discriminated(hidden))
    schemas = components.get("schemas") or {}
    recursive = recursive_names(schemas)
    unrolled_schemas = {name: unrolled(schema, schemas, recursive, (name,)) for name, schema in schemas.items()}
    return {**components, "schemas": unrolled_schemas}, frozenset(recursive)


# Formats hypothesis-jsonschema does not know draw any string; these draw what the format means. A file
# has at least one byte: an empty body is, to a server or a validator, no body at all.
CUSTOM_FORMATS = {
    "uuid": st.uuids().map(str),
    "binary": st.text(min_size=1, max_size=MAX_LENGTH),
    "byte": st.binary(max_size=MAX_LENGTH).map(lambda data: base64.b64encode(data).decode("ascii")),
}


# Keywords that say nothing about which values a schema accepts (a discriminator's property is required
# by discriminated(), which is all it asks of a value).
ANNOTATIONS = {"title", "description", "default", "example", "examples", "deprecated", "readOnly", "writeOnly",
               "discriminator"}  # fmt: skip


@functools.cache
def _strategy(schema_json: str, direction: str) -> st.SearchStrategy[Any]:
    """Objects, arrays and unions are put together here from their parts' strategies, each made once;
    anything else is hypothesis-jsonschema's. It builds an object's strategy anew on every draw, so an
    array of 40-way unions (Baseten's audit log) cost 8 s a body; composed from cached parts, 0.1 s."""
    schema = json.loads(schema_json)
    keys = {key for key in schema if not key.startswith("x-")} - ANNOTATIONS
    if keys == {"$ref"} and schema["$ref"].startswith(SCHEMA_REF):
        name = schema["$ref"][len(SCHEMA_REF) :]
        return st.deferred(lambda: _prepared(current_spec_schemas(direction)[name], direction))
    # A part no value fits (a recursion cut, unrolled() says) is left out where the whole allows it.
    if keys == {"anyOf"} and all(isinstance(branch, dict) for branch in schema["anyOf"]):
        branches = [_prepared(branch, direction) for branch in schema["anyOf"]]
        return st.one_of([branch for branch in branches if not branch.is_empty])
    # A oneOf's value fits exactly one branch: a Dog's {"bark": true} is not one where an open Cat (nothing
    # required) takes it too (hypothesis-jsonschema drew it: a reader then rightly takes the first branch).
    if keys == {"oneOf"} and all(isinstance(branch, dict) for branch in schema["oneOf"]):
        spec, choices = current_spec(), schema["oneOf"]
        drawn = [strategy for strategy in (_prepared(b, direction) for b in choices) if not strategy.is_empty]
        if not drawn:
            return st.nothing()
        return st.one_of(drawn).filter(lambda value: sum(fits(spec, branch, value) for branch in choices) == 1)
    if keys <= {"type", "properties", "required", "additionalProperties"} and schema.get("type") == "object":
        if schema.get("additionalProperties") is False and isinstance(schema.get("properties"), dict):
            properties = {name: _prepared(sub, direction) for name, sub in schema["properties"].items()}
            required = set(schema.get("required") or [])
            if required <= set(properties):
                if any(properties[name].is_empty for name in required):
                    return st.nothing()
                return st.fixed_dictionaries(
                    {name: value for name, value in properties.items() if name in required},
                    optional={n: v for n, v in properties.items() if n not in required and not v.is_empty},
                )
    if keys <= {"type", "items", "minItems", "maxItems"} and schema.get("type") == "array":
        if isinstance(schema.get("items"), dict):
            items, least = _prepared(schema["items"], direction), schema.get("minItems", 0)
            if items.is_empty:
                return st.just([]) if least == 0 else st.nothing()
            return st.lists(items, min_size=least, max_size=schema["maxItems"])
    if '"$ref"' in schema_json:  # the components ride along, so "#/components/schemas/X" resolves
        schema = {**schema, "components": _components(direction)[0]}
    return from_schema(schema, custom_formats=CUSTOM_FORMATS)


def current_spec_schemas(direction: str = "response") -> dict[str, Any]:
    return _components(direction)[0].get("schemas") or {}


def json_values(schema: dict[str, Any], direction: str = "response") -> st.SearchStrategy[Any]:
    """JSON values valid against `schema` (a node of openapi.yaml; its $refs point into the components),
    as `direction` carries them: a "request" without readOnly properties, a "response" without writeOnly."""
    spec_schemas = (current_spec().get("components") or {}).get("schemas") or {}
    return _prepared(without_hidden(merged_all_of(schema, spec_schemas), direction, spec_schemas), direction)


def _prepared(schema: Any, direction: str) -> st.SearchStrategy[Any]:
    """The strategy for a schema of the components as _components(direction) holds them."""
    components, recursive = _components(direction)
    prepared = unrolled(bounded(schema), current_spec_schemas(direction), set(recursive))
    return _strategy(json.dumps(prepared, sort_keys=True), direction)


@functools.cache
def undeclared_anywhere() -> frozenset[str]:
    """The names a component schema requires without declaring them (Mistral's `data`): a model keeps them in
    additional_properties, where they belong."""
    spec = current_spec()
    schemas = (spec.get("components") or {}).get("schemas") or {}
    return frozenset(
        name
        for schema in schemas.values()
        if isinstance(schema, dict)
        for name in set(required_names(spec, schema)) - set(declared_properties(spec, schema))
    )


def misplaced_fields(value: Any, where: str = "body", undeclared: Collection[str] = ()) -> list[str]:
    """Keys that a model with declared fields kept in additional_properties, anywhere in a parsed value.

    Drawn bodies carry declared properties only, so each one is a property parsed into the wrong model:
    typically a oneOf/anyOf branch tried before the right one. `undeclared`: keys that belong there (a
    name the schema requires without declaring it).
    """
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in misplaced_fields(item, f"{where}[{i}]", undeclared)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in misplaced_fields(item, f"{where}.{key}", undeclared)]
    if not attrs.has(type(value)):
        return []
    declared = [field.name for field in attrs.fields(type(value)) if field.init]
    # and what its own schema requires without declaring (an inline one's too: Box's invite `actionable_by`)
    own = getattr(sys.modules[type(value).__module__], "_UNDECLARED_REQUIRED", ())
    extra = [key for key in getattr(value, "additional_properties", {}) if key not in undeclared and key not in own]
    found = [f"{where}: {type(value).__name__} kept {sorted(extra)}"] if declared and extra else []
    for name in declared:
        found += misplaced_fields(getattr(value, name), f"{where}.{name}", undeclared)
    return found
