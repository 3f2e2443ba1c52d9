from enum import IntEnum
from typing import Any

from ..types import enums_are_strict


class Priority(IntEnum):
    """The values the spec lists; a value it does not list yet is accepted as a member of its own."""

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: Any) -> "Priority":
        """The member for a value read from JSON: a dictionary lookup, not the Enum machinery (a tenth of the
        cost); an unlisted value is a member of its own, as _missing_ makes it."""
        member = cls._value2member_map_.get(value) if type(value) is int else None
        return member if member is not None else cls(value)  # type: ignore[return-value]

    @classmethod
    def _missing_(cls, value: object) -> "Priority | None":
        if not isinstance(value, int) or isinstance(value, bool) or enums_are_strict():
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]
