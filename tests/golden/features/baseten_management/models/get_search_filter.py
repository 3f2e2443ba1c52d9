from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, read_int, unknown_field
from ..models.get_search_filter_status import GetSearchFilterStatus
from ..types import UNSET, Unset, model_repr, reading_strictly


@_attrs_define
class GetSearchFilter:
    """The `GetSearchFilter` object.

    Attributes:
        status (GetSearchFilterStatus | Unset):
        min_replicas (int | Unset):
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    status: GetSearchFilterStatus | Unset = UNSET
    min_replicas: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        f_status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            f_status = GetSearchFilterStatus.to_wire(self.status, "status")

        f_min_replicas = self.min_replicas

        out: dict[str, Any] = {}
        out.update(self.additional_properties)
        if f_status is not UNSET:
            out["status"] = f_status
        if f_min_replicas is not UNSET:
            out["min_replicas"] = f_min_replicas
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "status"
            f_status = src_dict.get("status", UNSET)
            if f_status is not UNSET:
                f_status = GetSearchFilterStatus.from_wire(f_status)
            field = "min_replicas"
            f_min_replicas = src_dict.get("min_replicas", UNSET)
            if f_min_replicas is not UNSET:
                if type(f_min_replicas) is not int:
                    f_min_replicas = read_int(f_min_replicas)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "GetSearchFilter") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_status,
            f_min_replicas,
        )
        if len(src_dict) > 0 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "GetSearchFilter")
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


# The mapping a caller may give in place of GetSearchFilter (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class GetSearchFilterDict(TypedDict, total=False):
    status: NotRequired[Literal["ACTIVE", "INACTIVE"] | GetSearchFilterStatus]
    min_replicas: NotRequired[int]


GetSearchFilterDict.__doc__ = """The mapping a caller may give in place of `GetSearchFilter`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"status", "min_replicas"})
