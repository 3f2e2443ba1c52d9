"""Following pages: the loop behind every operation's iterate() and aiterate().

Which operations page, and where each page says what comes next, the pipeline reads from the spec
(pipeline/pagination.py); the endpoint module hands it over as attribute names. Hand-written (runtime/
in the generator's repository), the same for every spec.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any

from .types import Unset


def _at(page: object, names: Sequence[str]) -> Any:
    """The value at `names` (attribute names, outermost first); None where any of them is unset or null."""
    value: Any = page
    for name in names:
        value = getattr(value, name)
        if value is None or isinstance(value, Unset):
            return None
    return value


def _next(page: object, sent: object, next_at: Sequence[str], has_more_at: Sequence[str]) -> object:
    """The next page's cursor, or None at the end: `has_more` false, no cursor, or the one just sent back
    again (which would never end)."""
    if has_more_at and not _at(page, has_more_at):
        return None
    cursor = _at(page, next_at)
    return None if cursor is None or cursor == "" or cursor == sent else cursor


def follow(
    fetch: Callable[[Any], object], first: object, items: str, next_at: Sequence[str], has_more_at: Sequence[str]
) -> Iterator[Any]:
    """Every item of every page: `fetch(cursor)` returns a page, starting with the cursor the caller gave."""
    cursor = first
    while True:
        page = fetch(cursor)
        found = getattr(page, items)
        if not isinstance(found, Unset):
            yield from found
        cursor = _next(page, cursor, next_at, has_more_at)
        if cursor is None:
            return


async def afollow(
    fetch: Callable[[Any], Awaitable[object]],
    first: object,
    items: str,
    next_at: Sequence[str],
    has_more_at: Sequence[str],
) -> AsyncIterator[Any]:
    """follow(), for async code."""
    cursor = first
    while True:
        page = await fetch(cursor)
        found = getattr(page, items)
        if not isinstance(found, Unset):
            for item in found:
                yield item
        cursor = _next(page, cursor, next_at, has_more_at)
        if cursor is None:
            return
