"""Step 1: read and validate the spec before the generator sees it.

The generator exits 0 and silently drops an endpoint whose $ref dangles, and the stock validators
print the whole document in their message; so the checks that matter run here, each failing with
one short line that names the file, the place and the problem.
"""

import json
from pathlib import Path
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from . import PipelineError

MAX_REPORTED = 3  # dangling $refs listed before "and N more"
MAX_MESSAGE = 200  # characters of a validator message kept


def load_document(path: Path) -> Any:
    """Parse YAML or JSON the way the generator does (JSON by suffix, else YAML 1.2 safe)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise PipelineError(f"{path}: cannot read: {err.strerror}") from None
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise PipelineError(f"{path}:{err.lineno}:{err.colno}: JSON syntax error: {err.msg}") from None
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)  # JSON is YAML; json reads it the same, 10x faster than pure-Python YAML
        except json.JSONDecodeError:
            pass  # let the YAML parser say where it breaks
    try:
        return YAML(typ="safe").load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise PipelineError(f"{path}{where}: YAML syntax error: {err.problem or err.context}") from None
    except YAMLError as err:
        raise PipelineError(f"{path}: YAML error: {_first_line(str(err))}") from None


def check_spec(path: Path) -> dict[str, Any]:
    """Return the parsed spec, or raise PipelineError saying what is wrong with it."""
    spec = check_structure(path)
    check_schema(path, spec)
    return spec


def check_structure(path: Path) -> dict[str, Any]:
    """The quick checks: syntax, OpenAPI 3.0/3.1, every $ref resolves. Returns the parsed spec."""
    spec = load_document(path)
    _check_openapi_3(path, spec)
    _check_refs(path, spec)
    return spec


def _check_openapi_3(path: Path, spec: Any) -> None:
    if not isinstance(spec, dict):
        raise PipelineError(f"{path}: not an OpenAPI document (top level is {type(spec).__name__}, not a mapping)")
    version = spec.get("openapi")
    if not isinstance(version, str) or not version.startswith(("3.0.", "3.1.")):
        if "openapi" in spec:
            found = f"openapi: {version!r}"
        else:
            found = f"swagger: {spec['swagger']!r}" if "swagger" in spec else "no 'openapi' field"
        raise PipelineError(f"{path}: not an OpenAPI 3.0/3.1 document ({found}); the generator reads only those")


def _check_refs(path: Path, spec: dict[str, Any]) -> None:
    dangling = [f"'{ref}' at {where}" for ref, where in _iter_refs(spec, "") if not _resolves(spec, ref)]
    if dangling:
        more = f" (and {len(dangling) - MAX_REPORTED} more)" if len(dangling) > MAX_REPORTED else ""
        raise PipelineError(f"{path}: $ref does not resolve: " + "; ".join(dangling[:MAX_REPORTED]) + more)


def _iter_refs(node: Any, where: str):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref, where or "the top level"
        for key, value in node.items():
            yield from _iter_refs(value, _join(where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _iter_refs(value, _join(where, index))


def _join(where: str, key: Any) -> str:
    # " > " rather than "/": path keys such as "/v1/api_keys" contain slashes themselves.
    return f"{where} > {key}" if where else str(key)


def _resolves(spec: dict[str, Any], ref: str) -> bool:
    """True for a local JSON pointer that names a node; external refs are not supported by the generator."""
    if not ref.startswith("#"):
        return False
    node: Any = spec
    for token in ref[1:].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def check_schema(path: Path, spec: dict[str, Any]) -> None:
    """Validate against the OpenAPI meta-schema (the slow check); report the first error only, trimmed."""
    validator_class = OpenAPIV31SpecValidator if spec["openapi"].startswith("3.1") else OpenAPIV30SpecValidator
    error = next(iter(validator_class(spec).iter_errors()), None)
    if error is not None:
        where = " > ".join(str(part) for part in getattr(error, "absolute_path", ())) or _locate(spec, error)
        message = _first_line(getattr(error, "message", str(error)))
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "..."
        raise PipelineError(f"{path}: invalid OpenAPI at {where}: {message}")


def _locate(spec: dict[str, Any], error: Any) -> str:
    """Where a located-nowhere error's schema node sits (a wrong-typed `default` is checked apart from the
    meta-schema, so the validator gives no path); its title too, where it has one."""
    node = getattr(error, "schema", None)
    if isinstance(node, dict) and node:
        for found, where in _iter_nodes(spec, ""):
            if found is node or found == node:
                title = f" (schema '{node['title']}')" if isinstance(node.get("title"), str) else ""
                return (where or "the top level") + title
    return "the top level"


def _iter_nodes(node: Any, where: str):
    if isinstance(node, dict):
        yield node, where
        for key, value in node.items():
            yield from _iter_nodes(value, _join(where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _iter_nodes(value, _join(where, index))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local $refs until a node without one (None where one dangles)."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = spec
        for token in node["$ref"][2:].split("/"):
            target = target.get(token.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
        node = target
    return node
