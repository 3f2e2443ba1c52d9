"""Where the spec gives none, each operation's group (tag) and name (operationId), for the
generator's copy of the spec only.

Without them, openapi-python-client puts every operation in `api/default/` under a name spelt from its
method and whole path (`get_v1_chains_chain_id_deployments_chain_deployment_id_chainlets_chainlet_id_logs`).
Both are derived here from the operation's own method and path, never from its neighbours, so adding
or removing another operation renames nothing:

- group: the first path segment after the version (`/v1/models/...` -> `models`);
- name: a verb and what it acts on. Path parameters are dropped; a segment followed by another one
  names one item, so it is made singular (`deployments/{id}` -> `deployment`); the group itself is left
  out, being the module's package, unless nothing else is left to name; of a longer chain, the last two
  nouns are kept (`.../deployments/{id}/chainlets/{id}/logs` -> `chainlet_logs`). The verb comes from the method:
  GET a collection (last segment plural) `list`, else `get`; POST to a plural segment `create` (its
  noun made singular), POST to another word after the resource uses that word as the verb
  (`.../{deployment_id}/promote` -> `promote_deployment`); PATCH `update`, PUT `replace`, DELETE `delete`.
  A path key's `#fragment` (a second entry for one route) is added to the route's name
  (`POST /charges/{code}#refund` -> `post_charge_refund`). Words after a parameter in one segment (a
  custom method, `/instances/{id}:start`) are read as the next segment (`start_instance`).

A spec's own operationId and tags win; `operation_overrides` in generator-config.yaml renames or moves
one operation ("METHOD /path": {name: ..., group: ...}). Whichever it is, the generator's own rule makes
it a Python name (a tag `1` is the package `tag1`, an operationId `false` the module `false_`). Two
operations with one name in one group stop the run, naming both.
"""

import re
from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from .. import PipelineError
from .openapi import operations

_VERSION = re.compile(r"^v\d+([a-z]+\d*)?$")
MAX_NOUNS = 2


@dataclass(frozen=True)
class OperationName:
    group: str  # the package under api/
    name: str  # the module


def operation_names(
    spec: dict[str, Any], overrides: dict[str, Any] | None = None, field_prefix: str = "field_"
) -> dict[tuple[str, str], OperationName]:
    """(method, path) -> its group and name, for every operation; PipelineError on a clash."""
    overrides = overrides or {}
    names: dict[tuple[str, str], OperationName] = {}
    for op in operations(spec):
        derived = derive(op.method, op.path)
        tags = op.operation.get("tags") or []
        override = overrides.get(op.label) or {}
        group = override.get("group") or (str(tags[0]) if tags else derived.group)
        name = override.get("name") or str(op.operation.get("operationId") or derived.name)
        # The generator's own rule for a package (tag) and a module (operationId) name.
        names[(op.method, op.path)] = OperationName(
            str(PythonIdentifier(group, "tag")), str(PythonIdentifier(name, field_prefix))
        )
    _check_unique(names)
    return names


def _custom_method(segment: str) -> list[str]:
    """A parameter with a colon and words after it in one segment (`{id}:start`, a custom method as
    Google's AIP-136 writes it) is the parameter and then those words, as if they were the next segment."""
    matched = re.fullmatch(r"(\{[^{}]+\}):([A-Za-z][\w-]*)", segment)  # not `{sid}.json`: a format
    return [matched.group(1), matched.group(2)] if matched else [segment]


def derive(method: str, path: str) -> OperationName:
    path, _, fragment = path.partition("#")
    if fragment:  # a second entry for one route (`/charges/{code}#refund`): the fragment's words follow
        derived = derive(method, path)
        return OperationName(derived.group, f"{derived.name}_{snake(fragment)}")
    segments = [part for segment in path.strip("/").split("/") if segment for part in _custom_method(segment)]
    if segments and _VERSION.match(segments[0]):
        segments = segments[1:]
    words = [snake(segment) for segment in segments]
    is_param = [segment.startswith("{") for segment in segments]
    statics = [i for i, param in enumerate(is_param) if not param]
    if not statics:
        return OperationName("root", method.lower())
    group = words[statics[0]]
    last_static = statics[-1]
    item = is_param[-1]  # the path ends at one item of a collection
    # Each static segment followed by another segment names one item of it: singular.
    nouns = [singular(words[i]) if i + 1 < len(segments) else words[i] for i in statics]
    verb, method = "", method.lower()
    if method == "get":
        verb = "get" if item or not plural(words[last_static]) else "list"
    elif method == "post" and not item:
        if plural(words[last_static]):
            verb, nouns[-1] = "create", singular(nouns[-1])
        elif len(statics) > 1 or last_static > 0:  # a word after a resource: an action
            verb, nouns = nouns[-1], nouns[:-1]
        else:
            verb = "create"
    else:
        verb = {"patch": "update", "put": "replace", "delete": "delete", "post": "post"}.get(method, method)
    # The group is the package: kept only when alone. Of a longer chain the last two nouns say enough.
    subject = (nouns[1:] if len(nouns) > 1 else nouns)[-MAX_NOUNS:]
    if verb not in ("list",) and len(nouns) == 1 and (item or method == "post"):
        subject = [singular(nouns[0])]
    return OperationName(group, "_".join([verb, *subject]))


def snake(text: str) -> str:
    text = re.sub(r"[{}]", "", text)
    text = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", text)
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us"))


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if plural(word) else word


def _check_unique(names: dict[tuple[str, str], OperationName]) -> None:
    """PipelineError with one line for each name two or more operations would share, naming all of them."""
    by_name: dict[OperationName, list[str]] = {}
    for (method, path), name in names.items():
        by_name.setdefault(name, []).append(f"{method.upper()} {path}")
    clashes = []
    for name, routes in by_name.items():
        if len(routes) == 2:
            clashes.append(f"{routes[0]} and {routes[1]} are both api.{name.group}.{name.name}; rename one")
        elif len(routes) > 2:
            listed = f"{', '.join(routes[:-1])} and {routes[-1]}"
            clashes.append(f"{listed} are all api.{name.group}.{name.name}; rename all but one")
    if clashes:
        raise PipelineError(*(f"{clash} with operation_overrides in generator-config.yaml" for clash in clashes))
