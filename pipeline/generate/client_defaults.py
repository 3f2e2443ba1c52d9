"""The client's defaults: the spec's first server, and the API key's environment variable.

The generator makes base_url a required argument and knows no environment variable. The spec says
where the server is (`servers[0].url`); the variable is configuration (`api_key_env` in
generator-config.yaml), since a spec revision without curl samples must not drop it. `sample_key_variable`
reads the `$VARIABLE` the samples put in the auth header, for the test that keeps the two in step.
Both land in client.py as string literals, so anything that could break out of one is rejected here
and in config_check.
"""

import copy
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .. import PipelineError
from ..spec.openapi import HTTP_METHODS, as_routed, operations, where

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
    url, note = _server_url(spec.get("servers"), "#/servers/0/url", "the client has no default server: pass base_url")
    if url.startswith("/"):
        return "", ""  # relative to wherever the spec was served from: nothing to default to
    return url, note


def _server_url(servers: Any, where: str, otherwise: str) -> tuple[str, str]:
    """The first server's URL, each variable at its default ("" where there is none, with a note saying
    `otherwise`); a path where it is relative."""
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return "", ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str((variable or {}).get("default", "")))
    unset = re.findall(r"\{([^{}]*)\}", url)
    if unset:  # OpenAPI asks each to be declared with a default
        return "", f"{where}: {url!r} has a variable with no default ({', '.join(unset)}); {otherwise}"
    if url.startswith("/") and _URL.match("http://host" + url):
        return url.rstrip("/"), ""
    if not _URL.match(url):
        raise PipelineError(f"{where}: {url!r} is not an absolute http(s) URL")
    return url.rstrip("/"), ""


def operation_servers(spec: dict[str, Any], names: dict[tuple[str, str], Any]) -> tuple[dict[str, str], list[str]]:
    """Each operation's own server (its `servers`, else its path item's), by "group.name", where it differs
    from the spec's top-level one: an absolute URL, or a path on base_url's host; and a note for each that
    cannot be used (the operation then goes to base_url as the others do)."""
    top = _server_url(spec.get("servers"), "#/servers/0/url", "")[0]
    found: dict[str, str] = {}
    notes: list[str] = []
    for op in operations(spec):
        item = spec["paths"][op.path]
        if op.operation.get("servers"):
            servers, at = op.operation["servers"], (*op.location, "servers", 0, "url")
        elif isinstance(item, dict) and item.get("servers"):
            servers, at = item["servers"], ("paths", op.path, "servers", 0, "url")
        else:
            continue
        try:
            url, note = _server_url(servers, where(at), "the operation goes to base_url")
        except PipelineError as error:
            url, note = "", f"{error.problems[0]}; the operation goes to base_url"
        notes += [note] if note else []
        name = names[(op.method, op.path)]
        if url and url != top:
            found[f"{name.group}.{name.name}"] = url
    return found, notes


def served_from_one_host(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as one mock server serves it (make mock, the tests' Prism): an operation with a server of
    its own is at that server's path in front of its own (where a client whose base_url is the mock sends
    it, BaseClient.url_at), with no `servers`; Prism reads no path-item or operation servers. Path keys as
    routed (openapi.as_routed: no `#fragment`)."""
    spec = as_routed(spec)
    out = copy.deepcopy(spec)
    top = _server_url(spec.get("servers"), "#/servers/0/url", "")[0]
    paths: dict[str, Any] = {}
    for path, item in (out.get("paths") or {}).items():
        if not isinstance(item, dict):
            paths[path] = item
            continue
        shared = _quiet_url(item.pop("servers", None), top)
        for method in [m for m in HTTP_METHODS if isinstance(item.get(m), dict)]:
            own = _quiet_url(item[method].pop("servers", None), top) or shared
            if own:
                moved = paths.setdefault(urlsplit(own).path.rstrip("/") + path, {})
                moved.update({k: v for k, v in item.items() if k not in HTTP_METHODS}, **{method: item.pop(method)})
        if any(m in item for m in HTTP_METHODS) or not any(m in spec["paths"][path] for m in HTTP_METHODS):
            paths.setdefault(path, {}).update(item)
    out["paths"] = paths
    return out


def _quiet_url(servers: Any, top: str) -> str:
    """An operation's own server, or "" where it has none, it is the spec's, or it cannot be used."""
    try:
        url = _server_url(servers, "", "")[0]
    except PipelineError:
        return ""
    return "" if url == top else url


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
