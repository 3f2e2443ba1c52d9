from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Self, TypedDict
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, parse_date, parse_datetime, parse_uuid, read_int, unknown_field
from .._wire import wire_date, wire_datetime
from ..models.nullable_colour import NullableColour
from ..models.priority import Priority
from ..models.shape import Shape
from ..models.widget_mode import WidgetMode
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class Widget:
    """Every scalar type, format and naming style.

    Attributes:
        id (UUID):
        name (str):
        kind (Shape):
        created_at (datetime.datetime):
        priority (Priority | Unset):
        colour (None | NullableColour | Unset):
        due (datetime.date | None | Unset):
        weight (float | Unset):
        count (int | Unset):  Default: 3.
        active (bool | Unset):  Default: True.
        mode (WidgetMode | Unset):  Default: WidgetMode.SLOW.
        camel_case (str | Unset):
        hyphen_name (int | Unset):
        class_ (str | Unset):
        type_ (str | Unset):
        grid (list[list[int]] | Unset):
        labels (WidgetLabels | Unset):
        scores (WidgetScores | Unset):
        tags (list[str] | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    id: UUID
    name: str
    kind: Shape
    created_at: datetime.datetime
    priority: Priority | Unset = UNSET
    colour: None | NullableColour | Unset = UNSET
    due: datetime.date | None | Unset = UNSET
    weight: float | Unset = UNSET
    count: int | Unset = 3
    active: bool | Unset = True
    mode: WidgetMode | Unset = WidgetMode.SLOW
    camel_case: str | Unset = UNSET
    hyphen_name: int | Unset = UNSET
    class_: str | Unset = UNSET
    type_: str | Unset = UNSET
    grid: list[list[int]] | Unset = UNSET
    labels: WidgetLabels | Unset = UNSET
    scores: WidgetScores | Unset = UNSET
    tags: list[str] | Unset = UNSET
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
        f_id = str(self.id)

        f_name = self.name

        f_kind = Shape.to_wire(self.kind, "kind")

        f_created_at = wire_datetime(self.created_at, "created_at")

        f_priority: int | Unset = UNSET
        if not isinstance(self.priority, Unset):
            f_priority = Priority.to_wire(self.priority, "priority")

        f_colour: None | str | Unset
        if isinstance(self.colour, Unset):
            f_colour = UNSET
        elif isinstance(self.colour, NullableColour):
            f_colour = NullableColour.to_wire(self.colour, "colour")
        else:
            f_colour = self.colour

        f_due: None | str | Unset
        if isinstance(self.due, Unset):
            f_due = UNSET
        elif isinstance(self.due, datetime.date):
            f_due = wire_date(self.due, "due")
        else:
            f_due = self.due

        f_weight = self.weight

        f_count = self.count

        f_active = self.active

        f_mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            f_mode = WidgetMode.to_wire(self.mode, "mode")

        f_camel_case = self.camel_case

        f_hyphen_name = self.hyphen_name

        f_class_ = self.class_

        f_type_ = self.type_

        f_grid: list[list[int]] | Unset = UNSET
        if not isinstance(self.grid, Unset):
            f_grid = []
            for grid_item_data in self.grid:
                grid_item = grid_item_data

                f_grid.append(grid_item)

        f_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            f_labels = self.labels.to_dict()

        f_scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            f_scores = self.scores.to_dict()

        f_tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            f_tags = self.tags

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["id"] = f_id
        out["name"] = f_name
        out["kind"] = f_kind
        out["created_at"] = f_created_at
        if f_priority is not UNSET:
            out["priority"] = f_priority
        if f_colour is not UNSET:
            out["colour"] = f_colour
        if f_due is not UNSET:
            out["due"] = f_due
        if f_weight is not UNSET:
            out["weight"] = f_weight
        if f_count is not UNSET:
            out["count"] = f_count
        if f_active is not UNSET:
            out["active"] = f_active
        if f_mode is not UNSET:
            out["mode"] = f_mode
        if f_camel_case is not UNSET:
            out["camelCase"] = f_camel_case
        if f_hyphen_name is not UNSET:
            out["hyphen-name"] = f_hyphen_name
        if f_class_ is not UNSET:
            out["class"] = f_class_
        if f_type_ is not UNSET:
            out["type"] = f_type_
        if f_grid is not UNSET:
            out["grid"] = f_grid
        if f_labels is not UNSET:
            out["labels"] = f_labels
        if f_scores is not UNSET:
            out["scores"] = f_scores
        if f_tags is not UNSET:
            out["tags"] = f_tags
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "id"
            f_id = src_dict["id"]
            f_id = parse_uuid(f_id)
            field = "name"
            f_name = src_dict["name"]
            if not isinstance(f_name, str):
                raise expected("a string", f_name)
            field = "kind"
            f_kind = src_dict["kind"]
            f_kind = Shape.from_wire(f_kind)
            field = "created_at"
            f_created_at = src_dict["created_at"]
            f_created_at = parse_datetime(f_created_at)
            field = "priority"
            f_priority = src_dict.get("priority", UNSET)
            if f_priority is not UNSET:
                f_priority = Priority.from_wire(f_priority)
            field = "colour"
            f_colour = src_dict.get("colour", UNSET)
            if f_colour is not UNSET:
                if isinstance(f_colour, str):
                    f_colour = NullableColour.from_wire(f_colour)
                elif f_colour is not None:
                    raise expected("a string or null", f_colour)
            field = "due"
            f_due = src_dict.get("due", UNSET)
            if f_due is not UNSET:
                if isinstance(f_due, str):
                    f_due = parse_date(f_due)
                elif f_due is not None:
                    raise expected("a string or null", f_due)
            field = "weight"
            f_weight = src_dict.get("weight", UNSET)
            if f_weight is not UNSET:
                if type(f_weight) is not float and type(f_weight) is not int:
                    raise expected("a number", f_weight)
            field = "count"
            f_count = src_dict.get("count", UNSET)
            if f_count is not UNSET:
                if type(f_count) is not int:
                    f_count = read_int(f_count)
            field = "active"
            f_active = src_dict.get("active", UNSET)
            if f_active is not UNSET:
                if type(f_active) is not bool:
                    raise expected("a boolean", f_active)
            field = "mode"
            f_mode = src_dict.get("mode", UNSET)
            if f_mode is not UNSET:
                f_mode = WidgetMode.from_wire(f_mode)
            field = "camelCase"
            f_camel_case = src_dict.get("camelCase", UNSET)
            if f_camel_case is not UNSET:
                if not isinstance(f_camel_case, str):
                    raise expected("a string", f_camel_case)
            field = "hyphen-name"
            f_hyphen_name = src_dict.get("hyphen-name", UNSET)
            if f_hyphen_name is not UNSET:
                if type(f_hyphen_name) is not int:
                    f_hyphen_name = read_int(f_hyphen_name)
            field = "class"
            f_class_ = src_dict.get("class", UNSET)
            if f_class_ is not UNSET:
                if not isinstance(f_class_, str):
                    raise expected("a string", f_class_)
            field = "type"
            f_type_ = src_dict.get("type", UNSET)
            if f_type_ is not UNSET:
                if not isinstance(f_type_, str):
                    raise expected("a string", f_type_)
            field = "grid"
            f_grid = src_dict.get("grid", UNSET)
            if f_grid is not UNSET:
                if not isinstance(f_grid, list):
                    raise expected("an array", f_grid)
                f_grid_grid_item_read: list[Any] = []
                try:
                    for grid_item in f_grid:
                        if not isinstance(grid_item, list):
                            raise expected("an array", grid_item)
                        grid_item_grid_item_item_read: list[Any] = []
                        try:
                            for grid_item_item in grid_item:
                                if type(grid_item_item) is not int:
                                    grid_item_item = read_int(grid_item_item)

                                grid_item_grid_item_item_read.append(grid_item_item)
                        except (KeyError, TypeError, ValueError, AttributeError) as grid_item_item_error:
                            raise item_error(
                                len(grid_item_grid_item_item_read), grid_item_item_error
                            ) from grid_item_item_error
                        grid_item = grid_item_grid_item_item_read

                        f_grid_grid_item_read.append(grid_item)
                except (KeyError, TypeError, ValueError, AttributeError) as grid_item_error:
                    raise item_error(len(f_grid_grid_item_read), grid_item_error) from grid_item_error
                f_grid = f_grid_grid_item_read
            field = "labels"
            f_labels = src_dict.get("labels", UNSET)
            if f_labels is not UNSET:
                f_labels = WidgetLabels.from_dict(f_labels)
            field = "scores"
            f_scores = src_dict.get("scores", UNSET)
            if f_scores is not UNSET:
                f_scores = WidgetScores.from_dict(f_scores)
            field = "tags"
            f_tags = src_dict.get("tags", UNSET)
            if f_tags is not UNSET:
                if not isinstance(f_tags, list):
                    raise expected("an array", f_tags)
                f_tags_tags_item_read: list[Any] = []
                try:
                    for tags_item in f_tags:
                        if not isinstance(tags_item, str):
                            raise expected("a string", tags_item)

                        f_tags_tags_item_read.append(tags_item)
                except (KeyError, TypeError, ValueError, AttributeError) as tags_item_error:
                    raise item_error(len(f_tags_tags_item_read), tags_item_error) from tags_item_error
                f_tags = f_tags_tags_item_read
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "Widget") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_id,
            f_name,
            f_kind,
            f_created_at,
            f_priority,
            f_colour,
            f_due,
            f_weight,
            f_count,
            f_active,
            f_mode,
            f_camel_case,
            f_hyphen_name,
            f_class_,
            f_type_,
            f_grid,
            f_labels,
            f_scores,
            f_tags,
        )
        if len(src_dict) > 4 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "Widget")
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


# The mapping a caller may give in place of Widget (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
WidgetDict = TypedDict(
    "WidgetDict",
    {
        "id": Required["str"],
        "name": Required["str"],
        "kind": Required["Literal['circle', 'square', 'hyphen-ated', 'Mixed Case'] | Shape"],
        "created_at": Required["str"],
        "priority": NotRequired["Literal[1, 2, 3] | Priority"],
        "colour": NotRequired["Literal['red', 'green'] | NullableColour | None"],
        "due": NotRequired["str | None"],
        "weight": NotRequired["float"],
        "count": NotRequired["int"],
        "active": NotRequired["bool"],
        "mode": NotRequired["Literal['fast', 'slow'] | WidgetMode"],
        "camelCase": NotRequired["str"],
        "hyphen-name": NotRequired["int"],
        "class": NotRequired["str"],
        "type": NotRequired["str"],
        "grid": NotRequired["list[list[int]]"],
        "labels": NotRequired["WidgetLabelsDict"],
        "scores": NotRequired["WidgetScoresDict"],
        "tags": NotRequired["list[str]"],
    },
    total=False,
)
WidgetDict.__doc__ = (
    """The mapping a caller may give in place of `Widget`: its fields by their names in the spec, in their JSON form."""
)

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset(
    {
        "id",
        "name",
        "kind",
        "created_at",
        "priority",
        "colour",
        "due",
        "weight",
        "count",
        "active",
        "mode",
        "camelCase",
        "hyphen-name",
        "class",
        "type",
        "grid",
        "labels",
        "scores",
        "tags",
    }
)

# At the end: a model that refers back to this one finds its class already defined.
from ..models.widget_labels import WidgetLabels, WidgetLabelsDict
from ..models.widget_scores import WidgetScores, WidgetScoresDict
