"""Turn spec-level JSON values into the Python objects a generated function's signature asks for."""

import datetime
import enum
import io
import re
import types
import typing
from typing import Any


def to_python(annotation: Any, value: Any) -> Any:
    """Build `value` as `annotation`: attrs models via from_dict, enums by value, unions by first fit."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        errors = []
        for member in typing.get_args(annotation):
            if member is type(None) or getattr(member, "__name__", "") == "Unset":
                continue
            try:
                return to_python(member, value)
            except (TypeError, ValueError, KeyError, AttributeError) as err:
                errors.append(err)
        if value is None:
            return None
        raise TypeError(f"{value!r} fits no member of {annotation}: {errors}")
    if origin is list:
        if not isinstance(value, list):  # a string is no list of its characters (Mistral's status: one or several)
            raise TypeError(f"{value!r} is not a list")
        (item,) = typing.get_args(annotation) or (Any,)
        return [to_python(item, v) for v in value]
    if isinstance(annotation, type):
        if annotation.__name__ == "File" and hasattr(annotation, "to_tuple"):  # the generated types.File
            payload = value if isinstance(value, bytes) else str(value).encode()
            return annotation(payload=io.BytesIO(payload), file_name="upload.bin")
        if hasattr(annotation, "from_dict"):
            if not isinstance(value, dict):
                raise TypeError(f"{annotation.__name__} needs an object, got {value!r}")
            return annotation.from_dict(value)
        if issubclass(annotation, enum.Enum):
            return annotation(value)
        if annotation is datetime.datetime:
            if not isinstance(value, str) or not re.match(r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d", value):
                raise TypeError(f"{value!r} is not a date-time")  # fromisoformat would take a bare date
            return datetime.datetime.fromisoformat(value)
        if annotation is datetime.date:
            return datetime.date.fromisoformat(value)
        if annotation is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # a JSON number: 3 is as much a number as 3.0
        if annotation in (str, int, float, bool) and not isinstance(value, annotation):
            raise TypeError(f"{value!r} is not {annotation.__name__}")
    return value


def model_class(annotation: Any) -> type | None:
    """The attrs model class in a return annotation such as `APIKeyV1 | None`, if there is exactly one."""
    members = (
        typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType)
        else (annotation,)
    )
    models = [m for m in members if isinstance(m, type) and hasattr(m, "from_dict")]
    return models[0] if len(models) == 1 else None


def is_instance(value: Any, annotation: Any) -> bool:
    """Whether `value` is what `annotation` (a result type such as `list[ModelV1] | None`) says, all the
    way in: each item of a list, each branch of a union tried."""
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if annotation is None or annotation is type(None):
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(is_instance(value, member) for member in typing.get_args(annotation))
    if origin is typing.Literal:  # a const: exactly one of the values it lists
        return any(type(value) is type(listed) and value == listed for listed in typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        return isinstance(value, list) and all(is_instance(each, item) for each in value)
    if origin is dict:
        _, item = typing.get_args(annotation) or (Any, Any)
        return isinstance(value, dict) and all(is_instance(each, item) for each in value.values())
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, origin or annotation)


def class_names(annotation: Any) -> list[str]:
    """The classes a result type names, all the way in: `list[A] | B | None` names A and B."""
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return [] if annotation is type(None) else [annotation.__name__]
    if typing.get_origin(annotation) is typing.Literal:  # a const result: its values are no classes
        return ["Literal"]
    return [name for member in typing.get_args(annotation) for name in class_names(member)]
