"""openapi-core, an implementation of OpenAPI independent of the generator, judges what goes over the
wire: the requests the generated client sends (the contract tests) and the responses a server gives
back (make contract-live).

openapi-core ships adapters for requests, werkzeug and others, not httpx; these are the small adapters.
"""

import copy
import functools
import json
import re
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.unmarshalling.schemas import oas30_format_unmarshallers
from openapi_schema_validator import oas30_format_checker, oas31_format_checker
from werkzeug.datastructures import Headers, ImmutableMultiDict

from contract.spec_model import (
    current_spec,
    declared_properties,
    every_server,
    first_content,
    media_kind,
    path_pattern,
    required_names,
    resolve,
    server_url,
)
from pipeline.spec.openapi import as_routed, operations, schema_holders, schemas

# The one server openapi-core is told of: each request is judged as if sent there, its path taken relative
# to the server it was sent to (the spec's, Prism's, a test's). One openapi-core object serves them all.
JUDGED_AT = "http://judged.invalid"


class HttpxOpenAPIRequest:
    """An httpx.Request, sent to `server`, seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request, server: str):
        self.request = request
        self.base_path = base_path(request, server)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(_cookies(request.headers.get("cookie", ""))),
            path=_path_values(request.method, self.path),
        )

    @property
    def host_url(self) -> str:
        return JUDGED_AT

    @property
    def path(self) -> str:
        path = self.request.url.raw_path.decode().split("?")[0]  # still percent-encoded, as a router splits it
        return path[len(self.base_path) :] if path.startswith(self.base_path + "/") else path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self.request.content or None

    @property
    def content_type(self) -> str:
        return str(self.request.headers.get("content-type", ""))


def base_path(request: httpx.Request, server: str) -> str:
    """The path of the server the request was sent to, which comes before the spec's paths: `server`'s,
    or where the request went elsewhere (a path item's or an operation's own server), that one's."""
    sent = request.url.raw_path.decode().split("?")[0]
    origin = f"{request.url.scheme}://{request.url.netloc.decode()}"
    for url in [server] + [server_url(s) for s in every_server(current_spec())]:
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        if f"{parts.scheme}://{parts.netloc}" == origin and (sent.startswith(path + "/") or sent == path):
            return path
    return urlsplit(server).path.rstrip("/")


def _cookies(header: str) -> list[tuple[str, str]]:
    cookies: SimpleCookie = SimpleCookie()
    cookies.load(header)
    return [(name, morsel.value) for name, morsel in cookies.items()]


class HttpxOpenAPIResponse:
    """An httpx.Response seen through openapi-core's Response protocol."""

    def __init__(self, response: httpx.Response):
        self.response = response

    @property
    def data(self) -> bytes:
        return self.response.content

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", ""))

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.multi_items()))


def _json_with_parameters(value: bytes | str, **parameters: str) -> Any:
    return json.loads(value)


@functools.cache
def openapi(only: str = "") -> Any:
    """openapi-core for openapi.yaml, served from JUDGED_AT; with `only`, for that path alone (judge_for)."""
    spec = without_mutual_tls(type_lists_as_any_of(as_routed(current_spec())))  # no `#fragment` in a path key
    spec = form_fields_declared(nullable_parameter_arrays_as_arrays(spec))
    if only:
        spec["paths"] = {only: spec["paths"][only]}
    # Every server, the paths' and operations' own too (openapi-core looks for the request's there first):
    # each request's path is taken relative to the server it was sent to (HttpxOpenAPIRequest.base_path).
    for holder in [spec, *_server_holders(spec)]:
        holder["servers"] = [{"url": JUDGED_AT}]
    # An http scheme's name is case-insensitive (RFC 9110); openapi-core 0.23.1 compares the sent one, lowered,
    # with the spec's as written, so `scheme: DSN` could never match.
    for scheme in ((spec.get("components") or {}).get("securitySchemes") or {}).values():
        if isinstance(scheme, dict) and scheme.get("type") == "http" and isinstance(scheme.get("scheme"), str):
            scheme["scheme"] = scheme["scheme"].lower()
    # openapi-core knows application/json and a few others by name; any +json type is JSON too (RFC 6838).
    # It hands a media type's parameters (`application/json; version=1.2.3`) to the reader: JSON has none to use.
    json_types = {
        str(location[-1]): _json_with_parameters
        for _, location in schema_holders(spec)
        if location[-2:-1] == ("content",) and media_kind(str(location[-1])) == "json"
    }
    # No spec_validator_cls: `make generate` has checked this document with the same openapi-spec-validator
    # (pipeline/spec/spec_check.py); checking it again would cost 5 s on a 183-operation spec in each process.
    config = Config(
        extra_media_type_deserializers=json_types,  # type: ignore[arg-type]
        extra_format_validators=dict.fromkeys(_formats_unknown_to_openapi_core(spec), _any_value),
        spec_validator_cls=None,  # type: ignore[arg-type]
    )
    return OpenAPI.from_dict(spec, config=config)


# The formats openapi-core 0.23.1 checks or reads; it refuses every value of any other format (its issue
# #515, FormatterNotFoundError), where JSON Schema takes an unknown format as an annotation (Twilio's
# `iso-country-code`, Box's `url`, even `uri`): those are told to accept any value.
KNOWN_FORMATS = {*oas30_format_checker.checkers, *oas31_format_checker.checkers, *oas30_format_unmarshallers}


def _formats_unknown_to_openapi_core(spec: dict[str, Any]) -> set[str]:
    found = {schema.get("format") for schema, _ in schemas(spec)}
    return {name for name in found if isinstance(name, str)} - KNOWN_FORMATS


def _any_value(value: Any) -> bool:
    return True


def _server_holders(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The path items and operations that name servers of their own."""
    items = [item for item in (spec.get("paths") or {}).values() if isinstance(item, dict)]
    operations = [op for item in items for op in item.values() if isinstance(op, dict)]
    return [holder for holder in items + operations if "servers" in holder]


def type_lists_as_any_of(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with each schema's `type: [A, B]` written `anyOf: [{type: A, ...}, {type: B, ...}]`.

    Same meaning; openapi-core 0.23.1 raises TypeError on a type list where it casts a parameter or a
    multipart part.
    """
    spec = copy.deepcopy(spec)
    for schema, _ in list(schemas(spec)):
        if isinstance(schema.get("type"), list):
            kinds = schema.pop("type")
            rest = {key: schema.pop(key) for key in list(schema) if key not in ("description", "default", "title")}
            schema["anyOf"] = [{"type": kind, **(rest if kind != "null" else {})} for kind in kinds]
    return spec


def nullable_parameter_arrays_as_arrays(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec (a copy of its own: changed in place) with each parameter whose schema is an array or null
    (Mistral's `anyOf: [{type: array}, {type: null}]`) given the array's: openapi-core 0.23.1 reads such a
    query parameter as one string, and null has no form in a query, path, header or cookie, so the meaning
    is the same."""
    for op in operations(spec):
        for parameter in [*(op.item.get("parameters") or []), *(op.operation.get("parameters") or [])]:
            parameter = resolve(spec, parameter)
            schema = parameter.get("schema") if isinstance(parameter, dict) else None
            branches = [b for key in ("anyOf", "oneOf") for b in (schema or {}).get(key) or []]
            arrays = [b for b in branches if (resolve(spec, b) or {}).get("type") == "array"]
            if len(arrays) == 1 and all(b is arrays[0] or resolve(spec, b) == {"type": "null"} for b in branches):
                parameter["schema"] = arrays[0]
    return spec


def form_fields_declared(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec (a copy of its own: changed in place) with each name a form body's schema requires without
    declaring (Box's revocation requires `grant_type`) declared as any value, which means the same:
    openapi-core 0.23.1 reads only the declared fields of a form or multipart body, so it never saw one sent."""
    for op in operations(spec):
        body = resolve(spec, op.operation.get("requestBody") or {})
        for media, content in ((body or {}).get("content") or {}).items():
            schema = resolve(spec, (content or {}).get("schema"))
            if media_kind(str(media)) not in ("form", "multipart") or not isinstance(schema, dict):
                continue
            undeclared = set(required_names(spec, schema)) - set(declared_properties(spec, schema))
            if undeclared:
                schema["properties"] = {**(schema.get("properties") or {}), **{name: {} for name in sorted(undeclared)}}
    return spec


def without_mutual_tls(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec without the security requirements that name a mutualTLS scheme, which openapi-core 0.23.1
    does not know (a KeyError) and no request shows (a client certificate is the connection's)."""
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    tls = {name for name, scheme in schemes.items() if isinstance(scheme, dict) and scheme.get("type") == "mutualTLS"}
    if not tls:
        return spec
    holders = [spec] + [op.operation for op in operations(spec)]
    for holder in holders:
        if isinstance(holder.get("security"), list):
            holder["security"] = [r for r in holder["security"] if not (isinstance(r, dict) and tls & r.keys())]
    for name in tls:
        del schemes[name]
    return spec


class RequestRejected(AssertionError):
    """openapi-core found the request invalid for the spec."""


def assert_valid(request: httpx.Request, server: str) -> None:
    errors = request_errors(request, server)
    if errors:
        raise RequestRejected("openapi-core rejects the request: " + "; ".join(errors))


@functools.cache
def _routes() -> list[tuple[str, frozenset[str]]]:
    """Each path template openapi-core is given, with its methods."""
    spec = as_routed(current_spec())
    items = [(template, resolve(spec, item)) for template, item in (spec.get("paths") or {}).items()]
    return [(template, frozenset(item)) for template, item in items if isinstance(item, dict)]


def _route(method: str, path: str) -> str:
    """The template a server routes the request to, where several match it (Exoscale's `/instance/{id}`
    beside `/instance/{id}:reboot`): the fewest parameters, then the most fixed text, as OpenAPI has
    concrete paths matched first. "" where at most one matches."""
    found = [template for template, methods in _routes() if method.lower() in methods and _matches(template, path)]
    if len(found) < 2:
        return ""
    return min(found, key=lambda template: (len(path_pattern(template)[1]), -len(re.sub(r"\{[^{}]*\}", "", template))))


def judge_for(request: HttpxOpenAPIRequest) -> Any:
    """openapi-core, told the path where several templates match the request: openapi-core 0.23.1 may take
    the one with a parameter where the spec has the concrete path."""
    return openapi(_route(request.method, request.path))


def request_errors(request: httpx.Request, server: str) -> list[str]:
    """What openapi-core finds wrong with the request sent to `server`, one line each; [] when it is valid."""
    judged = HttpxOpenAPIRequest(request, server)
    result = judge_for(judged).unmarshal_request(judged)
    return [_describe(error) for error in result.errors]


def response_errors(request: httpx.Request, response: httpx.Response, server: str) -> list[str]:
    """What does not match the spec in the response to `request` ("<where>: <why>" each); [] when it does.

    A `format: binary` body is checked for its media type only: openapi-core 0.23.1 reads it as bytes and
    then, for a 3.1 spec, rejects bytes as not a string.
    """
    if _binary_body(request, response, server):
        return []
    judged = HttpxOpenAPIRequest(request, server)
    result = judge_for(judged).unmarshal_response(judged, HttpxOpenAPIResponse(response))
    return [_describe(error, located=True) for error in result.errors]


def _binary_body(request: httpx.Request, response: httpx.Response, server: str) -> bool:
    spec, base = current_spec(), base_path(request, server)
    sent = request.url.raw_path.decode("ascii").split("?")[0]  # as sent: a value's own "/" stays %2F, one segment
    path = sent[len(base) :] if sent.startswith(base) else sent
    for template, item in (spec.get("paths") or {}).items():
        operation = resolve(spec, item).get(request.method.lower())
        if operation is None or not _matches(template, path):
            continue
        documented = resolve(spec, (operation.get("responses") or {}).get(str(response.status_code)))
        content = first_content(spec, (documented or {}).get("content"))
        received = response.headers.get("content-type", "").split(";")[0]
        return bool(content and content.kind == "binary" and received == content.media_type.split(";")[0])
    return False


def _path_values(method: str, path: str) -> dict[str, str]:
    """The path parameters as the server reads them, percent-decoded (openapi-core 0.23.1 checks them as
    sent: `ä` is 6 characters long there), from the template the request is judged by (_route)."""
    chosen = _route(method, path)
    for template, methods in _routes():
        pattern, names = path_pattern(template.rstrip("/"))
        matched = pattern.fullmatch(path.rstrip("/"))
        if matched and method.lower() in methods and template == (chosen or template):
            return dict(zip(names, map(unquote, matched.groups()), strict=True))
    return {}


def _matches(template: str, path: str) -> bool:
    return path_pattern(template.rstrip("/"))[0].fullmatch(path.rstrip("/")) is not None


def _reach(error: Any) -> tuple[int, int]:
    """How deep into the value a schema error (or the deepest of a union's branch errors) got, then through
    how many unions: a branch that failed inside a nested union got further than one that failed at once."""
    inner = [_reach(found) for found in getattr(error, "context", None) or []]
    return max([len(error.absolute_path), *(depth for depth, _ in inner)]), 1 + max(n for _, n in inner) if inner else 0


def _describe(error: BaseException, located: bool = False) -> str:
    """Each schema violation among the error's causes, one short message each (with where, if asked);
    where there is none, the error's first line."""
    violations = []
    cause: BaseException | None = error
    while cause is not None:
        for schema_error in getattr(cause, "schema_errors", []):
            # A union no branch takes: the deepest error of its branches, the one the value got furthest
            # into, says where it breaks (Box's file entry: its shared_link lacks `accessed`).
            while getattr(schema_error, "context", None):
                schema_error = max(schema_error.context, key=_reach)
            message = getattr(schema_error, "message", str(schema_error))
            shown = repr(getattr(schema_error, "instance", None))
            if len(shown) > 40:  # the value itself would fill the line: say "the value"
                message = message.replace(shown, "the value")
            where = ".".join(["body", *map(str, getattr(schema_error, "absolute_path", []))])
            violations.append(f"{where}: {message[:200]}" if located else message[:200])
        cause = cause.__cause__ or cause.__context__
    return ": ".join(dict.fromkeys(violations)) or str(error).split("\n")[0][:200]
