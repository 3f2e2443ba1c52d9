"""The Python names the generator gave each parameter, asked of the generator itself.

openapi-python-client renames parameters (`from` -> `from_`, `camelCase` -> `camel_case`, a name used in
two locations gets a location suffix); rather than re-derive its rules, parse the spec the way the
pipeline hands it over (prepared, with our config) and read the names from its own Endpoint objects.
"""

import functools
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.openapi import GeneratorData
from openapi_python_client.strings import PythonIdentifier

from contract.generated_package import ROOT, import_generated
from contract.spec_model import current_spec
from pipeline.spec_check import load_document
from pipeline.spec_prepare import prepare_spec

LOCATIONS = ("path", "query", "header", "cookie")
CONFIG_PATH = ROOT / "generator-config.yaml"
OPERATION_OVERRIDES = (load_document(CONFIG_PATH) or {}).get("operation_overrides")


@functools.cache
def _parsed() -> tuple[Config, GeneratorData]:
    config = Config.from_sources(ConfigFile.load_from_path(CONFIG_PATH), MetaType.NONE, Path(), "utf-8", False, None)
    data = GeneratorData.from_dict(prepare_spec(current_spec(), OPERATION_OVERRIDES), config=config)
    assert isinstance(data, GeneratorData), f"the generator cannot read openapi.yaml: {data}"
    return config, data


def _endpoints() -> Iterator[tuple[tuple[str, str], str, Any]]:
    """((method, path), tag, Endpoint) for each operation, as the generator writes them."""
    for tag, collection in _parsed()[1].endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            yield (endpoint.method.lower(), _text(endpoint.path)), str(tag), endpoint


def module_names() -> dict[tuple[str, str], str]:
    """(method, path) -> the endpoint module, relative to the package (api.<tag>.<module>), named by the
    generator's own rule (its file name is PythonIdentifier(endpoint.name, field_prefix))."""
    prefix = _parsed()[0].field_prefix
    return {key: f"api.{tag}.{PythonIdentifier(endpoint.name, prefix)}" for key, tag, endpoint in _endpoints()}


def endpoint_modules() -> dict[tuple[str, str], ModuleType]:
    """(method, path) -> the imported endpoint module, for every operation of openapi.yaml."""
    return {key: import_generated(module) for key, module in module_names().items()}


@functools.cache
def parameter_names() -> dict[tuple[str, str], dict[tuple[str, str], str]]:
    """(method, path) -> {(location, wire name): Python name} for every operation of openapi.yaml."""
    names = {}
    for key, _tag, endpoint in _endpoints():
        names[key] = {
            (location, _text(parameter.name)): str(parameter.python_name)
            for location in LOCATIONS
            for parameter in getattr(endpoint, f"{location}_parameters")
        }
    return names


def _text(value: object) -> str:
    # The generator wraps names from the document as UntrustedString.
    return str(getattr(value, "get_untrusted_value", lambda: value)())


def python_name(method: str, path: str, location: str, name: str) -> str:
    return parameter_names()[(method, path)][(location, name)]
