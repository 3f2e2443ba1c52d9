"""`GET /search`: Search by query parameters in each style OpenAPI defines for the query

From the client: `client.search.get_search(...)`, or
`await client.aio.search.get_search(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import expected, hiding, item_error
from ..._wire import checked_arguments, deep_object, delimited
from ...client import AuthenticatedClient, Client
from ...models.gadget import Gadget
from ...models.get_search_filter import GetSearchFilter
from ...models.get_search_point import GetSearchPoint
from ...models.shape import Shape
from ...types import UNSET, Response, Unset, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("GET /search", 100, 1.0)


@checked_arguments
def _get_kwargs(
    *,
    ids: list[int],
    words: list[str] | Unset = UNSET,
    states: list[Shape] | Unset = UNSET,
    filter_: GetSearchFilter | Unset = UNSET,
    point: GetSearchPoint | Unset = UNSET,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}
    headers["Accept"] = "application/json"

    params: list[tuple[str, Any]] = []

    if ids is None:
        raise errors.InvalidField("ids", "is None: the parameter is required")
    json_ids = ids

    params.append(("ids", delimited(json_ids, ",", "ids")))

    json_words: list[str] | Unset = UNSET
    if not isinstance(words, Unset):
        json_words = words

    params.append(("words", delimited(json_words, " ", "words")))

    json_states: list[str] | Unset = UNSET
    if not isinstance(states, Unset):
        json_states = []
        for states_item_data in states:
            states_item = Shape.to_wire(states_item_data, "states[]")
            json_states.append(states_item)

    params.append(("states", delimited(json_states, "|", "states")))

    json_filter_: dict[str, Any] | Unset = UNSET
    if not isinstance(filter_, Unset):
        json_filter_ = filter_.to_dict()
    params.extend(deep_object("filter", json_filter_))

    json_point: dict[str, Any] | Unset = UNSET
    if not isinstance(point, Unset):
        json_point = point.to_dict()
    params.append(("point", delimited(json_point, ",", "point")))

    params = [(name, value) for name, value in params if value is not UNSET and value is not None]

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/search",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> list[Gadget]:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 200:
                response_200 = response.json()
                if not isinstance(response_200, list):
                    raise expected("an array", response_200)
                response_200_response_200_item_read: list[Any] = []
                try:
                    for response_200_item in response_200:
                        response_200_item = Gadget.from_dict(response_200_item)

                        response_200_response_200_item_read.append(response_200_item)
                except (KeyError, TypeError, ValueError, AttributeError) as response_200_item_error:
                    raise item_error(
                        len(response_200_response_200_item_read), response_200_item_error
                    ) from response_200_item_error
                response_200 = response_200_response_200_item_read
                response_200_read: list[Gadget] = response_200  # Any, where kept as it came
                return response_200_read

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _build_response(
    *, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response
) -> Response[list[Gadget] | None]:
    parsed: list[Gadget] | None
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
    ids: list[int],
    words: list[str] | Unset = UNSET,
    states: list[Shape] | Unset = UNSET,
    filter_: GetSearchFilter | Unset = UNSET,
    point: GetSearchPoint | Unset = UNSET,
) -> list[Gadget]:
    """GET /search

    Search by query parameters in each style OpenAPI defines for the query

    Args:
        ids (list[int]):
        words (list[str] | Unset):
        states (list[Shape] | Unset):
        filter_ (GetSearchFilter | Unset):
        point (GetSearchPoint | Unset):

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        list[Gadget]
    """

    response = client.request(
        **_get_kwargs(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    ids: list[int],
    words: list[str] | Unset = UNSET,
    states: list[Shape] | Unset = UNSET,
    filter_: GetSearchFilter | Unset = UNSET,
    point: GetSearchPoint | Unset = UNSET,
) -> list[Gadget]:
    """GET /search: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    ids: list[int],
    words: list[str] | Unset = UNSET,
    states: list[Shape] | Unset = UNSET,
    filter_: GetSearchFilter | Unset = UNSET,
    point: GetSearchPoint | Unset = UNSET,
) -> Response[list[Gadget] | None]:
    """GET /search: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    ids: list[int],
    words: list[str] | Unset = UNSET,
    states: list[Shape] | Unset = UNSET,
    filter_: GetSearchFilter | Unset = UNSET,
    point: GetSearchPoint | Unset = UNSET,
) -> Response[list[Gadget] | None]:
    """GET /search: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`GET /search`: Search by query parameters in each style OpenAPI defines for the query

    `client.search.get_search(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> list[Gadget]:
        return sync(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget]]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget] | None]: ...

    def detailed(
        self,
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget] | None]:
        return sync_detailed(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`GET /search`: Search by query parameters in each style OpenAPI defines for the query

    `await client.aio.search.get_search(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> list[Gadget]:
        return await asyncio(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget]]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget] | None]: ...

    async def detailed(
        self,
        *,
        ids: list[int],
        words: list[str] | Unset = UNSET,
        states: list[Shape] | Unset = UNSET,
        filter_: GetSearchFilter | Unset = UNSET,
        point: GetSearchPoint | Unset = UNSET,
    ) -> Response[list[Gadget] | None]:
        return await asyncio_detailed(
            ids=ids,
            words=words,
            states=states,
            filter_=filter_,
            point=point,
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
