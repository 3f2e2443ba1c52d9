"""Models load on first use, yet every way of reaching them still works: attribute access,
`from models import X` (the very same object), dir() and __all__ (mypy's view: tests/test_typing.py)."""

import importlib
import subprocess
import sys
from typing import Any

import pytest

from contract.generated_package import import_generated, package_dir, package_name
from pipeline.project import current

models = import_generated("models")


def model_modules() -> list[str]:
    return sorted(p.stem for p in (package_dir() / "models").glob("*.py") if p.stem != "__init__")


def test_every_model_module_is_reachable_by_its_public_names_and_they_are_the_same_objects() -> None:
    exported = set(models.__all__)
    assert set(dir(models)) >= exported
    defined_by = {}
    for module_name in model_modules():
        module = importlib.import_module(f"{models.__name__}.{module_name}")
        for name in exported & set(vars(module)):
            defined_by[name] = getattr(module, name)
    assert set(defined_by) == exported, f"exported but defined nowhere: {exported - set(defined_by)}"
    for name, value in defined_by.items():
        assert getattr(models, name) is value
        namespace: dict[str, Any] = {}
        exec(f"from {models.__name__} import {name}", namespace)
        assert namespace[name] is value


def test_importing_the_models_package_loads_no_model_until_one_is_used() -> None:
    if not models.__all__:
        pytest.skip("openapi.yaml has no component schemas: the models package is empty")
    package, first = package_name(), sorted(models.__all__)[0]
    loaded = f"[n for n in sys.modules if n.startswith('{package}.models.')]"
    code = f"import sys; import {package}.models as m; before = {loaded}; m.{first}; after = {loaded}; "
    code += "print(len(before), len(after) > 0)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=current().generated, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "True"]


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        models.NoSuchModel  # noqa: B018
    except AttributeError as err:
        assert "NoSuchModel" in str(err)
    else:
        raise AssertionError("models.NoSuchModel did not raise AttributeError")
