"""What changed between two specs, and whether it breaks code written against the older client.

Redocly CLI's `diff` does the comparison and rates each change; this module only runs it and
summarises its JSON report by the classes a client user cares about (enum values from its
`enum` property changes, which it reports whether or not it rates them). One rule is relaxed: Redocly
rates an added enum value as major, but the generated enums accept values they do not list yet
(templates/str_enum.py.jinja), so for this client it is additive. Two rules are added, because
Redocly judges the wire while a generated client also breaks code that names things: a removed
request field (Redocly: patch; `Model(field=...)` then fails) and a removed value of an enum only
responses use (Redocly: not breaking; `Enum.VALUE` then fails) are breaking here. And one Redocly cannot
see: an operation present in both whose import path changes (a new operationId or tag, or a clash
rename) breaks every `from baseten_management.api.<group> import <name>` written for it. A declared
waiter the revision no longer supports (its operation, field or a value it waits for gone) is breaking.
"""

import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import PipelineError
from .openapi import HTTP_METHODS, load_document, pointer_tokens
from .operation_names import operation_names
from .overlay import apply_overlay
from .project import Project
from .waiters import check_waiters

ROOT = Path(__file__).resolve().parent.parent
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
NOT_BREAKING_FOR_THIS_CLIENT = {"enum-values-added"}
SHOWN_PER_LIST = 8
THIS_RULE = "breaks code naming it: this project's rule"


@dataclass
class DiffReport:
    operations: dict[str, list[str]] = field(default_factory=lambda: {"added": [], "removed": []})
    schemas: dict[str, list[str]] = field(default_factory=lambda: {"added": [], "removed": []})
    fields: dict[str, list[str]] = field(default_factory=lambda: {"added": [], "removed": []})
    enum_values: dict[str, list[str]] = field(default_factory=lambda: {"added": [], "removed": []})
    auth: list[str] = field(default_factory=list)
    breaking: list[str] = field(default_factory=list)

    def render(self, base: str, revision: str) -> str:
        lines = [f"spec diff: {base} -> {revision}"]
        for title, changes in (
            ("operations", self.operations),
            ("schemas", self.schemas),
            ("fields", self.fields),
            ("enum values", self.enum_values),
        ):
            lines.append(f"  {title}: {len(changes['added'])} added, {len(changes['removed'])} removed")
            for sign, kind in (("+", "added"), ("-", "removed")):
                lines += _listed(f"    {sign} ", changes[kind])
        lines.append(f"  auth: {'changed' if self.auth else 'unchanged'}")
        lines += _listed("    ", self.auth)
        if self.breaking:
            lines.append(f"BREAKING ({len(self.breaking)}): code or calls written for the old client may fail")
            lines += _listed("  x ", self.breaking, limit=len(self.breaking))
        else:
            lines.append("no breaking change for this client")
        return "\n".join(lines)


def _listed(prefix: str, items: list[str], limit: int = SHOWN_PER_LIST) -> list[str]:
    shown = [prefix + item for item in items[:limit]]
    return shown + ([f"{prefix}... and {len(items) - limit} more"] if len(items) > limit else [])


def redocly_changes(base: Path, revision: Path) -> list[dict[str, Any]]:
    """Redocly CLI's list of changes from `base` to `revision`."""
    if not REDOCLY.exists():
        raise PipelineError(f"Redocly CLI is not installed ({REDOCLY}): `make spec-diff` installs it with npm ci")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "diff.json"
        env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}
        command = [str(REDOCLY), "diff", str(base), str(revision), "--format", "json", "-o", str(report)]
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        if not report.exists():  # exit 1 only means "major changes found"; no report means it failed
            detail = [line for line in (result.stderr + result.stdout).splitlines() if "rror" in line][:2]
            raise PipelineError(
                f"redocly diff failed on {base} and {revision}: {' '.join(detail) or result.returncode}"
            )
        return json.loads(report.read_text(encoding="utf-8"))["changes"]


def summarise(changes: Iterable[dict[str, Any]]) -> DiffReport:
    report = DiffReport()
    seen: set[tuple[str, str]] = set()

    def add(bucket: list[str], item: str) -> None:
        if (id(bucket), item) not in seen:
            seen.add((id(bucket), item))
            bucket.append(item)

    for change in changes:
        kind, kind_name, pointer = change["kind"], change["typeName"], change["path"]
        parts = pointer_tokens(pointer)
        side = change.get("revision") if kind == "added" else change.get("base")
        if kind in ("added", "removed"):
            if kind_name == "PathItem":
                for method in (side or {}).get("value", {}):
                    if method in HTTP_METHODS:
                        add(report.operations[kind], f"{method.upper()} {parts[1]}")
            elif kind_name == "Operation":
                add(report.operations[kind], f"{parts[2].upper()} {parts[1]}")
            elif kind_name == "Schema":
                where = (side or {}).get("pointer", pointer).lstrip("#/").split("/")
                if len(where) == 3 and where[:2] == ["components", "schemas"]:
                    add(report.schemas[kind], where[2])
                elif len(where) >= 2 and where[-2] == "properties":
                    owner = where[2] if where[:2] == ["components", "schemas"] else "/".join(where[:-2])
                    add(report.fields[kind], f"{owner}.{where[-1]}")
                    if kind == "removed" and not _rated_major(change):
                        add(report.breaking, f"Property `{where[-1]}` of `{owner}` was removed. [{THIS_RULE}]")
        if change.get("property") == "enum" and kind == "modified":
            old, new = (change.get(s, {}).get("value") or [] for s in ("base", "revision"))
            owner = change["revision"]["pointer"].lstrip("#/").split("/")
            owner_name = owner[2] if owner[:2] == ["components", "schemas"] else "/".join(owner[:-1])
            for value in new:
                if value not in old:
                    add(report.enum_values["added"], f"{owner_name}: {value}")
            for value in old:
                if value not in new:
                    add(report.enum_values["removed"], f"{owner_name}: {value}")
                    if not _rated_major(change):
                        add(report.breaking, f"Enum `{owner_name}` lost value {value!r}. [{THIS_RULE}]")
        for verdict in change.get("verdicts", []):
            rule, message = verdict["ruleId"], verdict["message"]
            if kind_name in ("SecurityScheme", "SecurityRequirement") and verdict["impact"] == "major":
                add(report.auth, message)
            if verdict["impact"] == "major" and rule not in NOT_BREAKING_FOR_THIS_CLIENT:
                add(report.breaking, f"{message} [{rule}{_operation_of(parts)}]")
    return report


def _rated_major(change: dict[str, Any]) -> bool:
    return any(verdict["impact"] == "major" for verdict in change.get("verdicts", []))


def _operation_of(parts: list[str]) -> str:
    """at GET /v1/x, for a change inside an operation."""
    if len(parts) >= 3 and parts[0] == "paths" and parts[2] in HTTP_METHODS:
        return f" at {parts[2].upper()} {parts[1]}"
    return ""


def moved_operations(project: Project, base: dict[str, Any], revision: dict[str, Any]) -> list[str]:
    """Operations in both specs whose module moves or is renamed, as breaking lines."""
    old, new = (operation_names(s, project.operation_overrides, project.field_prefix) for s in (base, revision))
    return [
        f"{method.upper()} {path} moved from api.{old[key].group}.{old[key].name} to"
        f" api.{new[key].group}.{new[key].name}. [{THIS_RULE}]"
        for key in old
        if key in new and old[key] != new[key]
        for method, path in [key]
    ]


def diff_report(project: Project, base: Path, revision: Path) -> tuple[DiffReport, list[str]]:
    """What changed, and whether it breaks existing client code or calls; and each overlay action that
    selects nothing in the revision (its fix may be obsolete).

    Redocly compares the two documents as published; the module names and waiters are compared as the
    client is built (the project's overlay and operation_overrides applied to both)."""
    base_spec, revision_spec = load_document(base), load_document(revision)  # unreadable: say so before Redocly runs
    report = summarise(redocly_changes(base, revision))
    revised, unmatched = apply_overlay(revision_spec, project.overlay)
    based = apply_overlay(base_spec, project.overlay)[0]
    report.breaking += moved_operations(project, based, revised)
    report.breaking += broken_waiters(project, based, revised)
    return report, [
        f"  ! {action.describe()} selects nothing: the fix it carried may be obsolete" for action in unmatched
    ]


def spec_diff(project: Project, base: Path, revision: Path, labels: tuple[str, str] | None = None) -> tuple[str, bool]:
    """The rendered report, and whether the change breaks existing client code or calls."""
    report, stale = diff_report(project, base, revision)
    text = report.render(*(labels or (str(base), str(revision))))
    return "\n".join([text, f"overlay ({project.overlay_path.name}):", *stale] if stale else [text]), bool(
        report.breaking
    )


def broken_waiters(project: Project, base: dict[str, Any], revision: dict[str, Any]) -> list[str]:
    """A declared waiter (generator-config.yaml) that worked against the base and does not against the
    revision: its operation gone, its field gone, a value it waits for no longer listed."""
    declared = project.waiters
    working = {waiter.name for waiter in check_waiters(base, declared)[0]}
    kept, problems, absent = check_waiters(revision, declared)
    gone = [line for line in absent if line.split(":")[0].removeprefix("waiter ") in working]
    return [
        f"{line} ({THIS_RULE})" for line in problems + gone if line.split(":")[0].removeprefix("waiter ") in working
    ]
