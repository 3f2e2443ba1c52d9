from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Required, Self, TypedDict

from attrs import define as _attrs_define

from .._read import expected, field_error, unknown_field
from ..types import model_repr, reading_strictly


@_attrs_define
class Rectangle:
    """The `Rectangle` object.

    Attributes:
        width (float):
        height (float):
    """

    width: float
    height: float

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_width = self.width

        f_height = self.height

        out: dict[str, Any] = {}
        out["width"] = f_width
        out["height"] = f_height
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "width"
            f_width = src_dict["width"]
            if type(f_width) is not float and type(f_width) is not int:
                raise expected("a number", f_width)
            field = "height"
            f_height = src_dict["height"]
            if type(f_height) is not float and type(f_height) is not int:
                raise expected("a number", f_height)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Rectangle") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_width,
            f_height,
        )
        if len(src_dict) > 2 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Rectangle")
        return model


# The mapping a caller may give in place of Rectangle (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class RectangleDict(TypedDict, total=False):
    width: Required[float]
    height: Required[float]


RectangleDict.__doc__ = """The mapping a caller may give in place of `Rectangle`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"width", "height"})
