"""`client.search`: 2 operations.

| operation | summary |
| --- | --- |
| [`create_search`](search/create_search.html)<br>`POST /search` | Search with a form body |
| [`get_search`](search/get_search.html)<br>`GET /search` | Search by query parameters in each style OpenAPI defines for the query |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import create_search as _create_search
    from . import get_search as _get_search

__all__ = (
    "create_search",
    "get_search",
)


class Search(Generic[Raises]):
    """`client.search`: each operation of the group, called as `client.search.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_search(self) -> "_create_search.Operation[Raises]":
        """`POST /search`: Search with a form body"""
        from .create_search import Operation

        return Operation(self._client)

    @property
    def get_search(self) -> "_get_search.Operation[Raises]":
        """`GET /search`: Search by query parameters in each style OpenAPI defines for the query"""
        from .get_search import Operation

        return Operation(self._client)


class AsyncSearch(Generic[Raises]):
    """`client.aio.search`: each operation of the group for async code, `await client.aio.search.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_search(self) -> "_create_search.AsyncOperation[Raises]":
        """`POST /search`: Search with a form body"""
        from .create_search import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def get_search(self) -> "_get_search.AsyncOperation[Raises]":
        """`GET /search`: Search by query parameters in each style OpenAPI defines for the query"""
        from .get_search import AsyncOperation

        return AsyncOperation(self._client)


# Hidden from type checkers, which import each operation's module themselves: a module-level __getattr__
# would make any name pass, a misspelt operation included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name in __all__:
            return importlib.import_module(f"{__name__}.{name}")  # an operation's module, on first use
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
