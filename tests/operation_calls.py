"""Call any operation of openapi.yaml through the generated client, with spec-valid arguments, against a
scripted httpx transport. Shared by the wire, resilience and error tests, so each of them loops over the spec.
"""

import asyncio
import json
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
from openapi_schema_validator import OAS30Validator, OAS31Validator

from tests.curl_sample import curl_sample
from tests.generated_package import endpoint_modules, import_generated
from tests.generator_names import python_name
from tests.multipart import multipart_fields
from tests.python_values import to_python
from tests.schema_strategies import same_json
from tests.spec_model import (
    Content,
    Operation,
    Success,
    current_spec,
    example_value,
    operations,
    request_body,
    resolve,
    success_response,
)

SPEC = current_spec()
OPERATIONS = operations(SPEC)
MODULES = endpoint_modules()
# Rooted at the spec, so component $refs resolve; the dialect follows the spec's version.
SPEC_VALIDATOR = (OAS31Validator if str(SPEC["openapi"]).startswith("3.1") else OAS30Validator)(SPEC)
TOKEN = "test-token-7f3a9c"  # made up; it must reach the wire and nowhere else
BASE_URL = "https://api.example.test"
# Bytes for every binary field: the stock template's fixed multipart boundary, then every byte value.
UPLOAD = (
    b'\r\n--+++\r\nContent-Disposition: form-data; name="injected"\r\n\r\n' + bytes(range(256)) + b"\r\n--+++--\r\n"
)
TEXT_BODY = "plain text, as served"

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Recorder:
    """An httpx transport handler that keeps each request and gives the scripted replies in turn.

    A reply is a response, an exception to raise (a transport error, say) or a function of the request.
    The last reply repeats.
    """

    def __init__(self, *replies: Reply):
        self.replies = list(replies) or [httpx.Response(200)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)


def json_reply(status: int, body: Any = None, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers) if body is not None else httpx.Response(status)


def reply_for(success: Success, body: Any = None) -> httpx.Response:
    """A response with the success's status and a body of its media type (a small example unless given)."""
    content = success.content
    if content is None:
        return httpx.Response(success.status)
    headers = {"content-type": content.media_type}
    if content.kind == "json":
        value = example_value(SPEC, content.schema) if body is None else body
        return httpx.Response(success.status, content=json.dumps(value).encode(), headers=headers)
    if content.kind == "text":
        return httpx.Response(success.status, content=(TEXT_BODY if body is None else body).encode(), headers=headers)
    return httpx.Response(success.status, content=UPLOAD if body is None else body, headers=headers)


def success_reply(op: Operation) -> httpx.Response:
    """The operation's first documented success (200 when it documents none), with a body that fits it."""
    return reply_for(success_response(SPEC, op) or Success(200, None))


def client_for(handler: Callable[[httpx.Request], httpx.Response], **options: Any):
    transport = httpx.MockTransport(handler)
    options.setdefault("httpx_args", {"transport": transport})
    options.setdefault("base_url", BASE_URL)
    return import_generated("client").AuthenticatedClient(token=TOKEN, **options)


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
    path: str  # percent-encoded, as on the wire
    query: list[tuple[str, str]]  # sorted
    headers: dict[str, str]  # header parameters
    cookies: dict[str, str]
    content: Content | None  # the request body's media type, when a body is sent
    body: Any  # as wire_body gives it

    def assert_sent(self, request: httpx.Request) -> None:
        """The request carries exactly this; timestamps may be written another way for the same instant."""
        assert request.url.raw_path.decode().split("?")[0] == self.path
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
    call = Call({}, op.path, [], {}, {}, None, None)
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
            call.path = call.path.replace("{" + name + "}", quote(wire_text(value), safe=""))
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


def call(op: Operation, handler: Callable[[httpx.Request], httpx.Response], mode: str = "sync", **options: Any):
    """Call the operation's `*_detailed` function with example arguments; return (response, the Call)."""
    module = MODULES[(op.method, op.path)]
    function = module.sync_detailed if mode == "sync" else module.asyncio_detailed
    planned = example_call(op, function)
    result = function(client=client_for(handler, **options), **planned.arguments)
    response = asyncio.run(result) if mode == "async" else result
    return response, planned
