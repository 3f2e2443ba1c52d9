"""pyproject.toml ships generated/ as a typed wheel whose dependencies are the ones the generated code needs."""

import ast
import re
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import openapi_python_client
import pytest
from packaging.requirements import Requirement

from contract.generated_package import package_dir
from pipeline.openapi import load_document
from pipeline.project import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
GENERATOR_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel pyproject.toml's build backend makes, through its PEP 517 hook (what pip would call)."""
    out = tmp_path_factory.mktemp("wheel")
    backend = PYPROJECT["build-system"]["build-backend"]
    program = f"import sys, {backend} as backend; backend.build_wheel(sys.argv[1])"
    subprocess.run([sys.executable, "-c", program, str(out)], cwd=ROOT, check=True, capture_output=True)
    (built,) = out.glob("*.whl")
    return zipfile.ZipFile(built)


def test_wheel_holds_exactly_the_generated_package_with_py_typed(wheel: zipfile.ZipFile):
    package = package_dir()
    expected = {
        str(p.relative_to(package.parent)) for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    shipped = {name for name in wheel.namelist() if ".dist-info/" not in name}
    assert f"{package.name}/py.typed" in shipped
    assert shipped == expected


def test_wheel_metadata_declares_the_pyproject_dependencies(wheel: zipfile.ZipFile):
    metadata_name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = Parser().parsestr(wheel.read(metadata_name).decode())
    runtime = {Requirement(r) for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r}
    assert runtime == {Requirement(r) for r in PYPROJECT["project"]["dependencies"]}
    assert metadata["Requires-Python"] == PYPROJECT["project"]["requires-python"]


def test_runtime_dependencies_are_the_ranges_the_generator_declares():
    """openapi-python-client states, in its own project templates, what its output needs."""
    template = (GENERATOR_TEMPLATES / "pyproject_uv.toml.jinja").read_text(encoding="utf-8")
    declared = re.search(r"dependencies = \[(.*?)\]", template, re.S)
    assert declared, "the generator's pyproject template no longer lists dependencies"
    generator_ranges = sorted(re.findall(r'"([^"]+)"', declared.group(1)))
    assert sorted(PYPROJECT["project"]["dependencies"]) == generator_ranges
    assert re.search(r'requires-python = "([^"]+)"', template).group(1) == PYPROJECT["project"]["requires-python"]


def test_generated_code_imports_only_declared_dependencies():
    imported = set()
    for source in package_dir().rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names}
    declared = {Requirement(r).name for r in PYPROJECT["project"]["dependencies"]}
    assert third_party == declared


def test_generator_config_names_match_pyproject_and_generated():
    config = load_document(ROOT / "generator-config.yaml")
    assert config["project_name_override"] == PYPROJECT["project"]["name"]
    assert config["package_name_override"] == package_dir().name


def test_dev_tools_are_pinned_exactly():
    for requirement in PYPROJECT["project"]["optional-dependencies"]["dev"] + PYPROJECT["build-system"]["requires"]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*", requirement), (
            f"not an exact pin: {requirement}"
        )


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.jinja")), ids=lambda p: p.name)
def test_custom_templates_say_why_and_which_generator_they_follow(template: Path):
    text = template.read_text(encoding="utf-8")
    assert text.startswith("{#"), f"{template.name} must open with a comment saying what it changes and why"
    if (GENERATOR_TEMPLATES / template.name).exists():
        # A stock template copied and changed: re-base it whenever the generator pin moves.
        assert f"openapi-python-client {openapi_python_client.__version__}'s {template.name}" in text.split("#}")[0]


def test_the_user_agent_version_is_the_distributions():
    config = load_document(ROOT / "generator-config.yaml")
    assert config["package_version_override"] == PYPROJECT["project"]["version"]
