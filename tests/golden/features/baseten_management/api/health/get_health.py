"""`GET /health`: Health, as plain text

From the client: `client.health.get_health(...)`, or
`await client.aio.health.get_health(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import hiding
from ..._wire import checked_arguments
from ...client import AuthenticatedClient, Client
from ...types import Response, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("GET /health", 100, 1.0)


@checked_arguments
def _get_kwargs() -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "text/plain"

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> str:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 200:
                response_200 = response.text
                return response_200

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _build_response(
    *, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response
) -> Response[str | None]:
    parsed: str | None
    if not response.is_success:
        parsed = None
        if client.raise_on_unexpected_status:
            raise errors.status_error(response, parsed, secret_of(client))
    else:
        try:
            parsed = _parse_success(response, secret_of(client))
        except errors.UnexpectedStatus:
            if client.raise_on_unexpected_status:
                raise
            parsed = None
    return Response(
        status_code=status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
) -> str:
    """GET /health

    Health, as plain text

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        str
    """

    response = client.request(**_get_kwargs(), rate_limit=_RATE_LIMIT)
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
) -> str:
    """GET /health: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(**_get_kwargs(), rate_limit=_RATE_LIMIT)
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
) -> Response[str | None]:
    """GET /health: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(**_get_kwargs(), rate_limit=_RATE_LIMIT)
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
) -> Response[str | None]:
    """GET /health: sync_detailed(), for async code."""
    response = await client.async_request(**_get_kwargs(), rate_limit=_RATE_LIMIT)
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`GET /health`: Health, as plain text

    `client.health.get_health(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
    ) -> str:
        return sync(
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
    ) -> Response[str]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
    ) -> Response[str | None]: ...

    def detailed(
        self,
    ) -> Response[str | None]:
        return sync_detailed(
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`GET /health`: Health, as plain text

    `await client.aio.health.get_health(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
    ) -> str:
        return await asyncio(
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
    ) -> Response[str]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
    ) -> Response[str | None]: ...

    async def detailed(
        self,
    ) -> Response[str | None]:
        return await asyncio_detailed(
            client=self._client,
        )


# What the reference shows of the module: the functions (the Operation classes repeat their docstrings).
__all__ = [
    "asyncio",
    "asyncio_detailed",
    "sync",
    "sync_detailed",
]

# help(client.<group>.<name>) shows the whole contract: the route, arguments, result and errors.
Operation.__call__.__doc__ = AsyncOperation.__call__.__doc__ = sync.__doc__
Operation.detailed.__doc__ = AsyncOperation.detailed.__doc__ = sync_detailed.__doc__
