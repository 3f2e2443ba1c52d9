"""How the generated client puts each parameter on the wire, and what it cannot: a problem each, found before
it generates.

openapi-python-client 0.29.1 reads a parameter's `style` and `explode` and then ignores them: it always
writes a location's default (repeated keys for a query array, plain values in a path or header;
upstream: openapi-python-client#1064). For the query, the styles OpenAPI defines are written as asked
(endpoints.py prints the code, runtime/_wire.py writes it): form with explode false (`?ids=1,2,3`, and an
object's keys and values in turn), spaceDelimited and pipeDelimited (an array's items joined by a space or
a `|`), deepObject (`?filter[status]=ACTIVE`). A style a location does not take, or one for another
location than the query (matrix, label, a path array with explode), would be sent wrong: such a spec
stops `make generate`, naming the parameter.
"""

from typing import Any

from .openapi import operations
from .operation_names import OperationName

DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}
# The query's styles the client writes, by (style, explode), and how: a separator to join with, or deepObject.
QUERY_STYLES = {
    ("form", True): "",
    ("form", False): ",",
    ("spaceDelimited", False): " ",
    ("pipeDelimited", False): "|",
    ("deepObject", True): "deepObject",
    ("deepObject", False): "deepObject",  # explode's default; OpenAPI defines deepObject by its exploded form only
}


def _style(parameter: dict[str, Any]) -> tuple[str, bool]:
    default = DEFAULT_STYLE.get(str(parameter.get("in")), "")
    style = str(parameter.get("style", default))
    return style, bool(parameter.get("explode", style == "form"))


def wire_problems(spec: dict[str, Any]) -> list[str]:
    problems = []
    for op in operations(spec):
        for parameter in op.parameters(spec):
            location = parameter.get("in")
            default = DEFAULT_STYLE.get(str(location))
            style, explode = _style(parameter)
            if default is None or (style, explode) == (default, default == "form"):
                continue
            if location == "query" and (style, explode) in QUERY_STYLES:
                continue
            can = (
                "form, spaceDelimited or pipeDelimited with explode false, form with explode true, or deepObject"
                if location == "query"
                else f"style {default}, explode {str(default == 'form').lower()}"
            )
            problems.append(
                f"{op.label}: {location} parameter '{parameter.get('name')}' asks for style {style}, explode"
                f" {str(explode).lower()}; the generated client sends a {location} parameter as {can}"
            )
    return problems


def query_styles(spec: dict[str, Any], names: dict[tuple[str, str], OperationName]) -> dict[str, dict[str, str]]:
    """ "group.name" -> {a query parameter's name: how it is written (QUERY_STYLES)}, where not form exploded."""
    found: dict[str, dict[str, str]] = {}
    for op in operations(spec):
        for parameter in op.parameters(spec):
            how = QUERY_STYLES.get(_style(parameter), "") if parameter.get("in") == "query" else ""
            if how:
                name = names[(op.method, op.path)]
                found.setdefault(f"{name.group}.{name.name}", {})[str(parameter.get("name"))] = how
    return found
