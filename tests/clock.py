"""A clock a test moves: a waiter's half hour passes at once, and the number of polls is exact on any
machine, however busy (a test never depends on wall-clock speed)."""

import pytest

from contract.generated_package import import_generated


class InstantClock:
    """time.monotonic and time.sleep, and an async sleep: sleeping moves the clock on, taking no time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def move_waiters_clock(monkeypatch: pytest.MonkeyPatch) -> InstantClock:
    """The generated package's waiters run on an InstantClock for the rest of the test."""
    clock, waiters = InstantClock(), import_generated("_waiters")
    monkeypatch.setattr(waiters, "time", clock)
    monkeypatch.setattr(waiters, "_async_sleep", clock.async_sleep)
    return clock
