"""The pinned openapi-python-client's own templates, and what each override in templates/ started from.

templates/stock-bases.txt records, for the generator version the overrides were last based on, the
sha256 of every stock template. A generator bump then has a stored base:

- check_stock() names every stock template that changed since (`make check`, and a test in
  `make test`): an override to merge, a template the runtime or readers.py stands in for, or one the
  overrides import;
- merge_templates() does the three-way merge (`git merge-file`: the override, the recorded version's
  stock template as the base, the installed version's as theirs), fetching the recorded version's wheel
  from PyPI, then re-records the bases and the version each override's header names.
"""

import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from .. import PipelineError

RECORD = "stock-bases.txt"
# Stock templates whose output or macros the runtime and readers.py stand in for, though no file of
# that name is in templates/: their changes are carried over by hand.
STANDS_IN = {
    "errors.py.jinja": "runtime/errors.py",
    "types.py.jinja": "runtime/types.py",
    "property_templates/": "pipeline/generate/readers.py (their construct macros)",
}
CONFLICT = re.compile(r"^(<<<<<<<|>>>>>>>) ", re.M)


def stock_templates() -> Path:
    import openapi_python_client  # here: importing the generator costs 0.4 s, and only a build needs it

    return Path(openapi_python_client.__file__).parent / "templates"


def installed_version() -> str:
    from openapi_python_client import __version__

    return __version__


def digests(templates: Path) -> dict[str, str]:
    return {
        str(path.relative_to(templates)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(templates.rglob("*.jinja"))
    }


def read_record(templates: Path) -> tuple[str, dict[str, str]]:
    """(version, {stock template: sha256}) as templates/stock-bases.txt has them."""
    path = templates / RECORD
    if not path.is_file():
        raise PipelineError(f"{path}: missing; restore it from git: `make merge-templates` needs it")
    version, recorded = "", {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# openapi-python-client "):
            version = line.split()[2].rstrip(":")
        elif line.strip() and not line.startswith("#"):
            name, digest = line.split()
            recorded[name] = digest
    return version, recorded


def write_record(templates: Path, version: str, found: dict[str, str]) -> None:
    lines = [
        f"# openapi-python-client {version}: the stock templates the overrides here were last based on.",
        "# Written by `make merge-templates`; checked by `make check` (pipeline/commands/stock.py).",
        *(f"{name} {digest}" for name, digest in sorted(found.items())),
    ]
    (templates / RECORD).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _role(templates: Path, name: str) -> str:
    if (templates / name).is_file():
        return f"{templates / name} overrides it: run `make merge-templates`"
    for prefix, what in STANDS_IN.items():
        if name == prefix or name.startswith(prefix):
            return f"{what} stands in for it: carry its change over by hand"
    return "an override may import it: read its diff"


def stock_changes(templates: Path) -> list[str]:
    """One line for each stock template that differs from the record, and each override left with a conflict."""
    version, recorded = read_record(templates)
    now, problems = digests(stock_templates()), []
    for name in sorted(set(recorded) | set(now)):
        if recorded.get(name) == now.get(name):
            continue
        change = "is new" if name not in recorded else "is gone" if name not in now else "changed"
        problems.append(
            f"stock {name} {change} in openapi-python-client {installed_version()} (the overrides follow"
            f" {version}): {_role(templates, name)}"
        )
    for override in sorted(templates.rglob("*.jinja")):
        if CONFLICT.search(override.read_text(encoding="utf-8")):
            problems.append(f"{override}: holds merge conflict markers; resolve them")
    return problems


def check_stock(templates: Path) -> str:
    problems = stock_changes(templates)
    if problems:
        raise PipelineError(*problems)
    return f"{templates}/ follows openapi-python-client {installed_version()}'s templates"


def fetch_stock(version: str, scratch: Path) -> Path:
    """The templates of openapi-python-client `version`, from its wheel on PyPI."""
    out = scratch / f"openapi-python-client-{version}"
    if not (out / "templates").is_dir():
        download = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
             "--dest", str(scratch), f"openapi-python-client=={version}"],
            capture_output=True, text=True,
        )  # fmt: skip
        wheels = sorted(scratch.glob(f"openapi_python_client-{version}-*.whl"))
        if download.returncode != 0 or not wheels:
            raise PipelineError(f"cannot fetch openapi-python-client {version}: {download.stderr.strip()[-300:]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            for member in wheel.namelist():
                if member.startswith("openapi_python_client/templates/"):
                    target = out / "templates" / member.removeprefix("openapi_python_client/templates/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(wheel.read(member))
    return out / "templates"


def merge_templates(templates: Path, scratch: Path) -> list[str]:
    """Three-way merge each override whose stock template changed; name what else changed; re-record the
    bases. A line a file."""
    version, recorded = read_record(templates)
    new_version, theirs = installed_version(), stock_templates()
    now, report = digests(theirs), []
    changed = sorted(name for name in set(recorded) | set(now) if recorded.get(name) != now.get(name))
    base = fetch_stock(version, scratch) if changed else theirs
    for name in changed:
        ours, old, new = templates / name, base / name, theirs / name
        if not (ours.is_file() and old.is_file() and new.is_file()):
            report.append(f"stock {name}: {_role(templates, name)}")
            continue
        merged = subprocess.run(
            ["git", "merge-file", "-L", "templates", "-L", version, "-L", new_version, str(ours), str(old), str(new)],
            capture_output=True,
        )  # fmt: skip
        report.append(f"{ours}: " + (f"{merged.returncode} conflict(s) to resolve" if merged.returncode else "merged"))
    for override in sorted(templates.rglob("*.jinja")):
        text = override.read_text(encoding="utf-8")
        moved = text.replace(f"openapi-python-client {version}'s", f"openapi-python-client {new_version}'s")
        if moved != text:
            override.write_text(moved, encoding="utf-8")
    write_record(templates, new_version, now)
    report.append(f"{templates / RECORD}: recorded openapi-python-client {new_version}'s templates")
    return report
