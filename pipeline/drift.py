"""`make check` (and a test in `make test`): is generated/ what the current inputs produce?"""

import filecmp
from pathlib import Path

from . import PipelineError
from .build import staged_build
from .project import Project

MAX_LISTED = 10


def check_drift(project: Project) -> str:
    """Raise PipelineError naming the differing files when generated/ is stale; a one-line summary otherwise."""
    spec_path, config_path, templates, out = (
        _shown(project.spec_path),
        _shown(project.config_path),
        _shown(project.templates),
        _shown(project.generated),
    )
    with staged_build(project) as built:
        differences = tree_differences(built.package.parent, project.generated)
    if differences:
        listed = differences[:MAX_LISTED]
        more = [f"  ... and {len(differences) - len(listed)} more"] if len(differences) > len(listed) else []
        raise PipelineError(
            "\n".join(
                [f"{out}/ is stale: it is not what {spec_path}, {config_path}, {templates}/ and runtime/ generate:"]
                + [f"  {line}" for line in listed]
                + more
                + ["Run `make generate` and commit the result."]
            )
        )
    return f"{out}/ matches {spec_path}, {config_path}, {templates}/ and runtime/"


def _shown(path: Path) -> Path:
    """A path as a message shows it: relative to the working directory where it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def tree_differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees, each marked changed, missing or extra."""
    if not actual.is_dir():
        return [f"missing: {actual}/"]
    found: list[str] = []
    _compare(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), Path(), found)
    return sorted(found)


def _compare(cmp: filecmp.dircmp, rel: Path, found: list[str]) -> None:
    found += [f"missing: {rel / name}" for name in cmp.left_only]
    found += [f"extra:   {rel / name}" for name in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    found += [f"changed: {rel / name}" for name in mismatch + errors]
    for name, sub in cmp.subdirs.items():
        _compare(sub, rel / name, found)
