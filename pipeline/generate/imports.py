"""What every generated endpoint, model and enum module imports of the package and the standard library.

Each module starts with all of it, and the post-hook's ruff (F401) takes out what that module does not use,
so that the templates pick no imports by hand. Kept here, in one list, for naming.py: a spec's schema must
not be named like a class these lines import. The generator's own imports for a module (its
`relative_imports`: dates, files, other models) follow these in the templates.
"""

import ast
from pathlib import Path

_READ = Path(__file__).resolve().parents[2] / "runtime" / "_read.py"


def _read_helpers() -> str:
    """runtime/_read.py's __all__: the strict readers' helpers (the code pipeline/generate/readers.py writes)."""
    for node in ast.parse(_READ.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return ", ".join(sorted(ast.literal_eval(node.value)))
    raise RuntimeError(f"{_READ} has no __all__")


_HELPERS = _read_helpers()

ENDPOINT = f"""\
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Generic, Literal, NoReturn, cast, overload

import httpx

from ... import _pacing, errors
from ..._base_client import Raises, secret_of
from ..._deprecation import warn_deprecated
from ..._pagination import afollow, follow
from ..._read import {_HELPERS}
from ..._waiters import Waiter, await_until, wait_until
from ..._wire import carries_file, checked_arguments, deep_object, delimited, form_body, json_text, \
json_value, path_segment, wire_date, wire_datetime
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, UnknownVariant, Unset, branch_pass, model_body, reading_strictly, status
"""

MODEL = f"""\
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Self, TypedDict

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from .._read import {_HELPERS}
from .._wire import json_file, json_value, wire_date, wire_datetime
from ..errors import InvalidField
from ..types import UNSET, UnknownVariant, Unset, branch_pass, model_repr, no_extra_is_empty, reading_strictly
"""

ENUM = "from .._enums import OpenIntEnum, OpenStrEnum\n"


def endpoint_imports() -> frozenset[str]:
    """Every name an endpoint module imports (its functions' arguments must not hide one)."""
    return _bound(ENDPOINT.replace("from ...", "from .."))


def imported_names() -> frozenset[str]:
    """Every name the lines above bind in a module."""
    return _bound(ENDPOINT.replace("from ...", "from ..") + MODEL + ENUM)


def _bound(source: str) -> frozenset[str]:
    tree = ast.parse(source)
    return frozenset(
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    )
