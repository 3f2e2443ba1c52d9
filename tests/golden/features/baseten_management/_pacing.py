"""Pacing: the client sends an endpoint no more requests than the server allows, so that a loop of calls
waits its turn instead of meeting 429s.

The limits are data (generator-config.yaml `rate_limits:`, checked against the spec by
pipeline/generate/rate_limits.py); each endpoint module names its own, `RateLimit(route, requests, per)`. A server
counts per API key and endpoint, so one window is kept per (key, route) in the process, shared by every
client with that key (threads, derived clients, async tasks alike). The window is sliding: at most
`requests` sends in any `per` seconds (plus a margin for the network's jitter), each call reserving its
slot as it asks, so callers queue in the order they came. A 429 that says how long to wait pauses the
route's window for everyone. Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import threading
from collections import deque

from attrs import define

MARGIN = 0.05  # of the period: two sends a period apart here may arrive a little closer together there


@define(frozen=True)
class RateLimit:
    """At most `requests` requests in any `per` seconds to `route` (`POST /v1/models/{model_id}/...`)."""

    route: str
    requests: int
    per: float


class _Window:
    __slots__ = ("paused_until", "slots")

    def __init__(self) -> None:
        self.slots: deque[float] = deque()  # when the sends of the last period went, or will go
        self.paused_until = 0.0


_LOCK = threading.Lock()
_WINDOWS: dict[tuple[int, str], _Window] = {}


def _window(key: str, limit: RateLimit) -> _Window:
    # The key's hash, not the key: nothing here holds a secret.
    found = _WINDOWS.get((hash(key), limit.route))
    if found is None:
        found = _WINDOWS[(hash(key), limit.route)] = _Window()
    return found


def reserve(key: str, limit: RateLimit, now: float) -> float:
    """Take the next free slot for one request to the route; the seconds to wait before sending it (0.0:
    at once). Call cancel() with now + the wait if the request is then not sent."""
    period = limit.per * (1 + MARGIN)
    with _LOCK:
        window = _window(key, limit)
        while window.slots and window.slots[0] <= now - period:  # past: it counts against no slot to come
            window.slots.popleft()
        slot = max(now, window.paused_until)
        if len(window.slots) >= limit.requests:
            slot = max(slot, window.slots[-limit.requests] + period)
        window.slots.append(slot)  # slots only grow: each is at least the one before
        return slot - now


def cancel(key: str, limit: RateLimit, slot: float) -> None:
    """Give back a slot reserve() gave, for a request that was not sent."""
    with _LOCK:
        window = _window(key, limit)
        if slot in window.slots:
            window.slots.remove(slot)


def pause(key: str, limit: RateLimit, until: float) -> None:
    """Send nothing more to the route before `until`: the server asked for that long (a 429)."""
    with _LOCK:
        window = _window(key, limit)
        window.paused_until = max(window.paused_until, until)


def forget() -> None:
    """Every window emptied (the tests start each from nothing)."""
    with _LOCK:
        _WINDOWS.clear()
