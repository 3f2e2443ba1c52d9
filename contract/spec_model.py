"""What the spec says, read straight from the document: operations, their parameters and bodies, the
responses they document, and small example values."""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from openapi_schema_validator import OAS30Validator, OAS31Validator

from pipeline import openapi
from pipeline.openapi import resolve
from pipeline.project import current

__all__ = ["resolve"]  # re-exported for the tests: one resolver everywhere


def current_spec() -> dict[str, Any]:
    """The spec the client is built from (openapi.yaml, its overlay applied; see pipeline/project.py)."""
    return current().spec


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
    parts = re.split(r"\{([^{}/]+)\}", template)
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


def operations(spec: dict[str, Any]) -> list[Operation]:
    return [Operation(op.method, op.path, op.operation, op.parameters(spec)) for op in openapi.operations(spec)]


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
    for media_type, media in (content or {}).items():
        kind = media_kind(str(media_type))
        if kind is not None:
            return Content(str(media_type), kind, resolve(spec, (media or {}).get("schema")) or {})
    return None


@dataclass(frozen=True)
class RequestBody:
    content: Content
    required: bool


def request_body(spec: dict[str, Any], op: Operation) -> RequestBody | None:
    body = resolve(spec, op.spec.get("requestBody"))
    content = first_content(spec, (body or {}).get("content"))
    return RequestBody(content, bool(body.get("required"))) if content else None


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


def accepts_no_value(spec: dict[str, Any], schema: Any) -> bool:
    """A oneOf with two identical branches: every value that fits one fits both, so none fits exactly one."""
    branches = [json.dumps(branch, sort_keys=True) for branch in (resolve(spec, schema) or {}).get("oneOf") or []]
    return len(set(branches)) < len(branches)


def success_response(spec: dict[str, Any], op: Operation) -> Success | None:
    """The first documented success, or None when the spec documents none (only errors)."""
    return next(iter(success_responses(spec, op)), None)


def documents_status(op: Operation, status: int) -> bool:
    """Whether the spec says what a response with this status holds: its own entry, its range or `default`."""
    responses = {str(key).upper() for key in op.spec.get("responses") or {}}
    return bool({str(status), f"{str(status)[0]}XX", "DEFAULT"} & responses)


UNLISTED_ENUM_VALUE = "VALUE_ADDED_AFTER_THIS_SPEC"


def example_value(
    spec: dict[str, Any], schema: Any, *, unlisted_enums: bool = False, all_properties: bool = False
) -> Any:
    """A small instance of the schema: required properties only, first choice of each anyOf/oneOf.

    With unlisted_enums, string enums get a value the spec does not list, as a newer server may send;
    with all_properties, objects carry their optional properties too (arrays one item), so that every
    property is exercised.
    """

    def example(schema: Any, depth: int) -> Any:
        schema = resolve(spec, schema)
        if not isinstance(schema, dict) or depth > 12:
            return None
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            strings = all(isinstance(value, str) for value in schema["enum"] if value is not None)
            return UNLISTED_ENUM_VALUE if unlisted_enums and strings else schema["enum"][0]
        if "default" in schema and schema["default"] is not None:
            return schema["default"]
        for key in ("oneOf", "anyOf"):
            if key in schema:
                choices = [resolve(spec, s) for s in schema[key]]
                choices = [c for c in choices if c.get("type") != "null"] or choices
                values = [_with_discriminator(spec, schema, c, example(c, depth + 1)) for c in choices]
                if key == "anyOf":
                    return values[0]
                # A oneOf takes a value that fits exactly one branch: a branch's example, or one with an
                # undeclared field added, which a free-form branch takes and a closed one refuses.
                tries = values + [{**v, "field_added_later": 1} for v in values if isinstance(v, dict)]
                return next((v for v in tries if fits(spec, schema, v)), values[0])
        if "allOf" in schema:
            # Objects merge; a part that is not one (`allOf: [$ref: AnEnum]`) is the value itself.
            values = [example(part, depth + 1) for part in schema["allOf"]]
            objects = [value for value in values if isinstance(value, dict)]
            if not objects:
                return next((value for value in values if value is not None), None)
            return {key: value for part in objects for key, value in part.items()}
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or "properties" in schema:
            properties = schema.get("properties") or {}
            # Optional properties near the top only: a recursive model would otherwise nest to the depth limit.
            names = list(properties) if all_properties and depth < 6 else schema.get("required", [])
            return {name: example(properties.get(name, {}), depth + 1) for name in names}
        if kind == "array":
            count = max(schema.get("minItems", 0), 1 if all_properties and depth < 6 else 0)
            return [example(schema.get("items", {}), depth + 1) for _ in range(count)]
        return _scalar_example(schema, kind)

    return example(schema, 0)


def _scalar_example(schema: dict[str, Any], kind: Any) -> Any:
    if schema.get("examples"):
        return schema["examples"][0]
    if kind in ("integer", "number"):
        value = 7 if kind == "integer" else 1.5
        return min(max(value, schema.get("minimum", value)), schema.get("maximum", value))
    if kind == "boolean":
        return True
    if kind == "string":
        text = "text".ljust(schema.get("minLength", 0), "x")[: schema.get("maxLength")]
        return {
            "date-time": "2026-01-02T03:04:05+00:00",
            "date": "2026-01-02",
            "uuid": "00000000-0000-0000-0000-000000000001",
        }.get(schema.get("format", ""), text)
    return None


def _with_discriminator(spec: dict[str, Any], parent: dict[str, Any], choice: dict[str, Any], value: Any) -> Any:
    """Set the discriminator property to the value that selects `choice`."""
    discriminator = parent.get("discriminator")
    if not (discriminator and isinstance(value, dict)):
        return value
    name = discriminator["propertyName"]
    for tag, ref in (discriminator.get("mapping") or {}).items():
        if resolve(spec, {"$ref": ref}) is choice:
            return {**value, name: tag}
    return value


SCHEMA_REF = "#/components/schemas/"


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
