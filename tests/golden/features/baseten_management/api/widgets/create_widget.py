"""`POST /widgets`: Create a widget

From the client: `client.widgets.create_widget(...)`, or
`await client.aio.widgets.create_widget(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import hiding
from ..._wire import checked_arguments
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.widget import Widget
from ...models.widget_input import WidgetInput, WidgetInputDict
from ...types import UNSET, Response, Unset, model_body, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("POST /widgets", 100, 1.0)


@checked_arguments
def _get_kwargs(
    *,
    body: WidgetInput | WidgetInputDict,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    headers["Accept"] = "application/json"

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/widgets",
    }

    body = model_body(WidgetInput, body)
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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

            if response.status_code == 201:
                response_201 = response.json()
                response_201 = Widget.from_dict(response_201)
                response_201_read: Widget = response_201  # Any, where kept as it came
                return response_201_read

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _parse_error(response: httpx.Response) -> Error | None:
    """The error body as the spec documents it for the status; None where it does not, or it does not fit."""
    try:
        if response.status_code == 409:
            response_409 = response.json()
            response_409 = Error.from_dict(response_409)
            response_409_read: Error = response_409  # Any, where kept as it came
            return response_409_read

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
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: WidgetInput | WidgetInputDict,
    idempotency_key: str | Unset = UNSET,
) -> Widget:
    """POST /widgets

    Create a widget

    Args:
        idempotency_key (str | Unset):
        body (WidgetInput | WidgetInputDict):  A mapping of its fields is built into WidgetInput first.

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
            body=body,
            idempotency_key=idempotency_key,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: WidgetInput | WidgetInputDict,
    idempotency_key: str | Unset = UNSET,
) -> Widget:
    """POST /widgets: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            body=body,
            idempotency_key=idempotency_key,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: WidgetInput | WidgetInputDict,
    idempotency_key: str | Unset = UNSET,
) -> Response[Widget | Error | None]:
    """POST /widgets: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            body=body,
            idempotency_key=idempotency_key,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: WidgetInput | WidgetInputDict,
    idempotency_key: str | Unset = UNSET,
) -> Response[Widget | Error | None]:
    """POST /widgets: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            body=body,
            idempotency_key=idempotency_key,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`POST /widgets`: Create a widget

    `client.widgets.create_widget(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Widget:
        return sync(
            body=body,
            idempotency_key=idempotency_key,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]: ...

    def detailed(
        self,
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]:
        return sync_detailed(
            body=body,
            idempotency_key=idempotency_key,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`POST /widgets`: Create a widget

    `await client.aio.widgets.create_widget(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Widget:
        return await asyncio(
            body=body,
            idempotency_key=idempotency_key,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]: ...

    async def detailed(
        self,
        *,
        body: WidgetInput | WidgetInputDict,
        idempotency_key: str | Unset = UNSET,
    ) -> Response[Widget | Error | None]:
        return await asyncio_detailed(
            body=body,
            idempotency_key=idempotency_key,
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
