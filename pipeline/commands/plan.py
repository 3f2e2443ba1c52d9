"""What the client shows a caller, decided once, in Python, from the generator's own parsed document.

A `ClientPlan` holds every call as `client.<group>.<name>(...)` takes it (arguments with their Python
names, types and whether they are required; the result type; whether it pages, waits or is deprecated),
every model with its fields and every enum with its values: the public surface of the package that
`make generate` writes for a spec. It is read from openapi-python-client's parser (its Property classes
name and type everything exactly as the generated code does), after the same steps the pipeline takes
(the overlay, operation names, the generator's copy of the spec, renamed collisions), so a plan costs a
parse, not a generation.

spec_diff.py compares the plans of two specs: what a caller's code meets, not the routes.
"""

import functools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .. import PipelineError
from ..generate import generator_fixes
from ..generate.auth_scheme import derive_auth
from ..generate.client_defaults import operation_servers
from ..generate.endpoints import asks_for_some, body_rule, distinct_bodies
from ..generate.generator import generator_config, without_dangling
from ..generate.naming import group_attribute, rename_collisions
from ..generate.pagination import paginated
from ..generate.readers import Readers
from ..generate.runtime import client_members
from ..generate.spec_prepare import prepare_spec
from ..generate.waiters import check_waiters, polled
from ..project import Project
from ..spec.openapi import operations, resolve
from ..spec.operation_names import OperationName, operation_names

LOCATIONS = ("path", "query", "header", "cookie")
# The schema keywords that bound a value without changing its Python type: a change to one is seen only
# on the wire (a value refused, or one not seen before).
BOUNDS = (
    "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "minItems",
    "maxItems", "pattern", "format", "multipleOf",
)  # fmt: skip


@dataclass(frozen=True)
class Argument:
    name: str  # the Python name the call takes
    wire: str  # the name in the spec ("body" for the request body)
    location: str  # path, query, header, cookie or body
    type: str  # the annotation, without `| Unset`
    required: bool
    bounds: tuple[tuple[str, Any], ...] = ()  # BOUNDS the spec sets on it, as (keyword, value)


@dataclass(frozen=True)
class Call:
    method: str  # lower case
    path: str  # as the spec writes it
    group: str  # the package under api/
    attribute: str  # the client tree's attribute for the group (`client.<attribute>`)
    name: str
    arguments: tuple[Argument, ...]
    result: str  # the success type sync() returns
    errors: tuple[str, ...]  # the documented error models (`.parsed` of an APIStatusError)
    body_model: str | None  # the model a mapping given as body= is built into
    pages: bool  # has iterate()/aiterate()
    deprecated: bool
    secured: bool  # needs the key: takes an AuthenticatedClient, not a bare Client
    server: str = ""  # its own server (path-item or operation `servers`); "": base_url's

    @property
    def route(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def key(self) -> tuple[str, str]:
        """The operation on the wire: its method and path, placeholders unnamed (`/v1/models/{}`)."""
        return (self.method, route_key(self.path))

    @property
    def form(self) -> str:
        """The call as a caller writes it: `client.models.get_deployment(model_id, deployment_id)`, its
        required keyword arguments named and `...` for the optional ones."""
        positional = [a.name for a in self.arguments if a.location == "path"]
        keywords = [a for a in self.arguments if a.location != "path"]
        required = [f"{a.name}=" for a in keywords if a.required]
        shown = positional + (["*"] if required else []) + required + (["..."] if len(required) < len(keywords) else [])
        return f"client.{self.attribute}.{self.name}({', '.join(shown)})"

    @property
    def short(self) -> str:
        return f"client.{self.attribute}.{self.name}()"


@dataclass(frozen=True)
class Field:
    name: str  # the attribute
    wire: str  # the key in JSON
    type: str  # the annotation, without `| Unset`
    required: bool
    bounds: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Model:
    name: str
    module: str  # its module under models/
    fields: tuple[Field, ...]
    references: frozenset[str]  # the models and enums its fields' types name


@dataclass(frozen=True)
class Enum:
    name: str
    members: tuple[tuple[str, Any], ...]  # (member name, value) in the spec's order


@dataclass(frozen=True)
class WaiterPlan:
    name: str
    call: tuple[str, str]  # the polled call's key
    field: tuple[str, ...]
    success: tuple[str | None, ...]
    failure: tuple[str | None, ...]


@dataclass(frozen=True)
class ClientPlan:
    auth: str  # how the credentials travel, as `make generate` prints it (auth_scheme.Auth.describe)
    calls: dict[tuple[str, str], Call]  # by Call.key
    models: dict[str, Model]
    enums: dict[str, Enum]
    waiters: dict[str, WaiterPlan]
    waiter_problems: tuple[str, ...] = ()  # declared waiters this spec cannot have (waiters.check_waiters)
    directions: dict[str, frozenset[str]] = field(default_factory=dict)  # model or enum -> {"in", "out"}

    def users(self, name: str) -> list[Call]:
        """The calls that take (body=) or return the model `name` directly."""
        return [
            call
            for call in self.calls.values()
            if call.body_model == name
            or name in _names_in(call.result)
            or any(name in _names_in(a.type) for a in call.arguments)
        ]


def route_key(path: str) -> str:
    """The path with its placeholders unnamed: a path parameter renamed in the spec is the same route."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _names_in(type_text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", type_text))


def client_plan(spec: dict[str, Any], project: Project) -> ClientPlan:
    """The plan of the client `make generate` would write for `spec` (the overlay already applied) with the
    project's config. PipelineError where the generator cannot read the spec."""
    names = operation_names(spec, project.operation_overrides, project.field_prefix)
    prepared, _ = prepare_spec(spec, names, project.field_prefix)
    waiters, problems, _ = check_waiters(spec, project.waiters)
    data = parse(prepared, project, polled(waiters, names))
    without_dangling(data, prepared)  # as `make generate` leaves them out: a model using one it dropped
    by_name = {
        (str(tag), str(endpoint.name)): endpoint
        for tag, collection in data.endpoint_collections_by_tag.items()
        for endpoint in collection.endpoints
    }
    pages = paginated(spec, names)
    raw = {(op.method, op.path): op for op in operations(prepared)}
    published = {(op.method, op.path): op.operation for op in operations(spec)}
    members = set(client_members(project.runtime))
    readers = Readers(data.models)
    deprecated = {(op.method, op.path) for op in operations(spec) if op.operation.get("deprecated")}
    servers = operation_servers(spec, names)[0]
    calls: dict[tuple[str, str], Call] = {}
    for (method, path), name in names.items():
        endpoint = by_name.get((name.group, name.name))
        if endpoint is None:  # the generator left it out: build.py stops on that; a plan has no call for it
            continue
        parameters = _raw_parameters(prepared, raw.get((method, path)))
        asks_some = asks_for_some(spec, published[(method, path)])  # the prepared spec drops what says so
        call = _call(endpoint, name, method, path, parameters, readers, members, asks_some)
        key = f"{name.group}.{name.name}"
        calls[call.key] = replace(
            call, pages=key in pages, deprecated=(method, path) in deprecated, server=servers.get(key, "")
        )
    models = {
        str(model.class_info.name): Model(
            str(model.class_info.name),
            str(model.class_info.module_name),
            tuple(_field(prop, model.data, prepared, readers) for prop in _properties(model)),
            frozenset(_references(model, top=True)),
        )
        for model in data.models
    }
    enums = {
        str(enum.class_info.name): Enum(str(enum.class_info.name), tuple((str(k), v) for k, v in enum.values.items()))
        for enum in data.enums
        if hasattr(enum, "class_info")
    }
    planned = {
        w.name: WaiterPlan(w.name, (w.method, route_key(w.path)), w.field, w.success, w.failure)
        for w in waiters
        if (w.method, route_key(w.path)) in calls
    }
    plan = ClientPlan(derive_auth(spec).describe(), calls, models, enums, planned, tuple(problems))
    plan.directions.update(_directions(plan))
    return plan


def parse(prepared: dict[str, Any], project: Project, waited: Collection[tuple[str, str]] = ()) -> Any:
    """openapi-python-client's GeneratorData for the generator's copy of a spec, our renames applied
    (`waited`: the group and name of each operation a waiter polls)."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.openapi import GeneratorData

    generator_fixes.apply()  # as in the generator's own process

    config_file = ConfigFile(**generator_config(project.config, prepared))  # as `make generate` gives it
    config = Config.from_sources(config_file, MetaType.NONE, project.spec_path, "utf-8", False, None)
    data = GeneratorData.from_dict(prepared, config=config)
    if not isinstance(data, GeneratorData):
        raise PipelineError(f"openapi-python-client cannot read the spec: {getattr(data, 'detail', data)}")
    rename_collisions(data, waited)  # as the pipeline has the generator do
    return data


def _text(value: Any) -> str:
    """A name from the document (the generator wraps them as UntrustedString), or a type (PythonCode)."""
    for unwrap in ("get_untrusted_value", "as_unembedded_code"):
        if hasattr(value, unwrap):
            return str(getattr(value, unwrap)())
    return str(value)


def _type(prop: Any) -> str:
    return _text(prop.get_type_string(no_optional=True))


def _properties(model: Any) -> list[Any]:
    return list(model.required_properties or []) + list(model.optional_properties or [])


def _call(
    endpoint: Any,
    name: OperationName,
    method: str,
    path: str,
    raw_parameters: dict[tuple[str, str], dict[str, Any]],
    readers: Readers,
    members: set[str],
    asks_some: bool,
) -> Call:
    arguments = [
        Argument(
            str(p.python_name),
            _text(p.name),
            location,
            _type(p),
            bool(p.required) or location == "path",
            _bounds_of(raw_parameters.get((location, _text(p.name)), {})),
        )
        for location in ("path",)
        for p in endpoint.path_parameters
    ]
    bodies = list(endpoint.bodies)
    mapped = next((b.prop for b in bodies if b.prop.template == "model_property.py.jinja"), None)
    body_model = str(mapped.class_info.name) if mapped is not None else None
    if bodies:
        distinct = [bodies[index] for index in distinct_bodies(bodies)]
        required, _ = body_rule(distinct, mapped, asks_some)
        parts = list(dict.fromkeys(_type(b.prop) for b in distinct))
        if body_model:
            parts.append(readers.dict_name(body_model))
        arguments.append(Argument("body", "body", "body", " | ".join(parts), required))
    for location in ("query", "header", "cookie"):
        for p in getattr(endpoint, f"{location}_parameters"):
            bounds = _bounds_of(raw_parameters.get((location, _text(p.name)), {}))
            arguments.append(Argument(str(p.python_name), _text(p.name), location, _type(p), bool(p.required), bounds))
    successes = [
        r for r in endpoint.responses.patterns if 200 <= r.status_code.range[0] <= r.status_code.range[1] <= 299
    ]
    failures = [r for r in endpoint.responses.patterns if r.status_code.range[0] >= 400]
    default = endpoint.responses.default
    if default is not None:
        (failures if successes else successes).append(default)
        if not successes:
            failures.append(default)
    result = " | ".join(dict.fromkeys(_response_type(r, readers) for r in successes)) or "NoReturn"
    errors = tuple(dict.fromkeys(t for t in (_response_type(r, readers) for r in failures) if t != "None"))
    attribute = group_attribute(name.group, members)
    return Call(
        method, path, name.group, attribute, name.name, tuple(arguments), result, errors, body_model, False, False,
        bool(endpoint.requires_security),
    )  # fmt: skip


def _response_type(response: Any, readers: Readers) -> str:
    """The type a response is read into, as the generated code declares it (a tagged union with its
    UnknownVariant)."""
    if response.source["attribute"] == "None":
        return "None"
    return readers.with_unknown(response.prop, _type(response.prop))


def _raw_parameters(spec: dict[str, Any], op: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """(location, wire name) -> the parameter's schema, refs resolved."""
    if op is None:
        return {}
    return {
        (str(p.get("in")), str(p.get("name"))): resolve(spec, p.get("schema")) or {}
        for p in op.parameters(spec)
        if isinstance(p, dict)
    }


def _bounds_of(schema: Any) -> tuple[tuple[str, Any], ...]:
    """The BOUNDS a schema sets (a raw dict, or the generator's oai.Schema); where it is a union with null
    (3.1 `anyOf: [X, null]`), those of its one other branch."""
    if not isinstance(schema, dict):
        dump = getattr(schema, "model_dump", None)
        schema = dump(by_alias=True, exclude_none=True) if dump else {}
    branches = [b for b in schema.get("anyOf", []) + schema.get("oneOf", []) if isinstance(b, dict)]
    if not any(k in schema for k in BOUNDS) and len(branches) == 2:
        typed = [b for b in branches if b.get("type") != "null"]
        if len(typed) == 1:
            schema = typed[0]
    found = []
    for keyword in BOUNDS:
        value = schema.get(keyword)
        if value is not None and not isinstance(value, bool):  # a 3.0 boolean exclusiveMinimum modifies minimum
            found.append((keyword, int(value) if isinstance(value, float) and value.is_integer() else _text(value)))
    return tuple(found)


def _field(prop: Any, data: Any, spec: dict[str, Any], readers: Readers) -> Field:
    wire = _text(prop.name)
    raw = (getattr(data, "properties", None) or {}).get(wire)
    if raw is not None and hasattr(raw, "ref"):  # a Reference: the component's own bounds
        raw = resolve(spec, {"$ref": raw.ref}) or {}
    # A union with UnknownVariant as the model declares it: with_unknown() finds the union by its whole text.
    kind = readers.with_unknown(prop, _text(prop.get_type_string())).replace(" | Unset", "")
    return Field(str(prop.python_name), wire, kind, bool(prop.required), _bounds_of(raw) if raw else ())


def _references(prop: Any, top: bool = False) -> Iterator[str]:
    """The model and enum classes a property's type names (a model's fields' types, for the model itself)."""
    if top:
        for inner in _properties(prop):
            yield from _references(inner)
        extra = getattr(prop, "additional_properties", None)
        if extra is not None and not isinstance(extra, bool):
            yield from _references(extra)
        return
    info = getattr(prop, "class_info", None)
    if info is not None:
        yield str(info.name)
    if hasattr(prop, "inner_property"):
        yield from _references(prop.inner_property)
    for inner in getattr(prop, "inner_properties", None) or []:
        yield from _references(inner)


def _directions(plan: ClientPlan) -> dict[str, frozenset[str]]:
    """Which models and enums a caller gives ("in": in arguments), and which it is given ("out": in results
    and error bodies), through other models too. A change to a type means different things on each side:
    accepting less breaks a caller's code, returning more may break it at run time."""
    known = set(plan.models) | set(plan.enums)
    reach = {name: plan.models[name].references & known if name in plan.models else frozenset() for name in known}

    @functools.cache
    def closure(name: str) -> frozenset[str]:
        seen, pending = {name}, [name]
        while pending:
            for other in reach.get(pending.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
        return frozenset(seen)

    sides: dict[str, set[str]] = {name: set() for name in known}
    for call in plan.calls.values():
        for side, texts in (("in", [a.type for a in call.arguments]), ("out", [call.result, *call.errors])):
            for text in texts:
                for name in _names_in(text) & known:
                    for reached in closure(name):
                        sides[reached].add(side)
    # A model no call reaches is still importable: read it as both, the strictest reading.
    return {name: frozenset(found or {"in", "out"}) for name, found in sides.items()}
