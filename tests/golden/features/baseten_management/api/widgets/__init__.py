"""`client.widgets`: 6 operations.

| operation | summary |
| --- | --- |
| [`archive_widget`](widgets/archive_widget.html)<br>`POST /widgets/{widget_id}/archive` | Archive a widget (deprecated) |
| [`create_widget`](widgets/create_widget.html)<br>`POST /widgets` | Create a widget |
| [`delete_widget`](widgets/delete_widget.html)<br>`DELETE /widgets/{widget_id}` | Delete a widget |
| [`get_widget`](widgets/get_widget.html)<br>`GET /widgets/{widget_id}` | Get a widget |
| [`list_widgets`](widgets/list_widgets.html)<br>`GET /widgets` | List widgets, a page at a time |
| [`update_widget`](widgets/update_widget.html)<br>`PATCH /widgets/{widget_id}` | Change a widget |
"""

import importlib
from typing import TYPE_CHECKING, Any, Generic

from ..._base_client import Raises

if TYPE_CHECKING:
    from ...client import AuthenticatedClient
    from . import archive_widget as _archive_widget
    from . import create_widget as _create_widget
    from . import delete_widget as _delete_widget
    from . import get_widget as _get_widget
    from . import list_widgets as _list_widgets
    from . import update_widget as _update_widget

__all__ = (
    "archive_widget",
    "create_widget",
    "delete_widget",
    "get_widget",
    "list_widgets",
    "update_widget",
)


class Widgets(Generic[Raises]):
    """`client.widgets`: each operation of the group, called as `client.widgets.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def archive_widget(self) -> "_archive_widget.Operation[Raises]":
        """`POST /widgets/{widget_id}/archive`: Archive a widget (deprecated)"""
        from .archive_widget import Operation

        return Operation(self._client)

    @property
    def create_widget(self) -> "_create_widget.Operation[Raises]":
        """`POST /widgets`: Create a widget"""
        from .create_widget import Operation

        return Operation(self._client)

    @property
    def delete_widget(self) -> "_delete_widget.Operation[Raises]":
        """`DELETE /widgets/{widget_id}`: Delete a widget"""
        from .delete_widget import Operation

        return Operation(self._client)

    @property
    def get_widget(self) -> "_get_widget.Operation[Raises]":
        """`GET /widgets/{widget_id}`: Get a widget"""
        from .get_widget import Operation

        return Operation(self._client)

    @property
    def list_widgets(self) -> "_list_widgets.Operation[Raises]":
        """`GET /widgets`: List widgets, a page at a time"""
        from .list_widgets import Operation

        return Operation(self._client)

    @property
    def update_widget(self) -> "_update_widget.Operation[Raises]":
        """`PATCH /widgets/{widget_id}`: Change a widget"""
        from .update_widget import Operation

        return Operation(self._client)


class AsyncWidgets(Generic[Raises]):
    """`client.aio.widgets`: each operation of the group for async code, `await client.aio.widgets.<name>(...)`."""

    def __init__(self, client: "AuthenticatedClient[Raises]") -> None:
        self._client = client

    @property
    def archive_widget(self) -> "_archive_widget.AsyncOperation[Raises]":
        """`POST /widgets/{widget_id}/archive`: Archive a widget (deprecated)"""
        from .archive_widget import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def create_widget(self) -> "_create_widget.AsyncOperation[Raises]":
        """`POST /widgets`: Create a widget"""
        from .create_widget import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def delete_widget(self) -> "_delete_widget.AsyncOperation[Raises]":
        """`DELETE /widgets/{widget_id}`: Delete a widget"""
        from .delete_widget import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def get_widget(self) -> "_get_widget.AsyncOperation[Raises]":
        """`GET /widgets/{widget_id}`: Get a widget"""
        from .get_widget import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def list_widgets(self) -> "_list_widgets.AsyncOperation[Raises]":
        """`GET /widgets`: List widgets, a page at a time"""
        from .list_widgets import AsyncOperation

        return AsyncOperation(self._client)

    @property
    def update_widget(self) -> "_update_widget.AsyncOperation[Raises]":
        """`PATCH /widgets/{widget_id}`: Change a widget"""
        from .update_widget import AsyncOperation

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
