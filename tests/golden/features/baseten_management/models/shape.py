from enum import StrEnum
from typing import Any

from ..types import enums_are_strict


class Shape(StrEnum):
    """The values the spec lists; a value it does not list yet is accepted as a member of its own."""

    CIRCLE = "circle"
    HYPHEN_ATED = "hyphen-ated"
    MIXED_CASE = "Mixed Case"
    SQUARE = "square"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: Any) -> "Shape":
        """The member for a value read from JSON: a dictionary lookup, not the Enum machinery (a tenth of the
        cost); an unlisted value is a member of its own, as _missing_ makes it."""
        member = cls._value2member_map_.get(value) if isinstance(value, str) else None
        return member if member is not None else cls(value)  # type: ignore[return-value]

    @classmethod
    def _missing_(cls, value: object) -> "Shape | None":
        if not isinstance(value, str) or enums_are_strict():
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]
