"""What an endpoint module says, decided in Python: templates/endpoint_module.py.jinja prints an EndpointPlan.

For each operation the generator parsed, a plan holds its names in the client tree, its route, which of
its documented responses are successes and which errors and what each is read into (the code, from
readers.py), the arguments its functions take and their types, how its body and its query parameters go
onto the wire, whether it pages, waits, is rate-limited or deprecated. The template keeps only the
layout of the module and the generator's own macros where they print what the plan says (a header's or
a cookie's conversion, a body's to the wire, a non-JSON response).

Built in the generator's process (generator.py hands the pipeline's facts to it), from the generator's own
parsed Endpoint and property objects.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.parser.properties.file import FileProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import in_double_quote_literal

from ..spec.openapi import resolve
from .naming import group_attribute
from .readers import Readers

# Stock macros the plan hands a response or a body to, where the generator's own conversion is kept:
# (name of the macro in endpoint_macros.py.jinja, its arguments) -> the code it prints.
Stock = Callable[..., str]


def _code(value: Any) -> str:
    return str(getattr(value, "as_unembedded_code", lambda: value)())


def _untrusted(value: Any) -> str:
    return str(getattr(value, "get_untrusted_value", lambda: value)())


# The generator reads a response from the first of its media types it has a reading for (0.29.1,
# parser/responses.py): JSON (and any +json), text/*, application/octet-stream.
READS = {
    "response.json()": lambda media: media == "application/json" or media.endswith("+json"),
    "response.text": lambda media: media.startswith("text/"),
    "response.content": lambda media: media == "application/octet-stream",
}


def _runtime_classes(annotation: str) -> str:
    """The class(es) isinstance() can test for an annotation: `list[Pet | Cat] | None` is `list | None`."""
    depth, outside = 0, []
    for character in annotation:
        depth += (character == "[") - (character == "]")
        if depth == 0 and character != "]":
            outside.append(character)
    return " | ".join(dict.fromkeys(part.strip() for part in "".join(outside).split("|")))


def _accept(endpoint: Any) -> str:
    """The media types the operation's documented responses are read from, in order: a server that could
    answer in several (XML first, JSON second) answers in one the client reads. None where a header
    parameter of the spec's is named Accept: the caller sets it."""
    if any(_untrusted(parameter.name).lower() == "accept" for parameter in endpoint.header_parameters):
        return ""
    found: list[str] = []
    responses = [*endpoint.responses.patterns, endpoint.responses.default]
    for response in responses:
        read = READS.get(str(response.source["attribute"])) if response is not None else None
        if read is None:  # no body
            continue
        written = [_untrusted(media).strip() for media in getattr(response.data, "content", None) or {}]
        if response.source["attribute"] == "response.content":  # bytes: each media type but JSON and text
            chosen = [
                media
                for media in written
                if not (READS["response.json()"](_base(media)) or _base(media).startswith("text/"))
            ]
        else:
            chosen = [media for media in written if read(_base(media))][:1]
        if not chosen and written:
            chosen = written[:1]  # read as the generator's content_type_overrides say
        found += [media for media in chosen if media not in found]
    return ", ".join(found)


def _base(media: str) -> str:
    return media.split(";")[0].strip().lower()


def _security(found: list[list[str]] | None) -> tuple[tuple[str, ...], ...] | None:
    return None if found is None else tuple(tuple(str(key) for key in requirement) for requirement in found)


@dataclass(frozen=True)
class Facts:
    """What the pipeline derived, by "group.name" of the operation (build.py operation_facts())."""

    routes: dict[str, str]  # the route as the spec writes it: "POST /v1/models/{model_id}"
    paginated: dict[str, dict[str, Any]]  # pagination.Pages.attributes()
    deprecated: frozenset[str]
    waiters: dict[str, list[dict[str, Any]]]  # waiters.waiters_by_operation()
    rate_limits: dict[str, list[float]]  # [requests, seconds]
    client_members: frozenset[str]  # a group named like one gets a trailing underscore
    query_styles: dict[str, dict[str, str]]  # a query parameter's wire name -> wire_support.QUERY_STYLES
    security: dict[str, list[list[str]]]  # the operation's own security, where not the default (auth_scheme.py)
    servers: dict[str, str]  # the operation's own server, where not the spec's (client_defaults.operation_servers)
    asks_for_some: frozenset[str]  # a body that requires no field and still refuses `{}` (build._asks_for_some)

    @classmethod
    def of(cls, facts: dict[str, Any]) -> "Facts":
        return cls(
            facts["routes"],
            facts["paginated"],
            frozenset(facts["deprecated"]),
            facts["waiters"],
            facts["rate_limits"],
            frozenset(facts["client_members"]),
            facts["query_styles"],
            facts["security"],
            facts.get("servers", {}),
            frozenset(facts.get("asks_for_some", [])),
        )


@dataclass
class Response:
    """One documented response and what it is read into."""

    low: int  # the status range it covers (default: 200-599, read as the template tests it)
    high: int
    prop: Any
    source: str  # the generator's: "response.json()", "None", "response.text", "response.content"
    type: str  # what it is read into, as an annotation
    parse: str  # the code that reads it, ending in `return`

    @property
    def test(self) -> str:
        """The status test the code's branch for it starts with."""
        if self.low == self.high:
            return f"response.status_code == {self.low}"
        return f"{self.low} <= response.status_code <= {self.high}"


@dataclass
class EndpointPlan:
    key: str  # "group.name"
    name: str  # the module, and the call's name in the tree
    route: str  # "POST /v1/models/{model_id}", as the spec writes it
    group_attribute: str  # client.<group_attribute>
    operation_class: str  # Operation, or Operation_ where a model of that name is imported
    async_operation_class: str
    deprecated: bool
    rate_limit: list[float] | None
    pages: dict[str, Any] | None
    waiters: list[dict[str, Any]]
    successes: list[Response]
    errors: list[Response]
    default: Response | None  # `default`: a success where no 2xx is documented, else an error
    default_is_success: bool
    success_type: str  # what sync() returns
    error_type: str  # what _parse_error() returns
    wide_type: str  # `parsed` of a Response from a client that does not raise
    mapped: str | None  # the model a mapping given as body= is built into
    mapped_dict: str | None  # its TypedDict
    mapped_module: str | None
    empty_ok: bool  # a model body whose schema requires nothing: may be left out, built empty
    body_required: bool
    body_type: str  # the body= annotation ("" without a body)
    bodies: list[Any]  # the generator's Body objects
    body_kinds: list[str]  # each body's type (as the error for another names it)
    body_checks: list[str]  # the class(es) an isinstance test picks each body by: `list`, not `list[Pet]`
    # For each body, the multipart body of the same model the spec also offers, where that model has a File
    # field (OpenAI's container files: JSON with a file id, or multipart with the file): sent instead of
    # the JSON when a File is given, which JSON could carry only as text. None for the others.
    file_twins: list[Any]
    item_type: str  # what iterate() yields ("" where the operation does not page)
    item_imports: list[str]  # what that type needs imported
    client_type: str  # the client the module functions take
    tree_client_type: str  # the client the tree's classes take (generic in the client's Raises)
    query_styles: dict[str, str]  # a query parameter's wire name -> how it is written, where not form exploded
    accept: str  # the Accept header: the media types its responses are read from ("" where none, or a parameter)
    has_headers: bool  # whether _get_kwargs builds a `headers` dict
    # The alternatives of security schemes (their names in the spec) the operation offers, each sent
    # together, where they differ from the spec's top-level security (None: the client's SECURITY); ()
    # sends none (`security: []`).
    security: tuple[tuple[str, ...], ...] | None
    # The operation's own server (path-item or operation `servers`): an absolute URL, or a path on the
    # client's host; "" where it is the spec's top-level one (base_url).
    server: str = ""
    # The 2xx statuses the spec documents whose response the generator left out (LEFT_OUT says why): the
    # client cannot read them, and says so rather than calling them undocumented.
    left_out_statuses: tuple[int, ...] = ()

    @property
    def request_options(self) -> str:
        """The keyword arguments client.request() takes beside the request: the module's constants for
        the rate limit, security and server that are the operation's own."""
        return "".join(
            f", {keyword}={constant}"
            for keyword, constant, own in (
                ("rate_limit", "_RATE_LIMIT", bool(self.rate_limit)),
                ("security", "_SECURITY", self.security is not None),
                ("server", "_SERVER", bool(self.server)),
            )
            if own
        )

    @property
    def server_code(self) -> str:
        return repr(self.server)

    def url_code(self, endpoint: Any) -> str:
        """The request's URL as Python source: the path without a `#fragment` (a second entry for one route,
        as Mistral's `#idOrName`; never sent, and httpx would put the query after it), each path parameter
        through path_segment()."""
        path = in_double_quote_literal(_untrusted(endpoint.path).split("#", 1)[0])
        if not endpoint.path_parameters:
            return f'"{path}"'
        for parameter in endpoint.path_parameters:
            name = parameter.python_name
            path = path.replace("{" + name + "}", f"{{path_segment({name}, '{name}')}}")
        return f'f"{path}"'

    def required_check(self, prop: Any) -> str:
        """For a required query parameter that does not take null, the test that it was not given None:
        None is never sent, so the request would go without it."""
        if not prop.required or "None" in _runtime_classes(_code(prop.get_type_string())).split(" | "):
            return ""  # (a None among an array's items is the items' business: `list[Colour | None]`)
        name = prop.python_name
        return f'if {name} is None:\n    raise errors.InvalidField("{name}", "is None: the parameter is required")'

    def query_statement(self, prop: Any, value: str) -> str:
        """The statement that adds a query parameter to `params`, given the expression of its wire value (a
        JSON-ready value: the stock conversion has run). Form, exploded (OpenAPI's default) repeats the key
        for each item of an array and writes an object's properties as keys of their own."""
        name = in_double_quote_literal(_untrusted(prop.name))
        how = self.query_styles.get(_untrusted(prop.name), "")
        if how == "json":  # described by `content`: its JSON text (wire_support.query_styles)
            return f'params.append(("{name}", json_text({value})))'
        if how == "deepObject":
            return f'params.extend(deep_object("{name}", {value}))'
        if how:
            return f'params.append(("{name}", delimited({value}, {json.dumps(how)}, "{prop.python_name}")))'
        if not prop.json_is_dict:
            if isinstance(prop, UnionProperty) and any(inner.json_is_dict for inner in prop.inner_properties):
                # An object or null (Mistral's metadata): the object's properties, as for an object alone.
                return (
                    f"if isinstance({value}, dict):\n    params.extend({value}.items())\n"
                    f'else:\n    params.append(("{name}", {value}))'
                )
            return f'params.append(("{name}", {value}))'
        statement = f"params.extend({value}.items())"
        return statement if prop.required else f"if not isinstance({value}, Unset):\n    {statement}"

    @property
    def parse_error(self) -> str:
        """The expression that reads an error body: `_parse_error(response)`, or None where none is documented."""
        return "_parse_error(response)" if self.error_type != "None" else "None"

    @property
    def security_code(self) -> str:
        """`security` as Python source (runtime/_base_client.Security)."""
        return repr(self.security)

    @property
    def security_comment(self) -> str:
        if self.security is not None and not any(self.security):
            return "This operation's security asks for no credentials: none are sent, whatever the client holds."
        return (
            "The credentials this operation takes, where they differ from the spec's top-level security: the\n"
            "# first alternative the client has every credential for is sent."
        )

    @property
    def only_path(self) -> bool:
        return False


class EndpointPlans:
    """Plans for the endpoints of one parsed document: `plan(endpoint)`, made once each."""

    def __init__(self, facts: Facts, readers: Readers, stock: Stock, left_out: Sequence[Any] = ()) -> None:
        self.facts, self.readers, self.stock = facts, readers, stock
        self.left_out = [tuple(str(step) for step in part.location) for part in left_out]  # left_out.LeftOut
        self._made: dict[int, EndpointPlan] = {}

    def plan(self, endpoint: Any) -> EndpointPlan:
        if id(endpoint) not in self._made:
            self._made[id(endpoint)] = self._plan(endpoint)
        return self._made[id(endpoint)]

    def _plan(self, endpoint: Any) -> EndpointPlan:
        tag = str(endpoint.tags[0])
        key = f"{tag}.{endpoint.name}"
        successes, errors = [], []
        for response in endpoint.responses.patterns:
            low, high = response.status_code.range
            if low >= 200 and high <= 299:
                successes.append(self._response(response, low, high))
            elif low >= 400:
                errors.append(self._response(response, low, high))
        found = endpoint.responses.default
        default = self._response(found, 200, 599) if found is not None else None
        default_is_success = default is not None and not successes
        defaults = [default] if default is not None else []
        success_types = list(dict.fromkeys(r.type for r in successes + (defaults if default_is_success else [])))
        error_types = list(dict.fromkeys(r.type for r in errors + defaults))
        every = list(dict.fromkeys(success_types + error_types))
        models = [body for body in endpoint.bodies if isinstance(body.prop, ModelProperty)]
        mapped = models[0].prop if models else None
        bodies = list(endpoint.bodies)
        body_kinds = [_code(body.prop.get_type_string(no_optional=True)) for body in bodies]
        # Bodies are told apart by their class at run time; two media types of one type (paystack's JSON and
        # form arrays of one model) are one: the first the spec lists is sent, but a JSON body goes as its
        # multipart twin when it holds a File (OpenAI's container files: file_twins).
        body_checks = [_runtime_classes(kind) for kind in body_kinds]
        distinct = distinct_bodies(bodies)
        file_twins = [_file_twin(bodies, body_checks, index) for index in distinct]
        bodies = [bodies[index] for index in distinct]
        body_kinds = [body_kinds[index] for index in distinct]
        body_checks = [body_checks[index] for index in distinct]
        body_required, empty_ok = body_rule(bodies, mapped, key in self.facts.asks_for_some)
        mapped_class = str(mapped.class_info.name) if mapped is not None else None
        parts = (
            body_kinds
            + ([self.readers.dict_name(mapped_class)] if mapped_class else [])
            + ([] if body_required else ["Unset"])
        )
        pages = self.facts.paginated.get(key)
        item_type, item_imports = "", []
        if pages:
            page = next(r.prop for r in successes if hasattr(r.prop, "class_info"))
            properties = list(page.required_properties or []) + list(page.optional_properties or [])
            item = next(p for p in properties if p.python_name == pages["items"]).inner_property
            item_type = _code(item.get_type_string())
            item_imports = sorted(set(item.get_imports(prefix="...")) | set(item.get_lazy_imports(prefix="...")))
        secured = bool(endpoint.requires_security)
        return EndpointPlan(
            key=key,
            name=str(endpoint.name),
            route=self.facts.routes[key],
            group_attribute=group_attribute(tag, self.facts.client_members),
            operation_class=self._class_name(endpoint, "Operation"),
            async_operation_class=self._class_name(endpoint, "AsyncOperation"),
            deprecated=key in self.facts.deprecated,
            rate_limit=self.facts.rate_limits.get(key),
            pages=pages,
            waiters=self.facts.waiters.get(key, []),
            successes=successes,
            errors=errors,
            default=default,
            default_is_success=default_is_success,
            success_type=" | ".join(success_types) or "NoReturn",
            error_type=" | ".join(dict.fromkeys([*error_types, "None"])),
            wide_type=" | ".join(dict.fromkeys([*every, "None"])),
            mapped=mapped_class,
            mapped_dict=self.readers.dict_name(mapped_class) if mapped_class else None,
            mapped_module=str(mapped.class_info.module_name) if mapped is not None else None,
            empty_ok=empty_ok,
            file_twins=file_twins,
            body_required=body_required,
            body_type=" | ".join(parts) if bodies else "",
            bodies=bodies,
            body_kinds=body_kinds,
            body_checks=body_checks,
            item_type=item_type,
            item_imports=item_imports,
            client_type="AuthenticatedClient[bool]" if secured else "AuthenticatedClient[bool] | Client[bool]",
            tree_client_type="AuthenticatedClient[Raises]"
            if secured
            else "AuthenticatedClient[Raises] | Client[Raises]",
            query_styles=self.facts.query_styles.get(key, {}),
            accept=_accept(endpoint),
            has_headers=bool(endpoint.header_parameters or bodies or _accept(endpoint)),
            security=_security(self.facts.security.get(key)),
            server=self.facts.servers.get(key, ""),
            left_out_statuses=self._left_out_statuses(self.facts.routes[key]),
        )

    def _left_out_statuses(self, route: str) -> tuple[int, ...]:
        method, path = route.split(" ", 1)
        found = [
            int(location[4])
            for location in self.left_out
            if location[:4] == ("paths", path, method.lower(), "responses") and len(location) == 5
            and location[4].isdigit() and 200 <= int(location[4]) <= 299
        ]  # fmt: skip
        return tuple(sorted(found))

    @staticmethod
    def _class_name(endpoint: Any, name: str) -> str:
        """`name`, with a trailing underscore where the module imports a model of that name."""
        taken = any(name in line.split(" import ")[-1].split(", ") for line in endpoint.relative_imports)
        return f"{name}_" if taken else name

    def _response(self, response: Any, low: int, high: int) -> Response:
        source = response.source["attribute"]
        if source == "None":
            return Response(low, high, response.prop, source, "None", "return None")
        kind = self.readers.with_unknown(response.prop, response.prop.get_type_string())
        if source != "response.json()":
            return Response(
                low, high, response.prop, source, kind, self.stock("parse_response", True, response).strip()
            )
        name = str(response.prop.python_name)
        code = [
            f"{name} = response.json()",
            self.readers.read(response.prop, name).strip(),
            f"{name}_read: {kind} = {name}  # Any, where kept as it came",
            f"return {name}_read",
        ]
        return Response(low, high, response.prop, source, kind, "\n".join(code))

    def union_body_check(self, body: Any) -> str:
        """For a JSON body of a union type, the test that the stock conversion wrote one of its branches."""
        if not isinstance(body.prop, UnionProperty) or str(body.body_type) != "json":
            return ""
        return _code(body.prop.get_type_string(no_optional=True))

    def array_body_check(self, body: Any) -> str:
        """For a body of an array type, the test that it is one (of the models it holds): the stock conversion
        iterates whatever it is given and calls each item's to_dict(), so another value is an InvalidField
        naming the body, not an AttributeError. "" for any other body."""
        if not isinstance(body.prop, ListProperty):
            return ""
        inner = body.prop.inner_property
        if isinstance(inner, ModelProperty):
            return f"isinstance(body, list) and all(isinstance(item, {inner.class_info.name}) for item in body)"
        return "isinstance(body, list)"

    def array_body_type(self, body: Any) -> str:
        return _code(body.prop.get_type_string(no_optional=True))

    @staticmethod
    def quoted(text: Any) -> str:
        """Text for the inside of a double-quoted Python literal."""
        return in_double_quote_literal(_untrusted(text))

    @staticmethod
    def literal(value: Any) -> str:
        return json.dumps(value)


def _file_twin(bodies: Sequence[Any], checks: Sequence[str], index: int) -> Any:
    """The multipart body the spec offers beside JSON body `index` for the same model, where that model has
    a File field (or a list of Files): None where there is none."""
    body = bodies[index]
    if body.body_type != "json" or not isinstance(body.prop, ModelProperty):
        return None
    fields = list(body.prop.required_properties or []) + list(body.prop.optional_properties or [])
    if not any(_is_file(field) for field in fields):
        return None
    twins = [other for other, check in zip(bodies, checks, strict=True) if check == checks[index]]
    return next((other for other in twins if other.body_type == "files"), None)


def _is_file(prop: Any) -> bool:
    """A File, a list of them, or a union holding one (a file or null, a file or several)."""
    if isinstance(prop, UnionProperty):
        return any(_is_file(inner) for inner in prop.inner_properties)
    return isinstance(prop, FileProperty) or (isinstance(prop, ListProperty) and _is_file(prop.inner_property))


def distinct_bodies(bodies: Sequence[Any]) -> list[int]:
    """The index of each body the client tells apart (by its class at run time): two media types of one
    type are one, the first the spec lists."""
    checks = [_runtime_classes(_code(body.prop.get_type_string(no_optional=True))) for body in bodies]
    return [index for index, check in enumerate(checks) if check not in checks[:index]]


def body_rule(distinct: Sequence[Any], mapped: Any, asks_for_some: bool) -> tuple[bool, bool]:
    """(whether body= must be given, whether leaving it out sends the model built empty) for the bodies the
    client tells apart: a required body may be left out where it is one model that requires no field and
    takes `{}` (not one that asks for some: asks_for_some)."""
    empty_ok = (
        bool(len(distinct) == 1 and mapped is not None and mapped.required and not mapped.required_properties)
        and not asks_for_some
    )
    return all(body.prop.required for body in distinct) and not empty_ok, empty_ok


def asks_for_some(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    """Whether the operation's request body, an object that requires no field, still refuses `{}`: it asks
    for a number of fields (Exoscale's `minProperties: 1`), or for one of a few (OpenAI's file batches:
    `anyOf` branches that each require a name, which the generator is not shown: spec_prepare.py)."""
    content = resolve(spec, operation.get("requestBody") or {}).get("content") or {}
    for media in content.values():
        schema = resolve(spec, (media or {}).get("schema"))
        if not isinstance(schema, dict):
            continue
        branches = [resolve(spec, b) for b in [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]]
        one_of_a_few = bool(branches) and all(isinstance(b, dict) and b.get("required") for b in branches)
        if schema.get("minProperties") or one_of_a_few:
            return True
    return False
