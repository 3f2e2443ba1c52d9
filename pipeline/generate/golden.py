"""The golden record: the package generated from tests/specs/features.yaml, committed in tests/golden/.

The seed spec has one operation, so a change to most templates shows no diff in generated/; the
feature spec uses nearly everything the generator supports (pages, query arrays, multipart, int enums,
error bodies, dates, unions). `make generate` writes both trees and `make check` compares both, as
openapi-python-client's own end_to_end_tests keep the output of its feature spec: a template change is
a diff to review.
"""

import dataclasses

from ..project import ROOT, Project

GOLDEN_SPEC = ROOT / "tests" / "specs" / "features.yaml"
GOLDEN_OUT = ROOT / "tests" / "golden" / "features"


def golden_projects(project: Project) -> list[Project]:
    """The golden record's project, when `project` is this repository's own (the default inputs and output):
    the same config, templates and runtime, the feature spec, no overlay."""
    default = Project()
    own = all(
        getattr(project, name).resolve() == getattr(default, name).resolve()
        for name in ("spec_path", "config_path", "templates", "generated", "runtime")
    )
    if not own or not GOLDEN_SPEC.is_file():
        return []
    overlay = GOLDEN_SPEC.with_name("features.overlay.yaml")  # none: the record is of the spec as written
    return [dataclasses.replace(project, spec_path=GOLDEN_SPEC, generated=GOLDEN_OUT, overlay_path=overlay)]
