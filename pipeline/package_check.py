"""The last look before the swap: does the new client import, and does mypy --strict accept it?

A name the rules of naming.py did not foresee, or a template change, could still give a client that
fails to import or to type-check; the suite would say so, but `make generate` must not hand it over.
Both checks run side by side on the staged package, each in a process of its own. mypy keeps its cache
in the repository's build/ (warm, it rechecks only what changed: a fraction of a second on Baseten's
183 operations); a tree identical to the one in place was checked when it was made, so it is not
checked again.
"""

import subprocess
import sys
from pathlib import Path

from . import PipelineError
from .project import ROOT

MAX_LINES = 10  # of each check's report

# Imports the package and every module in it; prints one line per module that fails.
_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
failed = 0
for found in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    try:
        importlib.import_module(found.name)
    except BaseException as error:
        failed += 1
        print(f"{found.name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
sys.exit(1 if failed else 0)
"""


def check_package(package: Path) -> None:
    """PipelineError listing what fails to import and what mypy --strict finds, both in one run."""
    root, name = package.parent, package.name
    env = {"PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1", "PATH": ""}
    imports = subprocess.Popen(
        [sys.executable, "-c", _IMPORT_ALL, name], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    cache = ROOT / "build" / "mypy-generated"
    mypy = subprocess.Popen(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache), "-p", name],
        cwd=root,
        env={**env, "MYPYPATH": str(root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    import_report, mypy_report = (process.communicate()[0].decode(errors="replace") for process in (imports, mypy))
    problems = []
    if imports.returncode != 0:
        lines = import_report.strip().splitlines()
        problems += ["the generated client does not import:", *(f"  {line}" for line in lines[:MAX_LINES])]
    if mypy.returncode != 0:
        lines = [line for line in mypy_report.strip().splitlines() if ": error:" in line] or mypy_report.splitlines()
        problems += [f"mypy --strict finds {len(lines)} error(s) in the generated client:"]
        problems += [f"  {line}" for line in lines[:MAX_LINES]]
        problems += [f"  ... and {len(lines) - MAX_LINES} more"] if len(lines) > MAX_LINES else []
    if problems:
        raise PipelineError(*problems, "generated/ is left as it was; please report the spec that did this")
