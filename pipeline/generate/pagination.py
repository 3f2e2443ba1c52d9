"""Which operations page through results, from the spec's shape alone, and how.

An operation pages when its success body holds exactly one array (this page's items) and it follows one
of two conventions Baseten's specs use:

- cursor: a `cursor` query parameter; beside the items, an object (`pagination`) carrying `cursor`, the
  next page's, and `has_more`;
- page token: a `page_token` query parameter; beside the items, `next_page_token`, null on the last page.

Each such operation also gets `iterate(...)` and `aiterate(...)` (templates/endpoint_module.py.jinja,
runtime/_pagination.py), which follow the pages for the caller. Detected here, never listed; the
template is told each one's attribute names.
"""

from dataclasses import dataclass
from typing import Any

from ..spec.openapi import operations, resolve
from ..spec.operation_names import OperationName
from .naming import attribute_name

CURSOR, HAS_MORE = "cursor", "has_more"
PAGE_TOKEN, NEXT_PAGE_TOKEN = "page_token", "next_page_token"


@dataclass(frozen=True)
class Pages:
    method: str
    path: str
    parameter: str  # the query parameter that asks for a page (wire name)
    items: str  # the page's property holding this page's items (wire name)
    next: tuple[str, ...]  # where the page says which page comes next: property names, outermost first
    has_more: tuple[str, ...] = ()  # where it says whether there is one, if it does

    def attributes(self, field_prefix: str) -> dict[str, Any]:
        """The same as Python names, as the generator names them: what the template is told."""

        def python(*names: str) -> list[str]:
            return [attribute_name(name, field_prefix) for name in names]

        return {
            "parameter": python(self.parameter)[0],
            "items": python(self.items)[0],
            "next": python(*self.next),
            "has_more": python(*self.has_more),
        }


def paginated(spec: dict[str, Any], names: dict[tuple[str, str], OperationName]) -> dict[str, Pages]:
    """ "group.name" -> its Pages, for each operation that follows one of the conventions."""
    found = {}
    for op in operations(spec):
        query = {p.get("name") for p in op.parameters(spec) if p.get("in") == "query"}
        page = _success_schema(spec, op.operation)
        properties = {key: resolve(spec, value) for key, value in (page.get("properties") or {}).items()}
        arrays = [key for key, value in properties.items() if value.get("type") == "array"]
        if len(arrays) != 1:
            continue
        pages = None
        if CURSOR in query:
            markers = [
                key for key, value in properties.items() if {CURSOR, HAS_MORE} <= set(_object_properties(spec, value))
            ]
            if len(markers) == 1:
                pages = Pages(op.method, op.path, CURSOR, arrays[0], (markers[0], CURSOR), (markers[0], HAS_MORE))
        elif PAGE_TOKEN in query and NEXT_PAGE_TOKEN in properties:
            pages = Pages(op.method, op.path, PAGE_TOKEN, arrays[0], (NEXT_PAGE_TOKEN,))
        if pages:
            name = names[(op.method, op.path)]
            found[f"{name.group}.{name.name}"] = pages
    return found


def _success_schema(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    for status, response in (operation.get("responses") or {}).items():
        if str(status).startswith("2"):
            media = (resolve(spec, response).get("content") or {}).get("application/json") or {}
            return resolve(spec, media.get("schema")) or {}
    return {}


def _object_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, or of the one object branch of an anyOf/oneOf with null."""
    if isinstance(schema.get("properties"), dict):
        properties: dict[str, Any] = schema["properties"]
        return properties
    branches = [resolve(spec, s) for s in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", [])]
    objects = [b for b in branches if "properties" in b]
    return objects[0]["properties"] if len(objects) == 1 else {}
