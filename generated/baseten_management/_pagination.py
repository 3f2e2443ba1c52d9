"""Following pages: the loop behind every operation's iterate() and aiterate().

Which operations page, and where each page says what comes next, the pipeline reads from the spec
(pipeline/generate/pagination.py); the endpoint module hands it over as attribute names. A cursor the loop has
sent already is errors.RepeatedCursor: asking for it again would never end, and stopping without a word
would pass for the last page. Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any

from . import errors
from .types import Unset


def _at(page: object, names: Sequence[str]) -> Any:
    """The value at `names` (attribute names, outermost first); None where any of them is unset or null."""
    value: Any = page
    for name in names:
        value = getattr(value, name)
        if value is None or isinstance(value, Unset):
            return None
    return value


class _Cursors:
    """The cursors sent so far, and the next one each page gives."""

    def __init__(self, first: object, next_at: Sequence[str], has_more_at: Sequence[str], route: str) -> None:
        self.next_at, self.has_more_at, self.route = next_at, has_more_at, route
        self.sent: set[object] = {first} if _hashable(first) else set()
        self.pages = 0

    def after(self, page: object) -> object:
        """The next page's cursor, or None at the end: `has_more` false, or no cursor."""
        self.pages += 1
        if self.has_more_at and not _at(page, self.has_more_at):
            return None
        cursor = _at(page, self.next_at)
        if cursor is None or cursor == "":
            return None
        if not _hashable(cursor):  # not a cursor JSON gives (a string or a number): sent back as it came
            return cursor
        if cursor in self.sent:
            raise errors.RepeatedCursor(self.route, cursor, self.pages)
        self.sent.add(cursor)
        return cursor


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def follow(
    fetch: Callable[[Any], object],
    first: object,
    items: str,
    next_at: Sequence[str],
    has_more_at: Sequence[str],
    route: str = "",
) -> Iterator[Any]:
    """Every item of every page: `fetch(cursor)` returns a page, starting with the cursor the caller gave."""
    cursors = _Cursors(first, next_at, has_more_at, route)
    cursor = first
    while True:
        page = fetch(cursor)
        found = getattr(page, items)
        if not isinstance(found, Unset):
            yield from found
        cursor = cursors.after(page)
        if cursor is None:
            return


async def afollow(
    fetch: Callable[[Any], Awaitable[object]],
    first: object,
    items: str,
    next_at: Sequence[str],
    has_more_at: Sequence[str],
    route: str = "",
) -> AsyncIterator[Any]:
    """follow(), for async code."""
    cursors = _Cursors(first, next_at, has_more_at, route)
    cursor = first
    while True:
        page = await fetch(cursor)
        found = getattr(page, items)
        if not isinstance(found, Unset):
            for item in found:
                yield item
        cursor = cursors.after(page)
        if cursor is None:
            return
