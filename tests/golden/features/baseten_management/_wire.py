"""How a parameter's value is written into a request: a path segment, the query string.

Hand-written (runtime/ in the generator's repository), the same for every spec; the endpoint modules
call these.
"""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx

from .errors import InvalidField


def path_segment(value: Any, name: str = "") -> str:
    """A path parameter as one path segment: percent-encoded, "/" included, and "." or ".." too, which
    URL normalisation would otherwise drop or climb (an id ".." must not address the parent resource).
    A boolean is written true/false, as JSON and the query string write it. An empty one is an
    InvalidField naming the parameter, before anything is sent: `DELETE /v1/models/` would address the
    collection, not an item."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, datetime.datetime):
        value = wire_datetime(value, name)
    segment = quote(str(value), safe="")
    if not segment:
        raise InvalidField(name or "path", "is empty: a path parameter must name something")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def query_string(params: Mapping[str, Any] | Sequence[tuple[str, Any]]) -> str:
    """The query as OpenAPI's form style writes it (RFC 6570): each name and value percent-encoded, a
    space as %20 (httpx writes +), a list as its name repeated. httpx turns the values into text (True
    is true)."""
    pairs = params.items() if isinstance(params, Mapping) else params
    flat = [(name, item) for name, value in pairs for item in (value if isinstance(value, list) else [value])]
    return "&".join(
        f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in httpx.QueryParams(flat).multi_items()
    )


def wire_datetime(value: datetime.datetime, name: str) -> str:
    """A date-time as RFC 3339 writes it; InvalidField naming the field for one without a UTC offset, which
    a server may read in any zone (`datetime(2026, 8, 1)`: give it `tzinfo=datetime.UTC`)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidField(name, f"{value.isoformat()} has no UTC offset; give it a tzinfo, e.g. datetime.UTC")
    return value.isoformat()


def wire_date(value: datetime.date, name: str) -> str:
    """A date as RFC 3339 writes it; a datetime given for one is written as the date-time it is (wire_datetime)."""
    return wire_datetime(value, name) if isinstance(value, datetime.datetime) else value.isoformat()
