"""Step 1b: reject, in one line, what the generated client would put on the wire wrong.

openapi-python-client 0.29.1 reads a parameter's `style` and `explode` and then ignores them: it always
writes a location's default (repeated keys for a query array, plain values in a path or header). A spec
that asks for another serialisation (`deepObject`, comma-separated arrays, ...) would get a client that
sends what the server does not expect, silently; so such a spec stops here, naming the parameter.
"""

from pathlib import Path
from typing import Any

from . import PipelineError
from .spec_check import resolve

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}


def check_wire_support(path: Path, spec: dict[str, Any]) -> None:
    for route, item in (spec.get("paths") or {}).items():
        item = resolve(spec, item) or {}
        for method, operation in item.items():
            if method not in HTTP_METHODS or not isinstance(operation, dict):
                continue
            for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
                parameter = resolve(spec, parameter) or {}
                location = parameter.get("in")
                default = DEFAULT_STYLE.get(str(location))
                style = parameter.get("style", default)
                explode = parameter.get("explode", style == "form")
                if default is not None and (style, explode) != (default, default == "form"):
                    raise PipelineError(
                        f"{path}: {method.upper()} {route}: {location} parameter '{parameter.get('name')}' asks for"
                        f" style {style}, explode {str(explode).lower()}; the generated client can only send"
                        f" style {default}, explode {str(default == 'form').lower()}"
                    )
