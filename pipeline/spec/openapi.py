"""The lowest layer: reading an OpenAPI document and walking it. Every other module builds on these.

A location in a document is a tuple of keys and indexes, e.g. ("paths", "/v1/x", "get"); `where()`
writes it as its JSON pointer, `#/paths/~1v1~1x/get`, the form every message of the pipeline names a place by.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .. import PipelineError

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
Location = tuple[str | int, ...]


class _JsonConstructor(SafeConstructor):
    """YAML read as the JSON it stands for: an unquoted timestamp stays the string it was written as
    (`example: 2025-02-04T10:43:55Z` is a string in JSON, not a datetime)."""


_JsonConstructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _json_key(key: Any) -> str:
    # JSON keys are strings; YAML lets `200:` be an int and `true:` a bool.
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


# Bounds on what a document may be, far past Baseten's largest spec (1.2 MB, 18k values, 11 levels deep).
MAX_BYTES = 64 * 1024 * 1024
MAX_VALUES = 2_000_000  # after YAML aliases are expanded: an alias bomb is refused, not expanded
MAX_DEPTH = 200


class _TooLarge(Exception):
    pass


def _as_json(node: Any) -> Any:
    """The JSON value a YAML document stands for (aliases expanded), within MAX_VALUES and MAX_DEPTH."""
    count = 0

    def convert(node: Any, depth: int) -> Any:
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            raise _TooLarge(f"its aliases expand it past {MAX_VALUES:,} values")
        if depth > MAX_DEPTH:
            raise _TooLarge(f"it is nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            return {_json_key(key): convert(value, depth + 1) for key, value in node.items()}
        if isinstance(node, list):
            return [convert(item, depth + 1) for item in node]
        return node

    return convert(node, 0)


def _depth_within(value: Any) -> bool:
    """Whether a parsed JSON value is nested at most MAX_DEPTH levels (walked without recursion)."""
    pending = [(value, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_DEPTH:
            return False
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        pending.extend((child, depth + 1) for child in children)
    return True


def mapping(node: Any, key: str) -> dict[Any, Any]:
    """node[key] where both are mappings, else {}: the walkers below read malformed documents without tripping."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def sequence(node: Any, key: str) -> list[Any]:
    """node[key] where node is a mapping and the value a list, else []."""
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def load_document(path: Path) -> Any:
    """Parse JSON (by suffix or content) or YAML 1.2, as the JSON value the document stands for.

    Whatever the file holds, a problem is one short PipelineError: not UTF-8, past MAX_BYTES, a syntax
    error, aliases that expand past MAX_VALUES, nesting past MAX_DEPTH."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PipelineError(f"{path}: {size:,} bytes, over the {MAX_BYTES:,} a spec may have")
        data = path.read_bytes()
    except OSError as err:
        raise PipelineError(f"{path}: cannot read: {err.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PipelineError(
            f"{path}:{line}: not UTF-8 text (byte {data[err.start]:#04x} at offset {err.start})"
        ) from None
    try:
        if path.suffix == ".json" or text.lstrip().startswith("{"):
            try:
                document = json.loads(text)  # JSON is YAML; json reads it 10x faster than pure-Python YAML
                if not _depth_within(document):
                    raise _TooLarge(f"it is nested deeper than {MAX_DEPTH} levels")
                return document
            except json.JSONDecodeError as err:
                if path.suffix == ".json":
                    raise PipelineError(f"{path}:{err.lineno}:{err.colno}: JSON syntax error: {err.msg}") from None
        yaml = YAML(typ="safe", pure=True)
        yaml.Constructor = _JsonConstructor
        return _as_json(yaml.load(text))
    except _TooLarge as err:
        raise PipelineError(f"{path}: not read: {err}") from None
    except RecursionError:
        raise PipelineError(f"{path}: not read: it is nested deeper than Python can read") from None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        at = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise PipelineError(f"{path}{at}: YAML syntax error: {err.problem or err.context}") from None
    except YAMLError as err:
        raise PipelineError(f"{path}: YAML error: {first_line(str(err))}") from None


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def where(location: Location) -> str:
    """The JSON pointer of `location` (RFC 6901, as a `$ref` writes it): `#/components/schemas/a~1b`; `#`."""
    return "#" + "".join("/" + str(key).replace("~", "~0").replace("/", "~1") for key in location)


def pointer_tokens(ref: str) -> list[str]:
    """The keys of a local JSON pointer: "#/components/schemas/a~1b" -> ["components", "schemas", "a/b"]."""
    return [token.replace("~1", "/").replace("~0", "~") for token in ref.lstrip("#").split("/")[1:]]


def lookup(spec: Any, ref: str) -> tuple[bool, Any]:
    """(found, node) for a local `$ref`; external refs are never found (the generator cannot read them)."""
    if not ref.startswith("#"):
        return False, None
    node = spec
    for token in pointer_tokens(ref):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def resolve(spec: Any, node: Any) -> Any:
    """Follow local $refs until a node without one (None where one dangles)."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 64:
        node = lookup(spec, node["$ref"])[1]
        seen += 1
    return node


def walk(node: Any, location: Location = ()) -> Iterator[tuple[Any, Location]]:
    """Every mapping and list in the document, with its location, parents before children."""
    if isinstance(node, dict):
        yield node, location
        for key, value in node.items():
            yield from walk(value, (*location, key))
    elif isinstance(node, list):
        yield node, location
        for index, value in enumerate(node):
            yield from walk(value, (*location, index))


@dataclass(frozen=True)
class OperationRef:
    method: str  # lower case
    path: str  # the template, e.g. /v1/models/{model_id}
    item: dict[str, Any]  # the path item, $ref resolved
    operation: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def location(self) -> Location:
        return ("paths", self.path, self.method)

    def parameters(self, spec: Any) -> list[dict[str, Any]]:
        """Path-level and operation-level parameters, refs resolved; the operation's win (same name and place)."""
        own = [p for p in (resolve(spec, p) for p in sequence(self.operation, "parameters")) if isinstance(p, dict)]
        keys = {(p.get("name"), p.get("in")) for p in own}
        shared = [resolve(spec, p) for p in sequence(self.item, "parameters")]
        return [p for p in shared if isinstance(p, dict) and (p.get("name"), p.get("in")) not in keys] + own


def operations(spec: Any) -> Iterator[OperationRef]:
    """Every operation of the spec, in document order."""
    for path, item in mapping(spec, "paths").items():
        item = resolve(spec, item)
        for method, operation in item.items() if isinstance(item, dict) else ():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield OperationRef(method, str(path), item, operation)


# Keywords whose value is one schema, a list of schemas, or a map of names to schemas (JSON Schema 2020-12
# and OpenAPI 3.0).
_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems")  # fmt: skip
_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def subschemas(schema: dict[str, Any], location: Location) -> Iterator[tuple[dict[str, Any], Location]]:
    """The schemas directly inside a schema, with their locations."""
    for key in _ONE:
        value = schema.get(key)
        if isinstance(value, dict):
            yield value, (*location, key)
        elif isinstance(value, list) and key == "items":  # OpenAPI 3.0 tuple form
            yield from ((item, (*location, key, i)) for i, item in enumerate(value) if isinstance(item, dict))
    for key in _LIST:
        for index, item in enumerate(sequence(schema, key)):
            if isinstance(item, dict):
                yield item, (*location, key, index)
    for key in _MAP:
        for name, item in mapping(schema, key).items():
            if isinstance(item, dict):
                yield item, (*location, key, name)


def schema_tree(schema: Any, location: Location) -> Iterator[tuple[dict[str, Any], Location]]:
    """A schema and every schema inside it (a $ref is yielded, not followed)."""
    if not isinstance(schema, dict):
        return
    yield schema, location
    for inner, inner_location in subschemas(schema, location):
        yield from schema_tree(inner, inner_location)


def _holders(holder: Any, location: Location) -> Iterator[tuple[dict[str, Any], Location]]:
    """A parameter or header (it holds a schema), each media type of its content, and its headers'."""
    if not isinstance(holder, dict):
        return
    if "schema" in holder:
        yield holder, location
    for media_type, media in mapping(holder, "content").items():
        if isinstance(media, dict):
            yield media, (*location, "content", media_type)
    for name, header in mapping(holder, "headers").items():
        yield from _holders(header, (*location, "headers", name))


def schema_holders(spec: Any) -> Iterator[tuple[dict[str, Any], Location]]:
    """Each parameter, header and media type object (what holds a `schema`, and `example`/`examples`)."""
    components = mapping(spec, "components")
    for kind in ("parameters", "headers", "requestBodies", "responses"):
        for name, holder in mapping(components, kind).items():
            yield from _holders(holder, ("components", kind, name))
    for path, item in mapping(spec, "paths").items():
        for index, parameter in enumerate(sequence(item, "parameters")):
            yield from _holders(parameter, ("paths", path, "parameters", index))
        for method, operation in item.items() if isinstance(item, dict) else ():
            if method not in HTTP_METHODS or not isinstance(operation, dict):
                continue
            at = ("paths", path, method)
            for index, parameter in enumerate(sequence(operation, "parameters")):
                yield from _holders(parameter, (*at, "parameters", index))
            yield from _holders(operation.get("requestBody"), (*at, "requestBody"))
            for status, response in mapping(operation, "responses").items():
                yield from _holders(response, (*at, "responses", status))


def schema_roots(spec: Any) -> Iterator[tuple[Any, Location]]:
    """Each place the document holds a schema at the top: component schemas, parameters, bodies, responses."""
    for name, schema in mapping(mapping(spec, "components"), "schemas").items():
        yield schema, ("components", "schemas", name)
    for holder, location in schema_holders(spec):
        if "schema" in holder:
            yield holder["schema"], (*location, "schema")


def schemas(spec: Any) -> Iterator[tuple[dict[str, Any], Location]]:
    """Every schema written in the document, with its location."""
    for root, location in schema_roots(spec):
        yield from schema_tree(root, location)


def as_routed(spec: Any) -> Any:
    """The spec with each path key as a server routes it: a `#fragment` (a second key for one route, as
    Mistral's spec writes two operations of one method and path) is never sent, so it is dropped, and the
    path items of one route merged, each item's own parameters moved into its operations. Where a method
    is under two keys (Mistral's streaming variants, Box's shared-link ones), the route takes what either
    takes and answers what either answers (`_either`). For tools that route requests by the spec:
    openapi-core, Prism."""
    paths = mapping(spec, "paths")
    if not any("#" in str(key) for key in paths):
        return spec
    merged: dict[str, Any] = {}
    for key, item in paths.items():
        route = str(key).split("#", 1)[0]
        item = resolve(spec, item)
        if not isinstance(item, dict):
            merged.setdefault(route, item)
            continue
        shared = sequence(item, "parameters")
        moved = {
            method: {**operation, "parameters": _merged_parameters(spec, shared, sequence(operation, "parameters"))}
            if method in HTTP_METHODS and isinstance(operation, dict)
            else operation
            for method, operation in item.items()
            if method != "parameters"
        }
        earlier = merged.get(route, {})
        both = {
            m: _either(spec, earlier[m], moved[m])
            for m in HTTP_METHODS
            if isinstance(earlier.get(m), dict) and m in moved
        }
        merged[route] = {**moved, **earlier, **both}
    return {**spec, "paths": merged}


def _either(spec: Any, first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """One operation for two of one method and route: a parameter either has (required where both require
    it), a body and responses of either's schema (anyOf, per media type). Its security, servers and
    response headers are the first's."""
    out = dict(first)

    def named(operation: dict[str, Any]) -> dict[tuple[Any, Any], Any]:
        resolved = [resolve(spec, p) for p in sequence(operation, "parameters")]
        return {(p.get("name"), p.get("in")): p for p in resolved if isinstance(p, dict)}

    theirs, mine = named(second), named(first)
    out["parameters"] = [
        {**parameter, "required": bool(parameter.get("required")) and key in mine and key in theirs
         and bool(mine[key].get("required")) and bool(theirs[key].get("required"))}
        for key, parameter in {**theirs, **mine}.items()
    ]  # fmt: skip
    bodies = [body for op in (first, second) if isinstance(body := resolve(spec, op.get("requestBody")), dict)]
    if len(bodies) == 2:
        out["requestBody"] = {
            "required": all(body.get("required") for body in bodies),
            "content": _either_content([mapping(body, "content") for body in bodies]),
        }
    elif bodies:
        out["requestBody"] = {**bodies[0], "required": False}
    responses = {**mapping(second, "responses"), **mapping(first, "responses")}
    for status in set(mapping(first, "responses")) & set(mapping(second, "responses")):
        pair = [resolve(spec, mapping(op, "responses")[status]) for op in (first, second)]
        if all(isinstance(response, dict) for response in pair) and any("content" in r for r in pair):
            responses[status] = {**pair[0], "content": _either_content([mapping(r, "content") for r in pair])}
    out["responses"] = responses
    return out


def _either_content(contents: list[dict[Any, Any]]) -> dict[Any, Any]:
    """Each media type of either, its schema either's where both have it."""
    out = {**contents[1], **contents[0]}
    for media in set(contents[0]) & set(contents[1]):
        pair = [content[media] for content in contents]
        if all(isinstance(media_type, dict) and "schema" in media_type for media_type in pair):
            out[media] = {"schema": {"anyOf": [media_type["schema"] for media_type in pair]}}
    return out


def _merged_parameters(spec: Any, shared: list[Any], own: list[Any]) -> list[Any]:
    def key(parameter: Any) -> tuple[Any, Any]:
        found = resolve(spec, parameter)
        return (found.get("name"), found.get("in")) if isinstance(found, dict) else (None, None)

    mine = {key(parameter) for parameter in own}
    return [*(parameter for parameter in shared if key(parameter) not in mine), *own]
