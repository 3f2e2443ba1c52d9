from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Self, TypedDict

from attrs import define as _attrs_define

from .._read import expected, field_error, unknown_field
from ..models.nullable_colour import NullableColour
from ..types import UNSET, Unset, model_repr, reading_strictly


@_attrs_define
class WidgetPatch:
    """Closed to undeclared fields.

    Attributes:
        name (str | Unset):
        colour (None | NullableColour | Unset):
    """

    name: str | Unset = UNSET
    colour: None | NullableColour | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_name = self.name

        f_colour: None | str | Unset
        if isinstance(self.colour, Unset):
            f_colour = UNSET
        elif isinstance(self.colour, NullableColour):
            f_colour = NullableColour.to_wire(self.colour, "colour")
        else:
            f_colour = self.colour

        out: dict[str, Any] = {}
        if f_name is not UNSET:
            out["name"] = f_name
        if f_colour is not UNSET:
            out["colour"] = f_colour
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "name"
            f_name = src_dict.get("name", UNSET)
            if f_name is not UNSET:
                if not isinstance(f_name, str):
                    raise expected("a string", f_name)
            field = "colour"
            f_colour = src_dict.get("colour", UNSET)
            if f_colour is not UNSET:
                if isinstance(f_colour, str):
                    f_colour = NullableColour.from_wire(f_colour)
                elif f_colour is not None:
                    raise expected("a string or null", f_colour)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "WidgetPatch") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_name,
            f_colour,
        )
        if len(src_dict) > 0 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "WidgetPatch")
        return model


# The mapping a caller may give in place of WidgetPatch (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class WidgetPatchDict(TypedDict, total=False):
    name: NotRequired[str]
    colour: NotRequired[Literal["red", "green"] | NullableColour | None]


WidgetPatchDict.__doc__ = """The mapping a caller may give in place of `WidgetPatch`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"name", "colour"})
