"""Which operations page through results, from the spec's shape alone.

Baseten's convention: a `cursor` query parameter, and a success body holding an array of items beside a
`pagination` object that carries `cursor` and `has_more`. Each operation of that shape also gets
`iterate(...)` and `aiterate(...)` (templates/endpoint_module.py.jinja), which follow the cursors for the
caller. Detected here, never listed; the template is told each one's attribute names.
"""

from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from .openapi import operations, resolve
from .operation_names import OperationName

CURSOR, HAS_MORE = "cursor", "has_more"


@dataclass(frozen=True)
class Pages:
    method: str
    path: str
    items: str  # the page's property holding this page's items (wire name)
    pagination: str  # the property holding `cursor` and `has_more`

    def attributes(self, field_prefix: str) -> list[str]:
        """The Python attribute names of items, pagination, cursor and has_more, as the generator names them."""
        return [str(PythonIdentifier(w, field_prefix)) for w in (self.items, self.pagination, CURSOR, HAS_MORE)]


def paginated(spec: dict[str, Any], names: dict[tuple[str, str], OperationName]) -> dict[str, Pages]:
    """ "group.name" -> its Pages, for each operation that follows the cursor convention."""
    found = {}
    for op in operations(spec):
        if not any(p.get("in") == "query" and p.get("name") == CURSOR for p in op.parameters(spec)):
            continue
        name = names[(op.method, op.path)]
        page = _success_schema(spec, op.operation)
        properties = {key: resolve(spec, value) for key, value in (page.get("properties") or {}).items()}
        arrays = [key for key, value in properties.items() if value.get("type") == "array"]
        markers = [
            key for key, value in properties.items() if {CURSOR, HAS_MORE} <= set(_object_properties(spec, value))
        ]
        if len(arrays) == 1 and len(markers) == 1:
            found[f"{name.group}.{name.name}"] = Pages(op.method, op.path, arrays[0], markers[0])
    return found


def _success_schema(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    for status, response in (operation.get("responses") or {}).items():
        if str(status).startswith("2"):
            media = (resolve(spec, response).get("content") or {}).get("application/json") or {}
            return resolve(spec, media.get("schema")) or {}
    return {}


def _object_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, or of the one object branch of an anyOf/oneOf with null."""
    if "properties" in schema:
        return schema["properties"]
    branches = [resolve(spec, s) for s in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", [])]
    objects = [b for b in branches if "properties" in b]
    return objects[0]["properties"] if len(objects) == 1 else {}
