"""The API behind testing.FakeBaseten: an httpx transport that answers every operation of the spec
in-process, after checking the request against it, keeping what the routes say is kept.

- Routes: a request is matched to its operation as a server would (a literal segment before a
  parameter: `/deployments/development` before `/deployments/{deployment_id}`), and checked first: the
  auth the spec's security asks for, every path, query, header and cookie parameter against its schema
  (typed from its text as the spec says: an integer, a boolean, an array of repeated names, an exploded
  object), and the body against its media type's schema (JSON, form, multipart, text). Anything the spec
  does not allow is a SpecViolation naming the parameter or field, raised to the caller.
- Answers: the operation's first documented success, its body made from the schema (_schema.Examples:
  the same on every run; a date-time is the clock's moment).
- State, read from the paths: `P/{id}` below a literal `P` is an item of the collection `P` (a
  resource), its schema the item GET's result (or the list's, where that result wraps it). POST `P`
  creates one (keyed by the body's field of that name, an upsert that updates the one there is, as
  Baseten's secrets by name; else by a new key, `deployment-1`, its `id` a new one too), GET `P` lists
  them (paged by `limit`, where the operation pages), GET, PATCH, PUT and DELETE `P/{id}` read, change
  and remove one (then 404), and an
  operation below `P/{id}` (`.../promote`) answers about it. A path with GET and PATCH or PUT and no
  collection is one document. An item is made up on first read unless `autocreate` is off. A result
  that holds the item, or one the path names (`{"model": ..., "deployment": ...}`), holds the stored
  ones; fields named like a path parameter (`model_id`) hold its value.
- Waiters (generator-config.yaml `waiters:`): an item of a polled operation starts at the waiter's first
  success value; a script moves a field through values, one step every N reads of that operation.
- Faults: the next N calls of an operation answer a status (429 with Retry-After and `retry_after` in
  the body), time out, or lose the connection.

Hand-written (runtime/ in the generator's repository), the same for every spec; only testing.py loads it.
"""

import asyncio
import copy
import datetime
import json
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx

from ._schema import Examples, Schemas, excerpt

START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)  # the fake clock's zero: timestamps start here
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IGNORED_HEADERS = {"accept", "content-type", "authorization"}  # OpenAPI: a parameter of these names is ignored
ANY_OPERATION = "*"
REASONS = {429: "Rate limit exceeded", 404: "Not found", 500: "Internal server error", 503: "Service unavailable"}


class SpecViolation(AssertionError):
    """A request the spec does not allow: `.route` (`POST /v1/api_keys`), `.operation` (`api_keys.create_api_key`)
    and `.problems`, one line each, naming the parameter or field (`body.type: "PERSONL" is not one of ...`).
    Where a route has two operations of one method (path keys told apart by a `#fragment`) and the request
    fits neither, `.operation` names both (`a or b`) and each problem says which it is of (`as a: ...`).

    An AssertionError: sending it is a mistake in the code under test, and the test fails where it was sent.
    """

    def __init__(self, route: str, operation: str, problems: list[str]) -> None:
        self.route, self.operation, self.problems = route, operation, problems
        named = f"{route} ({operation})" if operation else route
        super().__init__(f"{named} breaks the spec: " + "; ".join(problems))


@dataclass(frozen=True)
class Call:
    """One request the fake received, as sent: values typed as the spec's schemas say (`limit=5`, not "5")."""

    operation: str  # as the client names it, "models.get_deployment" ("" for a path the spec lacks)
    route: str  # "GET /v1/models/{model_id}/deployments/{deployment_id}"
    path_params: dict[str, Any]  # by the spec's names
    query: dict[str, Any]  # by the spec's names; a name sent more than once holds a list
    body: Any  # JSON as a value; form and multipart fields as a dict; text as str; anything else as bytes
    status: int | None  # what the fake answered; None for no answer (a timeout, a dropped connection, a violation)
    request: httpx.Request = field(repr=False, compare=False)  # the whole request, headers included


class FakeClock:
    """The time the client's waits run on while a FakeBaseten is open: a waiter's polls and the pauses
    between retries move it on at once (`sleeps` records each), and timestamps the fake makes read it."""

    def __init__(self) -> None:
        self.now = 0.0  # seconds since the fake was made
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)  # still a point where other tasks run

    def advance(self, seconds: float) -> None:
        """Move the clock on, as if `seconds` had passed."""
        self.now += seconds

    @property
    def moment(self) -> datetime.datetime:
        """Now, as a date-time: START, plus how far the clock has moved."""
        return START + datetime.timedelta(seconds=self.now)


@dataclass
class Route:
    method: str  # lower case
    template: str
    operation: dict[str, Any]
    parameters: list[dict[str, Any]]  # path-level and operation-level, refs resolved
    name: str  # group.name
    pattern: re.Pattern[str]
    names: list[str]  # the template's parameters, in order
    rank: tuple[int, ...]  # per segment: 0 literal, 1 with a parameter (the lowest matches first)
    prefix: str | None = None  # its own server's path ("/v2"), where the spec serves it from one (None: base_url's)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.template}"


@dataclass
class Resource:
    """Items kept by the fake: those of a collection (`collection` set) or one document (`key` "")."""

    item: str  # the template of one item
    collection: str  # the template of its collection; "" for a document
    key: str  # the path parameter naming one item; "" for a document
    field: str | None  # the item's property holding that key, where it has one
    schema: Any  # one item's schema (a node of the spec)
    noun: str  # "deployment": new keys are `deployment-1`, ...
    params: list[str]  # the item template's parameters, in order
    wrapper: str | None = None  # the field of the item GET's result that holds the item, where it wraps it
    made: int = 0  # keys made so far
    key_schema: Any = None  # the path parameter's schema: a new key fits it too (a UUID where it says uuid)

    def inner(self, path: tuple[str, ...]) -> tuple[str, ...] | None:
        """A field of the item GET's result as a field of the item (None: outside it)."""
        if self.wrapper is None:
            return path
        return path[1:] if len(path) > 1 and path[0] == self.wrapper else None


@dataclass
class Fault:
    route: str  # a route's label, or ANY_OPERATION
    kind: int | str  # an HTTP status, "timeout" or "disconnect"
    left: int
    retry_after: float | None
    body: Any


@dataclass
class Script:
    route: str  # the GET whose reads move it on
    resource: Resource
    path: tuple[str, ...]  # the field, property names outermost first
    values: list[Any]
    reads: int
    params: dict[str, str]  # only items with these path parameters
    seen: dict[tuple[Any, ...], int] = field(default_factory=dict)


NO_BODY = object()


class FakeAPI:
    """The spec's operations, answered in-process; `transport` is the httpx transport to send them to."""

    def __init__(
        self, data: dict[str, Any], *, clock: FakeClock | None = None, base_path: str = "", autocreate: bool = True
    ) -> None:
        self.data = data
        self.schemas = Schemas(data)
        self.clock = clock or FakeClock()
        self.base_path = base_path.rstrip("/")
        self.autocreate = autocreate
        self.lock = threading.RLock()
        self.calls: list[Call] = []
        self.violations: list[SpecViolation] = []
        self.objects: dict[tuple[Any, ...], Any] = {}  # (item template, path values...) -> the item
        self.gone: set[tuple[Any, ...]] = set()  # deleted: 404 from then on
        self.faults: list[Fault] = []
        self.scripts: list[Script] = []
        names = data.get("operations") or {}
        servers = data.get("servers") or {}
        self.routes: list[Route] = []
        for template, item in (data.get("paths") or {}).items():
            item = self.schemas.resolve(item)
            for method in METHODS:
                if isinstance(item, dict) and isinstance(item.get(method), dict):
                    name = str(names.get(f"{method.upper()} {template}", ""))
                    route = _route(method, template, item, self.schemas, name)
                    if name in servers:  # the client sends it under its server's path (BaseClient.url_at)
                        route.prefix = httpx.URL(servers[name]).raw_path.decode("ascii").rstrip("/")
                    self.routes.append(route)
        self.by_label = {route.label: route for route in self.routes}
        self.by_name = {route.name: route for route in self.routes if route.name}
        self.pages: dict[str, dict[str, Any]] = data.get("pages") or {}
        self.waiters: dict[str, dict[str, Any]] = data.get("waiters") or {}
        self.resources = self._resources()
        self.collections = {r.collection: r for r in self.resources.values() if r.collection}
        self.transport = httpx.MockTransport(self.handle)

    # -- what the paths say is kept ----------------------------------------------------------------

    def _resources(self) -> dict[str, Resource]:
        by_template: dict[str, dict[str, Route]] = {}
        for route in self.routes:
            by_template.setdefault(route.template, {})[route.method] = route
        found: dict[str, Resource] = {}
        for template, methods in by_template.items():
            segments = template.split("/")
            key = re.fullmatch(r"\{([^{}/]+)\}", segments[-1])
            parent = "/".join(segments[:-1])
            parent_methods = by_template.get(parent, {})
            if key and len(segments) > 2 and "{" not in segments[-2] and ("get" in methods or "get" in parent_methods):
                schema = self.success_schema(methods["get"]) if "get" in methods else None
                listing = parent_methods.get("get")
                listed = self.list_items(self.success_schema(listing)) if listing else None
                wrapper = self._wrapper(schema, listed) if schema is not None and listed is not None else None
                if schema is None or wrapper is not None:
                    schema = listed  # what the list holds; the GET wraps it (`{"training_project": {...}}`)
                if schema is not None and "object" in self.schemas.types(schema):
                    properties = self.schemas.properties(schema)
                    name = key.group(1)
                    candidates = [name, name.rsplit("_", 1)[-1], "id", "name"]
                    own = next((c for c in candidates if c in properties), None)
                    noun = _singular(segments[-2])
                    found[template] = Resource(template, parent, name, own, schema, noun, _names(template), wrapper)
                    found[template].key_schema = next(
                        (_parameter_schema(p) for r in methods.values() for p in r.parameters
                         if p.get("in") == "path" and p.get("name") == name),
                        None,
                    )  # fmt: skip
                    continue
            if "get" in methods and ("patch" in methods or "put" in methods or self._polled(template)):
                schema = self.success_schema(methods["get"])
                if schema is not None and "object" in self.schemas.types(schema):
                    found[template] = Resource(template, "", "", None, schema, "", _names(template))
        return found

    def _wrapper(self, schema: Any, inner: Any) -> str | None:
        """The field of `schema` that holds an `inner`, where `schema` is not one itself."""
        if self.schemas.same_schema(schema, inner):
            return None
        found = (name for name, sub in self.schemas.properties(schema).items() if self.schemas.same_schema(sub, inner))
        return next(found, None)

    def _polled(self, template: str) -> bool:
        return any(waiter.get("route") == f"GET {template}" for waiter in self.waiters.values())

    def success(self, route: Route) -> tuple[int, str | None, Any]:
        """The first documented success: (status, media type or None for no body, schema or None)."""
        responses = {str(key): value for key, value in (route.operation.get("responses") or {}).items()}
        chosen = next((k for k in responses if k.upper() == "2XX" or (k.isdigit() and k.startswith("2"))), None)
        if chosen is None:
            chosen = "default" if "default" in responses else None
        if chosen is None:
            return 200, None, None
        status = int(chosen) if chosen.isdigit() else 200
        content = (self.schemas.resolve(responses[chosen]) or {}).get("content") or {}
        media = _first_media(content)
        if media is None:
            return status, None, None
        return status, media, (content[media] or {}).get("schema", {})

    def success_schema(self, route: Route) -> Any:
        _, media, schema = self.success(route)
        return schema if media is not None and _media_kind(media) == "json" else None

    def list_items(self, schema: Any) -> Any:
        """The items schema of a list result: an array's, or that of an object's one array property."""
        if schema is None:
            return None
        items = self.schemas.array_items(schema)
        if items is not None and "object" not in self.schemas.types(schema):
            return items
        arrays = [sub for sub in self.schemas.properties(schema).values() if "array" in self.schemas.types(sub)]
        return self.schemas.array_items(arrays[0]) if len(arrays) == 1 else None

    # -- handling a request ------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self.lock:
            return self._handle(request)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode("ascii", "replace").split("?", 1)[0]
        matched, reason = self._match(request.method.lower(), path)
        if not matched:
            label = f"{request.method} {self._without_base(path)}"
            self._refuse(request, label, "", {}, {}, None, [reason])
        # Two operations of one method and route (path keys told apart by a `#fragment`, as Mistral's
        # streaming variants): one the request fits, as a server tells them apart by what is sent; of
        # several, the one that requires the most of what was sent (Box's `#get_shared_link` requires the
        # `fields` its route's plain GET takes), else the first.
        judged = [self._judge(route, raw, request) for route, raw in matched]
        fitting = [(route, raw, found) for (route, raw), found in zip(matched, judged, strict=True) if not found[0]]
        route, raw, (problems, path_params, query, body) = (
            max(fitting, key=lambda fit: _requires(fit[0])) if fitting else (*matched[0], judged[0])
        )
        name = route.name
        if problems and len(matched) > 1:  # it fits none, and could be either: what each would need
            name = " or ".join(r.name or r.label for r, _ in matched)
            problems = [
                f"as {r.name or r.label}: {p}" for (r, _), found in zip(matched, judged, strict=True) for p in found[0]
            ]
        if problems:
            self._refuse(request, route.label, name, path_params, query, body, problems)
        fault = self._take_fault(route)
        status: int | None = None
        try:
            if fault is not None:
                response = self._fault(route, request, fault)
            else:
                response = self._answer(route, {k: str(v) for k, v in raw.items()}, query, body)
            status = response.status_code
            return response
        finally:
            self.calls.append(Call(route.name, route.label, path_params, query, body, status, request))

    def _refuse(
        self,
        request: httpx.Request,
        label: str,
        name: str,
        path_params: dict[str, Any],
        query: dict[str, Any],
        body: Any,
        problems: list[str],
    ) -> None:
        self.calls.append(Call(name, label, path_params, query, body, None, request))
        violation = SpecViolation(label, name, problems)
        self.violations.append(violation)
        raise violation

    def _judge(
        self, route: Route, raw: dict[str, str], request: httpx.Request
    ) -> tuple[list[str], dict[str, Any], dict[str, Any], Any]:
        """What is wrong with the request as `route`'s, and its path parameters, query and body as read."""
        problems = self._auth(route, request)
        path_params = self._path(route, raw, problems)
        query = self._query(route, request, problems)
        self._headers(route, request, problems)
        body = self._body(route, request, problems)
        return problems, path_params, query, body

    def _match(self, method: str, sent: str) -> tuple[list[tuple[Route, dict[str, str]]], str]:
        """The routes of `method` whose templates match the path most literally (several where path keys
        differ by a `#fragment`, or by a parameter's name), each with its path parameters; else none, and why."""
        matched = []
        for route in self.routes:
            path = self._under(route, sent)
            found = None if path is None else route.pattern.fullmatch(path)
            if found:
                matched.append((route, found))
        if not matched:
            return [], f"no operation of the spec has the path {self._without_base(sent)}"
        at_path = [(route, found) for route, found in matched if route.method == method]
        if not at_path:
            allowed = sorted({route.method.upper() for route, _ in matched})
            return [], f"the spec has no {method.upper()} at this path (it has {', '.join(allowed)})"
        best = min(route.rank for route, _ in at_path)
        return [
            (route, {name: unquote(value) for name, value in zip(route.names, found.groups(), strict=True)})
            for route, found in at_path
            if route.rank == best
        ], ""

    def _under(self, route: Route, path: str) -> str | None:
        """The path the route's template is matched against: without its own server's path in front, where
        it has one (None where that is not there), else as _without_base() gives it."""
        if route.prefix is None:
            return self._without_base(path)
        if path == route.prefix or path.startswith(route.prefix + "/"):
            return path[len(route.prefix) :] or "/"
        return None

    def _without_base(self, path: str) -> str:
        """The path without base_url's path (a server's base path, e.g. /v1) in front, where it is there."""
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            return path[len(self.base_path) :] or "/"
        return path

    # -- checking the request ----------------------------------------------------------------------

    def _auth(self, route: Route, request: httpx.Request) -> list[str]:
        requirements = route.operation.get("security", self.data.get("security"))
        if not requirements:
            return []
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        wanted = []
        for requirement in requirements:
            if not requirement:
                return []  # `{}`: no auth is one of the choices
            unmet = [name for name in requirement if not self._carries(schemes.get(name) or {}, request)]
            if not unmet:
                return []
            wanted.append(" and ".join(_scheme(schemes.get(name) or {}, name) for name in requirement))
        return [f"auth: the request carries no {' or '.join(wanted)}, which the spec's security asks for"]

    @staticmethod
    def _carries(scheme: dict[str, Any], request: httpx.Request) -> bool:
        kind = scheme.get("type")
        if kind == "apiKey":
            name, place = str(scheme.get("name", "")), scheme.get("in")
            if place == "query":
                return name in dict(parse_qsl(request.url.query.decode("ascii", "replace"), keep_blank_values=True))
            if place == "cookie":
                return name in _cookies(request)
            return bool(request.headers.get(name))
        authorization = str(request.headers.get("authorization", ""))
        if kind == "http":
            word = str(scheme.get("scheme", "")).lower()
            return authorization.lower().startswith(word + " ") if word in ("bearer", "basic") else bool(authorization)
        if kind in ("oauth2", "openIdConnect"):
            return authorization.lower().startswith("bearer ")
        return True

    def _typed(self, text: str, schema: Any, where: str) -> tuple[Any, list[str]]:
        """A parameter's text as the value its schema takes: 5 for "5" where an integer is asked, true for
        "true" where a boolean is, the text itself otherwise; with the problems of the best reading."""
        kinds = self.schemas.types(schema)
        candidates: list[Any] = []
        if kinds & {"integer", "number"}:
            try:
                candidates.append(int(text))
            except ValueError:
                try:
                    number = float(text)
                    if math.isfinite(number):
                        candidates.append(number)
                except ValueError:
                    pass
        if "boolean" in kinds and text in ("true", "false"):
            candidates.append(text == "true")
        if kinds & {"object", "array"} and text[:1] in ("{", "["):
            try:
                candidates.append(json.loads(text))
            except ValueError:
                pass
        candidates.append(text)
        if "null" in kinds and text == "":
            candidates.append(None)  # how a query writes a null item of an array
        first: list[str] | None = None
        for candidate in candidates:
            found = self.schemas.problems(schema, candidate, where, request=True)
            if not found:
                return candidate, []
            first = found if first is None else first
        return candidates[0], first or []

    def _path(self, route: Route, raw: dict[str, str], problems: list[str]) -> dict[str, Any]:
        declared = {p["name"]: p for p in route.parameters if p.get("in") == "path"}
        values = {}
        for name, text in raw.items():
            parameter = declared.get(name, {})
            value, found = self._typed(text, _parameter_schema(parameter), f"path parameter {name}")
            values[name] = value
            problems += found
        return values

    def _query(self, route: Route, request: httpx.Request, problems: list[str]) -> dict[str, Any]:
        sent: dict[str, list[str]] = {}
        for name, text in parse_qsl(request.url.query.decode("ascii", "replace"), keep_blank_values=True):
            sent.setdefault(name, []).append(text)
        values: dict[str, Any] = {}
        claimed: set[str] = set()
        for parameter in route.parameters:
            if parameter.get("in") != "query":
                continue
            name, schema = str(parameter["name"]), _parameter_schema(parameter)
            where = f"query parameter {name}"
            kinds = self.schemas.types(schema)
            style = str(parameter.get("style", "form"))
            if style == "deepObject":  # filter[status]=ACTIVE: each property under the parameter's name
                present = {key[len(name) + 1 : -1]: texts for key, texts in sent.items() if key.startswith(f"{name}[")}
                claimed.update(f"{name}[{key}]" for key in present)
                properties = self.schemas.properties(schema)
                value = {
                    key: self._typed(texts[-1], properties.get(key, {}), f"{where}[{key}]")[0]
                    for key, texts in present.items()
                }
                if present or parameter.get("required"):
                    values[name] = value
                    problems += self.schemas.problems(schema, value, where, request=True)
            elif name in sent and not parameter.get("explode", style == "form") and "content" not in parameter:
                claimed.add(name)  # one text, an array's items (an object's keys and values) joined
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                values[name] = self._joined(schema, sent[name][-1], separator, where, problems)
            elif name in sent:
                claimed.add(name)
                values[name] = self._sent_value(parameter, schema, sent[name], where, problems)
            elif "object" in kinds and "array" not in kinds and "content" not in parameter:
                # form style, exploded (the only one the client sends): each property as a name of its own
                properties = self.schemas.properties(schema)
                present = {key: sent[key] for key in properties if key in sent}
                claimed.update(present)
                value = {
                    key: self._typed(texts[-1], properties[key], f"{where}.{key}")[0] for key, texts in present.items()
                }
                if present or parameter.get("required"):  # an empty object sends nothing: it may be one
                    values[name] = value
                    problems += self.schemas.problems(schema, value, where, request=True)
            elif parameter.get("required"):
                problems.append(f"{where}: required, not sent")
        credentials = self._credential_query(route)  # an API key is not recorded with the call
        for name, texts in sent.items():
            if name not in claimed and name not in credentials:
                values[name] = texts[0] if len(texts) == 1 else texts
        return values

    def _credential_query(self, route: Route) -> set[str]:
        """The query parameters an apiKey scheme of the operation's security travels in."""
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        requirements = route.operation.get("security", self.data.get("security")) or []
        found = [schemes.get(name) or {} for requirement in requirements for name in requirement]
        return {str(s.get("name")) for s in found if s.get("type") == "apiKey" and s.get("in") == "query"}

    def _joined(self, schema: Any, text: str, separator: str, where: str, problems: list[str]) -> Any:
        kinds = self.schemas.types(schema)
        parts = text.split(separator)
        if "array" in kinds:
            items = self.schemas.array_items(schema) or {}
            value: Any = [self._typed(part, items, f"{where}[{i}]")[0] for i, part in enumerate(parts)] if text else []
        elif "object" in kinds and len(parts) % 2 == 0:
            properties = self.schemas.properties(schema)
            value = {
                key: self._typed(part, properties.get(key, {}), f"{where}.{key}")[0]
                for key, part in zip(parts[::2], parts[1::2], strict=True)
            }
        else:
            value, found = self._typed(text, schema, where)
            problems += found
            return value
        problems += self.schemas.problems(schema, value, where, request=True)
        return value

    def _sent_value(
        self, parameter: dict[str, Any], schema: Any, texts: list[str], where: str, problems: list[str]
    ) -> Any:
        if "content" in parameter:  # a parameter sent as JSON text
            try:
                value = json.loads(texts[-1])
            except ValueError:
                problems.append(f"{where}: {excerpt(texts[-1])} is not JSON, as its content type asks")
                return texts[-1]
            problems += self.schemas.problems(schema, value, where, request=True)
            return value
        items = self.schemas.array_items(schema) if "array" in self.schemas.types(schema) else None
        if items is not None:
            value = [self._typed(text, items, f"{where}[{i}]")[0] for i, text in enumerate(texts)]
            problems += self.schemas.problems(schema, value, where, request=True)
            return value
        if len(texts) > 1:
            problems.append(f"{where}: sent {len(texts)} times, where the spec takes one value")
        value, found = self._typed(texts[0], schema, where)
        problems += found
        return value

    def _headers(self, route: Route, request: httpx.Request, problems: list[str]) -> None:
        cookies = None
        for parameter in route.parameters:
            place, name = parameter.get("in"), str(parameter.get("name", ""))
            if place == "header" and name.lower() not in IGNORED_HEADERS:
                text, where = request.headers.get(name), f"header {name}"
            elif place == "cookie":
                cookies = _cookies(request) if cookies is None else cookies
                text, where = cookies.get(name), f"cookie {name}"
            else:
                continue
            schema = _parameter_schema(parameter)
            if text is None:
                if parameter.get("required"):
                    problems.append(f"{where}: required, not sent")
                continue
            items = self.schemas.array_items(schema) if "array" in self.schemas.types(schema) else None
            if items is not None:  # simple style: comma-separated
                value = [self._typed(part, items, where)[0] for part in text.split(",")] if text else []
                problems += self.schemas.problems(schema, value, where, request=True)
            else:
                problems += self._typed(text, schema, where)[1]

    def _body(self, route: Route, request: httpx.Request, problems: list[str]) -> Any:
        declared = self.schemas.resolve(route.operation.get("requestBody"))
        raw, content_type = request.content, request.headers.get("content-type", "")
        content = declared.get("content") if isinstance(declared, dict) else None
        if not content:
            return raw or None
        if not raw:  # (the client may name a media type for a body it leaves out)
            if declared.get("required"):
                problems.append("body: required, not sent")
            return None
        media = _matching_media(content, content_type)
        if media is None:
            problems.append(
                f"body: sent as {content_type or 'no content type'}, where the spec takes {', '.join(content)}"
            )
            return raw
        schema = (content[media] or {}).get("schema")
        kind = _media_kind(content_type)
        if kind == "json":
            try:
                value = json.loads(raw)
            except ValueError as error:
                problems.append(f"body: not JSON ({error})")
                return raw
            if schema is not None:
                problems += self.schemas.problems(schema, value, "body", request=True)
            return value
        if kind in ("form", "multipart"):
            fields = _form_fields(raw) if kind == "form" else _multipart_fields(content_type, raw)
            if fields is None:
                problems.append(f"body: not {content_type}")
                return raw
            value = self._typed_fields(fields, schema)
            if schema is not None:
                problems += self.schemas.problems(schema, _checkable(value), "body", request=True)
            return value
        if kind == "text":
            text = raw.decode("utf-8", "replace")
            if schema is not None and self.schemas.types(schema) <= {"string"}:
                problems += self.schemas.problems(schema, text, "body", request=True)
            return text
        return raw

    def _typed_fields(self, fields: dict[str, list[Any]], schema: Any) -> dict[str, Any]:
        properties = self.schemas.properties(schema) if schema is not None else {}
        typed: dict[str, Any] = {}
        for name, values in fields.items():
            sub = properties.get(name, {})
            items = self.schemas.array_items(sub) if "array" in self.schemas.types(sub) else None
            read = [self._field_value(v, items if items is not None else sub) for v in values]
            typed[name] = read if items is not None or len(read) > 1 else read[0]
        return typed

    def _field_value(self, value: Any, schema: Any) -> Any:
        return self._typed(value, schema, "")[0] if isinstance(value, str) else value

    # -- answering ---------------------------------------------------------------------------------

    def examples(self) -> Examples:
        return Examples(self.schemas, self.clock.moment)

    def _answer(self, route: Route, params: dict[str, str], query: dict[str, Any], body: Any) -> httpx.Response:
        status, media, schema = self.success(route)
        resource = self.resources.get(route.template)
        collection = self.collections.get(route.template)
        item: Any = None
        focus: Resource | None = None
        if resource is not None:
            focus, item = resource, self._existing(resource, params)
            if item is None:
                return self._not_found(route, resource, params)
            if route.method == "get":
                self._run_scripts(route, resource, params, item)
            elif route.method in ("patch", "put"):
                item = self._update(resource, params, item, body, replace=route.method == "put")
            elif route.method == "delete":
                key = self.key_of(resource, params)
                self.objects.pop(key, None)
                if resource.collection:
                    self.gone.add(key)
        elif collection is not None and route.method == "post":
            focus, item = collection, self._create(collection, params, body)
        elif collection is not None and route.method == "get":
            if media is None or schema is None:
                return httpx.Response(status)
            value = self._list(route, collection, params, query, schema)
            return _json_response(status, media, value)
        else:
            owner = self._owner(route)
            if owner is not None:
                focus, item = owner, self._existing(owner, params)
                if item is None:
                    return self._not_found(route, owner, params)
        if media is None:
            return httpx.Response(status)
        kind = _media_kind(media)
        if kind == "json":
            value = self._render(schema, focus, item, params)
            return _json_response(status, media, value)
        if kind == "text":
            return httpx.Response(status, headers={"content-type": media}, content=b"text")
        return httpx.Response(status, headers={"content-type": media}, content=b"\x00fake-bytes\xff")

    def _owner(self, route: Route) -> Resource | None:
        """The resource an operation below one of its items acts on (`.../{deployment_id}/promote`)."""
        best = None
        for resource in self.resources.values():
            if resource.collection and route.template.startswith(resource.item + "/"):
                if best is None or len(resource.item) > len(best.item):
                    best = resource
        return best

    def key_of(self, resource: Resource, params: dict[str, str]) -> tuple[Any, ...]:
        return (resource.item, *(str(params.get(name, "")) for name in resource.params))

    def _existing(self, resource: Resource, params: dict[str, str]) -> Any:
        """The stored item; one made up and kept, where none is and the fake makes them up; None for 404."""
        key = self.key_of(resource, params)
        if key in self.objects:
            return self.objects[key]
        if resource.collection and (key in self.gone or not self.autocreate):
            return None
        item = self.new_item(resource, params)
        self.objects[key] = item
        return item

    def new_item(self, resource: Resource, params: dict[str, str], given: Any = None, strict: bool = False) -> Any:
        """An item made from its schema: a waiter's field at its first success value, fields named like a
        path parameter holding its value, then what `given` says (each field that fits; all, or
        ValueError, where `strict`)."""
        item = self.examples().value(resource.schema)
        if not isinstance(item, dict):
            return item
        for waiter in self.waiters.values():
            path = resource.inner(tuple(waiter["field"]))
            if waiter.get("route") == f"GET {resource.item}" and waiter.get("success") and path:
                self.set_field(item, path, waiter["success"][0], resource.schema)
        self._with_params(item, resource.schema, params, resource)
        if isinstance(given, dict):
            if strict:
                item = _merged(item, given)
                found = self.schemas.problems(resource.schema, item, resource.noun or "item")
                if found:
                    raise ValueError("; ".join(found))
            else:
                self._merge_fitting(item, given, resource.schema)
        return item

    def _with_params(
        self, value: dict[str, Any], schema: Any, params: dict[str, str], resource: Resource | None = None
    ) -> None:
        """Fields named like a path parameter hold its value (where it fits); an item's key field, its key."""
        properties = self.schemas.properties(schema)
        for name, text in params.items():
            if name in properties:
                typed, found = self._typed(text, properties[name], "")
                if not found:
                    value[name] = typed
        if resource is not None and resource.field and resource.key in params and resource.field in properties:
            typed, found = self._typed(params[resource.key], properties[resource.field], "")
            if not found:
                value[resource.field] = typed

    def _merge_fitting(self, item: dict[str, Any], given: dict[str, Any], schema: Any) -> None:
        properties = self.schemas.properties(schema)
        for name, value in given.items():
            if name in properties:
                merged = _merged(item.get(name), value)
                if self.schemas.fits(properties[name], merged):
                    item[name] = merged

    def _create(self, resource: Resource, params: dict[str, str], body: Any) -> Any:
        key = None
        if resource.field and isinstance(body, dict) and body.get(resource.field) not in (None, ""):
            key = str(body[resource.field])  # an upsert by that field: the same name is the same item
        if key is None:
            key = self.new_key(resource, params)
        item_params = {**params, resource.key: key}
        stored = self.key_of(resource, item_params)
        existing = self.objects.get(stored)
        if isinstance(existing, dict) and isinstance(body, dict):  # an upsert of one there is: an update
            self._merge_fitting(existing, body, resource.schema)
            return existing
        item = self.new_item(resource, item_params, body)
        properties = self.schemas.properties(resource.schema)
        if isinstance(item, dict) and resource.field != "id" and "id" in properties:
            item["id"] = self._fresh(resource, properties["id"])  # keyed by its name, its id still its own
        self.objects[stored] = item
        self.gone.discard(stored)
        return item

    def new_key(self, resource: Resource, params: dict[str, str]) -> str:
        schema = self.schemas.properties(resource.schema).get(resource.field or "", {"type": "string"})
        while True:
            key = str(self._fresh(resource, schema, resource.key_schema))
            if self.key_of(resource, {**params, resource.key: key}) not in self.objects:
                return key

    def _fresh(self, resource: Resource, schema: Any, path_schema: Any = None) -> Any:
        """The next id of a resource's items (`deployment-1`, a number, a UUID: what the field takes, and
        the path parameter naming an item, where it is given)."""
        resource.made += 1
        n = resource.made
        for text in (f"{resource.noun}-{n}", str(n), f"00000000-0000-4000-8000-{n:012d}"):
            value, problems = self._typed(text, schema, "")
            if path_schema is not None and not problems:
                problems = self._typed(text, path_schema, "")[1]
            if not problems:
                return value
        return f"{resource.noun}-{n}"

    def _update(self, resource: Resource, params: dict[str, str], item: Any, body: Any, replace: bool) -> Any:
        if replace:
            item = self.new_item(resource, params, body)
        elif isinstance(item, dict) and isinstance(body, dict):
            self._merge_fitting(item, body, resource.schema)
        self.objects[self.key_of(resource, params)] = item
        return item

    def _render(self, schema: Any, focus: Resource | None, item: Any, params: dict[str, str]) -> Any:
        """The result: the item itself where its schema is the item's; else a value made from the schema,
        holding the item (and the items the path names) where it has a field of their schema, its fields
        where it shares them (a tombstone's id), and the path's values in fields named like them."""
        if focus is not None and item is not None and self.schemas.same_schema(schema, focus.schema):
            return copy.deepcopy(item)
        value = self.examples().value(schema)
        if not isinstance(value, dict) or "object" not in self.schemas.types(schema):
            return value
        properties = self.schemas.properties(schema)
        if focus is not None and isinstance(item, dict):
            for name, sub in properties.items():
                if name in item and not isinstance(item[name], dict | list) and self.schemas.fits(sub, item[name]):
                    value[name] = item[name]
        self._with_params(value, schema, params)
        for name, sub in properties.items():
            if focus is not None and item is not None and self.schemas.same_schema(sub, focus.schema):
                value[name] = copy.deepcopy(item)
                continue
            for other in self.resources.values():
                if other is not focus and other.collection and all(p in params for p in other.params):
                    if self.schemas.same_schema(sub, other.schema):
                        found = self._existing(other, params)
                        if found is not None:
                            value[name] = copy.deepcopy(found)
                        break
        return value

    def _list(
        self, route: Route, resource: Resource, params: dict[str, str], query: dict[str, Any], schema: Any
    ) -> Any:
        parent = [str(params.get(name, "")) for name in resource.params[:-1]]
        items = [item for key, item in self.objects.items() if key[0] == resource.item and list(key[1:-1]) == parent]
        item_schema = self.list_items(schema)
        if item_schema is not None and not self.schemas.same_schema(item_schema, resource.schema):
            items = [self._render(item_schema, resource, item, params) for item in items]
        else:
            items = [copy.deepcopy(item) for item in items]
        value = self.examples().value(schema)
        if isinstance(value, list):
            return items
        if not isinstance(value, dict):
            return value
        properties = self.schemas.properties(schema)
        arrays = [name for name, sub in properties.items() if "array" in self.schemas.types(sub)]
        pages = self.pages.get(route.label)
        name = pages["items"] if pages else (arrays[0] if len(arrays) == 1 else None)
        if name is None:
            return value
        if pages:
            cursor = query.get(pages["parameter"])
            start = int(cursor) if isinstance(cursor, str | int) and str(cursor).isdigit() else 0
            limit = query.get("limit")
            size = limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else len(items)
            following = start + size if start + size < len(items) else None
            items = items[start : start + size]
            self.set_field(value, tuple(pages["next"]), None if following is None else str(following), schema)
            if pages.get("has_more"):
                self.set_field(value, tuple(pages["has_more"]), following is not None, schema)
        value[name] = items
        self._with_params(value, schema, params)
        return value

    def _not_found(self, route: Route, resource: Resource, params: dict[str, str]) -> httpx.Response:
        key = params.get(resource.key, "")
        return self.error_response(route, 404, f"no {resource.noun} {key!r}" if key else "Not found")

    # -- scripts, faults -------------------------------------------------------------------------------

    def set_field(self, value: dict[str, Any], path: tuple[str, ...], new: Any, schema: Any) -> None:
        """Set `path` (property names, outermost first) in `value` to `new`, making the objects on the way
        from their schemas. None stands for the field, or one on its path, null or absent, as a waiter
        reads it: the deepest that may be null is set so, or else left out where it is optional."""
        nodes: list[tuple[dict[str, Any], Any]] = []
        node, node_schema = value, schema
        for name in path[:-1]:
            nodes.append((node, node_schema))
            sub = self.schemas.properties(node_schema).get(name, {})
            if not isinstance(node.get(name), dict):
                if new is None:
                    return  # already null or absent on the way
                branch = next((b for b in self.schemas.branches(sub) if "properties" in b), sub)
                made = self.examples().value(branch)
                node[name] = made if isinstance(made, dict) else {}
            node, node_schema = node[name], sub
        nodes.append((node, node_schema))
        if new is not None:
            node[path[-1]] = new
            return
        for depth in range(len(path), 0, -1):
            holder, holder_schema = nodes[depth - 1]
            name = path[depth - 1]
            sub = self.schemas.properties(holder_schema).get(name, {})
            if self.schemas.fits(sub, None):
                holder[name] = None
                return
            required = {r for b in self.schemas.branches(holder_schema) for r in b.get("required") or []}
            if name not in required:
                holder.pop(name, None)
                return
        raise ValueError(f"{'.'.join(path)}: neither it nor a field on its path may be null or absent")

    def _run_scripts(self, route: Route, resource: Resource, params: dict[str, str], item: Any) -> None:
        for script in self.scripts:
            if script.route != route.label or not isinstance(item, dict):
                continue
            if any(str(params.get(name)) != value for name, value in script.params.items()):
                continue
            key = self.key_of(resource, params)
            reads = script.seen.get(key, 0)
            script.seen[key] = reads + 1
            self.set_field(
                item, script.path, script.values[min(reads // script.reads, len(script.values) - 1)], resource.schema
            )

    def _take_fault(self, route: Route) -> Fault | None:
        for fault in self.faults:
            if fault.left > 0 and fault.route in (route.label, ANY_OPERATION):
                fault.left -= 1
                if fault.left == 0:
                    self.faults.remove(fault)
                return fault
        return None

    def _fault(self, route: Route, request: httpx.Request, fault: Fault) -> httpx.Response:
        if fault.kind == "timeout":
            raise httpx.ReadTimeout("timed out (a fault the test asked FakeBaseten for)", request=request)
        if fault.kind == "disconnect":
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        assert isinstance(fault.kind, int)
        return self.error_response(
            route, fault.kind, REASONS.get(fault.kind, f"HTTP {fault.kind}"), fault.retry_after, fault.body
        )

    def error_response(
        self, route: Route, status: int, reason: str, retry_after: float | None = None, body: Any = NO_BODY
    ) -> httpx.Response:
        """An error answer: `body` if given; else one made from the schema the spec documents for the
        status (its error, message or detail field saying why); else Baseten's `{"error": ...}`, with
        `retry_after` for a 429."""
        headers = {}
        if retry_after is not None:
            headers["retry-after"] = f"{retry_after:g}"
        if body is not NO_BODY:
            if isinstance(body, bytes | str):
                return httpx.Response(status, headers=headers, content=body)
            return httpx.Response(status, headers=headers, json=body)
        responses = {str(k).upper(): v for k, v in (route.operation.get("responses") or {}).items()}
        documented = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
        content = (self.schemas.resolve(documented) or {}).get("content") if documented else None
        media = _first_media(content or {})
        if media is not None and _media_kind(media) == "json":
            schema = (content or {})[media].get("schema", {})
            value = self.examples().value(schema)
            if isinstance(value, dict):
                for name in ("error", "message", "detail"):
                    if isinstance(value.get(name), str):
                        value[name] = reason
                if retry_after is not None and self.schemas.fits(schema, {**value, "retry_after": retry_after}):
                    value["retry_after"] = retry_after  # Baseten's field, where the documented body takes it
            return _json_response(status, media, value, headers)
        if media is not None and _media_kind(media) == "text":
            return httpx.Response(status, headers={**headers, "content-type": media}, content=reason.encode())
        value = {"error": reason}
        if status == 429:
            value["retry_after"] = retry_after if retry_after is not None else 1
        return httpx.Response(status, headers=headers, json=value)

    # -- what a test asks of it (testing.FakeBaseten's methods say what each does) ------------------

    def route_of(self, operation: object) -> Route:
        """The route an operation names: "models.get_deployment", "GET /v1/models/{model_id}", or the
        client's own operation (`client.models.get_deployment`, or a module function)."""
        key = _operation_key(operation)
        route = self.by_name.get(key) or self.by_label.get(key)
        if route is None:
            import difflib  # here: only a mistake needs it

            close = difflib.get_close_matches(key, [*self.by_name, *self.by_label], n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"{key!r} is not an operation of the spec{hint}")
        return route

    def resource_of(self, operation: object) -> Resource:
        route = self.route_of(operation)
        resource = self.resources.get(route.template) or self.collections.get(route.template) or self._owner(route)
        if resource is None:
            raise ValueError(f"{route.label} keeps nothing: it is not a collection, an item of one, or a document")
        return resource

    def calls_to(self, operation: object) -> list[Call]:
        label = self.route_of(operation).label
        return [call for call in self.calls if call.route == label]

    def fail(self, operation: object, failure: int | str, times: int, retry_after: float | None, body: Any) -> None:
        if not (isinstance(failure, int) and 100 <= failure <= 599) and failure not in ("timeout", "disconnect"):
            raise ValueError(f"{failure!r}: give an HTTP status, 'timeout' or 'disconnect'")
        if times < 1:
            raise ValueError(f"times={times}: at least 1")
        label = ANY_OPERATION if operation == ANY_OPERATION else self.route_of(operation).label
        if failure == 429 and retry_after is None:
            retry_after = 1
        with self.lock:
            self.faults.append(Fault(label, failure, times, retry_after, body))

    def seed(self, operation: object, given: Any, params: dict[str, str]) -> Any:
        resource = self.resource_of(operation)
        self._check_params(resource, params, "seed")
        with self.lock:
            if resource.key and resource.key not in params:
                own = given.get(resource.field) if resource.field and isinstance(given, dict) else None
                params[resource.key] = str(own) if own not in (None, "") else self.new_key(resource, params)
            missing = [name for name in resource.params if name not in params]
            if missing:
                raise ValueError(f"seed: {resource.item} needs the path parameters {', '.join(missing)}")
            try:
                made = self.new_item(resource, params, given, strict=True)
            except ValueError as error:
                raise ValueError(f"seed: the item does not fit the spec: {error}") from None
            key = self.key_of(resource, params)
            self.objects.pop(key, None)
            self.objects[key] = made
            self.gone.discard(key)
            return copy.deepcopy(made)

    def stored(self, operation: object, params: dict[str, str]) -> list[Any]:
        resource = self.resource_of(operation)
        self._check_params(resource, params, "objects")
        places = {name: resource.params.index(name) + 1 for name in params}
        with self.lock:
            return [
                copy.deepcopy(item)
                for key, item in self.objects.items()
                if key[0] == resource.item and all(key[places[name]] == value for name, value in params.items())
            ]

    def script(self, target: object, values: list[Any], reads: int, field: str | None, params: dict[str, str]) -> None:
        name = target if isinstance(target, str) else _waiter_name(target)
        if name in self.waiters:
            route = self.by_label[self.waiters[name]["route"]]
            path = tuple(self.waiters[name]["field"])
        else:
            route = self.route_of(target)
            if field is None:
                raise ValueError(f"script: {route.label}: say which field (field='status'), or name a waiter")
            path = tuple(field.split("."))
        resource = self.resources.get(route.template)
        if route.method != "get" or resource is None:
            raise ValueError(f"script: {route.label} does not read an item the fake keeps")
        inner = resource.inner(path)
        if not inner:
            raise ValueError(f"script: {'.'.join(path)} is outside the {resource.noun} {route.label} reads")
        if not values or reads < 1:
            raise ValueError("script: give at least one value, and reads of at least 1")
        self._check_params(resource, params, "script")
        with self.lock:
            sample = self.new_item(resource, {p: "x" for p in resource.params})
            for value in values:
                trial = copy.deepcopy(sample)
                self.set_field(trial, inner, value, resource.schema)
                problems = self.schemas.problems(resource.schema, trial, resource.noun or "item")
                if problems:
                    raise ValueError(f"script: {value!r} does not fit: {'; '.join(problems)}")
            self.scripts.append(Script(route.label, resource, inner, values, reads, params))

    @staticmethod
    def _check_params(resource: Resource, params: dict[str, str], action: str) -> None:
        unknown = [name for name in params if name not in resource.params]
        if unknown:
            takes = ", ".join(resource.params) or "none"
            raise ValueError(f"{action}: {resource.item} has no path parameter {unknown[0]} (it has {takes})")


def _route(method: str, template: str, path_item: dict[str, Any], schemas: Schemas, name: str) -> Route:
    operation = path_item[method]
    parameters: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in (path_item.get("parameters") or []) + (operation.get("parameters") or []):
        parameter = schemas.resolve(parameter)
        if isinstance(parameter, dict) and "name" in parameter and "in" in parameter:
            parameters[(str(parameter["in"]), str(parameter["name"]))] = parameter
    regex = "".join(  # a `#fragment` in a path key (two variants of one route, as Mistral's) is never sent
        "([^/]+)" if part.startswith("{") and part.endswith("}") else re.escape(part)
        for part in re.split(r"(\{[^{}/]+\})", template.split("#", 1)[0])
    )
    rank = tuple(1 if "{" in segment else 0 for segment in template.split("/"))
    return Route(
        method, template, operation, list(parameters.values()), name, re.compile(regex), _names(template), rank
    )


def _requires(route: Route) -> int:
    """How many of its parameters (its path's aside) a request must send to fit the route."""
    return sum(1 for parameter in route.parameters if parameter.get("required") and parameter.get("in") != "path")


def _names(template: str) -> list[str]:
    return re.findall(r"\{([^{}/]+)\}", template)


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _parameter_schema(parameter: dict[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return (media or {}).get("schema", {})
    return {}


def _scheme(scheme: dict[str, Any], name: str) -> str:
    kind = scheme.get("type")
    if kind == "apiKey":
        return f"{scheme.get('in', 'header')} {scheme.get('name')} ({name})"
    if kind == "http":
        return f"Authorization: {str(scheme.get('scheme', '')).capitalize()} <credentials> ({name})"
    return f"{name} credentials"


def _cookies(request: httpx.Request) -> dict[str, str]:
    found = {}
    for part in request.headers.get("cookie", "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            found[name] = unquote(value)
    return found


def _media_kind(media_type: str) -> str:
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "multipart/form-data":
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _first_media(content: dict[str, Any]) -> str | None:
    """The media type an answer takes: the first JSON one, else the first text one, else the first."""
    media = list(content)
    for kind in ("json", "text"):
        found = next((m for m in media if _media_kind(m) == kind), None)
        if found is not None:
            return found
    return media[0] if media else None


def _matching_media(content: dict[str, Any], content_type: str) -> str | None:
    base = content_type.split(";")[0].strip().lower()
    keys = {key: key.split(";")[0].strip().lower() for key in content}
    for key, declared in keys.items():
        if declared == base:
            return key
    for key, declared in keys.items():
        if declared == "*/*" or (declared.endswith("/*") and base.startswith(declared[:-1])):
            return key
    return None


def _json_response(status: int, media: str, value: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, headers={**(headers or {}), "content-type": media}, content=json.dumps(value).encode()
    )


def _form_fields(raw: bytes) -> dict[str, list[Any]]:
    fields: dict[str, list[Any]] = {}
    for name, value in parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True):
        fields.setdefault(name, []).append(value)
    return fields


def _multipart_fields(content_type: str, raw: bytes) -> dict[str, list[Any]] | None:
    """Each part by its name: bytes for a file, a JSON part read, text otherwise; None if not multipart."""
    boundary = re.search(r'boundary="?([^";]+)"?', content_type)
    if boundary is None:
        return None
    delimiter = b"\r\n--" + boundary.group(1).encode("latin-1")
    chunks = (b"\r\n" + raw).split(delimiter)
    if len(chunks) < 2:
        return None
    fields: dict[str, list[Any]] = {}
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = head.decode("latin-1")
        disposition = next(
            (line for line in headers.splitlines() if line.lower().startswith("content-disposition")), ""
        )
        name = re.search(r';\s*name="([^"]*)"', disposition)
        if name is None:
            continue
        part_type = next(
            (line.split(":", 1)[1].strip() for line in headers.splitlines() if line.lower().startswith("content-type")),
            "",
        )
        value: Any = data
        if "filename=" not in disposition:
            if _media_kind(part_type) == "json":
                try:
                    value = json.loads(data)
                except ValueError:
                    value = data.decode("utf-8", "replace")
            elif not part_type or _media_kind(part_type) == "text":
                value = data.decode("utf-8", "replace")
        fields.setdefault(name.group(1), []).append(value)
    return fields


def _checkable(value: Any) -> Any:
    """A form's fields as JSON Schema sees them: a file's bytes as a string (format: binary)."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, dict):
        return {key: _checkable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_checkable(item) for item in value]
    return value


def _merged(old: Any, new: Any) -> Any:
    """`new` over `old`: objects merged field by field, anything else replaced."""
    if isinstance(old, dict) and isinstance(new, dict):
        merged = dict(old)
        for key, value in new.items():
            merged[key] = _merged(old.get(key), value)
        return merged
    return copy.deepcopy(new)


def _waiter_name(target: object) -> str:
    """A waiter the client gives (`client.models.wait_for_deployment`: a WaitForDeployment) by its name."""
    kind = type(target).__name__.removeprefix("Async")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind).lower()


def _operation_key(operation: object) -> str:
    if isinstance(operation, str):
        return operation
    module = getattr(operation, "__module__", None) or type(operation).__module__
    if isinstance(module, str) and ".api." in module:
        return ".".join(module.split(".api.", 1)[1].split(".")[:2])
    raise TypeError(f"{operation!r} is not an operation: give its name, its route, or the client's operation")
