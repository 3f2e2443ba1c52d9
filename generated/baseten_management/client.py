"""`AuthenticatedClient`, with the defaults this spec states, and every operation reachable from it."""

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Generic

from attrs import define, field

from . import errors
from ._base_client import BaseAuthenticatedClient, BaseClient, Raises, Scheme, Security, check_token, user_agent
from ._logging import configure_logging

if TYPE_CHECKING:
    from .api import api_keys as _group_api_keys

USER_AGENT = user_agent("baseten-management-client", "0.2.0")
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

    `base_url` is the server (default: https://api.baseten.co). The keyword arguments
    (headers, cookies, timeout, max_retries, raise_on_unexpected_status, verify_ssl, follow_redirects,
    httpx_args) are BaseClient's: by default 60 s to read and 5 s to connect, 2 retries, and a failed
    call raises.
    """

    USER_AGENT: ClassVar[str] = USER_AGENT
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")


@define
class AuthenticatedClient(BaseAuthenticatedClient[Raises]):
    """The client: every operation is reachable from it as `client.<group>.<operation>(...)`, and for
    async code as `await client.aio.<group>.<operation>(...)`.

    `base_url` is the server (default: https://api.baseten.co). The keyword arguments
    (headers, cookies, timeout, max_retries, raise_on_unexpected_status, verify_ssl, follow_redirects,
    httpx_args) are BaseClient's: by default 60 s to read and 5 s to connect, 2 retries, and a failed
    call raises.

    `token` is the API key (default: $BASETEN_API_KEY), sent as `Authorization: Api-Key <token>`.
    """

    USER_AGENT: ClassVar[str] = USER_AGENT
    SCHEMES: ClassVar[Mapping[str, Scheme]] = {"ApiKeyAuth": Scheme("header", "Authorization", "Api-Key", ("token",))}
    SECURITY: ClassVar[Security] = (("ApiKeyAuth",),)
    KEY_VARIABLE: ClassVar[str] = API_KEY_ENVIRONMENT_VARIABLE
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")
    token: str = field(factory=_token_from_environment, repr=False, validator=check_token)
    prefix: str = "Api-Key"
    auth_header_name: str = "Authorization"

    @property
    def api_keys(self) -> "_group_api_keys.ApiKeys[Raises]":
        """1 operation: create_api_key"""
        from .api.api_keys import ApiKeys

        return ApiKeys(self)

    @property
    def aio(self) -> "AsyncAPI[Raises]":
        """The same operations for async code: `await client.aio.<group>.<operation>(...)`."""
        return AsyncAPI(self)


class AsyncAPI(Generic[Raises]):
    """Every operation of the client for async code: `await client.aio.<group>.<operation>(...)`."""

    def __init__(self, client: AuthenticatedClient[Raises]) -> None:
        self._client = client

    @property
    def api_keys(self) -> "_group_api_keys.AsyncApiKeys[Raises]":
        """1 operation: create_api_key"""
        from .api.api_keys import AsyncApiKeys

        return AsyncApiKeys(self._client)
