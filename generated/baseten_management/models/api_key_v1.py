from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import InvalidField
from ..types import model_repr

T = TypeVar("T", bound="APIKeyV1")


@_attrs_define
class APIKeyV1:
    """Represents an API key.

    Attributes:
        api_key (str): The API key string
    """

    api_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _field = ""  # the wire name of the property being read, for the error that names it (generated names never start with _)
        try:
            _field = "api_key"
            api_key = d.pop("api_key")

        except (KeyError, TypeError, ValueError, AttributeError) as _error:
            raise InvalidField.at(_field, _error) from _error
        api_key_v1 = cls(
            api_key=api_key,
        )

        api_key_v1.additional_properties = d
        return api_key_v1

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
