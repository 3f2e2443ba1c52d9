"""`client.flags`: 1 operation.

| operation | summary |
| --- | --- |
| [`replace_flag`](flags/replace_flag.html)<br>`PUT /flags/{enabled}` | A boolean in the path |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import replace_flag as _replace_flag

__all__ = ("replace_flag",)


class Flags(Generic[Raises]):
    """`client.flags`: each operation of the group, called as `client.flags.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def replace_flag(self) -> "_replace_flag.Operation[Raises]":
        """`PUT /flags/{enabled}`: A boolean in the path"""
        from .replace_flag import Operation

        return Operation(self._client)


class AsyncFlags(Generic[Raises]):
    """`client.aio.flags`: each operation of the group for async code, `await client.aio.flags.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def replace_flag(self) -> "_replace_flag.AsyncOperation[Raises]":
        """`PUT /flags/{enabled}`: A boolean in the path"""
        from .replace_flag import AsyncOperation

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
