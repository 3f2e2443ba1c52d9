"""Turn spec-level JSON values into the Python objects a generated function's signature asks for."""

import datetime
import enum
import re
import types
import typing
from typing import Any


def python_name(name: str) -> str:
    """snake_case identifier for a spec parameter name (Baseten's names are snake_case already)."""
    return re.sub(r"\W+", "_", re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)).strip("_").lower()


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
        (item,) = typing.get_args(annotation) or (Any,)
        return [to_python(item, v) for v in value]
    if isinstance(annotation, type):
        if hasattr(annotation, "from_dict"):
            if not isinstance(value, dict):
                raise TypeError(f"{annotation.__name__} needs an object, got {value!r}")
            return annotation.from_dict(value)
        if issubclass(annotation, enum.Enum):
            return annotation(value)
        if annotation is datetime.datetime:
            return datetime.datetime.fromisoformat(value)
        if annotation is datetime.date:
            return datetime.date.fromisoformat(value)
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
