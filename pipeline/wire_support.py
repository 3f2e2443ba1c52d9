"""What the generated client would put on the wire wrong: a problem each, found before it generates.

openapi-python-client 0.29.1 reads a parameter's `style` and `explode` and then ignores them: it always
writes a location's default (repeated keys for a query array, plain values in a path or header). A spec
that asks for another serialisation (`deepObject`, comma-separated arrays, ...) would get a client that
sends what the server does not expect, silently; so such a spec stops `make generate`, naming the parameter
(upstream: openapi-python-client#1064).
"""

from typing import Any

from .openapi import operations

DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}


def wire_problems(spec: dict[str, Any]) -> list[str]:
    problems = []
    for op in operations(spec):
        for parameter in op.parameters(spec):
            location = parameter.get("in")
            default = DEFAULT_STYLE.get(str(location))
            style = parameter.get("style", default)
            explode = parameter.get("explode", style == "form")
            if default is not None and (style, explode) != (default, default == "form"):
                problems.append(
                    f"{op.label}: {location} parameter '{parameter.get('name')}' asks for style {style}, explode"
                    f" {str(explode).lower()}; the generated client can only send style {default}, explode"
                    f" {str(default == 'form').lower()}"
                )
    return problems
