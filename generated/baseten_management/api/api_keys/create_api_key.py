from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_v1 import APIKeyV1
from ...models.create_api_key_request_v1 import CreateAPIKeyRequestV1
from ...types import Response


def _get_kwargs(
    *,
    body: CreateAPIKeyRequestV1,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/api_keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> APIKeyV1 | None:
    if response.status_code == 200:
        response_200 = APIKeyV1.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[APIKeyV1]:
    if client.raise_on_unexpected_status and not response.is_success:
        try:
            error_body = _parse_response(client=client, response=response)
        except (errors.ClientError, KeyError, TypeError, ValueError, AttributeError):
            error_body = None  # undocumented, or not as documented: the status error is raised all the same
        raise errors.status_error("POST", "/v1/api_keys", response, error_body, getattr(client, "token", ""))
    try:
        parsed = _parse_response(client=client, response=response)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        if not response.is_success:
            parsed = None  # raise_on_unexpected_status is off: an error body not as documented is not parsed
        else:
            raise errors.UnexpectedResponse("POST", "/v1/api_keys", response, err) from err
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAPIKeyRequestV1,
) -> Response[APIKeyV1]:
    """Creates an API key

     Creates an API key with the provided name and type. The API key is returned in the response.

    Args:
        body (CreateAPIKeyRequestV1): Request to create an API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIKeyV1]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAPIKeyRequestV1,
) -> APIKeyV1 | None:
    """Creates an API key

     Creates an API key with the provided name and type. The API key is returned in the response.

    Args:
        body (CreateAPIKeyRequestV1): Request to create an API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIKeyV1
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAPIKeyRequestV1,
) -> Response[APIKeyV1]:
    """Creates an API key

     Creates an API key with the provided name and type. The API key is returned in the response.

    Args:
        body (CreateAPIKeyRequestV1): Request to create an API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[APIKeyV1]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.async_request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAPIKeyRequestV1,
) -> APIKeyV1 | None:
    """Creates an API key

     Creates an API key with the provided name and type. The API key is returned in the response.

    Args:
        body (CreateAPIKeyRequestV1): Request to create an API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        APIKeyV1
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
