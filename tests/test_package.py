"""pyproject.toml ships generated/ as a typed wheel whose dependencies are the ones the generated code needs."""

import ast
import dataclasses
import hashlib
import re
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import openapi_python_client
import pytest
from packaging.requirements import Requirement

from contract.generated_package import import_generated, package_dir
from pipeline.commands import dist
from pipeline.commands.release import next_version
from pipeline.project import ROOT, current
from pipeline.spec.openapi import load_document
from tests.freshness import stale

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
GENERATOR_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel and the sdist `make dist` builds (pipeline/commands/dist.py), with pyproject.toml's backend."""
    return dist.build(tmp_path_factory.mktemp("dist"))


def test_wheel_holds_exactly_the_generated_package_with_py_typed(built: tuple[Path, Path]) -> None:
    package = package_dir()
    expected = {
        str(p.relative_to(package.parent)) for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    shipped = {name for name in zipfile.ZipFile(built[0]).namelist() if ".dist-info/" not in name}
    assert f"{package.name}/py.typed" in shipped
    assert shipped == expected


def test_wheel_metadata_is_complete_with_the_runtime_dependencies_and_no_extras(built: tuple[Path, Path]) -> None:
    assert dist.metadata_problems(built[0], current()) == []


def test_the_sdist_holds_the_package_and_what_it_was_made_from(built: tuple[Path, Path]) -> None:
    with tarfile.open(built[1]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {
        "openapi.yaml",
        "README.md",
        "CHANGELOG.md",
        "pyproject.toml",
        f"generated/{package_dir().name}/py.typed",
    } <= names


def test_runtime_dependencies_are_the_ranges_the_generator_declares() -> None:
    """openapi-python-client states, in its own project templates, what its output needs."""
    template = (GENERATOR_TEMPLATES / "pyproject_uv.toml.jinja").read_text(encoding="utf-8")
    declared = re.search(r"dependencies = \[(.*?)\]", template, re.S)
    assert declared, "the generator's pyproject template no longer lists dependencies"
    generator_ranges = sorted(re.findall(r'"([^"]+)"', declared.group(1)))
    assert sorted(PYPROJECT["project"]["dependencies"]) == generator_ranges
    requires_python = re.search(r'requires-python = "([^"]+)"', template)
    assert requires_python, "the generator's pyproject template no longer states requires-python"
    assert requires_python.group(1) == PYPROJECT["project"]["requires-python"]


def run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`, which only a type checker reads (typing_extensions
    there is in every type checker's own stubs, not a dependency)."""
    found, pending = [], [tree]
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))
    return found


def test_generated_code_imports_only_declared_dependencies() -> None:
    imported: set[str] = set()
    brought: set[str] = set()
    for source in package_dir().rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        # pytest, imported inside testing.py's function that makes the fixture: only a pytest session asks.
        fixture = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_pytest_fixture"]
        in_fixture = {id(node) for function in fixture for node in ast.walk(function)}
        for node in run_time_nodes(tree):
            found = set()
            if isinstance(node, ast.Import):
                found = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found = {node.module.split(".")[0]}
            (brought if id(node) in in_fixture else imported).update(found)
    third_party = {name for name in imported if name not in sys.stdlib_module_names}
    declared = {Requirement(r).name for r in PYPROJECT["project"]["dependencies"]}
    assert third_party == declared
    assert brought <= {"pytest"}


def test_generator_config_names_match_pyproject_and_generated() -> None:
    config = load_document(ROOT / "generator-config.yaml")
    assert config["project_name_override"] == PYPROJECT["project"]["name"]
    assert config["package_name_override"] == package_dir().name


def test_dev_tools_are_pinned_exactly_and_offered_to_no_user() -> None:
    """Dependency groups (PEP 735), not extras: nothing of them reaches a wheel's metadata."""
    assert "optional-dependencies" not in PYPROJECT["project"]
    groups = PYPROJECT["dependency-groups"]
    for requirement in groups["dev"] + groups["bench"] + PYPROJECT["build-system"]["requires"]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*", requirement), (
            f"not an exact pin: {requirement}"
        )


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.jinja")), ids=lambda p: p.name)
def test_custom_templates_say_why_and_which_generator_they_follow(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert text.startswith("{#"), f"{template.name} must open with a comment saying what it changes and why"
    if (GENERATOR_TEMPLATES / template.name).exists():
        # A stock template copied and changed: re-base it whenever the generator pin moves.
        assert f"openapi-python-client {openapi_python_client.__version__}'s {template.name}" in text.split("#}")[0]


def test_the_version_is_written_in_one_place_and_read_by_the_package_and_its_user_agent() -> None:
    package, client = import_generated(), import_generated("client")
    assert package.__version__ == PYPROJECT["project"]["version"]
    assert client.USER_AGENT.split()[0] == f"{PYPROJECT['project']['name']}/{package.__version__}"
    assert "package_version_override" not in load_document(ROOT / "generator-config.yaml")


def test_the_package_records_the_spec_it_was_generated_from() -> None:
    package = import_generated()
    assert package.SPEC_SHA256 == hashlib.sha256(current().spec_path.read_bytes()).hexdigest()
    overlay = current().overlay_path
    assert package.OVERLAY_SHA256 == (hashlib.sha256(overlay.read_bytes()).hexdigest() if overlay.is_file() else None)


@pytest.mark.parametrize(
    ("version", "level", "after"),
    [
        ("0.4.2", "breaking", "0.5.0"),
        ("0.4.2", "feature", "0.4.3"),
        ("0.4.2", "patch", "0.4.3"),
        ("1.4.2", "breaking", "2.0.0"),
        ("1.4.2", "feature", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.4.2", "none", "1.4.3"),
    ],
)
def test_the_next_version_follows_the_verdict(version: str, level: str, after: str) -> None:
    """spec_diff's verdict: breaking, feature (something added), patch (nothing a signature shows), or none
    (a description: the docstrings change)."""
    assert next_version(version, level) == after


def test_a_suite_run_on_a_stale_tree_is_one_line_that_says_so(tmp_path: Path) -> None:
    """conftest.py stops the suite with this line where generated/ is not openapi.yaml's client."""
    project = current()
    assert stale(project) == ""
    edited = tmp_path / project.spec_path.name
    edited.write_bytes(project.spec_path.read_bytes() + b"\n# edited after the last make generate\n")
    why = stale(dataclasses.replace(project, spec_path=edited))
    assert why.startswith("generated/ is not what openapi.yaml generates") and "make generate" in why
    assert "there is no generated client" in stale(dataclasses.replace(project, generated=tmp_path / "generated"))
