"""`client.priorities`: 1 operation.

| operation | summary |
| --- | --- |
| [`replace_priorities`](priorities/replace_priorities.html)<br>`PUT /priorities` | Set priorities (int enum, const and nullable enum in a body) |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import replace_priorities as _replace_priorities

__all__ = ("replace_priorities",)


class Priorities(Generic[Raises]):
    """`client.priorities`: each operation of the group, called as `client.priorities.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def replace_priorities(self) -> "_replace_priorities.Operation[Raises]":
        """`PUT /priorities`: Set priorities (int enum, const and nullable enum in a body)"""
        from .replace_priorities import Operation

        return Operation(self._client)


class AsyncPriorities(Generic[Raises]):
    """`client.aio.priorities`: each operation of the group for async code, `await client.aio.priorities.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def replace_priorities(self) -> "_replace_priorities.AsyncOperation[Raises]":
        """`PUT /priorities`: Set priorities (int enum, const and nullable enum in a body)"""
        from .replace_priorities import AsyncOperation

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
