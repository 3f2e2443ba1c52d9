"""The generator's copy of the spec: the same API, written the way openapi-python-client 0.29.1 reads it.

Only the generator sees the result; the wire is unchanged and `openapi.yaml` stays as published. Each
rewrite, and the generator behaviour it answers (the upstream issue whose fix would let it go):

- names: each operation gets the group (tag) and name (operationId) that operation_names derived, so
  the generator writes `api/models/get_model.py` rather than `api/default/get_v1_models_model_id.py`.
- model defaults: the generator refuses a property whose model has a `default` ("ModelProperty cannot
  have a default value") and drops every operation using it; the default is taken out and listed, and
  the field stays unset, so the server applies its own (openapi-python-client#944).
- a `const` object or array (Mailchimp's): the generator reads only a scalar `const` and refuses the whole
  document on another; taken out and listed, the field takes what the rest of its schema takes.
- `$ref` with a `default` beside it (allowed in 3.1): the generator drops the siblings
  (openapi-python-client#1432); written as `allOf: [$ref]` with the default beside it (the 3.0 idiom,
  same meaning), the default reaches the model.
- nullable enums (null among the values, `null` in the type list, `nullable: true`): the generator drops
  the null or names the class after a union of its own making (openapi-python-client#1405); written
  `anyOf: [<enum>, {type: null}]`. An enum of null alone is `{type: null}`. A nullable object component
  (Asana's NextPage) is written the same way where it is used, so its class is `NextPage`, not
  `NextPageType0`.
- union branches: an inline object (or array of them) beside null would be named by its position
  (`DeploymentV1LabelsType0`); titled with its property's name, it is named for what it is
  (`DeploymentV1Labels`). Branches told apart by a `const` tag are titled by it; the generator tries
  branches in order and reads no discriminator (openapi-python-client#219).
- a component whose class would be named like an import of the generated modules (`Response`, `File`,
  `UNSET`): titled `<Name>Model` (pipeline/generate/naming.py); the wire does not see class names.
- secrets (pipeline/spec/secrets.py): marked `format: password`, which the model template reads to keep them out
  of repr().
- titles that would name two classes alike (two components, or two inline schemas under one parent):
  the generator refuses the second (openapi-python-client#652); without the title each is named by its place.
- an `allOf` of plain parts (an array given a description; `[{type: string, nullable: true}, {nullable:
  false}]`, as Box's and Plaid's specs write): the generator reads every `allOf` as an object's parts and
  expects an object on the wire; written as the one schema its parts make.
- a query parameter described by `content` (one JSON media type) rather than a schema: the generator drops
  it without a word; given its media type's schema, it becomes an argument, which the endpoint sends as
  JSON text (wire_support.query_styles, `json`).
- an inline object property named as a component's class would be (`ReplayDeletionJobCreate.data` ->
  ReplayDeletionJobCreateData, also a component): the generator refuses the second; where the inline one
  is a copy of that component (a dereferenced spec, as Sentry publishes), it is written as the `$ref`.
- two components whose classes differ only in case (`APIKey`, `ApiKey`) would share a module, the second
  written over the first: the later is titled with a number (`ApiKey2`); an inline object named as
  another component's class is numbered the same way.
- an object whose `anyOf`/`oneOf` branches (and `not`) only say which of its declared properties are
  required (OpenAI's "give file_ids or files"): the generator reads a union of empty objects and makes no
  model; without them it is the model of its properties, and the server judges the rule as before.
"""

import copy
from collections import Counter
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier, pascal_case

from ..spec.openapi import (
    Location,
    mapping,
    operations,
    resolve,
    schema_roots,
    schema_tree,
    sequence,
    subschemas,
    where,
)
from ..spec.operation_names import OperationName
from ..spec.secrets import mark_secrets
from .naming import class_collides

SCHEMA_REF = "#/components/schemas/"
NULL = {"type": "null"}
OUTER_KEYWORDS = ("default", "description", "title", "deprecated", "readOnly", "writeOnly", "examples", "example")


def prepare_spec(
    spec: dict[str, Any], names: dict[tuple[str, str], OperationName], field_prefix: str = "field_"
) -> tuple[dict[str, Any], list[str]]:
    """The generator's copy of `spec`, and a line for each change a reader of the client should know of."""
    prepared = copy.deepcopy(spec)
    notes: list[str] = []
    for op in operations(prepared):
        name = names[(op.method, op.path)]
        op.operation["tags"], op.operation["operationId"] = [name.group], name.name
    notes += _drop_model_defaults(prepared)
    notes += _drop_structured_consts(prepared)
    _schema_for_content_parameters(prepared)
    _unwrap_plain_all_of(prepared)
    _drop_required_only_branches(prepared)
    _wrap_ref_siblings(prepared)
    _split_nullables(prepared)
    _name_union_branches(prepared)
    mark_secrets(prepared)
    notes += _name_past_imports(prepared, field_prefix)
    notes += _drop_colliding_titles(prepared)
    _refer_to_copies(prepared)
    notes += _name_inline_apart(prepared)
    notes += _separate_modules(prepared, field_prefix)
    return prepared, notes


def _is_model(spec: dict[str, Any], schema: Any, depth: int = 0) -> bool:
    """Whether the generator makes a model class of this schema (or of its one non-null branch)."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 8:
        return False
    if schema.get("type") == "object" or "properties" in schema:
        return True
    branches = [b for key in ("allOf", "anyOf", "oneOf") for b in schema.get(key) or []]
    return any(_is_model(spec, branch, depth + 1) for branch in branches)


def _drop_model_defaults(spec: dict[str, Any]) -> list[str]:
    notes = []
    for root, location in list(schema_roots(spec)):
        for schema, at in schema_tree(root, location):
            default = schema.get("default")
            if default is not None and isinstance(default, dict) and _is_model(spec, schema):
                del schema["default"]
                notes.append(
                    f"{where(at)}: default not used: openapi-python-client 0.29.1 cannot give a model-typed"
                    " field a default (the field stays unset; the server applies its own)"
                )
    return notes


def _drop_structured_consts(spec: dict[str, Any]) -> list[str]:
    notes = []
    for root, location in list(schema_roots(spec)):
        for schema, at in schema_tree(root, location):
            if isinstance(schema.get("const"), dict | list):
                del schema["const"]
                notes.append(
                    f"{where((*at, 'const'))}: not used: openapi-python-client 0.29.1 reads a `const` of a string,"
                    " number, boolean or null only, and would refuse the document (the field takes what its schema"
                    " takes)"
                )
    return notes


def _schema_for_content_parameters(spec: dict[str, Any]) -> None:
    for op in operations(spec):
        for parameter in op.parameters(spec):
            content = parameter.get("content")
            if parameter.get("in") == "query" and isinstance(content, dict) and "schema" not in parameter:
                media = next(iter(content.values()), None) if len(content) == 1 else None
                if isinstance(media, dict) and "json" in str(next(iter(content))).lower():
                    parameter["schema"] = media.get("schema", {})
                    del parameter["content"]


def _plain(spec: dict[str, Any], schema: Any, enum: bool = False) -> bool:
    """A schema the generator makes no class of: no object, enum or union (a string, number, array, or
    only annotations such as `nullable: false`). With `enum`, an inline enum too (Box's role
    `allOf: [{type: string, enum: [...]}, {description: ...}]`, which the generator reads as an object): its
    class is named by its place either way, where a component's name would be lost."""
    inline = isinstance(schema, dict) and "$ref" not in schema
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or _is_model(spec, schema):
        return False
    unions = ("allOf", "anyOf", "oneOf", "not")
    return not any(key in schema for key in (unions if enum and inline else ("enum", "const", *unions)))


def _kinds(schema: dict[str, Any]) -> set[str] | None:
    """The JSON types a part takes (null as a type, 3.0's `nullable` too); None where it says none."""
    declared = schema.get("type")
    if declared is None:
        return {"array"} if "items" in schema else None
    kinds = {str(kind) for kind in declared} if isinstance(declared, list) else {str(declared)}
    return kinds | {"null"} if schema.get("nullable") is True else kinds


REQUIRED_ONLY = {"required", "not", "minProperties", "maxProperties", "description", "title", "allOf"}


def _required_only(schema: Any, depth: int = 0) -> bool:
    """A schema (inline) that says only which properties must or must not be there."""
    if not isinstance(schema, dict) or "$ref" in schema or depth > 8 or not set(schema) <= REQUIRED_ONLY:
        return False
    parts = [*(schema.get("allOf") or []), *([schema["not"]] if "not" in schema else [])]
    return all(_required_only(part, depth + 1) for part in parts)


def _drop_required_only_branches(spec: dict[str, Any]) -> None:
    for root, location in list(schema_roots(spec)):
        for schema, _ in list(schema_tree(root, location)):
            if not isinstance(schema.get("properties"), dict) or not schema["properties"]:
                continue
            keys = [key for key in ("anyOf", "oneOf") if isinstance(schema.get(key), list) and schema[key]]
            narrowing = [schema[key] for key in keys] + ([[schema["not"]]] if "not" in schema else [])
            if keys and all(_required_only(branch) for branches in narrowing for branch in branches):
                for key in (*keys, "not"):
                    schema.pop(key, None)


def _lone_enum_ref(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    """`allOf: [$ref Enum]` with only annotations beside it: the generator reads any allOf as an object, so
    the client would send `{}` for the enum's string (Plaid's credit_funds_source), and two such places
    make duplicate models. What is beside the reference is annotation only, and the enum keeps its name.
    So with a union (`allOf: [$ref AiAgent]`, `{description: ...}`, Box's): the generator refuses an allOf
    of a non-object, and left out the schema and everything that uses it."""
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not all(isinstance(part, dict) for part in parts):
        return False
    refs = [part for part in parts if "$ref" in part]
    # (readOnly and writeOnly are kept: a writeOnly field is hidden from repr)
    annotations = set(OUTER_KEYWORDS) - {"default", "readOnly", "writeOnly"}

    def said(node: dict[str, Any], *but: str) -> set[str]:
        return {key for key in node if key not in but and not key.startswith("x-")}

    if len(refs) != 1 or not said(schema, "allOf") <= annotations:
        return False
    if not all(said(part) <= annotations for part in parts if part is not refs[0]):  # parts that only describe
        return False
    target = resolve(spec, refs[0]) or {}
    union = bool(target.get("oneOf") or target.get("anyOf")) and not target.get("properties")
    return "enum" in target or union


def _unwrap_plain_all_of(spec: dict[str, Any]) -> None:
    """An `allOf` of plain parts (`[{type: string, nullable: true}, {nullable: false}]`, an array given a
    description) becomes the one schema its parts make, with what was beside it: the types they all take
    (null only where every part takes it), their other keywords, the later part's where two say one. A
    lone `$ref` keeps its reference unless a default beside it must be kept."""
    version_3_1 = str(spec.get("openapi", "")).startswith("3.1")
    for root, location in list(schema_roots(spec)):
        for schema, _ in list(schema_tree(root, location)):
            parts = schema.get("allOf")
            if _lone_enum_ref(spec, schema):  # an enum or union given a description or `deprecated` (Plaid's, Box's)
                reference = next(part["$ref"] for part in schema["allOf"] if "$ref" in part)
                schema.clear()
                schema.update({"$ref": reference})
                continue
            if not (isinstance(parts, list) and parts and all(_plain(spec, part, enum=True) for part in parts)):
                continue
            if sum(1 for part in parts if "enum" in part or "const" in part) > 1:
                continue  # two enums make their intersection: left as the spec wrote it
            if any(key in schema for key in ("properties", "additionalProperties", "anyOf", "oneOf", "type")):
                continue
            bodies = [copy.deepcopy(resolve(spec, part)) for part in parts]
            typed = [kinds for kinds in map(_kinds, bodies) if kinds is not None]
            if not typed:
                continue  # annotations only: nothing the generator misreads
            kinds = set.intersection(*typed)
            outer = _without(schema, "allOf")
            if len(parts) == 1 and "$ref" in parts[0] and "default" not in outer:
                unwrapped = {"$ref": parts[0]["$ref"]}  # what is beside a reference the generator does not read
            else:
                named = sorted(kinds - {"null"})
                if not named or (len(named) > 1 and not version_3_1):
                    continue  # no value, or several types 3.0 cannot write: left as the spec wrote it
                unwrapped = {k: v for body in bodies for k, v in body.items() if k not in ("type", "nullable")}
                if version_3_1:
                    unwrapped["type"] = named[0] if kinds == {named[0]} else [*named, *sorted(kinds & {"null"})]
                else:
                    unwrapped["type"] = named[0]
                    unwrapped.update({"nullable": True} if "null" in kinds else {})
                unwrapped.update(outer)
            schema.clear()
            schema.update(unwrapped)


def _wrap_ref_siblings(spec: dict[str, Any]) -> None:
    for root, location in list(schema_roots(spec)):
        for schema, _ in schema_tree(root, location):
            for name, prop in (schema.get("properties") or {}).items():
                if isinstance(prop, dict) and "$ref" in prop and "default" in prop:
                    schema["properties"][name] = {"allOf": [{"$ref": prop["$ref"]}], **_without(prop, "$ref")}


def _without(node: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key not in keys}


def _is_nullable_enum(node: Any) -> bool:
    if not (isinstance(node, dict) and isinstance(node.get("enum"), list)):
        return False
    kinds = node["type"] if isinstance(node.get("type"), list) else [node.get("type")]
    return None in node["enum"] or "null" in kinds or node.get("nullable") is True


def _enum_without_null(node: dict[str, Any]) -> dict[str, Any]:
    """The enum with null taken out of its values and type; {type: null} when null was its only value."""
    values = [value for value in node["enum"] if value is not None]
    if not values:
        return {**dict(NULL), **{key: node[key] for key in OUTER_KEYWORDS if key in node and key != "default"}}
    kinds = [kind for kind in node.get("type") or [] if kind != "null"] if isinstance(node.get("type"), list) else None
    out = {**_without(node, "nullable"), "enum": values}
    if kinds is not None:
        out["type"] = kinds[0] if len(kinds) == 1 else kinds
    return out


def _is_nullable_model(spec: dict[str, Any], node: Any) -> bool:
    """An object schema that also takes null (`nullable: true`, or null in its type list), no union.

    An object built through allOf counts too (Plaid's Cause, and its NumbersACHNullable without a `type`):
    the generator reads its nullability as a union with null, in which it cannot take an allOf, and left
    the model out. OpenAPI 3.0.3's letter has the allOf parts refuse null (and `nullable` without `type`
    say nothing); its author means null, and the fake's checker (runtime/_schema.py) and the suite read it
    so too."""
    if not isinstance(node, dict) or {"enum", "anyOf", "oneOf"} & set(node):
        return False
    kinds = node["type"] if isinstance(node.get("type"), list) else [node.get("type")]
    untyped = set(kinds) <= {None, "null"}
    objects = "object" in kinds or ("properties" in node and untyped)
    objects = objects or ("allOf" in node and untyped and _is_model(spec, {"allOf": node["allOf"]}))
    return objects and (node.get("nullable") is True or "null" in kinds)


def _model_without_null(node: dict[str, Any]) -> dict[str, Any]:
    out = _without(node, "nullable", "type")
    kinds = [kind for kind in node["type"] if kind != "null"] if isinstance(node.get("type"), list) else None
    if kinds is None and "type" in node:
        out["type"] = node["type"]
    elif kinds:
        out["type"] = kinds[0] if len(kinds) == 1 else kinds
    return out


def _refers_to(node: Any, names: set[str]) -> bool:
    ref = str(node.get("$ref", "")) if isinstance(node, dict) else ""
    return ref.startswith(SCHEMA_REF) and ref[len(SCHEMA_REF) :] in names


def _split_nullables(spec: dict[str, Any]) -> None:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    nullable = {
        name for name, schema in schemas.items() if _is_nullable_enum(schema) or _is_nullable_model(spec, schema)
    }
    models = {name for name in nullable if _is_nullable_model(spec, schemas[name])}
    for name in nullable:
        without = _model_without_null if name in models else _enum_without_null
        schemas[name] = without(schemas[name])

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = str(node.get("$ref", ""))
        if ref.startswith(SCHEMA_REF) and ref[len(SCHEMA_REF) :] in nullable:
            return {"anyOf": [{"$ref": ref}, dict(NULL)], **_without(node, "$ref")}
        # A model extended through allOf stays a part as it is: the generator takes only an inline part's
        # properties, so a nullable base written as a union would lose its fields.
        node = {key: [part if _refers_to(part, models) else rewrite(part) for part in value]
                if key == "allOf" and isinstance(value, list) else rewrite(value)
                for key, value in node.items()}  # fmt: skip
        if _is_nullable_enum(node):
            enum = _enum_without_null(node)
            if enum.get("type") == "null":
                return enum
            outer = {key: enum.pop(key) for key in ("default", "description", "title") if key in enum}
            return {"anyOf": [enum, dict(NULL)], **outer}
        return node

    if "components" in spec:
        spec["components"] = {
            key: {name: _inside(schema, rewrite) for name, schema in value.items()}
            if key == "schemas"
            else rewrite(value)
            for key, value in spec["components"].items()
        }
    if "paths" in spec:
        spec["paths"] = rewrite(spec["paths"])


def _inside(schema: Any, rewrite: Any) -> Any:
    """A component keeps its own node (its nullability was split off above); only its insides change."""
    return schema if isinstance(schema, dict) and "enum" in schema else rewrite(schema)


def _makes_class(spec: dict[str, Any], schema: Any) -> bool:
    return isinstance(schema, dict) and "$ref" not in schema and (_is_model(spec, schema) or "enum" in schema)


def _const_tags(spec: dict[str, Any], branches: list[dict[str, Any]]) -> list[str] | None:
    """Each branch's value of one constant property they all have (`type: {const: alpha}`), if they differ."""

    def constants(branch: dict[str, Any]) -> dict[str, str]:
        found = {}
        for name, prop in (branch.get("properties") or {}).items():
            prop = resolve(spec, prop)
            values = [prop["const"]] if "const" in prop else prop.get("enum") or []
            if len(values) == 1 and isinstance(values[0], str | int):
                found[str(name)] = str(values[0])
        return found

    tables = [constants(branch) for branch in branches]
    for name in tables[0] if tables else []:
        tags = [table.get(name) for table in tables]
        if all(tags) and len(set(tags)) == len(tags):
            return tags  # type: ignore[return-value]
    return None


def _title_branches(spec: dict[str, Any], union: dict[str, Any], base: str) -> None:
    """Title the inline class-making branches of a union, which the generator would name by position.

    One such branch is named after what holds it (`labels` -> DeploymentV1Labels, not ...LabelsType0);
    several, after the constant that tells them apart (`type: {const: alpha}` -> ...Alpha)."""
    branches = [b for key in ("anyOf", "oneOf") for b in union.get(key) or [] if isinstance(b, dict)]
    # (the schema the generator names, the branch it belongs to): an array branch's class is its items'.
    named = [(b, b) for b in branches if _makes_class(spec, b)]
    named += [(b["items"], b) for b in branches if b.get("type") == "array" and _makes_class(spec, b.get("items"))]
    named = [(schema, branch) for schema, branch in named if "title" not in schema]
    if not named:
        return
    base = str(union.get("title") or base)
    if len(named) == 1:
        schema, branch = named[0]
        schema["title"] = base if schema is branch else f"{base} item"
        return
    tags = _const_tags(spec, [branch for _, branch in named])
    for (schema, branch), tag in zip(named, tags or [], strict=False):
        schema["title"] = f"{base} {tag}" if schema is branch else f"{base} {tag} item"


def _name_union_branches(spec: dict[str, Any]) -> None:
    """Visit every schema with the name the generator would give it where no title says otherwise."""

    def visit(schema: Any, base: str) -> None:
        if not isinstance(schema, dict) or "$ref" in schema:
            return
        if "anyOf" in schema or "oneOf" in schema:
            _title_branches(spec, schema, base)
        for name, prop in (schema.get("properties") or {}).items():
            visit(prop, str(name))
        visit(schema.get("items"), f"{base}_item")
        visit(schema.get("additionalProperties"), "additional_property")
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(key) or []:
                visit(branch, str(branch.get("title") or base) if isinstance(branch, dict) else base)

    for name, schema in mapping(mapping(spec, "components"), "schemas").items():
        visit(schema, str(name))
    for op in operations(spec):
        for parameter in [*sequence(op.item, "parameters"), *sequence(op.operation, "parameters")]:
            if isinstance(parameter, dict):
                visit(parameter.get("schema"), str(parameter.get("name", "")))
        for media in mapping(op.operation.get("requestBody"), "content").values():
            visit(media.get("schema") if isinstance(media, dict) else None, "body")
        for status, response in mapping(op.operation, "responses").items():
            for media in mapping(response, "content").values():
                visit(media.get("schema") if isinstance(media, dict) else None, f"response_{status}")


def _name_past_imports(spec: dict[str, Any], field_prefix: str) -> list[str]:
    """A component whose class would be named like an import of the generated modules (naming.CLASS_NAMES)
    is titled `<Name>Model`, the class the generator then makes of it."""
    notes = []
    for key, schema in mapping(mapping(spec, "components"), "schemas").items():
        if isinstance(schema, dict) and class_collides(str(schema.get("title") or key), field_prefix):
            name = pascal_case(str(schema.get("title") or key)) + "Model"
            schema["title"] = name
            at = where(("components", "schemas", key))
            notes.append(f"{at}: named {name}, as {key} is a name the client imports")
    return notes


def _separate_modules(spec: dict[str, Any], field_prefix: str) -> list[str]:
    """Two components whose classes differ only in case (`APIKey`, `ApiKey`) would be written to one module
    (`api_key.py`), the second over the first: the generator checks class names, not modules. The later
    one is titled with a number after it (`ApiKey2`)."""
    notes, taken = [], set()
    components = mapping(mapping(spec, "components"), "schemas")
    for key, schema in components.items():
        if not isinstance(schema, dict):
            continue
        name = str(ClassName(str(schema.get("title") or key), field_prefix))
        module, number = str(PythonIdentifier(name, field_prefix)), 1
        while module in taken:
            number += 1
            module = str(PythonIdentifier(f"{name}{number}", field_prefix))
        taken.add(module)
        if number > 1:
            schema["title"] = f"{name}{number}"
            at = where(("components", "schemas", key))
            notes.append(f"{at}: named {name}{number}, as {name}'s module is another's")
    return notes


def _drop_colliding_titles(spec: dict[str, Any]) -> list[str]:
    notes = []
    components = mapping(mapping(spec, "components"), "schemas")
    names = Counter(pascal_case(str(s.get("title") or key)) for key, s in components.items() if isinstance(s, dict))
    for key, schema in components.items():
        if isinstance(schema, dict) and "title" in schema and names[pascal_case(str(schema["title"]))] > 1:
            place = where(("components", "schemas", key))
            notes.append(f"{place}: title {schema.pop('title')!r} is shared; named {key!r}")
    # Inline schemas under one parent (an operation, or a model's properties) are named parent + title.
    for op in operations(spec):
        tops: list[tuple[Any, Location]] = []
        for index, parameter in enumerate(op.operation.get("parameters") or []):
            if isinstance(parameter, dict):
                tops.append((parameter.get("schema"), (*op.location, "parameters", index)))
        body = op.operation.get("requestBody")
        for media_type, media in ((body or {}).get("content") or {}).items() if isinstance(body, dict) else ():
            tops.append(((media or {}).get("schema"), (*op.location, "requestBody", media_type)))
        for status, response in (op.operation.get("responses") or {}).items():
            for media_type, media in (
                ((response or {}).get("content") or {}).items() if isinstance(response, dict) else ()
            ):
                tops.append(((media or {}).get("schema"), (*op.location, "responses", status, media_type)))
        notes += _untitle_repeats(spec, tops, op.label)
    for root, location in list(schema_roots(spec)):
        for schema, at in schema_tree(root, location):
            notes += _untitle_repeats(spec, list(subschemas(schema, at)), where(at))
    return notes


def _untitle_repeats(spec: dict[str, Any], schemas: list[tuple[Any, Location]], parent: str) -> list[str]:
    """Drop the titles that would give two class-making schemas under one parent the same class name."""
    titled = [(s, at) for s, at in schemas if _makes_class(spec, s) and isinstance(s.get("title"), str)]
    counts = Counter(pascal_case(s["title"]) for s, _ in titled)
    repeated = sorted({s["title"] for s, _ in titled if counts[pascal_case(s["title"])] > 1})
    for schema, _ in titled:
        if schema["title"] in repeated:
            del schema["title"]
    return [f"{parent}: title {title!r} names several schemas; each is named by its place" for title in repeated]


def _name_inline_apart(spec: dict[str, Any]) -> list[str]:
    """A component's property that is an inline object the generator would name as another component's
    class (Exoscale's snapshot.export,
    SnapshotExport, beside the component snapshot-export): the generator refused the second as a duplicate
    and left both out. The inline one is titled with a number after it (`SnapshotExport2`)."""
    components = mapping(mapping(spec, "components"), "schemas")
    taken = {
        pascal_case(str(schema.get("title") or key)) for key, schema in components.items() if isinstance(schema, dict)
    }
    notes = []
    for key, schema in components.items():
        parent = pascal_case(str(schema.get("title") or key)) if isinstance(schema, dict) else ""
        for name, prop in mapping(schema, "properties").items():
            named = parent + pascal_case(str(name))
            # (an object of its own properties: an allOf of a $ref, Box's Collaboration.item, names no class)
            own = isinstance(prop, dict) and isinstance(prop.get("properties"), dict)
            if named in taken and own and not {"title", "allOf", "anyOf", "oneOf", "$ref"} & set(prop):
                number = next(n for n in range(2, 100) if f"{named}{n}" not in taken)
                prop["title"] = f"{pascal_case(str(name))}{number}"  # the generator puts its parent's name first
                taken.add(f"{named}{number}")
                at = where(("components", "schemas", key, "properties", str(name)))
                notes.append(f"{at}: named {named}{number}, as {named} is a component's class")
    return notes


def _refer_to_copies(spec: dict[str, Any]) -> None:
    components = mapping(mapping(spec, "components"), "schemas")
    by_class = {pascal_case(str(schema.get("title") or key)): key for key, schema in components.items()
                if isinstance(schema, dict)}  # fmt: skip
    for key, schema in components.items():
        if not isinstance(schema, dict):
            continue
        parent = pascal_case(str(schema.get("title") or key))
        properties = mapping(schema, "properties")
        for name, prop in properties.items():
            twin = by_class.get(parent + pascal_case(str(name)))
            if isinstance(prop, dict) and "title" not in prop and twin not in (None, key) and prop == components[twin]:
                properties[name] = {"$ref": SCHEMA_REF + twin}
