"""The spec's data for `<package>.testing` (runtime/testing.py, the fake API): written into the package
as `_spec.json`, which only that module reads, on first use, so importing the client costs nothing more.

What the fake needs and nothing else: the paths and components as the wire sees them (the effective
spec: overlay applied, unfit defaults and examples taken out), less what only a reader needs
(descriptions, summaries, titles, code samples, tags, extensions); each operation's name as the client
calls it ("models.get_deployment"), which operations page and how (pagination.py), the waiters
generator-config.yaml declares that the spec has (waiters.py), the client's default server and each
operation's own (path-item or operation `servers`, client_defaults.operation_servers). Keys
keep the spec's order, so the file is the same bytes for the same inputs.
"""

import json
from pathlib import Path
from typing import Any

from ..spec.openapi import HTTP_METHODS, operations

DATA_FILE = "_spec.json"
# Only for a human reader: dropped from every schema, parameter, body and response.
_PROSE = {"description", "summary", "title", "$comment", "externalDocs", "xml", "deprecated"}
_SUBSCHEMA = {"items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else"}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}
_SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}


def compact_schema(node: Any) -> Any:
    """A schema without its prose: keywords that hold schemas are followed; values (enum, const, default,
    examples, a property's name) are kept as they are."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _PROSE or key.startswith("x-"):
            continue
        if key in _SUBSCHEMA:
            out[key] = compact_schema(value)
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [compact_schema(item) for item in value]
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: compact_schema(item) for name, item in value.items()}
        else:
            out[key] = value
    return out


def _media(content: Any) -> Any:
    if not isinstance(content, dict):
        return content
    return {
        media_type: {"schema": compact_schema(media["schema"])} if isinstance(media, dict) and "schema" in media else {}
        for media_type, media in content.items()
    }


def _parameter(node: Any) -> Any:
    if not isinstance(node, dict) or "$ref" in node:
        return node
    kept = {key: node[key] for key in ("name", "in", "required", "style", "explode", "allowEmptyValue") if key in node}
    if "schema" in node:
        kept["schema"] = compact_schema(node["schema"])
    if "content" in node:
        kept["content"] = _media(node["content"])
    return kept


def _body(node: Any) -> Any:
    if not isinstance(node, dict) or "$ref" in node:
        return node
    return {
        key: (_media(value) if key == "content" else value)
        for key, value in node.items()
        if key in ("required", "content")
    }


def _response(node: Any) -> Any:
    if not isinstance(node, dict) or "$ref" in node:
        return node
    return {"content": _media(node["content"])} if "content" in node else {}


def _responses(node: Any) -> Any:
    return {str(status): _response(response) for status, response in node.items()} if isinstance(node, dict) else node


def _scheme(node: Any) -> Any:
    return {key: value for key, value in node.items() if key in ("type", "in", "name", "scheme")}


def _operation(node: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    if "parameters" in node:
        kept["parameters"] = [_parameter(p) for p in node["parameters"] or []]
    if "requestBody" in node:
        kept["requestBody"] = _body(node["requestBody"])
    if "responses" in node:
        kept["responses"] = _responses(node["responses"])
    if "security" in node:
        kept["security"] = node["security"]
    return kept


def compact_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The paths and components as the wire sees them, without the prose."""
    paths: dict[str, Any] = {}
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        kept: dict[str, Any] = {}
        if "parameters" in item:
            kept["parameters"] = [_parameter(p) for p in item["parameters"] or []]
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                kept[method] = _operation(item[method])
        paths[str(path)] = kept
    components = spec.get("components") or {}
    readers = {
        "schemas": compact_schema,
        "parameters": _parameter,
        "requestBodies": _body,
        "responses": _response,
        "securitySchemes": _scheme,
    }
    compacted = {
        kind: {name: read(node) for name, node in (components.get(kind) or {}).items()}
        for kind, read in readers.items()
        if components.get(kind)
    }
    data: dict[str, Any] = {"openapi": str(spec.get("openapi", ""))}
    if "security" in spec:
        data["security"] = spec["security"]
    data["paths"] = paths
    if compacted:
        data["components"] = compacted
    return data


def spec_data(
    spec: dict[str, Any],
    names: dict[tuple[str, str], Any],
    pages: dict[str, Any],
    waiters: list[Any],
    base_url: str,
    servers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """What the fake reads: the compacted spec, each operation's client name, the paging operations, the
    waiters, and the operations served from a server of their own (by client name: its URL)."""
    data = compact_spec(spec)
    data["base_url"] = base_url
    if servers:
        data["servers"] = servers
    data["operations"] = {
        f"{op.method.upper()} {op.path}": f"{names[(op.method, op.path)].group}.{names[(op.method, op.path)].name}"
        for op in operations(spec)
    }
    data["pages"] = {
        f"{page.method.upper()} {page.path}": {
            "parameter": page.parameter,
            "items": page.items,
            "next": list(page.next),
            "has_more": list(page.has_more),
        }
        for page in pages.values()
    }
    data["waiters"] = {
        waiter.name: {
            "route": waiter.route,
            "field": list(waiter.field),
            "success": list(waiter.success),
            "failure": list(waiter.failure),
        }
        for waiter in waiters
    }
    return data


def write_spec_data(data: dict[str, Any], package: Path) -> None:
    """`_spec.json` in the package: compact JSON, one line, in the spec's order."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (package / DATA_FILE).write_text(text + "\n", encoding="utf-8")
