"""Waiting: poll an operation until a field of its result says the job is done, or failed.

The waiters themselves are data (generator-config.yaml `waiters:`, checked against the spec by
pipeline/generate/waiters.py); this is the loop they share. Hand-written (runtime/ in the generator's repository),
the same for every spec.
"""

import time  # looked up at each use, as _async_sleep is: a test swaps in a clock it moves, rather than waiting
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from attrs import define

from . import errors
from .types import Unset

T = TypeVar("T")
# Polling goes on through these: a deploy that succeeds ten minutes later must not fail on one of them.
TRANSIENT = (errors.APIConnectionError, errors.ServerError, errors.RateLimitError)


@define(frozen=True)
class Waiter:
    """What a waiter polls for: `field` of the result (attribute names, outermost first) until it holds
    one of `success` (returned) or of `failure` (errors.WaiterFailed). None stands for a field, or one on
    its path, that is null or absent."""

    name: str
    route: str
    field: tuple[str, ...]
    success: frozenset[str | None]
    failure: frozenset[str | None]

    def value(self, result: object) -> str | None:
        value: Any = result
        for name in self.field:
            value = getattr(value, name, None)
            if value is None or isinstance(value, Unset):
                return None
        return str(value)


def wait_until(poll: Callable[[], T], waiter: Waiter, interval: float, timeout: float) -> T:
    """Call `poll` every `interval` seconds until the waiter's field holds a success value; its result."""
    deadline, last, error = time.monotonic() + timeout, None, None
    while True:
        try:
            result = poll()
        except TRANSIENT as transient:
            error = transient
        else:
            last, error = result, None
            if (done := _verdict(waiter, result)) is not None:
                return done
        if time.monotonic() + interval > deadline:
            raise errors.WaiterTimeout(waiter.name, waiter.route, timeout, last, waiter.value(last), error)
        time.sleep(interval)


async def _async_sleep(seconds: float) -> None:
    import asyncio  # here: only async code needs it

    await asyncio.sleep(seconds)


async def await_until(poll: Callable[[], Awaitable[T]], waiter: Waiter, interval: float, timeout: float) -> T:
    """wait_until(), for async code."""
    deadline, last, error = time.monotonic() + timeout, None, None
    while True:
        try:
            result = await poll()
        except TRANSIENT as transient:
            error = transient
        else:
            last, error = result, None
            if (done := _verdict(waiter, result)) is not None:
                return done
        if time.monotonic() + interval > deadline:
            raise errors.WaiterTimeout(waiter.name, waiter.route, timeout, last, waiter.value(last), error)
        await _async_sleep(interval)


def _verdict(waiter: Waiter, result: T) -> T | None:
    """The result, where it ends the wait well; WaiterFailed where it ends it badly; None to go on."""
    value = waiter.value(result)
    if value in waiter.failure:
        raise errors.WaiterFailed(waiter.name, waiter.route, result, value)
    return result if value in waiter.success else None
