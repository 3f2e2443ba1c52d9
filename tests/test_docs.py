"""`make docs`: the reference has a page for every operation of openapi.yaml, under its group, with its
summary, its parameters and its return type; models (loaded lazily) are documented too."""

import functools
import html
import inspect
import re
import typing
from pathlib import Path

import pytest

from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.python_values import model_class
from contract.spec_model import Operation
from pipeline.docs import build_docs
from pipeline.project import current
from tests.operation_calls import OPERATIONS


@functools.cache
def docs(root: Path) -> Path:
    out = root / "docs"
    build_docs(current(), out)
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docs(tmp_path_factory.mktemp("reference"))


def page_text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_every_operation_has_its_page(reference: Path, op: Operation):
    module = endpoint_module(op.key)
    page = reference.joinpath(*module.__name__.split(".")).with_suffix(".html")
    assert page.is_file(), f"{op.id}: no {page.relative_to(reference)}"
    text = " ".join(page_text(page).split())
    if op.spec.get("summary"):
        assert " ".join(str(op.spec["summary"]).split()) in text
    for name in inspect.signature(module.sync_detailed).parameters:
        assert name in text, f"{op.id}: parameter {name} is not in its page"
    returned = model_class(typing.get_type_hints(module.sync_detailed)["return"].__args__[0])
    if returned is not None:
        assert returned.__name__ in text
    group_page = page.parent.with_suffix(".html")
    assert module.__name__.rsplit(".", 1)[1] in page_text(group_page)  # listed in its group


def test_every_model_is_documented(reference: Path):
    models = import_generated("models")
    text = (reference.joinpath(*models.__name__.split(".")).with_suffix(".html")).read_text(encoding="utf-8")
    assert all(f'id="{name}"' in text for name in models.__all__)
