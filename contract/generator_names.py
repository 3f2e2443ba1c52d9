"""The names the generator gave each operation and parameter, asked of the generator itself.

openapi-python-client renames parameters (`from` -> `from_`, `camelCase` -> `camel_case`, one name used in
two locations gets a location suffix) and rewrites a path's placeholders to those names; rather than
re-derive its rules, the spec is parsed the way the pipeline hands it over (prepared, with our config)
and the names are read from the generator's own Endpoint objects, found by the group and name the
pipeline gave each operation.
"""

import functools
from types import ModuleType
from typing import Any

from openapi_python_client.strings import ClassName

from contract.generated_package import import_generated
from pipeline.commands.plan import parse
from pipeline.generate.build import derive
from pipeline.generate.spec_prepare import prepare_spec
from pipeline.generate.waiters import polled
from pipeline.project import current
from pipeline.spec.operation_names import OperationName

LOCATIONS = ("path", "query", "header", "cookie")


@functools.cache
def prepared_spec() -> tuple[dict[str, Any], dict[tuple[str, str], OperationName]]:
    """The spec as the generator reads it (pipeline/generate/spec_prepare.py), and each operation's group and name."""
    project = current()
    names = derive(project.spec, project).names
    return prepare_spec(project.spec, names, project.field_prefix)[0], names


def class_name(component: str) -> str:
    """The class the generator makes of a component schema: its title in the generator's copy, else its key."""
    schema = prepared_spec()[0]["components"]["schemas"][component]
    return str(ClassName(schema.get("title") or component, current().field_prefix))


@functools.cache
def _parsed() -> tuple[dict[tuple[str, str], OperationName], dict[tuple[str, str], Any]]:
    """(method, path) -> the operation's group and name, and -> the generator's Endpoint for it."""
    project = current()
    prepared, names = prepared_spec()
    waiters = derive(project.spec, project).waiters
    data = parse(prepared, project, polled(waiters, names))
    by_name = {
        (str(tag), str(endpoint.name)): endpoint
        for tag, collection in data.endpoint_collections_by_tag.items()
        for endpoint in collection.endpoints
    }
    # An operation the generator left out has no Endpoint (the package docstring lists it).
    return names, {
        key: by_name[(name.group, name.name)] for key, name in names.items() if (name.group, name.name) in by_name
    }


def operation_name(key: tuple[str, str]) -> OperationName:
    return _parsed()[0][key]


def module_name(key: tuple[str, str]) -> str:
    """The operation's endpoint module, relative to the package: api.<group>.<name>."""
    name = operation_name(key)
    return f"api.{name.group}.{name.name}"


def endpoint_module(key: tuple[str, str]) -> ModuleType:
    """The operation's endpoint module, imported on first use."""
    return import_generated(module_name(key))


def endpoint(key: tuple[str, str]) -> Any:
    """The generator's own Endpoint object for the operation."""
    return _parsed()[1][key]


@functools.cache
def parameter_names(key: tuple[str, str]) -> dict[tuple[str, str], str]:
    """{(location, wire name): Python name} for each parameter of the operation."""
    found = endpoint(key)
    return {
        (location, _text(parameter.name)): str(parameter.python_name)
        for location in LOCATIONS
        for parameter in getattr(found, f"{location}_parameters")
    }


def _text(value: object) -> str:
    # The generator wraps names from the document as UntrustedString.
    return str(getattr(value, "get_untrusted_value", lambda: value)())


def python_name(key: tuple[str, str], location: str, name: str) -> str:
    return parameter_names(key)[(location, name)]
