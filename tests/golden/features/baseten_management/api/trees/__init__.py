"""`client.trees`: 1 operation.

| operation | summary |
| --- | --- |
| [`get_tree`](trees/get_tree.html)<br>`GET /trees/{tree_id}` | A tree and a folder |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import get_tree as _get_tree

__all__ = ("get_tree",)


class Trees(Generic[Raises]):
    """`client.trees`: each operation of the group, called as `client.trees.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def get_tree(self) -> "_get_tree.Operation[Raises]":
        """`GET /trees/{tree_id}`: A tree and a folder"""
        from .get_tree import Operation

        return Operation(self._client)


class AsyncTrees(Generic[Raises]):
    """`client.aio.trees`: each operation of the group for async code, `await client.aio.trees.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def get_tree(self) -> "_get_tree.AsyncOperation[Raises]":
        """`GET /trees/{tree_id}`: A tree and a folder"""
        from .get_tree import AsyncOperation

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
