from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._read import expected, read_int
from ..errors import InvalidField
from ..types import model_repr, no_extra_is_empty


@_attrs_define
class ReplacePrioritiesResponse200:
    """The `ReplacePrioritiesResponse200` object: the spec declares no fields (any it holds are in additional_properties)."""

    # Made on first use (the additional_properties property): most instances hold no undeclared key, and an
    # empty dict apiece is memory kept for nothing.
    _additional_properties: dict[str, int] | None = _attrs_field(
        init=False, default=None, repr=False, eq=no_extra_is_empty
    )

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON writes it: the fields that are set, by their names in the spec, and any in
        additional_properties."""
        out: dict[str, Any] = {}
        if self._additional_properties:
            out.update(self._additional_properties)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON (a mapping by the spec's names): errors.InvalidField, naming the field,
        for data that does not fit; undeclared keys go to additional_properties."""
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise expected("an object", src_dict)
        field = ""  # the wire name of the field being read, for the error that names it
        try:
            extra: dict[str, Any] = {}
            for field, value in src_dict.items():
                if type(value) is not int:
                    value = read_int(value)
                extra[field] = value
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise InvalidField.at(field, error) from error
        model = cls(  # in the order the fields are declared: positional arguments cost a third of keywords
        )
        model._additional_properties = extra or None
        return model

    @property
    def additional_properties(self) -> dict[str, int]:
        """Fields the server sent that the spec does not declare; set one to send it."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, int]) -> None:
        self._additional_properties = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional_properties or ())

    def __getitem__(self, key: str) -> int:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: int) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in (self._additional_properties or ())


# The mapping a caller may give in place of ReplacePrioritiesResponse200: a free-form object, any keys. An alias
# (Mapping[str, ...]), defined in the package's __init__ (templates/models_init.py.jinja), where the
# reference finds its docstring.
from ..models import ReplacePrioritiesResponse200Dict as ReplacePrioritiesResponse200Dict
