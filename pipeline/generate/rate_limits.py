"""Rate limits, declared as data in generator-config.yaml and checked against the spec (as waiters are).

A service documents how many requests each endpoint takes per API key (Baseten: docs.baseten.co,
reference/management-api/rate-limits); the client paces itself to stay within them (runtime/_pacing.py),
so that a loop of calls waits its turn instead of meeting 429s. The section reads:

    rate_limits:
      default: {requests: 100, per: second}      # every operation not named below (optional)
      operations:
        "POST /v1/models/{model_id}/deployments/{deployment_id}/activate": {requests: 20, per: minute}

`per` is `second`, `minute`, `hour`, or a number of seconds. An operation is matched by its method and
path, whatever its placeholders are called (`{deployment_id}` or `{id}`: the endpoint is the same). One
the spec does not have is not applied (listed once, quietly: the seed spec has no deployments); an entry
that is not a limit stops `make generate`, naming it.
"""

import re
from dataclasses import dataclass
from typing import Any

from .. import PipelineError
from ..spec.openapi import operations
from ..spec.operation_names import OperationName

PERIODS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
_ROUTE = re.compile(r"^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) /\S*$")
_PLACEHOLDER = re.compile(r"\{[^}/]*\}")


@dataclass(frozen=True)
class Limit:
    requests: int
    per: float  # seconds

    def describe(self) -> str:
        named = {seconds: name for name, seconds in PERIODS.items()}
        return (
            f"{self.requests} requests a {named[self.per]}"
            if self.per in named
            else f"{self.requests} in {self.per:g} s"
        )


@dataclass(frozen=True)
class RateLimits:
    default: Limit | None
    operations: dict[tuple[str, str], Limit]  # (method, path as the config writes it) -> limit


def read_rate_limits(declared: Any) -> RateLimits:
    """The limits generator-config.yaml declares; PipelineError for an entry that is not one, each named."""
    if declared in (None, {}):
        return RateLimits(None, {})
    if not isinstance(declared, dict) or set(declared) - {"default", "operations"}:
        raise PipelineError("rate_limits: a mapping with `default` and `operations` (pipeline/generate/rate_limits.py)")
    problems: list[str] = []
    default = _limit("rate_limits: default", declared.get("default"), problems) if "default" in declared else None
    named: dict[tuple[str, str], Limit] = {}
    listed = declared.get("operations") or {}
    if not isinstance(listed, dict):
        problems.append('rate_limits: operations: a mapping of "METHOD /path" to {requests, per}')
        listed = {}
    for route, entry in listed.items():
        where = f"rate_limits: operations: {route!r}"
        if not (isinstance(route, str) and _ROUTE.match(route)):
            problems.append(f'{where}: not an operation, as "POST /v1/things/{{id}}"')
            continue
        limit = _limit(where, entry, problems)
        if limit is not None:
            method, path = route.split(" ", 1)
            named[(method.lower(), path)] = limit
    if problems:
        raise PipelineError(*problems)
    return RateLimits(default, named)


def _limit(where: str, entry: Any, problems: list[str]) -> Limit | None:
    if not isinstance(entry, dict) or set(entry) != {"requests", "per"}:
        problems.append(f"{where}: must be {{requests: <a positive integer>, per: second, minute, hour or seconds}}")
        return None
    requests, per = entry["requests"], entry["per"]
    seconds = PERIODS.get(per) if isinstance(per, str) else per
    if not (isinstance(requests, int) and not isinstance(requests, bool) and requests > 0):
        problems.append(f"{where}: requests must be a positive integer, not {requests!r}")
    elif not (isinstance(seconds, int | float) and not isinstance(seconds, bool) and seconds > 0):
        problems.append(f"{where}: per must be second, minute, hour or a positive number of seconds, not {per!r}")
    else:
        return Limit(requests, float(seconds))
    return None


def _shape(path: str) -> str:
    return _PLACEHOLDER.sub("{}", path)


def check_rate_limits(spec: dict[str, Any], limits: RateLimits) -> tuple[dict[tuple[str, str], Limit], list[str]]:
    """(the limit of each operation of the spec that has one: (method, path) as the spec writes it, the lines
    listing each declared operation the spec does not have, which is not applied)."""
    by_shape = {(op.method, _shape(op.path)): (op.method, op.path) for op in operations(spec)}
    applied: dict[tuple[str, str], Limit] = {}
    absent = []
    for (method, path), limit in limits.operations.items():
        found = by_shape.get((method, _shape(path)))
        if found is None:
            absent.append(f"rate limit {method.upper()} {path}: not in the spec; not applied")
        else:
            applied[found] = limit
    if limits.default is not None:
        for key in by_shape.values():
            applied.setdefault(key, limits.default)
    return applied, absent


def rate_limits_by_operation(
    applied: dict[tuple[str, str], Limit], names: dict[tuple[str, str], OperationName]
) -> dict[str, list[float]]:
    """ "group.name" -> [requests, seconds], as the templates read them."""
    return {
        f"{names[key].group}.{names[key].name}": [limit.requests, limit.per]
        for key, limit in sorted(applied.items())
        if key in names
    }
