from pathlib import Path
from typing import Any

import pytest

from pipeline.spec_check import load_document
from tests.generated_package import ROOT

SHARED_SPECS = ROOT.parent / "shared" / "specs"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_document(ROOT / "openapi.yaml")


def real_spec_paths() -> list[Path]:
    return sorted(SHARED_SPECS.glob("*.json")) if SHARED_SPECS.is_dir() else []


def skip_without_real_specs() -> None:
    if not real_spec_paths():
        pytest.skip(f"no real specs: {SHARED_SPECS} is absent (it sits beside the repository in development and CI)")
