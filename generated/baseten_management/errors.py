"""Contains shared errors types that can be raised from API functions"""


class ClientError(Exception):
    """Base class of the errors this client raises (httpx's transport errors pass through unchanged)"""


class UnexpectedStatus(ClientError):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(f"Unexpected status code: {status_code} ({len(content)} bytes of content in .content)")


class UnexpectedResponse(ClientError):
    """Raised by api functions when a documented response's body does not match the spec.

    The message names the operation, the status and the parse error, never the body: it may hold secrets.
    The original exception is kept as __cause__.
    """

    def __init__(self, method: str, path: str, status_code: int, error: Exception):
        self.method = method
        self.path = path
        self.status_code = status_code
        detail = f"missing field {error}" if isinstance(error, KeyError) else f"{type(error).__name__}: {error}"
        super().__init__(f"{method} {path}: status {status_code} response does not match the spec ({detail})")


__all__ = ["ClientError", "UnexpectedResponse", "UnexpectedStatus"]
