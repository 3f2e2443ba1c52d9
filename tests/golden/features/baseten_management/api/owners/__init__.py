"""`client.owners`: 1 operation.

| operation | summary |
| --- | --- |
| [`create_owner`](owners/create_owner.html)<br>`POST /owners` | Register an owner and their pets |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import create_owner as _create_owner

__all__ = ("create_owner",)


class Owners(Generic[Raises]):
    """`client.owners`: each operation of the group, called as `client.owners.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_owner(self) -> "_create_owner.Operation[Raises]":
        """`POST /owners`: Register an owner and their pets"""
        from .create_owner import Operation

        return Operation(self._client)


class AsyncOwners(Generic[Raises]):
    """`client.aio.owners`: each operation of the group for async code, `await client.aio.owners.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_owner(self) -> "_create_owner.AsyncOperation[Raises]":
        """`POST /owners`: Register an owner and their pets"""
        from .create_owner import AsyncOperation

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
