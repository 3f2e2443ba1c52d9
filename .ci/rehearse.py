"""Rehearse a spec update: for each spec given (default: every real spec in ../shared/specs, and our own
feature specs in tests/specs), drop it into a scratch copy of the repository as openapi.yaml, then
`make generate` and `make test` there (same virtualenv). The working tree is never touched.

This is what a user does when Baseten publishes a new spec; it must work with no hand edit.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "specs"
OWN_SPECS = ROOT / "tests" / "specs"  # in the repository: CI always has them
STEP_TIMEOUT = 300  # seconds; a real spec generates and tests in well under a minute


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split("\0") if name]


def rehearse(spec: Path, scratch: Path) -> bool:
    for name in tracked_files():
        target = scratch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    shutil.copy(spec, scratch / "openapi.yaml")
    if (ROOT / "node_modules").is_dir():  # Prism for tests/test_mock_server.py, installed by `make test`
        (scratch / "node_modules").symlink_to(ROOT / "node_modules")
    started = time.monotonic()
    for step in (["-m", "pipeline", "generate"], ["-m", "pytest", "-q", "-p", "no:cacheprovider"]):
        result = subprocess.run(
            [sys.executable, *step], cwd=scratch, capture_output=True, text=True, timeout=STEP_TIMEOUT
        )
        lines = (result.stdout + result.stderr).strip().splitlines()
        if result.returncode != 0:
            print(f"FAIL {spec.name}: {' '.join(step[1:3])}")
            print("\n".join(lines[-40:]))
            return False
        print(f"  {spec.name}: {lines[-1] if lines else ''}")
    print(f"ok   {spec.name} in {time.monotonic() - started:.0f} s")
    return True


def main(argv: list[str]) -> int:
    real = sorted(SPECS.glob("*.json")) + sorted(SPECS.glob("*.yaml"))
    specs = [Path(arg).resolve() for arg in argv] or real + sorted(OWN_SPECS.glob("*.yaml"))
    missing = [spec for spec in specs if not spec.is_file()]
    if missing:
        print(f"rehearse: no such spec: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if not argv and not real:
        print(f"no real specs in {SPECS} (it sits beside the repository in development and CI): own specs only")
    results = []
    for spec in specs:
        with tempfile.TemporaryDirectory(prefix="rehearse-") as scratch:
            results.append(rehearse(spec, Path(scratch)))
    print(f"rehearsal: {sum(results)} of {len(results)} specs generated and passed the test suite")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
