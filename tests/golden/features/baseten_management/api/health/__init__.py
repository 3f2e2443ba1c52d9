"""`client.health`: 1 operation.

| operation | summary |
| --- | --- |
| [`get_health`](health/get_health.html)<br>`GET /health` | Health, as plain text |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import get_health as _get_health

__all__ = ("get_health",)


class Health(Generic[Raises]):
    """`client.health`: each operation of the group, called as `client.health.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def get_health(self) -> "_get_health.Operation[Raises]":
        """`GET /health`: Health, as plain text"""
        from .get_health import Operation

        return Operation(self._client)


class AsyncHealth(Generic[Raises]):
    """`client.aio.health`: each operation of the group for async code, `await client.aio.health.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def get_health(self) -> "_get_health.AsyncOperation[Raises]":
        """`GET /health`: Health, as plain text"""
        from .get_health import AsyncOperation

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
