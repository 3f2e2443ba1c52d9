"""Call any operation of openapi.yaml through the generated client against a scripted httpx transport.
Shared by the wire, resilience and error tests, so each of them loops over the spec.
"""

import asyncio
import contextlib
import functools
import inspect
import io
import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from contract.calls import UPLOAD, example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.spec_model import Operation, Success, current_spec, example_value, operations, success_response
from pipeline.__main__ import main as pipeline_main
from pipeline.generate.pagination import Pages, paginated
from pipeline.project import current
from pipeline.spec.openapi import pointer_tokens, walk
from pipeline.spec.operation_names import operation_names

SPEC = current_spec()
OPERATIONS = operations(SPEC)
TOKEN = "test-token-7f3a9c"  # made up; it must reach the wire and nowhere else
BASE_URL = "https://api.example.test"
TEXT_BODY = "plain text, as served"

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Recorder:
    """An httpx transport handler that keeps each request and gives the scripted replies in turn.

    A reply is a response, an exception to raise (a transport error, say) or a function of the request.
    The last reply repeats.
    """

    def __init__(self, *replies: Reply) -> None:
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


def documented_success(op: Operation) -> Success:
    """The operation's first documented success, for a test whose cases each document one."""
    success = success_response(SPEC, op)
    assert success is not None, f"{op.id} documents no success"
    return success


def success_reply(op: Operation) -> httpx.Response:
    """The operation's first documented success (200 when it documents none), with a body that fits it."""
    return reply_for(success_response(SPEC, op) or Success(200, None))


def credentials() -> dict[str, str]:
    """A value for each credential the generated client takes, so that every operation can be called whatever
    its security: TOKEN is the default's (token=, or http basic's password=), and each other holds it."""
    keywords = import_generated("client").AuthenticatedClient.credential_keywords() or ["token"]
    default = "token" if "token" in keywords else "password"
    given = {keyword: f"{TOKEN}-{keyword}" for keyword in keywords}
    return {**given, default: TOKEN, **({"username": "test-user"} if "username" in keywords else {})}


def skip_unless_token_in_a_header() -> tuple[tuple[str, ...], ...]:
    """The security (for `client.request(security=...)`) that asks for the scheme carrying `token` in a
    header (auth_header_name), which the spec's default security need not name (Spotify's states none, each
    operation its own); skips where no scheme does: http basic's are tests/test_auth_scheme.py's."""
    schemes = import_generated("client").AuthenticatedClient.SCHEMES.items()
    names = [name for name, scheme in schemes if scheme.place == "header" and scheme.keywords == ("token",)]
    if not names:
        pytest.skip("openapi.yaml has no scheme that sends a token in a header (http basic's: test_auth_scheme.py)")
    return ((names[0],),)


def callers_own_headers(op: Operation) -> dict[str, str]:
    """Where every alternative the operation offers needs an http scheme the client cannot send (as `DSN`;
    left to the caller, runtime/_base_client.py), the Authorization header a caller would add; else {}."""
    spec = current_spec()
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    words = []
    for requirement in op.spec.get("security", spec.get("security")) or []:
        found = [schemes.get(name) or {} for name in requirement]
        http = [str(s.get("scheme")) for s in found if s.get("type") == "http"]
        unsendable = [word for word in http if word.lower() not in ("basic", "bearer")]
        if not unsendable:
            return {}
        words.append(unsendable[0])
    return {"Authorization": f"{words[0]} made-up-credential-{TOKEN}"} if words else {}


def client_for(handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> Any:
    transport = httpx.MockTransport(handler)
    options.setdefault("httpx_args", {"transport": transport})
    options.setdefault("base_url", BASE_URL)
    return import_generated("client").AuthenticatedClient(**{**credentials(), **options})


def call(
    op: Operation, handler: Callable[[httpx.Request], httpx.Response], mode: str = "sync_detailed", **options: Any
) -> tuple[Any, Any]:
    """Call the operation's function `mode` (sync, asyncio, sync_detailed or asyncio_detailed) with example
    arguments; return what it returned and the Call that says what must have been sent."""
    function = getattr(endpoint_module(op.key), mode)
    planned = example_call(op, function)
    result = function(client=client_for(handler, **options), **planned.arguments)
    return (asyncio.run(result) if mode.startswith("asyncio") else result), planned


def cases(found: list[Any], absent: str, arity: int = 1) -> list[Any]:
    """A test's cases from the spec, or when it has none, one skipped case that says so: a test that ran
    on nothing must not pass as if it had checked something. `absent`: "no ..." as openapi.yaml has it."""
    if found:
        return found
    return [pytest.param(*[None] * arity, marks=pytest.mark.skip(reason=f"openapi.yaml has {absent}"))]


def tree_attributes() -> dict[str, str]:
    """Group package -> its attribute on the client, read from the client's properties (`_group_<tag>.X`)."""
    client = import_generated("client").AuthenticatedClient
    found = {}
    for name, member in inspect.getmembers(client):
        annotation = str(getattr(getattr(member, "fget", None), "__annotations__", {}).get("return", ""))
        match = re.fullmatch(r"_group_(\w+)\.\w+(\[\w+\])?", annotation)  # `[Raises]`: generic in it
        if match:
            found[match.group(1)] = name
    return found


@functools.cache
def spec_pages() -> dict[tuple[str, str], Pages]:
    """(method, path) -> how it pages, for the operations that page, as the pipeline finds them."""
    project = current()
    pages = paginated(SPEC, operation_names(SPEC, project.operation_overrides, project.field_prefix))
    return {(page.method, page.path): page for page in pages.values()}


def paged_operations() -> list[Operation]:
    """The operations that page, as the pipeline finds them (they have iterate())."""
    return [op for op in OPERATIONS if op.key in spec_pages()]


def pages_of(op: Operation) -> Pages:
    return spec_pages()[op.key]


def spec_slice(spec: dict[str, Any], keep: int | Collection[tuple[str, str]]) -> dict[str, Any]:
    """The spec with its first `keep` operations only (or those whose (method, path) `keep` holds), and the
    components they refer to (transitively): the same kinds of thing, small enough that generating or
    diffing it takes a second whatever the spec's size."""
    paths = spec.get("paths") or {}
    if isinstance(keep, int):
        kept = [op.key for op in operations(spec)[:keep]]
    else:
        kept = [(method, path) for method, path in keep if method in (paths.get(path) or {})]
    # OpenAPI 3.1's webhooks are requests the API sends, which the client has no call for: left out.
    sliced = {key: value for key, value in spec.items() if key not in ("paths", "components", "webhooks")}
    sliced["paths"] = {}
    for method, path in kept:
        item = sliced["paths"].setdefault(
            path, {k: v for k, v in paths[path].items() if k in ("parameters", "servers")}
        )
        item[method] = paths[path][method]
    components: dict[str, dict[str, Any]] = {}
    if "securitySchemes" in (spec.get("components") or {}):
        components["securitySchemes"] = spec["components"]["securitySchemes"]
    pending = [sliced]  # the paths kept, and anything else that refers to a component
    while pending:
        node = pending.pop()
        for found, _ in walk(node):
            ref = found.get("$ref") if isinstance(found, dict) else None
            if isinstance(ref, str) and ref.startswith("#/components/"):
                kind, name = pointer_tokens(ref)[1:3]
                if name not in components.setdefault(kind, {}):
                    components[kind][name] = spec["components"][kind][name]
                    pending.append(components[kind][name])
    if components:
        sliced["components"] = components
    return sliced


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_pipeline(*args: str) -> Run:
    """`python -m pipeline <args>`, in this process (its imports are made once for the whole session)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = pipeline_main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


# A one-operation spec whose result has a status enum: what a waiter (pipeline/generate/waiters.py) polls.
THINGS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Things", "version": "1"},
    "paths": {
        "/v1/things/{thing_id}": {
            "get": {
                "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The thing", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["status"],
                    "properties": {"status": {"type": "string", "enum": ["PENDING", "READY", "FAILED"]}},
                }}}}},
            }
        }
    },
}  # fmt: skip
