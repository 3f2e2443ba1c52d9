"""How a parameter's value is written into a request: a path segment, the query string.

Hand-written (runtime/ in the generator's repository), the same for every spec; the endpoint modules
call these.
"""

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx


def path_segment(value: Any) -> str:
    """A path parameter as one path segment: percent-encoded, "/" included, and "." or ".." too, which
    URL normalisation would otherwise drop or climb (an id ".." must not address the parent resource).
    A boolean is written true/false, as JSON and the query string write it."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    segment = quote(str(value), safe="")
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
