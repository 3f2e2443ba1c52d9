import datetime
import math
import os
import random
import re
import ssl
import sys
import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import quote

import httpx
from attrs import define, evolve, field

from . import errors
from .types import UNSET, Unset


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here, not above: importing it costs more than httpx, and only async calls need it

    await asyncio.sleep(seconds)


if TYPE_CHECKING:
    from .api import api_keys as _group_api_keys

USER_AGENT = (
    f"baseten-management-client/0.1.0 python/{sys.version_info[0]}.{sys.version_info[1]}"
    f" httpx/{'.'.join(httpx.__version__.split('.')[:2])}"
)
API_KEY_ENVIRONMENT_VARIABLE = "BASETEN_API_KEY"
# What an HTTP header value cannot carry here: control characters (a line break would end the header) and
# anything outside ASCII, which httpx cannot encode.
_NOT_IN_A_HEADER = re.compile(r"[^\t\x20-\x7e]")


def path_segment(value: Any) -> str:
    """A path parameter as one path segment: percent-encoded, "/" included, and "." or ".." too, which
    URL normalisation would otherwise drop or climb (an id ".." must not address the parent resource).
    A boolean is written true/false, as JSON and the query string write it."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    segment = quote(str(value), safe="")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def query_string(params: Mapping[str, Any] | Sequence[tuple[str, Any]]) -> str:
    """The query as OpenAPI's form style writes it (RFC 6570): each name and value percent-encoded, a
    space as %20, a list as its name repeated. httpx turns the values into text (True is true)."""
    pairs = params.items() if isinstance(params, Mapping) else params
    flat = [(name, item) for name, value in pairs for item in (value if isinstance(value, list) else [value])]
    return "&".join(
        f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in httpx.QueryParams(flat).multi_items()
    )


def secret_of(client: "Client | AuthenticatedClient") -> str:
    """The value no message may show: the API key, where the client has one."""
    return client.token if isinstance(client, AuthenticatedClient) else ""


def _token_from_environment() -> str:
    token = os.environ.get(API_KEY_ENVIRONMENT_VARIABLE, "")
    if not token:
        raise errors.ConfigurationError(f"no API key: pass token=... or set {API_KEY_ENVIRONMENT_VARIABLE}")
    return token


def _check_token(_client: object, _attribute: object, token: object) -> None:
    # The message says what is wrong with the key, never the key.
    if not isinstance(token, str) or not token.strip():
        raise errors.ConfigurationError("the API key is empty")
    if _NOT_IN_A_HEADER.search(token) or token != token.strip():
        raise errors.ConfigurationError(
            "the API key cannot travel in an HTTP header: it holds a line break, another control character,"
            " a character outside ASCII, or space at either end"
        )


def _check_headers(_client: object, _attribute: object, headers: Mapping[str, str]) -> None:
    for name, value in headers.items():
        if not isinstance(value, str) or _NOT_IN_A_HEADER.search(value):
            raise errors.ConfigurationError(f"header {name!r}: its value cannot travel in an HTTP header")


def _as_timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout | None:
    return timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _connection_error(request: httpx.Request, error: Exception, secret: str) -> errors.APIConnectionError:
    kind = errors.APITimeoutError if isinstance(error, httpx.TimeoutException) else errors.APIConnectionError
    return kind(request, error, secret)


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
        delay: float = min(self.initial_delay * 2.0**attempt, self.max_delay)
        return delay * (1 - 0.25 * random.random())  # jitter: clients that failed together retry apart

    def retry_after(self, headers: httpx.Headers) -> float | None:
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            seconds = float(value)
        except ValueError:
            import email.utils  # here, not above: only an HTTP-date Retry-After needs it; importing it costs 15 %

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

        ``timeout``: The maximum amount of a time a request can take: an httpx.Timeout, or seconds
        (default: 60 s, 5 s to connect; None waits forever). errors.APITimeoutError is raised if it is exceeded.

        ``max_retries``: How many times a failed request is sent again (default: 2; 0 disables). See RetryPolicy.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether the *_detailed functions raise errors.APIStatusError (its
            subclass for the status) on a non-2xx response and errors.UnexpectedStatus on a 2xx the spec does not
            document. False returns such responses, `parsed` being the documented model or None. sync() and
            asyncio() raise either way: they return the documented success type or nothing.
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", validator=_check_headers)
    _timeout: httpx.Timeout | None = field(
        factory=lambda: httpx.Timeout(60.0, connect=5.0), kw_only=True, alias="timeout", converter=_as_timeout
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=2, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # The client this one was derived from, whose connections it uses: only the pool is shared.
    _origin: "Client | None" = field(default=None, init=False, repr=False)
    # The httpx clients built here, which carry this client's headers, cookies and timeout already, each
    # with the auth header it was built with (the token is a public attribute: it may change since).
    _pools: list[tuple[httpx.Client | httpx.AsyncClient, tuple[str, str]]] = field(factory=list, init=False, repr=False)

    def with_headers(self, headers: Mapping[str, str]) -> Self:
        """A new client like this one with these headers added. This one is unchanged: the two share
        nothing but the connection pool, which closes with this client."""
        return self._derive(headers={**self._headers, **headers})

    def with_cookies(self, cookies: Mapping[str, str]) -> Self:
        """A new client like this one with these cookies added; this one is unchanged (see with_headers)."""
        return self._derive(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """A new client like this one with this timeout; this one is unchanged (see with_headers)."""
        return self._derive(timeout=timeout)

    def with_options(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None | Unset = UNSET,
        max_retries: int | None = None,
    ) -> Self:
        """A new client like this one with some settings changed, for a call or a few:
        `client.with_options(timeout=5, max_retries=0).models.list_models()`. This one is unchanged; the
        two share nothing but the connection pool, which closes with this client."""
        changes: dict[str, Any] = {}
        if headers is not None:
            changes["headers"] = {**self._headers, **headers}
        if cookies is not None:
            changes["cookies"] = {**self._cookies, **cookies}
        if not isinstance(timeout, Unset):
            changes["timeout"] = timeout
        if max_retries is not None:
            changes["max_retries"] = max_retries
        return self._derive(**changes)

    def _derive(self, **changes: Any) -> Self:
        derived = evolve(self, **changes)
        derived._origin = self._origin or self
        return derived

    def _request_headers(self) -> httpx.Headers:
        headers = httpx.Headers({"User-Agent": USER_AGENT})
        headers.update(self._headers)  # the caller's headers win, whatever their case
        return headers

    def _auth(self) -> tuple[str, str]:
        return ("", "")  # no auth header

    def _build_request(
        self, client: httpx.Client | httpx.AsyncClient, method: str, url: str, kwargs: dict[str, Any]
    ) -> httpx.Request:
        """The request with this client's headers, cookies and timeout; the call's own (kwargs) win. Where
        the pool is one this client built, with its headers as they still are, it adds them itself."""
        if kwargs.get("params"):
            url += ("&" if "?" in url else "?") + query_string(kwargs["params"])
        rest = {key: value for key, value in kwargs.items() if key not in ("headers", "cookies", "params")}
        if any(client is pool and auth == self._auth() for pool, auth in self._pools):
            rest.update(headers=kwargs.get("headers"), cookies=kwargs.get("cookies"))
        else:  # a derived client's, or one set with set_httpx_client: everything goes with the request
            mine = self._request_headers()
            mine.update(kwargs.get("headers") or {})
            cookies = {**self._cookies, **(kwargs.get("cookies") or {})}
            rest.update(headers=mine, cookies=cookies or None, timeout=self._timeout)
        try:
            return client.build_request(method, url, **rest)
        except httpx.InvalidURL as error:
            raise errors.ConfigurationError(f"{method} {url}: not a URL httpx can send to: {error}") from None

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request (kwargs as httpx's: params, json, content, data, files, headers, cookies) with
        this client's headers, cookies and timeout, retrying as RetryPolicy(max_retries) allows.

        Raises errors.APIConnectionError (errors.APITimeoutError for a timeout) when no response came."""
        client = self.get_httpx_client()
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            request = self._build_request(client, method, url, kwargs)
            try:
                response = client.send(request)
            except httpx.RequestError as error:
                delay = (
                    policy.delay_after_error(method, error, attempt)
                    if isinstance(error, httpx.TransportError)
                    else None
                )
                if delay is None:
                    raise _connection_error(request, error, secret_of(self)) from error
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                response.close()
            time.sleep(delay)
            attempt += 1

    async def async_request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """request(), with the async httpx client."""
        client = self.get_async_httpx_client()
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            request = self._build_request(client, method, url, kwargs)
            try:
                response = await client.send(request)
            except httpx.RequestError as error:
                delay = (
                    policy.delay_after_error(method, error, attempt)
                    if isinstance(error, httpx.TransportError)
                    else None
                )
                if delay is None:
                    raise _connection_error(request, error, secret_of(self)) from error
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                await response.aclose()
            await _async_sleep(delay)
            attempt += 1

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client (this client then no longer shares the one it was derived from).

        **NOTE**: requests still carry this client's headers, cookies and timeout.
        """
        self._client, self._origin = client, None
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client (the connection pool), constructing a new one if not previously set.
        A derived client uses the one of the client it was derived from."""
        if self._origin is not None:
            return self._origin.get_httpx_client()
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
            self._pools.append((self._client, self._auth()))
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for the connection pool—you cannot enter twice (see httpx docs).
        A derived client's pool is its origin's: entering or leaving the derived client does nothing."""
        if self._origin is None:
            self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for the connection pool (see httpx docs)"""
        if self._origin is None:
            self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient (see set_httpx_client)."""
        self._async_client, self._origin = async_client, None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set (see get_httpx_client)."""
        if self._origin is not None:
            return self._origin.get_async_httpx_client()
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
            self._pools.append((self._async_client, self._auth()))
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for the async connection pool—you cannot enter twice (see httpx docs)"""
        if self._origin is None:
            await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for the async connection pool (see httpx docs)"""
        if self._origin is None:
            await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints.

    Every operation is reachable from it: `client.<group>.<operation>(...)`, and for async code
    `await client.aio.<group>.<operation>(...)`.

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL (default: https://api.baseten.co)

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take: an httpx.Timeout, or seconds
        (default: 60 s, 5 s to connect; None waits forever). errors.APITimeoutError is raised if it is exceeded.

        ``max_retries``: How many times a failed request is sent again (default: 2; 0 disables). See RetryPolicy.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether the *_detailed functions raise errors.APIStatusError (its
            subclass for the status) on a non-2xx response and errors.UnexpectedStatus on a 2xx the spec does not
            document. False returns such responses, `parsed` being the documented model or None. sync() and
            asyncio() raise either way: they return the documented success type or nothing.
        token: The API key (default: $BASETEN_API_KEY)
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the header that carries the token
    """

    raise_on_unexpected_status: bool = field(default=True, kw_only=True)
    _base_url: str = field(default="https://api.baseten.co", alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", validator=_check_headers)
    _timeout: httpx.Timeout | None = field(
        factory=lambda: httpx.Timeout(60.0, connect=5.0), kw_only=True, alias="timeout", converter=_as_timeout
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=2, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # The client this one was derived from, whose connections it uses: only the pool is shared.
    _origin: "AuthenticatedClient | None" = field(default=None, init=False, repr=False)
    # The httpx clients built here, which carry this client's headers, cookies and timeout already, each
    # with the auth header it was built with (the token is a public attribute: it may change since).
    _pools: list[tuple[httpx.Client | httpx.AsyncClient, tuple[str, str]]] = field(factory=list, init=False, repr=False)

    token: str = field(factory=_token_from_environment, repr=False, validator=_check_token)
    prefix: str = "Api-Key"
    auth_header_name: str = "Authorization"

    def with_headers(self, headers: Mapping[str, str]) -> Self:
        """A new client like this one with these headers added. This one is unchanged: the two share
        nothing but the connection pool, which closes with this client."""
        return self._derive(headers={**self._headers, **headers})

    def with_cookies(self, cookies: Mapping[str, str]) -> Self:
        """A new client like this one with these cookies added; this one is unchanged (see with_headers)."""
        return self._derive(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """A new client like this one with this timeout; this one is unchanged (see with_headers)."""
        return self._derive(timeout=timeout)

    def with_options(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None | Unset = UNSET,
        max_retries: int | None = None,
    ) -> Self:
        """A new client like this one with some settings changed, for a call or a few:
        `client.with_options(timeout=5, max_retries=0).models.list_models()`. This one is unchanged; the
        two share nothing but the connection pool, which closes with this client."""
        changes: dict[str, Any] = {}
        if headers is not None:
            changes["headers"] = {**self._headers, **headers}
        if cookies is not None:
            changes["cookies"] = {**self._cookies, **cookies}
        if not isinstance(timeout, Unset):
            changes["timeout"] = timeout
        if max_retries is not None:
            changes["max_retries"] = max_retries
        return self._derive(**changes)

    def _derive(self, **changes: Any) -> Self:
        derived = evolve(self, **changes)
        derived._origin = self._origin or self
        return derived

    def _request_headers(self) -> httpx.Headers:
        """User-Agent, the stored headers and the auth header, built per request so the token never sits in a field repr() shows"""
        headers = httpx.Headers({"User-Agent": USER_AGENT})
        headers.update(self._headers)
        name, value = self._auth()
        headers[name] = value
        return headers

    def _auth(self) -> tuple[str, str]:
        """The auth header, (name, value)."""
        return self.auth_header_name, f"{self.prefix} {self.token}" if self.prefix else self.token

    def _build_request(
        self, client: httpx.Client | httpx.AsyncClient, method: str, url: str, kwargs: dict[str, Any]
    ) -> httpx.Request:
        """The request with this client's headers, cookies and timeout; the call's own (kwargs) win. Where
        the pool is one this client built, with its headers as they still are, it adds them itself."""
        if kwargs.get("params"):
            url += ("&" if "?" in url else "?") + query_string(kwargs["params"])
        rest = {key: value for key, value in kwargs.items() if key not in ("headers", "cookies", "params")}
        if any(client is pool and auth == self._auth() for pool, auth in self._pools):
            rest.update(headers=kwargs.get("headers"), cookies=kwargs.get("cookies"))
        else:  # a derived client's, or one set with set_httpx_client: everything goes with the request
            mine = self._request_headers()
            mine.update(kwargs.get("headers") or {})
            cookies = {**self._cookies, **(kwargs.get("cookies") or {})}
            rest.update(headers=mine, cookies=cookies or None, timeout=self._timeout)
        try:
            return client.build_request(method, url, **rest)
        except httpx.InvalidURL as error:
            raise errors.ConfigurationError(f"{method} {url}: not a URL httpx can send to: {error}") from None

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request (kwargs as httpx's: params, json, content, data, files, headers, cookies) with
        this client's headers, cookies and timeout, retrying as RetryPolicy(max_retries) allows.

        Raises errors.APIConnectionError (errors.APITimeoutError for a timeout) when no response came."""
        client = self.get_httpx_client()
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            request = self._build_request(client, method, url, kwargs)
            try:
                response = client.send(request)
            except httpx.RequestError as error:
                delay = (
                    policy.delay_after_error(method, error, attempt)
                    if isinstance(error, httpx.TransportError)
                    else None
                )
                if delay is None:
                    raise _connection_error(request, error, secret_of(self)) from error
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                response.close()
            time.sleep(delay)
            attempt += 1

    async def async_request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """request(), with the async httpx client."""
        client = self.get_async_httpx_client()
        policy = RetryPolicy(max_retries=self.max_retries)
        attempt = 0
        while True:
            request = self._build_request(client, method, url, kwargs)
            try:
                response = await client.send(request)
            except httpx.RequestError as error:
                delay = (
                    policy.delay_after_error(method, error, attempt)
                    if isinstance(error, httpx.TransportError)
                    else None
                )
                if delay is None:
                    raise _connection_error(request, error, secret_of(self)) from error
            else:
                delay = policy.delay_after_status(method, response, attempt)
                if delay is None:
                    return response
                await response.aclose()
            await _async_sleep(delay)
            attempt += 1

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client (this client then no longer shares the one it was derived from).

        **NOTE**: requests still carry this client's headers, cookies and timeout.
        """
        self._client, self._origin = client, None
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client (the connection pool), constructing a new one if not previously set.
        A derived client uses the one of the client it was derived from."""
        if self._origin is not None:
            return self._origin.get_httpx_client()
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
            self._pools.append((self._client, self._auth()))
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for the connection pool—you cannot enter twice (see httpx docs).
        A derived client's pool is its origin's: entering or leaving the derived client does nothing."""
        if self._origin is None:
            self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for the connection pool (see httpx docs)"""
        if self._origin is None:
            self.get_httpx_client().__exit__(exc_type, exc_value, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient (see set_httpx_client)."""
        self._async_client, self._origin = async_client, None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set (see get_httpx_client)."""
        if self._origin is not None:
            return self._origin.get_async_httpx_client()
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
            self._pools.append((self._async_client, self._auth()))
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for the async connection pool—you cannot enter twice (see httpx docs)"""
        if self._origin is None:
            await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Exit a context manager for the async connection pool (see httpx docs)"""
        if self._origin is None:
            await self.get_async_httpx_client().__aexit__(exc_type, exc_value, traceback)

    @property
    def api_keys(self) -> "_group_api_keys.ApiKeys":
        """1 operation: create_api_key"""
        from .api.api_keys import ApiKeys

        return ApiKeys(self)

    @property
    def aio(self) -> "AsyncAPI":
        """The same operations for async code: `await client.aio.<group>.<operation>(...)`."""
        return AsyncAPI(self)


class AsyncAPI:
    """Every operation of the client for async code: `await client.aio.<group>.<operation>(...)`."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @property
    def api_keys(self) -> "_group_api_keys.AsyncApiKeys":
        """1 operation: create_api_key"""
        from .api.api_keys import AsyncApiKeys

        return AsyncApiKeys(self._client)
