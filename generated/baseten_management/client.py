import asyncio
import datetime
import email.utils
import math
import os
import random
import ssl
import sys
import time
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote

import httpx
from attrs import define, evolve, field

from . import errors

USER_AGENT = (
    f"baseten-management-client/0.1.0 python/{sys.version_info[0]}.{sys.version_info[1]}"
    f" httpx/{'.'.join(httpx.__version__.split('.')[:2])}"
)
API_KEY_ENVIRONMENT_VARIABLE = "BASETEN_API_KEY"


def path_segment(value: Any) -> str:
    """A path parameter as one path segment: percent-encoded, "/" included, and "." or ".." too, which
    URL normalisation would otherwise drop or climb (an id ".." must not address the parent resource).
    A boolean is written true/false, as JSON and the query string write it."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    segment = quote(str(value), safe="")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def _token_from_environment() -> str:
    token = os.environ.get(API_KEY_ENVIRONMENT_VARIABLE, "")
    if not token:
        raise errors.ConfigurationError(f"no API key: pass token=... or set {API_KEY_ENVIRONMENT_VARIABLE}")
    return token


# Re-sending these changes nothing on the server (RFC 9110 idempotent methods).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES_ANY_METHOD = frozenset({429})  # the server refused the request without acting on it
RETRY_STATUSES_IDEMPOTENT = frozenset({502, 503, 504})  # the server may have acted before failing
# Raised before any byte of the request left this process: safe to send again whatever the method.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The server may have received the request: send again only where repeating it changes nothing.
MAYBE_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


@define(frozen=True)
class RetryPolicy:
    """Whether to send a request again, and how many seconds to wait first.

    Waits grow exponentially from `initial_delay` up to `max_delay`, with jitter; a `Retry-After` header
    (seconds or an HTTP date) is honoured up to `max_retry_after` seconds.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay_after_status(self, method: str, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retry number `attempt` + 1, or None to return the response as it is."""
        status = response.status_code
        if attempt >= self.max_retries:
            return None
        if status in RETRY_STATUSES_ANY_METHOD or (
            status in RETRY_STATUSES_IDEMPOTENT and method.upper() in IDEMPOTENT_METHODS
        ):
            retry_after = self.retry_after(response.headers)
            return self.backoff(attempt) if retry_after is None else retry_after
        return None

    def delay_after_error(self, method: str, error: httpx.TransportError, attempt: int) -> float | None:
        """Seconds to wait before retry number `attempt` + 1, or None to raise the error."""
        if attempt >= self.max_retries:
            return None
        if isinstance(error, NOT_SENT_ERRORS):
            return self.backoff(attempt)
        if isinstance(error, MAYBE_SENT_ERRORS) and method.upper() in IDEMPOTENT_METHODS:
            return self.backoff(attempt)
        return None

    def backoff(self, attempt: int) -> float:
        delay = min(self.initial_delay * 2**attempt, self.max_delay)
        return delay * (1 - 0.25 * random.random())  # jitter: clients that failed together retry apart

    def retry_after(self, headers: httpx.Headers) -> float | None:
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            seconds = float(value)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.UTC)
            seconds = (when - datetime.datetime.now(datetime.UTC)).total_seconds()
        if math.isnan(seconds):
            return None
        return min(max(seconds, 0.0), self.max_retry_after)


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL (default: https://api.baseten.co)

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take (default: 60 s, 5 s to connect;
        None waits forever). API functions will raise httpx.TimeoutException if this is exceeded.

        ``max_retries``: How many times a failed request is sent again (default: 2; 0 disables). See RetryPolicy.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether to raise errors.UnexpectedStatus (errors.APIStatusError for a
            non-2xx status) when the response is not one the spec documents as the call's result. False returns
            None instead, or the documented error model. Can also be provided as a keyword argument to the
            constructor.
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(
        factory=lambda: httpx.Timeout(60.0, connect=5.0), kw_only=True, alias="timeout"
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=2, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def _request_headers(self) -> httpx.Headers:
        headers = httpx.Headers({"User-Agent": USER_AGENT})
        headers.update(self._headers)  # the caller's headers win, whatever their case
        return headers

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request with the httpx client, retrying as RetryPolicy(max_retries) allows"""
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            try:
                response = self.get_httpx_client().request(method, url, **kwargs)
            except httpx.TransportError as error:
                delay = policy.delay_after_error(method, error, attempt)
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                response.close()
            time.sleep(delay)
            attempt += 1

    async def async_request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request with the async httpx client, retrying as RetryPolicy(max_retries) allows"""
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            try:
                response = await self.get_async_httpx_client().request(method, url, **kwargs)
            except httpx.TransportError as error:
                delay = policy.delay_after_error(method, error, attempt)
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL (default: https://api.baseten.co)

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take (default: 60 s, 5 s to connect;
        None waits forever). API functions will raise httpx.TimeoutException if this is exceeded.

        ``max_retries``: How many times a failed request is sent again (default: 2; 0 disables). See RetryPolicy.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether to raise errors.UnexpectedStatus (errors.APIStatusError for a
            non-2xx status) when the response is not one the spec documents as the call's result. False returns
            None instead, or the documented error model. Can also be provided as a keyword argument to the
            constructor.
        token: The API key (default: $BASETEN_API_KEY)
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the header that carries the token
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(
        factory=lambda: httpx.Timeout(60.0, connect=5.0), kw_only=True, alias="timeout"
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=2, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    token: str = field(factory=_token_from_environment, repr=False)
    prefix: str = "Api-Key"
    auth_header_name: str = "Authorization"

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def _request_headers(self) -> httpx.Headers:
        """User-Agent, the stored headers and the auth header, built per httpx client so the token never sits in a field repr() shows"""
        headers = httpx.Headers({"User-Agent": USER_AGENT})
        headers.update(self._headers)
        headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
        return headers

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request with the httpx client, retrying as RetryPolicy(max_retries) allows"""
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            try:
                response = self.get_httpx_client().request(method, url, **kwargs)
            except httpx.TransportError as error:
                delay = policy.delay_after_error(method, error, attempt)
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                response.close()
            time.sleep(delay)
            attempt += 1

    async def async_request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request with the async httpx client, retrying as RetryPolicy(max_retries) allows"""
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            try:
                response = await self.get_async_httpx_client().request(method, url, **kwargs)
            except httpx.TransportError as error:
                delay = policy.delay_after_error(method, error, attempt)
                if delay is None:
                    raise
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)
