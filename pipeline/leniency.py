"""What the OpenAPI meta-schema refuses but the generator reads unambiguously, and the wire never sees: a
listed warning each, as stock openapi-python-client gives, not a stop.

- an operation's `title`: not a field of the Operation object; documentation only, so it is taken out of
  the spec the client is built from;
- `const` in an OpenAPI 3.0 schema: JSON Schema's, which 3.0's schema object leaves out; the generator
  reads it (a value the field must have), so it stays, and the meta-schema check reads it as the
  `enum: [value]` it means.

Anything else the meta-schema refuses still stops `make generate`, every problem listed.
"""

import copy
from typing import Any

from .openapi import Location, operations, schemas, where


def tolerated(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The spec without what is taken out, and a warning line for each flaw tolerated."""
    notes: list[str] = []
    titled = [op for op in operations(spec) if "title" in op.operation]
    if titled:
        spec = copy.deepcopy(spec)
        for op in operations(spec):
            if "title" in op.operation:
                del op.operation["title"]
                notes.append(f"paths > {op.path} > {op.method}: `title` is not a field of an operation; left out")
    notes += [
        f"{where(location)}: `const` is not in OpenAPI 3.0; read as `enum` of its value" for location in _consts(spec)
    ]
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
