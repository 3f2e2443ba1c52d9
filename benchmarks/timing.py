"""Side-by-side timing: the two things compared run alternately in one process run, so drift in the
machine's speed touches both; each figure is the median of its rounds."""

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def alternate(first: Callable[[], float], second: Callable[[], float], rounds: int) -> tuple[float, float]:
    """Medians of `rounds` alternating measurements of each (each callable returns seconds)."""
    a, b = [], []
    for _ in range(rounds):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def wall(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Seconds a command takes; it must succeed."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} failed:\n{(result.stderr or result.stdout)[-2000:]}")
    return elapsed


def cpu(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user and system) a command and the processes it waits for take; it must succeed. CPU, not
    wall: on a busy machine the wall clock measures the neighbours too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall(command, cwd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_time(statement: str, path: Path, python: str = sys.executable) -> float:
    """Seconds `statement` takes in a fresh interpreter, timed inside it (interpreter start excluded)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = {**os.environ, "PYTHONPATH": str(path), "PYTHONDONTWRITEBYTECODE": ""}
    result = subprocess.run([python, "-c", code], cwd=path, env=env, capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def per_call(call: Callable[[], object], calls: int) -> Callable[[], float]:
    """A measurement: mean seconds per call over a block of `calls` calls."""

    def measure() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - started) / calls

    return measure
