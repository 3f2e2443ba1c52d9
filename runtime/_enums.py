"""The base of every generated enum: open to the values a newer server sends, strict for the caller's own.

A response carrying an enum value the spec does not list (yet) still parses: the value becomes a member of
its own, kept as it came, and to_dict() sends it back unchanged. While a caller's mapping is built into a
request body (types.strictly), only the listed values are accepted, so a misspelt one fails before
anything is sent. from_wire() reads a value from JSON with a dictionary lookup, a tenth of the cost of the
Enum machinery. to_wire() writes a field for the wire, taking a listed value given as a plain string (or
integer) as its member: a model built by hand with `type_="PERSONAL"` sends what the mapping
`{"type": "PERSONAL"}` sends, and an unlisted one is an errors.InvalidField naming the field, as it is
in a mapping. Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

from enum import Enum, IntEnum, StrEnum
from typing import Any, Self

from ._read import excerpt, json_type
from .errors import InvalidField
from .types import reading_strictly


def _listed(cls: type[Enum]) -> str:
    values = [repr(member.value) for member in cls]
    return ", ".join(values) if len(values) <= 12 else ", ".join(values[:12]) + f", ... ({len(values)} in all)"


class OpenStrEnum(StrEnum):
    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def to_wire(cls, value: Any, name: str) -> str:
        """The value to send for field `name`: a member's, or a string the enum lists (InvalidField otherwise)."""
        if isinstance(value, cls):
            return value._value_
        member = cls._value2member_map_.get(value) if isinstance(value, str) else None
        if member is None:
            what = excerpt(value) if isinstance(value, str) else json_type(value)
            raise InvalidField(name, f"{what} is not a value of {cls.__name__}: one of {_listed(cls)}")
        return member._value_  # type: ignore[no-any-return]

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
    def to_wire(cls, value: Any, name: str) -> int:
        """The value to send for field `name`: a member's, or an integer the enum lists (InvalidField otherwise)."""
        if isinstance(value, cls):
            return value._value_
        member = cls._value2member_map_.get(value) if type(value) is int else None
        if member is None:
            what = excerpt(value) if type(value) is int else json_type(value)
            raise InvalidField(name, f"{what} is not a value of {cls.__name__}: one of {_listed(cls)}")
        return member._value_  # type: ignore[no-any-return]

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
