"""Shared by every test module: one Prism serving openapi.yaml, started by the first test that asks."""

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    # Imported here: pytest's controlling process loads this file too, and never needs Prism.
    from pipeline.project import ROOT
    from tests.prism import prism_serving

    with prism_serving(str(ROOT / "openapi.yaml")) as url:
        yield url
