"""How the generated client puts each parameter on the wire, and what it cannot: a problem each, found before
it generates.

openapi-python-client 0.29.1 reads a parameter's `style` and `explode` and then ignores them: it always
writes a location's default (repeated keys for a query array, plain values in a path or header;
upstream: openapi-python-client#1064). For the query, the styles OpenAPI defines are written as asked
(endpoints.py prints the code, runtime/_wire.py writes it): form with explode false (`?ids=1,2,3`, and an
object's keys and values in turn), spaceDelimited and pipeDelimited (an array's items joined by a space or
a `|`), deepObject (`?filter[status]=ACTIVE`). A style a location does not take, or one for another
location than the query (matrix, label, a path array with explode), would be sent wrong: the operation
is left out of the client (left_out.py), named with the parameter, and the rest generated. So is one whose
response is text (`text/event-stream`) with a schema of an object or array: it would be read wrong.
"""

from typing import Any

from ..generate.left_out import LeftOut
from .openapi import operations, resolve
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


def _json_content(parameter: dict[str, Any]) -> bool:
    """A parameter described by `content` of one JSON media type (`?filter={"a":1}`), not by a schema."""
    content = parameter.get("content")
    return isinstance(content, dict) and len(content) == 1 and "json" in str(next(iter(content))).lower()


def _style(parameter: dict[str, Any]) -> tuple[str, bool]:
    default = DEFAULT_STYLE.get(str(parameter.get("in")), "")
    style = str(parameter.get("style", default))
    return style, bool(parameter.get("explode", style == "form"))


def wire_problems(spec: dict[str, Any]) -> list[LeftOut]:
    """The operations the client would send or read wrong, each with why: left out of it."""
    problems = []
    for op in operations(spec):
        responses = op.operation.get("responses")
        statuses = [str(status).upper() for status in responses] if isinstance(responses, dict) else []
        if statuses and not any(status.startswith("2") or status == "DEFAULT" for status in statuses):
            problems.append(
                LeftOut(
                    op.location,
                    f"documents no success (only {', '.join(statuses)}): a call has no result to return,"
                    " and the client raises on any status the spec does not give as a success",
                )
            )
            continue
        for status, response in responses.items() if isinstance(responses, dict) else ():
            text = _structured_text(spec, resolve(spec, response))
            if text:
                problems.append(
                    LeftOut(
                        op.location,
                        f"its {status} response is {text} with a schema of structured data; the client reads"
                        " text/* as text (a stream of server-sent events is not read event by event)",
                    )
                )
                break
        for parameter in op.parameters(spec):
            location = parameter.get("in")
            if "content" in parameter and not (location == "query" and _json_content(parameter)):
                problems.append(
                    LeftOut(
                        op.location,
                        f"{location} parameter '{parameter.get('name')}' is described by `content` (a media"
                        " type); the generated client sends only a query parameter so, written as JSON",
                    )
                )
                continue
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
                LeftOut(
                    op.location,
                    f"{location} parameter '{parameter.get('name')}' asks for style {style}, explode"
                    f" {str(explode).lower()}; the generated client sends a {location} parameter as {can}",
                )
            )
    return problems


def _structured_text(spec: dict[str, Any], response: Any) -> str:
    """A text media type (`text/event-stream`) a response is read from whose schema is an object or an
    array, where it documents no JSON beside it: the generated code would hand text to a model's reader."""
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict) or any("json" in str(media).lower() for media in content):
        return ""
    for media, described in content.items():
        schema = resolve(spec, described.get("schema")) if isinstance(described, dict) else None
        structured = isinstance(schema, dict) and (
            schema.get("type") in ("object", "array") or "properties" in schema or "items" in schema
        )
        if str(media).lower().startswith("text/") and structured:
            return str(media)
    return ""


def query_styles(spec: dict[str, Any], names: dict[tuple[str, str], OperationName]) -> dict[str, dict[str, str]]:
    """ "group.name" -> {a query parameter's name: how it is written (QUERY_STYLES)}, where not form exploded."""
    found: dict[str, dict[str, str]] = {}
    for op in operations(spec):
        for parameter in op.parameters(spec):
            how = QUERY_STYLES.get(_style(parameter), "") if parameter.get("in") == "query" else ""
            how = "json" if parameter.get("in") == "query" and _json_content(parameter) else how
            if how:
                name = names[(op.method, op.path)]
                found.setdefault(f"{name.group}.{name.name}", {})[str(parameter.get("name"))] = how
    return found
