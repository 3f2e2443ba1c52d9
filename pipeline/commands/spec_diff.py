"""What changed between two specs, said as the client shows it, and whether it breaks a caller's code.

Each spec is read into the plan of the client `make generate` would write for it (plan.py: calls as
`client.<group>.<name>(...)`, models and their fields, enums and their values, waiters, pages), the
project's overlay and operation_overrides applied to both, and the two plans are compared. Every change
is one of four kinds:

- breaking: code that type-checked and ran against the old client no longer does: a call, argument,
  model, field or enum value gone or renamed; a new required argument or required field of something a
  caller builds; an argument that accepts less; a result of another type; a waiter it can no longer have.
- run time: no signature shows it, but a caller may see it: a result that may hold more (null, an
  absent field, a new enum value, a wider bound), an argument the server may refuse more of (a tighter
  bound), the auth header, the server a call is sent to.
- added: a call, model, field, enum value, waiter or iterate() that was not there; an argument that
  accepts more.
- other: a change no existing code can tell (a result that holds less, a looser bound on an argument, a
  call newly deprecated).

Why the plans and not the routes: callers write calls and models, not routes; a removed route is a
removed call, whatever the paths around it look like (a route-level differ matched a removed path to a
new one as a "rename"). Why not griffe's `check` on the two generated packages: it needs both generated
(seconds each, and a generation of the old spec the maintainer never asked for), and it reads Python
annotations as text, where the plans know which side of the wire each type is on. Routes are still
counted, straight from the two documents, beside the calls.
"""

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..project import Project
from ..spec.openapi import load_document, operations
from ..spec.overlay import apply_overlay
from .plan import Argument, Call, ClientPlan, Field, client_plan, route_key

BREAKING, RUN_TIME, ADDED, OTHER = "breaking", "run time", "added", "other"
KINDS = (BREAKING, RUN_TIME, ADDED, OTHER)
HEADINGS = {
    BREAKING: "Breaking: code written for the old client may no longer type-check or run",
    RUN_TIME: "May affect callers at run time: no signature shows these",
    ADDED: "Added",
    OTHER: "Other changes: no code written for the old client can tell",
}
WIDTH = 100


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS
    section: str  # calls, models, fields, enum values, waiters, auth
    text: str  # in the client's own words


@dataclass
class DiffReport:
    changes: list[Change] = field(default_factory=list)
    routes_added: list[str] = field(default_factory=list)  # "GET /v1/x", straight from the documents
    routes_removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # overlay actions that select nothing in the revision

    def of(self, kind: str, section: str | None = None) -> list[str]:
        return [c.text for c in self.changes if c.kind == kind and section in (None, c.section)]

    @property
    def breaking(self) -> bool:
        return any(c.kind == BREAKING for c in self.changes)

    @property
    def level(self) -> str:
        """The release this change asks for: breaking, feature, patch, or none."""
        kinds = {c.kind for c in self.changes}
        if BREAKING in kinds:
            return "breaking"
        if ADDED in kinds:
            return "feature"
        return "patch" if kinds else "none"

    def render(self, base: str, revision: str) -> str:
        """The report as `make spec-diff` prints it."""
        lines = [f"spec diff: {base} -> {revision}"]
        lines.append(
            f"  routes: {len(self.routes_added)} added, {len(self.routes_removed)} removed"
            f" (calls: {len(self.of(ADDED, 'calls added'))} added, {len(self.of(BREAKING, 'calls removed'))} removed)"
        )
        for kind in KINDS:
            entries = self.of(kind)
            if entries:
                lines.append(f"{HEADINGS[kind]} ({len(entries)}):")
                lines += _entries(self.changes, kind, "  ")
        if not self.changes:
            lines.append("no change a caller can see")
        elif not self.breaking:
            lines.append("no breaking change for this client")
        else:
            lines.append(f"BREAKING: {len(self.of(BREAKING))} change(s) above break code written for the old client")
        if self.stale:
            lines += ["overlay:", *self.stale]
        return "\n".join(lines)

    def markdown(self) -> str:
        """The CHANGELOG.md body of the release: each kind a heading, each change a line."""
        lines: list[str] = []
        for kind in KINDS:
            if self.of(kind):
                entries = _entries(self.changes, kind, "", bullet="- ")
                lines += [f"### {HEADINGS[kind]}", "", *entries, ""]
        if not lines:
            lines = ["No change a caller can see (descriptions or examples only).", ""]
        return "\n".join(lines)


def _entries(changes: list[Change], kind: str, indent: str, bullet: str = "") -> list[str]:
    """A kind's changes, grouped by section; the names of added models and enums in wrapped lines."""
    lines: list[str] = []
    sections = list(dict.fromkeys(c.section for c in changes if c.kind == kind))
    for section in sections:
        texts = [c.text for c in changes if c.kind == kind and c.section == section]
        if section in ("models added", "enums added"):
            joined = ", ".join(texts)
            wrapped = textwrap.wrap(joined, WIDTH - len(indent) - 4, break_on_hyphens=False)
            lines.append(f"{indent}{bullet}{section} ({len(texts)}): {wrapped[0]}")
            lines += [f"{indent}    {line}" for line in wrapped[1:]]
        else:
            lines += [f"{indent}{bullet}{text}" for text in texts]
    return lines


def diff_report(project: Project, base: Path, revision: Path) -> DiffReport:
    """What changed from `base` to `revision`, as the client built from each shows it (the project's
    overlay, operation_overrides and waiters applied to both)."""
    published = load_document(base), load_document(revision)
    based, _ = apply_overlay(published[0], project.overlay)
    revised, unmatched = apply_overlay(published[1], project.overlay)
    report = compare(client_plan(based, project), client_plan(revised, project))
    old_routes, new_routes = (_routes(spec) for spec in published)
    report.routes_added = [route for key, route in new_routes.items() if key not in old_routes]
    report.routes_removed = [route for key, route in old_routes.items() if key not in new_routes]
    report.stale = [
        f"  ! {action.describe()} selects nothing: the fix it carried may be obsolete" for action in unmatched
    ]
    return report


def spec_diff(project: Project, base: Path, revision: Path, labels: tuple[str, str] | None = None) -> tuple[str, bool]:
    """The rendered report, and whether the change breaks code written for the old client."""
    report = diff_report(project, base, revision)
    return report.render(*(labels or (str(base), str(revision)))), report.breaking


def _routes(spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    """Each operation of a document, by its method and path with placeholders unnamed."""
    return {(op.method, route_key(op.path)): f"{op.method.upper()} {op.path}" for op in operations(spec)}


def compare(old: ClientPlan, new: ClientPlan) -> DiffReport:
    changes: list[Change] = []
    changes += _calls(old, new)
    changes += _models(old, new)
    changes += _enums(old, new)
    changes += _waiters(old, new)
    if old.auth != new.auth:
        changes.append(Change(RUN_TIME, "auth", f"the key is sent as `{new.auth}` (was `{old.auth}`)"))
    return DiffReport(changes)


# Calls


def _calls(old: ClientPlan, new: ClientPlan) -> list[Change]:
    changes = []
    for key, call in old.calls.items():
        if key not in new.calls:
            changes.append(Change(BREAKING, "calls removed", f"`{call.form}` removed (`{call.route}`)"))
    for key, call in new.calls.items():
        if key not in old.calls:
            changes.append(Change(ADDED, "calls added", f"`{call.form}` (`{call.route}`)"))
    for key, was in old.calls.items():
        now = new.calls.get(key)
        if now is not None:
            changes += _call(was, now, new)
    return changes


def _call(was: Call, now: Call, plan: ClientPlan) -> list[Change]:
    changes = []
    subject = now.short

    def add(kind: str, text: str) -> None:
        changes.append(Change(kind, "calls", f"`{subject}`: {text}"))

    if (was.attribute, was.name) != (now.attribute, now.name):
        changes.append(
            Change(
                BREAKING,
                "calls",
                f"`{was.short}` is now `{now.short}` (`{now.route}`; module `api.{was.group}.{was.name}` is now"
                f" `api.{now.group}.{now.name}`)",
            )
        )
    positional = (
        [a.name for a in was.arguments if a.location == "path"],
        [a.name for a in now.arguments if a.location == "path"],
    )
    if positional[0] != positional[1]:
        add(BREAKING, f"positional arguments `({', '.join(positional[0])})` are now `({', '.join(positional[1])})`")
    before = {a.name: a for a in was.arguments if a.location != "path"}
    after = {a.name: a for a in now.arguments if a.location != "path"}
    for name in before:
        if name not in after:
            add(BREAKING, f"argument `{name}` removed")
    for name, argument in after.items():
        if name not in before:
            add(
                BREAKING if argument.required else ADDED,
                f"new {'required ' if argument.required else ''}argument `{name}`",
            )
    for name in (name for name in before if name in after):
        changes += [
            Change(kind, "calls", f"`{subject}`: {text}") for kind, text in _argument(before[name], after[name])
        ]
    for a, b in zip(
        [a for a in was.arguments if a.location == "path"],
        [a for a in now.arguments if a.location == "path"],
        strict=False,
    ):
        if a.name == b.name:
            changes += [Change(kind, "calls", f"`{subject}`: {text}") for kind, text in _argument(a, b)]
    kind = _type_change(was.result, now.result, "out")
    if kind:
        add(kind, f"returns `{now.result}` (was `{was.result}`)")
    if was.pages != now.pages:
        add(ADDED if now.pages else BREAKING, f"`iterate()` and `aiterate()` {'added' if now.pages else 'removed'}")
    if now.secured and not was.secured:
        add(BREAKING, "now needs a key (an AuthenticatedClient)")
    if now.deprecated and not was.deprecated:
        add(OTHER, "deprecated in the spec (a call now warns)")
    if now.server != was.server:
        add(RUN_TIME, f"now sent to {now.server or 'base_url'} (was {was.server or 'base_url'})")
    return changes


def _argument(was: Argument, now: Argument) -> list[tuple[str, str]]:
    """What changed of one argument, in one line: its kind the worst of its parts."""
    parts = []
    if was.required != now.required:
        parts.append((BREAKING, "is now required") if now.required else (ADDED, "is now optional"))
    kind = _type_change(was.type, now.type, "in")
    if kind:
        parts.append((kind, f"takes `{now.type}` (was `{was.type}`)"))
    else:
        parts += _bounds(was.bounds, now.bounds, {"in"})
    return _one_line(f"argument `{now.name}`", parts)


def _one_line(subject: str, parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if not parts:
        return []
    return [(_worst(kind for kind, _ in parts), f"{subject} {'; '.join(text for _, text in parts)}")]


# Models and fields


def _models(old: ClientPlan, new: ClientPlan) -> list[Change]:
    changes = []
    for name in old.models:
        if name not in new.models:
            changes.append(Change(BREAKING, "models", f"`{name}` removed{_used_by(old, name)}"))
    changes += [Change(ADDED, "models added", f"`{name}`") for name in new.models if name not in old.models]
    for name in (name for name in old.models if name in new.models):
        sides = old.directions.get(name, frozenset()) | new.directions.get(name, frozenset())
        was = {f.wire: f for f in old.models[name].fields}
        now = {f.wire: f for f in new.models[name].fields}
        used = _used_by(new, name)
        for wire, f in was.items():
            if wire not in now:
                changes.append(Change(BREAKING, "fields", f"`{name}.{f.name}`{_key(f)} removed{used}"))
        for wire, f in now.items():
            if wire not in was:
                if f.required and "in" in sides:
                    changes.append(Change(BREAKING, "fields", f"`{name}.{f.name}` is a new required field{used}"))
                else:
                    changes.append(
                        Change(ADDED, "fields", f"`{name}.{f.name}`: `{f.type}`{'' if f.required else ' (optional)'}")
                    )
        for wire in (wire for wire in was if wire in now):
            for kind, text in _field(was[wire], now[wire], sides):
                changes.append(Change(kind, "fields", f"`{name}.{text}{used if kind in (BREAKING, RUN_TIME) else ''}"))
    return changes


def _key(f: Field) -> str:
    """The field's key in the spec beside its attribute, where the two differ (` (key `camelCase`)`)."""
    return "" if f.name == f.wire else f" (key `{f.wire}`)"


def _field(was: Field, now: Field, sides: frozenset[str]) -> list[tuple[str, str]]:
    """What changed of one field, in one line: its kind the worst of its parts, for the sides of the wire
    its model is on."""
    if was.name != now.name:
        return [(BREAKING, f"{was.name}` is now `{now.name}` (the key `{now.wire}`)")]
    parts = []
    if was.required and not now.required:
        parts.append((RUN_TIME, "may now be absent (UNSET)") if "out" in sides else (ADDED, "is now optional"))
    elif now.required and not was.required:
        parts.append((BREAKING if "in" in sides else OTHER, "is now required"))
    kinds = [k for k in (_type_change(was.type, now.type, side) for side in sorted(sides)) if k]
    if kinds:
        parts.append((_worst(kinds), f"is `{now.type}` (was `{was.type}`)"))
    else:
        parts += _bounds(was.bounds, now.bounds, sides)
    return _one_line(f"{now.name}`{_key(now)}", parts)


def _used_by(plan: ClientPlan, name: str, shown: int = 2) -> str:
    """Where a caller meets a model: ` (body of client.models.create_model(), returned by ...)`."""
    users = plan.users(name)
    if not users:
        return ""
    words = [f"{_role(call, name)} `{call.short}`" for call in users[:shown]]
    more = f" and {len(users) - shown} more" if len(users) > shown else ""
    return f" ({', '.join(words)}{more})"


def _role(call: Call, name: str) -> str:
    if call.body_model == name:
        return "body of"
    if name in _names_in(call.result):
        return "returned by"
    if any(name in _names_in(a.type) for a in call.arguments):
        return "argument of"
    return "error body of"


def _names_in(type_text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", type_text))


# Enums


def _enums(old: ClientPlan, new: ClientPlan) -> list[Change]:
    changes = []
    for name in old.enums:
        if name not in new.enums:
            changes.append(Change(BREAKING, "enums", f"`{name}` removed{_used_by(old, name)}"))
    changes += [Change(ADDED, "enums added", f"`{name}`") for name in new.enums if name not in old.enums]
    for name in (name for name in old.enums if name in new.enums):
        was, now = dict(old.enums[name].members), dict(new.enums[name].members)
        was_values, now_values = ({_value(v): k for k, v in members.items()} for members in (was, now))
        sides = old.directions.get(name, frozenset()) | new.directions.get(name, frozenset())
        for value, member in was_values.items():
            if value not in now_values:
                changes.append(Change(BREAKING, "enum values", f"`{name}.{member}`{_shown(member, value)} removed"))
            elif now_values[value] != member:
                changes.append(
                    Change(BREAKING, "enum values", f"`{name}.{member}` is now `{name}.{now_values[value]}`")
                )
        for value, member in now_values.items():
            if value not in was_values:
                if "out" in sides:
                    text = (
                        f"`{name}.{member}`{_shown(member, value)}: a value results may now hold{_used_by(new, name)}"
                    )
                    changes.append(Change(RUN_TIME, "enum values", text))
                else:
                    changes.append(Change(ADDED, "enum values", f"`{name}.{member}`{_shown(member, value)}"))
    return changes


def _value(value: Any) -> str:
    return repr(value)


def _shown(member: str, value: str) -> str:
    """The value beside its member's name, where the two differ (`V1.IN_PROGRESS ('in-progress')`)."""
    return "" if repr(member) == value else f" (`{value}`)"


# Waiters


def _waiters(old: ClientPlan, new: ClientPlan) -> list[Change]:
    changes = []

    def form(plan: ClientPlan, name: str) -> str:
        call = plan.calls[plan.waiters[name].call]
        return f"`client.{call.attribute}.{name}()`"

    for name in old.waiters:
        if name not in new.waiters:
            why = [p for p in new.waiter_problems if p.startswith(f"waiter {name}:")]
            reason = "; ".join(p.split(": ", 1)[1] for p in why) or "its operation is gone"
            changes.append(Change(BREAKING, "waiters", f"{form(old, name)} removed: {reason}"))
        elif old.waiters[name].call != new.waiters[name].call or form(old, name) != form(new, name):
            changes.append(Change(BREAKING, "waiters", f"{form(old, name)} is now {form(new, name)}"))
    for name in new.waiters:
        if name not in old.waiters:
            changes.append(Change(ADDED, "waiters", f"{form(new, name)}"))
    return changes


# Types and bounds


def _type_change(was: str, now: str, side: str) -> str | None:
    """The kind of a type change, for a value the caller gives (side "in") or is given ("out")."""
    if _members(was) == _members(now):
        return None
    wider, narrower = _covers(now, was), _covers(was, now)
    if side == "in":
        return ADDED if wider else BREAKING
    if narrower:
        return OTHER
    return RUN_TIME if wider else BREAKING


def _worst(kinds: Iterable[str]) -> str:
    return min(kinds, key=KINDS.index)


def _split(text: str) -> list[str]:
    """`A | list[B | C] | None` -> [A, list[B | C], None]: the union's members at the top level."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _members(text: str) -> frozenset[str]:
    return frozenset(_split(text))


_GENERIC = re.compile(r"^([A-Za-z_.]+)\[(.*)\]$")


def _covers(wide: str, narrow: str) -> bool:
    """Whether every value of type `narrow` is one of type `wide` (annotation texts as the generator writes them)."""
    return all(any(_member_covers(w, n) for w in _split(wide)) for n in _split(narrow))


def _member_covers(wide: str, narrow: str) -> bool:
    if wide == narrow or wide == "Any" or (wide == "float" and narrow == "int"):
        return True
    outer_wide, outer_narrow = _GENERIC.match(wide), _GENERIC.match(narrow)
    if outer_wide and outer_narrow and outer_wide.group(1) == outer_narrow.group(1):
        wide_args, narrow_args = _args(outer_wide.group(2)), _args(outer_narrow.group(2))
        return len(wide_args) == len(narrow_args) and all(
            _covers(w, n) for w, n in zip(wide_args, narrow_args, strict=True)
        )
    return False


def _args(text: str) -> list[str]:
    """`str, list[A | B]` -> [str, list[A | B]]: a generic's arguments."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char == "["
        depth -= char == "]"
        if char == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    return [*parts, text[start:].strip()]


_LOWER = ("minimum", "exclusiveMinimum", "minLength", "minItems")
_UPPER = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")


def _bounds(
    was: tuple[tuple[str, Any], ...], now: tuple[tuple[str, Any], ...], sides: Iterable[str]
) -> list[tuple[str, str]]:
    """Each bound that changed, and what it means: a tighter bound on what a caller sends, or a looser one
    on what it receives, may show at run time; the other way round nothing can tell."""
    before, after = dict(was), dict(now)
    found = []
    for keyword in dict.fromkeys([*before, *after]):
        old, new = before.get(keyword), after.get(keyword)
        if old == new:
            continue
        tighter = _tighter(keyword, old, new)
        shown = f"{keyword} {new} set" if old is None else f"{keyword} {'removed' if new is None else new} (was {old})"
        kinds = []
        for side in sides:
            kinds.append(RUN_TIME if (side == "in") == tighter else OTHER)
        found.append((_worst(kinds), shown))
    return found


def _tighter(keyword: str, old: Any, new: Any) -> bool:
    """Whether the new bound admits fewer values than the old (a bound added is tighter, one removed looser;
    a changed pattern, format or multipleOf is read as tighter: it may refuse what the old took)."""
    if new is None:
        return False
    if old is None:
        return True
    try:
        if keyword in _LOWER:
            return float(new) > float(old)
        if keyword in _UPPER:
            return float(new) < float(old)
    except ValueError:
        pass
    return True
