"""`make docs`, as a reader meets it: index.html leads to every group and every operation within three
clicks; a group's page is a table of its operations (route, summary); an operation's page shows its
route, summary, parameters and result; every model has its place on the models page; the search index
knows every operation; and the whole reference stays small (16.5 MB for Baseten's 183 operations)."""

import enum
import functools
import html
import inspect
import re
import subprocess
import sys
import typing
from collections import deque
from pathlib import Path

import pytest

from contract.generated_package import import_generated, package_name
from contract.generator_names import endpoint_module
from contract.python_values import class_names
from contract.spec_model import Operation
from pipeline.project import ROOT
from tests.operation_calls import OPERATIONS

MAX_CLICKS = 3
BYTES_PER_OPERATION = 90_000  # 16.5 MB for the 183 operations of Baseten's 2026-08-22 spec (15.0 MB there now)


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reference") / "docs"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "docs", "--docs", str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return out


def text_of(page: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())


def links(page: Path) -> set[Path]:
    """The local pages a page links to (a meta refresh counts as a link: it is followed without a click)."""
    found = set()
    for target in re.findall(r'(?:href="|url=)([^"#?]+\.html)', page.read_text(encoding="utf-8")):
        if "://" not in target:
            found.add((page.parent / target).resolve())
    return found


@functools.cache
def clicks_from_index(reference: Path) -> dict[Path, int]:
    """Each page reachable from index.html, with the fewest clicks it takes (the redirect takes none)."""
    start = (reference / "index.html").resolve()
    depth, queue = {start: 0}, deque([start])
    while queue:
        page = queue.popleft()
        for target in links(page):
            if target.exists() and target not in depth:
                redirect = page == start and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")
                depth[target] = depth[page] + (0 if redirect else 1)
                queue.append(target)
    return depth


def page_of(reference: Path, module: str) -> Path:
    return reference.joinpath(*module.split(".")).with_suffix(".html").resolve()


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_every_operation_is_at_most_three_clicks_from_the_index(reference: Path, op: Operation):
    page = page_of(reference, endpoint_module(op.key).__name__)
    assert clicks_from_index(reference).get(page, 99) <= MAX_CLICKS, f"{op.id}: {page.name} is not reached"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_every_operation_page_shows_route_summary_parameters_and_result(reference: Path, op: Operation):
    module = endpoint_module(op.key)
    text = text_of(page_of(reference, module.__name__))
    assert f"{op.method.upper()} {op.path}" in text
    if op.spec.get("summary"):
        assert " ".join(str(op.spec["summary"]).split()) in text
    for name in inspect.signature(module.sync).parameters:
        assert name in text, f"{op.id}: parameter {name} is not on its page"
    returned = typing.get_type_hints(module.sync)["return"]
    for name in class_names(returned) or ["None"]:
        assert name in text, f"{op.id}: its result, {name}, is not on its page"


def test_each_group_page_is_a_table_of_its_operations(reference: Path):
    for op in OPERATIONS:
        module = endpoint_module(op.key).__name__
        group_page = page_of(reference, module.rsplit(".", 1)[0])
        rows = re.findall(r"<tr>(.*?)</tr>", group_page.read_text(encoding="utf-8"), re.S)
        row = next((r for r in rows if f'href="{module.rsplit(".", 2)[1]}/{module.rsplit(".", 1)[1]}.html"' in r), "")
        assert row, f"{op.id}: no row in {group_page.name}"
        assert f"{op.method.upper()} {op.path}" in html.unescape(re.sub(r"<[^>]+>", "", row))


def test_every_model_has_its_place_on_the_models_page(reference: Path):
    models = import_generated("models")
    page = page_of(reference, models.__name__).read_text(encoding="utf-8")
    assert all(f'id="{name}"' in page for name in models.__all__)
    assert clicks_from_index(reference).get(page_of(reference, models.__name__), 99) <= 1


def test_the_search_index_knows_every_operation_and_model(reference: Path):
    index = (reference / "search.js").read_text(encoding="utf-8")
    for op in OPERATIONS:
        assert f'"{endpoint_module(op.key).__name__}.sync"' in index, f"{op.id} cannot be searched for"
    models = import_generated("models")
    assert all(f'"{models.__name__}.{name}"' in index for name in models.__all__)


def test_the_reference_stays_small(reference: Path):
    size = sum(path.stat().st_size for path in reference.rglob("*") if path.is_file())
    budget = max(16_500_000, BYTES_PER_OPERATION * len(OPERATIONS))
    assert size <= budget, f"the reference is {size / 1e6:.1f} MB, over {budget / 1e6:.1f} MB"
    assert (reference / f"{package_name()}.html").exists()


def test_the_reference_documents_the_model_helpers_unset_and_every_enum_value(reference: Path):
    models = import_generated("models")
    page = text_of(page_of(reference, models.__name__))
    assert "to_dict" in page and "from_dict" in page and "additional_properties" in page
    assert "A field or argument left out" in text_of(page_of(reference, f"{package_name()}.types"))
    for name in models.__all__:
        cls = getattr(models, name)
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            assert all(f"`{member.value}`" in (cls.__doc__ or "") for member in cls), name
            assert all(str(member.value) in page for member in cls), name
