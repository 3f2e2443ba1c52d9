"""The client's version and changelog, which follow the spec.

One place holds the version: pyproject.toml's `[project] version`. The User-Agent, the package's
`__version__` and the wheel read it. `make update-spec` sets the next one from spec-diff's verdict,
because Baseten's `info.version` is 1.0.0 in every revision and says nothing: a change that breaks code
written for the current client gives the next major version, one that adds to it the next minor, any
other change the next patch (while the major is 0: the next minor for a breaking change, else the next
patch), and no change no new version. It prepends a CHANGELOG.md section: the version, the date, where
the spec came from, and spec-diff's report in the client's words (spec_diff.DiffReport.markdown).
"""

import datetime
import re
import tomllib
from pathlib import Path

from .. import PipelineError

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


def next_version(version: str, level: str) -> str:
    """The version after `version` for a change of `level` (spec_diff.DiffReport.level): breaking, feature,
    patch or none (a description changed: a patch too, the docstrings follow)."""
    match = _VERSION.match(version)
    if match is None:
        raise PipelineError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = map(int, match.groups())
    if level == "breaking":
        return f"0.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"
    if level == "feature" and major > 0:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def with_version(pyproject_text: str, version: str) -> str:
    """pyproject.toml's text with its [project] version set, everything else as it was."""
    changed, count = _PROJECT_VERSION.subn(lambda m: f"{m.group(1)}{version}{m.group(3)}", pyproject_text, count=1)
    if count != 1:
        raise PipelineError('pyproject.toml: no `version = "..."` line in [project] to set')
    return changed


def changelog_section(version: str, source: str, digest: str, body: str, today: datetime.date) -> str:
    """A CHANGELOG.md section: the version, the date, the spec's source and digest, then `body`."""
    return "\n".join([f"## {version} ({today.isoformat()})", "", f"Spec: {source} (sha256 {digest[:12]})", "", body])


def with_section(changelog_text: str, section: str) -> str:
    """CHANGELOG.md's text with `section` first under its title."""
    body = changelog_text.removeprefix(CHANGELOG_TITLE).lstrip("\n")
    return f"{CHANGELOG_TITLE}\n{section}\n{body}" if body else f"{CHANGELOG_TITLE}\n{section}"
