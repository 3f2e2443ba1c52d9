from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, read_int, unknown_field
from ..types import UNSET, Unset, model_repr, reading_strictly


@_attrs_define
class GetSearchPoint:
    """The `GetSearchPoint` object.

    Attributes:
        x (int | Unset):
        y (int | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    x: int | Unset = UNSET
    y: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_x = self.x

        f_y = self.y

        out: dict[str, Any] = {}
        out.update(self.additional_properties)
        if f_x is not UNSET:
            out["x"] = f_x
        if f_y is not UNSET:
            out["y"] = f_y
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "x"
            f_x = src_dict.get("x", UNSET)
            if f_x is not UNSET:
                if type(f_x) is not int:
                    f_x = read_int(f_x)
            field = "y"
            f_y = src_dict.get("y", UNSET)
            if f_y is not UNSET:
                if type(f_y) is not int:
                    f_y = read_int(f_y)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "GetSearchPoint") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_x,
            f_y,
        )
        if len(src_dict) > 0 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "GetSearchPoint")
            model.additional_properties = {key: value for key, value in src_dict.items() if key not in _DECLARED}
        return model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The mapping a caller may give in place of GetSearchPoint (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class GetSearchPointDict(TypedDict, total=False):
    x: NotRequired[int]
    y: NotRequired[int]


GetSearchPointDict.__doc__ = """The mapping a caller may give in place of `GetSearchPoint`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"x", "y"})
