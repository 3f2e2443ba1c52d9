"""`PUT /files/{name}/content`: Replace a file's bytes (octet-stream)

From the client: `client.files.replace_content(...)`, or
`await client.aio.files.replace_content(...)`.
"""

from typing import Any, Generic, Literal, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._read import hiding
from ..._wire import checked_arguments, path_segment
from ...client import AuthenticatedClient, Client
from ...types import File, Response, status

# At most 100 requests in 1.0 s per API key (generator-config.yaml rate_limits).
_RATE_LIMIT = _pacing.RateLimit("PUT /files/{name}/content", 100, 1.0)


# The spec serves this operation from its own server (client.request: where base_url is another one, that
# host, under this server's path).
_SERVER = "https://uploads.example.test/v2"


@checked_arguments
def _get_kwargs(
    name: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": f"/files/{path_segment(name, 'name')}/content",
    }

    if not isinstance(body, File):
        raise errors.InvalidField("body", f"expected a File, got {type(body).__name__}")
    _kwargs["content"] = body.payload.read()
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(response: httpx.Response, secret: str) -> None:
    """The body of a documented success; errors.UnexpectedStatus for a 2xx the spec does not document."""
    with hiding(secret):  # a value a message quotes from the body never shows the key (runtime/_read.py)
        try:
            if response.status_code == 204:
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
    name: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: File,
) -> None:
    """PUT /files/{name}/content

    Replace a file's bytes (octet-stream)

    Args:
        name (str):
        body (File):

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
            name=name,
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
        server=_SERVER,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    _parse_success(response, secret_of(client))


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: File,
) -> None:
    """PUT /files/{name}/content: sync(), for async code: the same arguments, result and errors."""
    response = await client.async_request(
        **_get_kwargs(
            name=name,
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
        server=_SERVER,
    )
    if not response.is_success:
        raise errors.status_error(response, None, secret_of(client))
    _parse_success(response, secret_of(client))


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: File,
) -> Response[None]:
    """PUT /files/{name}/content: sync(), returning the whole Response: status, headers, raw body, and `parsed`, the body
    as the spec documents it for the status.

    With raise_on_unexpected_status (the default) it raises as sync() does; without it, it returns any
    status, `parsed` being the documented model for it or None.
    """
    response = client.request(
        **_get_kwargs(
            name=name,
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
        server=_SERVER,
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient[bool] | Client[bool],
    body: File,
) -> Response[None]:
    """PUT /files/{name}/content: sync_detailed(), for async code."""
    response = await client.async_request(
        **_get_kwargs(
            name=name,
            body=body,
        ),
        rate_limit=_RATE_LIMIT,
        server=_SERVER,
    )
    return _build_response(client=client, response=response)


class Operation(Generic[Raises]):
    """`PUT /files/{name}/content`: Replace a file's bytes (octet-stream)

    `client.files.replace_content(...)` is sync(); `.detailed(...)` is sync_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    def __call__(
        self,
        name: str,
        *,
        body: File,
    ) -> None:
        return sync(
            name=name,
            body=body,
            client=self._client,
        )

    @overload
    def detailed(
        self: "Operation[Literal[True]]",
        name: str,
        *,
        body: File,
    ) -> Response[None]: ...

    @overload
    def detailed(
        self: "Operation[bool]",
        name: str,
        *,
        body: File,
    ) -> Response[None]: ...

    def detailed(
        self,
        name: str,
        *,
        body: File,
    ) -> Response[None]:
        return sync_detailed(
            name=name,
            body=body,
            client=self._client,
        )


class AsyncOperation(Generic[Raises]):
    """`PUT /files/{name}/content`: Replace a file's bytes (octet-stream)

    `await client.aio.files.replace_content(...)` is asyncio(); `.detailed(...)` is asyncio_detailed().
    """

    def __init__(self, client: AuthenticatedClient[Raises] | Client[Raises]) -> None:
        self._client = client

    async def __call__(
        self,
        name: str,
        *,
        body: File,
    ) -> None:
        return await asyncio(
            name=name,
            body=body,
            client=self._client,
        )

    @overload
    async def detailed(
        self: "AsyncOperation[Literal[True]]",
        name: str,
        *,
        body: File,
    ) -> Response[None]: ...

    @overload
    async def detailed(
        self: "AsyncOperation[bool]",
        name: str,
        *,
        body: File,
    ) -> Response[None]: ...

    async def detailed(
        self,
        name: str,
        *,
        body: File,
    ) -> Response[None]:
        return await asyncio_detailed(
            name=name,
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
