"""Shared by every test module: where the real specs are, and one Prism serving openapi.yaml."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.project import ROOT
from tests.prism import prism_serving

SHARED_SPECS = ROOT.parent / "shared" / "specs"


def real_spec_paths() -> list[Path]:
    return sorted(SHARED_SPECS.glob("*.json")) if SHARED_SPECS.is_dir() else []


def skip_without_real_specs() -> None:
    if not real_spec_paths():
        pytest.skip(f"no real specs: {SHARED_SPECS} is absent (it sits beside the repository in development and CI)")


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    with prism_serving(str(ROOT / "openapi.yaml")) as url:
        yield url
