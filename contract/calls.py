"""How to call any operation of openapi.yaml through the generated client, and what the request must
then carry: arguments by the generator's own Python names, the wire form of every parameter and body
(JSON, form, multipart, octet-stream). Used by the tests, the benchmarks and `make contract-live`.
"""

import datetime
import json
import typing
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx

from contract.curl_sample import curl_sample
from contract.generator_names import python_name
from contract.multipart import multipart_fields
from contract.python_values import to_python
from contract.spec_model import (
    Content,
    Operation,
    current_spec,
    example_value,
    file_fields,
    first_server_url,
    fits,
    own_server,
    path_pattern,
    request_body,
    resolve,
    sent_content,
)

# Bytes for every binary field: the stock template's fixed multipart boundary, then every byte value.
UPLOAD = (
    b'\r\n--+++\r\nContent-Disposition: form-data; name="injected"\r\n\r\n' + bytes(range(256)) + b"\r\n--+++--\r\n"
)


def same_json(left: Any, right: Any) -> bool:
    """Equal as JSON, with two strings equal when they name the same instant (Z and +00:00, say) or the
    same UUID (whose hex digits are case-insensitive, RFC 9562)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_json(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, str) and isinstance(right, str) and left != right:
        for parse in (datetime.datetime.fromisoformat, uuid.UUID):
            try:
                return parse(left) == parse(right)
            except ValueError:
                continue
        return False
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def carries(text: str, value: Any) -> bool:
    """Whether `text`, as sent in a path, query, header, form or multipart part, carries the JSON value:
    true/false for a boolean, the same number (3 and 3.0 alike) for a number, JSON for an object or a
    list, the string itself (or the same instant or UUID) for a string, `null` for null."""
    if isinstance(value, Joined):
        return value.carried_by(text)
    if isinstance(value, bool):
        return text == ("true" if value else "false")
    if isinstance(value, int | float):
        try:  # an integer exactly (past 2**53 a float would round), else as a number: 3 and 3.0 alike
            return int(text) == value if isinstance(value, int) and text.lstrip("-").isdigit() else float(text) == value
        except ValueError:
            return False
    if value is None or isinstance(value, dict | list):
        try:
            return same_json(json.loads(text), value)
        except ValueError:
            return False
    return same_json(text, str(value))


def wire_pairs(name: str, value: Any) -> list[tuple[str, Any]]:
    """What a query or form field becomes on the wire, as (name, value) pairs: one pair a value, a list's
    items each, an object's properties each (form style, exploded), none for null (an empty value for a
    null in a list, as httpx writes it)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [pair for item in value for pair in (wire_pairs(name, item) if item is not None else [(name, "")])]
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in wire_pairs(key, item)]
    return [(name, value)]


@dataclass(frozen=True)
class Joined:
    """A query value written as one text (a style with explode false): an array's items, or an object's
    keys and values in turn, joined by `separator`."""

    separator: str
    value: list[Any] | dict[str, Any]

    def carried_by(self, text: str) -> bool:
        """Each item carried in turn (an object's properties in any order), where the text splits into as
        many parts; else (an item holds the separator) the text is the items joined."""
        parts = text.split(self.separator) if text else []
        if isinstance(self.value, dict):
            keys, texts = parts[::2], parts[1::2]
            sent = dict(zip(keys, texts, strict=False))
            if len(parts) == 2 * len(self.value) and sent.keys() == self.value.keys():
                return all(_item_carried(sent[key], item) for key, item in self.value.items())
            return False
        if len(parts) == len(self.value):
            return all(_item_carried(part, item) for part, item in zip(parts, self.value, strict=True))
        return text == self.separator.join("" if item is None else str(item) for item in self.value)


def _item_carried(text: str, item: Any) -> bool:
    return text == "" if item is None else carries(text, item)


def query_pairs(parameter: dict[str, Any], value: Any) -> list[tuple[str, Any]]:
    """What a query parameter becomes on the wire, by its style and explode (OpenAPI 3.1, 4.8.12.4): form
    exploded as wire_pairs; form, spaceDelimited or pipeDelimited unexploded one pair, an array's items (an
    object's keys and values in turn) joined; deepObject one pair per property, `name[key]`."""
    name, style = parameter["name"], parameter.get("style", "form")
    explode = parameter.get("explode", style == "form")
    if value is None:
        return []
    if "content" in parameter:  # its JSON text, one pair (carries() compares it as JSON)
        return [(name, value)]
    if style == "deepObject" and isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _deep(f"{name}[{key}]", item)]
    separator = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
    if not explode and isinstance(value, dict | list):
        return [(name, Joined(separator, value))] if value else []  # an empty one is not sent (RFC 6570)
    return wire_pairs(name, value)


def _deep(name: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in _deep(f"{name}[{key}]", item)]
    return [] if value is None else [(name, value)]


def same_pairs(sent: list[tuple[str, str]], expected: list[tuple[str, Any]]) -> bool:
    """The same names, and for each name the same values in the same order (an array keeps its order)."""

    def by_name(pairs: list[tuple[str, Any]]) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = {}
        for name, value in pairs:
            grouped.setdefault(name, []).append(value)
        return grouped

    texts, values = by_name(sent), by_name(expected)
    return texts.keys() == values.keys() and all(
        len(texts[name]) == len(values[name]) and all(map(carries, texts[name], values[name])) for name in texts
    )


def binary_fields(schema: Any) -> set[str]:
    properties = resolve(current_spec(), schema).get("properties") or {}
    return {name for name, prop in properties.items() if resolve(current_spec(), prop).get("format") == "binary"}


def wire_body(content: Content, value: Any) -> Any:
    """What must arrive for `value` (a JSON value of the schema, bytes where binary): JSON as it is; a form
    as (name, value) pairs; multipart as each field's parts (an array is repeated parts, a file its bytes);
    anything else as bytes."""
    if content.kind == "json":
        return value
    if content.kind == "form":
        return [pair for key, item in value.items() for pair in wire_pairs(key, item)]
    if content.kind == "multipart":
        binary = file_fields(current_spec(), content.schema)  # a file's text is its bytes; null, an object: JSON
        return {
            key: [item.encode() if isinstance(item, str) and key in binary else item for item in items]
            for key, values in value.items()
            for items in [values if isinstance(values, list) else [values]]
        }
    return value if isinstance(value, bytes) else str(value).encode()


def same_parts(sent: dict[str, list[bytes]], expected: dict[str, list[Any]]) -> bool:
    """Multipart fields alike: a file's bytes exactly, any other part as the text that carries its value. An
    empty array is no part at all (Mistral's `context_bias: []`)."""
    expected = {key: values for key, values in expected.items() if values != []}
    return sent.keys() == expected.keys() and all(
        len(sent[key]) == len(expected[key])
        and all(
            part == value if isinstance(value, bytes) else carries(part.decode(), value)
            for part, value in zip(sent[key], expected[key], strict=True)
        )
        for key in sent
    )


def body_arrived(content: Content, request: httpx.Request, expected: Any) -> bool:
    """Whether the request's body is `expected`, as wire_body gives it."""
    if content.kind == "json":
        return same_json(json.loads(request.content), expected)
    if content.kind == "form":
        return same_pairs(parse_qsl(request.content.decode(), keep_blank_values=True), expected)
    if content.kind == "multipart":
        return same_parts(multipart_fields(request.headers.get("content-type", ""), request.content), expected)
    return bool(request.content == expected)


def example_body(content: Content) -> Any:
    """A small body for the content: binary fields and octet-stream bodies carry UPLOAD."""
    if content.kind == "binary":
        return UPLOAD
    value = example_value(current_spec(), content.schema)
    if content.kind == "multipart":
        return {**value, **{name: UPLOAD for name in binary_fields(content.schema) if name in value}}
    return value


@dataclass
class Call:
    """Keyword arguments for an operation's function, and what the request must then carry."""

    arguments: dict[str, Any]
    template: str  # the path template
    path_values: dict[str, Any]  # each path parameter's JSON value, which the server must read back
    query: list[tuple[str, Any]]  # (name, JSON value) in the order sent
    headers: dict[str, Any]  # header parameters, by wire name: their JSON values
    cookies: dict[str, Any]
    content: Content | None  # the request body's media type, when a body is sent
    body: Any  # as wire_body gives it
    # The media types of each documented response that has a body: Accept must name one of each the client
    # reads (JSON, +json, text/*, application/octet-stream), and nothing else.
    answers: list[list[str]] = field(default_factory=list)
    # The query parameters and cookies the operation's security may carry a credential in (apiKey): not
    # the call's to judge (tests/test_auth_scheme.py judges credentials), so left out of what is compared.
    credential_query: frozenset[str] = frozenset()
    credential_cookies: frozenset[str] = frozenset()
    # The operation's own server (its `servers`, else its path item's; variables at their defaults) where it
    # is not the spec's first server, which `spec_server` holds; "" where there is none.
    server: str = ""
    spec_server: str = ""

    def sent_to(self, base_url: str) -> str:
        """Where a client with this base_url must send the request: base_url, unless the operation has a
        server of its own; then that server where base_url is the spec's, else base_url's host under the
        server's path (a relative server is a path on base_url's host)."""
        if not self.server:
            return base_url
        if not self.server.startswith("/") and base_url.rstrip("/") == self.spec_server.rstrip("/"):
            return self.server
        parts = urlsplit(base_url)
        return f"{parts.scheme}://{parts.netloc}{urlsplit(self.server).path.rstrip('/')}"

    def assert_sent(self, request: httpx.Request, base_url: str) -> None:
        """The request carries exactly this; timestamps may be written another way for the same instant.

        `base_url`: the client's. The request goes where sent_to() says: its host, and its path (a server's
        base path, e.g. /v1) before the spec's path."""
        where = urlsplit(self.sent_to(base_url))
        if where.netloc:
            sent_from = f"{request.url.scheme}://{request.url.netloc.decode()}"
            assert sent_from == f"{where.scheme}://{where.netloc}", f"sent to {sent_from}, not {where.geturl()}"
        raw = request.url.raw_path.decode().split("?")[0]
        base_path = where.path.rstrip("/")
        assert raw.startswith(base_path + "/"), f"path {raw} does not start with the server's base path {base_path}"
        sent = raw[len(base_path) :]
        pattern, names = path_pattern(self.template)
        matched = pattern.fullmatch(sent)
        assert matched, f"path {sent} for {self.template}"
        for name, actual in zip(names, matched.groups(), strict=True):  # the server decodes each back
            assert carries(unquote(actual), self.path_values[name]), f"path {sent}: {name} is {actual!r}"
        query = parse_qsl(request.url.query.decode(), keep_blank_values=True)
        query = [(name, value) for name, value in query if name not in self.credential_query - self.query_names]
        assert same_pairs(query, self.query), f"query {query}, expected {self.query}"
        for name, value in self.headers.items():
            assert carries(request.headers.get(name, ""), value), f"header {name}: {request.headers.get(name)!r}"
        if self.answers:
            accepted = {media.strip() for media in request.headers.get("accept", "").split(",")}
            documented = {media for media_types in self.answers for media in media_types}
            assert accepted <= documented, f"Accept {sorted(accepted)}, documented {sorted(documented)}"
            for media_types in self.answers:
                read = set(filter(readable, media_types))
                assert not read or accepted & read, f"Accept {sorted(accepted)} names none of {sorted(read)}"
        cookie_header = request.headers.get("cookie", "")
        sent_cookies = dict(part.split("=", 1) for part in cookie_header.split("; ") if part)
        for name in self.credential_cookies - self.cookies.keys():
            sent_cookies.pop(name, None)
        assert sent_cookies.keys() == self.cookies.keys(), f"cookies {cookie_header!r}"
        assert all(carries(sent_cookies[name], value) for name, value in self.cookies.items()), cookie_header
        if self.content is None:
            assert request.content == b""
        else:
            assert request.headers["content-type"].split(";")[0] == self.content.media_type.split(";")[0]
            assert body_arrived(self.content, request, self.body), "the body differs from what was given"

    @property
    def query_names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.query)


def servers_of(op: Operation) -> tuple[str, str]:
    """The operation's own server ("" where none) and the spec's first (Call.server, Call.spec_server)."""
    spec = current_spec()
    return own_server(spec, op), first_server_url(spec.get("servers"))


def credential_places(op: Operation) -> tuple[frozenset[str], frozenset[str]]:
    """The query parameters and the cookies an apiKey scheme of the operation's security (its own, else
    the spec's) travels in."""
    spec = current_spec()
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    security = op.spec.get("security", spec.get("security"))
    if security is None:  # a spec that requires none of its schemes: any may be sent
        security = [{name: []} for name in schemes]
    names = {name for requirement in security or [] if isinstance(requirement, dict) for name in requirement}
    found = [resolve(spec, schemes[name]) for name in names if isinstance(schemes.get(name), dict)]
    keys = {place: frozenset(str(s.get("name")) for s in found if s.get("type") == "apiKey" and s.get("in") == place)
            for place in ("query", "cookie")}  # fmt: skip
    return keys["query"], keys["cookie"]


def readable(media: str) -> bool:
    """A media type the generated client reads a response from."""
    kind = media.split(";")[0].strip().lower()
    is_json = kind == "application/json" or kind.endswith("+json")
    return is_json or kind == "application/octet-stream" or kind.startswith("text/")


def documented_answers(op: Operation) -> list[list[str]]:
    """The media types of each documented response with a body; none where the spec has the caller say
    what to accept (a header parameter Accept)."""
    spec = current_spec()
    if any(str(parameter.get("name", "")).lower() == "accept" for parameter in op.params_in("header")):
        return []
    return [
        [str(media) for media in content]
        for response in (op.spec.get("responses") or {}).values()
        for content in [resolve(spec, response).get("content") or {}]
        if content
    ]


def path_value(parameter: dict[str, Any]) -> Any:
    # A free-form string that needs escaping: the path must carry it percent-encoded, not split at the slash.
    schema = resolve(current_spec(), parameter.get("schema", {}))
    if schema.get("type") == "string" and not {"format", "enum", "const", "pattern"} & set(schema):
        return "id 1/ä"
    return example_value(current_spec(), schema)


def only_null(schema: Any) -> bool:
    schema = resolve(current_spec(), schema)
    kinds = schema.get("type") if isinstance(schema.get("type"), list) else [schema.get("type")]
    return kinds == ["null"] or (isinstance(schema.get("enum"), list) and set(map(str, schema["enum"])) == {"None"})


def unsendable(op: Operation) -> list[str]:
    """Required parameters no request can carry: an array whose items can only be null (a query string
    has no null, and an empty array is no parameter at all), or are objects (no style writes an array of
    objects: the client refuses one, naming the parameter)."""
    return [
        f"{parameter['in']} parameter '{parameter['name']}'"
        for parameter in op.parameters
        if parameter.get("required")
        and (
            only_null(resolve(current_spec(), parameter.get("schema") or {}).get("items") or {})
            and resolve(current_spec(), parameter.get("schema") or {}).get("type") == "array"
            or not has_a_style(parameter)
        )
    ]


def has_a_style(parameter: dict[str, Any]) -> bool:
    """Whether OpenAPI's styles write the parameter's values: not an array of objects (Box's search
    `mdfilters`), which no style defines, unless it is described by `content` (JSON text)."""
    schema = resolve(current_spec(), parameter.get("schema") or {})
    items = resolve(current_spec(), schema.get("items")) if isinstance(schema, dict) else None
    objects = isinstance(items, dict) and (items.get("type") == "object" or "properties" in items)
    return "content" in parameter or not (schema.get("type") == "array" and objects)


def at_least_one_item(schema: Any) -> Any:
    """A required array parameter with no item sends nothing at all: give it one."""
    resolved = resolve(current_spec(), schema)
    if isinstance(resolved, dict) and resolved.get("type") == "array":
        return {**resolved, "minItems": max(1, int(resolved.get("minItems", 0)))}
    return schema


def example_parameters(op: Operation) -> dict[tuple[str, str], Any]:
    """A value for each path and required parameter."""
    values = {}
    for parameter in op.parameters:
        key = (parameter["in"], parameter["name"])
        if parameter["in"] == "path":
            values[key] = path_value(parameter)
        elif parameter.get("required"):
            values[key] = example_value(current_spec(), at_least_one_item(parameter.get("schema", {})))
    return values


def example_request_body(op: Operation) -> Any:
    """The body to send: the curl sample's when it fits the schema, else the schema's; None when optional.

    Baseten's generated samples often put null where the schema requires a value; the schema wins.
    """
    body = request_body(current_spec(), op)
    if body is None:
        return None
    sample = curl_sample(op.spec)
    if body.content.kind == "json" and sample is not None and sample.data is not None:
        if fits(current_spec(), body.content.schema, sample.data):
            return sample.data
    if body.required or sample is not None and sample.data is not None:
        return example_body(body.content)
    return None


def build_call(op: Operation, function: Callable[..., Any], values: dict[tuple[str, str], Any], body: Any) -> Call:
    """The call that passes `values` ((location, name) -> JSON value) and `body` (None: no body)."""
    hints = typing.get_type_hints(function)
    call = Call(
        {}, op.path, {}, [], {}, {}, None, None, documented_answers(op), *credential_places(op), *servers_of(op)
    )
    for parameter in op.parameters:
        location, name = parameter["in"], parameter["name"]
        if location not in ("path", "query", "header", "cookie"):
            continue
        if (location, name) in values:
            value = values[(location, name)]
            python = python_name(op.key, location, name)
            call.arguments[python] = to_python(hints[python], value)
        else:
            value = resolve(current_spec(), parameter.get("schema", {})).get("default")  # sent when not given
            # (but an object's, which the generator cannot give a model: spec_prepare drops it, the server applies it)
            value = None if isinstance(value, dict) else value
        if value is None:
            continue
        if location == "path":
            call.path_values[name] = value
        elif location == "query":
            call.query += query_pairs(parameter, value)
        elif location == "header":
            call.headers[name] = value
        else:
            call.cookies[name] = value
    spec_body = request_body(current_spec(), op)
    if body is not None and spec_body is not None:
        call.arguments["body"] = to_python(hints["body"], body)
        content = sent_content(current_spec(), op, body) or spec_body.content
        call.content, call.body = content, wire_body(content, body)
    return call


def example_call(op: Operation, function: Callable[..., Any]) -> Call:
    return build_call(op, function, example_parameters(op), example_request_body(op))
