"""`make check` (and a test in `make test`): is generated/ what the current inputs produce?"""

from pathlib import Path

from .. import PipelineError
from ..generate.build import staged_build
from ..generate.trees import tree_differences
from ..project import Project

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
