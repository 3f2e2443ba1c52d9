"""What a model module and the models package say, decided in Python: templates/model.py.jinja and
templates/models_init.py.jinja print a ModelPlan and a ModelsInitPlan.

For each model the generator parsed, a plan holds its fields in the order the class declares them, which
of them never show in repr() (secrets), what it does with keys the schema does not declare (keep them as
they came, read them as the schema says, or refuse them in a caller's mapping), its TypedDict, and the
imports at the end of its module. Built in the generator's process (generator.py), from the generator's
own ModelProperty objects; readers.py writes the code that reads each field.
"""

import re
from dataclasses import dataclass
from typing import Any

from openapi_python_client.parser.properties import AnyProperty

from ..spec.openapi import resolve
from .readers import Readers


def _code(value: Any) -> str:
    return str(getattr(value, "as_unembedded_code", lambda: value)())


def _untrusted(value: Any) -> str:
    return str(getattr(value, "get_untrusted_value", lambda: value)())


@dataclass
class ModelPlan:
    class_name: str
    dict_name: str  # the mapping a caller may give in its place (readers.dict_name)
    properties: list[Any]  # the generator's properties, required ones first, as the spec lists them
    declared_order: list[Any]  # as the attrs class declares them: required without a default first
    extra: Any  # the generator's property for an undeclared key's value (True: any value); None: not kept
    extra_type: str  # its annotation ("" where undeclared keys are not kept)
    any_extra: bool  # undeclared keys are kept as they came
    typed_extra: bool  # undeclared keys are read as the schema's additionalProperties says
    welcome: bool  # the schema says undeclared keys are welcome (additionalProperties true or a schema)
    free_form: bool  # no declared field, any key welcome: its Dict is a Mapping alias (models/__init__.py)
    hidden: list[str]  # attributes repr() leaves out: a secret (format: password, writeOnly)
    # Names the schema requires without declaring them (Box's revocation requires `grant_type`): the generator
    # makes no field of them, so a caller's mapping may carry each, and must, and it goes to
    # additional_properties.
    undeclared_required: list[str]
    lazy_imports: list[str]  # the lines at the end of the module, TypedDicts of the models named included

    @property
    def declares(self) -> bool:
        """Whether _DECLARED is needed: to tell undeclared keys from declared ones."""
        return bool(self.properties) and (self.extra is not None or not self.welcome)

    @property
    def refuses_unknown(self) -> bool:
        """A caller's mapping with a key the schema does not declare is a mistake (the schema says nothing
        of others: FastAPI-made specs, Baseten's among them)."""
        return bool(self.properties) and not self.welcome

    @property
    def required_count(self) -> int:
        return sum(1 for prop in self.properties if prop.required)

    @property
    def repr_hidden(self) -> str:
        """model_repr's argument for the hidden attributes, as code: `, hidden=("password",)`."""
        return f", hidden=({''.join(repr(name) + ', ' for name in self.hidden).rstrip(' ')})" if self.hidden else ""

    @property
    def declared_keys(self) -> str:
        return ", ".join(f'"{_quoted(prop.name)}"' for prop in self.properties)

    @property
    def undeclared_required_keys(self) -> str:
        return ", ".join(f'"{_quoted(name)}"' for name in self.undeclared_required)


def _undeclared_required(model: Any, properties: list[Any], spec: dict[str, Any]) -> list[str]:
    """What the schema requires, its allOf parts included (Box's shared link: a part requires `accessed`),
    that the model has no field for."""
    declared = {_untrusted(prop.name) for prop in properties}
    return [name for name in dict.fromkeys(_required(model.data, spec)) if name not in declared]


def _required(schema: Any, spec: dict[str, Any], depth: int = 0) -> list[str]:
    """The names a schema requires, across its allOf parts: the generator's Schema or Reference objects, or
    the spec's own dicts where a reference leads."""
    if depth > 16:
        return []
    if isinstance(schema, dict):
        if isinstance(schema.get("$ref"), str):
            return _required(resolve(spec, schema), spec, depth + 1)
        required = schema.get("required")
        names = [str(name) for name in required] if isinstance(required, list) else []
        return names + [name for part in schema.get("allOf") or [] for name in _required(part, spec, depth + 1)]
    ref = getattr(schema, "ref", None)
    if ref is not None:
        return _required({"$ref": _untrusted(ref)}, spec, depth + 1)
    names = [_untrusted(name) for name in getattr(schema, "required", None) or []]
    return names + [name for part in getattr(schema, "allOf", None) or [] for name in _required(part, spec, depth + 1)]


def _quoted(text: Any) -> str:
    from openapi_python_client.strings import in_double_quote_literal

    return in_double_quote_literal(_untrusted(text))


class ModelPlans:
    """Plans for the models of one parsed document: `plan(model)`, made once each."""

    def __init__(self, readers: Readers, spec: dict[str, Any] | None = None) -> None:
        self.readers = readers
        self.spec = spec or {}  # the document the generator parsed, where a schema's $ref leads
        self._made: dict[int, ModelPlan] = {}

    def init(self, models: list[Any], imports: list[str]) -> "ModelsInitPlan":
        return models_init(self.readers, models, imports)

    def plan(self, model: Any) -> ModelPlan:
        if id(model) not in self._made:
            self._made[id(model)] = self._plan(model)
        return self._made[id(model)]

    def _plan(self, model: Any) -> ModelPlan:
        class_name = str(model.class_info.name)
        properties = list(model.required_properties or []) + list(model.optional_properties or [])
        first = [prop for prop in properties if prop.default is None and prop.required]
        extra = model.additional_properties or None
        any_extra = extra is True or isinstance(extra, AnyProperty)
        raw = model.data.additionalProperties
        welcome = raw is not None and raw is not False
        free_form = not properties and extra is not None
        return ModelPlan(
            class_name=class_name,
            dict_name=self.readers.dict_name(class_name),
            properties=properties,
            declared_order=first + [prop for prop in properties if prop not in first],
            extra=extra,
            extra_type="" if extra is None else "Any" if extra is True else _code(extra.get_type_string()),
            any_extra=bool(extra is not None and any_extra),
            typed_extra=bool(extra is not None and not any_extra),
            welcome=welcome,
            free_form=free_form,
            hidden=self._hidden(model, properties),
            undeclared_required=_undeclared_required(model, properties, self.spec) if properties else [],
            lazy_imports=self._lazy_imports(model, properties if not free_form else []),
        )

    @staticmethod
    def union_transforms(union: Any) -> list["UnionBranch"]:
        """The branches a union's to_dict() conversion tests for, in order. Branches of one run-time class
        (`list[Chunk]` and `list[list[Chunk]]`) cannot be told apart by isinstance: the first stands for
        them all, `shared`, written by _wire.json_value (the stock template sent every list through the
        first one's conversion: `.to_dict()` on a list)."""
        branches: list[UnionBranch] = []
        for inner in union.inner_properties:
            runtime_class = _code(inner.get_instance_type_string())
            first = next((branch for branch in branches if branch.runtime_class == runtime_class), None)
            if first is None:
                branches.append(UnionBranch(inner, runtime_class, _untrusted(union.name)))
            else:
                first.shared = True
        return branches

    @staticmethod
    def _hidden(model: Any, properties: list[Any]) -> list[str]:
        """Fields that carry secrets (pipeline/spec/secrets.py marked them format: password), or writeOnly."""
        raw = model.data.properties or {}
        hidden = []
        for prop in properties:
            schema = raw.get(_untrusted(prop.name))
            if schema is None or not hasattr(schema, "schema_format"):
                continue
            if (schema.schema_format and _untrusted(schema.schema_format) == "password") or schema.writeOnly:
                hidden.append(str(prop.python_name))
        return hidden

    def _lazy_imports(self, model: Any, typed: list[Any]) -> list[str]:
        """Each import of another model at the end of the module (so that two models that refer to each
        other both import), with that model's TypedDict where this model's TypedDict (its `typed` fields'
        annotations) names it."""
        annotations = " ".join(self.readers.wire_annotation(prop) for prop in typed)
        lines = []
        for line in sorted(set(model.lazy_imports) - set(model.relative_imports)):
            lines.append(line)
            source, names = line.split(" import ")
            wanted = [self.readers.dict_name(name) for name in names.split(", ")]
            wanted = [name for name in wanted if name in annotations]
            if wanted:
                lines.append(f"{source} import {', '.join(wanted)}")
        return lines


@dataclass
class UnionBranch:
    property: Any  # the generator's property of the branch
    runtime_class: str  # what isinstance tests it by
    name: str  # the union's field, for an error naming it
    shared: bool = False  # another branch has the same class: written by _wire.json_value


@dataclass
class ModelsInitPlan:
    """models/__init__.py: what it imports for type checkers and loads on first use, and the aliases of the
    free-form objects' mappings, which it defines."""

    lines: list[tuple[str, list[str]]]  # (module, the names it defines: each model and its TypedDict)
    free_forms: list[tuple[str, str, str]]  # (alias, its model, the value type as code), sorted
    names: list[str]  # __all__, sorted


def models_init(readers: Readers, models: list[Any], imports: list[str]) -> ModelsInitPlan:
    """The plan of models/__init__.py, from the generator's models and its import lines for them."""
    model_names = {str(model.class_info.name) for model in models}
    values = {}
    for model in models:
        if not (model.required_properties or model.optional_properties) and model.additional_properties:
            extra = model.additional_properties
            value_type = "Any" if extra is True else readers.wire_type(extra)
            values[readers.dict_name(str(model.class_info.name))] = (str(model.class_info.name), value_type)
    free_names = set(values)
    free_forms = []
    # Each alias after the aliases its values name, which it then names as they are (a string there would be
    # looked up where typing.get_type_hints() reads it: an endpoint module, which does not import them); a
    # model's TypedDict, imported on first use, and an alias in a cycle stay quoted.
    defined: set[str] = set()
    waiting = sorted(values)
    while waiting:
        ready = [alias for alias in waiting if _names_in(values[alias][1], free_names - {alias}) <= defined]
        for alias in ready or waiting:
            model_name, value_type = values[alias]
            named = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", value_type))
            plain = bool(ready) and named <= BUILTIN_NAMES | defined
            written = value_type if plain else '"' + value_type.replace('"', "'") + '"'
            free_forms.append((alias, model_name, written))
            defined.add(alias)
        waiting = [alias for alias in waiting if alias not in defined]
    lines: list[tuple[str, list[str]]] = []
    for line in sorted(imports):
        parts = line.split(" ")
        here = []
        for name in (part.replace(",", "") for part in parts[3:]):
            here.append(name)
            if name in model_names and readers.dict_name(name) not in free_names:
                here.append(readers.dict_name(name))
        lines.append((parts[1], here))
    names = [name for _, here in lines for name in here]
    return ModelsInitPlan(lines, free_forms, sorted(names + sorted(free_names)))


# What an alias's value type may name as it is, defined before the aliases: anything else (a model's
# TypedDict, an enum: imported on first use) is written as a string.
BUILTIN_NAMES = {"Any", "None", "str", "int", "float", "bool", "list", "dict", "Mapping", "Literal"}


def _names_in(code: str, names: set[str]) -> set[str]:
    return {name for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code) if name in names}
