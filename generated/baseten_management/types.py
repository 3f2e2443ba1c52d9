"""The types the models and endpoints share: UNSET, File, Response, and the helpers they read and build with.

Hand-written (runtime/ in the generator's repository), the same for every spec; it replaces the
generator's types.py, keeping all of its names, with these additions:

- repr(UNSET) is "UNSET", so a signature or a model prints a word, not an address.
- model_repr(): a model's repr shows the fields that are set, secrets as [REDACTED] (the fields the spec
  or the name rule marks, keys the spec does not declare whose name says secret, and the key of any
  client in use: runtime/_secrets.py); a File's names its payload's type.
- model_body(): a request body given as a mapping is built through its model, strictly (reading_strictly):
  a misspelt key or enum value or a missing field fails before anything is sent, naming the field, and
  the fields it leaves out get their defaults, as the model's class gives them.
- Response.status_code is an int (an HTTPStatus where the code is a standard one): HTTPStatus(520)
  would raise ValueError on a status no standard lists.
"""

from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, Protocol, Self, TypeVar

from attrs import NOTHING, define, fields, has

from ._read import json_type
from ._secrets import scrub, scrub_value
from .errors import REQUEST_ID_HEADERS, InvalidField, redacted


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()
"""A field or argument left out: not sent, and not in to_dict(). Distinct from None, which is sent as null."""

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type

    def __repr__(self) -> str:
        return (
            f"File(payload=<{type(self.payload).__name__}>, file_name={self.file_name!r}, mime_type={self.mime_type!r})"
        )


T = TypeVar("T", covariant=True)  # a Response of a success is a Response of any of the documented types


@define
class Response(Generic[T]):
    """A response from an endpoint: its status, headers and raw body, and the body parsed as the spec
    documents it for that status (None where it documents none). `parsed` is exactly T: an operation's
    `*_detailed` functions return `Response[<success> | <documented errors> | None]`, and `.detailed(...)`
    on a client that raises on anything else (the default) `Response[<success>]`."""

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T

    @property
    def request_id(self) -> str | None:
        """The id the server gave the request (x-request-id and the like), for support to look it up; as
        errors.ResponseError.request_id has it: a key echoed into it is redacted, a long one cut."""
        found = next((self.headers[name] for name in REQUEST_ID_HEADERS if name in self.headers), None)
        return None if found is None else redacted(found, "", 100)

    def __repr__(self) -> str:
        # Not the raw body: it may hold a secret (a newly created key) that `parsed` keeps out of its repr.
        return scrub(
            f"Response(status_code={self.status_code}, content=<{len(self.content)} bytes>, parsed={self.parsed!r})"
        )


class UnknownVariant(dict[str, Any]):
    """A member of a union that the spec does not list yet, as the server sent it: the object itself (a dict,
    so it is sent back unchanged), and `tag`, the value of the field that tells the members apart (an
    audit-log entry's `event_type`, say). A newer server may send one; handle it beside the members you know:
    `if isinstance(entry.event_data, UnknownVariant): ...`."""

    def __init__(self, data: Mapping[str, Any], tag_field: str) -> None:
        super().__init__(data)
        self.tag_field = tag_field

    @property
    def tag(self) -> Any:
        return self.get(self.tag_field)

    def to_dict(self) -> dict[str, Any]:
        return dict(self)

    def __repr__(self) -> str:  # the tag, not the data: it may hold what a repr must not show
        return f"UnknownVariant({self.tag_field}={self.tag!r}, {len(self)} fields)"


def status(code: int) -> int:
    """The HTTPStatus for a standard code, else the code itself."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


def model_repr(model: Any, hidden: tuple[str, ...] = ()) -> str:
    """`Model(field=value, ...)` with the fields that are set, and any undeclared ones the server sent; a
    field that carries a secret (`hidden`) shows [REDACTED] in place of its value, as does a value, in
    additional_properties or a free-form object, under a key whose name says secret; no client's key shows."""
    shown = [
        f"{field.name}={'[REDACTED]' if field.name in hidden else repr(scrub_value(getattr(model, field.name)))}"
        for field in fields(type(model))
        if field.repr and not isinstance(getattr(model, field.name), Unset)
    ]
    extra = getattr(model, "additional_properties", None)
    if extra:
        shown.append(f"additional_properties={scrub_value(extra)!r}")
    return scrub(f"{type(model).__name__}({', '.join(shown)})")


def no_extra_is_empty(extra: dict[str, Any] | None) -> dict[str, Any]:
    """How models compare their undeclared fields: none yet (the dict is made on first use) is none at all."""
    return extra or {}


_STRICTLY: ContextVar[bool] = ContextVar("strictly", default=False)


def reading_strictly() -> bool:
    """True while a caller's mapping is built into a model: an enum then accepts only the values it lists, a
    union only the members it lists, and an object only the keys it declares (unless its schema says
    others are welcome). Otherwise all three accept what a newer server may send."""
    return _STRICTLY.get()


@contextmanager
def strictly() -> Iterator[None]:
    token = _STRICTLY.set(True)
    try:
        yield
    finally:
        _STRICTLY.reset(token)


@contextmanager
def branch_pass(first: bool) -> Iterator[None]:
    """A union's branches are tried twice where none is told apart by a tag: first as the spec says
    (strictly()), so that a value takes the branch it fits; then, where none fits so, as a newer server
    may send (as the reading around it does)."""
    if first:
        with strictly():
            yield
    else:
        yield


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


def with_defaults(model: M) -> M:
    """The model with each field left unset that has a default given that default, all the way in: what
    the class itself does when it is called, so a mapping sends what the equivalent model sends."""
    for field in fields(type(model)):  # type: ignore[arg-type]  # every model is an attrs class
        value = getattr(model, field.name)
        if isinstance(value, Unset) and field.default is not NOTHING and not isinstance(field.default, Unset):
            default: Any = field.default
            value = default.factory() if hasattr(default, "factory") else default  # an attrs Factory
            setattr(model, field.name, value)
        for item in value if isinstance(value, list) else [value]:
            if has(type(item)):
                with_defaults(item)
    return model


def model_body(model: type[M], body: object, *, empty: bool = False) -> M:
    """A request body as `model`: an instance as it is, or one built from a mapping of its fields (by their
    names on the wire). With `empty` (the body's schema requires nothing), a body left out is sent as {}."""
    if isinstance(body, model):
        return body
    if isinstance(body, Mapping):
        try:
            with strictly():
                return with_defaults(model.from_dict(body))
        except InvalidField as error:
            raise error.within("body") from None
    if empty and isinstance(body, Unset):
        return with_defaults(model.from_dict({}))
    raise InvalidField("body", f"expected {model.__name__} or a mapping of its fields, got {json_type(body)}")


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "UnknownVariant", "Unset"]
