"""`client.api_keys`: 1 operation.

| operation | summary |
| --- | --- |
| [`create_api_key`](api_keys/create_api_key.html)<br>`POST /v1/api_keys` | Creates an API key |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import create_api_key as _create_api_key

__all__ = ("create_api_key",)


class ApiKeys(Generic[Raises]):
    """`client.api_keys`: each operation of the group, called as `client.api_keys.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_api_key(self) -> "_create_api_key.Operation[Raises]":
        """`POST /v1/api_keys`: Creates an API key"""
        from .create_api_key import Operation

        return Operation(self._client)


class AsyncApiKeys(Generic[Raises]):
    """`client.aio.api_keys`: each operation of the group for async code, `await client.aio.api_keys.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_api_key(self) -> "_create_api_key.AsyncOperation[Raises]":
        """`POST /v1/api_keys`: Creates an API key"""
        from .create_api_key import AsyncOperation

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
