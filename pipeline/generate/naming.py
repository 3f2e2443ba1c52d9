"""Names the generated code keeps for itself, and the rule for a spec's name that would take one.

openapi-python-client already gives a Python keyword or builtin a trailing underscore (`type` ->
`type_`). Our templates and runtime add names of their own, and a spec's name equal to one of them
would shadow it: a query parameter `body` beside the request body is a SyntaxError, a property
`to_dict` replaces the method, a schema `Response` hides the Response every endpoint returns. The rule
is the generator's, extended to these names:

- a model property named like a model's own member (`to_dict`, `additional_properties`, ...) gets a
  trailing underscore as its attribute (the wire name is unchanged);
- an operation's parameter named like an argument or a name its functions use (`body`, `client`,
  `headers`, `response`, `errors`, ...; and for an operation a waiter polls, the waiter's own `interval`
  and `timeout`) gets a trailing underscore as its argument;
- a schema whose class would be named like a name the generated modules import (`Response`, `File`,
  `UNSET`, `Client`, ...) is named with `Model` after it;
- a group of operations named like a member of the client (`client.request`, `client.aio`) gets a
  trailing underscore as the client's attribute (group_attribute).

The reserved names are read from where they are defined (the model template, imports.py, the runtime's
waiters and client classes), not listed again here, except what only the templates spell: the endpoint
functions' own arguments and locals, and the client tree's classes. tests/test_pipeline.py generates a spec
that takes every reserved name.

rename_collisions() applies the first two to the generator's parsed document (in the generator's process
and in the tests' harness alike, so both see the same names); spec_prepare applies the third through
the schema's title, and gives two schemas whose classes differ only in case a module each.
"""

import ast
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any

from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import ClassName, PythonIdentifier

from .imports import MODEL, endpoint_imports, imported_names

_PROJECT = Path(__file__).resolve().parents[2]


@cache
def model_members() -> frozenset[str]:
    """What a model's class defines (templates/model.py.jinja: its methods, properties and private fields)
    and the modules its class body names in annotations (imports.MODEL's `import json`, `from .. import
    types`): a property named like one would replace it, or hide the module from the annotations."""
    template = (_PROJECT / "templates" / "model.py.jinja").read_text(encoding="utf-8")
    defined = set(re.findall(r"^    def (\w+)\(", template, re.M)) | set(
        re.findall(r"^    ([a-z_]\w*):", template, re.M)
    )
    modules = {
        alias.asname or alias.name
        for node in ast.parse(MODEL).body
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and not node.module)
        for alias in node.names
    }
    return frozenset(name for name in defined | modules if not name.startswith("__"))


def _waiter_arguments() -> frozenset[str]:
    """The arguments a waiter adds to those of the operation it polls: runtime/_waiters.py wait_until()'s
    after the poll and the waiter, which the waiter function takes and passes on (endpoint_module.py.jinja)."""
    tree = ast.parse((_PROJECT / "runtime" / "_waiters.py").read_text(encoding="utf-8"))
    wait_until = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "wait_until")
    return frozenset(argument.arg for argument in wait_until.args.args[2:])


# The arguments an operation's functions take beside its parameters, and the names their bodies use
# (templates/endpoint_module.py.jinja, runtime/).
ENDPOINT_NAMES = frozenset(name for name in endpoint_imports() if name[:1].islower()) | {
    "asyncio", "body", "client", "cookies", "headers", "page", "params", "response", "sync"
}  # fmt: skip
# What the generated modules import (imports.py, and the generator's own imports) or define at module
# level (the client tree's classes), that a model's class would hide.
CLASS_NAMES = frozenset(name for name in imported_names() if name[:1].isupper()) | {
    "AsyncAPI", "AsyncOperation", "BytesIO", "File", "FileTypes", "Operation", "RequestFiles", "TypeVar", "UUID"
}  # fmt: skip


def attribute_name(wire_name: str, prefix: str) -> str:
    """The attribute a model property of this wire name is read into."""
    name = str(PythonIdentifier(wire_name, prefix))
    return name + "_" if name in model_members() else name


def class_collides(name: str, prefix: str) -> bool:
    """Whether a schema titled (or keyed) `name` would make a class named like an import of the package."""
    return str(ClassName(name, prefix)) in CLASS_NAMES


WAITER_ARGUMENTS = _waiter_arguments()


def group_attribute(tag: str, client_members: Collection[str]) -> str:
    """The client's attribute for a group of operations (`client.<group>`): a group named like one of the
    client's own members (the runtime's, runtime.client_members, and `aio`) gets a trailing underscore."""
    return f"{tag}_" if tag in client_members or tag == "aio" else tag


def rename_collisions(data: Any, waited: Collection[tuple[str, str]] = ()) -> None:
    """Rename, in the generator's parsed document, the parameters and properties the rules above name;
    `waited` holds the (group, name) of each operation a waiter polls."""
    seen: set[int] = set()
    for model in data.models:
        for prop in (model.required_properties or []) + (model.optional_properties or []):
            if id(prop) not in seen and str(prop.python_name) in model_members():
                prop.python_name = PythonIdentifier(f"{prop.python_name}_", "", skip_snake_case=True)
            seen.add(id(prop))
    renamed: dict[int, str] = {}  # a parameter defined once may be used by several operations
    for collection in data.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            parameters = [
                parameter
                for location in ("path", "query", "header", "cookie")
                for parameter in getattr(endpoint, f"{location}_parameters")
            ]
            taken = {str(parameter.python_name) for parameter in parameters}
            polled = (str(collection.tag), str(endpoint.name)) in waited
            reserved = ENDPOINT_NAMES | (WAITER_ARGUMENTS if polled else frozenset())
            for parameter in parameters:
                old = str(parameter.python_name)
                if id(parameter) in renamed:
                    old, new = renamed[id(parameter)], old
                elif old in reserved:
                    new = old + "_"
                    while new in taken or new in reserved:
                        new += "_"
                    taken.add(new)
                    parameter.python_name = PythonIdentifier(new, "", skip_snake_case=True)
                    renamed[id(parameter)] = old
                else:
                    continue
                path = endpoint.path.get_untrusted_value().replace("{" + old + "}", "{" + new + "}")
                endpoint.path = UntrustedString(path)
