"""iterate()/aiterate() on every operation that pages with a cursor: items of every page in order, each
page's cursor sent for the next, every other argument unchanged, a 429 mid-way retried, and the end
found by `has_more: false` or a null cursor. Which operations page is read from the spec's shape."""

import asyncio
import json
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from contract.calls import example_call
from contract.generator_names import endpoint_module
from contract.spec_model import Operation, example_value, resolve, success_response
from pipeline.operation_names import operation_names
from pipeline.pagination import paginated
from pipeline.project import current
from tests.operation_calls import OPERATIONS, SPEC, Recorder, cases, client_for
from tests.real_specs import SHARED_SPECS, skip_without_real_specs

PAGES = paginated(SPEC, operation_names(SPEC, current().operation_overrides, current().field_prefix))
PAGED = [op for op in OPERATIONS if any((page.method, page.path) == (op.method, op.path) for page in PAGES.values())]


def pages_of(op: Operation) -> Any:
    return next(page for page in PAGES.values() if (page.method, page.path) == (op.method, op.path))


def page_bodies(op: Operation) -> list[dict[str, Any]]:
    """Three pages: two items, then one, then one more with has_more false and a null cursor."""
    schema = resolve(SPEC, success_response(SPEC, op).schema)
    page = pages_of(op)
    item = example_value(SPEC, schema["properties"][page.items].get("items", {}), all_properties=True)
    base = example_value(SPEC, schema)

    def body(count: int, cursor: str | None, more: bool) -> dict[str, Any]:
        return {**base, page.items: [item] * count, page.pagination: {"cursor": cursor, "has_more": more}}

    return [body(2, "after-2", True), body(1, "after-3", True), body(1, None, False)]


def script(op: Operation) -> Recorder:
    first, second, third = page_bodies(op)
    status = success_response(SPEC, op).status
    by_cursor = {None: first, "after-2": second, "after-3": third}
    throttled = []

    def answer(request: httpx.Request) -> httpx.Response:
        cursor = dict(parse_qsl(request.url.query.decode())).get("cursor")
        if cursor == "after-2" and not throttled:  # the second page is throttled once
            throttled.append(request)
            return httpx.Response(429, headers={"retry-after": "0"})
        return httpx.Response(status, content=json.dumps(by_cursor[cursor]).encode())

    return Recorder(answer)


def without_cursor(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in parse_qsl(request.url.query.decode()) if k != "cursor")


PAGED_CASES = cases(PAGED, "no operation that pages with a cursor")


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", PAGED_CASES, ids=lambda op: getattr(op, "id", "none"))
def test_iterate_follows_the_cursor_through_every_page(op: Operation, mode: str):
    module = endpoint_module(op.key)
    recorder = script(op)
    arguments = example_call(op, module.sync_detailed).arguments
    client = client_for(recorder)
    if mode == "sync":
        items = list(module.iterate(client=client, **arguments))
    else:

        async def collect() -> list[Any]:
            return [item async for item in module.aiterate(client=client, **arguments)]

        items = asyncio.run(collect())
    assert len(items) == 4
    cursors = [dict(parse_qsl(r.url.query.decode())).get("cursor") for r in recorder.requests]
    assert cursors == [None, "after-2", "after-2", "after-3"]  # the throttled page asked for again
    assert len({tuple(without_cursor(r)) for r in recorder.requests}) == 1  # other arguments unchanged
    assert all(r.url.path == recorder.requests[0].url.path for r in recorder.requests)


@pytest.mark.parametrize("op", PAGED_CASES, ids=lambda op: getattr(op, "id", "none"))
def test_a_server_that_repeats_the_cursor_does_not_loop_forever(op: Operation):
    module = endpoint_module(op.key)
    first = page_bodies(op)[0]  # has_more, and always the same next cursor
    recorder = Recorder(httpx.Response(success_response(SPEC, op).status, content=json.dumps(first).encode()))
    arguments = example_call(op, module.sync_detailed).arguments
    items = list(module.iterate(client=client_for(recorder), **arguments))
    assert len(items) == 4 and len(recorder.requests) == 2


def test_only_operations_that_page_have_iterate():
    for op in OPERATIONS:
        module = endpoint_module(op.key)
        assert hasattr(module, "iterate") == hasattr(module, "aiterate") == (op in PAGED), op.id


def test_every_real_operation_with_a_cursor_parameter_iterates():
    skip_without_real_specs()
    path = SHARED_SPECS / "baseten-management-2026-08-22.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = json.loads(path.read_text(encoding="utf-8"))
    pages = paginated(spec, operation_names(spec))
    with_cursor = {
        (method, route)
        for route, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict)
        and any(resolve(spec, p).get("name") == "cursor" for p in operation.get("parameters", []))
    }
    assert with_cursor and {(page.method, page.path) for page in pages.values()} == with_cursor
