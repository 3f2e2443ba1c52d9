"""Generator bumps: every override's stock base is recorded (templates/stock-bases.txt); a stock template
that changed is named with what to do about it; `make merge-templates` merges the change into the
override. A bump is simulated with an edited copy of the installed generator's templates as "the new
version", so nothing is downloaded."""

import difflib
import shutil
from pathlib import Path

import pytest

from pipeline.commands import stock
from pipeline.project import ROOT

TEMPLATES = ROOT / "templates"


def test_the_overrides_follow_the_installed_generator() -> None:
    assert stock.stock_changes(TEMPLATES) == []


@pytest.fixture
def bumped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of templates/, and "version 9.9.9" of the generator: today's stock templates, to be edited."""
    ours, new = tmp_path / "templates", tmp_path / "new"
    shutil.copytree(TEMPLATES, ours)
    shutil.copytree(stock.stock_templates(), new)
    base = stock.stock_templates()
    monkeypatch.setattr(stock, "stock_templates", lambda: new)
    monkeypatch.setattr(stock, "installed_version", lambda: "9.9.9")
    monkeypatch.setattr(stock, "fetch_stock", lambda version, scratch: base)
    return ours, new


def test_a_changed_stock_template_is_named_with_what_to_do(bumped: tuple[Path, Path]) -> None:
    ours, new = bumped
    (new / "model.py.jinja").write_text((new / "model.py.jinja").read_text() + "{# new upstream #}\n")
    (new / "types.py.jinja").write_text((new / "types.py.jinja").read_text() + "# new upstream\n")

    problems = stock.stock_changes(ours)

    assert len(problems) == 2, problems
    assert "stock model.py.jinja changed in openapi-python-client 9.9.9" in problems[0]
    assert "model.py.jinja overrides it: run `make merge-templates`" in problems[0]
    assert "runtime/types.py stands in for it" in problems[1]


def _where_the_override_follows_stock(stock_text: str, override: str) -> str:
    """A line in the middle of the longest run of lines the override shares with its stock template: an
    upstream change there merges without touching the override's own changes."""
    a, b = stock_text.splitlines(), override.splitlines()
    run = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    assert run.size >= 5, "the override shares no run of five lines with its stock template"
    inner = a[run.a + 1 : run.a + run.size - 1]  # not at the run's edges, where the override's changes start
    unique = [line for line in inner if line.strip() and a.count(line) == 1]
    assert unique, "the shared run has no line of its own"
    return unique[len(unique) // 2]


def test_merge_templates_carries_the_upstream_change_into_the_override(
    bumped: tuple[Path, Path], tmp_path: Path
) -> None:
    ours, new = bumped
    stock_model = (new / "model.py.jinja").read_text()
    anchor = _where_the_override_follows_stock(stock_model, (ours / "model.py.jinja").read_text())
    (new / "model.py.jinja").write_text(stock_model.replace(anchor, "{# upstream 9.9.9 #}\n" + anchor, 1))

    report = stock.merge_templates(ours, tmp_path)

    assert f"{ours / 'model.py.jinja'}: merged" in report
    merged = (ours / "model.py.jinja").read_text()
    assert "{# upstream 9.9.9 #}\n" + anchor in merged
    assert "openapi-python-client 9.9.9's model.py.jinja" in merged  # the header follows the version
    assert stock.read_record(ours)[0] == "9.9.9" and stock.stock_changes(ours) == []


def test_a_conflicting_change_is_left_marked_and_named(bumped: tuple[Path, Path], tmp_path: Path) -> None:
    ours, new = bumped
    line = "from attrs import field as _attrs_field\n"  # a line both sides have, beside one the override changed
    stock_model = (new / "model.py.jinja").read_text()
    (new / "model.py.jinja").write_text(
        stock_model.replace("from ..types import UNSET, Unset", "from ..types import X")
    )
    assert line in stock_model

    report = stock.merge_templates(ours, tmp_path)

    assert any(entry.startswith(f"{ours / 'model.py.jinja'}: 1 conflict") for entry in report), report
    assert stock.stock_changes(ours) == [f"{ours / 'model.py.jinja'}: holds merge conflict markers; resolve them"]
