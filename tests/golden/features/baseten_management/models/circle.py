from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Required, Self, TypedDict

from attrs import define as _attrs_define

from .._read import expected, field_error, unknown_field
from ..types import model_repr, reading_strictly


@_attrs_define
class Circle:
    """The `Circle` object.

    Attributes:
        radius (float):
    """

    radius: float

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_radius = self.radius

        out: dict[str, Any] = {}
        out["radius"] = f_radius
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "radius"
            f_radius = src_dict["radius"]
            if type(f_radius) is not float and type(f_radius) is not int:
                raise expected("a number", f_radius)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Circle") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_radius,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Circle")
        return model


# The mapping a caller may give in place of Circle (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class CircleDict(TypedDict, total=False):
    radius: Required[float]


CircleDict.__doc__ = (
    """The mapping a caller may give in place of `Circle`: its fields by their names in the spec, in their JSON form."""
)

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"radius"})
