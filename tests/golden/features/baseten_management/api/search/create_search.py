"""`POST /search`: Search with a form body

From the client: `client.search.create_search(...)`, or
`await client.aio.search.create_search(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import expected, hiding, item_error
from ..._wire import checked_arguments, form_body
from ...client import AuthenticatedClient, Client
from ...models.gadget import Gadget
from ...models.search_form import SearchForm, SearchFormDict
from ...types import UNSET, Response, Unset, model_body, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("POST /search", 100, 1.0)


@checked_arguments
def _get_kwargs(
    *,
    body: SearchForm | SearchFormDict | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    headers["Accept"] = "application/json"

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/search",
    }

    if not isinstance(body, Unset):
        body = model_body(SearchForm, body)
    if not isinstance(body, Unset):
        _kwargs["content"] = form_body(body.to_dict())
    headers["Content-Type"] = "application/x-www-form-urlencoded"

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
    body: SearchForm | SearchFormDict | Unset = UNSET,
) -> list[Gadget]:
    """POST /search

    Search with a form body

    Args:
        body (SearchForm | SearchFormDict | Unset):  A mapping of its fields is built into SearchForm first.

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
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: SearchForm | SearchFormDict | Unset = UNSET,
) -> list[Gadget]:
    """POST /search: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: SearchForm | SearchFormDict | Unset = UNSET,
) -> Response[list[Gadget] | None]:
    """POST /search: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: SearchForm | SearchFormDict | Unset = UNSET,
) -> Response[list[Gadget] | None]:
    """POST /search: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`POST /search`: Search with a form body

    `client.search.create_search(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> list[Gadget]:
        return sync(
            body=body,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget]]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget] | None]: ...

    def detailed(
        self,
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget] | None]:
        return sync_detailed(
            body=body,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`POST /search`: Search with a form body

    `await client.aio.search.create_search(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> list[Gadget]:
        return await asyncio(
            body=body,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget]]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget] | None]: ...

    async def detailed(
        self,
        *,
        body: SearchForm | SearchFormDict | Unset = UNSET,
    ) -> Response[list[Gadget] | None]:
        return await asyncio_detailed(
            body=body,
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
