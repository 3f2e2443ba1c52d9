"""The client's machinery, the same for every spec: the connection pools, the request loop with its
retries, derived clients and the context managers.

client.py (generated) subclasses BaseClient and BaseAuthenticatedClient with what the spec decides: the
server, the security schemes (how each credential travels, and its keyword arguments), the spec's default
security, the API key's environment variable and the client tree.
Hand-written (runtime/ in the generator's repository), it keeps the generator's stock Client and
AuthenticatedClient interface (the same constructor arguments, attributes and methods), with these
changes, each for a safe default:

- Credentials per operation: each request carries those of the first alternative of its operation's
  security (an endpoint passes `security=` where its own differs from the spec's default, SECURITY) that
  the client has every credential for: headers, http basic, query parameters, cookies (Scheme). A call
  none of whose alternatives the client can meet is an errors.ConfigurationError naming the keyword
  arguments it lacks, before anything is sent. The stock client sent one header with every request.
- The credentials stay out of repr(), exception messages and logs: they are repr=False, sent per request,
  and registered with _secrets (a password, and http basic's encoded pair, too), which takes them out of
  every message, log line (httpx's and httpcore's included) and repr. An empty, blank or header-breaking
  token or header is an errors.ConfigurationError when the client is built, before anything is sent; so
  is a plain `http://` server other than this machine, which would carry the key in clear, unless
  `allow_insecure_http=True` says so.
- Redirects (follow_redirects=True) are followed here, not by httpx, so that the credentials (whatever
  their header's name: httpx drops only `Authorization`; a query parameter) and any header whose name says
  credential are dropped on a redirect to another origin, and a cookie or query credential is carried on
  to the same origin.
- A finite default timeout (5 s to connect, 60 s to read); the stock default (None) can hang forever.
- request()/async_request(), which the endpoint modules call: this client's headers, cookies and timeout
  go with each request; retries per retries.RetryPolicy; httpx's exceptions become
  errors.APIConnectionError / errors.APITimeoutError (httpx's as __cause__) once retries are spent.
  An endpoint's rate limit paces its requests (_pacing.py); an optional `deadline` bounds a whole call,
  pool wait, pacing and retries included. A JSON body is encoded here (strict JSON: NaN, infinity or an
  integer too long to write are an errors.InvalidField naming where they are, before anything is sent).
- A derived client (with_headers, with_cookies, with_timeout, with_options) shares nothing but the
  connection pool with the client it came from: the stock client changed the open httpx client in
  place, so the original's next request carried the derived client's headers.
- close()/aclose() and the context managers close the pools; any later use opens new ones, as does
  async use from another event loop. Pools are made under a lock: threads share one.
- The query string is written as OpenAPI's form style (_wire.query_string).
- raise_on_unexpected_status defaults to True: a failed call raises instead of returning None. The
  clients are generic in it (`Raises`: Literal[True] unless built with False), so that a type checker
  knows what `.detailed(...).parsed` holds: the success type where the client raises on anything else.
"""

import base64
import json
import logging
import re
import ssl
import sys
import threading
import time
import typing
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Self, cast

import httpx
from attrs import define, evolve, field, fields

from . import _pacing, _secrets, errors
from ._logging import logger
from ._pacing import RateLimit
from ._read import json_type
from ._wire import query_string, unsendable_json
from .retries import RetryPolicy
from .types import UNSET, Unset

if TYPE_CHECKING:
    from typing_extensions import TypeVar  # a default (PEP 696) for Python 3.11's type checkers

    # What raise_on_unexpected_status is, as far as a type checker can tell: Literal[True] for a client
    # built without it (the default), bool for one built with a value. Covariant: a function taking
    # `AuthenticatedClient[bool]` takes either.
    Raises = TypeVar("Raises", bound=bool, default=Literal[True], covariant=True)
else:
    Raises = typing.TypeVar("Raises", bound=bool, covariant=True)

_clock = time.monotonic  # bound here: the tests replace `time` to record the waits they would sleep
# What an HTTP header value cannot carry here: control characters (a line break would end the header) and
# anything outside ASCII, which httpx cannot encode.
_NOT_IN_A_HEADER = re.compile(r"[^\t\x20-\x7e]")
# What a cookie value cannot carry (RFC 6265 cookie-octet): besides the above, space, `"`, `,`, `;` and `\`.
_NOT_IN_A_COOKIE = re.compile(r"[^\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]")
# What http basic's username and password cannot carry (RFC 7617): control characters; a username, no colon.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@define(frozen=True)
class Scheme:
    """How one of the spec's security schemes carries its credential (pipeline/generate/auth_scheme.py reads them;
    the generated client lists them in SCHEMES, by their names in the spec)."""

    # "header": `name: prefix <credential>`; "basic": `Authorization: Basic base64(username:password)`;
    # "query", "cookie": name=<credential>; "unsupported": not sent (name says what the spec asks).
    place: Literal["header", "basic", "query", "cookie", "unsupported"]
    name: str = ""
    prefix: str = ""
    keywords: tuple[str, ...] = ()  # the client's attributes holding it: ("token",); ("username", "password")


# The schemes a request carries together (their names in the spec); () carries none.
Requirement = tuple[str, ...]
# An operation's alternatives, in the spec's order: a request carries the first the client has credentials for.
Security = tuple[Requirement, ...]
# What a request carries: (place, name, value), its header, query parameter or cookie.
Credential = tuple[str, str, str]


def user_agent(project: str, version: str) -> str:
    """`<project>/<version> python/3.11 httpx/0.28`, the User-Agent every request carries."""
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{project}/{version} python/{python} httpx/{'.'.join(httpx.__version__.split('.')[:2])}"


def secret_of(client: "BaseClient[bool]") -> str:
    """The value no message may show: the client's first credential, where it has one (every other is
    registered with _secrets). Rate limits are paced per this value too."""
    return client._secret() if isinstance(client, BaseAuthenticatedClient) else ""


def check_token(_client: object, attribute: Any, token: str | None) -> None:
    """An attrs validator: the key can travel in an HTTP header. The message says what is wrong, never the key.
    The key is registered with _secrets: no message, log line or repr shows it from now on. None: not given."""
    if token is None:
        return
    what = "the API key" if attribute.name == "token" else f"{attribute.name}="
    if not isinstance(token, str) or not token.strip():
        raise errors.ConfigurationError(f"{what} is empty")
    if _NOT_IN_A_HEADER.search(token) or token != token.strip():
        raise errors.ConfigurationError(
            f"{what} cannot travel in an HTTP header: it holds a line break, another control character,"
            " a character outside ASCII, or space at either end"
        )
    _secrets.remember(token)


def check_username(_client: object, attribute: Any, username: str | None) -> None:
    """An attrs validator: http basic's username (RFC 7617: no colon, no control character; UTF-8)."""
    if username is None:
        return
    if not isinstance(username, str) or not username or ":" in username or _CONTROL.search(username):
        raise errors.ConfigurationError(
            f"{attribute.name}= cannot be an http basic username: it is empty, or holds a colon or a control character"
        )


def check_password(_client: object, attribute: Any, password: str | None) -> None:
    """An attrs validator: http basic's password (no control character; may be empty). Registered with _secrets."""
    if password is None:
        return
    if not isinstance(password, str) or _CONTROL.search(password):
        raise errors.ConfigurationError(f"{attribute.name}= cannot be an http basic password: a control character")
    _secrets.remember(password)


def _carry_cookies(request: httpx.Request, credentials: Iterable[Credential]) -> None:
    """Add the cookie credentials to the request's Cookie header (httpx's per-request cookies= warns)."""
    pairs = "; ".join(f"{name}={value}" for place, name, value in credentials if place == "cookie")
    if pairs:
        existing = request.headers.get("Cookie")
        request.headers["Cookie"] = f"{existing}; {pairs}" if existing else pairs


def _check_headers(_client: object, _attribute: object, headers: Mapping[str, str]) -> None:
    for name, value in headers.items():
        if not isinstance(value, str) or _NOT_IN_A_HEADER.search(value):
            raise errors.ConfigurationError(f"header {name!r}: its value cannot travel in an HTTP header")


def _as_timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout | None:
    return timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _connection_error(
    request: httpx.Request, error: Exception, secret: str, why: str = ""
) -> errors.APIConnectionError:
    kind = errors.APITimeoutError if isinstance(error, httpx.TimeoutException) else errors.APIConnectionError
    if isinstance(error, httpx.PoolTimeout) and not why:
        why = (
            f"{error}: every connection of the pool stayed busy for the whole wait (not retried); give"
            " httpx_args={'limits': httpx.Limits(max_connections=...)} at least as many as the calls at once"
        )
    return kind(request, error, secret, why)


def _sent(request: httpx.Request, attempt: int, secret: str) -> float:
    """When the request went: for the log line its answer gets."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "sending %s %s%s",
            request.method,
            errors.redacted(request.url.path, secret, errors.MESSAGE_PATH_CHARS),
            f" (retry {attempt})" if attempt else "",
        )
    return _clock()


def _answered(request: httpx.Request, response: httpx.Response, started: float, secret: str) -> None:
    if logger.isEnabledFor(logging.INFO):
        request_id = next(
            (response.headers[name] for name in errors.REQUEST_ID_HEADERS if name in response.headers), ""
        )
        logger.info(
            "%s %s -> %s in %.0f ms%s",
            request.method,
            errors.redacted(request.url.path, secret, errors.MESSAGE_PATH_CHARS),
            response.status_code,
            (_clock() - started) * 1000,
            f" [request id {errors.redacted(request_id, secret, 100)}]" if request_id else "",
        )


def _retrying(request: httpx.Request, why: str, delay: float, attempt: int, policy: RetryPolicy, secret: str) -> None:
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "%s %s: %s; retry %d of %d in %.2f s",
            request.method,
            errors.redacted(request.url.path, secret, errors.MESSAGE_PATH_CHARS),
            why,
            attempt + 1,
            policy.max_retries,
            delay,
        )


def _paced(request: httpx.Request, limit: RateLimit, wait: float) -> None:
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "%s %s: at most %d requests in %g s to this endpoint; waiting %.2f s",
            request.method,
            errors.redacted(request.url.path, "", errors.MESSAGE_PATH_CHARS),
            limit.requests,
            limit.per,
            wait,
        )


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here, not above: importing it costs more than httpx, and only async calls need it

    await asyncio.sleep(seconds)


def _json_content(value: Any) -> bytes:
    """A JSON body as httpx 0.28 writes one (compact, UTF-8), strictly: NaN and infinity are not JSON (httpx
    before 0.28 sent them as such), and an integer longer than Python writes is an error here, not in httpx.
    errors.InvalidField names where the value is that cannot be sent."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as error:
        raise (
            unsendable_json(value, "body") or errors.InvalidField("body", f"cannot be sent as JSON: {error}")
        ) from None


def _unsendable_header(kwargs: dict[str, Any], error: Exception) -> errors.InvalidField:
    """The header or cookie parameter whose value httpx could not write, named."""
    for kind in ("headers", "cookies"):
        for name, value in (kwargs.get(kind) or {}).items():
            if not isinstance(value, str | bytes) or (isinstance(value, str) and _NOT_IN_A_HEADER.search(value)):
                what = (
                    "a string with a control character or a character outside ASCII" if isinstance(value, str) else ""
                )
                return errors.InvalidField(
                    name, f"cannot be sent in a {kind[:-1]}: expected a string, got {what or json_type(value)}"
                )
    return errors.InvalidField("headers", f"cannot be sent: {error}")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


def _loopback(host: str) -> bool:
    """This machine: `localhost`, 127.0.0.0/8, ::1. A key sent there in clear does not cross a network."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    import ipaddress  # here: only a plain http:// server needs it

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Call:
    """One call through the request loop: its attempts and their waits, its redirects, its rate limit and its
    deadline, and the credentials it carries. request() and async_request() differ only in how they send and
    sleep."""

    def __init__(
        self,
        owner: "BaseClient[bool]",
        pool: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        kwargs: dict[str, Any],
        rate_limit: RateLimit | None,
        credentials: list[Credential],
    ) -> None:
        self.owner, self.pool, self.method, self.url, self.kwargs = owner, pool, method, url, kwargs
        self.credentials = credentials
        self.rate_limit = rate_limit if owner._pace else None
        self.policy = RetryPolicy(max_retries=owner.max_retries)
        self.secret = secret_of(owner)
        self.attempt = 0
        self.hops = 0  # redirects followed
        self.redirect: httpx.Request | None = None
        self.started = 0.0
        deadline = owner._deadline
        self.ends = None if deadline is None else _clock() + deadline

    def prepare(self) -> tuple[httpx.Request, float]:
        """The next request to send, and how long to wait first for the endpoint's rate limit."""
        if self.redirect is not None:
            request, self.redirect = self.redirect, None
            return request, 0.0
        request = self.owner._build_request(self.pool, self.method, self.url, self.kwargs, self.credentials)
        if self.rate_limit is None:
            return request, 0.0
        now = _clock()
        wait = _pacing.reserve(self.secret, self.rate_limit, now)
        if wait > 0 and self.ends is not None and now + wait >= self.ends:
            _pacing.cancel(self.secret, self.rate_limit, now + wait)
            raise errors.APITimeoutError(
                request,
                None,
                self.secret,
                f"the endpoint's rate limit ({self.rate_limit.requests} requests in {self.rate_limit.per:g} s)"
                f" would have it wait {wait:.1f} s, past the call's deadline of {self.owner._deadline:g} s;"
                " nothing was sent",
            )
        if wait > 0:
            _paced(request, self.rate_limit, wait)
        return request, wait

    def sending(self, request: httpx.Request) -> None:
        """Log the request, and cap each of its network waits at what is left of the deadline."""
        self.started = _sent(request, self.attempt, self.secret)
        if self.ends is None:
            return
        left = self.ends - self.started
        if left <= 0:
            raise self.expired(request)
        given = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            phase: left if given.get(phase) is None else min(given[phase], left)
            for phase in ("connect", "read", "write", "pool")
        }

    def left(self) -> float | None:
        return None if self.ends is None else self.ends - _clock()

    def expired(self, request: httpx.Request) -> errors.APITimeoutError:
        return errors.APITimeoutError(
            request, None, self.secret, f"the call's deadline of {self.owner._deadline:g} s passed"
        )

    def _fits(self, delay: float) -> bool:
        """Whether a retry after `delay` seconds could still be sent before the deadline."""
        return self.ends is None or _clock() + delay < self.ends

    def failed(self, request: httpx.Request, error: httpx.RequestError) -> float:
        """No response: the seconds to wait before sending again; raises the package's error when it will not."""
        delay = (
            self.policy.delay_after_error(self.method, error, self.attempt)
            if isinstance(error, httpx.TransportError)
            else None
        )
        if delay is None or not self._fits(delay):
            why = f"{error}; not retried: the call's deadline would pass first" if delay is not None else ""
            raise _connection_error(request, error, self.secret, why) from error
        _retrying(request, type(error).__name__, delay, self.attempt, self.policy, self.secret)
        self.attempt += 1
        return delay

    def answered(self, request: httpx.Request, response: httpx.Response) -> float | None:
        """A response: None to return it; else the seconds to wait before the next request (a retry, or
        0.0 for a redirect followed, which prepare() then gives)."""
        _answered(request, response, self.started, self.secret)
        if self.pool.follow_redirects and response.next_request is not None:
            self.hops += 1
            if self.hops > self.pool.max_redirects:
                raise _connection_error(
                    request, httpx.TooManyRedirects("too many redirects", request=request), self.secret
                )
            self.redirect = self._redirected(request, response.next_request)
            return 0.0
        delay = self.policy.delay_after_status(self.method, response, self.attempt)
        if delay is None or not self._fits(delay):
            return None  # returned as it is, to raise as its status says
        if response.status_code == 429 and self.rate_limit is not None:
            _pacing.pause(self.secret, self.rate_limit, _clock() + delay)
        _retrying(request, f"HTTP {response.status_code}", delay, self.attempt, self.policy, self.secret)
        self.attempt += 1
        return delay

    def _redirected(self, previous: httpx.Request, request: httpx.Request) -> httpx.Request:
        """The redirect as httpx built it, without credentials where it leaves the origin: httpx drops only
        an `Authorization` header, not the key under another name (`X-API-Key`) nor in the query. To the
        same origin, the cookie and query credentials go again (httpx keeps only the headers)."""
        if _origin(request.url) != _origin(previous.url):
            headers = {name.lower() for place, name, _ in self.credentials if place == "header"}
            for name in list(request.headers):
                if name.lower() in headers or _secrets.SECRET_HEADER.search(name):
                    del request.headers[name]
            for place, name, _ in self.credentials:
                if place == "query":
                    request.url = request.url.copy_remove_param(name)
            return request
        query = [(name, value) for place, name, value in self.credentials if place == "query"]
        if query:
            kept = request.url.query.decode("ascii")
            missing = [(name, value) for name, value in query if name not in request.url.params]
            if missing:
                request.url = request.url.copy_with(query=f"{kept}&{query_string(missing)}".lstrip("&").encode())
        _carry_cookies(request, self.credentials)
        return request


@define
class BaseClient(Generic[Raises]):
    """Keyword arguments, beside `base_url` (the generated Client documents its default):

    - `cookies`, `headers`: sent with every request.
    - `timeout`: an httpx.Timeout, or seconds (default: 60 s, 5 s to connect; None waits forever);
      errors.APITimeoutError once it is exceeded.
    - `max_retries`: how many times a failed request is sent again (default 2; 0 disables); see
      retries.RetryPolicy.
    - `deadline`: seconds a whole call may take, waiting for a pooled connection, for the endpoint's rate
      limit and between retries included (default None: no bound but `timeout`'s on each wait);
      errors.APITimeoutError once it passes. A retry that could not be sent in time is not waited for.
    - `pace`: keep each endpoint within the rate limit the spec's service documents (default True).
    - `raise_on_unexpected_status`: whether the *_detailed functions raise errors.APIStatusError (its
      subclass for the status) on a non-2xx response and errors.UnexpectedStatus on a 2xx the spec does
      not document. False returns such responses, `parsed` being the documented model or None. sync()
      and asyncio() raise either way: they return the documented success type or nothing.
    - `verify_ssl`, `follow_redirects` (default False), `httpx_args`: passed to httpx.Client and
      httpx.AsyncClient.
    """

    USER_AGENT: ClassVar[str] = user_agent("client", "0")  # the generated subclass names its package

    raise_on_unexpected_status: Raises = field(default=cast(Raises, True), kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", validator=_check_headers)
    _timeout: httpx.Timeout | None = field(
        factory=lambda: httpx.Timeout(60.0, connect=5.0), kw_only=True, alias="timeout", converter=_as_timeout
    )
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=2, kw_only=True)
    _deadline: float | None = field(default=None, kw_only=True, alias="deadline")
    _pace: bool = field(default=True, kw_only=True, alias="pace")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # The client this one was derived from, whose connections it uses: only the pool is shared.
    _origin: "BaseClient[bool] | None" = field(default=None, init=False, repr=False)
    # The httpx clients built here, which carry this client's headers, cookies and timeout already (never a
    # credential: each request carries its own).
    _pools: list[httpx.Client | httpx.AsyncClient] = field(factory=list, init=False, repr=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False)
    _given: bool = field(default=False, init=False, repr=False)  # set_httpx_client's: never replaced
    _given_async: bool = field(default=False, init=False, repr=False)
    _async_loop: object | None = field(default=None, init=False, repr=False)  # the loop the async pool is of

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
        deadline: float | None | Unset = UNSET,
    ) -> Self:
        """A new client like this one with some settings changed, for a call or a few:
        `client.with_options(timeout=5, max_retries=0).models.list_models()`. This one is unchanged; the
        two share nothing but the connection pool, which closes with this client."""
        changes: dict[str, Any] = {}
        if not isinstance(deadline, Unset):
            changes["deadline"] = deadline
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
        """User-Agent and the stored headers (the caller's win, whatever their case); no credential."""
        headers = httpx.Headers({"User-Agent": self.USER_AGENT})
        headers.update(self._headers)
        return headers

    def _credentials_for(self, method: str, url: str, security: Security | None) -> list[Credential]:
        """What a request carries for its operation's security: none from a client without credentials."""
        return []

    def _build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        kwargs: dict[str, Any],
        credentials: Iterable[Credential] = (),
    ) -> httpx.Request:
        """The request with this client's headers, cookies and timeout, and the credentials; the call's own
        headers and cookies (kwargs) win. Where the pool is one this client built, it adds the client's."""
        if kwargs.get("params"):
            url += ("&" if "?" in url else "?") + query_string(kwargs["params"])
        query = [(name, value) for place, name, value in credentials if place == "query"]
        if query:
            url += ("&" if "?" in url else "?") + query_string(query)
        rest = {key: value for key, value in kwargs.items() if key not in ("headers", "cookies", "params", "json")}
        if "json" in kwargs:
            rest["content"] = _json_content(kwargs["json"])
        own = any(client is pool for pool in self._pools)
        try:
            headers = httpx.Headers() if own else self._request_headers()
            headers.update({name: value for place, name, value in credentials if place == "header"})
            headers.update(kwargs.get("headers") or {})
            if own:
                rest.update(headers=headers, cookies=kwargs.get("cookies"))
            else:  # a derived client's, or one set with set_httpx_client: everything goes with the request
                cookies = {**self._cookies, **(kwargs.get("cookies") or {})}
                rest.update(headers=headers, cookies=cookies or None, timeout=self._timeout)
            request = client.build_request(method, url, **rest)
        except httpx.InvalidURL as error:
            shown = errors.redacted(url, secret_of(self), errors.MESSAGE_PATH_CHARS)
            raise errors.ConfigurationError(f"{method} {shown}: not a URL httpx can send to: {error}") from None
        except (TypeError, ValueError) as error:  # a header or cookie value that is not text
            raise _unsendable_header(kwargs, error) from None
        self._check_secure(request)
        _carry_cookies(request, credentials)
        return request

    def _check_secure(self, request: httpx.Request) -> None:
        """Refuse to send the key in clear to another machine (BaseAuthenticatedClient)."""

    def request(
        self,
        method: str,
        url: str,
        *,
        rate_limit: RateLimit | None = None,
        security: Security | None = None,
        server: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send a request (kwargs as httpx's: params, json, content, data, files, headers, cookies) with
        this client's headers, cookies and timeout, and the credentials `security` (the endpoint's; None:
        the spec's default) asks for, retrying as RetryPolicy(max_retries) allows, within `rate_limit` (the
        endpoint's) and the client's deadline; to `server` where the spec serves the operation from its own
        (url_at).

        Raises errors.ConfigurationError, before anything is sent, where the client lacks the credentials,
        and errors.APIConnectionError (errors.APITimeoutError for a timeout) when no response came."""
        pool = self.get_httpx_client()
        url = self.url_at(url, server, str(pool.base_url))
        credentials = self._credentials_for(method, url, security)
        call = _Call(self, pool, method, url, kwargs, rate_limit, credentials)
        while True:
            request, wait = call.prepare()
            if wait > 0:
                time.sleep(wait)
            call.sending(request)
            try:
                response = pool.send(request, follow_redirects=False)
            except httpx.RequestError as error:
                delay = call.failed(request, error)
            else:
                again = call.answered(request, response)
                if again is None:
                    return response
                response.close()
                delay = again
            if call.redirect is None:
                time.sleep(delay)

    async def async_request(
        self,
        method: str,
        url: str,
        *,
        rate_limit: RateLimit | None = None,
        security: Security | None = None,
        server: str | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """request(), with the async httpx client. The deadline also cancels a send that outlasts it."""
        pool = self.get_async_httpx_client()
        url = self.url_at(url, server, str(pool.base_url))
        credentials = self._credentials_for(method, url, security)
        call = _Call(self, pool, method, url, kwargs, rate_limit, credentials)
        while True:
            request, wait = call.prepare()
            if wait > 0:
                await _async_sleep(wait)
            call.sending(request)
            try:
                left = call.left()
                if left is None:
                    response = await pool.send(request, follow_redirects=False)
                else:
                    import asyncio  # here: only async code with a deadline needs it

                    try:
                        async with asyncio.timeout(left):
                            response = await pool.send(request, follow_redirects=False)
                    except TimeoutError:
                        raise call.expired(request) from None
            except httpx.RequestError as error:
                delay = call.failed(request, error)
            else:
                again = call.answered(request, response)
                if again is None:
                    return response
                await response.aclose()
                delay = again
            if call.redirect is None:
                await _async_sleep(delay)

    def url_at(self, path: str, server: str | None, base_url: str | None = None) -> str:
        """Where a request for `path` goes when its operation has a server of its own (the spec's path-item
        or operation `servers`; None: base_url). That server, where base_url (the client's, or the httpx
        client's that sends it) is the spec's; where the caller chose another (a proxy, a mock, a test
        server), that host under the operation's server's path, so that every call reaches the host the
        caller named. A relative server (`/upload`) is a path on base_url's host."""
        if not server:
            return path
        base_url = (base_url or self._base_url).rstrip("/")
        spec_server = fields(type(self))._base_url.default  # the generated client's default: the spec's
        at_spec_server = isinstance(spec_server, str) and base_url == spec_server.rstrip("/")
        if at_spec_server and not server.startswith("/"):
            return server + path
        base, prefix = httpx.URL(base_url), httpx.URL(server).raw_path.decode("ascii").rstrip("/")
        return f"{base.scheme}://{base.netloc.decode('ascii')}{prefix}{path}"

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client (this client then no longer shares the one it was derived from).

        **NOTE**: requests still carry this client's headers, cookies and timeout. Once it is closed, calls
        raise errors.ClientClosedError: it is yours, so the client does not replace it.
        """
        self._client, self._origin, self._given = client, None, True
        return self

    def _new_pool(self, kind: type[httpx.Client] | type[httpx.AsyncClient], replacing: object = None) -> Any:
        pool = kind(
            base_url=self._base_url,
            cookies=self._cookies,
            headers=self._request_headers(),
            timeout=self._timeout,
            verify=self._verify_ssl,
            follow_redirects=self._follow_redirects,
            **self._httpx_args,
        )
        kept = [p for p in self._pools if not p.is_closed and p is not replacing]
        self._pools[:] = [*kept, pool]
        return pool

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client (the connection pool), made on first use, and made again after close().
        A derived client uses the one of the client it was derived from. Safe to call from several threads
        at once: they share one pool."""
        if self._origin is not None:
            return self._origin.get_httpx_client()
        client = self._client
        if client is None or (client.is_closed and not self._given):
            with self._lock:  # eight threads making their first call at once build one pool, not eight
                if self._client is None or (self._client.is_closed and not self._given):
                    self._client = self._new_pool(httpx.Client)
                client = self._client
        if client.is_closed:
            raise errors.ClientClosedError("the httpx.Client given to set_httpx_client() is closed")
        return client

    def close(self) -> None:
        """Close the connection pool; a later call opens a new one. A derived client's pool is its origin's:
        closing the derived client does nothing."""
        if self._origin is None and self._client is not None:
            self._client.close()

    def __enter__(self) -> Self:
        """`with client:` closes the pool at the end of the block. Entering again, or a call after the block,
        is served by a new pool."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient (see set_httpx_client)."""
        self._async_client, self._origin, self._given_async = async_client, None, True
        self._async_loop = None
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient for the running event loop, made on first use there (see
        get_httpx_client): an async pool belongs to the loop it was made in, so a second asyncio.run() gets
        one of its own."""
        if self._origin is not None:
            return self._origin.get_async_httpx_client()
        loop = _running_loop()
        with self._lock:
            client = self._async_client
            if self._given_async:
                if client is None or client.is_closed:
                    raise errors.ClientClosedError("the httpx.AsyncClient given to set_async_httpx_client() is closed")
                return client
            if client is None or client.is_closed or (loop is not None and self._async_loop is not loop):
                client = self._async_client = self._new_pool(httpx.AsyncClient, replacing=client)
                self._async_loop = loop
            return client

    async def aclose(self) -> None:
        """Close the async connection pool (and the sync one); a later call opens a new one."""
        self.close()
        if self._origin is None and self._async_client is not None and self._async_loop is _running_loop():
            await self._async_client.aclose()

    async def __aenter__(self) -> Self:
        """`async with client:` closes the pools at the end of the block (see __enter__)."""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()


def _running_loop() -> object | None:
    """The running asyncio event loop, or None outside one (asyncio is imported only where one runs)."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return None
    try:
        loop: object = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop


@define
class BaseAuthenticatedClient(BaseClient[Raises]):
    """BaseClient with credentials: each request carries those its operation's security asks for.

    SCHEMES (the spec's security schemes by their names in it) and SECURITY (what an operation that states
    no security of its own asks for) are the generated AuthenticatedClient's, with a field for each
    credential; here, one scheme: `token`. A token sent in a header takes the header's name and word from
    `auth_header_name` and `prefix`, the stock client's attributes, to which the generated client gives the
    spec's. For http basic as the first scheme, `token` may hold `username:password` (as curl's -u; without
    a colon, the username, with an empty password), which `username` and `password` override.
    """

    SCHEMES: ClassVar[Mapping[str, Scheme]] = {"token": Scheme("header", keywords=("token",))}
    SECURITY: ClassVar[Security] = (("token",),)
    KEY_VARIABLE: ClassVar[str] = ""  # the environment variable `token` is read from where not given

    token: str | None = field(default=None, kw_only=True, repr=False, validator=check_token)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)
    # A plain http:// server other than this machine gets the key in clear: only where the caller says so.
    _allow_insecure_http: bool = field(default=False, kw_only=True, alias="allow_insecure_http")

    def __attrs_post_init__(self) -> None:
        url = httpx.URL(self._base_url) if isinstance(self._base_url, str) else None
        if url is not None and url.scheme == "http" and not self._allow_insecure_http and not _loopback(url.host):
            raise errors.ConfigurationError(_in_clear(url.host))
        held = [self._credential(scheme) for scheme in self.SCHEMES.values()]  # each registered with _secrets
        if self.credential_keywords() and all(value is None for value in held):
            raise errors.ConfigurationError(self._no_credentials())

    @classmethod
    def credential_keywords(cls) -> list[str]:
        """The keyword arguments that carry credentials, in the order of the spec's schemes: `token` (or, for
        http basic, `username` and `password`) first."""
        return [keyword for scheme in cls.SCHEMES.values() for keyword in scheme.keywords]

    def _credential(self, scheme: Scheme) -> str | None:
        """What `scheme` sends (a header's value after its word, http basic's encoded pair, a query
        parameter's or a cookie's value); None where this client lacks it."""
        if scheme.place == "unsupported" or not scheme.keywords:
            return None
        if scheme.place == "basic":
            username, password = (getattr(self, keyword, None) for keyword in scheme.keywords)
            if username is None and password is None and scheme.keywords == ("username", "password") and self.token:
                username, _, password = self.token.partition(":")
            if username is None or password is None:
                return None
            encoded = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
            _secrets.remember(encoded)  # a server may echo the header
            return encoded
        value: str | None = getattr(self, scheme.keywords[0], None)
        if value is not None and scheme.place == "cookie" and _NOT_IN_A_COOKIE.search(value):
            raise errors.ConfigurationError(
                f"{scheme.keywords[0]}= cannot travel in a cookie: it holds a space, a quote, a comma, a"
                " semicolon, a backslash or a control character"
            )
        return value

    def _carried(self, scheme: Scheme, value: str) -> Credential:
        if scheme.place == "basic":
            return ("header", "Authorization", f"Basic {value}")
        if scheme.place == "header":
            name, prefix = (
                (self.auth_header_name, self.prefix) if scheme.keywords == ("token",) else (scheme.name, scheme.prefix)
            )
            return ("header", name, f"{prefix} {value}" if prefix else value)
        return (scheme.place, scheme.name, value)

    def _credentials_for(self, method: str, url: str, security: Security | None) -> list[Credential]:
        """What a request carries: the credentials of the first alternative of `security` (None: SECURITY)
        this client has every credential for; an empty alternative (none needed) only where it has none of
        the others. A scheme the client cannot send (mutualTLS, an http scheme but basic and bearer) is the
        caller's to arrange (a client certificate, `headers=`): it counts as met and carries nothing (the
        pipeline keeps such an alternative only where the operation offers no other). errors.
        ConfigurationError naming what it lacks where it meets none."""
        offered = self.SECURITY if security is None else security
        for requirement in offered:
            carried = []
            for name in requirement:
                scheme = self.SCHEMES.get(name)
                if scheme is not None and scheme.place == "unsupported":
                    continue
                value = None if scheme is None else self._credential(scheme)
                if scheme is None or value is None:
                    break
                carried.append(self._carried(scheme, value))
            else:
                if requirement:
                    return carried
        if not offered or () in offered:
            return []
        raise errors.ConfigurationError(self._lacking(method, url, offered))

    def _lacking(self, method: str, url: str, offered: Security) -> str:
        """What a call needs and this client lacks: the keyword arguments missing for each alternative."""
        ways = []
        for requirement in offered:
            schemes = [self.SCHEMES.get(name) or Scheme("unsupported") for name in requirement]
            missing = [
                keyword
                for scheme in schemes
                if self._credential(scheme) is None
                for keyword in scheme.keywords
                if getattr(self, keyword, None) is None
            ]
            ways.append(f"{' and '.join(keyword + '=' for keyword in missing)} ({' and '.join(requirement)})")
        path = errors.redacted(url.split("?")[0], self._secret(), errors.MESSAGE_PATH_CHARS)
        return (
            f"{method.upper()} {path} needs credentials this client was not given: pass {', or '.join(ways)}"
            " to AuthenticatedClient"
        )

    def _no_credentials(self) -> str:
        ways = []
        for scheme in self.SCHEMES.values():
            if scheme.keywords in (("token",), ("username", "password")) and self.KEY_VARIABLE:
                ways.append(
                    " and ".join(f"{keyword}=..." for keyword in scheme.keywords) + f" (or set {self.KEY_VARIABLE})"
                )
            elif scheme.keywords:
                ways.append(" and ".join(f"{keyword}=..." for keyword in scheme.keywords))
        return f"no credentials: pass {', or '.join(ways)}"

    def _secret(self) -> str:
        """The first credential this client has (in SCHEMES order), or ""."""
        for scheme in self.SCHEMES.values():
            value = self._credential(scheme)
            if value is not None:
                return value
        return ""

    def _check_secure(self, request: httpx.Request) -> None:
        url = request.url
        if url.scheme == "http" and not self._allow_insecure_http and not _loopback(url.host):
            raise errors.ConfigurationError(_in_clear(url.host))


def _in_clear(host: str) -> str:
    return (
        f"http://{host} would carry the API key in clear across the network: use https://, or pass"
        " allow_insecure_http=True if that network is yours"
    )
