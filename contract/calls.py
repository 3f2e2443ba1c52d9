"""How to call any operation of openapi.yaml through the generated client, and what the request must
then carry: arguments by the generator's own Python names, the wire form of every parameter and body
(JSON, form, multipart, octet-stream). Used by the tests, the benchmarks and `make contract-live`.
"""

import datetime
import json
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx
from openapi_schema_validator import OAS30Validator, OAS31Validator

from contract.curl_sample import curl_sample
from contract.generator_names import python_name
from contract.multipart import multipart_fields
from contract.python_values import to_python
from contract.spec_model import Content, Operation, current_spec, example_value, request_body, resolve

SPEC = current_spec()
# Rooted at the spec, so component $refs resolve; the dialect follows the spec's version.
SPEC_VALIDATOR = (OAS31Validator if str(SPEC["openapi"]).startswith("3.1") else OAS30Validator)(SPEC)
# Bytes for every binary field: the stock template's fixed multipart boundary, then every byte value.
UPLOAD = (
    b'\r\n--+++\r\nContent-Disposition: form-data; name="injected"\r\n\r\n' + bytes(range(256)) + b"\r\n--+++--\r\n"
)


def same_json(left: Any, right: Any) -> bool:
    """Equal as JSON, with two timestamps equal when they name the same instant (Z and +00:00, say)."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(left[key], right[key]) for key in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_json(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, str) and isinstance(right, str) and left != right:
        try:
            return datetime.datetime.fromisoformat(left) == datetime.datetime.fromisoformat(right)
        except ValueError:
            return False
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def wire_text(value: Any) -> str:
    """A scalar as httpx writes it into a query, header or form: JSON's true/false, else str()."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def wire_pairs(name: str, value: Any) -> list[tuple[str, str]]:
    """What a query or form field becomes on the wire: one pair a value, none for null."""
    if value is None:
        return []
    return (
        [pair for item in value for pair in wire_pairs(name, item)]
        if isinstance(value, list)
        else [(name, wire_text(value))]
    )


def binary_fields(schema: Any) -> set[str]:
    properties = resolve(SPEC, schema).get("properties") or {}
    return {name for name, prop in properties.items() if resolve(SPEC, prop).get("format") == "binary"}


def wire_body(content: Content, value: Any) -> Any:
    """The body that must arrive for `value` (a JSON value of the schema; bytes or text where binary)."""
    if content.kind == "json":
        return value
    if content.kind == "form":
        return sorted(pair for key, item in value.items() for pair in wire_pairs(key, item))
    if content.kind == "multipart":  # a part per value: an array is repeated parts, a file its bytes
        binary = binary_fields(content.schema)
        return {
            key: [part(item, key in binary) for item in (values if isinstance(values, list) else [values])]
            for key, values in value.items()
            if values is not None
        }
    return value if isinstance(value, bytes) else str(value).encode()


def part(value: Any, binary: bool) -> bytes:
    if isinstance(value, bytes):
        return value
    return (str(value) if binary else wire_text(value)).encode()


def sent_body(content: Content, request: httpx.Request) -> Any:
    """The body the request carries, read as `wire_body` writes it."""
    if content.kind == "json":
        return json.loads(request.content)
    if content.kind == "form":
        return sorted(parse_qsl(request.content.decode(), keep_blank_values=True))
    if content.kind == "multipart":
        return multipart_fields(request.headers.get("content-type", ""), request.content)
    return request.content


def example_body(content: Content) -> Any:
    """A small body for the content: binary fields and octet-stream bodies carry UPLOAD."""
    if content.kind == "binary":
        return UPLOAD
    value = example_value(SPEC, content.schema)
    if content.kind == "multipart":
        return {**value, **{name: UPLOAD for name in binary_fields(content.schema) if name in value}}
    return value


@dataclass
class Call:
    """Keyword arguments for an operation's function, and what the request must then carry."""

    arguments: dict[str, Any]
    template: str  # the path template
    path_values: dict[str, str]  # each path parameter, as the server must read it back
    query: list[tuple[str, str]]  # sorted
    headers: dict[str, str]  # header parameters
    cookies: dict[str, str]
    content: Content | None  # the request body's media type, when a body is sent
    body: Any  # as wire_body gives it

    def assert_sent(self, request: httpx.Request) -> None:
        """The request carries exactly this; timestamps may be written another way for the same instant."""
        sent = request.url.raw_path.decode().split("?")[0].split("/")
        template = self.template.split("/")
        assert len(sent) == len(template), f"path {'/'.join(sent)} for {self.template}"
        for expected, actual in zip(template, sent, strict=True):
            if expected.startswith("{") and expected.endswith("}"):  # the server decodes it back to the value
                assert unquote(actual) == self.path_values[expected[1:-1]], f"path {'/'.join(sent)}"
            else:
                assert actual == expected, f"path {'/'.join(sent)} for {self.template}"
        query = sorted(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        assert same_json([list(pair) for pair in query], [list(pair) for pair in self.query]), f"query {query}"
        for name, value in self.headers.items():
            assert same_json(request.headers.get(name), value), f"header {name}: {request.headers.get(name)!r}"
        cookie_header = request.headers.get("cookie", "")
        sent_cookies = dict(part.split("=", 1) for part in cookie_header.split("; ") if part)
        assert same_json(sent_cookies, self.cookies), f"cookies {cookie_header!r}"
        if self.content is None:
            assert request.content == b""
        else:
            assert request.headers["content-type"].split(";")[0] == self.content.media_type.split(";")[0]
            assert same_json(sent_body(self.content, request), self.body), "the body differs from what was given"


def path_value(parameter: dict[str, Any]) -> Any:
    # A free-form string that needs escaping: the path must carry it percent-encoded, not split at the slash.
    schema = resolve(SPEC, parameter.get("schema", {}))
    if schema.get("type") == "string" and not {"format", "enum", "const", "pattern"} & set(schema):
        return "id 1/ä"
    return example_value(SPEC, schema)


def example_parameters(op: Operation) -> dict[tuple[str, str], Any]:
    """A value for each path and required parameter."""
    values = {}
    for parameter in op.parameters:
        key = (parameter["in"], parameter["name"])
        if parameter["in"] == "path":
            values[key] = path_value(parameter)
        elif parameter.get("required"):
            values[key] = example_value(SPEC, parameter.get("schema", {}))
    return values


def example_request_body(op: Operation) -> Any:
    """The body to send: the curl sample's when it fits the schema, else the schema's; None when optional.

    Baseten's generated samples often put null where the schema requires a value; the schema wins.
    """
    body = request_body(SPEC, op)
    if body is None:
        return None
    sample = curl_sample(op.spec)
    if body.content.kind == "json" and sample is not None and sample.data is not None:
        if not any(SPEC_VALIDATOR.evolve(schema=body.content.schema).iter_errors(sample.data)):
            return sample.data
    if body.required or sample is not None and sample.data is not None:
        return example_body(body.content)
    return None


def build_call(op: Operation, function: Callable[..., Any], values: dict[tuple[str, str], Any], body: Any) -> Call:
    """The call that passes `values` ((location, name) -> JSON value) and `body` (None: no body)."""
    hints = typing.get_type_hints(function)
    call = Call({}, op.path, {}, [], {}, {}, None, None)
    for parameter in op.parameters:
        location, name = parameter["in"], parameter["name"]
        if location not in ("path", "query", "header", "cookie"):
            continue
        if (location, name) in values:
            value = values[(location, name)]
            python = python_name(op.method, op.path, location, name)
            call.arguments[python] = to_python(hints[python], value)
        else:
            value = resolve(SPEC, parameter.get("schema", {})).get("default")  # sent when not given
        if value is None:
            continue
        if location == "path":
            call.path_values[name] = wire_text(value)
        elif location == "query":
            call.query += wire_pairs(name, value)
        elif location == "header":
            call.headers[name] = wire_text(value)
        else:
            call.cookies[name] = wire_text(value)
    call.query.sort()
    spec_body = request_body(SPEC, op)
    if body is not None and spec_body is not None:
        call.arguments["body"] = to_python(hints["body"], body)
        call.content, call.body = spec_body.content, wire_body(spec_body.content, body)
    return call


def example_call(op: Operation, function: Callable[..., Any]) -> Call:
    return build_call(op, function, example_parameters(op), example_request_body(op))
