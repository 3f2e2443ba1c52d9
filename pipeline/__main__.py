"""python -m pipeline <command> [options]: the Makefile's commands. Each is a function below, listed in
COMMANDS with its one-line help (`python -m pipeline --help`); generate is the pipeline itself (build.py).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import PipelineError
from .commands.dist import dist as build_dist
from .commands.docs import build_docs
from .commands.drift import check_drift
from .commands.spec_diff import spec_diff
from .commands.stock import check_stock, merge_templates
from .commands.update_spec import DEFAULT_URL, update_spec
from .generate.build import generate, input_warnings
from .generate.client_defaults import served_from_one_host
from .generate.golden import golden_projects
from .project import Project


def committed(spec: Path, scratch: Path) -> Path:
    """The spec as of the last commit, in a scratch file."""
    shown = subprocess.run(["git", "show", f"HEAD:./{spec}"], capture_output=True)
    if shown.returncode != 0:
        raise PipelineError(f"no committed {spec} to compare with: {shown.stderr.decode().strip()}")
    path = scratch / f"committed{spec.suffix or '.yaml'}"
    path.write_bytes(shown.stdout)
    return path


def _generate(project: Project, args: argparse.Namespace) -> int:
    """validate the spec and config, generate into a staging directory, replace --out only if all of it succeeded"""
    summary, warnings = generate(project)
    _print_warnings(warnings)
    print(summary)
    for golden in golden_projects(project):
        line = generate(golden)[0].splitlines()[0].replace(str(golden.generated), os.path.relpath(golden.generated))
        print(f"{line} (the golden record of {golden.spec_path.name})")
    return 0


def _check(project: Project, args: argparse.Namespace) -> int:
    """generate into a staging directory and compare with --out (and the golden record), and check the overrides
    follow the installed generator's templates"""
    print(check_stock(project.templates))
    for each in [project, *golden_projects(project)]:
        print(check_drift(each))
    return 0


def _spec_diff(project: Project, args: argparse.Namespace) -> int:
    """what changed from the committed --spec to the working one (or to --new), as callers of the client see it;
    exit 1 on a change that breaks code written for the old client, 2 if it cannot tell"""
    with tempfile.TemporaryDirectory() as scratch:
        if args.new:
            report, breaking = spec_diff(project, args.spec, args.new)
        else:
            labels = (f"{args.spec} (committed)", f"{args.spec} (working tree)")
            report, breaking = spec_diff(project, committed(args.spec, Path(scratch)), args.spec, labels)
    print(report)
    return 1 if breaking else 0


def _update_spec(project: Project, args: argparse.Namespace) -> int:
    """read --url into --spec (untouched on any failure), report what changed, set the next version and its
    CHANGELOG.md section"""
    print(update_spec(project, args.url))
    return 0


def _docs(project: Project, args: argparse.Namespace) -> int:
    """an HTML reference of the generated package in --docs (pdoc)"""
    print(build_docs(project, args.docs))
    return 0


def _effective_spec(project: Project, args: argparse.Namespace) -> int:
    """the spec the client is built from, as JSON, as make mock serves it: --spec with its overlay applied, the
    defaults and examples that do not fit their schema taken out, each operation with a server of its own at
    that server's path"""
    print(json.dumps(served_from_one_host(project.spec), indent=1))
    return 0


def _stock_check(project: Project, args: argparse.Namespace) -> int:
    """do the overrides in --templates follow the installed generator's templates (stock.py)?"""
    print(check_stock(project.templates))
    return 0


def _merge_templates(project: Project, args: argparse.Namespace) -> int:
    """after a generator bump, three-way merge each override with its stock template's change"""
    wheels = project.generated.parent / "build" / "generator-wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    print("\n".join(merge_templates(project.templates, wheels)))
    return 0


def _dist(project: Project, args: argparse.Namespace) -> int:
    """build the wheel and sdist into --dist and check them (dist.py)"""
    print(build_dist(project, args.dist))
    return 0


COMMANDS: dict[str, Callable[[Project, argparse.Namespace], int]] = {
    "generate": _generate,
    "check": _check,
    "update-spec": _update_spec,
    "spec-diff": _spec_diff,
    "docs": _docs,
    "effective-spec": _effective_spec,
    "stock-check": _stock_check,
    "merge-templates": _merge_templates,
    "dist": _dist,
}


def _print_warnings(lines: list[str]) -> None:
    for line in lines:
        print(f"warning: {line}" if not line.startswith("  ") else line, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    defaults = Project()
    commands = "\n".join(f"  {name:16}{' '.join((run.__doc__ or '').split())}" for name, run in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description=__doc__.splitlines()[0],
        epilog=f"commands:\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=list(COMMANDS))
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
        return COMMANDS[args.command](project, args)
    except KeyboardInterrupt:
        print(f"interrupted: {args.out}/ is as it was", file=sys.stderr)
        return 130
    except PipelineError as err:
        if args.command in ("generate", "check"):  # every problem the run found: the warnings too
            _print_warnings(input_warnings(project) if err.warnings is None else err.warnings)
        for line in err.problems:
            print(f"error: {line}" if not line.startswith("  ") else line, file=sys.stderr)
        return 2 if args.command == "spec-diff" else 1


if __name__ == "__main__":
    code = main()
    # Everything is written and closed by now: skip the interpreter's teardown of the generator's and mypy's
    # objects (1.3 s of CPU after a generation of Baseten's 183 operations), as mypy's own --fast-exit does.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
