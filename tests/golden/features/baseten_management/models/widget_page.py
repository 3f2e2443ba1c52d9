from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, unknown_field
from ..types import model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class WidgetPage:
    """The `WidgetPage` object.

    Attributes:
        items (list[Widget]):
        pagination (Pagination):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    items: list[Widget]
    pagination: Pagination
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
        f_items: list[Any] = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            f_items.append(items_item)

        f_pagination = self.pagination.to_dict()

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["items"] = f_items
        out["pagination"] = f_pagination
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "items"
            f_items = src_dict["items"]
            if not isinstance(f_items, list):
                raise expected("an array", f_items)
            f_items_items_item_read: list[Any] = []
            try:
                for items_item in f_items:
                    items_item = Widget.from_dict(items_item)

                    f_items_items_item_read.append(items_item)
            except (KeyError, TypeError, ValueError, AttributeError) as items_item_error:
                raise item_error(len(f_items_items_item_read), items_item_error) from items_item_error
            f_items = f_items_items_item_read
            field = "pagination"
            f_pagination = src_dict["pagination"]
            f_pagination = Pagination.from_dict(f_pagination)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "WidgetPage") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_items,
            f_pagination,
        )
        if len(src_dict) > 2 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "WidgetPage")
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


# The mapping a caller may give in place of WidgetPage (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class WidgetPageDict(TypedDict, total=False):
    items: Required[list[WidgetDict]]
    pagination: Required[PaginationDict]


WidgetPageDict.__doc__ = """The mapping a caller may give in place of `WidgetPage`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"items", "pagination"})

# At the end: a model that refers back to this one finds its class already defined.
from ..models.pagination import Pagination, PaginationDict
from ..models.widget import Widget, WidgetDict
