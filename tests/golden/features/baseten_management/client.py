"""`AuthenticatedClient`, with the defaults this spec states, and every operation reachable from it."""

import os
from typing import TYPE_CHECKING, ClassVar, Generic

from attrs import define, field

from . import errors
from ._base_client import BaseAuthenticatedClient, BaseClient, Raises, check_token, user_agent
from ._logging import configure_logging

if TYPE_CHECKING:
    from .api import files as _group_files
    from .api import flags as _group_flags
    from .api import health as _group_health
    from .api import owners as _group_owners
    from .api import priorities as _group_priorities
    from .api import search as _group_search
    from .api import trees as _group_trees
    from .api import widgets as _group_widgets

USER_AGENT = user_agent("baseten-management-client", "0.1.0")
API_KEY_ENVIRONMENT_VARIABLE = "BASETEN_API_KEY"
# $BASETEN_LOG=info (or debug) logs each request and retry to stderr (runtime/_logging.py).
LOG_ENVIRONMENT_VARIABLE = "BASETEN_LOG"
configure_logging(LOG_ENVIRONMENT_VARIABLE)


def _token_from_environment() -> str:
    token = os.environ.get(API_KEY_ENVIRONMENT_VARIABLE, "")
    if not token:
        raise errors.ConfigurationError(f"no API key: pass token=... or set {API_KEY_ENVIRONMENT_VARIABLE}")
    return token


@define
class Client(BaseClient[Raises]):
    """A client that sends no API key, for operations that need none.

    `base_url` is the server (default: https://api.example.test). The keyword arguments
    (headers, cookies, timeout, max_retries, raise_on_unexpected_status, verify_ssl, follow_redirects,
    httpx_args) are BaseClient's: by default 60 s to read and 5 s to connect, 2 retries, and a failed
    call raises.
    """

    USER_AGENT: ClassVar[str] = USER_AGENT
    _base_url: str = field(default="https://api.example.test", alias="base_url")


@define
class AuthenticatedClient(BaseAuthenticatedClient[Raises]):
    """The client: every operation is reachable from it as `client.<group>.<operation>(...)`, and for
    async code as `await client.aio.<group>.<operation>(...)`.

    `base_url` is the server (default: https://api.example.test). The keyword arguments
    (headers, cookies, timeout, max_retries, raise_on_unexpected_status, verify_ssl, follow_redirects,
    httpx_args) are BaseClient's: by default 60 s to read and 5 s to connect, 2 retries, and a failed
    call raises.

    `token` is the API key (default: $BASETEN_API_KEY), sent as `Authorization: Bearer <token>`.
    """

    USER_AGENT: ClassVar[str] = USER_AGENT
    _base_url: str = field(default="https://api.example.test", alias="base_url")
    token: str = field(factory=_token_from_environment, repr=False, validator=check_token)
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    @property
    def files(self) -> "_group_files.Files[Raises]":
        """3 operations: create_file, get_content, replace_content"""
        from .api.files import Files

        return Files(self)

    @property
    def flags(self) -> "_group_flags.Flags[Raises]":
        """1 operation: replace_flag"""
        from .api.flags import Flags

        return Flags(self)

    @property
    def health(self) -> "_group_health.Health[Raises]":
        """1 operation: get_health"""
        from .api.health import Health

        return Health(self)

    @property
    def owners(self) -> "_group_owners.Owners[Raises]":
        """1 operation: create_owner"""
        from .api.owners import Owners

        return Owners(self)

    @property
    def priorities(self) -> "_group_priorities.Priorities[Raises]":
        """1 operation: replace_priorities"""
        from .api.priorities import Priorities

        return Priorities(self)

    @property
    def search(self) -> "_group_search.Search[Raises]":
        """2 operations: create_search, get_search"""
        from .api.search import Search

        return Search(self)

    @property
    def trees(self) -> "_group_trees.Trees[Raises]":
        """1 operation: get_tree"""
        from .api.trees import Trees

        return Trees(self)

    @property
    def widgets(self) -> "_group_widgets.Widgets[Raises]":
        """6 operations: archive_widget, create_widget, delete_widget, get_widget, list_widgets, update_widget"""
        from .api.widgets import Widgets

        return Widgets(self)

    @property
    def aio(self) -> "AsyncAPI[Raises]":
        """The same operations for async code: `await client.aio.<group>.<operation>(...)`."""
        return AsyncAPI(self)


class AsyncAPI(Generic[Raises]):
    """Every operation of the client for async code: `await client.aio.<group>.<operation>(...)`."""

    def __init__(self, client: AuthenticatedClient[Raises]) -> None:
        self._client = client

    @property
    def files(self) -> "_group_files.AsyncFiles[Raises]":
        """3 operations: create_file, get_content, replace_content"""
        from .api.files import AsyncFiles

        return AsyncFiles(self._client)

    @property
    def flags(self) -> "_group_flags.AsyncFlags[Raises]":
        """1 operation: replace_flag"""
        from .api.flags import AsyncFlags

        return AsyncFlags(self._client)

    @property
    def health(self) -> "_group_health.AsyncHealth[Raises]":
        """1 operation: get_health"""
        from .api.health import AsyncHealth

        return AsyncHealth(self._client)

    @property
    def owners(self) -> "_group_owners.AsyncOwners[Raises]":
        """1 operation: create_owner"""
        from .api.owners import AsyncOwners

        return AsyncOwners(self._client)

    @property
    def priorities(self) -> "_group_priorities.AsyncPriorities[Raises]":
        """1 operation: replace_priorities"""
        from .api.priorities import AsyncPriorities

        return AsyncPriorities(self._client)

    @property
    def search(self) -> "_group_search.AsyncSearch[Raises]":
        """2 operations: create_search, get_search"""
        from .api.search import AsyncSearch

        return AsyncSearch(self._client)

    @property
    def trees(self) -> "_group_trees.AsyncTrees[Raises]":
        """1 operation: get_tree"""
        from .api.trees import AsyncTrees

        return AsyncTrees(self._client)

    @property
    def widgets(self) -> "_group_widgets.AsyncWidgets[Raises]":
        """6 operations: archive_widget, create_widget, delete_widget, get_widget, list_widgets, update_widget"""
        from .api.widgets import AsyncWidgets

        return AsyncWidgets(self._client)
