"""Contains shared errors types that can be raised from API functions"""

from typing import Any

import httpx

# Where servers commonly put the id that support can look a request up by.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-baseten-request-id")
# How much of an error body goes into the message; all of it stays in .content.
MESSAGE_BODY_CHARS = 200


class ClientError(Exception):
    """Base class of the errors this client raises.

    httpx's own errors (httpx.TransportError: connection failures and timeouts) pass through as httpx
    raises them, once the client's retries are spent.
    """


class ConfigurationError(ClientError):
    """The client cannot be built as asked, e.g. no API key was given or found in the environment."""


class ResponseError(ClientError):
    """A response the call does not return as a result. Carries the status, headers and raw body."""

    def __init__(self, message: str, *, status_code: int, content: bytes, headers: Any = None):
        self.status_code = status_code
        self.content = content
        self.headers = httpx.Headers(headers or {})
        self.request_id = next((self.headers[name] for name in REQUEST_ID_HEADERS if name in self.headers), None)
        super().__init__(message + (f" [request id {self.request_id}]" if self.request_id else ""))


class UnexpectedStatus(ResponseError):
    """The response's status is not one the spec documents as this call's result."""

    def __init__(self, status_code: int, content: bytes, *, message: str = "", headers: Any = None):
        message = message or f"Unexpected status code: {status_code} ({len(content)} bytes of content in .content)"
        super().__init__(message, status_code=status_code, content=content, headers=headers)


class APIStatusError(UnexpectedStatus):
    """A non-2xx response. `.parsed` is the error body as the spec's model, where the spec documents one."""

    def __init__(self, method: str, path: str, response: httpx.Response, parsed: Any = None, secret: str = ""):
        self.method = method
        self.path = path
        self.parsed = parsed
        body = response.content[:MESSAGE_BODY_CHARS].decode("utf-8", "replace")
        if secret:
            body = body.replace(secret, "[REDACTED]")  # a server echoing the request must not leak the key
        message = f"{method} {path}: HTTP {response.status_code}" + (f": {body}" if body.strip() else "")
        super().__init__(response.status_code, response.content, message=message, headers=response.headers)


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
    """HTTP 429, after the client's retries"""


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


def status_error(
    method: str, path: str, response: httpx.Response, parsed: Any = None, secret: str = ""
) -> APIStatusError:
    """The APIStatusError subclass for a non-2xx response."""
    kind = _BY_STATUS.get(response.status_code, ServerError if response.status_code >= 500 else APIStatusError)
    return kind(method, path, response, parsed, secret)


class UnexpectedResponse(ResponseError):
    """A documented 2xx response whose body does not match the spec: not JSON, a field missing, a wrong type.

    The message names the operation, the status and the parse error, never the body: it may hold secrets.
    The body is in .content and the original exception is kept as __cause__.
    """

    def __init__(self, method: str, path: str, response: httpx.Response, error: Exception):
        self.method = method
        self.path = path
        detail = f"missing field {error}" if isinstance(error, KeyError) else f"{type(error).__name__}: {error}"
        message = f"{method} {path}: status {response.status_code} response does not match the spec ({detail})"
        super().__init__(message, status_code=response.status_code, content=response.content, headers=response.headers)


__all__ = [
    "APIStatusError",
    "AuthenticationError",
    "BadRequestError",
    "ClientError",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseError",
    "ServerError",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "status_error",
]
