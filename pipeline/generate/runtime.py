"""The client's runtime: runtime/*.py, hand-written and the same for every spec, copied into the package.

Templates write what the spec decides (the client's defaults and tree, endpoints, models); the rest
(transport, retries, errors, types) is ordinary Python that `make lint`, mypy and unit tests read
without a generate, as Stainless keeps `_base_client.py` beside the generated client. A runtime module
replaces the generator's own of the same name (errors.py, types.py). The files are copied byte for byte:
`make lint` holds them to the formatting the generator's post-hooks give the rest.
"""

import ast
import shutil
from pathlib import Path

from .. import PipelineError


def runtime_modules(runtime: Path) -> list[Path]:
    return sorted(path for path in runtime.glob("*.py") if path.name != "__init__.py")


def install_runtime(runtime: Path, package: Path) -> None:
    """Copy the runtime's modules into the generated package."""
    modules = runtime_modules(runtime)
    if not modules:
        raise PipelineError(f"{runtime}: no runtime modules (errors.py, types.py, ...) to copy into the package")
    for module in modules:
        shutil.copyfile(module, package / module.name)


def client_members(runtime: Path) -> list[str]:
    """The public attributes the runtime's client classes define: a group of the client tree must not be
    named like one (`client.request`), so tree.jinja gives such a group a trailing underscore."""
    tree = ast.parse((runtime / "_base_client.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(member.name)
                elif isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name):
                    names.add(member.target.id)
    return sorted(name for name in names if not name.startswith("_"))
