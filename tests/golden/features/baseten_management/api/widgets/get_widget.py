"""`GET /widgets/{widget_id}`: Get a widget

From the client: `client.widgets.get_widget(...)`, or
`await client.aio.widgets.get_widget(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import hiding
from ..._wire import checked_arguments, path_segment
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.widget import Widget
from ...types import UNSET, Response, Unset, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("GET /widgets/{widget_id}", 100, 1.0)


@checked_arguments
def _get_kwargs(
    widget_id: str,
    *,
    x_trace_id: str,
    session: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Trace-Id"] = x_trace_id

    headers["Accept"] = "application/json"

    cookies = {}
    if session is not UNSET:
        cookies["session"] = session

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/widgets/{path_segment(widget_id, 'widget_id')}",
        "cookies": cookies,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> Widget:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 200:
                response_200 = response.json()
                response_200 = Widget.from_dict(response_200)
                response_200_read: Widget = response_200  # Any, where kept as it came
                return response_200_read

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _parse_error(response: httpx.Response) -> Error | None:
    """The error body as the spec documents it for the status; None where it does not, or it does not fit."""
    try:
        if response.status_code == 404:
            response_404 = response.json()
            response_404 = Error.from_dict(response_404)
            response_404_read: Error = response_404  # Any, where kept as it came
            return response_404_read

    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        pass
    return None


def _build_response(
    *, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response
) -> Response[Widget | Error | None]:
    parsed: Widget | Error | None
    if not response.is_success:
        parsed = _parse_error(response)
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
    widget_id: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    x_trace_id: str,
    session: str | Unset = UNSET,
) -> Widget:
    """GET /widgets/{widget_id}

    Get a widget

    Args:
        widget_id (str):
        x_trace_id (str):
        session (str | Unset):

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        Widget
    """

    response = client.request(
        **_get_kwargs(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    widget_id: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    x_trace_id: str,
    session: str | Unset = UNSET,
) -> Widget:
    """GET /widgets/{widget_id}: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    widget_id: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    x_trace_id: str,
    session: str | Unset = UNSET,
) -> Response[Widget | Error | None]:
    """GET /widgets/{widget_id}: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    widget_id: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    x_trace_id: str,
    session: str | Unset = UNSET,
) -> Response[Widget | Error | None]:
    """GET /widgets/{widget_id}: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`GET /widgets/{widget_id}`: Get a widget

    `client.widgets.get_widget(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Widget:
        return sync(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]: ...

    def detailed(
        self,
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]:
        return sync_detailed(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`GET /widgets/{widget_id}`: Get a widget

    `await client.aio.widgets.get_widget(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Widget:
        return await asyncio(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]: ...

    async def detailed(
        self,
        widget_id: str,
        *,
        x_trace_id: str,
        session: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]:
        return await asyncio_detailed(
            widget_id=widget_id,
            x_trace_id=x_trace_id,
            session=session,
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
