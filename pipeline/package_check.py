"""The last look before the swap: does the new client import, and does mypy --strict accept it?

A name the rules of naming.py did not foresee, or a template change, could still give a client that
fails to import or to type-check; the suite would say so, but `make generate` must not hand it over.
Both checks run side by side on the staged package: the import in a child process, mypy here. mypy
keeps its cache in the repository's build/ (warm, it rechecks only what changed: a fraction of a second on Baseten's
183 operations); a tree identical to the one in place was checked when it was made, so it is not
checked again.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from . import PipelineError
from .project import ROOT

MAX_LINES = 10  # of each check's report

# Imports the package and every module in it; prints one line per module that fails.
_IMPORT_ALL = """
import importlib, pkgutil, sys
failed = []
def attempt(name):
    try:
        return importlib.import_module(name)
    except BaseException as error:
        failed.append(name)
        print(f"{name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
package = attempt(sys.argv[1])
for found in pkgutil.walk_packages(package.__path__, package.__name__ + ".") if package else ():
    attempt(found.name)
sys.exit(1 if failed else 0)
"""


def check_package(package: Path) -> None:
    """PipelineError listing what fails to import and what mypy --strict finds, both in one run."""
    root, name = package.parent, package.name
    importing = _start_import_check(root, name)
    mypy_report, mypy_status = _mypy(root, name)
    import_report, import_status = importing()
    problems = []
    if import_status != 0:
        lines = import_report.strip().splitlines()
        problems += ["the generated client does not import:", *(f"  {line}" for line in lines[:MAX_LINES])]
    if mypy_status != 0:
        lines = [line for line in mypy_report.strip().splitlines() if ": error:" in line] or mypy_report.splitlines()
        problems += [f"mypy --strict finds {len(lines)} error(s) in the generated client:"]
        problems += [f"  {line}" for line in lines[:MAX_LINES]]
        problems += [f"  ... and {len(lines) - MAX_LINES} more"] if len(lines) > MAX_LINES else []
    if problems:
        raise PipelineError(*problems, "generated/ is left as it was; please report the spec that did this")


def _start_import_check(root: Path, name: str) -> Callable[[], tuple[str, int]]:
    """Import every module of the package in a child process; a function that waits for its report.

    Where the OS can fork, the child is a fork of this process, which has httpx and attrs imported already
    (a tenth of the cost of a fresh interpreter); it forgets any package of that name it had imported."""
    if not hasattr(os, "fork"):
        env = {"PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
        process = subprocess.Popen(
            [sys.executable, "-c", _IMPORT_ALL, name],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        return lambda: (process.communicate()[0].decode(errors="replace"), process.returncode)
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: nothing here returns
        code = 3
        try:
            os.close(read)
            for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
                del sys.modules[module]
            sys.path.insert(0, str(root))
            sys.dont_write_bytecode = True
            sys.argv = ["import-check", name]
            with os.fdopen(write, "w", encoding="utf-8") as out:
                sys.stdout = out
                try:
                    exec(_IMPORT_ALL, {"__name__": "__import_check__"})
                    code = 0
                except SystemExit as exit:
                    code = exit.code if isinstance(exit.code, int) else 1
                finally:
                    out.flush()
        finally:
            os._exit(code)
    os.close(write)

    def report() -> tuple[str, int]:
        with os.fdopen(read, encoding="utf-8", errors="replace") as found:
            text = found.read()
        return text, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

    return report


def _mypy(root: Path, package: str) -> tuple[str, int]:
    """mypy --strict on the package, in this process (a process of its own would cost its start-up each
    run), with the package's directory as the only place it looks; its report and exit status."""
    from mypy import api  # here: importing mypy costs 0.3 s, and only a generate that changed something needs it

    cache = ROOT / "build" / "mypy-generated"
    arguments = ["--strict", "--no-error-summary", "--cache-dir", str(cache), "--python-executable", sys.executable]
    previous = os.environ.get("MYPYPATH")
    os.environ["MYPYPATH"] = str(root)
    try:
        out, err, status = api.run([*arguments, str(root / package)])
    finally:
        if previous is None:
            os.environ.pop("MYPYPATH", None)
        else:
            os.environ["MYPYPATH"] = previous
    return out + err, status
