"""Reading JSON values into what the spec says they are, strictly: a value of the wrong type is an error
that says what was expected and what came, never a value passed on as if valid.

Hand-written (runtime/ in the generator's repository), the same for every spec; the models'
from_dict() and the endpoints' response parsers (the code pipeline/generate/readers.py writes) call these only where an
inline check would not do, so that parsing stays close to json.loads in cost.
"""

import datetime
import difflib
import uuid
from collections.abc import Mapping
from contextvars import ContextVar
from io import BytesIO
from typing import Any, BinaryIO

from ._secrets import scrub
from .errors import InvalidField

EXCERPT_CHARS = 40  # of a value quoted in a message: enough to recognise it, never a whole body


def json_type(value: object) -> str:
    """What a value read from JSON is, in JSON's words: "an integer", "null", "an object"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_HIDDEN: ContextVar[str] = ContextVar("hidden", default="")


class hiding:  # noqa: N801 - used as a statement, `with hiding(secret):`
    """While a response is read: a value quoted in an error never shows `secret` (the API key), even cut."""

    __slots__ = ("secret", "token")

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def __enter__(self) -> None:
        self.token = _HIDDEN.set(self.secret)

    def __exit__(self, *exc: object) -> None:
        _HIDDEN.reset(self.token)


def excerpt(value: object) -> str:
    """A value as a message may quote it: its repr, any secret being hidden taken out first, cut short."""
    text = scrub(repr(value), _HIDDEN.get())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 3] + "..."


def expected(what: str, value: object) -> TypeError:
    """The error for a value of the wrong type: `expected a string, got an integer`."""
    return TypeError(f"expected {what}, got {json_type(value)}")


def binary_payload(value: object) -> BinaryIO:
    """A binary field's bytes, for its File: bytes as they are, text (how JSON carries a binary string) as
    its UTF-8; anything else is not binary data."""
    if isinstance(value, bytes | bytearray):
        return BytesIO(bytes(value))
    if isinstance(value, str):
        return BytesIO(value.encode())
    raise expected("binary data", value)


def read_int(value: object) -> int:
    """An integer; a number with no fraction (5.0) counts as one, as JSON Schema has it."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise expected("an integer", value)


def parse_datetime(value: object) -> datetime.datetime:
    """An RFC 3339 date-time. datetime.fromisoformat alone would also take a bare date, as midnight."""
    if not isinstance(value, str):
        raise expected("a date-time string", value)
    if len(value) < 11 or value[10] not in "Tt ":
        raise ValueError(f"{excerpt(value)} is not a date-time")
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{excerpt(value)} is not a date-time") from None


def parse_date(value: object) -> datetime.date:
    if not isinstance(value, str):
        raise expected("a date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{excerpt(value)} is not a date") from None


def parse_uuid(value: object) -> uuid.UUID:
    if not isinstance(value, str):
        raise expected("a UUID string", value)
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"{excerpt(value)} is not a UUID") from None


def unlisted_tag(name: str, value: object, known: int) -> InvalidField:
    """A tagged union's object without a usable tag: missing, of the wrong type, or (while a caller's
    mapping is built into a request body) a value none of its members has."""
    if value is None:
        return InvalidField(name, f"required field missing: it says which of the {known} members the object is")
    return InvalidField(name, f"{excerpt(value)} is none of the {known} values the spec lists")


def unknown_field(given: Mapping[str, Any], declared: frozenset[str], model: str) -> InvalidField:
    """The first key of a caller's mapping that the model does not declare, with the closest one it does."""
    key = next(key for key in given if key not in declared)
    near = difflib.get_close_matches(str(key), sorted(declared), n=1)
    hint = f"; did you mean {near[0]!r}?" if near else f"; it has {', '.join(sorted(declared))}"
    return InvalidField(str(key), f"not a field of {model}{hint} (set additional_properties to send an undeclared one)")


def field_error(
    field: str, error: Exception, given: Mapping[str, Any], declared: frozenset[str], model: str
) -> InvalidField:
    """The error found while reading `field` of a model (InvalidField.at), except that a required field
    missing from a caller's own mapping, beside a key the model does not declare that is close to it, is
    that key's misspelling: named, with the field it should be."""
    if isinstance(error, KeyError) and error.args == (field,) and len(given) and not declared.issuperset(given):
        from .types import reading_strictly  # here: types imports this module

        unknown = [str(key) for key in given if key not in declared]
        if reading_strictly() and difflib.get_close_matches(field, unknown, n=1):
            near = difflib.get_close_matches(field, unknown, n=1)[0]
            return InvalidField(
                near, f"not a field of {model}; did you mean {field!r}? (a required field, which is missing)"
            )
    return InvalidField.at(field, error)


def closest(errors: list[Exception]) -> Exception:
    """Of the errors each branch of a union raised, the one from the branch that fits best: the one
    that read furthest before failing (the longest path), the first of those."""
    return max(errors, key=lambda error: error.path.count(".") + 1 if isinstance(error, InvalidField) else 0)


def no_branch(what: str, value: object, errors: list[Exception]) -> Exception:
    """A value that fits no branch of a union: the closest branch's error, or what was expected."""
    return closest(errors) if errors else expected(what, value)


def item_error(index: int, error: Exception) -> InvalidField:
    """An error inside an array, located at its item: `[3].status`."""
    return InvalidField.at(f"[{index}]", error)


__all__ = [
    "binary_payload",
    "closest",
    "excerpt",
    "expected",
    "field_error",
    "hiding",
    "item_error",
    "json_type",
    "no_branch",
    "parse_date",
    "parse_datetime",
    "parse_uuid",
    "read_int",
    "unknown_field",
    "unlisted_tag",
]
