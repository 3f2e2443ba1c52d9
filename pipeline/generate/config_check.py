"""Reject generator-config.yaml keys the generator would silently ignore.

openapi-python-client reads its config into a pydantic model that drops unknown keys, so a typo
such as `package_name_overide` would quietly produce a package with another name.
"""

import difflib
import re
from pathlib import Path
from typing import Any

from openapi_python_client.config import ConfigFile
from pydantic import ValidationError

from .. import PipelineError
from ..spec.openapi import load_document
from .rate_limits import read_rate_limits
from .waiters import read_waiters

# Settings the pipeline reads itself (the generator ignores them): name -> what it must be.
PIPELINE_SETTINGS = {
    "api_key_env": 'an environment variable name such as BASETEN_API_KEY, or ""',
    "operation_overrides": 'a mapping such as {"GET /v1/models": {"name": "list_models", "group": "models"}}',
    "log_env": 'the environment variable that turns the log on (default: api_key_env\'s prefix and _LOG), or ""',
    "waiters": "a mapping of waiter names to {operation, field, success, failure} (pipeline/generate/waiters.py)",
    "rate_limits": (
        "{default: {requests, per}, operations: {METHOD /path: {requests, per}}} (pipeline/generate/rate_limits.py)"
    ),
}
_ENV_NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)?$")
_MODULE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def check_config(path: Path) -> dict[str, Any]:
    """Return the parsed config, or raise PipelineError naming the bad key."""
    config = load_document(path)
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise PipelineError(f"{path}: expected a mapping of settings, found {type(config).__name__}")
    known = list(ConfigFile.model_fields) + list(PIPELINE_SETTINGS)
    for key in config:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
            raise PipelineError(f"{path}: unknown key '{key}'{hint}")
    if "api_key_env" in config and not (
        isinstance(config["api_key_env"], str) and _ENV_NAME.match(config["api_key_env"])
    ):
        raise PipelineError(f"{path}: api_key_env: {config['api_key_env']!r} is not {PIPELINE_SETTINGS['api_key_env']}")
    if "log_env" in config and not (isinstance(config["log_env"], str) and _ENV_NAME.match(config["log_env"])):
        raise PipelineError(f"{path}: log_env: {config['log_env']!r} is not {PIPELINE_SETTINGS['log_env']}")
    _check_operation_overrides(path, config.get("operation_overrides") or {})
    try:
        read_waiters(config.get("waiters"))
        read_rate_limits(config.get("rate_limits"))
    except PipelineError as err:
        raise PipelineError(*(f"{path}: {line}" for line in err.problems)) from None
    if "package_version_override" in config:  # one place holds the version (pipeline/commands/release.py)
        raise PipelineError(f"{path}: package_version_override: the version is pyproject.toml's [project] version")
    try:
        ConfigFile(**{key: value for key, value in config.items() if key not in PIPELINE_SETTINGS})
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PipelineError(f"{path}: {where}: {first['msg']}") from None
    return config


def _check_operation_overrides(path: Path, overrides: Any) -> None:
    expected = PIPELINE_SETTINGS["operation_overrides"]
    if not isinstance(overrides, dict):
        raise PipelineError(f"{path}: operation_overrides is not {expected}")
    for key, value in overrides.items():
        method, _, route = str(key).partition(" ")
        fields = value if isinstance(value, dict) else {}
        names_ok = all(isinstance(v, str) and _MODULE_NAME.match(v) for v in fields.values())
        if not (
            route.startswith("/") and method.isupper() and fields and set(fields) <= {"name", "group"} and names_ok
        ):
            raise PipelineError(f"{path}: operation_overrides: {key!r}: {value!r} is not {expected}")
