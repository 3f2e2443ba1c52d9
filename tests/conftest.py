"""Shared by every test module: where the real specs are, and one Prism serving openapi.yaml."""

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from contract.generated_package import ROOT
from contract.local_server import free_port

SHARED_SPECS = ROOT.parent / "shared" / "specs"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
STARTUP_SECONDS = 60  # about 1 s on the seed, 3 s on the 183-operation spec; generous for a loaded CI machine


def real_spec_paths() -> list[Path]:
    return sorted(SHARED_SPECS.glob("*.json")) if SHARED_SPECS.is_dir() else []


def skip_without_real_specs() -> None:
    if not real_spec_paths():
        pytest.skip(f"no real specs: {SHARED_SPECS} is absent (it sits beside the repository in development and CI)")


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: Prism cannot run (CI installs Node.js)")
    if not PRISM.exists():
        pytest.skip(f"{PRISM} is missing: run `make test`, which installs it with npm ci")
    port = free_port()
    command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(ROOT / "openapi.yaml")]
    env = {**os.environ, "SCARF_ANALYTICS": "false", "NO_COLOR": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        output = []
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            output.append(line)
            if "Prism is listening" in line:
                break
            if not line and process.poll() is not None:
                pytest.fail("Prism exited:\n" + "".join(output[-20:]))
        else:
            pytest.fail(f"Prism did not start within {STARTUP_SECONDS} s")
        # Keep reading its log, so that a full pipe never blocks it.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
