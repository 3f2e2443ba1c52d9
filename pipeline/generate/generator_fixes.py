"""What the pipeline changes in openapi-python-client 0.29.1's own behaviour, each with its reason; `apply()`
patches them in, in the generator's process (generator.py, a fork) and wherever the pipeline parses a
spec itself (plan.py), so both read the document alike. Each goes when the upstream fix lands
(CONTRIBUTING: bumping the generator).

- String values from the spec (a default, a const) are written by Python, `repr()`: the generator escapes
  quotes and backslashes and then calls `repr()`, so `say "hi"` became the value `say \\"hi\\"`.
- An enum's default is found among its values as the spec writes them: the generator holds each value
  escaped for a double-quoted literal and looked the default up unescaped, so a default holding a quote
  or a backslash was refused ("Value say "hi" is not valid for enum").
- A name from the document quoted in a message says the name: UntrustedString has no repr of its own
  ("Properties <...UntrustedString object at 0x7f29...>"). No template prints one, so the code is the same.
- An exception while the generator builds one schema or one operation (an enum whose values make the same
  member name twice: `ValueError: Duplicate key GMT0 in enum`) is that part's error, as the generator's own
  refusals are: the part is left out, named, and the rest is generated; it ended the whole run.
- Of a property two allOf parts declare as different models, the one that refines the other wins: Plaid's
  InvestmentAccount takes AccountBase's `balances: AccountBalance` and declares its own
  `balances: InvestmentAccountBalance`, an allOf of AccountBalance and more. The generator kept the first
  (its merge of two models keeps the first class whatever the second adds), so the added fields were
  read as undeclared. allOf means both; the refining model is exactly both.
- A File's JSON form is `str`: a File inside a JSON body is written as its UTF-8 text
  (templates/property_templates/file_property.py.jinja, openapi-python-client#771), so the variable
  to_dict() declares for it, a union's or a list's holding one too, is typed as the text it holds.
"""

from typing import Any

_applied = False


def apply() -> None:
    global _applied
    if _applied:
        return
    _applied = True
    _string_values_by_repr()
    _enum_defaults_as_written()
    _readable_names()
    _crashes_leave_out_their_part()
    _files_in_json_as_text()
    _refining_models_win()


def _untrusted(value: Any) -> str:
    """The text of a name from the document (an UntrustedString's str() quotes it: _readable_names)."""
    return str(value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value)


def _refining_models_win() -> None:
    from openapi_python_client.parser.properties import merge_properties as merging
    from openapi_python_client.parser.properties.model_property import ModelProperty

    merge = merging.merge_properties

    def refines(later: Any, earlier: Any) -> bool:
        """`later` is an allOf with `earlier` as a part: a $ref to it, or the same inline schema. A component's
        model has as roots its own reference and its class; an inline one, those of what holds it too."""
        roots = {_untrusted(root).lstrip("#") for root in earlier.roots} - {_untrusted(earlier.class_info.name)}
        for part in getattr(later.data, "allOf", None) or []:
            ref = getattr(part, "ref", None)
            if ref is not None and roots == {_untrusted(ref).lstrip("#")}:
                return True
            if ref is None and part == earlier.data:
                return True
        return False

    def merge_properties(prop1: Any, prop2: Any) -> Any:
        models = isinstance(prop1, ModelProperty) and isinstance(prop2, ModelProperty)
        if models and prop1.class_info != prop2.class_info and refines(prop2, prop1):
            return merging._merge_common_attributes(prop2, prop1, prop2)
        return merge(prop1, prop2)

    merging.merge_properties = merge_properties  # model_property.py imports it by name at each merge


def _files_in_json_as_text() -> None:
    from openapi_python_client.parser.properties.file import FileProperty

    FileProperty._json_type_string = "str"


def _string_values_by_repr() -> None:
    from openapi_python_client.parser.properties.protocol import Value
    from openapi_python_client.parser.properties.string import StringProperty
    from openapi_python_client.strings import PythonCode

    escaped = StringProperty.convert_value.__func__  # type: ignore[attr-defined]

    def convert_value(cls: type, value: Any) -> Any:
        converted = escaped(cls, value)
        if isinstance(converted, Value) and isinstance(converted.raw_value, str):
            return Value(python_code=PythonCode(repr(converted.raw_value)), raw_value=converted.raw_value)
        return converted

    StringProperty.convert_value = classmethod(convert_value)  # type: ignore[method-assign,assignment]


def _enum_defaults_as_written() -> None:
    from openapi_python_client.parser.properties import EnumProperty
    from openapi_python_client.parser.properties.protocol import Value
    from openapi_python_client.strings import in_double_quote_literal

    looked_up = EnumProperty.convert_value

    def convert_value(self: Any, value: Any) -> Any:
        if isinstance(value, str) and value not in self.values.values():
            found = looked_up(self, in_double_quote_literal(value))
            if isinstance(found, Value):
                return Value(python_code=found.python_code, raw_value=value)
        return looked_up(self, value)

    EnumProperty.convert_value = convert_value  # type: ignore[method-assign]


def _readable_names() -> None:
    from openapi_python_client.schema.untrusted_string import UntrustedString

    def quoted(self: UntrustedString) -> str:
        return repr(self.get_untrusted_value())

    UntrustedString.__repr__ = quoted  # type: ignore[method-assign,assignment]


def _crashes_leave_out_their_part() -> None:
    from openapi_python_client.parser import properties
    from openapi_python_client.parser.errors import ParseError, PropertyError
    from openapi_python_client.parser.openapi import Endpoint

    def failed(crash: Exception) -> str:
        return f"the generator failed on it: {type(crash).__name__}: {' '.join(str(crash).split())}"

    # Both are called by name from the properties package, so the names there are the ones to replace.
    create, process = getattr(properties, "update_schemas_with_data"), getattr(properties, "process_model")  # noqa: B009

    def update_schemas_with_data(**kwargs: Any) -> Any:
        try:
            return create(**kwargs)
        except Exception as crash:  # noqa: BLE001 - the part's error, as its own refusals are
            return PropertyError(
                header=f"Unable to parse schema {kwargs['ref_path'].get_untrusted_value()}", detail=failed(crash)
            )

    def process_model(model: Any, **kwargs: Any) -> Any:
        try:
            return process(model, **kwargs)
        except Exception as crash:  # noqa: BLE001
            return PropertyError(detail=failed(crash))

    from_data = Endpoint.from_data

    def endpoint_from_data(**kwargs: Any) -> Any:
        try:
            return from_data(**kwargs)
        except Exception as crash:  # noqa: BLE001
            return ParseError(detail=failed(crash)), kwargs["schemas"], kwargs["parameters"]

    setattr(properties, "update_schemas_with_data", update_schemas_with_data)  # noqa: B010
    setattr(properties, "process_model", process_model)  # noqa: B010
    Endpoint.from_data = staticmethod(endpoint_from_data)  # type: ignore[method-assign]
