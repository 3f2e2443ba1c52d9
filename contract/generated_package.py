"""The generated package of this checkout, and importing from it."""

import ast
import functools
import importlib
import sys
from pathlib import Path
from types import ModuleType

from pipeline.generate.left_out import LeftOut, from_mapping
from pipeline.project import current


@functools.cache  # asked on every call a test makes; generated/ holds one package for the whole run
def package_dir() -> Path:
    packages = [p for p in current().generated.iterdir() if (p / "__init__.py").is_file()]
    assert len(packages) == 1, f"expected one package in {current().generated}, found {[p.name for p in packages]}"
    return packages[0]


def package_name() -> str:
    return package_dir().name


def import_generated(relative: str = "") -> ModuleType:
    """A module of this checkout's generated/, even when the virtualenv's editable install points at another."""
    generated = str(current().generated)
    if sys.path[:1] != [generated]:
        sys.path.insert(0, generated)
    return importlib.import_module(f"{package_name()}{'.' + relative if relative else ''}")


@functools.cache
def left_out() -> list[LeftOut]:
    """What `make generate` left out of this client, as its LEFT_OUT lists it (pipeline/generate/left_out.py)."""
    return from_mapping(getattr(import_generated(), "LEFT_OUT", {}))


def left_out_responses(method: str, path: str) -> dict[int, LeftOut]:
    """The responses of one operation the client has that `make generate` left out, by status (Box's
    PUT /collaborations 200, whose schema the generator cannot build): documented, and not readable."""
    found = {}
    for part in left_out():
        location = tuple(str(step) for step in part.location)
        if location[:4] == ("paths", path, method, "responses") and len(location) == 5 and location[4].isdigit():
            found[int(location[4])] = part
    return found


def missing_operations(source: str) -> list[str]:
    """What `source` uses from the generated package that openapi.yaml did not generate (an operation the
    README shows that this spec lacks): imports from its api/, as dotted names, and attributes of a
    variable named `client` (`client.users.list_users`, `client.aio.users...`), looked up on a real client.
    Models are checked on import."""
    missing = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[:2] == [package_name(), "api"]
        ):
            continue
        module = package_dir().joinpath(*node.module.split(".")[1:])
        if not (module.is_dir() or module.with_suffix(".py").is_file()):
            missing.append(node.module)
            continue
        for alias in node.names if module.is_dir() else []:
            if not ((module / alias.name).with_suffix(".py").is_file() or (module / alias.name).is_dir()):
                missing.append(f"{node.module}.{alias.name}")
    client = import_generated("client").AuthenticatedClient(base_url="https://example.test", token="unused")
    for node in ast.walk(tree):
        chain = _attribute_chain(node)
        if chain[:1] != ["client"] or len(chain) < 2:
            continue
        found: object = client
        for depth, name in enumerate(chain[1:], start=2):
            if not hasattr(found, name):
                missing.append(".".join(chain[:depth]))
                break
            found = getattr(found, name)
    return sorted(set(missing), key=missing.index)


def _attribute_chain(node: ast.AST) -> list[str]:
    """["client", "users", "list_users"] for `client.users.list_users`; [] for anything else."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.insert(0, node.attr)
        node = node.value
    return [node.id, *names] if isinstance(node, ast.Name) and names else []
