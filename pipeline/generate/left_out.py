"""What the client cannot have, left out of it: one LeftOut each, named by its place in the document (its
JSON pointer), with the reason.

openapi-python-client skips an operation it cannot parse, omits a response or a request body's media type
it cannot read, and drops a schema it cannot build (and every schema that uses it), and says so in a
paragraph each, naming generated classes rather than places. `read_errors` turns its errors into places
in the document. The pipeline adds the operations the client would send wrong (wire_support.py). The
package's `LEFT_OUT` (`as_mapping`, read back by `from_mapping`) and its docstring, the reference's front
page, list them; `pruned` is the spec less them: the API the client implements.
"""

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..spec.openapi import HTTP_METHODS, Location, lookup, mapping, pointer_tokens, walk, where

MAX_REASON = 240  # characters of the generator's reason kept
_OPERATION = re.compile(r"^WARNING parsing (\S+) (.+?) within \S*\.( Endpoint will not be generated\.)?$")
_SCHEMA = re.compile(r"^Unable to (?:parse|process) schema (.+?):?$")
_RESPONSE = re.compile(r"^Cannot parse response for status code '?([^' ]+?)'? \((.*)\), response will be omitted")
_MEDIA = re.compile(r"^Unsupported content type (\S+)$")
_REMOVED = "Failure to process schema has resulted in the removal of:"
_MISSING_REFERENCE = "Could not find reference in parsed models or enums"


@dataclass(frozen=True)
class LeftOut:
    location: Location  # ("paths", "/v1/x", "get") for an operation
    reason: str

    @property
    def place(self) -> str:
        """Its JSON pointer, and for an operation its route: `#/paths/~1v1~1x/get (GET /v1/x)`."""
        if len(self.location) == 3 and self.location[0] == "paths" and self.location[2] in HTTP_METHODS:
            return f"{where(self.location)} ({str(self.location[2]).upper()} {self.location[1]})"
        return where(self.location)

    def describe(self) -> str:
        return f"{self.place}: {self.reason}"

    def markdown(self) -> str:
        """Its line in the package docstring's list."""
        return f"- `{where(self.location)}`{self.place[len(where(self.location)) :]}: {self.reason}"


def as_mapping(parts: Iterable[LeftOut]) -> dict[str, str]:
    """The package's LEFT_OUT: each part's JSON pointer -> why (two reasons at one place joined)."""
    found: dict[str, str] = {}
    for part in parts:
        pointer = where(part.location)
        found[pointer] = f"{found[pointer]}; {part.reason}" if pointer in found else part.reason
    return found


def from_mapping(left_out: dict[str, str]) -> list[LeftOut]:
    """The parts a package's LEFT_OUT lists (as_mapping)."""
    return [LeftOut(tuple(pointer_tokens(pointer)), reason) for pointer, reason in left_out.items()]


def read_errors(errors: Iterable[Any], spec: dict[str, Any]) -> tuple[list[LeftOut], list[Any]]:
    """The generator's parse errors (openapi_python_client GeneratorError) as what the client goes without,
    in document order; and the errors that say nothing left out (a failure of the run: stop)."""
    parts: list[LeftOut] = []
    others = []
    for error in errors:
        found = list(_read(error, spec))
        parts += found
        if not found:
            others.append(error)
    left_components = {part.location for part in parts if part.location[:2] == ("components", "schemas")}
    parts = [_named_missing_reference(part, spec, left_components) for part in parts]
    return in_document_order(list(dict.fromkeys(parts)), spec), others


def _read(error: Any, spec: dict[str, Any]) -> Iterator[LeftOut]:
    header = (getattr(error, "header", "") or "").strip()
    detail = (getattr(error, "detail", "") or "").strip()
    if str(getattr(getattr(error, "level", None), "value", "WARNING")) != "WARNING":
        return
    operation = _OPERATION.match(header)
    if operation:
        method, path, skipped = operation.group(1).lower(), operation.group(2), operation.group(3)
        at: Location = ("paths", path, method)
        if skipped:
            yield LeftOut(at, _reason(detail))
            return
        response = _RESPONSE.match(_one_line(detail))
        media = _MEDIA.match(_one_line(detail))
        if response:
            yield LeftOut((*at, "responses", response.group(1)), _reason(response.group(2)))
        elif media:
            yield LeftOut((*at, "requestBody", "content", _media_key(spec, at, media.group(1))), _reason(detail))
        else:  # some other part of the operation, generated without it
            yield LeftOut(at, f"generated without a part it cannot read: {_reason(detail)}")
        return
    schema = _SCHEMA.match(header)
    if schema:
        why, _, removed = detail.partition(_REMOVED)
        # `roots` and `schema`: the components it belongs to and its content, kept by generator.py.
        located = schema_place(schema.group(1), getattr(error, "roots", ()), getattr(error, "schema", None), spec)
        yield LeftOut(located, _reason(why))
        for ref in removed.split():
            other = tuple(pointer_tokens("#" + ref))
            if other != located and lookup(spec, "#" + ref)[0]:
                yield LeftOut(other, f"uses {where(located)}, which is left out")
        return
    data = _dump(getattr(error, "data", None))
    place = _find(spec, data) if data is not None else None
    if place is not None:  # a parameter or schema the generator could not read, found by its content
        yield LeftOut(place, _reason(f"{header}: {detail}" if detail else header))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reason(text: str) -> str:
    text = _one_line(text).rstrip(":")
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + "..."


def _media_key(spec: dict[str, Any], operation: Location, simplified: str) -> str:
    """The content key the generator read as `simplified` (it drops parameters and lowers the case)."""
    content = mapping(mapping(_node(spec, operation), "requestBody"), "content")
    return next((key for key in content if key.split(";")[0].strip().lower() == simplified), simplified)


def schema_place(name: str, roots: Iterable[Any], data: Any, spec: dict[str, Any]) -> Location:
    """Where a schema the generator names sits in `spec`: a component by its pointer (`name`); an inline one
    (named by the generator for its place, `Thing_item_type_0`) is looked for by its content (`data`, the
    generator's parsed schema) under the components it belongs to (`roots`); else the first of those."""
    components = [tuple(pointer_tokens("#" + str(_text(root)))) for root in roots if str(_text(root)).startswith("/")]
    if name.startswith("/components/"):
        pointer = tuple(pointer_tokens("#" + name))
        if _node(spec, pointer) is not None:
            return pointer
        # A name the generator made for an inline part (`/components/schemas/Trace_item_type_0`, Sentry's):
        # looked for under the component whose name it extends.
        held = [
            key for key in mapping(mapping(spec, "components"), "schemas") if str(pointer[-1]).startswith(f"{key}_")
        ]
        if not held and not components:
            return pointer
        components = [("components", "schemas", max(held, key=len))] if held else components
    content = _dump(data)
    for root in sorted(components):
        place = _find(_node(spec, root), content) if content is not None else None
        if place is not None:
            return (*root, *place)
    place = _find(spec, content) if content is not None and not components else None
    return place or (sorted(components)[0] if components else (name,))


def _text(value: Any) -> Any:
    return value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value


def _node(tree: Any, location: Location) -> Any:
    """What sits at `location` in `tree`; None where nothing does."""
    for key in location:
        if isinstance(tree, dict) and str(key) in tree:
            tree = tree[str(key)]
        elif isinstance(tree, list) and str(key).isdigit() and int(key) < len(tree):
            tree = tree[int(key)]
        else:
            return None
    return tree


def _dump(data: Any) -> Any:
    """The JSON of a part of the document the generator parsed (a pydantic model)."""
    dump = getattr(data, "model_dump", None)
    return dump(mode="json", by_alias=True, exclude_unset=True) if dump else None


def _find(tree: Any, node: Any) -> Location | None:
    """Where a value equal to `node` first sits in `tree` (an object the generator parsed from it)."""
    if not isinstance(node, dict) or not node:
        return None
    return next((location for found, location in walk(tree) if found == node), None)


def _named_missing_reference(part: LeftOut, spec: dict[str, Any], left: set[Location]) -> LeftOut:
    """The generator says only that a reference is missing: name the left-out schemas the part uses."""
    if _MISSING_REFERENCE not in part.reason:
        return part
    node = _node(spec, part.location)
    used = [where(location) for location in _components_used(spec, node) if location in left] if node else []
    if not used:
        return part
    return LeftOut(part.location, f"uses {', '.join(used[:3])}{' ...' if len(used) > 3 else ''}, left out")


def _components_used(spec: dict[str, Any], node: Any) -> list[Location]:
    """The component schemas `node` refers to, directly first, then through them."""
    seen: dict[Location, None] = {}
    pending = [node]
    while pending:
        following = []
        for each in pending:
            for found, _ in walk(each):
                ref = found.get("$ref") if isinstance(found, dict) else None
                if isinstance(ref, str) and ref.startswith("#/components/"):
                    location = tuple(pointer_tokens(ref))
                    if location not in seen:
                        seen[location] = None
                        following.append(lookup(spec, ref)[1])
        pending = following
    return list(seen)


def without_success(parts: list[LeftOut], succeeds: Callable[[Location], bool], spec: dict[str, Any]) -> list[LeftOut]:
    """`parts` where an operation that lost every success response it documents is left out whole: a call
    with no result to read. `succeeds(operation)`: whether the generator kept a 2xx response of it."""
    lost: dict[Location, list[LeftOut]] = {}
    for part in parts:
        if part.location[3:4] == ("responses",) and str(part.location[4]).startswith("2"):
            lost.setdefault(part.location[:3], []).append(part)
    gone = {operation: responses for operation, responses in lost.items() if not succeeds(operation)}
    if not gone:
        return parts
    kept = [part for part in parts if part.location[:3] not in gone or part.location[3:4] != ("responses",)]
    for operation, responses in gone.items():
        why = "; ".join(f"its {part.location[4]} response: {part.reason}" for part in responses)
        kept.append(LeftOut(operation, f"no success it documents can be read: {why}"))
    return in_document_order(list(dict.fromkeys(kept)), spec)


def in_document_order(parts: list[LeftOut], spec: dict[str, Any]) -> list[LeftOut]:
    paths = {path: index for index, path in enumerate(mapping(spec, "paths"))}
    schemas = {name: index for index, name in enumerate(mapping(mapping(spec, "components"), "schemas"))}

    def order(part: LeftOut) -> tuple[int, int, int, str]:
        location = part.location
        if location[:1] == ("paths",) and len(location) > 2:
            method = HTTP_METHODS.index(location[2]) if location[2] in HTTP_METHODS else len(HTTP_METHODS)
            return 0, paths.get(str(location[1]), len(paths)), method, where(location)
        return 1, schemas.get(str(location[2]), len(schemas)) if len(location) > 2 else 0, 0, where(location)

    return sorted(parts, key=order)


def pruned(spec: dict[str, Any], parts: Iterable[LeftOut]) -> dict[str, Any]:
    """The spec less what was left out: the API the client implements (a copy; `spec` is untouched)."""
    parts = list(parts)
    if not parts:
        return spec
    kept = copy.deepcopy(spec)
    for part in sorted(parts, key=lambda part: len(part.location), reverse=True):  # deepest first
        *parent, last = part.location
        node = _node(kept, tuple(parent))
        if isinstance(node, dict):
            node.pop(str(last), None)
    paths = mapping(kept, "paths")
    for path in [path for path, item in paths.items() if not any(method in (item or {}) for method in HTTP_METHODS)]:
        del paths[path]  # a path item left without an operation
    return kept
