"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key_category import APIKeyCategory
    from .api_key_v1 import APIKeyV1, APIKeyV1Dict
    from .create_api_key_request_v1 import CreateAPIKeyRequestV1, CreateAPIKeyRequestV1Dict

# Public name -> the module that defines it, imported on first access.
_MODULES: dict[str, str] = {
    "APIKeyCategory": ".api_key_category",
    "APIKeyV1": ".api_key_v1",
    "APIKeyV1Dict": ".api_key_v1",
    "CreateAPIKeyRequestV1": ".create_api_key_request_v1",
    "CreateAPIKeyRequestV1Dict": ".create_api_key_request_v1",
}


__all__ = (
    "APIKeyCategory",
    "APIKeyV1",
    "APIKeyV1Dict",
    "CreateAPIKeyRequestV1",
    "CreateAPIKeyRequestV1Dict",
)


# Hidden from type checkers: a module-level __getattr__ would make any name pass, a misspelt model included.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
