"""The base of every generated enum: open to the values a newer server sends, strict for the caller's own.

A response carrying an enum value the spec does not list (yet) still parses: the value becomes a member of
its own, kept as it came, and to_dict() sends it back unchanged. While a caller's mapping is built into a
request body (types.strictly), only the listed values are accepted, so a misspelt one fails before
anything is sent. from_wire() reads a value from JSON with a dictionary lookup, a tenth of the cost of the
Enum machinery. Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

from enum import IntEnum, StrEnum
from typing import Any, Self

from ._read import excerpt
from .types import reading_strictly


class OpenStrEnum(StrEnum):
    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: Any) -> Self:
        """The member for a value read from JSON; ValueError, quoting it briefly, for one of another type."""
        member = cls._value2member_map_.get(value) if isinstance(value, str) else None
        if member is not None:
            return member  # type: ignore[return-value]
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"{excerpt(value)} is not a {cls.__name__} (a string)") from None

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str) or reading_strictly():
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]


class OpenIntEnum(IntEnum):
    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_wire(cls, value: Any) -> Self:
        """The member for a value read from JSON; ValueError, quoting it briefly, for one of another type."""
        member = cls._value2member_map_.get(value) if type(value) is int else None
        if member is not None:
            return member  # type: ignore[return-value]
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"{excerpt(value)} is not a {cls.__name__} (an integer)") from None

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, int) or isinstance(value, bool) or reading_strictly():
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]
