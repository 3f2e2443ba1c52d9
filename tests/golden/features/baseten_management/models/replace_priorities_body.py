from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import excerpt, expected, field_error, item_error, unknown_field
from ..models.nullable_colour import NullableColour
from ..models.priority import Priority
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class ReplacePrioritiesBody:
    """The `ReplacePrioritiesBody` object.

    Attributes:
        priorities (list[Priority]):
        colour (None | NullableColour | Unset):
        version (Literal[1] | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    priorities: list[Priority]
    colour: None | NullableColour | Unset = UNSET
    version: Literal[1] | Unset = UNSET
    # Made on first use (the additional_properties property): most instances hold no undeclared key, and an
    # empty dict apiece is memory kept for nothing.
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, repr=False, eq=no_extra_is_empty
    )

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_priorities: list[Any] = []
        for priorities_item_data in self.priorities:
            priorities_item = Priority.to_wire(priorities_item_data, "priorities[]")
            f_priorities.append(priorities_item)

        f_colour: None | str | Unset
        if isinstance(self.colour, Unset):
            f_colour = UNSET
        elif isinstance(self.colour, NullableColour):
            f_colour = NullableColour.to_wire(self.colour, "colour")
        else:
            f_colour = self.colour

        f_version = self.version

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["priorities"] = f_priorities
        if f_colour is not UNSET:
            out["colour"] = f_colour
        if f_version is not UNSET:
            out["version"] = f_version
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "priorities"
            f_priorities = src_dict["priorities"]
            if not isinstance(f_priorities, list):
                raise expected("an array", f_priorities)
            f_priorities_priorities_item_read: list[Any] = []
            try:
                for priorities_item in f_priorities:
                    priorities_item = Priority.from_wire(priorities_item)

                    f_priorities_priorities_item_read.append(priorities_item)
            except (KeyError, TypeError, ValueError, AttributeError) as priorities_item_error:
                raise item_error(
                    len(f_priorities_priorities_item_read), priorities_item_error
                ) from priorities_item_error
            f_priorities = f_priorities_priorities_item_read
            field = "colour"
            f_colour = src_dict.get("colour", UNSET)
            if f_colour is not UNSET:
                if isinstance(f_colour, str):
                    f_colour = NullableColour.from_wire(f_colour)
                elif f_colour is not None:
                    raise expected("a string or null", f_colour)
            field = "version"
            f_version = src_dict.get("version", UNSET)
            if f_version is not UNSET:
                if f_version != 1 or type(f_version) is not int:
                    raise ValueError(f"must be 1, got {excerpt(f_version)}")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "ReplacePrioritiesBody") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_priorities,
            f_colour,
            f_version,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "ReplacePrioritiesBody")
            model._additional_properties = {key: value for key, value in src_dict.items() if key not in _DECLARED}
        return model

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the server sent that the spec does not declare; set one to send it."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional_properties = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional_properties or ())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in (self._additional_properties or ())


# The mapping a caller may give in place of ReplacePrioritiesBody (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class ReplacePrioritiesBodyDict(TypedDict, total=False):
    priorities: Required[list[Literal[1, 2, 3] | Priority]]
    colour: NotRequired[Literal["red", "green"] | NullableColour | None]
    version: NotRequired[Literal[1]]


ReplacePrioritiesBodyDict.__doc__ = """The mapping a caller may give in place of `ReplacePrioritiesBody`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"priorities", "colour", "version"})
