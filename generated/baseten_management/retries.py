"""When the client sends a request again, and how long it waits first.

The rules follow the Stainless SDKs, narrowed so that a create is never sent twice: a POST or PATCH is
re-sent only when the server cannot have seen it (429, or no connection was made).

Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import datetime
import json
import math
import random

import httpx
from attrs import define

# Re-sending these changes nothing on the server (RFC 9110 idempotent methods).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES_ANY_METHOD = frozenset({429})  # the server refused the request without acting on it
RETRY_STATUSES_IDEMPOTENT = frozenset({502, 503, 504})  # the server may have acted before failing
# Raised before any byte of the request left this process: safe to send again whatever the method. Not a
# PoolTimeout, though nothing was sent either: every connection stayed busy for the whole wait, and a
# retry would only wait in the same queue again (a longer stall, not a better chance).
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (httpx.ConnectError, httpx.ConnectTimeout)
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
    (seconds or an HTTP date, or `retry-after-ms`, or a JSON 429 body's `retry_after`) is honoured up to
    `max_retry_after` seconds: a longer one is not retried, the error carrying the wait asked for.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay_after_status(self, method: str, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retry number `attempt` + 1, or None to return the response as it is: also
        when the server asks for a longer wait (Retry-After) than `max_retry_after`, so that the caller
        learns it at once (errors.RateLimitError.retry_after) instead of retrying early."""
        status = response.status_code
        if attempt >= self.max_retries:
            return None
        if status in RETRY_STATUSES_ANY_METHOD or (
            status in RETRY_STATUSES_IDEMPOTENT and method.upper() in IDEMPOTENT_METHODS
        ):
            asked = requested_wait(response.headers, response.content if status == 429 else b"")
            if asked is None:
                return self.backoff(attempt)
            return asked if asked <= self.max_retry_after else None
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


# A JSON body that says how long to wait (Baseten's 429: {"error": "...", "retry_after": 37}), read where no
# header says it; a larger body is not parsed for it.
BODY_WAIT_FIELDS = ("retry_after", "retryAfter")
BODY_WAIT_BYTES = 1 << 16


def requested_wait(headers: httpx.Headers, content: bytes = b"") -> float | None:
    """The seconds a response asks the client to wait before trying again: `retry-after-ms`, or
    `Retry-After` (seconds or an HTTP date), or else a JSON body's `retry_after` (seconds); None where it
    asks nothing readable."""
    asked = _header_wait(headers)
    return asked if asked is not None or not content else _body_wait(content)


def _body_wait(content: bytes) -> float | None:
    if len(content) > BODY_WAIT_BYTES or content.lstrip()[:1] != b"{":
        return None
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return None
    for name in BODY_WAIT_FIELDS:
        value = body.get(name) if isinstance(body, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return max(float(value), 0.0)
        if isinstance(value, str):
            try:
                seconds = float(value)
            except ValueError:
                continue
            if math.isfinite(seconds):
                return max(seconds, 0.0)
    return None


def _header_wait(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            seconds = float(value) / 1000
        except ValueError:
            seconds = math.nan
        if math.isfinite(seconds):
            return max(seconds, 0.0)
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
    return max(seconds, 0.0) if math.isfinite(seconds) else None
