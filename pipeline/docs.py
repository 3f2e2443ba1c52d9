"""`make docs`: an HTML reference of the generated package with pdoc, grouped as the package is.

pdoc follows a package's `__all__`, which in the generated top-level package lists the clients only;
so every module is named to it: the package, api/ and each group and operation under it, models (lazy
models document like any others) and the client, errors and types modules.
"""

import os
import subprocess
import sys
from pathlib import Path

from . import PipelineError
from .project import Project


def modules(generated: Path) -> list[str]:
    packages = [p for p in generated.iterdir() if (p / "__init__.py").is_file()]
    if len(packages) != 1:
        raise PipelineError(f"{generated}: expected one generated package, found {len(packages)}: run make generate")
    package = packages[0]
    names = [package.name]
    for source in sorted(package.rglob("*.py")):
        parts = source.relative_to(generated).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(set(names))


def build_docs(project: Project, out: Path) -> str:
    generated = project.generated
    command = [str(Path(sys.executable).parent / "pdoc"), "--output-directory", str(out), *modules(generated)]
    env = {**os.environ, "PYTHONPATH": str(generated.resolve())}
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise PipelineError("pdoc failed: " + (result.stderr.strip().splitlines() or ["no output"])[-1])
    return f"{out}/index.html: {len(list(out.rglob('*.html')))} pages"
