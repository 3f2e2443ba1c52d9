"""Shared by every test module: a suite that stops at once when generated/ is not openapi.yaml's, and one
Prism serving openapi.yaml, started by the first test that asks."""

import json
from collections.abc import Iterator

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """generated/ made from another openapi.yaml (a refused `make generate`, or none after an edit) would fail
    thousands of tests, each for the same reason: say it once and stop."""
    if hasattr(config, "workerinput"):  # xdist's workers: the controller has checked
        return
    from pipeline.project import current
    from tests.freshness import stale

    why = stale(current())
    if why:
        pytest.exit(why, 2)


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Prism serving the spec the client is built from (openapi.yaml, its overlay applied), as make mock does."""
    # Imported here: pytest's controlling process loads this file too, and never needs Prism.
    from pipeline.generate.client_defaults import served_from_one_host
    from pipeline.project import current
    from tests.prism import prism_serving

    served = tmp_path_factory.mktemp("prism") / "openapi.json"
    served.write_text(json.dumps(served_from_one_host(current().spec)), encoding="utf-8")
    with prism_serving(str(served)) as url:
        yield url


@pytest.fixture(autouse=True)
def fresh_rate_limit_windows() -> Iterator[None]:
    """Each test starts with no request counted against a rate limit (runtime/_pacing.py), as a new process
    does: the windows are per process, and one test's calls must not make another's wait."""
    from contract.generated_package import import_generated
    from runtime import _pacing

    for pacing in (_pacing, import_generated("_pacing")):
        pacing.forget()
    yield
