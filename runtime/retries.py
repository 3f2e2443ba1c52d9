"""When the client sends a request again, and how long it waits first.

The rules follow the Stainless SDKs, narrowed so that a create is never sent twice: a POST or PATCH is
re-sent only when the server cannot have seen it (429, or no connection was made).

Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import datetime
import math
import random

import httpx
from attrs import define

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
    (seconds or an HTTP date, or `retry-after-ms`) is honoured up to `max_retry_after` seconds: a longer one
    is not retried, the error carrying the wait asked for.
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
            asked = requested_wait(response.headers)
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


def requested_wait(headers: httpx.Headers) -> float | None:
    """The seconds a response asks the client to wait before trying again: `retry-after-ms`, or
    `Retry-After` (seconds or an HTTP date); None where it asks nothing readable."""
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            seconds = float(value) / 1000
        except ValueError:
            seconds = math.nan
        if not math.isnan(seconds):
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
    return None if math.isnan(seconds) else max(seconds, 0.0)
