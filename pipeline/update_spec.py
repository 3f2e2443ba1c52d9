"""`make update-spec`: fetch the published spec into openapi.yaml, atomically, as reviewable YAML.

A failed download or a document that is not a valid OpenAPI 3.x spec leaves openapi.yaml as it
was. The new spec is written in YAML with its key order kept and multi-line text as literal blocks,
so `git diff openapi.yaml` shows what Baseten changed; it is checked to load back to the same document.
"""

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import httpx
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from . import PipelineError
from .openapi import load_document
from .project import Project
from .spec_check import dangling_refs, read_spec, structural_errors
from .spec_diff import spec_diff

DEFAULT_URL = "https://api.baseten.co/v1/spec"
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def download(url: str) -> bytes:
    try:
        response = httpx.get(url, timeout=TIMEOUT, follow_redirects=True)
    except httpx.HTTPError as err:
        raise PipelineError(f"could not download {url}: {type(err).__name__}: {err}") from None
    if response.status_code != 200:
        raise PipelineError(f"could not download {url}: HTTP {response.status_code}")
    return response.content


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


def check_spec(path: Path) -> dict[str, Any]:
    """The document, or PipelineError with every problem `make generate` would stop on."""
    spec = read_spec(path)
    problems = dangling_refs(spec)
    problems += structural_errors(spec)
    if problems:
        raise PipelineError(*(f"{path}: {line}" for line in problems))
    return spec


def update_spec(project: Project, url: str) -> str:
    """Replace the project's spec with the document at url; return the change report. Untouched on any failure."""
    spec_path = project.spec_path
    content = download(url)
    # Beside spec_path, so the final rename is atomic; removed whatever happens.
    with tempfile.TemporaryDirectory(prefix=".update-spec-", dir=spec_path.parent) as scratch:
        suffix = ".json" if content.lstrip().startswith(b"{") else ".yaml"
        downloaded = Path(scratch) / f"downloaded{suffix}"
        downloaded.write_bytes(content)
        try:
            document = check_spec(downloaded)  # syntax, OpenAPI 3.x, $refs, structure: as `make generate` does
        except PipelineError as err:
            raise PipelineError(str(err).replace(str(downloaded), url)) from None
        staged = Path(scratch) / "openapi.yaml"
        staged.write_text(as_yaml(document), encoding="utf-8")
        if load_document(staged) != document:
            raise PipelineError("the YAML written would not load back to the downloaded document; nothing changed")
        report = _report(project, staged, url)
        os.replace(staged, spec_path)
    return f"{spec_path} updated from {url}\n{report}\nNext: read the report, then `make generate` and `make test`."


def _report(project: Project, new: Path, url: str) -> str:
    old = project.spec_path
    if not old.exists():
        return "(no previous spec to compare with)"
    try:
        text, _breaking = spec_diff(project, old, new, (str(old), url))
    except PipelineError as err:
        return f"(no change report: {err})"
    return text
