"""How a value read from JSON becomes what the spec says it is: the code for every kind of property the
generator makes, written here in Python and printed by the templates (models' from_dict(), the endpoints'
response parsers). The reading it writes is

1. strict: a value of the wrong type, or a null where none is allowed, raises TypeError saying what was
   expected and what came (the model reports it as its field's InvalidField);
2. fast: no function defined and no module imported per call (runtime/_read.py for the rest);
3. direct for unions: the JSON type picks the branches to try, and object branches told apart by a const
   tag (a discriminator, openapi-python-client#219) are chosen by it, not tried one by one; a value no
   branch takes is reported with the closest branch's error. Branches tried one after another are tried
   at one depth, however many there are (Python refuses a block nested twenty deep).

`Readers(data).read(prop, name)` rewrites the value held in the variable `name` in place, assigning only
once it is read, so a failed attempt leaves it as it came. Which kind of property a branch is, is asked of
the generator's own classes (its parser made them), never of their names as strings.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.parser.properties import AnyProperty, EnumProperty, LiteralEnumProperty, ModelProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.file import FileProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty
from openapi_python_client.strings import in_double_quote_literal, in_f_string_literal

CATCH = "(KeyError, TypeError, ValueError, AttributeError)"
STRINGS = (StringProperty, DateProperty, DateTimeProperty, UuidProperty, FileProperty)
TEST = {
    "null": "{} is None",
    "boolean": "type({}) is bool",
    "integer": "type({}) is int",
    "number": "type({}) is float or type({}) is int",
    "string": "isinstance({}, str)",
    "object": "isinstance({}, dict)",
    "array": "isinstance({}, list)",
}
FAILS = {
    "null": "{} is not None",
    "boolean": "type({}) is not bool",
    "integer": "type({}) is not int",
    "number": "type({}) is not float and type({}) is not int",
    "string": "not isinstance({}, str)",
    "object": "not isinstance({}, dict)",
    "array": "not isinstance({}, list)",
}
NAMED = {
    "null": "null",
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "object": "an object",
    "array": "an array",
}
# The order a group's branches are tried in: exact forms first, then enums (which take a value they do not
# list, as a newer server may send one), then the branches that take any value of the type.
RANK: tuple[tuple[type, int], ...] = (
    (ConstProperty, 0),
    (DateProperty, 1),
    (DateTimeProperty, 1),
    (UuidProperty, 1),
    (EnumProperty, 2),
    (LiteralEnumProperty, 2),
    (StringProperty, 3),
    (IntProperty, 3),
    (FloatProperty, 3),
    (BooleanProperty, 3),
)


def _code(value: Any) -> str:
    """Code the generator wrote (its PythonCode), or text, as a str."""
    return str(getattr(value, "as_unembedded_code", lambda: value)())


def _name(prop: Any) -> str:
    return str(prop.name.get_untrusted_value())


def enum_value(value: Any) -> Any:
    """An enum's value as the spec writes it: EnumProperty.values holds a string escaped for the inside of a
    double-quoted literal (the generator's own template writes `"{{ value }}"`)."""
    return json.loads(f'"{value}"') if isinstance(value, str) else value


def json_kind(prop: Any) -> str:
    """The JSON type a property reads: null, boolean, integer, number, string, object, array, union or any."""
    if isinstance(prop, NoneProperty):
        return "null"
    if isinstance(prop, BooleanProperty):
        return "boolean"
    if isinstance(prop, IntProperty):
        return "integer"
    if isinstance(prop, FloatProperty):
        return "number"
    if isinstance(prop, STRINGS):
        return "string"
    if isinstance(prop, EnumProperty | LiteralEnumProperty):
        return "integer" if prop.value_type is int else "string"
    if isinstance(prop, ConstProperty):
        return {str: "string", bool: "boolean", int: "integer", float: "number"}.get(type(prop.value.raw_value), "any")
    if isinstance(prop, ModelProperty):
        return "object"
    if isinstance(prop, ListProperty):
        return "array"
    if isinstance(prop, UnionProperty):
        return "union"
    return "any"


def _rank(prop: Any) -> int:
    return next((rank for kind, rank in RANK if type(prop) is kind), 1)


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.splitlines())


@dataclass
class Readers:
    """The reading code for one parsed document: `models` are the generator's models (a union's branch may be
    a copy of its model taken before the model's properties were read; the finished model is looked up)."""

    models: list[Any]
    stock: Callable[[Any, str], str] | None = None  # a kind this module does not know: its stock construct macro
    _by_class: dict[str, Any] = field(init=False)
    _class_names: set[str] = field(init=False)
    _depth: int = field(init=False)  # how deep read() is in its own calls
    _lists: set[str] = field(init=False)  # within one outermost read(): the lists it has named

    def __post_init__(self) -> None:
        self._by_class = {str(model.class_info.name): model for model in self.models}
        self._class_names = set(self._by_class)
        self._depth, self._lists = 0, set()

    enum_value = staticmethod(enum_value)

    # Names

    def dict_name(self, class_name: str) -> str:
        """The model's TypedDict, the mapping a caller may give for it: `<Class>Dict`, or `<Class>Fields` where
        the spec has a class of that name already."""
        return class_name + ("Fields" if f"{class_name}Dict" in self._class_names else "Dict")

    def wire_type(self, prop: Any) -> str:
        """A property's type as a caller writes it in a mapping: its JSON form (a string for a date, a mapping
        for a model), which from_dict reads."""
        if isinstance(prop, StringProperty | DateProperty | DateTimeProperty | UuidProperty):
            return "str"
        if isinstance(prop, IntProperty):
            return "int"
        if isinstance(prop, FloatProperty):
            return "float"
        if isinstance(prop, BooleanProperty):
            return "bool"
        if isinstance(prop, NoneProperty):
            return "None"
        if isinstance(prop, EnumProperty):
            values = ", ".join(repr(enum_value(value)) for value in prop.values.values())
            return f"Literal[{values}] | {prop.class_info.name}"
        if isinstance(prop, ConstProperty):
            return f"Literal[{_code(prop.value.python_code)}]"
        if isinstance(prop, ModelProperty):
            return self.dict_name(str(prop.class_info.name))
        if isinstance(prop, ListProperty):
            return f"list[{self.wire_type(prop.inner_property)}]"
        if isinstance(prop, UnionProperty):
            parts = list(dict.fromkeys(self.wire_type(inner) for inner in prop.inner_properties))
            return "Any" if "Any" in parts else " | ".join(parts)
        return "Any"

    def wire_annotation(self, prop: Any) -> str:
        """wire_type() as a string annotation (the TypedDicts it names are imported at the end of the module),
        quoted by Python: a value holding a quote or a backslash stays the value it is."""
        text = self.wire_type(prop)
        return f'"{text}"' if '"' not in text and "\\" not in text else repr(text)

    # Unions told apart by a tag

    def _finished(self, branch: Any) -> Any:
        return self._by_class.get(str(branch.class_info.name), branch)

    def tag_of(self, branches: list[Any]) -> str:
        """The wire name of the const property every branch requires, each with its own value; "" if none."""
        models = [self._finished(branch) for branch in branches]
        candidates: list[str] | None = None
        for model in models:
            consts = [_name(p) for p in model.required_properties or [] if isinstance(p, ConstProperty)]
            candidates = consts if candidates is None else [c for c in candidates if c in consts]
        for candidate in candidates or []:
            values = {
                _code(p.value.python_code) for m in models for p in m.required_properties or [] if _name(p) == candidate
            }
            if len(values) == len(models):
                return candidate
        return ""

    def tagged_unions(self, prop: Any) -> list[str]:
        """The type text of each union within `prop` (itself, or its items) whose objects are told apart by a
        tag: such a union also holds an UnknownVariant, for a member the spec does not list yet."""
        if isinstance(prop, ListProperty):
            return self.tagged_unions(prop.inner_property)
        if isinstance(prop, UnionProperty):
            models = [inner for inner in prop.inner_properties if isinstance(inner, ModelProperty)]
            if len(models) > 1 and self.tag_of(models):
                return [_code(prop.get_type_string())]
        return []

    def with_unknown(self, prop: Any, text: Any) -> str:
        """`text` (a declaration or a type) with UnknownVariant added to each tagged union in `prop`."""
        written = _code(text)
        for union in self.tagged_unions(prop):
            written = written.replace(union, f"{union} | UnknownVariant", 1)
        return written

    # Reading

    def read(self, prop: Any, name: str, checked: bool = False) -> str:
        """Code that reads the value in `name` as `prop` says; `checked`: its JSON type is tested already."""
        if self._depth == 0:
            self._lists = set()
        self._depth += 1
        try:
            return "\n".join(self._read(prop, name, checked)) or "pass"
        finally:
            self._depth -= 1

    def _read(self, prop: Any, name: str, checked: bool) -> list[str]:
        if isinstance(prop, StringProperty | BooleanProperty | NoneProperty | FloatProperty | AnyProperty):
            return self._check(json_kind(prop), name, checked)
        if isinstance(prop, IntProperty):
            return [] if checked else [f"if type({name}) is not int:", f"    {name} = read_int({name})"]
        if isinstance(prop, EnumProperty):
            return [f"{name} = {prop.class_info.name}.from_wire({name})"]
        if isinstance(prop, LiteralEnumProperty):
            return [f"{name} = check_{prop.get_class_name_snake_case()}({name})"]
        if isinstance(prop, ConstProperty):
            value = _code(prop.value.python_code)
            kind = type(prop.value.raw_value).__name__
            differs = f"{name} != {value}" + ("" if kind == "str" else f" or type({name}) is not {kind}")
            return [
                f"if {differs}:",
                f'    raise ValueError(f"must be {in_f_string_literal(value)}, got {{excerpt({name})}}")',
            ]
        if isinstance(prop, DateProperty):
            return [f"{name} = parse_date({name})"]
        if isinstance(prop, DateTimeProperty):
            return [f"{name} = parse_datetime({name})"]
        if isinstance(prop, UuidProperty):
            return [f"{name} = parse_uuid({name})"]
        if isinstance(prop, FileProperty):  # a caller's File as it is; bytes, or text as JSON carries it
            return [f"{name} = {name} if isinstance({name}, File) else File(payload=binary_payload({name}))"]
        if isinstance(prop, ModelProperty):
            return [f"{name} = {prop.class_info.name}.from_dict({name})"]
        if isinstance(prop, ListProperty):
            return self._read_list(prop, name, checked)
        if isinstance(prop, UnionProperty):
            return self._read_union(prop, name)
        if self.stock is None:
            raise TypeError(f"no reader for a {type(prop).__name__} ({_name(prop)})")
        return [*self.stock(prop, name).strip().splitlines(), f"{name} = {prop.python_name}"]

    @staticmethod
    def _check(kind: str, name: str, checked: bool) -> list[str]:
        """A value of a type that needs no conversion: its JSON type is tested, unless it was already."""
        if checked or kind == "any":
            return []
        return [f"if {FAILS[kind].replace('{}', name)}:", f'    raise expected("{NAMED[kind]}", {name})']

    def _read_list(self, prop: Any, name: str, checked: bool) -> list[str]:
        inner, lines = prop.inner_property, []
        item = str(inner.python_name)
        # The items read so far, named after what is read and its items: two properties of one array schema
        # (one item name) in a model, or two array branches of a union read into one name, may not annotate
        # one list twice (mypy: no-redef).
        read = f"{name}_{item}_read"
        # Array branches titled alike (OpenAI's three `array` branches of one oneOf) give one item name too.
        read = next(f"{read}{n or ''}" for n in range(len(self._lists) + 2) if f"{read}{n or ''}" not in self._lists)
        self._lists.add(read)
        if not checked:
            lines += [f"if not isinstance({name}, list):", f'    raise expected("an array", {name})']
        if json_kind(inner) != "any":
            lines += [
                f"{read}: list[Any] = []",
                "try:",
                f"    for {item} in {name}:",
                _indent(self.read(inner, item), 8),
                "",  # as the template that wrote this wrote it: generated code stays as it was
                f"        {read}.append({item})",
                f"except {CATCH} as {item}_error:",
                f"    raise item_error(len({read}), {item}_error) from {item}_error",
                f"{name} = {read}",
            ]
        return lines

    def _branches(self, prop: Any) -> Iterator[Any]:
        for inner in prop.inner_properties:
            if isinstance(inner, UnionProperty):
                yield from self._branches(inner)
            else:
                yield inner

    def _read_union(self, prop: Any, name: str) -> list[str]:
        inners = list(self._branches(prop))
        kinds = list(dict.fromkeys(k for k in map(json_kind, inners) if k != "any"))
        takes_any = any(json_kind(inner) == "any" for inner in inners)
        wanted = " or ".join(NAMED[kind] for kind in kinds)
        ordered = (["null"] if "null" in kinds else []) + [kind for kind in kinds if kind != "null"]
        # Kinds that convert get a branch each; those that only check their type share the final test.
        groups = [(kind, self._read_group(inners, kind, name, wanted)) for kind in ordered]
        converting = [(kind, lines) for kind, lines in groups if lines]
        checking = [kind for kind, lines in groups if not lines]
        lines = (
            [f"{name}_errors: list[Exception] = []"]
            if any(self._tried_in_turn(inners, kind) for kind in ordered)
            else []
        )
        for index, (kind, body) in enumerate(converting):
            lines += [
                f"{'if' if index == 0 else 'elif'} {TEST[kind].replace('{}', name)}:",
                _indent("\n".join(body), 4),
            ]
        if not takes_any:
            keyword = "elif" if converting else "if"
            if not checking:
                lines.append("else:")
            elif len(checking) == 1:
                lines.append(f"{keyword} {FAILS[checking[0]].replace('{}', name)}:")
            else:
                lines.append(f"{keyword} not ({' or '.join(TEST[kind].replace('{}', name) for kind in checking)}):")
            lines.append(f'    raise expected("{wanted}", {name})')
        return lines

    def _members(self, inners: list[Any], kind: str) -> list[Any]:
        members = [inner for inner in inners if json_kind(inner) == kind]
        return sorted(members, key=_rank)  # stable: the spec's order within a rank

    def _tried_in_turn(self, inners: list[Any], kind: str) -> bool:
        members = self._members(inners, kind)
        return len(members) > 1 and not (kind == "object" and self.tag_of(members))

    def _read_group(self, inners: list[Any], kind: str, name: str, wanted: str) -> list[str]:
        """The code for the union's branches of one JSON kind ([] where a type test is all it takes)."""
        members = self._members(inners, kind)
        tag = self.tag_of(members) if kind == "object" and len(members) > 1 else ""
        if len(members) == 1:
            return self._read(members[0], name, checked=True)
        if tag:
            return self._read_tagged(members, tag, name)
        return self._attempts(members, name, wanted)

    def _read_tagged(self, branches: list[Any], tag: str, name: str) -> list[str]:
        quoted = in_double_quote_literal(tag)
        lines = [f'{name}_tag = {name}.get("{quoted}")']
        for index, branch in enumerate(branches):
            model = self._finished(branch)
            value = next(_code(p.value.python_code) for p in model.required_properties or [] if _name(p) == tag)
            lines += [
                f"{'if' if index == 0 else 'elif'} {name}_tag == {value}:",
                f"    {name} = {model.class_info.name}.from_dict({name})",
            ]
        unlisted = "# a member the spec does not list yet"
        return [
            *lines,
            f"elif isinstance({name}_tag, str | int) and not reading_strictly():  {unlisted}",
            f'    {name} = UnknownVariant({name}, "{quoted}")',
            "else:",
            f'    raise unlisted_tag("{quoted}", {name}_tag, {len(branches)})',
        ]

    def _attempts(self, branches: list[Any], name: str, wanted: str) -> list[str]:
        """Each branch in turn, at one depth: the next is tried while every one before it failed (each failure
        adds one error). Twice: first as the spec says (types.branch_pass: a closed model refuses a key it
        does not declare, an enum a value it does not list), so that a value takes the branch it fits, not
        the first that would take it as a newer server may send; then so, where none fits as the spec says."""
        lines: list[str] = []
        for index, branch in enumerate(branches):
            attempt = [
                "try:",
                _indent(self.read(branch, name, checked=json_kind(branch) != "array"), 4),
                f"except {CATCH} as {name}_error:",
                f"    {name}_errors.append({name}_error)",
            ]
            lines += (
                attempt
                if index == 0
                else [f"if len({name}_errors) == {index}:", *(_indent(line, 4) for line in attempt)]
            )
        return [
            f"for {name}_first in (True, False):",
            f"    {name}_errors.clear()",
            f"    with branch_pass({name}_first):",
            *(_indent(line, 8) for line in lines),
            f"    if len({name}_errors) < {len(branches)}:",
            "        break",
            "else:",
            f'    raise no_branch("{wanted}", {name}, {name}_errors) from None',
        ]
