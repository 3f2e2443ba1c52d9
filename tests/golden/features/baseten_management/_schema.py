"""JSON Schema as OpenAPI documents use it, for the fake in testing.py: whether a value fits a schema
(each problem naming where, `body.items[3].status`), and a small value that fits one, the same on every
run. Only testing.py loads this module.

jsonschema is not a dependency of the client, and the fake needs far less: the keywords OpenAPI 3.0 and
3.1 documents use. type (a list of them too, and 3.0's nullable), enum, const, required, properties,
additionalProperties, patternProperties, items and prefixItems, allOf, anyOf and oneOf (with a
discriminator, its mapping or the schema's own name), not, the bounds (3.0's boolean exclusiveMinimum
too) and multipleOf, lengths, pattern, uniqueItems, min/maxProperties, local $refs (beside other keywords
too, as 3.1 allows), and the string formats a server checks: date-time, date, time, uuid, email.
readOnly properties need not be in a request, nor writeOnly ones in a response. Anything else is taken
as an annotation, as JSON Schema takes an unknown keyword.

Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import copy
import datetime
import difflib
import json
import math
import re
from collections.abc import Iterator
from typing import Any, TypeGuard
from urllib.parse import unquote

from ._patterns import string_matching

MAX_DEPTH = 64  # of nesting, checked or made: a schema that refers to itself stops here
OPTIONAL_DEPTH = 4  # a made value carries optional properties this deep, required ones at any depth
EXCERPT_CHARS = 40
SCHEMA_PREFIX = "#/components/schemas/"
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")
_TIME = re.compile(r"^\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)?$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def json_type(value: object) -> str:
    """What a JSON value is, in JSON's words: "an integer", "null", "an object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def excerpt(value: object) -> str:
    text = json.dumps(value) if isinstance(value, str | int | float | bool) or value is None else repr(value)
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 3] + "..."


def described(value: object) -> str:
    """`a string "ten"`, `an integer 5`, `null`, `an object`: what a message says came."""
    kind = json_type(value)
    return kind if value is None or isinstance(value, dict | list) else f"{kind} {excerpt(value)}"


def is_type(value: object, name: object) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    return True  # a type JSON Schema does not have: nothing to check


def same(left: object, right: object) -> bool:
    """Equal as JSON values: true is not 1, 1 is 1.0."""
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right) and (isinstance(left, int | float) == isinstance(right, int | float))


def _listing(values: list[Any], limit: int = 8) -> str:
    shown = ", ".join(excerpt(value) for value in values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def _a(name: str) -> str:
    return {"integer": "an integer", "array": "an array", "object": "an object", "null": "null"}.get(name, f"a {name}")


def _field(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


class Schemas:
    """The schemas of one OpenAPI document: $refs resolved against it, values checked and made."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.openapi30 = str(document.get("openapi", "")).startswith("3.0")
        self._resolved: dict[str, Any] = {}
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    # -- references --------------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """The object a $ref points to (followed to the end); any other node as it is. Keywords beside
        the $ref are dropped: callers that honour them (problems(), value()) read them first."""
        for _ in range(MAX_DEPTH):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            ref = node["$ref"]
            if ref not in self._resolved:
                self._resolved[ref] = self._pointer(ref)
            node = self._resolved[ref]
        return {}

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#"):
            return {}  # a reference to another document: not something a single spec can hold
        found: Any = self.document
        for token in unquote(ref[1:]).split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(found, dict) and token in found:
                found = found[token]
            elif isinstance(found, list) and token.isdigit() and int(token) < len(found):
                found = found[int(token)]
            else:
                return {}
        return found

    def same_schema(self, left: Any, right: Any) -> bool:
        """Whether two schema nodes are one schema: the same $ref target, or equal."""
        left, right = self.resolve(left), self.resolve(right)
        return left is right or (isinstance(left, dict) and left == right)

    def branches(self, schema: Any) -> Iterator[dict[str, Any]]:
        """The schema and every schema its $ref, allOf, anyOf and oneOf lead to, resolved, each once."""
        pending, seen = [schema], set()
        while pending:
            node = self.resolve(pending.pop(0))
            if not isinstance(node, dict) or id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            for key in ("allOf", "anyOf", "oneOf"):
                pending.extend(node.get(key) or [])

    def types(self, schema: Any) -> set[str]:
        """Every JSON type a value of the schema may have, through its branches; empty where any will do."""
        found: set[str] = set()
        for node in self.branches(schema):
            kind = node.get("type")
            found.update(kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else [])
            if node.get("nullable") is True:
                found.add("null")
            if "properties" in node:
                found.add("object")
            if "items" in node or "prefixItems" in node:
                found.add("array")
            for value in node.get("enum") or []:
                found.add(json_type(value).split()[-1])
            if "const" in node:
                found.add(json_type(node["const"]).split()[-1])
        return found

    def array_items(self, schema: Any) -> Any:
        """The items schema of the schema's array branch, or None where it takes no array."""
        for node in self.branches(schema):
            if node.get("type") == "array" or (isinstance(node.get("type"), list) and "array" in node["type"]):
                return node.get("items", {})
            if "items" in node:
                return node["items"]
        return None

    def properties(self, schema: Any) -> dict[str, Any]:
        """The properties its object branches declare, together."""
        found: dict[str, Any] = {}
        for node in self.branches(schema):
            for name, sub in (node.get("properties") or {}).items():
                found.setdefault(name, sub)
        return found

    # -- checking ----------------------------------------------------------------------------------

    def problems(
        self, schema: Any, value: Any, where: str = "", *, request: bool = False, limit: int = 10
    ) -> list[str]:
        """Where `value` breaks `schema`, one line each (`body.type: "PERSONL" is not one of ...`); [] if
        it fits. In a request (`request`), a required readOnly property may be left out; in a response, a
        writeOnly one."""
        found: list[str] = []
        self._check(schema, value, where, found, request, 0)
        return found[:limit]

    def fits(self, schema: Any, value: Any, *, request: bool = False) -> bool:
        found: list[str] = []
        self._check(schema, value, "", found, request, 0)
        return not found

    def _check(self, schema: Any, value: Any, where: str, out: list[str], request: bool, depth: int) -> None:
        if depth > MAX_DEPTH or schema is True or schema is None:
            return
        if schema is False:
            out.append(f"{where or 'the value'}: no value is allowed here")
            return
        if not isinstance(schema, dict):
            return
        if isinstance(schema.get("$ref"), str):
            self._check(self.resolve(schema), value, where, out, request, depth + 1)
            schema = {key: sub for key, sub in schema.items() if key != "$ref"}
            if not schema:
                return
        place = where or "the value"
        if value is None and schema.get("nullable") is True:  # OpenAPI 3.0's null
            # Of a scalar, nullable says nothing of its allOf parts (OpenAPI 3.0.3): each must take null too.
            # An object built through allOf is null as a whole, as the client reads it (spec_prepare.py).
            for part in [] if "object" in self.types(schema) else schema.get("allOf") or []:
                self._check(part, value, where, out, request, depth + 1)
            return
        kind = schema.get("type")
        if kind is not None:
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(is_type(value, name) for name in kinds):
                expected = " or ".join(_a(str(name)) for name in kinds)
                out.append(f"{place}: {described(value)} where {expected} is expected")
                return
        if "const" in schema and not same(value, schema["const"]):
            out.append(f"{place}: {excerpt(value)} where only {excerpt(schema['const'])} is allowed")
            return
        if isinstance(schema.get("enum"), list) and not any(same(value, choice) for choice in schema["enum"]):
            out.append(f"{place}: {excerpt(value)} is not one of {_listing(schema['enum'])}")
            return
        if isinstance(value, str):
            self._string(schema, value, place, out)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            self._number(schema, value, place, out)
        elif isinstance(value, list):
            self._array(schema, value, where, out, request, depth)
        elif isinstance(value, dict):
            self._object(schema, value, where, out, request, depth)
        for sub in schema.get("allOf") or []:
            self._check(sub, value, where, out, request, depth + 1)
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                self._union(schema, key, value, where, out, request, depth)
        if "not" in schema and self._passes(schema["not"], value, request, depth):
            out.append(f"{place}: {described(value)} fits a schema it must not (not)")

    def _passes(self, schema: Any, value: Any, request: bool, depth: int) -> bool:
        found: list[str] = []
        self._check(schema, value, "", found, request, depth + 1)
        return not found

    def _string(self, schema: dict[str, Any], value: str, place: str, out: list[str]) -> None:
        if isinstance(schema.get("minLength"), int) and len(value) < schema["minLength"]:
            out.append(f"{place}: {excerpt(value)} is shorter than {schema['minLength']} characters")
        if isinstance(schema.get("maxLength"), int) and len(value) > schema["maxLength"]:
            out.append(f"{place}: {excerpt(value)} is longer than {schema['maxLength']} characters")
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            compiled = self._pattern(pattern)
            if compiled is not None and not compiled.search(value):
                out.append(f"{place}: {excerpt(value)} does not match the pattern {pattern}")
        problem = format_problem(schema.get("format"), value)
        if problem:
            out.append(f"{place}: {excerpt(value)} {problem}")

    def _pattern(self, pattern: str) -> re.Pattern[str] | None:
        if pattern not in self._patterns:
            try:
                self._patterns[pattern] = re.compile(pattern)
            except re.error:
                self._patterns[pattern] = None  # an ECMA-262 construct Python lacks: not checked
        return self._patterns[pattern]

    def _number(self, schema: dict[str, Any], value: float, place: str, out: list[str]) -> None:
        low, high = schema.get("minimum"), schema.get("maximum")
        low_out, high_out = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
        if _number_like(low) and (value < low or (low_out is True and value == low)):
            out.append(f"{place}: {excerpt(value)} is below the minimum, {excerpt(low)}")
        if _number_like(high) and (value > high or (high_out is True and value == high)):
            out.append(f"{place}: {excerpt(value)} is above the maximum, {excerpt(high)}")
        if _number_like(low_out) and value <= low_out:
            out.append(f"{place}: {excerpt(value)} is not above {excerpt(low_out)}")
        if _number_like(high_out) and value >= high_out:
            out.append(f"{place}: {excerpt(value)} is not below {excerpt(high_out)}")
        step = schema.get("multipleOf")
        if _number_like(step) and step > 0:
            quotient = value / step
            if not math.isclose(quotient, round(quotient), rel_tol=1e-9, abs_tol=1e-9):
                out.append(f"{place}: {excerpt(value)} is not a multiple of {excerpt(step)}")

    def _array(
        self, schema: dict[str, Any], value: list[Any], where: str, out: list[str], request: bool, depth: int
    ) -> None:
        place = where or "the value"
        if isinstance(schema.get("minItems"), int) and len(value) < schema["minItems"]:
            out.append(f"{place}: {len(value)} items, fewer than {schema['minItems']}")
        if isinstance(schema.get("maxItems"), int) and len(value) > schema["maxItems"]:
            out.append(f"{place}: {len(value)} items, more than {schema['maxItems']}")
        if schema.get("uniqueItems") is True:
            seen = [json.dumps(item, sort_keys=True) for item in value]
            if len(set(seen)) != len(seen):
                out.append(f"{place}: the items must be unique")
        found = schema.get("prefixItems")
        prefix: list[Any] = found if isinstance(found, list) else []
        for index, item in enumerate(value):
            sub = prefix[index] if index < len(prefix) else schema.get("items")
            if sub is not None:
                self._check(sub, item, f"{where}[{index}]", out, request, depth + 1)

    def _object(
        self, schema: dict[str, Any], value: dict[str, Any], where: str, out: list[str], request: bool, depth: int
    ) -> None:
        properties = _mapping(schema, "properties")
        skipped = "readOnly" if request else "writeOnly"
        for name in schema.get("required") or []:
            if name not in value and self.resolve(properties.get(name, {})).get(skipped) is not True:
                out.append(f"{_field(where, name)}: required, missing")
        patterns = _mapping(schema, "patternProperties")
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            matched = False
            if name in properties:
                matched = True
                self._check(properties[name], item, _field(where, name), out, request, depth + 1)
            for pattern, sub in patterns.items():
                compiled = self._pattern(pattern)
                if compiled is not None and compiled.search(name):
                    matched = True
                    self._check(sub, item, _field(where, name), out, request, depth + 1)
            if matched:
                continue
            if extra is False:
                close = difflib.get_close_matches(name, list(properties), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f" (it has {_listing(list(properties))})"
                out.append(f"{_field(where, name)}: not a field the spec declares here{hint}")
            elif isinstance(extra, dict):
                self._check(extra, item, _field(where, name), out, request, depth + 1)
        if isinstance(schema.get("minProperties"), int) and len(value) < schema["minProperties"]:
            out.append(f"{where or 'the value'}: fewer than {schema['minProperties']} fields")
        if isinstance(schema.get("maxProperties"), int) and len(value) > schema["maxProperties"]:
            out.append(f"{where or 'the value'}: more than {schema['maxProperties']} fields")

    def _union(
        self, schema: dict[str, Any], key: str, value: Any, where: str, out: list[str], request: bool, depth: int
    ) -> None:
        place, branches = where or "the value", schema[key]
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(value, dict) and discriminator.get("propertyName"):
            chosen = self._discriminated(discriminator, branches, value, where, out)
            if chosen is not None:
                self._check(chosen, value, where, out, request, depth + 1)
            return
        results = []
        for branch in branches:
            found: list[str] = []
            self._check(branch, value, where, found, request, depth + 1)
            results.append(found)
        passing = sum(1 for found in results if not found)
        if passing == 1 or (passing and key == "anyOf"):
            return
        if passing:
            out.append(f"{place}: fits {passing} of the schemas oneOf allows, where exactly one must")
            return
        same_type = [found for branch, found in zip(branches, results, strict=True) if self._takes_type(branch, value)]
        if len(same_type) == 1:
            out.extend(same_type[0])  # anyOf [X, null] and the like: what is wrong inside X
            return
        reasons = "; ".join(found[0] for found in results if found)
        out.append(f"{place}: fits none of the {len(branches)} schemas {key} allows ({reasons[:300]})")

    def _takes_type(self, branch: Any, value: Any) -> bool:
        kinds = self.types(branch)
        return not kinds or any(is_type(value, kind) for kind in kinds)

    def _discriminated(
        self, discriminator: dict[str, Any], branches: list[Any], value: dict[str, Any], where: str, out: list[str]
    ) -> Any:
        """The branch the discriminator names; None (and a problem) where it names none."""
        name = str(discriminator["propertyName"])
        targets = self.tags(discriminator, branches)
        if name not in value:
            out.append(f"{_field(where, name)}: required, missing (it says which of {_listing(list(targets))} this is)")
            return None
        tag = value[name]
        if not isinstance(tag, str) or tag not in targets:
            out.append(f"{_field(where, name)}: {excerpt(tag)} is not one of {_listing(list(targets))}")
            return None
        return targets[tag]

    def tags(self, discriminator: dict[str, Any], branches: list[Any]) -> dict[str, Any]:
        """Each discriminator value and the branch it selects: the mapping's, then each $ref'd schema's name."""
        found: dict[str, Any] = {}
        for tag, target in (discriminator.get("mapping") or {}).items():
            ref = target if str(target).startswith("#") else SCHEMA_PREFIX + str(target)
            found[str(tag)] = {"$ref": ref}
        for branch in branches:
            ref = branch.get("$ref") if isinstance(branch, dict) else None
            if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
                name = ref[len(SCHEMA_PREFIX) :]
                if name not in found and not any(t.get("$ref") == ref for t in found.values()):
                    found[name] = branch
        return found


def format_problem(name: object, value: str) -> str:
    """What is wrong with a string of a format a server checks ("" where nothing is)."""
    if name == "date-time":
        if not _DATE_TIME.match(value):
            return "is not an RFC 3339 date-time with a UTC offset"
        try:
            datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00").replace(" ", "T"))
        except ValueError:
            return "is not a date-time that exists"
    elif name == "date":
        try:
            if len(value) != 10:
                raise ValueError(value)
            datetime.date.fromisoformat(value)
        except ValueError:
            return "is not an RFC 3339 date (YYYY-MM-DD)"
    elif name == "time" and not _TIME.match(value):
        return "is not an RFC 3339 time"
    elif name == "uuid" and not _UUID.match(value):
        return "is not a UUID"
    elif name == "email" and not re.match(r"^[^@\s]+@[^@\s]+$", value):
        return "is not an email address"
    return ""


def _number_like(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str, step: float) -> float | None:
    """The lowest (or highest) value a minimum (or maximum) allows: 3.1's numeric exclusive bound, or
    3.0's boolean one, a step inside."""
    outer = schema.get(exclusive)
    if _number_like(outer):
        return outer + step
    edge = schema.get(inclusive)
    if _number_like(edge):
        return edge + step if outer is True else edge
    return None


def _mapping(schema: dict[str, Any], key: str) -> dict[str, Any]:
    found = schema.get(key)
    return found if isinstance(found, dict) else {}


def _count(schema: dict[str, Any], key: str) -> int:
    found = schema.get(key)
    return found if isinstance(found, int) and not isinstance(found, bool) else 0


class Examples:
    """Values made from schemas, the same on every run: a schema's own const, default or example where it
    fits, else the first enum value, the first branch that fits, every property (optional ones near the
    top), minItems items, and "string", 0, true, the moment given for a date-time."""

    def __init__(self, schemas: Schemas, moment: datetime.datetime) -> None:
        self.schemas = schemas
        self.moment = moment

    def value(self, schema: Any) -> Any:
        return self._value(schema, 0, ())

    def _value(self, schema: Any, depth: int, stack: tuple[str, ...]) -> Any:
        if schema is True or schema is None or schema == {}:
            return {}
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str):
            for given in self._given(schema):  # 3.1: a default or example beside the $ref
                if self.schemas.fits(schema, given):
                    return copy.deepcopy(given)
            if ref in stack:
                return self._least(self.schemas.resolve(schema))
            return self._value(self.schemas.resolve(schema), depth, (*stack, ref))
        for given in self._given(schema):
            if self.schemas.fits(schema, given):
                return copy.deepcopy(given)
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            listed = [v for v in schema["enum"] if v is not None] or schema["enum"]
            return copy.deepcopy(listed[0])
        kind = self._kind(schema)
        if kind is None:
            for key in ("oneOf", "anyOf"):
                if isinstance(schema.get(key), list) and schema[key]:
                    return self._choice(schema, key, depth, stack)
            if schema.get("allOf"):
                return self._all_of(schema, depth, stack)
            return {}
        if kind not in ("object", "array") and isinstance(schema.get("allOf"), list):
            # a scalar whose bounds an allOf part gives (Plaid's IBAN: `type: string` beside a $ref with a
            # minLength): the first part's value that fits the whole
            for part in schema["allOf"]:
                made = self._value(part, depth + 1, stack)
                if self.schemas.fits(schema, made):
                    return made
        if kind == "object":
            return self._object(schema, depth, stack)
        if kind == "array":  # 3.1's prefixItems first (a tuple: [timestamp, value]), then items
            count, prefix = _count(schema, "minItems"), schema.get("prefixItems")
            first = prefix[:count] if isinstance(prefix, list) else []
            rest = [schema.get("items", {})] * (count - len(first))
            return [self._value(item, depth + 1, stack) for item in first + rest]
        if kind == "string":
            return self._string(schema)
        if kind in ("integer", "number"):
            return self._number(schema, kind == "integer")
        if kind == "boolean":
            return True
        return None

    @staticmethod
    def _given(schema: dict[str, Any]) -> list[Any]:
        found = []
        if "const" in schema:
            found.append(schema["const"])
        if "default" in schema:
            found.append(schema["default"])
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            found.append(schema["examples"][0])
        if "example" in schema:
            found.append(schema["example"])
        return found

    def _kind(self, schema: dict[str, Any]) -> str | None:
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), kind[0] if kind else None)
        if isinstance(kind, str):
            return kind
        if "properties" in schema or "additionalProperties" in schema or "required" in schema:
            return "object"
        if "items" in schema:
            return "array"
        return None

    def _least(self, schema: Any) -> Any:
        """For a schema that refers to itself: the smallest value it takes (null, an empty list, ...)."""
        kinds = self.schemas.types(schema)
        if "null" in kinds:
            return None
        if "array" in kinds:
            return []
        if "object" in kinds:
            return {}
        return self._value({"type": next(iter(sorted(kinds)), "string")}, MAX_DEPTH, ())

    def _choice(self, schema: dict[str, Any], key: str, depth: int, stack: tuple[str, ...]) -> Any:
        branches = schema[key]
        ordered = [b for b in branches if self.schemas.types(b) != {"null"}] + [
            b for b in branches if self.schemas.types(b) == {"null"}
        ]
        discriminator = schema.get("discriminator") if isinstance(schema.get("discriminator"), dict) else None
        tags = self.schemas.tags(discriminator, branches) if discriminator else {}
        made_values = []
        for branch in ordered:
            made = self._value(branch, depth + 1, stack)
            if discriminator and isinstance(made, dict):
                for tag, target in tags.items():
                    if self.schemas.same_schema(target, branch):
                        made[str(discriminator.get("propertyName"))] = tag
                        break
            if self.schemas.fits(schema, made):
                return made
            made_values.append(made)
        # A value several branches take fits no oneOf: one with a field added (which a closed branch
        # refuses), or a value of another type (which only a free-form branch takes).
        others = [{**made, "field_added_later": 1} for made in made_values if isinstance(made, dict)]
        candidates: list[Any] = [*others, "string", 0, True, [], None]
        for candidate in candidates:
            if self.schemas.fits(schema, candidate):
                return candidate
        return made_values[0] if made_values else None

    def _all_of(self, schema: dict[str, Any], depth: int, stack: tuple[str, ...]) -> Any:
        made_parts = []
        for part in schema["allOf"]:
            made = self._value(part, depth + 1, stack)
            if not isinstance(made, dict):
                return made
            made_parts.append(made)
        own = {key: sub for key, sub in schema.items() if key != "allOf"}
        if own.get("properties"):
            made_parts.append(self._object(own, depth, stack))
        parts = [*self._all_parts(schema), own]
        merged: dict[str, Any] = {}
        for made in made_parts:
            for key, value in made.items():
                # Of the values the parts made for a field, the first every part's schema of it takes.
                if key not in merged or not self._fits_parts(parts, key, merged[key]):
                    merged[key] = value
        # A field one part requires and another declares (Spotify's paging: `items`), made by the first
        # only where optional fields are no longer made: made again from its schema.
        for key, value in merged.items():
            if not self._fits_parts(parts, key, value):
                schemas_of = [_mapping(p, "properties")[key] for p in parts if key in _mapping(p, "properties")]
                merged[key] = self._value(schemas_of[0], depth + 1, stack)
        # A part that takes no undeclared field refuses the optional fields of the others.
        for part in parts:
            if part.get("additionalProperties") is False:
                declared = _mapping(part, "properties")
                merged = {key: value for key, value in merged.items() if key in declared}
        return merged

    def _all_parts(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """The parts of an allOf, and theirs, resolved."""
        found = []
        for part in map(self.schemas.resolve, schema.get("allOf") or []):
            if isinstance(part, dict):
                found += [part, *self._all_parts(part)]
        return found

    def _fits_parts(self, parts: list[dict[str, Any]], key: str, value: Any) -> bool:
        return all(
            self.schemas.fits(_mapping(part, "properties")[key], value)
            for part in parts
            if key in _mapping(part, "properties")
        )

    def _object(self, schema: dict[str, Any], depth: int, stack: tuple[str, ...]) -> dict[str, Any]:
        made: dict[str, Any] = {}
        composed = {key: schema[key] for key in ("allOf", "anyOf", "oneOf", "discriminator") if schema.get(key)}
        if set(composed) - {"discriminator"}:  # `type: object` beside allOf and the like: those fields first
            base = self._value(composed, depth, stack)
            # (a union whose first branch is no object, which `type: object` rules out: OpenAI's "auto" or a
            # VAD config, the config's)
            branches = [b for key in ("oneOf", "anyOf") for b in composed.get(key) or []]
            for branch in branches if not isinstance(base, dict) else []:
                base = self._value(branch, depth + 1, stack)
                if isinstance(base, dict):
                    break
            made.update(base if isinstance(base, dict) else {})
        properties = _mapping(schema, "properties")
        required = [name for name in schema.get("required") or [] if isinstance(name, str)]
        for name, sub in properties.items():
            if name not in required:
                resolved = self.schemas.resolve(sub)
                ref = sub.get("$ref") if isinstance(sub, dict) else None
                if depth >= OPTIONAL_DEPTH or resolved.get("writeOnly") is True or ref in stack:
                    continue
            value = self._value(sub, depth + 1, stack)
            if name in required or not self.schemas.resolve(sub).get("oneOf") or self.schemas.fits(sub, value):
                made[name] = value  # (an optional oneOf no value fits, as of two open objects, is left out)
        for name in required:
            if name not in made:
                extra = schema.get("additionalProperties")
                made[name] = self._value(extra if isinstance(extra, dict) else {}, depth + 1, stack)
        if ("not" in schema or "maxProperties" in schema) and not self.schemas.fits(schema, made):
            # (OpenAI's "image_url or file_id, not both"): optional fields left out, the last first, until it fits
            for name in reversed([name for name in made if name not in required]):
                del made[name]
                if self.schemas.fits(schema, made):
                    break
        return made

    def _string(self, schema: dict[str, Any]) -> str:
        moment = self.moment.astimezone(datetime.UTC)
        base = {
            "date-time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "date": moment.strftime("%Y-%m-%d"),
            "time": moment.strftime("%H:%M:%SZ"),
            "uuid": "00000000-0000-4000-8000-000000000000",
            "email": "user@example.com",
            "uri": "https://example.com",
            "url": "https://example.com",
            "hostname": "example.com",
            "ipv4": "192.0.2.1",
            "ipv6": "2001:db8::1",
            "byte": "c3RyaW5n",
        }.get(str(schema.get("format")), "string")
        candidates = [base]
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            low, high = schema.get("minLength"), schema.get("maxLength")
            matching = string_matching(
                pattern, low if isinstance(low, int) else 0, high if isinstance(high, int) else None
            )
            candidates += [matching] if matching is not None else []
            literal = re.match(r"\^?((?:[A-Za-z0-9_\-/:]|\\[^A-Za-z0-9])*)", pattern)
            if literal and literal.group(1):
                candidates.append(re.sub(r"\\(.)", r"\1", literal.group(1)))
            candidates += ["0", "1", "a", "A", "0.0", "a-0", ""]
        for candidate in candidates:
            fitted = _fit_length(candidate, schema)
            if self.schemas.fits(schema, fitted):
                return fitted
        return _fit_length(base, schema)

    def _number(self, schema: dict[str, Any], integer: bool) -> float:
        step = 1 if integer else 0.5
        low = _bound(schema, "minimum", "exclusiveMinimum", step)
        high = _bound(schema, "maximum", "exclusiveMaximum", -step)
        value: float = 0
        if low is not None and value < low:
            value = low
        if high is not None and value > high:
            value = high
        multiple = schema.get("multipleOf")
        if _number_like(multiple) and multiple > 0:
            value = math.ceil(value / multiple) * multiple
            if high is not None and value > high:
                value = math.floor(high / multiple) * multiple
        return int(value) if integer else float(value)


def _fit_length(text: str, schema: dict[str, Any]) -> str:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if isinstance(low, int) and len(text) < low:
        text = text + "x" * (low - len(text))
    if isinstance(high, int) and len(text) > high:
        text = text[:high]
    return text
