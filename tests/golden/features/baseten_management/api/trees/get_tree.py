"""`GET /trees/{tree_id}`: A tree and a folder

From the client: `client.trees.get_tree(...)`, or
`await client.aio.trees.get_tree(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import hiding
from ..._wire import checked_arguments, path_segment
from ...client import AuthenticatedClient, Client
from ...models.get_tree_response_200 import GetTreeResponse200
from ...types import UNSET, Response, Unset, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("GET /trees/{tree_id}", 100, 1.0)


@checked_arguments
def _get_kwargs(
    tree_id: int,
    *,
    depth: int | None | Unset = UNSET,
    x_include_folder: bool,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Include-Folder"] = "true" if x_include_folder else "false"

    headers["Accept"] = "application/json"

    params: list[tuple[str, Any]] = []

    json_depth: int | None | Unset
    if isinstance(depth, Unset):
        json_depth = UNSET
    else:
        json_depth = depth
    params.append(("depth", json_depth))

    params = [(name, value) for name, value in params if value is not UNSET and value is not None]

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/trees/{path_segment(tree_id, 'tree_id')}",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> GetTreeResponse200:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 200:
                response_200 = response.json()
                response_200 = GetTreeResponse200.from_dict(response_200)
                response_200_read: GetTreeResponse200 = response_200  # Any, where kept as it came
                return response_200_read

        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
            raise errors.UnexpectedResponse(response, error, secret) from error
    raise errors.UnexpectedStatus.of(response, secret)


def _build_response(
    *, client: AuthenticatedClient[bool] | Client[bool], response: httpx.Response
) -> Response[GetTreeResponse200 | None]:
    parsed: GetTreeResponse200 | None
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
    tree_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    depth: int | None | Unset = UNSET,
    x_include_folder: bool,
) -> GetTreeResponse200:
    """GET /trees/{tree_id}

    A tree and a folder

    Args:
        tree_id (int):
        depth (int | None | Unset):
        x_include_folder (bool):

    Raises:
        errors.APIStatusError: a non-2xx status (its subclass for 400, 401, 403, 404, 409, 422, 429 and 5xx).
        errors.UnexpectedStatus: a 2xx the spec does not document for this operation.
        errors.UnexpectedResponse: a success whose body does not match the spec.
        errors.APIConnectionError: no connection or no answer in time (errors.APITimeoutError), after retries.
        errors.InvalidField: before anything is sent, an argument the call cannot send (named).

    Returns:
        GetTreeResponse200
    """

    response = client.request(
        **_get_kwargs(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


async def asyncio(
    tree_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    depth: int | None | Unset = UNSET,
    x_include_folder: bool,
) -> GetTreeResponse200:
    """GET /trees/{tree_id}: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
        ),
        rate_limit=_RATE_LIMIT,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    return _parse_success(response, secret_of(client))


def sync_detailed(
    tree_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    depth: int | None | Unset = UNSET,
    x_include_folder: bool,
) -> Response[GetTreeResponse200 | None]:
    """GET /trees/{tree_id}: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    tree_id: int,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    depth: int | None | Unset = UNSET,
    x_include_folder: bool,
) -> Response[GetTreeResponse200 | None]:
    """GET /trees/{tree_id}: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
        ),
        rate_limit=_RATE_LIMIT,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`GET /trees/{tree_id}`: A tree and a folder

    `client.trees.get_tree(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> GetTreeResponse200:
        return sync(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200 | None]: ...

    def detailed(
        self,
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200 | None]:
        return sync_detailed(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`GET /trees/{tree_id}`: A tree and a folder

    `await client.aio.trees.get_tree(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> GetTreeResponse200:
        return await asyncio(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200 | None]: ...

    async def detailed(
        self,
        tree_id: int,
        *,
        depth: int | None | Unset = UNSET,
        x_include_folder: bool,
    ) -> Response[GetTreeResponse200 | None]:
        return await asyncio_detailed(
            tree_id=tree_id,
            depth=depth,
            x_include_folder=x_include_folder,
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
