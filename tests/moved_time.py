"""The request loop's clock, moved by the waits it asks for instead of slept: retries, backoff, rate-limit
pacing and deadlines are tested in no wall-clock time, on a clock that agrees with the waits.

`moved_time(monkeypatch, module)` replaces, in the client's _base_client (the generated one or runtime's),
`time.sleep`, the async sleep and the clock it reads (`_clock`); every wait is recorded in `.waits`.
"""

from types import ModuleType, SimpleNamespace

import pytest


class MovedTime:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += max(seconds, 0.0)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def moved_time(monkeypatch: pytest.MonkeyPatch, base_client: ModuleType) -> MovedTime:
    moved = MovedTime()
    monkeypatch.setattr(base_client, "time", SimpleNamespace(sleep=moved.sleep))
    monkeypatch.setattr(base_client, "_async_sleep", moved.async_sleep)
    monkeypatch.setattr(base_client, "_clock", moved.clock)
    return moved
