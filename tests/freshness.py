"""Is generated/ the client of openapi.yaml as it is now? The package records the sha256 of the spec and of
the overlay it was generated from (templates/package_init.py.jinja); reading them costs no import."""

import hashlib
import re

from pipeline.project import Project


def stale(project: Project) -> str:
    """Why generated/ is not openapi.yaml's client, in one line; "" where it is."""
    init = project.generated / project.package_name / "__init__.py"
    text = init.read_text(encoding="utf-8") if init.is_file() else ""
    recorded = dict(re.findall(r'^(SPEC_SHA256|OVERLAY_SHA256) = "?([0-9a-f]*|None)"?$', text, re.M))
    overlay = project.overlay_path
    expected = {
        "SPEC_SHA256": hashlib.sha256(project.spec_path.read_bytes()).hexdigest(),
        "OVERLAY_SHA256": hashlib.sha256(overlay.read_bytes()).hexdigest() if overlay.is_file() else "None",
    }
    if recorded == expected:
        return ""
    made = "there is no generated client" if not text else "it was generated from another openapi.yaml or overlay"
    return f"{project.generated.name}/ is not what {project.spec_path.name} generates ({made}): run `make generate`"
