"""openapi.overlay.yaml: local fixes to the published spec, explicit and reviewable.

An OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html): an ordered list of
actions, each an RFC 9535 JSONPath `target` with an `update` (merged recursively into each object it
selects, appended to each array) or `remove: true`. It is applied to the spec the client is built and
tested from, so `openapi.yaml` stays the published spec byte for byte. An action whose target selects
nothing is reported: after a spec update, the fix it carried may be obsolete.
"""

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535

from .. import PipelineError
from .openapi import load_document

_VERSION = re.compile(r"^1\.0\.\d+$")
_ACTION_KEYS = {"target", "description", "update", "remove"}


@dataclass(frozen=True)
class Action:
    number: int  # 1-based, as a reader counts them
    target: str
    update: Any = None
    remove: bool = False
    description: str = ""

    def describe(self) -> str:
        return f"action {self.number} ({self.description or self.target})"


def read_overlay(path: Path) -> list[Action]:
    """The overlay's actions, checked; [] when there is no overlay file."""
    if not path.exists():
        return []
    document = load_document(path)
    problems = _problems(document)
    if problems:
        raise PipelineError("\n".join(f"{path}: {problem}" for problem in problems))
    return [
        Action(
            number, action["target"], action.get("update"), bool(action.get("remove")), action.get("description", "")
        )
        for number, action in enumerate(document["actions"], start=1)
    ]


def _problems(document: Any) -> list[str]:
    if not isinstance(document, dict):
        return ["not an Overlay document (expected a mapping with overlay, info and actions)"]
    problems = []
    if not _VERSION.match(str(document.get("overlay", ""))):
        problems.append(f"overlay: {document.get('overlay')!r} is not an Overlay 1.0 version such as 1.0.0")
    info = document.get("info")
    if not (isinstance(info, dict) and isinstance(info.get("title"), str) and isinstance(info.get("version"), str)):
        problems.append("info needs a title and a version")
    actions = document.get("actions")
    if not isinstance(actions, list) or not actions:
        return [*problems, "actions must be a list of at least one action"]
    for number, action in enumerate(actions, start=1):
        if not isinstance(action, dict):
            problems.append(f"action {number}: not a mapping")
            continue
        unknown = sorted(key for key in action if key not in _ACTION_KEYS and not str(key).startswith("x-"))
        target = action.get("target")
        if unknown:
            problems.append(f"action {number}: unknown field(s) {', '.join(unknown)}")
        if not isinstance(target, str) or not target.startswith("$"):
            problems.append(f"action {number}: target must be a JSONPath expression starting with $")
            continue
        try:
            jsonpath_rfc9535.compile(target)
        except jsonpath_rfc9535.JSONPathError as err:
            problems.append(f"action {number}: target {target!r}: {err}")
        if "remove" in action and not isinstance(action["remove"], bool):
            problems.append(f"action {number}: remove must be true or false")
        if "update" not in action and not action.get("remove"):
            problems.append(f"action {number}: needs update or remove: true")
    return problems


def merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Overlay 1.0's update: properties merged recursively, new ones added, anything else replaced."""
    for key, value in update.items():
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def apply_overlay(spec: dict[str, Any], actions: list[Action]) -> tuple[dict[str, Any], list[Action]]:
    """The spec with every action applied in order, and the actions whose target selected nothing."""
    spec = copy.deepcopy(spec)
    unmatched = []
    for action in actions:
        nodes = jsonpath_rfc9535.find(action.target, spec)
        if not nodes:
            unmatched.append(action)
            continue
        if action.remove:
            # From the last node back, so that removing an array item leaves the other indexes valid.
            for node in sorted(nodes, key=lambda n: [(isinstance(p, str), p) for p in n.location], reverse=True):
                if not node.location:
                    raise PipelineError(f"{action.describe()}: the whole document cannot be removed")
                parent: Any = spec
                for part in node.location[:-1]:
                    parent = parent[part]
                del parent[node.location[-1]]
            continue
        for node in nodes:
            if isinstance(node.value, list):
                node.value.append(copy.deepcopy(action.update))
            elif isinstance(node.value, dict) and isinstance(action.update, dict):
                merge(node.value, action.update)
            else:
                kind = "an object" if isinstance(node.value, dict) else type(node.value).__name__
                raise PipelineError(
                    f"{action.describe()}: {node.path()} is {kind}; update merges an object into an object"
                    " or appends to an array"
                )
    return spec, unmatched
