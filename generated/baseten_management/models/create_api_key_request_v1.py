from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, field_error, item_error, unknown_field
from ..models.api_key_category import APIKeyCategory
from ..types import UNSET, Unset, model_repr, no_extra_is_empty, reading_strictly


@_attrs_define
class CreateAPIKeyRequestV1:
    """Request to create an API key.

    Attributes:
        type_ (APIKeyCategory): Enum representing the category of an API key.
        name (None | str | Unset): Optional name for the API key
        model_ids (list[str] | None | Unset): List of model IDs to scope the API key to, only present if type is
            'WORKSPACE_EXPORT_METRICS' or 'WORKSPACE_INVOKE'
        additional_properties (dict[str, Any]): Fields the server sent that the spec does not declare (and
            any you set, to send one).
    """

    type_: APIKeyCategory
    name: None | str | Unset = UNSET
    model_ids: list[str] | None | Unset = UNSET
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
        f_type_ = APIKeyCategory.to_wire(self.type_, "type_")

        f_name: None | str | Unset
        if isinstance(self.name, Unset):
            f_name = UNSET
        else:
            f_name = self.name

        f_model_ids: list[str] | None | Unset
        if isinstance(self.model_ids, Unset):
            f_model_ids = UNSET
        elif isinstance(self.model_ids, list):
            f_model_ids = self.model_ids

        else:
            f_model_ids = self.model_ids

        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        out["type"] = f_type_
        if f_name is not UNSET:
            out["name"] = f_name
        if f_model_ids is not UNSET:
            out["model_ids"] = f_model_ids
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            field = "type"
            f_type_ = src_dict["type"]
            f_type_ = APIKeyCategory.from_wire(f_type_)
            field = "name"
            f_name = src_dict.get("name", UNSET)
            if f_name is not UNSET:
                if not (f_name is None or isinstance(f_name, str)):
                    raise expected("a string or null", f_name)
            field = "model_ids"
            f_model_ids = src_dict.get("model_ids", UNSET)
            if f_model_ids is not UNSET:
                if isinstance(f_model_ids, list):
                    f_model_ids_model_ids_type_0_item_read: list[Any] = []
                    try:
                        for model_ids_type_0_item in f_model_ids:
                            if not isinstance(model_ids_type_0_item, str):
                                raise expected("a string", model_ids_type_0_item)

                            f_model_ids_model_ids_type_0_item_read.append(model_ids_type_0_item)
                    except (KeyError, TypeError, ValueError, AttributeError) as model_ids_type_0_item_error:
                        raise item_error(
                            len(f_model_ids_model_ids_type_0_item_read), model_ids_type_0_item_error
                        ) from model_ids_type_0_item_error
                    f_model_ids = f_model_ids_model_ids_type_0_item_read
                elif f_model_ids is not None:
                    raise expected("an array or null", f_model_ids)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(field, error, src_dict, _DECLARED, "CreateAPIKeyRequestV1") from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
            f_type_,
            f_name,
            f_model_ids,
        )
        if len(src_dict) > 1 and not _DECLARED.issuperset(src_dict):
            if reading_strictly():  # the caller's own mapping: a key the model does not declare is a mistake
                raise unknown_field(src_dict, _DECLARED, "CreateAPIKeyRequestV1")
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


# The mapping a caller may give in place of CreateAPIKeyRequestV1 (body={...}): its keys as the spec names them,
# so that mypy rejects a misspelt one. Values are in their JSON form, as from_dict() reads them.
class CreateAPIKeyRequestV1Dict(TypedDict, total=False):
    type: Required[
        Literal["PERSONAL", "WORKSPACE_MANAGE_ALL", "WORKSPACE_EXPORT_METRICS", "WORKSPACE_INVOKE"] | APIKeyCategory
    ]
    name: NotRequired[str | None]
    model_ids: NotRequired[list[str] | None]


CreateAPIKeyRequestV1Dict.__doc__ = """The mapping a caller may give in place of `CreateAPIKeyRequestV1`: its fields by their names in the spec, in their JSON form."""

# The fields the spec declares: any other key the server sends goes to additional_properties.
_DECLARED = frozenset({"type", "name", "model_ids"})
