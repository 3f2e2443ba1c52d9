"""`GET /widgets`: List widgets, a page at a time

From the client: `client.widgets.list_widgets(...)`, or
`await client.aio.widgets.list_widgets(...)`.
"""

import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._pagination import afollow, follow
from ..._read import hiding
from ..._wire import checked_arguments, wire_date
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.shape import Shape
from ...models.widget import Widget
from ...models.widget_page import WidgetPage
from ...types import UNSET, Response, Unset, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("GET /widgets", 100, 1.0)


@checked_arguments
def _get_kwargs(
    *,
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: list[tuple[str, Any]] = []

    if from_ is None:
        raise errors.InvalidField("from_", "is None: the parameter is required")
    json_from_ = wire_date(from_, "from_")
    params.append(("from", json_from_))

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = Shape.to_wire(type_, "type_")

    params.append(("type", json_type_))

    params.append(("cursor", cursor))

    params.append(("limit", limit))

    params.append(("camelCase", camel_case))

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag

    params.append(("tag", json_tag))

    params = [(name, value) for name, value in params if value is not UNSET and value is not None]

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/widgets",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> WidgetPage:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 200:
                response_200 = response.json()
                response_200 = WidgetPage.from_dict(response_200)
                response_200_read: WidgetPage = response_200  # Any, where kept as it came
                return response_200_read

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _parse_error(response: httpx.Response) -> Error | None:
    """The error body as the spec documents it for the status; None where it does not, or it does not fit."""
    try:
        if not response.is_success:
            response_default = response.json()
            response_default = Error.from_dict(response_default)
            response_default_read: Error = response_default  # Any, where kept as it came
            return response_default_read

    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        pass
    return None


def _build_response(
    *, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response
) -> Response[WidgetPage | Error | None]:
    parsed: WidgetPage | Error | None
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
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> WidgetPage:
    """GET /widgets

    List widgets, a page at a time

    Args:
        from_ (datetime.date):
        type_ (Shape | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.
        camel_case (bool | Unset):
        tag (list[str] | Unset):

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        WidgetPage
    """

    response = client.request(
        **_get_kwargs(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> WidgetPage:
    """GET /widgets: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, _parse_error(response), secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> Response[WidgetPage | Error | None]:
    """GET /widgets: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> Response[WidgetPage | Error | None]:
    """GET /widgets: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


def iterate(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> Iterator[Widget]:
    """GET /widgets, every item, page after page.

    Each page's `pagination.cursor` is sent as `cursor` for the next, until `pagination.has_more` is false, until
    it is null; a cursor already sent raises errors.RepeatedCursor (the server would repeat itself for
    ever). The other arguments go with every page unchanged; each page is retried like any call, and
    an error raises as sync() does."""

    def page(cursor: Any) -> WidgetPage:
        return sync(
            client=client,
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        )

    return follow(page, cursor, "items", ["pagination", "cursor"], ["pagination", "has_more"], "GET /widgets")


def aiterate(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    from_: datetime.date,
    type_: Shape | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    camel_case: bool | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
) -> AsyncIterator[Widget]:
    """GET /widgets, every item, page after page: iterate(), for async code (`async for`)."""

    async def page(cursor: Any) -> WidgetPage:
        return await asyncio(
            client=client,
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
        )

    return afollow(page, cursor, "items", ["pagination", "cursor"], ["pagination", "has_more"], "GET /widgets")


class Operation(Generic[Raises]):
    """`GET /widgets`: List widgets, a page at a time

    `client.widgets.list_widgets(...)` is sync(); `.detailed(...)` is sync_detailed(); `.iterate(...)` is iterate().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> WidgetPage:
        return sync(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage | Error | None]: ...

    def detailed(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage | Error | None]:
        return sync_detailed(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )

    def iterate(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Iterator[Widget]:
        return iterate(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`GET /widgets`: List widgets, a page at a time

    `await client.aio.widgets.list_widgets(...)` is asyncio(); `.detailed(...)` is asyncio_detailed(); `.aiterate(...)` is aiterate().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> WidgetPage:
        return await asyncio(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage | Error | None]: ...

    async def detailed(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Response[WidgetPage | Error | None]:
        return await asyncio_detailed(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )

    def aiterate(
        self,
        *,
        from_: datetime.date,
        type_: Shape | Unset = UNSET,
        cursor: str | Unset = UNSET,
        limit: int | Unset = 20,
        camel_case: bool | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> AsyncIterator[Widget]:
        return aiterate(
            from_=from_,
            type_=type_,
            cursor=cursor,
            limit=limit,
            camel_case=camel_case,
            tag=tag,
            client=self._client,
        )


# What the reference shows of the module: the functions (the Operation classes repeat their docstrings).
__all__ = [
    "aiterate",
    "asyncio",
    "asyncio_detailed",
    "iterate",
    "sync",
    "sync_detailed",
]

# help(client.<group>.<name>) shows the whole contract: the route, arguments, result and errors.
Operation.__call__.__doc__ = AsyncOperation.__call__.__doc__ = sync.__doc__
Operation.detailed.__doc__ = AsyncOperation.detailed.__doc__ = sync_detailed.__doc__
Operation.iterate.__doc__ = AsyncOperation.aiterate.__doc__ = iterate.__doc__
