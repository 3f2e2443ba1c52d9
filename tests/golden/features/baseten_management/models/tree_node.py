from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, unknown_field
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class TreeNode:
    """Recursive.

    Attributes:
        label (str):
        children (list[TreeNode] | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    label: str
    children: list[TreeNode] | Unset = UNSET
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
        f_label = self.label

        f_children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            f_children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                f_children.append(children_item)

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["label"] = f_label
        if f_children is not UNSET:
            out["children"] = f_children
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "label"
            f_label = src_dict["label"]
            if not isinstance(f_label, str):
                raise expected("a string", f_label)
            field = "children"
            f_children = src_dict.get("children", UNSET)
            if f_children is not UNSET:
                if not isinstance(f_children, list):
                    raise expected("an array", f_children)
                f_children_children_item_read: list[Any] = []
                try:
                    for children_item in f_children:
                        children_item = TreeNode.from_dict(children_item)

                        f_children_children_item_read.append(children_item)
                except (KeyError, TypeError, ValueError, AttributeError) as children_item_error:
                    raise item_error(len(f_children_children_item_read), children_item_error) from children_item_error
                f_children = f_children_children_item_read
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "TreeNode") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_label,
            f_children,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "TreeNode")
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


# The mapping a caller may give in place of TreeNode (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class TreeNodeDict(TypedDict, total=False):
    label: Required[str]
    children: NotRequired[list[TreeNodeDict]]


TreeNodeDict.__doc__ = """The mapping a caller may give in place of `TreeNode`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"label", "children"})
