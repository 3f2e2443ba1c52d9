"""Defaults and examples that do not fit their schema: a warning each, never a stop.

A `default` of the wrong type (`default: '8'` on an integer) or an example that breaks its own schema
touches nothing on the wire, but the generator would put such a default into the client (or refuse the
operation) and the tests would draw from such an example. So each is listed, with its place, and taken
out of the spec the client is built and judged from: the field stays unset and the server applies its
own default.
"""

import copy
from dataclasses import dataclass
from typing import Any

from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker
from referencing import Registry
from referencing.exceptions import NoSuchResource, Unresolvable

from ..spec.openapi import Location, first_line, resolve, schema_holders, schemas, where

MAX_MESSAGE = 120


@dataclass(frozen=True)
class Unfit:
    location: Location  # of the annotation itself: (..., "default"), (..., "examples", 0), ...
    message: str

    def describe(self) -> str:
        return f"{where(self.location)}: {self.message}"


def _not_fetched(uri: str) -> Any:
    """jsonschema would fetch a remote $ref: a spec could make it request any address."""
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # an attrs field mypy's plugin does not see


def _validator(spec: dict[str, Any]) -> Any:
    registry: Registry[Any] = Registry(retrieve=_not_fetched)  # type: ignore[call-arg]  # an attrs alias
    if str(spec.get("openapi", "")).startswith("3.0"):
        return OAS30Validator(spec, format_checker=oas30_format_checker, registry=registry)
    return OAS31Validator(spec, format_checker=oas31_format_checker, registry=registry)


def unfit_annotations(spec: dict[str, Any]) -> list[Unfit]:
    """Every default and example in the spec that its schema rejects."""
    root = _validator(spec)
    found: list[Unfit] = []

    def check(value: Any, schema: Any, location: Location, what: str) -> None:
        if not isinstance(schema, dict):
            return
        try:
            error = next(iter(root.evolve(schema=schema).iter_errors(value)), None)
        except Unresolvable:  # a $ref that leads nowhere in the document: spec_check names it
            return
        if error is not None:
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            found.append(Unfit(location, f"{what} {shown} does not fit: {first_line(error.message)[:MAX_MESSAGE]}"))

    is_3_1 = not str(spec.get("openapi", "")).startswith("3.0")
    for schema, location in schemas(spec):
        if "default" in schema:
            check(schema["default"], schema, (*location, "default"), "default")
        if "example" in schema:
            check(schema["example"], schema, (*location, "example"), "example")
        if is_3_1 and isinstance(schema.get("examples"), list):
            for index, example in enumerate(schema["examples"]):
                check(example, schema, (*location, "examples", index), "example")
    for holder, location in schema_holders(spec):
        held = holder.get("schema")
        if "example" in holder:
            check(holder["example"], held, (*location, "example"), "example")
        for name, example in (holder.get("examples") or {}).items() if isinstance(holder.get("examples"), dict) else ():
            example = resolve(spec, example)
            if isinstance(example, dict) and "value" in example:
                check(example["value"], held, (*location, "examples", name), "example")
    return found


def without(spec: dict[str, Any], found: list[Unfit]) -> dict[str, Any]:
    """A copy of the spec with these annotations taken out (list items from the end, so indexes hold)."""
    spec = copy.deepcopy(spec)
    for unfit in sorted(found, key=lambda u: [(isinstance(p, str), p) for p in u.location], reverse=True):
        *parent_location, key = unfit.location
        parent: Any = spec
        for part in parent_location:
            parent = parent[part]
        del parent[key]
        if isinstance(parent, list) and not parent:  # an emptied `examples` list goes too
            owner: Any = spec
            for part in parent_location[:-1]:
                owner = owner[part]
            del owner[parent_location[-1]]
    return spec
