from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, parse_date, unknown_field
from .._wire import wire_date
from ..models.priority import Priority
from ..models.shape import Shape
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class WidgetInput:
    """The `WidgetInput` object.

    Attributes:
        name (str):
        kind (Shape):
        priority (Priority | Unset):
        due (datetime.date | Unset):
        camel_case (str | Unset):
        class_ (str | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    name: str
    kind: Shape
    priority: Priority | Unset = UNSET
    due: datetime.date | Unset = UNSET
    camel_case: str | Unset = UNSET
    class_: str | Unset = UNSET
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
        f_name = self.name

        f_kind = Shape.to_wire(self.kind, "kind")

        f_priority: int | Unset = UNSET
        if not isinstance(self.priority, Unset):
            f_priority = Priority.to_wire(self.priority, "priority")

        f_due: str | Unset = UNSET
        if not isinstance(self.due, Unset):
            f_due = wire_date(self.due, "due")

        f_camel_case = self.camel_case

        f_class_ = self.class_

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["name"] = f_name
        out["kind"] = f_kind
        if f_priority is not UNSET:
            out["priority"] = f_priority
        if f_due is not UNSET:
            out["due"] = f_due
        if f_camel_case is not UNSET:
            out["camelCase"] = f_camel_case
        if f_class_ is not UNSET:
            out["class"] = f_class_
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
            f_name = src_dict["name"]
            if not isinstance(f_name, str):
                raise expected("a string", f_name)
            field = "kind"
            f_kind = src_dict["kind"]
            f_kind = Shape.from_wire(f_kind)
            field = "priority"
            f_priority = src_dict.get("priority", UNSET)
            if f_priority is not UNSET:
                f_priority = Priority.from_wire(f_priority)
            field = "due"
            f_due = src_dict.get("due", UNSET)
            if f_due is not UNSET:
                f_due = parse_date(f_due)
            field = "camelCase"
            f_camel_case = src_dict.get("camelCase", UNSET)
            if f_camel_case is not UNSET:
                if not isinstance(f_camel_case, str):
                    raise expected("a string", f_camel_case)
            field = "class"
            f_class_ = src_dict.get("class", UNSET)
            if f_class_ is not UNSET:
                if not isinstance(f_class_, str):
                    raise expected("a string", f_class_)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "WidgetInput") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_name,
            f_kind,
            f_priority,
            f_due,
            f_camel_case,
            f_class_,
        )
        if len(src_dict) > 2 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "WidgetInput")
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


# The mapping a caller may give in place of WidgetInput (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
WidgetInputDict = TypedDict(
    "WidgetInputDict",
    {
        "name": Required["str"],
        "kind": Required["Literal['circle', 'square', 'hyphen-ated', 'Mixed Case'] | Shape"],
        "priority": NotRequired["Literal[1, 2, 3] | Priority"],
        "due": NotRequired["str"],
        "camelCase": NotRequired["str"],
        "class": NotRequired["str"],
    },
    total=False,
)
WidgetInputDict.__doc__ = """The mapping a caller may give in place of `WidgetInput`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"name", "kind", "priority", "due", "camelCase", "class"})
