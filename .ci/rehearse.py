"""Rehearse a spec update: for each spec given (default: every real spec in ../shared/specs, the
generator's own feature spec in ../shared/specs/generator, and our own specs in tests/specs), drop it
into a scratch copy of the repository as openapi.yaml, then `make generate` and `make test` there (same
virtualenv). The working tree is never touched.

This is what a user does when Baseten publishes a new spec; it must work with no hand edit.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "specs"
OWN_SPECS = ROOT / "tests" / "specs"  # in the repository: CI always has them
MYPY_CACHE = ROOT / ".pytest_cache" / "d" / "mypy"  # tests/test_typing.py's, left by `make test`
STEP_TIMEOUT = 900  # seconds; the 183-operation spec tests in about 2½ minutes beside another rehearsal


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split("\0") if name]


def rehearse(spec: Path) -> tuple[bool, str]:
    """Generate and test `spec` in a scratch copy; whether it passed, and what to print."""
    with tempfile.TemporaryDirectory(prefix="rehearse-") as scratch:
        return _rehearse(spec, Path(scratch))


def _rehearse(spec: Path, scratch: Path) -> tuple[bool, str]:
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
    for step in (["-m", "pipeline", "generate"], ["-m", "pytest", "-q"]):
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
    real = sorted(SPECS.glob("*.json")) + sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("generator/*.json"))
    own = sorted(OWN_SPECS.glob("*.yaml"))
    # Largest first, so the longest rehearsal is not the one left to run alone at the end.
    specs = [Path(arg).resolve() for arg in argv] or sorted(real + own, key=lambda p: -p.stat().st_size)
    missing = [spec for spec in specs if not spec.is_file()]
    if missing:
        print(f"rehearse: no such spec: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if not argv and not real:
        print(f"no real specs in {SPECS} (it sits beside the repository in development and CI): own specs only")
    # One spec a core at a time: each suite runs in one process, so two side by side nearly halve the wait.
    results = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for passed, report in pool.map(rehearse, specs):
            print(report, flush=True)
            results.append(passed)
    print(f"rehearsal: {sum(results)} of {len(results)} specs generated and passed the test suite")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
