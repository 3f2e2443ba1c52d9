"""Every error the client raises at run time, under one base class, ClientError, as the Stainless SDKs have it.

A bad configuration, a request that could not be completed (connection failures and timeouts, with
httpx's exception as __cause__), a status the call does not return as a result, a success body that
breaks the spec. Messages name the method and the path actually sent, never the API key, and never the
body of a success (an undocumented 201 could carry a new key). InvalidField, for data that does not fit
a model, is a ClientError and a ValueError: a body the caller built wrongly is a mistake in the calling
code, raised before anything is sent, and `except errors.ClientError` still catches everything the
package raises.

Hand-written (runtime/ in the generator's repository), the same for every spec; it replaces the
generator's errors.py.
"""

import json
from typing import Any

import httpx

from ._secrets import scrub
from .retries import requested_wait

# Where servers commonly put the id that support can look a request up by.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-baseten-request-id")
# How much of an error body goes into the message; all of it stays in .content.
MESSAGE_BODY_CHARS = 200
# How much of the reason an error body gives (its `detail`, `message`, `error`) goes into the message.
MESSAGE_REASON_CHARS = 1000
VALUE_CHARS = 40  # of a value quoted from a response (a waiter's field, a cursor)
# How much of a request's path a message names: real ones reach 230 characters (Twilio's add-on results).
MESSAGE_PATH_CHARS = 500


class ClientError(Exception):
    """Base class of every error the client raises at run time: catch this to catch them all."""


class ConfigurationError(ClientError):
    """The client cannot be built as asked, e.g. no API key was given or found in the environment."""


def redacted(text: str, secret: str = "", limit: int = MESSAGE_BODY_CHARS) -> str:
    """`text` with the secret, and the key of every client in use (_secrets.scrub), taken out, then cut to
    `limit` characters: redacted first, so a secret that straddles the cut shows no part of itself."""
    text = scrub(text, secret)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quoted(value: object) -> str:
    """A value from a response as a message quotes it: its repr, redacted, cut short."""
    return redacted(repr(value), "", VALUE_CHARS)


def _route(request: httpx.Request, secret: str = "") -> str:
    """`GET /v1/models/abc123`: the method and the path as sent (no query string, no host); a path longer
    than a message should quote is cut."""
    path = request.url.raw_path.decode("ascii", "replace").split("?")[0]
    return f"{request.method} {redacted(path, secret, MESSAGE_PATH_CHARS)}"


class ClientClosedError(ClientError):
    """An httpx client given to set_httpx_client()/set_async_httpx_client() was closed: this client does not
    replace one it was given (its own it reopens)."""


class APIConnectionError(ClientError):
    """The request could not be completed: no connection, a dropped one, or a protocol error, after the
    client's retries. `.request` is what was being sent; httpx's exception is the __cause__."""

    def __init__(self, request: httpx.Request, error: Exception | None, secret: str = "", why: str = ""):
        self.request = request
        detail = redacted(why or str(error), secret)
        kind = f": {type(error).__name__}" if error is not None else ""
        super().__init__(f"{_route(request, secret)}: {self.what}{kind}" + (f": {detail}" if detail else ""))

    what = "the request could not be completed"


class APITimeoutError(APIConnectionError):
    """No answer in time (connect, read, write or pool timeout), after the client's retries, or the call's
    `deadline` passed. A pool timeout is not retried: every connection of the pool was busy for the whole
    wait, and waiting again would only stall longer (README: many calls at once)."""

    what = "timed out"


class ResponseError(ClientError):
    """A response the call does not return as a result. Carries the status, headers and raw body."""

    def __init__(self, message: str, *, status_code: int, content: bytes, headers: Any = None, secret: str = ""):
        self.status_code = status_code
        self.content = content
        self.headers = httpx.Headers(headers or {})
        request_id = next((self.headers[name] for name in REQUEST_ID_HEADERS if name in self.headers), None)
        # A server that echoes the Authorization header into its request id must not show the key.
        self.request_id = None if request_id is None else redacted(request_id, secret, 100)
        super().__init__(message + (f" [request id {self.request_id}]" if self.request_id else ""))


class UnexpectedStatus(ResponseError):
    """The response's status is not one the spec documents as this call's result."""

    def __init__(self, status_code: int, content: bytes, *, message: str = "", headers: Any = None, secret: str = ""):
        message = message or f"Unexpected status code: {status_code} ({len(content)} bytes of content in .content)"
        super().__init__(message, status_code=status_code, content=content, headers=headers, secret=secret)

    @classmethod
    def of(cls, response: httpx.Response, secret: str = "", left_out: bool = False) -> "UnexpectedStatus":
        """For a 2xx the spec does not document for the call, or (`left_out`) documents in a form the client
        could not build (the package's LEFT_OUT says why): the message leaves its body out."""
        said = (
            "which the client left out (LEFT_OUT in the package says why)"
            if left_out
            else ("which the spec does not document for this call")
        )
        message = f"{_route(response.request, secret)}: HTTP {response.status_code}, {said}"
        message += f" ({len(response.content)} bytes of content in .content)"
        return cls(response.status_code, response.content, message=message, headers=response.headers, secret=secret)


class APIStatusError(UnexpectedStatus):
    """A non-2xx response. `.parsed` is the error body as the spec's model, where the spec documents one."""

    def __init__(self, response: httpx.Response, parsed: Any = None, secret: str = ""):
        self.method = response.request.method
        self.path = _route(response.request, secret).split(" ", 1)[1]
        self.parsed = parsed
        # The seconds the server asked the client to wait before trying again (Retry-After, or a 429 body's
        # `retry_after`), if it did.
        self.retry_after = requested_wait(response.headers, response.content if response.status_code == 429 else b"")
        # What the server says went wrong (its `detail`, `message` or `error`) comes first and whole, up to
        # MESSAGE_REASON_CHARS; a body that says it nowhere is quoted from its start. A server echoing the
        # request must not leak the key: what could hold it is read, redacted, then cut.
        reason = server_reason(response.content)
        if reason:
            body = redacted(reason, secret, MESSAGE_REASON_CHARS)
        else:
            window = response.content[: 4 * (MESSAGE_BODY_CHARS + len(secret))].decode("utf-8", "replace")
            body = redacted(window, secret)
        message = f"{self.method} {self.path}: HTTP {response.status_code}" + (f": {body}" if body.strip() else "")
        if self.retry_after is not None:
            message += f" (the server asks to wait {self.retry_after:g} s)"
        super().__init__(
            response.status_code, response.content, message=message, headers=response.headers, secret=secret
        )


# Where error bodies say why, most telling first: FastAPI's `detail` (a string, or a list of {loc, msg}),
# `message`, `error` (a string, or an object with its own message), RFC 9457's `title` and `detail`, OAuth's
# `error_description`.
_REASON_KEYS = ("detail", "message", "error_description", "error", "title", "reason", "msg", "errors", "description")
REASON_BODY_BYTES = 1 << 20  # a larger error body is quoted, not parsed


def server_reason(content: bytes) -> str:
    """The reason a JSON error body gives, as one line; "" where it gives none that can be read."""
    if not content or len(content) > REASON_BODY_BYTES or content.lstrip()[:1] not in (b"{", b"["):
        return ""
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return ""
    return _reason_in(body, 0)


def _reason_in(value: Any, depth: int) -> str:
    if depth > 3:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return "; ".join(filter(None, (_reason_in(item, depth + 1) for item in value[:10])))
    if not isinstance(value, dict):
        return ""
    if "msg" in value and "loc" in value and isinstance(value["loc"], list):  # FastAPI's validation error
        where = ".".join(str(part) for part in value["loc"])
        return f"{where}: {_reason_in(value['msg'], depth + 1)}"
    for key in _REASON_KEYS:
        found = _reason_in(value.get(key), depth + 1) if key in value else ""
        if found:
            return found
    return ""


class BadRequestError(APIStatusError):
    """HTTP 400"""


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing, wrong or revoked"""


class PermissionDeniedError(APIStatusError):
    """HTTP 403"""


class NotFoundError(APIStatusError):
    """HTTP 404"""


class ConflictError(APIStatusError):
    """HTTP 409"""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422: the server rejected the request's content"""


class RateLimitError(APIStatusError):
    """HTTP 429, after the client's retries, or at once where the server asks for a longer wait than the
    client's (`.retry_after`, seconds)."""


class ServerError(APIStatusError):
    """HTTP 5xx, after the client's retries where the method allows them"""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response, parsed: Any = None, secret: str = "") -> APIStatusError:
    """The APIStatusError subclass for a non-2xx response."""
    kind = _BY_STATUS.get(response.status_code, ServerError if response.status_code >= 500 else APIStatusError)
    return kind(response, parsed, secret)


class UnexpectedResponse(ResponseError):
    """A documented 2xx response whose body does not match the spec: not JSON, a field missing, a wrong type.

    The message names the operation, the status and where the body breaks the spec, never the body: it
    may hold secrets. The body is in .content and the original exception is kept as __cause__.
    """

    def __init__(self, response: httpx.Response, error: BaseException, secret: str = ""):
        self.method = response.request.method
        self.path = _route(response.request, secret).split(" ", 1)[1]
        # Where the body breaks the spec (`items[3].status`, "" for the whole body), and why.
        self.field, self.reason = (error.path, error.reason) if isinstance(error, InvalidField) else ("", _why(error))
        detail = redacted(f"{self.field}: {self.reason}" if self.field else self.reason, secret, 2 * MESSAGE_BODY_CHARS)
        message = f"{self.method} {self.path}: HTTP {response.status_code} response does not match the spec ({detail})"
        super().__init__(
            message, status_code=response.status_code, content=response.content, headers=response.headers, secret=secret
        )


def _why(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    if type(error).__name__ == "JSONDecodeError":
        return f"not JSON: {error}"
    return f"{type(error).__name__}: {error}"


class WaiterFailed(ClientError):
    """A waiter saw a failure value (a deployment whose build failed, say). `.result` is the last result,
    `.value` the value its field held."""

    def __init__(self, waiter: str, route: str, result: Any, value: str | None):
        self.result, self.value = result, value
        shown = quoted(value) if value is not None else "null"
        super().__init__(f"{waiter}: {route} says {shown}, which ends the wait badly")


class WaiterTimeout(ClientError):
    """A waiter's deadline passed with no success or failure value. `.result` is the last result it read
    (None if none came), `.value` its field's value then; the error polling last met is the __cause__."""

    def __init__(self, waiter: str, route: str, timeout: float, result: Any, value: str | None, error: Any = None):
        self.result, self.value = result, value
        seen = (
            f"last {quoted(value) if value is not None else 'null'}"
            if result is not None
            else f"no answer ({type(error).__name__})"
            if error
            else "no answer"
        )
        super().__init__(f"{waiter}: {route}: still not done after {timeout:g} s ({seen})")
        self.__cause__ = error


class RepeatedCursor(ClientError):
    """iterate() was handed back a cursor it had already sent: asking for the same page again would never
    end. The items of the pages before were yielded; `.cursor` is the repeated one, `.pages` how many pages
    were read."""

    def __init__(self, route: str, cursor: object, pages: int):
        self.cursor, self.pages = cursor, pages
        super().__init__(
            f"{route}: page {pages} says there is more but gives cursor {quoted(cursor)} again, which was"
            " already sent: the server is repeating itself, so iteration stops here"
        )


class InvalidField(ClientError, TypeError, ValueError):
    """An argument, or data, that does not fit: `.path` says where (`body.type`, `deployment_id`,
    `models[3].status`), `.reason` what is wrong.

    Raised before anything is sent for an argument the call cannot send (a body that does not fit its
    model, None or an empty value for a path parameter, NaN in a JSON body), and by a model's from_dict().
    A TypeError and a ValueError too, which is what it is to code that does not know the package.
    """

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, redacted(reason, "", MESSAGE_BODY_CHARS)
        super().__init__(f"{path}: {self.reason}")

    @classmethod
    def at(cls, field: str, error: Exception) -> "InvalidField":
        """The error found while reading `field`, located there (inside it, for a nested model's)."""
        if isinstance(error, InvalidField):
            return error.within(field)
        if isinstance(error, KeyError) and error.args == (field,):
            return cls(field, "required field missing")
        if isinstance(error, TypeError | ValueError) and str(error):
            return cls(field, str(error))  # the package's own readers say what was expected and what came
        return cls(field, f"{type(error).__name__}: {error}")

    def within(self, outer: str) -> "InvalidField":
        """This error, inside `outer`: `deployments` + `[3].status` is `deployments[3].status`."""
        if not outer:
            return self
        return InvalidField(outer + self.path if self.path.startswith("[") else f"{outer}.{self.path}", self.reason)


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientError",
    "ConfigurationError",
    "ConflictError",
    "InvalidField",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RepeatedCursor",
    "ResponseError",
    "ServerError",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "WaiterFailed",
    "WaiterTimeout",
    "status_error",
]
