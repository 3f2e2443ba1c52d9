"""What the spec says, read straight from the document: operations, their parameters and bodies, the
responses they document, and small example values."""

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from openapi_schema_validator import OAS30Validator, OAS31Validator

from contract.generated_package import left_out
from pipeline.generate.left_out import pruned
from pipeline.project import current
from pipeline.spec import openapi
from pipeline.spec.openapi import resolve
from runtime._patterns import string_matching

__all__ = ["resolve"]  # re-exported for the tests: one resolver everywhere


@functools.cache
def current_spec() -> dict[str, Any]:
    """The API the client implements: the spec it is built from (openapi.yaml, its overlay applied; see
    pipeline/project.py), less the parts `make generate` left out (the package's docstring lists them)."""
    return pruned(current().spec, left_out())


_VALIDATORS: dict[int, tuple[dict[str, Any], Any]] = {}


def fits(spec: dict[str, Any], schema: Any, value: Any) -> bool:
    """Whether `value` is valid for `schema`, a node of `spec` (its $refs resolve against the spec)."""
    if id(spec) not in _VALIDATORS:  # one validator a spec, rooted at it; the dialect follows its version
        kind = OAS31Validator if str(spec.get("openapi", "")).startswith("3.1") else OAS30Validator
        _VALIDATORS[id(spec)] = (spec, kind(spec))
    return not any(_VALIDATORS[id(spec)][1].evolve(schema=schema).iter_errors(value))


def server_url(server: Any) -> str:
    """A server object's URL with each variable at its default (the value OpenAPI says to use unless
    another is supplied); a variable without a declaration stays as written."""
    if not isinstance(server, dict):
        return ""
    url = str(server.get("url", ""))
    for name, variable in (server.get("variables") or {}).items():
        url = url.replace("{" + str(name) + "}", str((variable or {}).get("default", "")))
    return url


def absolute_servers(spec: dict[str, Any]) -> list[str]:
    """The spec's top-level servers that are absolute http(s) URLs, variables at their defaults."""
    urls = [server_url(server) for server in spec.get("servers") or []]
    return [url.rstrip("/") for url in urls if url.startswith(("http://", "https://"))]


def every_server(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every server object the spec names: top-level, on a path item, on an operation."""
    found = list(spec.get("servers") or [])
    for item in (spec.get("paths") or {}).values():
        item = resolve(spec, item) or {}
        found += item.get("servers") or []
        found += [s for op in item.values() if isinstance(op, dict) for s in op.get("servers") or []]
    return [server for server in found if isinstance(server, dict)]


def path_pattern(template: str) -> tuple[re.Pattern[str], list[str]]:
    """A path template as a regular expression over the path as sent, and the names of its parameters in
    order: `{id}` may be a whole segment or part of one (`/instance/{id}:start`)."""
    parts = re.split(r"\{([^{}/]+)\}", template.split("#", 1)[0])  # a `#fragment` in a path key is never sent
    regex = "".join(re.escape(part) if index % 2 == 0 else "([^/]*)" for index, part in enumerate(parts))
    return re.compile(regex), parts[1::2]


@dataclass
class Operation:
    method: str  # lower case, as in the spec
    path: str  # the template, e.g. /v1/models/{model_id}
    spec: dict[str, Any]  # the operation object
    parameters: list[dict[str, Any]] = field(default_factory=list)  # path-level and operation-level, refs resolved

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def params_in(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.parameters if p.get("in") == location]


def first_server_url(servers: Any) -> str:
    """The first of a list of servers' URL (server_url), without a trailing slash; "" where there is none."""
    return server_url(servers[0]).rstrip("/") if isinstance(servers, list) and servers else ""


def own_server(spec: dict[str, Any], op: Operation) -> str:
    """The operation's own server (its `servers`, else its path item's), where it is not the spec's first; ""."""
    item = (spec.get("paths") or {}).get(op.path) or {}
    url = first_server_url(op.spec.get("servers") or item.get("servers"))
    return "" if url == first_server_url(spec.get("servers")) or "{" in url else url


def operations(spec: dict[str, Any]) -> list[Operation]:
    return [
        Operation(op.method, op.path, op.operation, [_with_schema(p) for p in op.parameters(spec)])
        for op in openapi.operations(spec)
    ]


def _with_schema(parameter: dict[str, Any]) -> dict[str, Any]:
    """A parameter described by `content` (one media type) carries its media type's schema as `schema` too,
    so that whatever reads a parameter's schema reads it; `content` stays, saying it travels as JSON text."""
    content = parameter.get("content")
    if "schema" in parameter or not isinstance(content, dict) or len(content) != 1:
        return parameter
    media = next(iter(content.values()))
    return {**parameter, "schema": media.get("schema", {}) if isinstance(media, dict) else {}}


def media_kind(media_type: str) -> str | None:
    """How the generator treats a media type: json, form, multipart, binary or text; None if it cannot."""
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base.startswith("text/"):
        return "text"
    return {
        "application/x-www-form-urlencoded": "form",
        "multipart/form-data": "multipart",
        "application/octet-stream": "binary",
    }.get(base)


@dataclass(frozen=True)
class Content:
    media_type: str  # as the spec writes it
    kind: str  # json, form, multipart, binary or text (media_kind)
    schema: Any  # refs resolved at the top; {} when the spec gives none


def first_content(spec: dict[str, Any], content: Any) -> Content | None:
    """The first media type of a `content` map that the generator handles."""
    items = [(str(media_type), media) for media_type, media in (content or {}).items() if isinstance(media, dict)]
    for media_type, media in items:
        if media_kind(media_type) is not None:
            return Content(media_type, str(media_kind(media_type)), resolve(spec, media.get("schema")) or {})
    # None of them: a binary string in another media type is bytes, as application/octet-stream is
    # (pipeline/generate/generator.generator_config: Box's image/png thumbnail)
    for media_type, media in items:
        schema = resolve(spec, media.get("schema")) or {}
        if "*" not in media_type and isinstance(schema, dict) and schema.get("format") == "binary":
            return Content(media_type, "binary", schema)
    return None


@dataclass(frozen=True)
class RequestBody:
    content: Content
    required: bool


def request_body(spec: dict[str, Any], op: Operation) -> RequestBody | None:
    body = resolve(spec, op.spec.get("requestBody"))
    content = first_content(spec, (body or {}).get("content"))
    return RequestBody(content, bool(body.get("required"))) if content else None


def sent_content(spec: dict[str, Any], op: Operation, value: Any) -> Content | None:
    """The media type a request body `value` goes as: the first the spec lists; but where that is JSON, the
    spec offers the same component as multipart too, and the value gives one of its file fields a file (or
    a non-empty list of them), multipart (the client sends a File so, which JSON could carry only as text:
    OpenAI's container files)."""
    body = request_body(spec, op)
    if body is None or body.content.kind != "json" or not isinstance(value, dict):
        return body.content if body else None
    media = openapi.mapping(resolve(spec, op.spec.get("requestBody")), "content")
    ref = (media.get(body.content.media_type) or {}).get("schema")
    given = [name for name in file_fields(spec, ref) if value.get(name) not in (None, [])]
    for media_type, other in media.items():
        content = first_content(spec, {media_type: other})
        if content is None or content.kind != "multipart" or not isinstance(ref, dict) or "$ref" not in ref:
            continue
        if (other or {}).get("schema") == ref and given:
            return content
    return body.content


def file_fields(spec: dict[str, Any], schema: Any) -> list[str]:
    """The properties of an object schema that hold a file (a binary string, an array of them, a union
    with one of those: the generator's File, list[File], or a union holding one)."""
    properties = openapi.mapping(resolve(spec, schema), "properties")
    return [name for name, prop in properties.items() if _holds_file(spec, prop)]


def _holds_file(spec: dict[str, Any], schema: Any, depth: int = 0) -> bool:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 4:
        return False
    if schema.get("format") == "binary":
        return True
    inner = [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]
    inner += [schema["items"]] if isinstance(schema.get("items"), dict) else []
    return any(_holds_file(spec, part, depth + 1) for part in inner)


def asks_for_some(spec: dict[str, Any], schema: Any) -> bool:
    """An object that requires no field but refuses `{}`: it asks for a number of fields (Exoscale's
    `minProperties: 1`), or for one of a few (OpenAI's file batches: `anyOf` branches each requiring one)."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return False
    branches = [resolve(spec, branch) for branch in [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]]
    one_of_a_few = bool(branches) and all(isinstance(branch, dict) and branch.get("required") for branch in branches)
    return bool(schema.get("minProperties")) or one_of_a_few


def json_request_schema(spec: dict[str, Any], op: Operation) -> dict[str, Any] | None:
    body = request_body(spec, op)
    return body.content.schema if body and body.content.kind == "json" else None


@dataclass(frozen=True)
class Success:
    status: int  # 200 for a 2XX range or `default`: a status the response stands for
    content: Content | None  # None: no body
    key: str = ""  # its key in the operation's responses: "201", "2XX" or "default"

    @property
    def from_default(self) -> bool:
        """Documented only by the `default` response, which covers every status."""
        return self.key == "default"

    @property
    def schema(self) -> Any:
        """The JSON body's schema; None when the body is not JSON or there is none."""
        return self.content.schema if self.content and self.content.kind == "json" else None


def success_responses(spec: dict[str, Any], op: Operation) -> list[Success]:
    """Every documented 2xx (a 2XX range as 200) in the spec's order; with none, `default` (for any status)."""
    responses = op.spec.get("responses") or {}

    def success(key: str, status: int) -> Success:
        return Success(status, first_content(spec, resolve(spec, responses[key]).get("content")), key)

    found = [
        success(key, 200 if key.upper() == "2XX" else int(key))
        for key in map(str, responses)
        if key.upper() == "2XX" or (key.isdigit() and key.startswith("2"))
    ]
    return found or ([success("default", 200)] if "default" in responses else [])


def why_no_value(spec: dict[str, Any], schema: Any, depth: int = 0) -> str:
    """Why no value fits the schema, as the spec writes it ("" where one does): a oneOf with two identical
    branches (a value that fits one fits both, so none fits exactly one); an allOf part closed to its own
    properties (`additionalProperties: false`) beside another that requires one it lacks; or either of
    these in a required property."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 8:
        return ""
    branches = [json.dumps(branch, sort_keys=True) for branch in schema.get("oneOf") or []]
    if len(set(branches)) < len(branches):
        return "is a oneOf of identical branches, which no value matches"
    required = required_names(spec, schema)
    for part in object_parts(spec, schema):
        lacking = [name for name in required if name not in (part.get("properties") or {})]
        if part.get("additionalProperties") is False and not part.get("patternProperties") and lacking:
            return f"has an allOf part that admits only its own properties, without the required {lacking[0]!r}"
    declared = declared_properties(spec, schema)
    for name in required:
        for sub in declared.get(name, []):
            why = why_no_value(spec, sub, depth + 1)
            if why:
                return f"requires {name!r}, which {why}"
    return ""


def success_response(spec: dict[str, Any], op: Operation) -> Success | None:
    """The first documented success, or None when the spec documents none (only errors)."""
    return next(iter(success_responses(spec, op)), None)


def documents_status(op: Operation, status: int) -> bool:
    """Whether the spec says what a response with this status holds: its own entry, its range or `default`."""
    responses = {str(key).upper() for key in op.spec.get("responses") or {}}
    return bool({str(status), f"{str(status)[0]}XX", "DEFAULT"} & responses)


UNLISTED_ENUM_VALUE = "VALUE_ADDED_AFTER_THIS_SPEC"
RECURSION_DEPTH = 2  # how often an example may hold a recursive schema inside itself
SCHEMA_REF = "#/components/schemas/"


def object_parts(spec: dict[str, Any], schema: Any) -> list[dict[str, Any]]:
    """The schema and each part of its allOf (theirs too), resolved: an instance meets the `properties`
    and `required` of every one, wherever each is written (`required` in one part, the property it names
    declared in another, or an outer `required` beside the allOf)."""
    found: list[dict[str, Any]] = []

    def visit(node: Any) -> None:
        node = resolve(spec, node)
        if isinstance(node, dict) and not any(node is seen for seen in found):
            found.append(node)
            for part in node.get("allOf") or []:
                visit(part)

    visit(schema)
    return found


def required_names(spec: dict[str, Any], schema: Any) -> list[str]:
    """The properties an object of the schema must have, across its allOf parts, in the order written."""
    names = [name for part in object_parts(spec, schema) for name in part.get("required") or []]
    return list(dict.fromkeys(names))


def declared_properties(spec: dict[str, Any], schema: Any) -> dict[str, list[Any]]:
    """Each property the schema or one of its allOf parts declares, with every declaration of it."""
    declared: dict[str, list[Any]] = {}
    for part in object_parts(spec, schema):
        for name, sub in (part.get("properties") or {}).items():
            declared.setdefault(name, []).append(sub)
    return declared


def _is_object(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    parts = object_parts(spec, schema)
    kinds = [kind for part in parts for kind in _types(part)]
    if kinds and "object" not in kinds:  # `required` beside `type: array` (paystack) is not an object's
        return False
    return "object" in kinds or any("properties" in part or "required" in part for part in parts)


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []


def ref_name(node: Any) -> str | None:
    """The component schema a `{"$ref": "#/components/schemas/X"}` names (X), else None."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref[len(SCHEMA_REF) :] if isinstance(ref, str) and ref.startswith(SCHEMA_REF) else None


def example_value(
    spec: dict[str, Any], schema: Any, *, unlisted_enums: bool = False, all_properties: bool = False
) -> Any:
    """A small instance of the schema: required properties only, first choice of each anyOf/oneOf.

    With unlisted_enums, string enums get a value the spec does not list, as a newer server may send;
    with all_properties, objects carry their optional properties too (arrays one item), so that every
    property is exercised. A recursive schema is cut where it would enter itself again: an optional
    property or array item left out, a union's other branch (null, say) taken. Strings follow their
    `format` and `pattern`, numbers their bounds, so a value fits the schema as a judge reads it.
    """

    def example(node: Any, depth: int, stack: tuple[str, ...]) -> Any:
        name = ref_name(node)
        stack = (*stack, name) if name else stack
        schema = resolve(spec, node)
        if not isinstance(schema, dict) or depth > 40:
            return None
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            listed = [value for value in schema["enum"] if value is not None] or [None]
            strings = all(isinstance(value, str) for value in listed)
            if unlisted_enums and strings and listed != [None]:
                return UNLISTED_ENUM_VALUE
            # The default where it is listed: what a model called without the field sends (paystack's reason).
            return schema["default"] if "default" in schema and schema["default"] in listed else listed[0]
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        wide = all_properties and depth < 6  # optional parts near the top only

        def enters_again(sub: Any) -> bool:
            """Whether `sub` leads into a schema already being made twice over: cut there."""
            names = [ref_name(sub), ref_name((resolve(spec, sub) or {}).get("items"))]
            return any(name is not None and stack.count(name) >= RECURSION_DEPTH for name in names)

        for key in ("oneOf", "anyOf"):
            if key in schema:
                # Null and branches that recurse come last: the smallest value that fits comes first.
                order = lambda c: (enters_again(c), resolve(spec, c).get("type") == "null")  # noqa: E731
                # (not a branch `make generate` left out, which the pruned spec no longer has: Box's File--Full)
                choices = sorted([c for c in schema[key] if resolve(spec, c) is not None], key=order)
                if not choices:
                    return None
                values = [_with_discriminator(spec, schema, c, example(c, depth + 1, stack)) for c in choices]
                beside = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
                if _is_object(spec, beside):  # properties beside the union: each branch only narrows them
                    own = example(beside, depth + 1, stack)
                    # a branch that only requires some of them (OpenAI's "image_url or file_id"): those made
                    narrowed = [
                        example({**beside, "required": [*beside.get("required", []), *c.get("required", [])]},
                                depth + 1, stack)
                        if isinstance(c, dict) and set(c) <= {"required", "description", "title"} else None
                        for c in choices
                    ]  # fmt: skip
                    values = [
                        made if made is not None else {**own, **value} if isinstance(value, dict) else own
                        for made, value in zip(narrowed, values, strict=True)
                    ]
                if key == "anyOf":
                    return next((v for v in values if fits(spec, schema, v)), values[0])
                # A oneOf takes a value that fits exactly one branch: a branch's example, or one with an
                # undeclared field added, which a free-form branch takes and a closed one refuses.
                tries = values + [{**v, "field_added_later": 1} for v in values if isinstance(v, dict)]
                return next((v for v in tries if fits(spec, schema, v)), values[0])
        if _is_object(spec, schema):
            declared, required = declared_properties(spec, schema), required_names(spec, schema)
            optional = [n for n in declared if n not in required and not any(map(enters_again, declared[n]))]
            # A part that is a union (`allOf: [{oneOf: ...}, {properties: ...}]`) gives its branch's fields.
            parts = object_parts(spec, schema)[1:]
            unions = [example(p, depth + 1, stack) for p in parts if {"oneOf", "anyOf"} & set(p)]
            value = {k: v for union in unions if isinstance(union, dict) for k, v in union.items()}
            value.update({n: property_example(declared.get(n) or [{}], depth, stack) for n in required})
            # optional ones near the top, and as many as a minProperties asks (Exoscale's "id or name")
            fewest = schema.get("minProperties", 0) if isinstance(schema.get("minProperties"), int) else 0
            unset = [n for n in optional if n not in value]
            chosen = unset if wide else unset[: max(0, fewest - len(value))]
            return {**value, **{n: property_example(declared[n], depth, stack) for n in chosen}}
        if "allOf" in schema:  # a part that is not an object (`allOf: [$ref: AnEnum]`) is the value itself
            values = [example(part, depth + 1, stack) for part in schema["allOf"]]
            return next((value for value in values if value is not None), None)
        kind = next((k for k in _types(schema) if k != "null"), "null" if _types(schema) else None)
        if kind == "array":  # 3.1's prefixItems first (a tuple: [timestamp, value]), then items
            items, prefix = schema.get("items", {}), schema.get("prefixItems") or []
            count = max(schema.get("minItems", 0), 1 if wide and not enters_again(items) else 0)
            first = prefix[:count]
            return [example(item, depth + 1, stack) for item in first + [items] * (count - len(first))]
        return _scalar_example(spec, schema, kind)

    def property_example(declarations: list[Any], depth: int, stack: tuple[str, ...]) -> Any:
        """A value for a property declared in one part or more (an allOf part may narrow another's): the
        later part's first, as it narrows (a `format` the validator here does not check is kept so)."""
        values = [example(sub, depth + 1, stack) for sub in declarations]
        if len(declarations) == 1:
            return values[0]
        return next((v for v in reversed(values) if all(fits(spec, sub, v) for sub in declarations)), values[-1])

    return example(schema, 0, ())


# What a string of each format looks like, as small as it may be; a format not listed is plain text.
FORMAT_EXAMPLES = {
    "date-time": "2026-01-02T03:04:05+00:00",
    "date": "2026-01-02",
    "time": "03:04:05+00:00",
    "duration": "P1D",
    "uuid": "00000000-0000-0000-0000-000000000001",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "iri": "https://example.com/",
    "uri-reference": "https://example.com/",
    "iri-reference": "https://example.com/",
    "uri-template": "https://example.com/{id}",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "dGV4dA==",  # base64 of "text"
    "json-pointer": "/a",
    "relative-json-pointer": "0",
    "regex": "^a$",
    "int32": "7",
    "int64": "7",
}

# The integers a format holds (OpenAPI's format registry): a value past them is not an int32 or int64.
INTEGER_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _scalar_example(spec: dict[str, Any], schema: dict[str, Any], kind: Any) -> Any:
    if schema.get("examples") and isinstance(schema["examples"], list):
        return schema["examples"][0]
    if kind in ("integer", "number"):
        return number_example(schema, kind)
    if kind == "boolean":
        return True
    if kind == "string":
        text = "text".ljust(schema.get("minLength", 0), "x")[: schema.get("maxLength")]
        pattern = schema.get("pattern")
        made = string_matching(pattern, schema.get("minLength", 0), schema.get("maxLength")) if pattern else None
        candidates = [FORMAT_EXAMPLES.get(str(schema.get("format"))), made, text]
        candidates = [value for value in candidates if value is not None]
        return next((value for value in candidates if fits(spec, schema, value)), candidates[0])
    return None


def number_example(schema: dict[str, Any], kind: str) -> int | float:
    """7 (or 1.5), moved inside the schema's bounds (inclusive, exclusive, the format's) and onto its
    multipleOf where it has one."""
    low: float | None
    high: float | None
    low, high = INTEGER_FORMATS.get(str(schema.get("format")), (None, None)) if kind == "integer" else (None, None)
    low_open = high_open = False
    for bound, side in (("minimum", "low"), ("maximum", "high")):
        exclusive = schema.get("exclusiveM" + bound[1:])
        limit = schema.get(bound)
        if isinstance(exclusive, int | float) and not isinstance(exclusive, bool):
            limit, exclusive = exclusive, True  # 3.1: the exclusive bound is the number itself
        if isinstance(limit, int | float):
            if side == "low" and (low is None or limit >= low):
                low, low_open = limit, bool(exclusive)
            elif side == "high" and (high is None or limit <= high):
                high, high_open = limit, bool(exclusive)
    step = schema.get("multipleOf")

    def ok(value: float) -> bool:
        above = low is None or (value > low if low_open else value >= low)
        below = high is None or (value < high if high_open else value <= high)
        return above and below and (not step or float(value / step).is_integer())

    start: int | float = 7 if kind == "integer" else 1.5
    near: list[float] = [value for bound in (low, high) if bound is not None for value in (bound, bound + 1, bound - 1)]
    if kind != "integer":
        near += [(low + high) / 2] if low is not None and high is not None else []
    if step:
        near = [s * step for s in (1, 2, -1)] + [
            (int(b // step) + k) * step for b in (low, high) if b is not None for k in (0, 1, -1)
        ]
    candidates: list[int | float] = [start, *near]
    if kind == "integer":
        candidates = [int(value) for value in candidates if float(value).is_integer()]
    return next((value for value in candidates if ok(value)), start)


def _with_discriminator(spec: dict[str, Any], parent: dict[str, Any], choice: Any, value: Any) -> Any:
    """Set the discriminator property to the value that selects `choice`: its key in the mapping, else
    (OpenAPI's implicit mapping) the name of the component schema it refers to."""
    discriminator = parent.get("discriminator")
    tag = discriminator_value(spec, discriminator, choice) if isinstance(discriminator, dict) else None
    if tag is None or not isinstance(value, dict) or not isinstance(discriminator, dict):
        return value
    return {**value, discriminator["propertyName"]: tag}


def discriminator_value(spec: dict[str, Any], discriminator: dict[str, Any], choice: Any) -> Any:
    """The discriminator value that selects `choice` (a branch, often a $ref): its mapping key, else the
    component schema's name (OpenAPI's implicit mapping); None where neither names it."""
    target = resolve(spec, choice)
    for tag, ref in (discriminator.get("mapping") or {}).items():
        if resolve(spec, {"$ref": ref}) is target:
            return tag
    return ref_name(choice)


def recursive_names(schemas: dict[str, Any]) -> set[str]:
    """Component schemas that can reach themselves through $refs (a tree node, two mutual ones)."""
    edges = {name: set(_refs(schema)) for name, schema in schemas.items()}
    found = set()
    for start in schemas:
        seen, stack = set(), list(edges[start])
        while stack:
            name = stack.pop()
            if name == start:
                found.add(start)
                break
            if name not in seen and name in edges:
                seen.add(name)
                stack.extend(edges[name])
    return found


def _refs(node: Any) -> list[str]:
    if isinstance(node, list):
        return [name for item in node for name in _refs(item)]
    if not isinstance(node, dict):
        return []
    own = [node["$ref"][len(SCHEMA_REF) :]] if str(node.get("$ref", "")).startswith(SCHEMA_REF) else []
    return own + [name for value in node.values() for name in _refs(value)]


@dataclass(frozen=True)
class TaggedUnion:
    """A property of a component schema whose object members each require a const `tag` of their own."""

    model: str  # the component schema holding the property
    prop: str
    tag: str
    branches: list[dict[str, Any]]  # the members, resolved


def union_tag(spec: dict[str, Any], schema: Any) -> tuple[str, list[dict[str, Any]]] | None:
    """(tag, members) where `schema` is a union whose object members each require a const `tag` of their
    own (a discriminated union), else None. The client reads a new tag value into an UnknownVariant."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    members = [resolve(spec, b) for b in (schema.get("oneOf") or schema.get("anyOf") or [])]
    members = [b for b in members if isinstance(b, dict) and b.get("properties")]
    if len(members) < 2:
        return None
    tags = [
        {k for k, v in b["properties"].items() if "const" in resolve(spec, v) and k in b.get("required", [])}
        for b in members
    ]
    common = sorted(set.intersection(*tags))
    values = [resolve(spec, b["properties"][common[0]])["const"] for b in members] if common else []
    return (common[0], members) if common and len(set(map(str, values))) == len(values) else None


def tagged_unions(spec: dict[str, Any]) -> list[TaggedUnion]:
    found = []
    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        properties = schema.get("properties") if isinstance(schema, dict) else None
        for prop, sub in (properties or {}).items():
            tagged = union_tag(spec, sub)
            if tagged:
                found.append(TaggedUnion(name, prop, tagged[0], tagged[1]))
    return found
