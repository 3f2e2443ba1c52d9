"""Run the pinned openapi-python-client on the prepared spec; say what it refused, all of it, briefly.

The generator runs in its own process while the slowest check, the meta-schema (about 1.7 s on
Baseten's 183-operation spec, beside the generator's 2.5 s), runs here: side by side on two cores it
adds next to nothing. A spec the check rejects stops the generator. With `--fail-on-warning` the
generator exits non-zero on any operation or schema it would leave out, and names each in a paragraph
of its report; each becomes one line here, the JSON it echoes left out.
"""

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import PipelineError

_NOT_GENERATED = re.compile(r"^WARNING parsing (\S+) (.+?) within .*Endpoint will not be generated\.$")
_SCHEMA = re.compile(r"^Unable to (?:parse|process) schema (/\S+?):?$")
_NOISE = ("Warning(s) encountered", "If you believe", "Failure to process schema", "Generating ", "/components/")


def generate(
    prepared: dict[str, Any], config: Path, templates: Path, workdir: Path, alongside: Callable[[], list[str]]
) -> None:
    """Generate into `workdir`; PipelineError listing what `alongside()` found, or else what the generator refused."""
    spec = workdir / "openapi.json"
    spec.write_text(json.dumps(prepared), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    command = [
        str(bin_dir / "openapi-python-client"), "generate",
        "--path", str(spec.resolve()),
        "--config", str(config.resolve()),
        "--custom-template-path", str(templates.resolve()),
        "--meta", "none",
        "--fail-on-warning",
    ]  # fmt: skip
    # The post-hooks' ruff is the virtualenv's; plain tracebacks, so the exception line can be picked out.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1",
           "_TYPER_STANDARD_TRACEBACK": "1"}  # fmt: skip
    package_dir = workdir / "out"
    package_dir.mkdir()
    process = subprocess.Popen(
        command, cwd=package_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        found = alongside()
    except BaseException:
        process.kill()
        process.communicate()
        raise
    if found:
        process.kill()
        process.communicate()
        raise PipelineError(*found)
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise PipelineError(*refusals(stderr, stdout))


def refusals(stderr: str, stdout: str) -> list[str]:
    """One line for each operation or schema the generator left out, with its reason; for a crash, the exception."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        return [f"openapi-python-client failed: {lines[-1]}"]
    found: list[list[str]] = []
    kept = [line for line in (stderr + "\n\n" + stdout).splitlines() if not line.startswith(_NOISE)]
    for paragraph in re.split(r"\n\s*\n", "\n".join(kept)):
        text = paragraph.strip()
        first = text.splitlines()[0] if text else ""
        if not text or text.startswith(("{", "[", "Schema(", "Reference(", "Parameter(", "RequestBody(", "Response(")):
            continue
        operation, schema = _NOT_GENERATED.match(first), _SCHEMA.match(first)
        if operation:
            found.append([f"{operation.group(1)} {operation.group(2)}: not generated"])
        elif schema:
            found.append([f"{' > '.join(schema.group(1).strip('/').split('/'))}: not generated"])
        elif found:
            found[-1].append(" ".join(text.split()))
        else:
            found.append([f"openapi-python-client: {' '.join(text.split())}"])
    return [": ".join(parts) for parts in found] or ["openapi-python-client failed without saying why"]
