"""openapi.overlay.yaml: local fixes to the published spec (OpenAPI Overlay 1.0), each action a literal
example of what it does, then the whole thing through `make generate` and `make spec-diff`."""

import re
from pathlib import Path
from typing import Any

import pytest

from pipeline import PipelineError
from pipeline.project import ROOT
from pipeline.spec.overlay import Action, apply_overlay, read_overlay

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {"/v1/models": {"get": {"summary": "Gets all models", "tags": ["models"]}}},
    "servers": [{"url": "https://api.example.com"}, {"url": "https://sandbox.example.com"}],
}


def test_an_update_merges_into_each_object_it_selects() -> None:
    action = Action(1, "$.paths['/v1/models'].get", {"summary": "Lists models", "x-paged": True})
    spec, unmatched = apply_overlay(SPEC, [action])
    assert spec["paths"]["/v1/models"]["get"] == {"summary": "Lists models", "tags": ["models"], "x-paged": True}
    assert unmatched == [] and SPEC["paths"]["/v1/models"]["get"]["summary"] == "Gets all models"  # a copy


def test_an_update_of_an_array_appends_to_it() -> None:
    spec, _ = apply_overlay(SPEC, [Action(1, "$.servers", {"url": "http://127.0.0.1:4010"})])
    assert spec["servers"][-1] == {"url": "http://127.0.0.1:4010"} and len(spec["servers"]) == 3


def test_remove_takes_out_every_node_it_selects() -> None:
    spec, _ = apply_overlay(SPEC, [Action(1, "$.servers[?@.url == 'https://sandbox.example.com']", remove=True)])
    assert spec["servers"] == [{"url": "https://api.example.com"}]


def test_an_action_that_selects_nothing_is_reported() -> None:
    action = Action(2, "$.paths['/v1/removed_later'].get", {"summary": "x"}, description="fix the old summary")
    spec, unmatched = apply_overlay(SPEC, [action])
    assert spec == SPEC and unmatched == [action] and unmatched[0].describe() == "action 2 (fix the old summary)"


def test_an_overlay_that_is_not_one_says_each_problem(tmp_path: Path) -> None:
    path = tmp_path / "openapi.overlay.yaml"
    path.write_text("overlay: 2.0.0\nactions:\n  - target: paths\n  - target: $.x\n    remove: yes please\n")
    with pytest.raises(PipelineError) as raised:
        read_overlay(path)
    problems = raised.value.problems
    assert [p.split(": ", 1)[1].split(":")[0] for p in problems] == [
        "overlay",
        "info needs a title and a version",
        "action 1",
        "action 2",
    ], problems


def test_the_readmes_overlay_example_does_what_it_says(tmp_path: Path) -> None:
    """On a spec of its own, shaped like the one the README fixes, whatever openapi.yaml holds."""
    example = re.search(r"```yaml\n(overlay:.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert example, "README.md shows no overlay"
    sample = {"lang": "curl", "source": "curl -X POST https://api.baseten.co/v1/api_keys"}
    spec = {
        "openapi": "3.1.0",
        "paths": {"/v1/api_keys": {"post": {"summary": "Creates an API key.", "x-codeSamples": [sample]}}},
    }
    path = tmp_path / "openapi.overlay.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    fixed, unmatched = apply_overlay(spec, read_overlay(path))
    assert unmatched == []
    assert fixed["paths"]["/v1/api_keys"]["post"] == {"summary": "Create an API key"}
