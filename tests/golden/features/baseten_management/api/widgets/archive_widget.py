"""`POST /widgets/{widget_id}/archive`: Archive a widget (deprecated)

**Deprecated**: the spec marks this operation deprecated; a call emits a DeprecationWarning.

From the client: `client.widgets.archive_widget(...)`, or
`await client.aio.widgets.archive_widget(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._deprecation import warn_deprecated
from ..._read import hiding
from ..._wire import checked_arguments, path_segment
from ...client import AuthenticatedClient, Client
from ...models.archive_widget_reason import ArchiveWidgetReason
from ...types import UNSET, Response, Unset, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("POST /widgets/{widget_id}/archive", 100, 1.0)


@checked_arguments
def _get_kwargs(
    widget_id: int,
    *,
    reason: ArchiveWidgetReason | Unset = UNSET,
) -> dict[str, Any]:
    warn_deprecated("POST /widgets/{widget_id}/archive is deprecated in the spec")  # attributed to the caller's line

    params: list[tuple[str, Any]] = []

    json_reason: str | Unset = UNSET
    if not isinstance(reason, Unset):
        json_reason = ArchiveWidgetReason.to_wire(reason, "reason")

    params.append(("reason", json_reason))

    params = [(name, value) for name, value in params if value is not UNSET and value is not None]

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/widgets/{path_segment(widget_id, 'widget_id')}/archive",
        "params": params,
    }

    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> None:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 202:
                return

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _build_response(*, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response) -> Response[None]:
    parsed: None
    if not response.is_success:
        parsed = None
        if client.raise_on_unexpected_status:
            raise errors.status_error(response, parsed, secret_of(client))
    else:
        try:
            _parse_success(response, secret_of(client))
            parsed = None
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
    widget_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    reason: ArchiveWidgetReason | Unset = UNSET,
) -> None:
    """POST /widgets/{widget_id}/archive

    **Deprecated**: the spec marks this operation deprecated; a call emits a DeprecationWarning.

    Archive a widget (deprecated)

    Args:
        widget_id (int):
        reason (ArchiveWidgetReason | Unset):

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        None
    """

    response = client.request(
        **_get_kwargs(
            widget_id=widget_id,
            reason=reason,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    _parse_success(response, secret_of(client))


async def asyncio(
    widget_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    reason: ArchiveWidgetReason | Unset = UNSET,
) -> None:
    """POST /widgets/{widget_id}/archive: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            widget_id=widget_id,
            reason=reason,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    _parse_success(response, secret_of(client))


def sync_detailed(
    widget_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    reason: ArchiveWidgetReason | Unset = UNSET,
) -> Response[None]:
    """POST /widgets/{widget_id}/archive: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            widget_id=widget_id,
            reason=reason,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    widget_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    reason: ArchiveWidgetReason | Unset = UNSET,
) -> Response[None]:
    """POST /widgets/{widget_id}/archive: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            widget_id=widget_id,
            reason=reason,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`POST /widgets/{widget_id}/archive`: Archive a widget (deprecated)

    `client.widgets.archive_widget(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> None:
        return sync(
            widget_id=widget_id,
            reason=reason,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]: ...

    def detailed(
        self,
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]:
        return sync_detailed(
            widget_id=widget_id,
            reason=reason,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`POST /widgets/{widget_id}/archive`: Archive a widget (deprecated)

    `await client.aio.widgets.archive_widget(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> None:
        return await asyncio(
            widget_id=widget_id,
            reason=reason,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]: ...

    async def detailed(
        self,
        widget_id: int,
        *,
        reason: ArchiveWidgetReason | Unset = UNSET,
    ) -> Response[None]:
        return await asyncio_detailed(
            widget_id=widget_id,
            reason=reason,
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
