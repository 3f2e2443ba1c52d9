"""What `make generate` left out of the client (the package's LEFT_OUT), read against the spec as published.

The rest of the suite reads the spec less what was left out (contract/spec_model.current_spec); here
every operation of the whole spec is looked at: one left out is skipped, saying where and why, and is
checked to have no call; each other one has its module.
"""

import importlib.util

import pytest

from contract.calls import example_call
from contract.generated_package import import_generated, left_out, left_out_responses, package_name
from contract.generator_names import endpoint_module
from pipeline.generate.left_out import LeftOut, schema_place
from pipeline.project import current
from pipeline.spec.openapi import Location, lookup, operations, where
from pipeline.spec.operation_names import operation_names
from tests.operation_calls import OPERATIONS as CALLS
from tests.operation_calls import Recorder, cases, client_for, json_reply

PUBLISHED = current().spec  # openapi.yaml with its overlay applied, nothing taken out
NAMES = operation_names(PUBLISHED, current().operation_overrides, current().field_prefix)
LEFT_OUT = {part.location: part for part in left_out()}
OPERATIONS = [op.location for op in operations(PUBLISHED)]


def has_module(location: Location) -> bool:
    name = NAMES[(str(location[2]), str(location[1]))]  # an operation: ("paths", path, method)
    import_generated()  # generated/ on sys.path
    try:
        return importlib.util.find_spec(f"{package_name()}.api.{name.group}.{name.name}") is not None
    except ModuleNotFoundError:  # not even its group
        return False


@pytest.mark.parametrize("location", OPERATIONS, ids=where)
def test_each_operation_of_the_spec_has_its_call_unless_it_was_left_out(location: tuple[str, ...]) -> None:
    part = LEFT_OUT.get(location)
    if part is not None:
        pytest.skip(f"left out of the client: {part.describe()}")
    assert has_module(location), f"{where(location)} has no module and is not in LEFT_OUT"


@pytest.mark.parametrize(
    "part",
    cases([part for part in LEFT_OUT.values() if part.location in OPERATIONS], "no operation left out"),
    ids=lambda part: where(part.location) if part else "none",
)
def test_an_operation_left_out_has_no_call(part: LeftOut) -> None:
    assert not has_module(part.location), f"{part.describe()}, yet the client has a module for it"


@pytest.mark.parametrize(
    "part",
    cases(list(LEFT_OUT.values()), "nothing left out"),
    ids=lambda part: where(part.location) if part else "none",
)
def test_each_part_left_out_is_named_by_a_place_the_spec_has_and_a_reason(part: LeftOut) -> None:
    found, _ = lookup(PUBLISHED, where(part.location))
    assert found and part.reason.strip(), part.describe()


def test_an_inline_part_the_generator_names_is_placed_under_the_component_it_extends() -> None:
    """The generator names a union branch inside a component's items `/components/schemas/Trace_item_type_0`
    (Sentry's spec), a place no document has: it is placed under Trace, not quoted as a pointer."""
    spec = {"components": {"schemas": {"Trace": {"type": "array", "items": {"anyOf": [{"type": "object"}]}}}}}
    place = schema_place("/components/schemas/Trace_item_type_0", [], None, spec)
    assert place == ("components", "schemas", "Trace") and lookup(spec, where(place))[0]


def left_out_successes() -> list[tuple[LeftOut, int]]:
    """Each documented success the generator left out of an operation it generated, with its status."""
    return [
        (part, status)
        for op in CALLS
        for status, part in left_out_responses(op.method, op.path).items()
        if 200 <= status <= 299
    ]


@pytest.mark.parametrize(
    ("part", "status"), cases(left_out_successes(), "no success left out of a generated operation", arity=2)
)
def test_a_success_left_out_is_named_so_when_it_comes(part: LeftOut, status: int) -> None:
    """Not "which the spec does not document": it is documented, and LEFT_OUT says why it cannot be read."""
    op = next(op for op in CALLS if (op.method, op.path) == (str(part.location[2]), str(part.location[1])))
    module = endpoint_module(op.key)
    recorder = Recorder(json_reply(status))
    with pytest.raises(import_generated("errors").UnexpectedStatus) as raised:
        module.sync(client=client_for(recorder), **example_call(op, module.sync).arguments)
    assert "left out" in str(raised.value) and "does not document" not in str(raised.value)
