"""The project's inputs and settings, in one place: files are read on first use, once, never at import.

`Project()` names this checkout's files; `current()` is the one every module shares. Its `spec` is the
spec the client is built and judged from: `openapi.yaml` with `openapi.overlay.yaml` applied and the
defaults and examples that do not fit their schema taken out (pipeline/generate/annotations.py).
"""

import functools
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .commands.release import read_version
from .generate.annotations import Unfit, unfit_annotations, without
from .generate.config_check import check_config
from .generate.rate_limits import RateLimits, read_rate_limits
from .generate.waiters import Waiter, read_waiters
from .spec.leniency import tolerated as lenient
from .spec.overlay import Action, apply_overlay, read_overlay
from .spec.spec_check import read_spec

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Effective:
    spec: dict[str, Any]  # overlay applied, unfit annotations taken out
    unmatched: list[Action]  # overlay actions whose target selected nothing
    unfit: list[Unfit]  # the annotations taken out
    tolerated: list[str]  # flaws the meta-schema refuses and the generator reads (leniency.py)


def effective_of(spec: dict[str, Any], unmatched: list[Action]) -> Effective:
    """The overlaid spec as the client is built from it (the flaws leniency.py reads, unfit annotations out)."""
    spec, tolerated = lenient(spec)
    unfit = unfit_annotations(spec)
    return Effective(without(spec, unfit) if unfit else spec, unmatched, unfit, tolerated)


@dataclass(frozen=True)
class Project:
    spec_path: Path = ROOT / "openapi.yaml"
    config_path: Path = ROOT / "generator-config.yaml"
    templates: Path = ROOT / "templates"
    generated: Path = ROOT / "generated"
    overlay_path: Path = ROOT / "openapi.overlay.yaml"
    runtime: Path = ROOT / "runtime"  # the client's hand-written modules (pipeline/generate/runtime.py)
    # Beside the spec: the version (pipeline/commands/release.py) and the changelog `make update-spec` writes.
    pyproject: Path = ROOT / "pyproject.toml"
    changelog: Path = ROOT / "CHANGELOG.md"

    @cached_property
    def config(self) -> dict[str, Any]:
        return check_config(self.config_path)

    @property
    def api_key_env(self) -> str:
        """The environment variable AuthenticatedClient() reads the API key from ("" for none)."""
        return str(self.config.get("api_key_env") or "")

    @property
    def log_env(self) -> str:
        """The environment variable that turns the client's log on: `log_env`, else api_key_env's prefix and
        `_LOG` (BASETEN_API_KEY -> BASETEN_LOG), "" for none."""
        if "log_env" in self.config:
            return str(self.config["log_env"] or "")
        prefix = self.api_key_env.split("_")[0]
        return f"{prefix}_LOG" if prefix and prefix != self.api_key_env else ""

    @property
    def field_prefix(self) -> str:
        return str(self.config.get("field_prefix") or "field_")

    @property
    def operation_overrides(self) -> dict[str, Any]:
        return self.config.get("operation_overrides") or {}

    @property
    def waiters(self) -> list[Waiter]:
        """The waiters generator-config.yaml declares (checked against the spec by build.py)."""
        return read_waiters(self.config.get("waiters"))

    @property
    def rate_limits(self) -> RateLimits:
        """The rate limits generator-config.yaml declares (checked against the spec by build.py)."""
        return read_rate_limits(self.config.get("rate_limits"))

    @property
    def version(self) -> str:
        """The client's version: pyproject.toml's [project] version, the one place it is written (this
        repository's, for a spec that has none beside it)."""
        return read_version(self.pyproject if self.pyproject.is_file() else ROOT / "pyproject.toml")

    @property
    def package_name(self) -> str:
        return str(self.config["package_name_override"])

    @cached_property
    def published(self) -> dict[str, Any]:
        """openapi.yaml as written."""
        return read_spec(self.spec_path)

    @cached_property
    def overlay(self) -> list[Action]:
        return read_overlay(self.overlay_path)

    @cached_property
    def overlaid(self) -> tuple[dict[str, Any], list[Action]]:
        """openapi.yaml with the overlay applied (before any check: an overlay may fix what a check refuses),
        and the actions that selected nothing."""
        return apply_overlay(self.published, self.overlay)

    @cached_property
    def effective(self) -> Effective:
        return effective_of(*self.overlaid)

    @property
    def spec(self) -> dict[str, Any]:
        return self.effective.spec


@functools.cache
def current() -> Project:
    return Project()
