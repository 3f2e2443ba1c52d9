"""The Python names the generator gave each parameter, asked of the generator itself.

openapi-python-client renames parameters (`from` -> `from_`, `camelCase` -> `camel_case`, a name used in
two locations gets a location suffix); rather than re-derive its rules, parse the spec the way the
pipeline hands it over (prepared, with our config) and read the names from its own Endpoint objects.
"""

import functools
from pathlib import Path

from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.openapi import GeneratorData

from contract.generated_package import ROOT
from contract.spec_model import current_spec
from pipeline.spec_check import load_document
from pipeline.spec_prepare import prepare_spec

LOCATIONS = ("path", "query", "header", "cookie")
CONFIG_PATH = ROOT / "generator-config.yaml"
OPERATION_OVERRIDES = (load_document(CONFIG_PATH) or {}).get("operation_overrides")


@functools.cache
def parameter_names() -> dict[tuple[str, str], dict[tuple[str, str], str]]:
    """(method, path) -> {(location, wire name): Python name} for every operation of openapi.yaml."""
    config = Config.from_sources(ConfigFile.load_from_path(CONFIG_PATH), MetaType.NONE, Path(), "utf-8", False, None)
    data = GeneratorData.from_dict(prepare_spec(current_spec(), OPERATION_OVERRIDES), config=config)
    assert isinstance(data, GeneratorData), f"the generator cannot read openapi.yaml: {data}"
    names = {}
    for collection in data.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            key = (endpoint.method.lower(), _text(endpoint.path))
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
