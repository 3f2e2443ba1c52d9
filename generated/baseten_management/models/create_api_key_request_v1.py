from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import InvalidField
from ..models.api_key_category import APIKeyCategory
from ..types import UNSET, Unset, as_list, model_repr

T = TypeVar("T", bound="CreateAPIKeyRequestV1")


@_attrs_define
class CreateAPIKeyRequestV1:
    """Request to create an API key.

    Attributes:
        type_ (APIKeyCategory): Enum representing the category of an API key.
        name (None | str | Unset): Optional name for the API key
        model_ids (list[str] | None | Unset): List of model IDs to scope the API key to, only present if type is
            'WORKSPACE_EXPORT_METRICS' or 'WORKSPACE_INVOKE'
    """

    type_: APIKeyCategory
    name: None | str | Unset = UNSET
    model_ids: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        model_ids: list[str] | None | Unset
        if isinstance(self.model_ids, Unset):
            model_ids = UNSET
        elif isinstance(self.model_ids, list):
            model_ids = self.model_ids

        else:
            model_ids = self.model_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if model_ids is not UNSET:
            field_dict["model_ids"] = model_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _field = ""  # the wire name of the property being read, for the error that names it (generated names never start with _)
        try:
            _field = "type"
            type_ = APIKeyCategory(d.pop("type"))

            _field = "name"

            def _parse_name(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            name = _parse_name(d.pop("name", UNSET))

            _field = "model_ids"

            def _parse_model_ids(data: object) -> list[str] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    model_ids_type_0 = cast(list[str], as_list(data))

                    return model_ids_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                raise TypeError(f"{data!r} is not list[str] | None")

            model_ids = _parse_model_ids(d.pop("model_ids", UNSET))

        except (KeyError, TypeError, ValueError, AttributeError) as _error:
            raise InvalidField.at(_field, _error) from _error
        create_api_key_request_v1 = cls(
            type_=type_,
            name=name,
            model_ids=model_ids,
        )

        create_api_key_request_v1.additional_properties = d
        return create_api_key_request_v1

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
