"""python -m pipeline generate|check|update-spec|spec-diff|docs [options]

generate:    validate the spec and config, derive the client defaults, run the generator into a staging
             directory, and replace generated/ only when all of that succeeded.
check:       the same into a staging directory, then compare with generated/ (drift check).
update-spec: read --url (http(s), file:// or a path) into --spec (untouched on any failure), report what
             changed, set the next version and write its CHANGELOG.md section.
spec-diff:   what changed from the committed --spec to the working one (or from --spec to --new), as the
             client shows it; exit 1 on a change that breaks code written for the old client, 2 if it
             cannot tell.
docs:        an HTML reference of the generated package in --docs (pdoc).
stock-check: do the overrides in --templates follow the installed generator's templates (pipeline/stock.py)?
merge-templates: after a generator bump, three-way merge each override with its stock template's change.
dist:        build the wheel and sdist into --dist and check them (pipeline/dist.py).
effective-spec: the spec the client is built from, as JSON on stdout: --spec with its overlay applied
             and the defaults and examples that do not fit their schema taken out (make mock serves it).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import PipelineError
from .build import generate, input_warnings
from .dist import dist as build_dist
from .docs import build_docs
from .drift import check_drift
from .golden import golden_projects
from .project import Project
from .spec_diff import spec_diff
from .stock import check_stock, merge_templates
from .update_spec import DEFAULT_URL, update_spec


def committed(spec: Path, scratch: Path) -> Path:
    """The spec as of the last commit, in a scratch file."""
    shown = subprocess.run(["git", "show", f"HEAD:./{spec}"], capture_output=True)
    if shown.returncode != 0:
        raise PipelineError(f"no committed {spec} to compare with: {shown.stderr.decode().strip()}")
    path = scratch / f"committed{spec.suffix or '.yaml'}"
    path.write_bytes(shown.stdout)
    return path


def main(argv: list[str] | None = None) -> int:
    defaults = Project()
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    commands = [
        "generate",
        "check",
        "update-spec",
        "spec-diff",
        "docs",
        "effective-spec",
        "stock-check",
        "merge-templates",
        "dist",
    ]
    parser.add_argument("command", choices=commands)
    parser.add_argument("--spec", type=Path, default=Path("openapi.yaml"))
    parser.add_argument("--overlay", type=Path, help="default: openapi.overlay.yaml beside --spec")
    parser.add_argument("--config", type=Path, default=Path("generator-config.yaml"))
    parser.add_argument("--templates", type=Path, default=Path("templates"))
    parser.add_argument("--out", type=Path, default=Path("generated"))
    parser.add_argument("--url", default=DEFAULT_URL, help="update-spec: the spec's URL (http, https, file) or path")
    parser.add_argument("--new", type=Path, help="spec-diff: the spec to compare --spec with")
    parser.add_argument("--docs", type=Path, default=Path("build/docs"), help="docs: where the HTML goes")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="dist: where the wheel and sdist go")
    args = parser.parse_args(argv)
    overlay = args.overlay or args.spec.with_name(defaults.overlay_path.name)
    beside = args.spec.parent
    project = Project(
        args.spec,
        args.config,
        args.templates,
        args.out,
        overlay,
        pyproject=beside / "pyproject.toml",
        changelog=beside / "CHANGELOG.md",
    )
    try:
        if args.command == "spec-diff":
            with tempfile.TemporaryDirectory() as scratch:
                if args.new:
                    report, breaking = spec_diff(project, args.spec, args.new)
                else:
                    labels = (f"{args.spec} (committed)", f"{args.spec} (working tree)")
                    report, breaking = spec_diff(project, committed(args.spec, Path(scratch)), args.spec, labels)
            print(report)
            return 1 if breaking else 0
        if args.command == "docs":
            print(build_docs(project, args.docs))
        elif args.command == "effective-spec":
            print(json.dumps(project.spec, indent=1))
        elif args.command == "update-spec":
            print(update_spec(project, args.url))
        elif args.command == "check":
            print(check_stock(project.templates))
            for each in [project, *golden_projects(project)]:
                print(check_drift(each))
        elif args.command == "dist":
            print(build_dist(project, args.dist))
        elif args.command == "stock-check":
            print(check_stock(project.templates))
        elif args.command == "merge-templates":
            wheels = project.generated.parent / "build" / "generator-wheels"
            wheels.mkdir(parents=True, exist_ok=True)
            print("\n".join(merge_templates(project.templates, wheels)))
        else:
            summary, warnings = generate(project)
            for line in warnings:
                print(f"warning: {line}" if not line.startswith("  ") else line, file=sys.stderr)
            print(summary)
            for golden in golden_projects(project):
                summary = (
                    generate(golden)[0]
                    .splitlines()[0]
                    .replace(str(golden.generated), os.path.relpath(golden.generated))
                )
                print(f"{summary} (the golden record of {golden.spec_path.name})")
    except KeyboardInterrupt:
        print(f"interrupted: {args.out}/ is as it was", file=sys.stderr)
        return 130
    except PipelineError as err:
        if args.command in ("generate", "check"):  # every problem the run found: the warnings too
            for line in input_warnings(project) if err.warnings is None else err.warnings:
                print(f"warning: {line}" if not line.startswith("  ") else line, file=sys.stderr)
        for line in err.problems:
            print(f"error: {line}" if not line.startswith("  ") else line, file=sys.stderr)
        return 2 if args.command == "spec-diff" else 1
    return 0


if __name__ == "__main__":
    code = main()
    # Everything is written and closed by now: skip the interpreter's teardown of the generator's and mypy's
    # objects (1.3 s of CPU after a generation of Baseten's 183 operations), as mypy's own --fast-exit does.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
