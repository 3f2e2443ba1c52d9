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

from typing import Any

import httpx

from .retries import requested_wait

# Where servers commonly put the id that support can look a request up by.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-baseten-request-id")
# How much of an error body goes into the message; all of it stays in .content.
MESSAGE_BODY_CHARS = 200
REDACTED = "[REDACTED]"


class ClientError(Exception):
    """Base class of every error the client raises at run time: catch this to catch them all."""


class ConfigurationError(ClientError):
    """The client cannot be built as asked, e.g. no API key was given or found in the environment."""


def redacted(text: str, secret: str = "", limit: int = MESSAGE_BODY_CHARS) -> str:
    """`text` with the secret taken out, then cut to `limit` characters: redacted first, so a secret that
    straddles the cut shows no part of itself."""
    if secret:
        text = text.replace(secret, REDACTED)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _route(request: httpx.Request, secret: str = "") -> str:
    """`GET /v1/models/abc123`: the method and the path as sent (no query string, no host)."""
    path = request.url.raw_path.decode("ascii", "replace").split("?")[0]
    return f"{request.method} {path.replace(secret, REDACTED) if secret else path}"


class ClientClosedError(ClientError):
    """An httpx client given to set_httpx_client()/set_async_httpx_client() was closed: this client does not
    replace one it was given (its own it reopens)."""


class APIConnectionError(ClientError):
    """The request could not be completed: no connection, a dropped one, or a protocol error, after the
    client's retries. `.request` is what was being sent; httpx's exception is the __cause__."""

    def __init__(self, request: httpx.Request, error: Exception, secret: str = ""):
        self.request = request
        detail = redacted(str(error), secret)
        super().__init__(
            f"{_route(request, secret)}: {self.what}: {type(error).__name__}" + (f": {detail}" if detail else "")
        )

    what = "the request could not be completed"


class APITimeoutError(APIConnectionError):
    """No answer in time (connect, read, write or pool timeout), after the client's retries."""

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
    def of(cls, response: httpx.Response, secret: str = "") -> "UnexpectedStatus":
        """For a 2xx the spec does not document for the call: the message leaves its body out."""
        message = f"{_route(response.request, secret)}: HTTP {response.status_code}, which the spec does not document"
        message += f" for this call ({len(response.content)} bytes of content in .content)"
        return cls(response.status_code, response.content, message=message, headers=response.headers, secret=secret)


class APIStatusError(UnexpectedStatus):
    """A non-2xx response. `.parsed` is the error body as the spec's model, where the spec documents one."""

    def __init__(self, response: httpx.Response, parsed: Any = None, secret: str = ""):
        self.method = response.request.method
        self.path = _route(response.request, secret).split(" ", 1)[1]
        self.parsed = parsed
        # The seconds the server asked the client to wait before trying again (Retry-After), if it did.
        self.retry_after = requested_wait(response.headers)
        # A server echoing the request must not leak the key: what could hold it is read, redacted, then cut.
        window = response.content[: 4 * (MESSAGE_BODY_CHARS + len(secret))].decode("utf-8", "replace")
        body = redacted(window, secret)
        message = f"{self.method} {self.path}: HTTP {response.status_code}" + (f": {body}" if body.strip() else "")
        if self.retry_after is not None:
            message += f" (the server asks to wait {self.retry_after:g} s)"
        super().__init__(
            response.status_code, response.content, message=message, headers=response.headers, secret=secret
        )


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
        super().__init__(f"{waiter}: {route} says {value if value is not None else 'null'}, which ends the wait badly")


class WaiterTimeout(ClientError):
    """A waiter's deadline passed with no success or failure value. `.result` is the last result it read
    (None if none came), `.value` its field's value then; the error polling last met is the __cause__."""

    def __init__(self, waiter: str, route: str, timeout: float, result: Any, value: str | None, error: Any = None):
        self.result, self.value = result, value
        seen = (
            f"last {value}" if result is not None else f"no answer ({type(error).__name__})" if error else "no answer"
        )
        super().__init__(f"{waiter}: {route}: still not done after {timeout:g} s ({seen})")
        self.__cause__ = error


class InvalidField(ClientError, ValueError):
    """Data that does not fit a model: `.path` says where (`models.status`), `.reason` what is wrong.

    Raised by a model's from_dict(); a request body given as a mapping raises it before anything is sent.
    A ValueError too, which is what it is to code that does not know the package.
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
    "ResponseError",
    "ServerError",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "WaiterFailed",
    "WaiterTimeout",
    "status_error",
]
