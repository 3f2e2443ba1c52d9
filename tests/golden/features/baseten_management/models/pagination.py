from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, unknown_field
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class Pagination:
    """The `Pagination` object.

    Attributes:
        has_more (bool):
        cursor (None | str | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    has_more: bool
    cursor: None | str | Unset = UNSET
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
        f_has_more = self.has_more

        f_cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            f_cursor = UNSET
        else:
            f_cursor = self.cursor

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["has_more"] = f_has_more
        if f_cursor is not UNSET:
            out["cursor"] = f_cursor
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "has_more"
            f_has_more = src_dict["has_more"]
            if type(f_has_more) is not bool:
                raise expected("a boolean", f_has_more)
            field = "cursor"
            f_cursor = src_dict.get("cursor", UNSET)
            if f_cursor is not UNSET:
                if not (f_cursor is None or isinstance(f_cursor, str)):
                    raise expected("a string or null", f_cursor)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Pagination") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_has_more,
            f_cursor,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Pagination")
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


# The mapping a caller may give in place of Pagination (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class PaginationDict(TypedDict, total=False):
    has_more: Required[bool]
    cursor: NotRequired[str | None]


PaginationDict.__doc__ = """The mapping a caller may give in place of `Pagination`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"has_more", "cursor"})
