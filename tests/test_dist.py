"""The wheel as a team installs it: into a fresh virtual environment, where a typed script using it runs and
passes mypy --strict (pipeline/dist.py, what `make dist` checks)."""

from pathlib import Path

from pipeline import dist
from pipeline.project import current


def test_the_wheel_installs_into_a_fresh_venv_and_type_checks_there(tmp_path: Path):
    wheel, _ = dist.build(tmp_path / "dist")
    assert dist.install_problems(wheel, current()) == []
