"""The last look before the swap: does the new client import, and does mypy --strict accept it?

A name the rules of naming.py did not foresee, or a template change, could still give a client that
fails to import or to type-check; the suite would say so, but `make generate` must not hand it over.
Both checks run side by side on the staged package: the import in a child process, mypy here.

Both look only at what changed from the tree in place, which passed them when it was made: the import
check imports the modules that changed and those that import them, and mypy checks the package through
one stable path (`build/package-check/<package>`, a link to the staged package) with a warm cache,
so it rechecks only what changed (a quarter of a second on Baseten's 183 operations, where a path of its
own each run cost 2.7 s). A lock keeps two runs from using the cache at once.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .. import PipelineError
from ..project import ROOT

MAX_LINES = 10  # of each check's report

# Imports the package and the modules named after it (every module where none is); prints one line per
# module that fails.
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
everything = pkgutil.walk_packages(package.__path__, package.__name__ + ".") if package else ()
for name in sys.argv[2:] or [found.name for found in everything]:
    attempt(name)
sys.exit(1 if failed else 0)
"""


def _to_import(package: Path, changed: list[str] | None) -> list[str]:
    """The modules to import: those that changed and those that import one of them ([]: all of them)."""
    if changed is None:
        return []
    modules = {
        ".".join((package.name, *Path(path).with_suffix("").parts)).removesuffix(".__init__"): path
        for path in (str(p.relative_to(package)) for p in package.rglob("*.py"))
    }
    touched = {
        module for module, path in modules.items() if any(path == c or path.startswith(c + "/") for c in changed)
    }
    leaves = {Path(path).stem for path in changed} | {module.rsplit(".", 1)[-1] for module in touched}  # gone ones too
    importers = {
        module
        for module, path in modules.items()
        if any(
            f"{leaf} import" in line or f"import {leaf}" in line for line in _imports(package / path) for leaf in leaves
        )
    }
    return sorted(touched | importers) or [package.name]


def _imports(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if "import " in line]


def check_package(package: Path, build: Path, changed: list[str] | None = None) -> None:
    """PipelineError listing what fails to import and what mypy --strict finds, both in one run. `build`
    keeps mypy's cache; `changed` lists the package's files that differ from the tree in place (relative to
    the package), None where there is no tree in place."""
    root, name = package.parent, package.name
    importing = _start_import_check(root, name, _to_import(package, changed))
    mypy_report, mypy_status = _mypy(package, build)
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


def _start_import_check(root: Path, name: str, modules: list[str]) -> Callable[[], tuple[str, int]]:
    """Import every module of the package in a child process; a function that waits for its report.

    Where the OS can fork, the child is a fork of this process, which has httpx and attrs imported already
    (a tenth of the cost of a fresh interpreter); it forgets any package of that name it had imported."""
    if not hasattr(os, "fork"):
        env = {"PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
        process = subprocess.Popen(
            [sys.executable, "-c", _IMPORT_ALL, name, *modules],
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
            sys.argv = ["import-check", name, *modules]
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


def _mypy(package: Path, build: Path) -> tuple[str, int]:
    """mypy --strict on the package, in this process (a process of its own would cost its start-up each
    run), through build/package-check/<package>; its report and exit status. The cache is this
    repository's, build/mypy-generated, whichever project is generated (the tests' scratch copies too):
    what the package imports, typeshed, httpx and attrs, is checked once for all of them. One run at a time
    uses it."""
    from mypy import api  # here: importing mypy costs 0.3 s, and only a generate that changed something needs it

    stable = build / "package-check"
    stable.mkdir(parents=True, exist_ok=True)
    link = stable / package.name
    cache = ROOT / "build" / "mypy-generated"
    cache.mkdir(parents=True, exist_ok=True)
    arguments = ["--strict", "--no-error-summary", "--cache-dir", str(cache)]
    with open(cache / ".lock", "w") as lock:
        if hasattr(os, "fork"):  # POSIX: fcntl is there
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        previous = os.environ.get("MYPYPATH")
        os.environ["MYPYPATH"] = str(stable)
        try:
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(package.resolve(), target_is_directory=True)
            out, err, status = api.run([*arguments, "--python-executable", sys.executable, str(link)])
        finally:
            link.unlink(missing_ok=True)
            if previous is None:
                os.environ.pop("MYPYPATH", None)
            else:
                os.environ["MYPYPATH"] = previous
    return (out + err).replace(str(link), package.name), status
