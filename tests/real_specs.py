"""Baseten's published specs, read from ../shared/specs beside the repository (never copied into it)."""

from pathlib import Path

import pytest

from pipeline.project import ROOT

SHARED_SPECS = ROOT.parent / "shared" / "specs"


def real_spec_paths() -> list[Path]:
    return sorted(SHARED_SPECS.glob("*.json")) if SHARED_SPECS.is_dir() else []


def skip_without_real_specs() -> None:
    if not real_spec_paths():
        pytest.skip(f"no real specs: {SHARED_SPECS} is absent (it sits beside the repository in development and CI)")
