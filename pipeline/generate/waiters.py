"""Waiters, declared as data in generator-config.yaml and checked against the spec (as botocore's are).

A waiter polls one GET operation until a field of its result holds a success value (it returns that
result) or a failure value (errors.WaiterFailed); any other value, and connection errors, 5xx and 429
while polling, keep it polling until its timeout (errors.WaiterTimeout). Each entry names:

    waiters:
      wait_for_deployment:                       # client.<group>.wait_for_deployment(...)
        operation: "GET /v1/models/{model_id}/deployments/{deployment_id}"
        field: status                            # a dotted path into the result
        success: [ACTIVE]
        failure: [BUILD_FAILED, DEPLOY_FAILED]   # null: the field, or one on its path, is null or absent
        interval: 10                             # seconds between polls (default 5)
        timeout: 1800                            # seconds in all (default 600)

A waiter whose operation the spec does not have is not generated (listed once, quietly): the seed spec
has no deployments. One whose field or values the spec does not have stops `make generate`, naming
them; spec_diff reports a spec change that would do so.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from .. import PipelineError
from ..spec.openapi import operations, resolve
from ..spec.operation_names import OperationName

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
DEFAULT_INTERVAL, DEFAULT_TIMEOUT = 5.0, 600.0


@dataclass(frozen=True)
class Waiter:
    name: str
    method: str
    path: str
    field: tuple[str, ...]
    success: tuple[str | None, ...]
    failure: tuple[str | None, ...]
    interval: float = DEFAULT_INTERVAL
    timeout: float = DEFAULT_TIMEOUT

    @property
    def route(self) -> str:
        return f"{self.method.upper()} {self.path}"


def read_waiters(declared: Any) -> list[Waiter]:
    """The waiters generator-config.yaml declares; PipelineError for an entry that is not one, each named."""
    if declared in (None, {}):
        return []
    if not isinstance(declared, dict):
        raise PipelineError("waiters: a mapping of waiter names to {operation, field, success, failure}")
    found, problems = [], []
    for name, entry in declared.items():
        where = f"waiters: {name}"
        if not (isinstance(name, str) and _NAME.match(name)) or not isinstance(entry, dict):
            problems.append(f"{where}: a snake_case name mapping to {{operation, field, success, failure}}")
            continue
        unknown = set(entry) - {"operation", "field", "success", "failure", "interval", "timeout"}
        method, _, path = str(entry.get("operation", "")).partition(" ")
        values = {"success": entry.get("success"), "failure": entry.get("failure", [])}  # failure: optional
        if unknown:
            problems.append(f"{where}: unknown key {sorted(unknown)[0]!r}")
        elif method != "GET" or not path.startswith("/"):
            problems.append(f'{where}: operation must be a GET, as "GET /v1/things/{{id}}"')
        elif not isinstance(entry.get("field"), str) or not entry["field"]:
            problems.append(f"{where}: field must be a dotted path into the result, as status or promotion.status")
        elif not all(isinstance(v, list) and all(x is None or isinstance(x, str) for x in v) for v in values.values()):
            problems.append(f"{where}: success and failure must be lists of values (null for none)")
        elif not values["success"]:
            problems.append(f"{where}: success lists no value")
        else:
            times = [entry.get("interval", DEFAULT_INTERVAL), entry.get("timeout", DEFAULT_TIMEOUT)]
            if not all(isinstance(t, int | float) and t > 0 for t in times):
                problems.append(f"{where}: interval and timeout must be positive numbers of seconds")
                continue
            found.append(
                Waiter(
                    name,
                    method.lower(),
                    path,
                    tuple(entry["field"].split(".")),
                    tuple(values["success"]),
                    tuple(values["failure"] or []),
                    float(times[0]),
                    float(times[1]),
                )  # fmt: skip
            )
    if problems:
        raise PipelineError(*problems)
    return found


def check_waiters(spec: dict[str, Any], waiters: list[Waiter]) -> tuple[list[Waiter], list[str], list[str]]:
    """(the waiters to generate, the problems that stop generation, the waiters left out for want of their
    operation). A problem names the waiter and what the spec does not have: the field, or the value."""
    by_route = {(op.method, op.path): op for op in operations(spec)}
    kept, problems, absent = [], [], []
    for waiter in waiters:
        op = by_route.get((waiter.method, waiter.path))
        if op is None:
            absent.append(f"waiter {waiter.name}: {waiter.route} is not in the spec; not generated")
            continue
        schema, at = _success_schema(spec, op.operation), list[str]()
        for part in waiter.field:
            properties = _properties(spec, schema)
            if part not in properties:
                problems.append(f"waiter {waiter.name}: {waiter.route} returns no field {'.'.join([*at, part])}")
                break
            schema, at = properties[part], [*at, part]
        else:
            listed = _values(spec, schema)
            for value in (*waiter.success, *waiter.failure):
                if value is not None and listed is not None and value not in listed:
                    problems.append(
                        f"waiter {waiter.name}: {'.'.join(waiter.field)} of {waiter.route} has no value {value!r}"
                        f" (it has {', '.join(map(str, listed))})"
                    )
            if not any(p.startswith(f"waiter {waiter.name}:") for p in problems):
                kept.append(waiter)
    return kept, problems, absent


def _success_schema(spec: dict[str, Any], operation: dict[str, Any]) -> Any:
    for status, response in (operation.get("responses") or {}).items():
        if str(status).startswith("2"):
            media = (resolve(spec, response).get("content") or {}).get("application/json") or {}
            return media.get("schema")
    return None


def _branches(spec: dict[str, Any], schema: Any) -> list[dict[str, Any]]:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return []
    found = [schema]
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key) or []:
            found += _branches(spec, branch)
    return found


def _properties(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    return {k: v for branch in _branches(spec, schema) for k, v in (branch.get("properties") or {}).items()}


def _values(spec: dict[str, Any], schema: Any) -> list[Any] | None:
    """The values an enum field lists; None for a field that takes any string."""
    listed = [v for branch in _branches(spec, schema) for v in branch.get("enum") or []]
    return listed or None


def polled(waiters: list[Waiter], names: dict[tuple[str, str], OperationName]) -> set[tuple[str, str]]:
    """The (group, name) of each operation a waiter polls: its functions take the waiter's arguments too."""
    return {(names[(w.method, w.path)].group, names[(w.method, w.path)].name) for w in waiters}


def waiters_by_operation(
    waiters: list[Waiter], names: dict[tuple[str, str], OperationName]
) -> dict[str, list[dict[str, Any]]]:
    """ "group.name" of the polled operation -> its waiters, as the templates read them."""
    found: dict[str, list[dict[str, Any]]] = {}
    for waiter in waiters:
        name = names[(waiter.method, waiter.path)]
        found.setdefault(f"{name.group}.{name.name}", []).append(
            {
                "name": waiter.name,
                "field": list(waiter.field),
                # As Python literals, for the template to write (None for null), and as the docstring shows them.
                "success": [_literal(v) for v in waiter.success],
                "failure": [_literal(v) for v in waiter.failure],
                "success_shown": ["null" if v is None else v for v in waiter.success],
                "failure_shown": ["null" if v is None else v for v in waiter.failure],
                "interval": waiter.interval,
                "timeout": waiter.timeout,
            }
        )
    return found


def _literal(value: str | None) -> str:
    return "None" if value is None else json.dumps(value)  # a JSON string is a Python string literal too
