"""What the OpenAPI meta-schema refuses but the generator reads unambiguously, and the wire never sees: a
listed warning each, as stock openapi-python-client gives, not a stop.

- an operation's `title`: not a field of the Operation object; documentation only, so it is taken out of
  the spec the client is built from;
- `const` in an OpenAPI 3.0 schema: JSON Schema's, which 3.0's schema object leaves out; the generator
  reads it (a value the field must have), so it stays, and the meta-schema check reads it as the
  `enum: [value]` it means.
- a status range written in lower case (`4xx`): OpenAPI writes `4XX`; read as that.
- `exclusiveMinimum: true` (or `exclusiveMaximum`) in a 3.1 document: 3.0's form, whose meaning is plain
  beside a `minimum`: written as 3.1 writes it (`exclusiveMinimum: <the minimum>`); `false`, or `true`
  without a bound to make exclusive, says nothing and is left out.

- a name listed twice in a schema's `required`: read once.
- JSON Schema 2019-09's recursion (`$recursiveAnchor: true` on a component, `$recursiveRef: "#"` inside it),
  which OpenAPI 3.1's dialect (2020-12) does not know and the generator would read as any value: read as
  the `$ref` to that component it means; a `$recursiveAnchor` with no such reference says nothing, left out.

- a tag with a field OpenAPI 3.0/3.1 does not have (3.2's `parent`, `kind`): documentation only; left out.
- an operation's `summary` or `description` that is null: says nothing; left out.
- in a 3.0 document, a schema keyword the 3.0 schema object does not have (`user_error`): JSON Schema takes an
  unknown keyword as an annotation, and so does the generator; left out. A 3.1 type list of one type and
  null (`type: [integer, "null"]`) is read as 3.0 writes it (`type: integer, nullable: true`).

And one contradiction the meta-schema cannot see, read the one way a server can mean it:
- a discriminator without a `mapping` entry for a branch whose schema lists the values the property takes
  (Spotify's TrackObject: `type: {enum: [track]}`; OpenAI's WebSearchPreviewTool, two values): OpenAPI's
  implicit value, the schema's name, is one the branch itself refuses, so no valid response could carry
  it; each listed value is mapped to the branch.

Anything else the meta-schema refuses still stops `make generate`, every problem listed.
"""

import copy
from typing import Any

from .openapi import Location, mapping, operations, resolve, schemas, where


def tolerated(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The spec without what is taken out, and a warning line for each flaw tolerated."""
    notes: list[str] = []
    titled = [op for op in operations(spec) if "title" in op.operation]
    if titled:
        spec = copy.deepcopy(spec)
        for op in operations(spec):
            if "title" in op.operation:
                del op.operation["title"]
                notes.append(f"{where(op.location)}: `title` is not a field of an operation; left out")
    notes += [
        f"{where(location)}: `const` is not in OpenAPI 3.0; read as `enum` of its value" for location in _consts(spec)
    ]
    spec, lowered = _status_ranges(spec)
    spec, exclusive = _boolean_exclusive_bounds(spec)
    spec, repeated = _repeated_required(spec)
    spec, recursive = _recursive_refs(spec)
    spec, documentation = _documentation_fields(spec)
    spec, keywords = _keywords_3_0(spec)
    spec, discriminated = _pinned_discriminator_values(spec)
    return spec, notes + lowered + exclusive + repeated + recursive + documentation + keywords + discriminated


def _status_ranges(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    found = [
        (op.path, op.method, key)
        for op in operations(spec)
        for key in mapping(op.operation, "responses")
        if isinstance(key, str) and len(key) == 3 and key[0] in "12345" and key[1:] == "xx"
    ]
    if not found:
        return spec, []
    spec = copy.deepcopy(spec)
    for path, method, key in found:
        responses = spec["paths"][path][method]["responses"]
        responses[key.upper()] = responses.pop(key)
    return spec, [f"{where(('paths', path, method, 'responses', key))}: written {key.upper()} in OpenAPI; read as that"
                  for path, method, key in found]  # fmt: skip


def _boolean_exclusive_bounds(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    if not str(spec.get("openapi", "")).startswith("3.1"):
        return spec, []
    pairs = (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum"))
    found = [location for schema, location in schemas(spec) if any(isinstance(schema.get(k), bool) for k, _ in pairs)]
    if not found:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for location in found:
        schema: Any = spec
        for part in location:
            schema = schema[part]
        for exclusive, bound in pairs:
            if not isinstance(schema.get(exclusive), bool):
                continue
            if schema.pop(exclusive) and isinstance(schema.get(bound), int | float):
                schema[exclusive] = schema.pop(bound)
                written = f"`{exclusive}: {schema[exclusive]}`"
                notes.append(f"{where(location)}: `{exclusive}: true` is OpenAPI 3.0's; read as {written}")
            else:
                notes.append(f"{where(location)}: a boolean `{exclusive}` says nothing here in OpenAPI 3.1; left out")
    return spec, notes


def as_the_meta_schema_reads(spec: dict[str, Any]) -> dict[str, Any]:
    """For the meta-schema check: a 3.0 document with each `const` written as the `enum` it means."""
    found = _consts(spec)
    if not found:
        return spec
    spec = copy.deepcopy(spec)
    for location in found:
        node: Any = spec
        for part in location:
            node = node[part]
        node["enum"] = [node.pop("const")]
    return spec


def _consts(spec: dict[str, Any]) -> list[Location]:
    if not str(spec.get("openapi", "")).startswith("3.0"):
        return []
    return [location for schema, location in schemas(spec) if "const" in schema and "enum" not in schema]


def _at(spec: Any, location: Location) -> Any:
    node = spec
    for part in location:
        node = node[part]
    return node


def _repeated_required(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    found = [
        location
        for schema, location in schemas(spec)
        if isinstance(schema.get("required"), list)
        and len(schema["required"]) != len(set(map(repr, schema["required"])))
    ]
    if not found:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for location in found:
        schema = _at(spec, location)
        listed = schema["required"]
        twice = sorted({repr(name) for name in listed if listed.count(name) > 1})
        schema["required"] = list(dict.fromkeys(listed))
        notes.append(f"{where((*location, 'required'))}: {', '.join(twice)} listed more than once; read once")
    return spec, notes


def _recursive_refs(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    anchored = [name for name, schema in mapping(mapping(spec, "components"), "schemas").items()
                if isinstance(schema, dict) and "$recursiveAnchor" in schema]  # fmt: skip
    if not anchored:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for name in anchored:
        component = spec["components"]["schemas"][name]
        anchor = component.pop("$recursiveAnchor")
        place = ("components", "schemas", name)
        refs = [location for schema, location in schemas({"components": {"schemas": {name: component}}})
                if schema.get("$recursiveRef") == "#"]  # fmt: skip
        for location in refs if anchor is True else []:
            node = _at(spec, location)
            del node["$recursiveRef"]
            node["$ref"] = f"#/components/schemas/{name}"
            notes.append(f"{where(location)}: `$recursiveRef` is JSON Schema 2019-09's; read as `$ref` to {name}")
        if anchor is not True or not refs:
            notes.append(
                f"{where((*place, '$recursiveAnchor'))}: JSON Schema 2019-09's, with nothing to anchor; left out"
            )
    return spec, notes


TAG_FIELDS = {"name", "description", "externalDocs"}
SCHEMA_FIELDS_3_0 = {
    "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
    "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type",
    "allOf", "oneOf", "anyOf", "not", "items", "properties", "additionalProperties", "description", "format",
    "default", "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example", "deprecated",
    "$ref", "const",  # const: read as enum of its value (above)
}  # fmt: skip


def _documentation_fields(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    tags = [(index, sorted(str(key) for key in tag if key not in TAG_FIELDS and not str(key).startswith("x-")))
            for index, tag in enumerate(spec.get("tags") or []) if isinstance(tag, dict)]  # fmt: skip
    tags = [(index, extra) for index, extra in tags if extra]
    prose = [(op.location, key) for op in operations(spec) for key in ("summary", "description")
             if key in op.operation and op.operation[key] is None]  # fmt: skip
    if not tags and not prose:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for index, extra in tags:
        for key in extra:
            del spec["tags"][index][key]
        fields = ", ".join(f"`{key}`" for key in extra)
        notes.append(f"{where(('tags', index))}: {fields} not a field of a tag in OpenAPI 3.0/3.1; left out")
    for location, key in prose:
        del _at(spec, location)[key]
        notes.append(f"{where((*location, key))}: null says nothing; left out")
    return spec, notes


def _keywords_3_0(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    if not str(spec.get("openapi", "")).startswith("3.0"):
        return spec, []
    found = [
        location
        for schema, location in schemas(spec)
        if any(key not in SCHEMA_FIELDS_3_0 and not str(key).startswith("x-") for key in schema)
        or _nullable_type_list(schema.get("type")) is not None
    ]
    if not found:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for location in found:
        schema = _at(spec, location)
        for key in [key for key in schema if key not in SCHEMA_FIELDS_3_0 and not str(key).startswith("x-")]:
            del schema[key]
            notes.append(f"{where(location)}: `{key}` is no keyword of OpenAPI 3.0's schema object; left out")
        kind = _nullable_type_list(schema.get("type"))
        if kind is not None:
            schema["type"], schema["nullable"] = kind, True
            notes.append(f"{where(location)}: a type list is OpenAPI 3.1's; read as `type: {kind}, nullable: true`")
    return spec, notes


def _nullable_type_list(kinds: Any) -> str | None:
    """The type of `[<type>, "null"]` (either order); None for anything else."""
    if isinstance(kinds, list) and len(kinds) == 2 and "null" in kinds:
        other = [kind for kind in kinds if kind != "null"]
        return str(other[0]) if len(other) == 1 and isinstance(other[0], str) else None
    return None


SCHEMA_REF = "#/components/schemas/"


def _pinned_values(spec: dict[str, Any], schema: Any, name: str, depth: int = 0) -> list[Any] | None:
    """The values `schema` (or an allOf part of it) allows `name`, where it lists them (`const`, `enum`)."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 8:
        return None
    field = resolve(spec, mapping(schema, "properties").get(name))
    if isinstance(field, dict):
        if "const" in field:
            return [field["const"]]
        if isinstance(field.get("enum"), list) and field["enum"]:
            return list(field["enum"])
    for part in schema.get("allOf") or []:
        values = _pinned_values(spec, part, name, depth + 1)
        if values is not None:
            return values
    return None


def _pinned_discriminator_values(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    found: list[tuple[Location, list[str], str, set[str]]] = []  # (the discriminator's schema, values, $ref, names)
    for schema, location in schemas(spec):
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
            continue
        mapped = {str(target) for target in mapping(discriminator, "mapping").values()}
        branches = [*(schema.get("oneOf") or []), *(schema.get("anyOf") or [])]
        refs = [b["$ref"] for b in branches if isinstance(b, dict) and str(b.get("$ref", "")).startswith(SCHEMA_REF)]
        names = {ref[len(SCHEMA_REF) :] for ref in refs}  # each the value OpenAPI implies for its branch
        for ref in refs:
            if {ref, ref[len(SCHEMA_REF) :]} & mapped:
                continue
            listed = _pinned_values(spec, {"$ref": ref}, discriminator["propertyName"]) or []
            values = [value for value in listed if value is not None]  # null: the property left out
            if values and all(isinstance(value, str) for value in values) and set(values) - names:
                found.append((location, values, ref, names))
    if not found:
        return spec, []
    spec, notes = copy.deepcopy(spec), []
    for location, values, ref, names in found:
        discriminator = _at(spec, location)["discriminator"]
        name, field = ref[len(SCHEMA_REF) :], discriminator["propertyName"]
        place, implied = where((*location, "discriminator")), "the value OpenAPI implies without a mapping"
        others = " or ".join(repr(value) for value in values if value != name)
        said = (
            f"{place}: {name} allows `{field}` {others} besides its name ({implied})"
            if name in values
            else f"{place}: {name} allows `{field}` only {others}, not its name ({implied})"
        )
        # a value another branch is named by, or that an earlier branch took, stays theirs
        taken = discriminator.setdefault("mapping", {})
        free = [value for value in values if value not in names and value not in taken]
        if free:
            discriminator["mapping"].update(dict.fromkeys(free, ref))
            notes.append(f"{said}; mapped {', '.join(repr(value) for value in free)} to {name}")
        else:
            notes.append(f"{said}; each is another branch's already, so {name} is read by its name")
    return spec, notes
