"""openapi-core, an independent implementation of OpenAPI, judges the requests the generated client sends.

openapi-core ships adapters for requests, werkzeug and others, not httpx; this is the small adapter.
"""

import copy
import functools
from typing import Any
from urllib.parse import parse_qsl

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.spec_model import current_spec


class HttpxOpenAPIRequest:
    """An httpx.Request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request):
        self.request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc.decode()}"

    @property
    def path(self) -> str:
        return self.request.url.raw_path.decode().split("?")[0]  # still percent-encoded, as a router splits it

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self.request.content or None

    @property
    def content_type(self) -> str:
        return self.request.headers.get("content-type", "")


@functools.cache
def openapi() -> Any:
    return OpenAPI.from_dict(type_lists_as_any_of(current_spec()))


def type_lists_as_any_of(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with each parameter schema's `type: [A, B]` written `anyOf: [{type: A}, {type: B}]`.

    Same meaning; openapi-core 0.23.1 raises TypeError on a type list when it casts a parameter.
    """
    spec = copy.deepcopy(spec)

    def fix(parameter: Any) -> None:
        schema = parameter.get("schema") if isinstance(parameter, dict) else None
        if isinstance(schema, dict) and isinstance(schema.get("type"), list):
            kinds = schema.pop("type")
            rest = {key: schema.pop(key) for key in list(schema) if key not in ("description", "default", "title")}
            schema["anyOf"] = [{"type": kind, **(rest if kind != "null" else {})} for kind in kinds]

    for item in (spec.get("paths") or {}).values():
        for node in [item, *(op for op in item.values() if isinstance(op, dict))]:
            for parameter in node.get("parameters") or [] if isinstance(node, dict) else []:
                fix(parameter)
    for parameter in ((spec.get("components") or {}).get("parameters") or {}).values():
        fix(parameter)
    return spec


class RequestRejected(AssertionError):
    """openapi-core found the request invalid for the spec."""


def assert_valid(request: httpx.Request) -> None:
    errors = request_errors(request)
    if errors:
        raise RequestRejected("openapi-core rejects the request: " + "; ".join(errors))


def request_errors(request: httpx.Request) -> list[str]:
    """What openapi-core finds wrong with the request, one line each; [] when it is valid."""
    result = openapi().unmarshal_request(HttpxOpenAPIRequest(request))
    return [_describe(error) for error in result.errors]


def _describe(error: BaseException) -> str:
    """The error and, from its causes, each schema violation's one-line message."""
    details = []
    cause: BaseException | None = error
    while cause is not None:
        inner = [getattr(e, "message", str(e))[:200] for e in getattr(cause, "schema_errors", [])]
        details += inner or [str(cause).split("\n")[0][:200]]
        cause = cause.__cause__ or cause.__context__
    return ": ".join(details)
