"""How a parameter's value is written into a request: a path segment, the query string.

Hand-written (runtime/ in the generator's repository), the same for every spec; the endpoint modules
call these.
"""

import datetime
import enum
import functools
import json
import math
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ParamSpec, TypeVar
from urllib.parse import quote

import httpx

from ._read import json_type
from .errors import InvalidField
from .types import File, Unset

P = ParamSpec("P")
R = TypeVar("R")
# What a path or query parameter's value may be: what the generated signatures allow, written as text.
_TEXTUAL = (str, int, float, uuid.UUID, datetime.date, enum.Enum)


def path_segment(value: Any, name: str = "") -> str:
    """A path parameter as one path segment: percent-encoded, "/" included, and "." or ".." too, which
    URL normalisation would otherwise drop or climb (an id ".." must not address the parent resource).
    A boolean is written true/false, as JSON and the query string write it. An empty one is an
    InvalidField naming the parameter, before anything is sent: `DELETE /v1/models/` would address the
    collection, not an item."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, datetime.datetime):
        value = wire_datetime(value, name)
    segment = quote(textual(value, name or "path"), safe="")
    if not segment:
        raise InvalidField(name or "path", "is empty: a path parameter must name something")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def textual(value: Any, name: str) -> str:
    """A parameter's value as text; InvalidField naming the parameter for None (a path needs a value:
    `/deployments/None` would address another), NaN or infinity, an integer too long to write, or a value
    of a type no parameter takes (bytes, a list, an object)."""
    if value is None:
        raise InvalidField(name, "is None: the parameter needs a value")
    if not isinstance(value, _TEXTUAL) or isinstance(value, bytes):
        raise InvalidField(name, f"expected a string or a number, got {json_type(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidField(name, f"{value} is not a number a request can carry")
    try:
        return str(value)
    except ValueError as error:  # an int past sys.get_int_max_str_digits()
        raise InvalidField(name, f"cannot be written: {error}") from None


def query_string(params: Mapping[str, Any] | Sequence[tuple[str, Any]]) -> str:
    """The query as OpenAPI's form style writes it (RFC 6570): each name and value percent-encoded, a
    space as %20 (httpx writes +), a list as its name repeated. httpx turns the values into text (True
    is true)."""
    pairs = params.items() if isinstance(params, Mapping) else params
    flat = [(name, item) for name, value in pairs for item in (value if isinstance(value, list) else [value])]
    for name, item in flat:
        if not (item is None or isinstance(item, bool | str)):  # what httpx writes as it is ("" for None)
            textual(item, name)
    return "&".join(
        f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in httpx.QueryParams(flat).multi_items()
    )


def json_text(value: Any) -> Any:
    """A query parameter the spec describes by `content: {application/json: ...}` as its JSON text; UNSET
    and None as they came (not sent)."""
    if value is None or isinstance(value, Unset):
        return value
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def json_value(value: Any, name: str) -> Any:
    """A value in its JSON form, whatever it holds: a model by its to_dict(), an enum member by its value,
    a date-time or date as RFC 3339 text, a UUID as text, a list or mapping item by item. For a union
    whose branches isinstance cannot tell apart (`list[Chunk] | list[list[Chunk]]`)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return wire_datetime(value, name)
    if isinstance(value, datetime.date):
        return wire_date(value, name)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [json_value(item, f"{name}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, Mapping):
        return {key: json_value(item, f"{name}.{key}") for key, item in value.items()}
    return value


def form_body(fields: Mapping[str, Any]) -> bytes:
    """An application/x-www-form-urlencoded body as OpenAPI's default encoding writes it (style form,
    exploded): each field `name=value`, an array as its name repeated, an object's properties each as a
    field of their own (its name not sent), a null field left out (a null in an array sent empty)."""
    return query_string([pair for name, value in fields.items() for pair in _form_pairs(name, value)]).encode()


def _form_pairs(name: str, value: Any) -> list[tuple[str, Any]]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [pair for item in value for pair in (_form_pairs(name, item) if item is not None else [(name, None)])]
    if isinstance(value, Mapping):
        return [pair for key, item in value.items() for pair in _form_pairs(str(key), item)]
    return [(name, value)]


def delimited(value: Any, separator: str, name: str) -> Any:
    """A query array (or object) written as one value, its items (an object's keys and values, in turn)
    joined by `separator`: OpenAPI's style form (","), spaceDelimited (" ") or pipeDelimited ("|") with
    explode false. An empty one is None, so it is not sent (RFC 6570: an empty list is undefined), as an
    exploded empty array is not. Anything else (UNSET, None, one value) is returned as it came."""
    if isinstance(value, Mapping):
        items: list[Any] = [part for pair in value.items() for part in pair]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return value
    return separator.join(_item_text(item, name) for item in items) if items else None


def deep_object(name: str, value: Any) -> list[tuple[str, Any]]:
    """A query object as OpenAPI's style deepObject writes it: `name[key]=value` for each property, an
    object inside one as `name[key][inner]=...`; anything else (UNSET, None) is one pair, dropped later."""
    if not isinstance(value, Mapping):
        return [(name, value)]
    return [pair for key, item in value.items() for pair in deep_object(f"{name}[{key}]", item)]


def _item_text(item: Any, name: str) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    return "" if item is None else textual(item, name)


def wire_datetime(value: datetime.datetime, name: str) -> str:
    """A date-time as RFC 3339 writes it; InvalidField naming the field for one without a UTC offset, which
    a server may read in any zone (`datetime(2026, 8, 1)`: give it `tzinfo=datetime.UTC`). A string is
    taken where it is an RFC 3339 date-time, as a mapping body takes it."""
    if isinstance(value, str):
        value = _parsed(value, name, datetime.datetime.fromisoformat, "an RFC 3339 date-time")
    if not isinstance(value, datetime.datetime):
        raise InvalidField(name, f"expected a datetime, got {json_type(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidField(name, f"{value.isoformat()} has no UTC offset; give it a tzinfo, e.g. datetime.UTC")
    return value.isoformat()


def wire_date(value: datetime.date, name: str) -> str:
    """A date as RFC 3339 writes it; a datetime given for one is written as the date-time it is (wire_datetime);
    a string is taken where it is an RFC 3339 date."""
    if isinstance(value, str):
        value = _parsed(value, name, datetime.date.fromisoformat, "an RFC 3339 date")
    if isinstance(value, datetime.datetime):
        return wire_datetime(value, name)
    if not isinstance(value, datetime.date):
        raise InvalidField(name, f"expected a date, got {json_type(value)}")
    return value.isoformat()


def carries_file(body: object) -> bool:
    """Whether a model body holds a File (or a list of them) in a field of its own: where the spec offers
    the model as multipart too, that is how it goes, since JSON could carry the file only as text."""
    for field in getattr(type(body), "__attrs_attrs__", ()):
        value = getattr(body, field.name, None)
        if isinstance(value, File) or (isinstance(value, list) and any(isinstance(item, File) for item in value)):
            return True
    return False


def json_file(value: File, name: str) -> str:
    """A binary string inside a JSON body (a File) as JSON carries it: its bytes as UTF-8 text, as a
    response's is read (_read.binary_payload); InvalidField naming the field for bytes that are not UTF-8.
    The payload is read whole and, where it can be, put back where it was, so that a retry sends it again."""
    if not isinstance(value, File):
        raise InvalidField(name, f"expected a File, got {json_type(value)}")
    payload = value.payload
    getvalue = getattr(payload, "getvalue", None)
    if callable(getvalue):
        data = getvalue()
    else:
        seekable = getattr(payload, "seekable", None)
        start = payload.tell() if callable(seekable) and seekable() else None
        data = payload.read()
        if start is not None:
            payload.seek(start)
    if isinstance(data, str):  # a file opened as text: already the text JSON carries
        return data
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidField(name, "bytes that are not UTF-8 text: a JSON body carries a binary string as text") from None
    except TypeError:
        raise InvalidField(name, f"a File whose payload gives {json_type(data)}, not bytes") from None


def _parsed(text: str, name: str, parse: Any, what: str) -> Any:
    try:
        return parse(text)
    except ValueError:
        raise InvalidField(name, f"{text[:40]!r} is not {what}") from None


def unsendable_json(value: Any, path: str) -> InvalidField | None:
    """Where a JSON body holds what JSON cannot carry, as an InvalidField naming it (`body.config.scale`):
    NaN or infinity, an integer too long to write, a key that is not a string, a value of no JSON type (a
    set, bytes, an object); None where there is nothing of the kind."""
    pending = deque([(value, path)])  # breadth first: the shallowest problem is named
    while pending:
        value, path = pending.popleft()
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    return InvalidField(path, f"a key of type {type(key).__name__}: JSON keys are strings")
                pending.append((item, f"{path}.{key}"))
        elif isinstance(value, list | tuple):
            pending.extend((item, f"{path}[{index}]") for index, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            return InvalidField(path, f"{value} is not a JSON number")
        elif isinstance(value, int) and not isinstance(value, bool):
            try:
                str(value)
            except ValueError as error:
                return InvalidField(path, f"cannot be written: {error}")
        elif not (value is None or isinstance(value, str | bool | int | float)):
            return InvalidField(path, f"a {type(value).__name__} is not a JSON value")
    return None


def checked_arguments(build: Callable[P, R]) -> Callable[P, R]:
    """An endpoint's _get_kwargs, raising only errors.InvalidField: the checks above name the argument; an
    error they did not foresee (an attribute a value of the wrong type lacks) is one too, saying what it
    was, with the original as its __cause__. Nothing has been sent when it raises."""

    @functools.wraps(build)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return build(*args, **kwargs)
        except InvalidField:
            raise
        except (AttributeError, KeyError, TypeError, ValueError, OverflowError, RecursionError) as error:
            raise InvalidField("arguments", f"cannot be sent as given: {type(error).__name__}: {error}") from error

    return checked
