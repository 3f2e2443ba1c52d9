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
  `UNSET`, `Client`, ...) is named with `Model` after it.

rename_collisions() applies the first two to the generator's parsed document (in the generator's process
and in the tests' harness alike, so both see the same names); spec_prepare applies the third through
the schema's title.
"""

from collections.abc import Collection
from typing import Any

from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import ClassName, PythonIdentifier

from .imports import endpoint_imports, imported_names

# A model's own attributes and methods (templates/model.py.jinja), and the module names its class body
# refers to in annotations.
MODEL_MEMBERS = frozenset(
    {"additional_keys", "additional_properties", "from_dict", "to_dict", "to_multipart", "types", "json"}
)
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
    return name + "_" if name in MODEL_MEMBERS else name


def class_collides(name: str, prefix: str) -> bool:
    """Whether a schema titled (or keyed) `name` would make a class named like an import of the package."""
    return str(ClassName(name, prefix)) in CLASS_NAMES


# The arguments a waiter adds to those of the operation it polls (templates/endpoint_module.py.jinja).
WAITER_ARGUMENTS = frozenset({"interval", "timeout"})


def rename_collisions(data: Any, waited: Collection[tuple[str, str]] = ()) -> None:
    """Rename, in the generator's parsed document, the parameters and properties the rules above name;
    `waited` holds the (group, name) of each operation a waiter polls."""
    seen: set[int] = set()
    for model in data.models:
        for prop in (model.required_properties or []) + (model.optional_properties or []):
            if id(prop) not in seen and str(prop.python_name) in MODEL_MEMBERS:
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
