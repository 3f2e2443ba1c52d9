"""Rehearse a spec update: for each spec given (default: every real spec in ../shared/specs, the
generator's own feature spec in ../shared/specs/generator, and our own specs in tests/specs), drop it
into a scratch copy of the repository as openapi.yaml, then `make generate` and `make test` there (same
virtualenv). The working tree is never touched.

This is what a user does when Baseten publishes a new spec; it must work with no hand edit. With
`--repeat N` the suite runs N times in a row on each spec, and with `--load N` N processes keep the
machine's cores busy meanwhile (stopped when the rehearsal ends): a suite that passes only on a quiet
machine, or only sometimes, fails here.
"""

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "specs"
OWN_SPECS = ROOT / "tests" / "specs"  # in the repository: CI always has them
MYPY_CACHE = ROOT / ".pytest_cache" / "d" / "mypy"  # tests/test_typing.py's, left by `make test`
STEP_TIMEOUT = 900  # seconds; the 183-operation spec tests in about 2½ minutes beside another rehearsal


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split("\0") if name]


def rehearse(spec: Path, repeat: int = 1) -> tuple[bool, str]:
    """Generate and test `spec` in a scratch copy (the suite `repeat` times); whether it passed, and what to print."""
    with tempfile.TemporaryDirectory(prefix="rehearse-") as scratch:
        return _rehearse(spec, Path(scratch), repeat)


@contextlib.contextmanager
def background_load(workers: int) -> Iterator[None]:
    """`workers` processes spinning on the CPU for as long as the block runs."""
    spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(workers)]
    try:
        yield
    finally:
        for process in spinning:
            process.kill()
            process.wait()


def _rehearse(spec: Path, scratch: Path, repeat: int) -> tuple[bool, str]:
    report = []
    for name in tracked_files():
        target = scratch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    shutil.copy(spec, scratch / "openapi.yaml")
    if (ROOT / "node_modules").is_dir():  # Prism for tests/test_mock_server.py, installed by `make test`
        (scratch / "node_modules").symlink_to(ROOT / "node_modules")
    if MYPY_CACHE.is_dir():  # stdlib, httpx and attrs already checked: mypy rechecks only the new package
        shutil.copytree(MYPY_CACHE, scratch / MYPY_CACHE.relative_to(ROOT))
    # Bytecode is written (into the scratch copy, removed after): the generated package is imported by the
    # suite, pdoc and contract-live, each of which would otherwise compile its hundreds of modules again.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    started = time.monotonic()
    for step in [["-m", "pipeline", "generate"]] + [["-m", "pytest", "-q"]] * repeat:
        result = subprocess.run(
            [sys.executable, *step], cwd=scratch, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT
        )
        lines = (result.stdout + result.stderr).strip().splitlines()
        if result.returncode != 0:
            report += [f"FAIL {spec.name}: {' '.join(step[1:3])}", *lines[-40:]]
            return False, "\n".join(report)
        summary = lines[0] if step[1] == "pipeline" and lines else lines[-1] if lines else ""  # generate: the client
        report.append(f"  {spec.name}: {summary}")
    report.append(f"ok   {spec.name} in {time.monotonic() - started:.0f} s")
    return True, "\n".join(report)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="rehearse", description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path, help="default: every spec in ../shared/specs and tests/specs")
    parser.add_argument("--repeat", type=int, default=1, help="run the suite this many times on each spec")
    parser.add_argument("--load", type=int, default=0, help="keep this many cores busy meanwhile")
    args = parser.parse_args(argv)
    real = sorted(SPECS.glob("*.json")) + sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("generator/*.json"))
    own = sorted(OWN_SPECS.glob("*.yaml"))
    # Largest first, so the longest rehearsal is not the one left to run alone at the end.
    specs = [arg.resolve() for arg in args.specs] or sorted(real + own, key=lambda p: -p.stat().st_size)
    missing = [spec for spec in specs if not spec.is_file()]
    if missing:
        print(f"rehearse: no such spec: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if not args.specs and not real:
        print(f"no real specs in {SPECS} (it sits beside the repository in development and CI): own specs only")
    # One spec a core at a time: each suite runs in one process, so two side by side nearly halve the wait.
    results = []
    with background_load(args.load), ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for passed, report in pool.map(partial(rehearse, repeat=args.repeat), specs):
            print(report, flush=True)
            results.append(passed)
    print(f"rehearsal: {sum(results)} of {len(results)} specs generated and passed the test suite")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
