"""The generated package of this checkout, and importing from it."""

import ast
import importlib
import sys
from pathlib import Path
from types import ModuleType

from pipeline.project import current


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


def missing_imports(source: str) -> list[str]:
    """What `source` imports from the generated package's api/ that openapi.yaml did not generate (an
    operation the README shows that this spec lacks), as dotted names. Models are checked on import."""
    missing = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[:2] == [package_name(), "api"]):
            continue
        module = package_dir().joinpath(*node.module.split(".")[1:])
        if not (module.is_dir() or module.with_suffix(".py").is_file()):
            missing.append(node.module)
            continue
        for alias in node.names if module.is_dir() else []:
            if not ((module / alias.name).with_suffix(".py").is_file() or (module / alias.name).is_dir()):
                missing.append(f"{node.module}.{alias.name}")
    return missing
