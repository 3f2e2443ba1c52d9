"""`client.files`: 3 operations.

| operation | summary |
| --- | --- |
| [`create_file`](files/create_file.html)<br>`POST /files` | Upload a file (multipart) |
| [`get_content`](files/get_content.html)<br>`GET /files/{name}/content` | Download a file's bytes |
| [`replace_content`](files/replace_content.html)<br>`PUT /files/{name}/content` | Replace a file's bytes (octet-stream) |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import create_file as _create_file
    from . import get_content as _get_content
    from . import replace_content as _replace_content

__all__ = (
    "create_file",
    "get_content",
    "replace_content",
)


class Files(Generic[Raises]):
    """`client.files`: each operation of the group, called as `client.files.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_file(self) -> "_create_file.Operation[Raises]":
        """`POST /files`: Upload a file (multipart)"""
        from .create_file import Operation

        return Operation(self._client)

    @property
    def get_content(self) -> "_get_content.Operation[Raises]":
        """`GET /files/{name}/content`: Download a file's bytes"""
        from .get_content import Operation

        return Operation(self._client)

    @property
    def replace_content(self) -> "_replace_content.Operation[Raises]":
        """`PUT /files/{name}/content`: Replace a file's bytes (octet-stream)"""
        from .replace_content import Operation

        return Operation(self._client)


class AsyncFiles(Generic[Raises]):
    """`client.aio.files`: each operation of the group for async code, `await client.aio.files.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def create_file(self) -> "_create_file.AsyncOperation[Raises]":
        """`POST /files`: Upload a file (multipart)"""
        from .create_file import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def get_content(self) -> "_get_content.AsyncOperation[Raises]":
        """`GET /files/{name}/content`: Download a file's bytes"""
        from .get_content import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def replace_content(self) -> "_replace_content.AsyncOperation[Raises]":
        """`PUT /files/{name}/content`: Replace a file's bytes (octet-stream)"""
        from .replace_content import AsyncOperation

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
