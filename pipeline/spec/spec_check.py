"""Is the spec an OpenAPI 3.0/3.1 document the generator can read? Every problem found, one line each.

The generator exits 0 and silently drops an endpoint whose $ref dangles, and the stock validators
stop at the first error and print the whole document in their message; so the checks run here, each
problem said in one short line that names the file, the place and what is wrong. A `default` or an
example that does not fit its schema is not a structural error (pipeline/generate/annotations.py warns about it).
"""

import hashlib
import json
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from jsonschema_path import SchemaPath
from openapi_schema_validator import OAS30Validator, OAS31Validator
from openapi_schema_validator._specifications import REGISTRY as OAS_SCHEMAS
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import keywords
from openapi_spec_validator.validation.validators import SpecValidator

from .. import PipelineError
from .leniency import as_the_meta_schema_reads
from .openapi import Location, first_line, load_document, lookup, walk, where

MAX_MESSAGE = 200  # characters of a validator message kept


def read_spec(path: Path) -> dict[str, Any]:
    """The parsed spec; PipelineError when it is not YAML/JSON or not OpenAPI 3.0/3.1 (nothing else can be checked)."""
    spec = load_document(path)
    if not isinstance(spec, dict):
        raise PipelineError(f"{path}: not an OpenAPI document (top level is {type(spec).__name__}, not a mapping)")
    version = spec.get("openapi")
    if not isinstance(version, str) or not version.startswith(("3.0.", "3.1.")):
        if "openapi" in spec:
            found = f"openapi: {version!r}"
        else:
            found = f"swagger: {spec['swagger']!r}" if "swagger" in spec else "no 'openapi' field"
        raise PipelineError(f"{path}: not an OpenAPI 3.0/3.1 document ({found}); the generator reads only those")
    return spec


def _refs(spec: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Each `$ref` the document means (those inside a vendor extension, `x-...`, are its vendor's business:
    OpenAPI gives them no meaning), with its location."""
    for node, location in walk(spec):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if not any(isinstance(key, str) and key.startswith("x-") for key in location):
                yield node["$ref"], location


def outside_refs(spec: dict[str, Any]) -> list[str]:
    """A line for each `$ref` to another document: never fetched (a spec could make `make generate` request
    any address), so never read."""
    return [
        f"$ref points outside the document, which is not fetched: '{ref}' at {where(location)};"
        " bundle the spec into one document"
        for ref, location in _refs(spec)
        if not ref.startswith("#")
    ]


def dangling_refs(spec: dict[str, Any]) -> list[str]:
    """A line for each `$ref` that names nothing in the document, for each that points outside it, and for
    each schema that is itself through `$ref` and `allOf` alone (reference_cycles)."""
    dangling = [
        f"$ref does not resolve: '{ref}' at {where(location)}"
        for ref, location in _refs(spec)
        if ref.startswith("#") and not lookup(spec, ref)[0]
    ]
    return dangling + outside_refs(spec) + (reference_cycles(spec) if not dangling else [])


SCHEMAS = "#/components/schemas/"


def reference_cycles(spec: dict[str, Any]) -> list[str]:
    """A line for each cycle of component schemas that reach themselves through `$ref` and `allOf` alone
    (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`): no schema body is ever reached, so no validator or generator
    can unfold them (each recursed until Python stopped it). Recursion through a property or items is
    fine: a tree of nodes."""
    schemas = (spec.get("components") or {}).get("schemas") or {}

    def targets(node: Any) -> Iterator[str]:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMAS) and ref[len(SCHEMAS) :] in schemas:
            yield ref[len(SCHEMAS) :]
        for part in node.get("allOf") or [] if isinstance(node.get("allOf"), list) else []:
            yield from targets(part)

    edges = {name: sorted(set(targets(schema))) for name, schema in schemas.items()}
    return [
        f"{where(('components', 'schemas', cycle[0]))}: refers to itself through $ref and allOf alone"
        f" ({' -> '.join(cycle)}); no schema can be unfolded from it"
        for cycle in _cycles(edges)
    ]


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """One cycle (its first node repeated at the end) for each strongly connected part of the graph that has
    one: Kosaraju's two passes, without recursion, then a breadth-first path back to the start."""
    order: list[str] = []
    seen: set[str] = set()
    for root in edges:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(edges[root]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                order.append(node)
                stack.pop()
            elif child not in seen:
                seen.add(child)
                stack.append((child, iter(edges[child])))
    reverse: dict[str, list[str]] = {name: [] for name in edges}
    for name, targets in edges.items():
        for target in targets:
            reverse[target].append(name)
    component: dict[str, int] = {}
    for count, root in enumerate(reversed(order)):
        if root in component:
            continue
        component[root], pending = count, [root]
        while pending:
            for other in reverse[pending.pop()]:
                if other not in component:
                    component[other] = count
                    pending.append(other)
    cycles = []
    for part in dict.fromkeys(component.values()):
        members = [name for name in edges if component[name] == part]
        start = members[0]
        if len(members) == 1 and start not in edges[start]:
            continue
        came_from: dict[str, str] = {}
        frontier = [start]
        while frontier and start not in came_from:
            following = []
            for node in frontier:
                for target in edges[node]:
                    if component[target] == part and target not in came_from:
                        came_from[target] = node
                        following.append(target)
            frontier = following
        path, node = [start], came_from[start]
        while node != start:
            path.append(node)
            node = came_from[node]
        cycles.append([start, *reversed(path[1:]), start])
    return cycles


class _NoDefaultCheck(keywords.KeywordValidator):
    """Defaults are annotations: pipeline/generate/annotations.py checks them (and examples), and warns."""

    def __call__(self, schema: Any, value: Any) -> Iterator[Any]:
        return iter(())


# jsonschema-rs (compiled) answers "is this valid?" in milliseconds where jsonschema takes seconds on a large
# spec; jsonschema then says why, for a document or schema that is not. openapi-spec-validator uses
# jsonschema-rs for the document's meta-schema by itself when it is installed; its check of each schema
# against the Schema Object's dialect (5 s of 6 on Baseten's 183 operations) is given the same fast path.
_DIALECTS = {
    "3.0": jsonschema_rs.validator_for(OAS30Validator.META_SCHEMA),
    "3.1": jsonschema_rs.validator_for(
        OAS31Validator.META_SCHEMA,
        registry=jsonschema_rs.Registry(
            [
                (uri, OAS_SCHEMAS[uri].contents)
                for uri in OAS_SCHEMAS
                if uri.startswith("https://spec.openapis.org/oas/3.1/")
            ]
        ),
    ),
}


def _fast_schema_check(version: str, checker: type[keywords.SchemaValidator]) -> type[keywords.SchemaValidator]:
    """openapi-spec-validator's per-schema check, asking jsonschema-rs first: only a schema it refuses (or
    one written in another dialect) is checked again by the slow validator, for its message. The error
    keeps the schema it is about (`holder`): its path is relative to that schema."""

    def _validate_schema_meta(self: Any, schema: Any, schema_value: Any) -> Any:
        dialect = _DIALECTS[version]
        own_dialect = not (isinstance(schema_value, dict) and "$schema" in schema_value)
        if own_dialect and version == "3.1":
            own_dialect = self._get_default_jsonschema_dialect_id(schema) == OAS31Validator.META_SCHEMA["$id"]
        if own_dialect and dialect.is_valid(schema_value):
            return None
        error = checker._validate_schema_meta(self, schema, schema_value)
        if error is None:
            return None
        # The check stops at its first problem; every one is listed, each kept beside the first.
        try:
            found = _meta_errors(self._get_schema_checker(schema, schema_value), schema_value) or [error]
        except ValueError:  # an unknown dialect: that is the one problem
            found = [error]
        for each in found:
            each.holder = schema_value
        found[0].also = found[1:]
        return found[0]

    return type(checker.__name__, (checker,), {"_validate_schema_meta": _validate_schema_meta})


def _meta_errors(check: Any, schema_value: Any) -> list[Any]:
    """Every error the Schema Object's meta-schema finds in a schema (jsonschema's check_schema, which `check`
    is, raises the first)."""
    cls = getattr(getattr(check, "func", check), "__self__", None)
    if cls is None:
        return []
    meta = validator_for(cls.META_SCHEMA, default=cls)
    format_checker = getattr(check, "keywords", {}).get("format_checker", meta.FORMAT_CHECKER)
    checking = meta(schema=cls.META_SCHEMA, format_checker=format_checker, registry=OAS_SCHEMAS)
    return list(checking.iter_errors(schema_value))


def _located(checker: type[keywords.KeywordValidator]) -> type[keywords.KeywordValidator]:
    """A keyword check whose errors say where they are: one that carries no path of its own (a duplicate
    `required` entry, a path parameter the path lacks) keeps the node the check was reading (`holder`)."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        node = next((arg for arg in args if isinstance(arg, SchemaPath)), None)
        for error in checker.__call__(self, *args, **kwargs):
            if node is not None and getattr(error, "holder", None) is None and not getattr(error, "path", None):
                error.holder = node.read_value()
            yield error

    return type(checker.__name__, (checker,), {"__call__": __call__})


def _structural(validator: type[SpecValidator], version: str) -> type[SpecValidator]:
    schema = _fast_schema_check(version, validator.keyword_validators["schema"])  # type: ignore[arg-type]
    checks = {**validator.keyword_validators, "default": _NoDefaultCheck, "schema": schema}
    return type(
        validator.__name__,
        (validator,),
        {"keyword_validators": {name: _located(check) for name, check in checks.items()}},
    )


_VALIDATORS = {"3.0": _structural(OpenAPIV30SpecValidator, "3.0"), "3.1": _structural(OpenAPIV31SpecValidator, "3.1")}


def structural_errors(spec: dict[str, Any]) -> list[str]:
    """What the OpenAPI meta-schema and openapi-spec-validator's checks find, one line each."""
    unreadable = outside_refs(spec) + reference_cycles(spec)
    if unreadable:  # the validators would fetch these references, or follow them round until Python stops them
        return unreadable
    spec = as_the_meta_schema_reads(spec)
    validator = _VALIDATORS[spec["openapi"][:3]](spec)
    errors = []
    if not validator.schema_validator.is_valid(spec):  # jsonschema's errors, which say which branch came closest
        errors = list(
            validator_for(validator.schema_validator.schema)(validator.schema_validator.schema).iter_errors(spec)
        )
    if not errors:  # only a document the meta-schema accepts can be walked by the keyword checks
        try:
            errors = list(validator.root_validator(validator.schema_path))
        except Exception as err:  # noqa: BLE001 - a check that trips over the document is a finding too
            return [f"invalid OpenAPI: {type(err).__name__}: {first_line(str(err))[:MAX_MESSAGE]}"]
    errors = [each for error in errors for each in (error, *getattr(error, "also", ()))]
    places = _Places(spec)
    # One line a site: the same problem at two places is two lines (each names its place).
    return list(dict.fromkeys(_describe(places, error) for error in errors))


def structural_errors_once(spec: dict[str, Any], accepted: Path) -> list[str]:
    """structural_errors, skipped for a document it has accepted before: `make generate` and then the drift
    check (`make check`, `make test`) check the same document, 2 to 3.5 s of CPU each on Baseten's 183
    operations. A file in `accepted` named by the digest of the document and of the checker (this module,
    the validator's version) records an acceptance; a document with errors is checked every time, so each
    run reports them."""
    checker = Path(__file__).read_bytes() + version("openapi-spec-validator").encode()
    digest = hashlib.sha256(checker + json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
    if (accepted / digest).exists():
        return []
    errors = structural_errors(spec)
    if not errors:
        accepted.mkdir(parents=True, exist_ok=True)
        (accepted / digest).touch()
    return errors


class _Places:
    """Where a node of the document sits, found by identity (the checks read the document's own objects);
    the document is walked once, at the first question."""

    def __init__(self, spec: dict[str, Any]):
        self._spec = spec
        self._where: dict[int, Location] | None = None

    def of(self, node: Any) -> Location | None:
        if self._where is None:
            self._where = {}
            for found, location in walk(self._spec):
                self._where.setdefault(id(found), location)
        return self._where.get(id(node))


def _describe(places: _Places, error: Any) -> str:
    """`invalid OpenAPI at <where in the document>: <what>`: the full location, whichever check found it."""
    if getattr(error, "context", None):  # anyOf/oneOf: the branch that came closest says what is wrong, and where
        holder = getattr(error, "holder", None)
        error = best_match([error])
        while error.context:
            error = best_match(error.context)
        error.holder = holder
    path = tuple(getattr(error, "absolute_path", ()) or ())
    holder = getattr(error, "holder", None)
    base = places.of(holder) if holder is not None else ()
    message = first_line(getattr(error, "message", str(error)))
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "..."
    if base is None:  # a node the walk does not reach (a value, not a mapping or a list): its path alone
        base = ()
    return f"invalid OpenAPI at {where((*base, *path))}: {message}"
