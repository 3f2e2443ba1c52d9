"""`make update-spec`: fetch the published spec into openapi.yaml, atomically, as reviewable YAML.

A failed download or a document that is not a valid OpenAPI 3.x spec leaves openapi.yaml as it
was; a new spec also sets the next version and a CHANGELOG.md section (release.py), the three written
only once all are ready. The new spec is written in YAML with its key order kept and multi-line text as literal blocks,
so `git diff openapi.yaml` shows what Baseten changed; it is checked to load back to the same document.
"""

import datetime
import hashlib
import io
import os
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import httpx
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from .. import PipelineError
from ..project import Project
from ..spec.openapi import load_document
from ..spec.overlay import Action, apply_overlay
from ..spec.spec_check import dangling_refs, read_spec, structural_errors
from .release import changelog_section, next_version, read_version, with_section, with_version
from .spec_diff import DiffReport, diff_report

DEFAULT_URL = "https://api.baseten.co/v1/spec"
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def download(source: str) -> bytes:
    """The document at `source`: an http(s) URL, a `file://` URL or a local path."""
    parsed = urllib.parse.urlsplit(source)
    if parsed.scheme in ("http", "https"):
        try:
            response = httpx.get(source, timeout=TIMEOUT, follow_redirects=True)
        except httpx.HTTPError as err:
            raise PipelineError(f"could not download {source}: {type(err).__name__}: {err}") from None
        if response.status_code != 200:
            raise PipelineError(f"could not download {source}: HTTP {response.status_code}")
        return response.content
    if parsed.scheme == "file":
        path = Path(urllib.request.url2pathname(parsed.path))
    elif len(parsed.scheme) <= 1:  # a path (a Windows drive letter reads as a one-letter scheme)
        path = Path(source)
    else:
        raise PipelineError(f"cannot read {source}: give an http(s) URL, a file:// URL or a path")
    try:
        return path.read_bytes()
    except OSError as err:
        raise PipelineError(f"could not read {source}: {err.strerror}") from None


def as_yaml(document: Any) -> str:
    yaml = YAML()
    yaml.width = 4096  # long lines stay whole: one change, one diff line
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(_literal_blocks(document), stream)
    return stream.getvalue()


def _literal_blocks(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _literal_blocks(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_literal_blocks(item) for item in node]
    if isinstance(node, str) and "\n" in node and not any(line != line.rstrip() for line in node.splitlines()):
        return LiteralScalarString(node)  # readable; strings with trailing spaces stay quoted to round-trip
    return node


def check_spec(path: Path, overlay: list[Action]) -> dict[str, Any]:
    """The document, or PipelineError with every problem `make generate` would stop on (the project's overlay
    applied first, as `make generate` does: it may fix what the published document gets wrong)."""
    spec = read_spec(path)
    overlaid = apply_overlay(spec, overlay)[0]
    problems = list(dict.fromkeys(dangling_refs(overlaid) + structural_errors(overlaid)))
    if problems:
        raise PipelineError(*(f"{path}: {line}" for line in problems))
    return spec


def update_spec(project: Project, url: str, today: datetime.date | None = None) -> str:
    """Replace the project's spec with the document at url, set the next version in pyproject.toml and
    prepend its CHANGELOG.md section; return the change report. On any failure, none of the three change;
    when the document is the one in place, nothing does."""
    spec_path = project.spec_path
    content = download(url)
    # Beside spec_path, so the final rename is atomic; removed whatever happens.
    with tempfile.TemporaryDirectory(prefix=".update-spec-", dir=spec_path.parent) as scratch:
        suffix = ".json" if content.lstrip().startswith(b"{") else ".yaml"
        downloaded = Path(scratch) / f"downloaded{suffix}"
        downloaded.write_bytes(content)
        try:
            document = check_spec(downloaded, project.overlay)  # syntax, OpenAPI 3.x, $refs, structure
        except PipelineError as err:
            raise PipelineError(str(err).replace(str(downloaded), url)) from None
        if spec_path.exists() and load_document(spec_path) == document:
            return f"{spec_path} is already what {url} publishes: no new version, nothing changed"
        staged = Path(scratch) / "openapi.yaml"
        staged.write_text(as_yaml(document), encoding="utf-8")
        if load_document(staged) != document:
            raise PipelineError("the YAML written would not load back to the downloaded document; nothing changed")
        writes = [(staged, spec_path)]
        report_text, release = _report(project, staged, url)
        if release is not None and project.pyproject.is_file():  # a spec outside a project has no version
            old = read_version(project.pyproject)
            new = next_version(old, release.level)
            digest = hashlib.sha256(staged.read_bytes()).hexdigest()
            section = changelog_section(new, url, digest, release.markdown(), today or datetime.date.today())
            changelog = project.changelog.read_text(encoding="utf-8") if project.changelog.exists() else ""
            for text, target in (
                (with_version(project.pyproject.read_text(encoding="utf-8"), new), project.pyproject),
                (with_section(changelog, section), project.changelog),
            ):
                prepared = Path(scratch) / target.name
                prepared.write_text(text, encoding="utf-8")
                writes.append((prepared, target))
            report_text += f"\nversion: {old} -> {new} ({release.level}); {project.changelog.name}: a section for it"
        for prepared, target in writes:  # everything is ready: a failure above changed nothing
            os.replace(prepared, target)
    return (
        f"{spec_path} updated from {url}\n{report_text}\nNext: read the report, then `make generate` and `make test`."
    )


def _report(project: Project, new: Path, url: str) -> tuple[str, DiffReport | None]:
    """The change report, and the report itself for the release; None where there was no spec before."""
    old = project.spec_path
    if not old.exists():
        return "(no previous spec to compare with; the version stays)", None
    try:
        report = diff_report(project, old, new)
    except PipelineError as err:
        raise PipelineError(f"cannot tell whether the new spec breaks code ({err}); nothing changed") from None
    return report.render(str(old), url), report
