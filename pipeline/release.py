"""The client's version and changelog, which follow the spec.

One place holds the version: pyproject.toml's `[project] version`. The User-Agent, the package's
`__version__` and the wheel read it. `make update-spec` sets the next one from spec-diff's verdict,
because Baseten's `info.version` is 1.0.0 in every revision and says nothing: a change that breaks code
written for the current client gives the next major version (the next minor while the major is 0),
any other change the next patch, and no change no new version. It prepends a CHANGELOG.md section: the
version, the date, where the spec came from, the operations added and removed, and each breaking change
as spec-diff names it.
"""

import datetime
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from . import PipelineError

if TYPE_CHECKING:  # spec_diff reads the project, which reads the version here
    from .spec_diff import DiffReport

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_PROJECT_VERSION = re.compile(r'(?ms)(^\[project\]\n(?:(?!^\[).)*?^version\s*=\s*")([^"]*)(")')
CHANGELOG_TITLE = "# Changelog\n"


def read_version(pyproject: Path) -> str:
    try:
        version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as err:
        raise PipelineError(f"{pyproject}: no [project] version: {err}") from None
    if not isinstance(version, str) or not _VERSION.match(version):
        raise PipelineError(f"{pyproject}: [project] version {version!r} is not MAJOR.MINOR.PATCH")
    return version


def next_version(version: str, breaking: bool) -> str:
    """The version after `version`: the next major for a breaking change (the next minor while at 0.x),
    the next patch for any other."""
    match = _VERSION.match(version)
    if match is None:
        raise PipelineError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = map(int, match.groups())
    if breaking:
        return f"0.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"
    return f"{major}.{minor}.{patch + 1}"


def with_version(pyproject_text: str, version: str) -> str:
    """pyproject.toml's text with its [project] version set, everything else as it was."""
    changed, count = _PROJECT_VERSION.subn(lambda m: f"{m.group(1)}{version}{m.group(3)}", pyproject_text, count=1)
    if count != 1:
        raise PipelineError('pyproject.toml: no `version = "..."` line in [project] to set')
    return changed


def changelog_section(version: str, source: str, digest: str, report: "DiffReport", today: datetime.date) -> str:
    lines = [f"## {version} ({today.isoformat()})", "", f"Spec: {source} (sha256 {digest[:12]})", ""]
    for title, entries in (
        ("Operations added", report.operations["added"]),
        ("Operations removed", report.operations["removed"]),
        ("Breaking changes", report.breaking),
    ):
        if entries:
            lines += [f"{title}:", *(f"- {entry}" for entry in entries), ""]
    if not (report.operations["added"] or report.operations["removed"] or report.breaking):
        lines += ["No operation added or removed, nothing breaking (fields, enum values or descriptions changed).", ""]
    return "\n".join(lines)


def with_section(changelog_text: str, section: str) -> str:
    """CHANGELOG.md's text with `section` first under its title."""
    body = changelog_text.removeprefix(CHANGELOG_TITLE).lstrip("\n")
    return f"{CHANGELOG_TITLE}\n{section}\n{body}" if body else f"{CHANGELOG_TITLE}\n{section}"
