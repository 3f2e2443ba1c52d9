"""iterate()/aiterate() on every operation that pages (a cursor, or a page token): items of every page in
order, each page's next cursor sent for the next, every other argument unchanged, a 429 mid-way retried,
and the end found where the page says it (`has_more: false`, a null cursor). Which operations page, and
where each page says what comes next, is read from the spec's shape (pipeline/generate/pagination.py)."""

import asyncio
import json
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from contract.calls import example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.spec_model import Operation, example_value, resolve
from pipeline.generate.pagination import PAGE_TOKEN, Pages, paginated
from pipeline.spec.operation_names import operation_names
from tests.operation_calls import (
    OPERATIONS,
    SPEC,
    Recorder,
    cases,
    client_for,
    documented_success,
    paged_operations,
    pages_of,
)
from tests.real_specs import SHARED_SPECS, skip_without_real_specs

PAGED = paged_operations()
PAGED_CASES = cases(PAGED, "no operation that pages")


def cursors(op: Operation, page: Pages) -> list[Any]:
    """The next-page values the server hands out, of the type the request parameter takes."""
    parameter = next(p for p in op.params_in("query") if p.get("name") == page.parameter)
    schema = resolve(SPEC, parameter.get("schema") or {})
    kinds = [resolve(SPEC, s).get("type") for s in schema.get("anyOf", [])] + [schema.get("type")]
    return [2, 3] if "integer" in kinds else ["after-2", "after-3"]


def put(body: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set the value at `path` (wire names, outermost first) in an example page."""
    for name in path[:-1]:
        if not isinstance(body.get(name), dict):
            body[name] = {}
        body = body[name]
    body[path[-1]] = value


def page_bodies(op: Operation) -> list[dict[str, Any]]:
    """Three pages: two items, then one, then one more that says it is the last."""
    schema: dict[str, Any] = resolve(SPEC, documented_success(op).schema)
    page = pages_of(op)
    item = example_value(SPEC, schema["properties"][page.items].get("items", {}), all_properties=True)
    second, third = cursors(op, page)

    def body(count: int, cursor: Any, more: bool) -> dict[str, Any]:
        built: dict[str, Any] = example_value(SPEC, schema, all_properties=True)
        built[page.items] = [item] * count
        put(built, page.next, cursor)
        if page.has_more:
            put(built, page.has_more, more)
        return built

    return [body(2, second, True), body(1, third, True), body(1, None, False)]


def sent_cursor(request: httpx.Request, page: Pages) -> str | None:
    return dict(parse_qsl(request.url.query.decode())).get(page.parameter)


def script(op: Operation) -> Recorder:
    first, second, third = page_bodies(op)
    page = pages_of(op)
    status = documented_success(op).status
    two, three = (str(c) for c in cursors(op, page))
    later: dict[str | None, dict[str, Any]] = {
        two: second,
        three: third,
    }  # the first page is whatever the caller's first cursor asks for
    throttled: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        cursor = sent_cursor(request, page)
        if cursor == two and not throttled:  # the second page is throttled once
            throttled.append(request)
            return httpx.Response(429, headers={"retry-after": "0"})
        return httpx.Response(status, content=json.dumps(later.get(cursor, first)).encode())

    return Recorder(answer)


def without_cursor(request: httpx.Request, page: Pages) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in parse_qsl(request.url.query.decode()) if k != page.parameter)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", PAGED_CASES, ids=lambda op: getattr(op, "id", "none"))
def test_iterate_follows_the_pages_to_the_last(op: Operation, mode: str) -> None:
    module, page = endpoint_module(op.key), pages_of(op)
    recorder = script(op)
    arguments = example_call(op, module.sync_detailed).arguments
    arguments.pop(page.parameter, None)  # from the first page
    client = client_for(recorder)
    if mode == "sync":
        items = list(module.iterate(client=client, **arguments))
    else:

        async def collect() -> list[Any]:
            return [item async for item in module.aiterate(client=client, **arguments)]

        items = asyncio.run(collect())
    assert len(items) == 4
    two, three = (str(c) for c in cursors(op, page))
    sent = [sent_cursor(r, page) for r in recorder.requests]
    assert sent[1:] == [two, two, three] and sent[0] not in (two, three)  # the throttled page asked for again
    assert len({tuple(without_cursor(r, page)) for r in recorder.requests}) == 1  # other arguments unchanged
    assert all(r.url.path == recorder.requests[0].url.path for r in recorder.requests)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", PAGED_CASES, ids=lambda op: getattr(op, "id", "none"))
def test_a_server_that_repeats_the_cursor_raises_a_named_error_after_the_items_it_gave(
    op: Operation, mode: str
) -> None:
    """Stopping without a word would pass for the last page; asking again would never end."""
    module, page = endpoint_module(op.key), pages_of(op)
    first = page_bodies(op)[0]  # not the last, and always the same next cursor
    recorder = Recorder(httpx.Response(documented_success(op).status, content=json.dumps(first).encode()))
    arguments = example_call(op, module.sync_detailed).arguments
    arguments.pop(page.parameter, None)
    items: list[Any] = []
    errors = import_generated("errors")
    with pytest.raises(errors.RepeatedCursor) as raised:
        if mode == "sync":
            items.extend(module.iterate(client=client_for(recorder), **arguments))
        else:

            async def collect() -> None:
                async for item in module.aiterate(client=client_for(recorder), **arguments):
                    items.append(item)

            asyncio.run(collect())
    assert len(items) == 4 and len(recorder.requests) == 2 and raised.value.pages == 2
    assert isinstance(raised.value, errors.ClientError) and f"{op.method.upper()} {op.path}" in str(raised.value)


def test_only_operations_that_page_have_iterate() -> None:
    for op in OPERATIONS:
        module = endpoint_module(op.key)
        assert hasattr(module, "iterate") == hasattr(module, "aiterate") == (op in PAGED), op.id


def test_every_real_operation_with_a_cursor_or_page_token_iterates() -> None:
    skip_without_real_specs()
    path = SHARED_SPECS / "baseten-management-2026-08-22.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = json.loads(path.read_text(encoding="utf-8"))
    pages = paginated(spec, operation_names(spec))
    asking = {
        (method, route)
        for route, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict)
        and any(resolve(spec, p).get("name") in ("cursor", PAGE_TOKEN) for p in operation.get("parameters", []))
    }
    assert asking and {(page.method, page.path) for page in pages.values()} == asking
    assert {page.parameter for page in pages.values()} == {"cursor", PAGE_TOKEN}
