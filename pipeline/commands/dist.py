"""`make dist`: the wheel and sdist a team ships, built by pyproject.toml's backend (hatchling) into dist/,
then checked as a user would meet them: the metadata complete (name, version, summary, a Markdown
description, the runtime dependencies and nothing else: no dev or bench extras), the wheel holding only
the package (py.typed included), and the wheel installed into a fresh virtual environment where a typed
script (the client, and its fake in `testing`) runs and passes mypy --strict.
"""

import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement

from .. import PipelineError
from ..project import ROOT, Project

# A user's first lines, type-checked against the installed wheel.
TYPED_SCRIPT = """\
from typing import assert_type

import {package}
from {package} import AuthenticatedClient
from {package}.testing import FakeBaseten
from {package}.types import UNSET, Unset

client = AuthenticatedClient(token="a-key", base_url="https://api.example.test")
assert_type(client.with_options(max_retries=0), AuthenticatedClient)
assert_type(UNSET, Unset)
assert_type({package}.__version__, str)
with FakeBaseten() as fake:  # the fake reads the spec's data shipped in the wheel, and needs nothing else
    assert_type(fake.client, AuthenticatedClient)
    assert fake.calls == []
print({package}.__version__, {package}.SPEC_SHA256)
"""


def build(out: Path) -> tuple[Path, Path]:
    """The wheel and the sdist, through the build backend's PEP 517 hooks (what pip would call)."""
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["build-backend"]
    program = f"import sys, {backend} as b; print(b.build_wheel(sys.argv[1])); print(b.build_sdist(sys.argv[1]))"
    out.mkdir(parents=True, exist_ok=True)
    built = subprocess.run([sys.executable, "-c", program, str(out)], cwd=ROOT, capture_output=True, text=True)
    if built.returncode != 0:
        raise PipelineError(f"the build backend failed: {built.stderr.strip()[-500:]}")
    wheel, sdist = (out / name for name in built.stdout.split()[-2:])
    return wheel, sdist


def metadata_problems(wheel: Path, project: Project) -> list[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta = Parser().parsestr(archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
    package = project.package_name
    problems = []
    expected = {"Name": pyproject["name"], "Version": project.version, "Requires-Python": pyproject["requires-python"]}
    problems += [
        f"METADATA {key}: {meta[key]!r}, not {value!r}" for key, value in expected.items() if meta[key] != value
    ]
    if (
        not meta["Summary"]
        or meta["Description-Content-Type"] != "text/markdown"
        or not str(meta.get_payload()).strip()
    ):
        problems.append("METADATA: no summary, or no Markdown description (README.md)")
    declared = {Requirement(r) for r in pyproject["dependencies"]}
    if {Requirement(r) for r in meta.get_all("Requires-Dist") or []} != declared:
        problems.append(f"METADATA Requires-Dist: {meta.get_all('Requires-Dist')}, not {pyproject['dependencies']}")
    if meta.get_all("Provides-Extra"):
        problems.append(f"METADATA offers extras to users: {meta.get_all('Provides-Extra')}")
    stray = [n for n in names if not n.startswith((f"{package}/", f"{pyproject['name'].replace('-', '_')}-"))]
    problems += [f"the wheel holds {name}, which is not the package" for name in stray]
    if f"{package}/py.typed" not in names:
        problems.append("the wheel has no py.typed: type checkers would ignore its annotations")
    return problems


def install_problems(wheel: Path, project: Project) -> list[str]:
    """Install the wheel into a fresh virtual environment; run a typed script there, and mypy --strict on it."""
    with tempfile.TemporaryDirectory(prefix="dist-check-") as scratch:
        env = Path(scratch) / "env"
        venv.create(env, with_pip=False)  # this project's pip installs into it: no second pip to bootstrap
        python = env / "bin" / "python"
        pip = [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ]
        installed = subprocess.run([*pip, str(wheel)], capture_output=True, text=True)
        if installed.returncode != 0:
            return [f"the wheel does not install: {installed.stderr.strip()[-500:]}"]
        script = Path(scratch) / "first_lines.py"
        script.write_text(TYPED_SCRIPT.format(package=project.package_name), encoding="utf-8")
        ran = subprocess.run([str(python), str(script)], cwd=scratch, capture_output=True, text=True)
        if ran.returncode != 0 or ran.stdout.split()[:1] != [project.version]:
            return [f"the installed package does not run as expected: {(ran.stderr or ran.stdout).strip()[-500:]}"]
        mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", str(python)]
        checked = subprocess.run([*mypy, str(script)], cwd=scratch, capture_output=True, text=True)
        if checked.returncode != 0:
            return [f"mypy --strict on a script using the installed wheel: {checked.stdout.strip()[-800:]}"]
    return []


def dist(project: Project, out: Path) -> str:
    """Build into `out` (emptied first) and check; PipelineError listing every problem."""
    shutil.rmtree(out, ignore_errors=True)
    wheel, sdist = build(out)
    problems = metadata_problems(wheel, project) + install_problems(wheel, project)
    if problems:
        raise PipelineError(*problems)
    return (
        f"{wheel}\n{sdist}\nchecked: the metadata, the wheel's files, an install into a fresh venv under mypy --strict"
    )
