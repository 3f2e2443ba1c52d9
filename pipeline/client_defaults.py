"""The client's defaults: the spec's first server, and the API key's environment variable.

The generator makes base_url a required argument and knows no environment variable. The spec says
where the server is (`servers[0].url`); the variable is configuration (`api_key_env` in
generator-config.yaml), since a spec revision without curl samples must not drop it. `sample_key_variable`
reads the `$VARIABLE` the samples put in the auth header, for the test that keeps the two in step.
Both land in client.py as string literals, so anything that could break out of one is rejected here
and in config_check.
"""

import re
from dataclasses import dataclass
from typing import Any

from . import PipelineError
from .openapi import operations

_URL = re.compile(r"^https?://[^\s\"'\\{}]+$")
_ENV_VARIABLE = re.compile(r"\$\{?([A-Z][A-Z0-9_]*)\}?")


@dataclass(frozen=True)
class ClientDefaults:
    base_url: str  # "" when the spec names no absolute server: base_url stays a required argument
    api_key_env: str  # "" when not configured: the token must be passed
    note: str = ""  # why the spec's first server is not the default, where a reader should know


def derive_client_defaults(spec: dict[str, Any], api_key_env: str) -> ClientDefaults:
    base_url, note = _first_server(spec)
    return ClientDefaults(base_url, api_key_env, note)


def _first_server(spec: dict[str, Any]) -> tuple[str, str]:
    """The default base_url (each server variable at its default), and a note where there is none."""
    servers = spec.get("servers") or []
    if not servers or not isinstance(servers[0], dict):
        return "", ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(variable.get("default", "")))
    if url.startswith("/"):
        return "", ""  # relative to wherever the spec was served from: nothing to default to
    unset = re.findall(r"\{([^{}]*)\}", url)
    if unset:  # OpenAPI asks each to be declared with a default; the caller says where the server is
        return "", (
            f"#/servers/0/url: {url!r} has a variable with no default ({', '.join(unset)});"
            " the client has no default server: pass base_url"
        )
    if not _URL.match(url):
        raise PipelineError(f"#/servers/0/url: {url!r} is not an absolute http(s) URL")
    return url.rstrip("/"), ""


def sample_key_variable(spec: dict[str, Any], header_name: str) -> str:
    """The variable most curl samples send in the header `token` travels in, e.g. BASETEN_API_KEY."""
    header = re.compile(rf"{re.escape(header_name)}:[^\"'\n]*", re.IGNORECASE)
    counts: dict[str, int] = {}
    for op in operations(spec):
        for sample in op.operation.get("x-codeSamples") or []:
            for sent in header.findall(str(sample.get("source", ""))):
                for variable in _ENV_VARIABLE.findall(sent):
                    counts[variable] = counts.get(variable, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else ""
