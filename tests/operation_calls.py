"""Call any operation of openapi.yaml through the generated client, with spec-valid arguments, against a
scripted httpx transport. Shared by the wire, resilience and error tests, so each of them loops over the spec.
"""

import asyncio
import typing
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
from openapi_schema_validator import OAS30Validator, OAS31Validator

from tests.curl_sample import curl_sample
from tests.generated_package import endpoint_modules, import_generated
from tests.python_values import python_name, to_python
from tests.spec_model import (
    Operation,
    current_spec,
    example_value,
    json_request_schema,
    operations,
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


def success_reply(op: Operation) -> httpx.Response:
    """The operation's first documented 2xx, with a small body that fits its schema."""
    status, schema = success_response(SPEC, op)
    return json_reply(status, example_value(SPEC, schema) if schema is not None else None)


def client_for(handler: Callable[[httpx.Request], httpx.Response], **options: Any):
    transport = httpx.MockTransport(handler)
    options.setdefault("httpx_args", {"transport": transport})
    options.setdefault("base_url", BASE_URL)
    return import_generated("client").AuthenticatedClient(token=TOKEN, **options)


def path_value(parameter: dict[str, Any]) -> Any:
    # A string that needs escaping: the path must carry it percent-encoded, not split at the slash.
    return 7 if resolve(SPEC, parameter.get("schema", {})).get("type") == "integer" else "id 1/ä"


def request_body(op: Operation) -> tuple[Any, str]:
    """The JSON body to send and where it came from: the curl sample when it fits the schema, else the schema.

    Baseten's generated samples often put null where the schema requires a value; the schema wins.
    """
    schema = json_request_schema(SPEC, op)
    sample = curl_sample(op.spec)
    if sample is not None and sample.data is not None:
        if schema is None or not any(SPEC_VALIDATOR.evolve(schema=schema).iter_errors(sample.data)):
            return sample.data, "curl sample"
    body = resolve(SPEC, op.spec.get("requestBody")) or {}
    if schema is not None and (body.get("required") or sample is not None and sample.data is not None):
        return example_value(SPEC, schema), "schema example"
    return None, "no body"


def arguments_for(op: Operation, function: Callable[..., Any]) -> tuple[dict[str, Any], str, dict[str, str], Any]:
    """Keyword arguments for the operation's function, and the path, query and JSON body they must send."""
    hints = typing.get_type_hints(function)
    arguments: dict[str, Any] = {}
    path = op.path
    for parameter in op.params_in("path"):
        value = path_value(parameter)
        arguments[python_name(parameter["name"])] = value
        path = path.replace("{" + parameter["name"] + "}", quote(str(value), safe=""))
    query = {}
    for parameter in op.params_in("query"):
        schema = resolve(SPEC, parameter.get("schema", {}))
        if parameter.get("required"):
            value = example_value(SPEC, schema)
            name = python_name(parameter["name"])
            arguments[name] = to_python(hints[name], value)
        elif schema.get("default") is not None:
            value = schema["default"]  # the generator sends an optional parameter's default explicitly
        else:
            continue
        query[parameter["name"]] = str(value).lower() if isinstance(value, bool) else str(value)
    body, _source = request_body(op)
    if body is not None:
        arguments["body"] = to_python(hints["body"], body)
    return arguments, path, query, body


def call(op: Operation, handler: Callable[[httpx.Request], httpx.Response], mode: str = "sync", **options: Any):
    """Call the operation's `*_detailed` function; return (response, expected path, expected query, body sent)."""
    module = MODULES[(op.method, op.path)]
    function = module.sync_detailed if mode == "sync" else module.asyncio_detailed
    arguments, path, query, body = arguments_for(op, function)
    result = function(client=client_for(handler, **options), **arguments)
    response = asyncio.run(result) if mode == "async" else result
    return response, path, query, body
