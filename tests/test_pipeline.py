"""`make generate` and `make check` on broken and changed inputs, in a scratch copy of the inputs.

Every broken input is derived from the current openapi.yaml / generator-config.yaml, so these hold
for whatever spec the repository carries. What they test is the pipeline, not the size of the spec: the
scratch copy holds openapi.yaml's first operation and what it refers to (a slice), generated once.
"""

import ast
import http.server
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.config import ConfigFile
from openapi_python_client.strings import ClassName, snake_case

from contract.generator_names import class_name
from pipeline import PipelineError
from pipeline.commands.update_spec import as_yaml
from pipeline.generate import build, generator, left_out, naming, swap, trees
from pipeline.generate.auth_scheme import derive_auth
from pipeline.generate.build import check_every_operation_generated
from pipeline.generate.golden import GOLDEN_OUT, GOLDEN_SPEC
from pipeline.generate.runtime import client_members
from pipeline.project import ROOT, Project, current
from pipeline.spec import leniency, openapi, spec_check
from pipeline.spec.openapi import HTTP_METHODS, load_document
from pipeline.spec.operation_names import operation_names
from tests.operation_calls import SPEC, THINGS, Run, run_pipeline, spec_slice

MAX_ERROR_LINES = 4


def snapshot(tree: Path) -> dict[str, bytes]:
    return {str(p.relative_to(tree)): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


class Workspace:
    """Copies of the pipeline's inputs and of their generated/, so a test can break them freely."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.spec = root / "openapi.yaml"
        self.config = root / "generator-config.yaml"
        self.templates = root / "templates"
        self.out = root / "generated"

    def run(self, command: str = "generate") -> Run:
        """`python -m pipeline <command>` on this workspace."""
        paths = ["--spec", self.spec, "--config", self.config, "--templates", self.templates, "--out", self.out]
        return run_pipeline(command, *map(str, paths))

    def write_spec(self, document: Any) -> None:
        self.spec.write_text(json.dumps(document, indent=1), encoding="utf-8")  # JSON is YAML too


@pytest.fixture(scope="session")
def generated_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The inputs, openapi.yaml sliced to its first operation (as YAML), and their generated/: made once."""
    ws = Workspace(tmp_path_factory.mktemp("slice"))
    ws.spec.write_text(as_yaml(spec_slice(SPEC, 1)), encoding="utf-8")
    shutil.copy(ROOT / "generator-config.yaml", ws.config)
    shutil.copytree(ROOT / "templates", ws.templates)
    result = ws.run()
    assert result.returncode == 0, result.stderr
    return ws.root


@pytest.fixture
def workspace(generated_slice: Path, tmp_path: Path) -> Workspace:
    shutil.copytree(generated_slice, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    return Workspace(tmp_path)


def first_ref_holder(node: Any) -> dict[str, Any] | None:
    children: Iterable[Any]
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            return node
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    return next((found for child in children if (found := first_ref_holder(child)) is not None), None)


def yaml_syntax_error(ws: Workspace) -> None:
    ws.spec.write_text(ws.spec.read_text(encoding="utf-8").rstrip("\n") + "\nbroken: a: b\n", encoding="utf-8")


def dangling_ref(ws: Workspace) -> None:
    spec = load_document(ws.spec)
    holder = first_ref_holder(spec.get("paths"))
    if holder is None:
        pytest.skip("openapi.yaml has no $ref under paths to break")
    holder["$ref"] = "#/components/schemas/NoSuchSchemaAnywhere"
    ws.write_spec(spec)


def not_openapi_3(ws: Workspace) -> None:
    spec = load_document(ws.spec)
    del spec["openapi"]
    ws.write_spec({"swagger": "2.0", **spec})


def invalid_structure(ws: Workspace) -> None:
    spec = load_document(ws.spec)
    path_item = next(iter(spec["paths"].values()))
    next(op for method, op in path_item.items() if method in HTTP_METHODS)["responses"] = 5
    ws.write_spec(spec)


def malformed_operation_override(ws: Workspace) -> None:
    ws.config.write_text(ws.config.read_text(encoding="utf-8") + 'operation_overrides: {"GET /v1/x": {nme: y}}\n')


def clashing_operation_names(ws: Workspace) -> None:
    spec = load_document(ws.spec)
    path, item = next(iter(spec["paths"].items()))
    method = next(m for m in item if m in HTTP_METHODS)
    spec["paths"][path + "/again"] = {method: {**item[method], "operationId": "same_name", "tags": ["same"]}}
    item[method] = {**item[method], "operationId": "same_name", "tags": ["same"]}
    ws.write_spec(spec)


def misspelled_config_key(ws: Workspace) -> None:
    key = "package_name_override"
    assert key in ConfigFile.model_fields, "the generator renamed the key this test misspells"
    ws.config.write_text(ws.config.read_text(encoding="utf-8") + "package_name_overide: other_name\n")


def broken_template(ws: Workspace) -> None:
    # The generator fails part-way, after it has written api/ and models/.
    (ws.templates / "types.py.jinja").write_text("{% if %}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (yaml_syntax_error, "YAML syntax error"),
        (dangling_ref, "NoSuchSchemaAnywhere"),
        (not_openapi_3, "not an OpenAPI 3.0/3.1 document"),
        (invalid_structure, "invalid OpenAPI at #/paths"),
        (malformed_operation_override, "operation_overrides: 'GET /v1/x'"),
        (clashing_operation_names, "are both api.same.same_name"),
        (misspelled_config_key, "did you mean 'package_name_override'"),
        (broken_template, "openapi-python-client failed"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_bad_input_fails_briefly_and_leaves_generated_untouched(
    workspace: Workspace, breakage: Callable[[Workspace], None], expected: str
) -> None:
    before = snapshot(workspace.out)
    breakage(workspace)
    result = workspace.run()
    assert result.returncode != 0
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) <= MAX_ERROR_LINES, result.stderr
    assert snapshot(workspace.out) == before
    assert [p.name for p in workspace.root.iterdir() if p.name.startswith(".generate-")] == []


def test_a_reference_to_another_document_is_refused_and_never_fetched(workspace: Workspace) -> None:
    """A spec could make `make generate` (and CI) request any address: the $ref is named, nothing is asked."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"Thing": {"type": "object"}}')

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        spec = load_document(workspace.spec)
        remote = f"http://127.0.0.1:{server.server_port}/remote.json#/Thing"
        # With a default beside it, checked against its schema (annotations.py), which must not fetch it either.
        schema = {"$ref": remote, "default": {}}
        response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
        spec["paths"]["/v1/from_elsewhere"] = {"get": {"responses": {"200": response}}}
        workspace.write_spec(spec)
        result = workspace.run()
    finally:
        server.shutdown()
    assert (
        result.returncode == 1
        and f"$ref points outside the document, which is not fetched: '{remote}'" in result.stderr
    )
    assert requested == []


def test_an_overlay_applies_before_any_check(workspace: Workspace) -> None:
    """A published operation whose $ref dangles, taken out by the overlay: the client generates without it."""
    spec = load_document(workspace.spec)
    broken = {
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/nope"}}}}}
    }
    spec["paths"]["/v1/broken_upstream"] = {"get": broken}
    workspace.write_spec(spec)
    assert "$ref does not resolve: '#/nope'" in workspace.run().stderr
    overlay = {"overlay": "1.0.0", "info": {"title": "fixes", "version": "1"},
               "actions": [{"target": "$.paths['/v1/broken_upstream']", "remove": True}]}  # fmt: skip
    (workspace.root / "openapi.overlay.yaml").write_text(json.dumps(overlay), encoding="utf-8")
    result = workspace.run()
    assert result.returncode == 0, result.stderr


def test_a_reference_inside_a_vendor_extension_means_nothing(workspace: Workspace) -> None:
    """OpenAPI gives `x-...` no meaning: a $ref there, dangling or remote, is not read, and the client generates."""
    spec = load_document(workspace.spec)
    path, item = next(iter(spec["paths"].items()))
    method = next(m for m in item if m in openapi.HTTP_METHODS)
    item[method]["x-vendor"] = {"schema": {"$ref": "#/nowhere"}, "more": {"$ref": "https://example.invalid/x.json"}}
    workspace.write_spec(spec)
    result = workspace.run()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("via", ["$ref", "allOf"])
def test_schemas_that_are_each_other_through_references_alone_are_named(workspace: Workspace, via: str) -> None:
    """`A: $ref B, B: $ref A` (or allOf): no body is ever reached; every validator recursed until Python stopped
    it. The cycle is named instead, once."""
    spec = load_document(workspace.spec)

    def to(name: str) -> dict[str, Any]:
        ref = {"$ref": f"#/components/schemas/{name}"}
        return ref if via == "$ref" else {"allOf": [ref], "properties": {"x": {"type": "string"}}}

    spec.setdefault("components", {}).setdefault("schemas", {}).update({"LoopA": to("LoopB"), "LoopB": to("LoopA")})
    workspace.write_spec(spec)
    result = workspace.run()
    assert result.returncode == 1
    assert result.stderr.count("LoopA -> LoopB -> LoopA") == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "RecursionError" not in result.stderr and len(errors) == 1, result.stderr


def test_a_part_left_out_quotes_the_names_it_is_about(workspace: Workspace) -> None:
    """Two properties the generator would give one attribute: the names, not `<UntrustedString at 0x...>`."""
    spec = load_document(workspace.spec)
    schema = {"type": "object", "properties": {"foo-bar": {"type": "string"}, "foo.bar": {"type": "string"}}}
    response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    spec["paths"]["/v1/named_alike"] = {"get": {"responses": {"200": response}}}
    workspace.write_spec(spec)
    result = workspace.run()
    (line,) = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("  #/paths/~1v1~1named_alike/get (GET /v1/named_alike):")
    ]
    assert result.returncode == 0 and "'foo-bar'" in line and "'foo.bar'" in line, result.stderr
    assert " object at 0x" not in result.stderr


def test_spec_errors_name_the_file_and_the_place(workspace: Workspace) -> None:
    yaml_syntax_error(workspace)
    message = workspace.run().stderr
    assert f"{workspace.spec}:" in message
    line_count = len(workspace.spec.read_text(encoding="utf-8").splitlines())
    assert f":{line_count}:" in message  # the appended line


def test_a_spec_accepted_once_is_not_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """make generate, then the drift check: the second meets the record of the first's acceptance."""
    spec = spec_slice(SPEC, 1)
    assert spec_check.structural_errors_once(spec, tmp_path) == []
    monkeypatch.setattr(spec_check, "structural_errors", lambda _: pytest.fail("checked again"))
    assert spec_check.structural_errors_once(spec, tmp_path) == []


def test_a_changed_or_rejected_spec_is_checked_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = spec_slice(SPEC, 1)
    assert spec_check.structural_errors_once(spec, tmp_path) == []
    changed = {**spec, "info": {**spec["info"], "title": "changed"}}
    checked: list[dict[str, Any]] = []

    def structural_errors(found: dict[str, Any]) -> list[str]:
        checked.append(found)
        return ["invalid"]

    monkeypatch.setattr(spec_check, "structural_errors", structural_errors)
    for _ in range(2):  # a rejection is not recorded: each run reports it
        assert spec_check.structural_errors_once(changed, tmp_path) == ["invalid"]
    assert checked == [changed, changed]


def test_an_operation_the_generator_dropped_without_a_word_fails_the_run(workspace: Workspace) -> None:
    # The generator can skip an operation and exit 0: each operation it did not say it left out has its module.
    spec = load_document(workspace.spec)
    package = next(p for p in workspace.out.iterdir() if p.is_dir())
    names = operation_names(spec, current().operation_overrides, current().field_prefix)
    (method, path), name = next(iter(names.items()))
    (package / "api" / name.group / f"{name.name}.py").unlink()
    said = f"{method.upper()} {path}: the generator wrote no module for it, and gave no reason"
    with pytest.raises(PipelineError, match=re.escape(said)):
        check_every_operation_generated(workspace.spec, spec, package, names)


def test_a_rerun_with_nothing_changed_does_nothing_and_any_change_regenerates(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pipeline/generate/record.py: the same inputs over the tree a run left need no generation; a hand edit of the
    tree, or of any input, does."""
    first = workspace.run()
    assert first.returncode == 0, first.stderr
    generating = build.staged_build
    monkeypatch.setattr(build, "staged_build", lambda project: pytest.fail("generated again with nothing changed"))
    again = workspace.run()
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    monkeypatch.setattr(build, "staged_build", generating)
    module = next(workspace.out.glob("*/api/*/*.py"))
    kept = module.read_bytes()
    module.write_bytes(kept + b"# edited by hand\n")
    assert workspace.run().returncode == 0 and module.read_bytes() == kept  # the tree is what the inputs give
    workspace.write_spec({**load_document(workspace.spec), "info": {"title": "Changed", "version": "2"}})
    built: list[Project] = []

    def counted(project: Project) -> AbstractContextManager[build.Built]:
        built.append(project)
        return generating(project)

    monkeypatch.setattr(build, "staged_build", counted)
    assert workspace.run().returncode == 0 and len(built) == 1


MODULE = '''"""A module."""

from typing import Any


def read(value: Any) -> int:  # a comment
    """Read it."""
    return int(value)  # type: ignore[no-any-return]
'''


@pytest.mark.parametrize(
    ("revised", "prose_only"),
    [
        (MODULE.replace("A module.", "A module,\n\nnow described at length."), True),
        (MODULE.replace("Read it.", "Read it, once.").replace("# a comment", "# another"), True),
        (MODULE.replace("int(value)", "int(value) + 0"), False),
        (MODULE.replace("  # type: ignore[no-any-return]", ""), False),
        (MODULE.replace("[no-any-return]", "[misc]"), False),
        (MODULE.replace('"""Read it."""', 'print("Read it.")'), False),
        (MODULE.replace('"""Read it."""', '"""Read it."""\n    "Then this."'), False),
        (MODULE + "def broken(:\n", False),
    ],
    ids=["docstring", "comment", "code", "ignore-dropped", "ignore-code", "docstring-to-call", "string", "syntax"],
)
def test_a_tree_differing_only_in_docstrings_and_plain_comments_is_not_checked_again(
    tmp_path: Path, revised: str, prose_only: bool
) -> None:
    """pipeline/generate/trees.py: what mypy and an import read (code, `# type:` comments) is compared; prose
    is not. A spec revision that changed only descriptions skips the type check of an unchanged tree."""
    for side, text in (("new", revised), ("old", MODULE)):
        (tmp_path / side / "pkg").mkdir(parents=True)
        (tmp_path / side / "pkg" / "m.py").write_text(text, encoding="utf-8")
    differences = trees.tree_differences(tmp_path / "new", tmp_path / "old")
    assert differences == ["changed: pkg/m.py"]
    assert trees.only_prose_differs(tmp_path / "new", tmp_path / "old", differences) is prose_only


def test_a_description_change_regenerates_without_the_type_check_and_a_code_change_with_it(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build._generate: the check runs where code changed, not where only the spec's prose did."""
    assert workspace.run().returncode == 0
    checked: list[Path] = []
    monkeypatch.setattr(build, "check_package", lambda package, *_: checked.append(package))
    spec, package_init = load_document(workspace.spec), next(workspace.out.glob("*/__init__.py"))
    before = package_init.read_text(encoding="utf-8")
    workspace.write_spec({**spec, "info": {**spec["info"], "description": "Described anew."}})
    assert workspace.run().returncode == 0 and checked == []
    assert package_init.read_text(encoding="utf-8") != before  # the new tree (its spec's digest) swapped in
    path, item = next(iter(spec["paths"].items()))
    method = next(method for method in item if method in HTTP_METHODS)
    added = {"name": "added_later", "in": "query", "schema": {"type": "string"}}
    operation = {**item[method], "parameters": [*item[method].get("parameters", []), added]}
    workspace.write_spec({**spec, "paths": {**spec["paths"], path: {**item, method: operation}}})
    assert workspace.run().returncode == 0 and len(checked) == 1


def test_generation_is_deterministic(workspace: Workspace, generated_slice: Path) -> None:
    """The same inputs give the same bytes, generated from nothing as over an existing tree."""
    shutil.rmtree(workspace.out)
    assert workspace.run().returncode == 0
    assert snapshot(workspace.out) == snapshot(generated_slice / "generated")


# Runs `python -m pipeline <argv[1:]>` killed just after the two trees trade places (pipeline/generate/swap.py).
KILLED_AFTER_THE_SWAP = """
import os, signal, sys
import pipeline.generate.swap as swap
exchange = swap._exchange
def killed(first, second):
    exchange(first, second)
    os.kill(os.getpid(), signal.SIGKILL)
swap._exchange = killed
from pipeline.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_run_killed_at_the_swap_leaves_the_new_tree_whole_and_the_next_run_tidies_up(workspace: Workspace) -> None:
    """Killed before the swap is any failure before it; killed after, the new tree is whole, and what the
    killed run left behind goes with the next run."""
    old = snapshot(workspace.out)
    edit_spec(workspace)
    paths = ["--spec", workspace.spec, "--config", workspace.config, "--templates", workspace.templates]
    argv = ["generate", *map(str, [*paths, "--out", workspace.out])]
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_SWAP, *argv], cwd=ROOT, capture_output=True)

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    during = snapshot(workspace.out)
    assert list(workspace.root.glob(".generate-*")), "the killed run left its staging directory"
    assert workspace.run().returncode == 0
    assert during == snapshot(workspace.out) != old
    assert list(workspace.root.glob(".generate-*")) == []


def test_ctrl_c_at_the_swap_leaves_the_old_tree_and_no_staging(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(first: Path, second: Path) -> bool:
        raise KeyboardInterrupt

    old = snapshot(workspace.out)
    edit_spec(workspace)
    monkeypatch.setattr(swap, "_exchange", interrupted)

    result = workspace.run()

    assert result.returncode == 130 and result.stderr == f"interrupted: {workspace.out}/ is as it was\n"
    assert snapshot(workspace.out) == old and list(workspace.root.glob(".generate-*")) == []


def test_a_client_that_fails_to_import_or_type_check_is_not_handed_over(workspace: Workspace) -> None:
    """Both problems, each the check finds, reported in the one run; generated/ untouched."""
    before = snapshot(workspace.out)
    with (workspace.templates / "client.py.jinja").open("a", encoding="utf-8") as template:
        template.write("\nLIMIT: int = 'ten'\nraise RuntimeError('at import')\n")

    result = workspace.run()

    assert result.returncode == 1, result.stderr
    assert "the generated client does not import:" in result.stderr and "RuntimeError: at import" in result.stderr
    assert "mypy --strict finds 1 error(s) in the generated client:" in result.stderr
    assert snapshot(workspace.out) == before


def test_committed_generated_is_current() -> None:
    """The drift check: generated/ is what openapi.yaml, generator-config.yaml and templates/ produce."""
    result = run_pipeline("check")
    assert result.returncode == 0, result.stderr


def edit_spec(ws: Workspace) -> str:
    spec = load_document(ws.spec)
    path_item = next(iter(spec["paths"].values()))
    operation = next(op for method, op in path_item.items() if method in HTTP_METHODS)
    operation["description"] = "Edited without regenerating."
    ws.write_spec(spec)
    return "api/"


def edit_config(ws: Workspace) -> str:
    sliced = spec_slice(SPEC, 1)
    described = [
        where
        for schema, where in openapi.schemas(sliced)
        if where[-2:-1] == ("properties",) and "description" in schema
    ]
    if not described:
        pytest.skip("the sliced openapi.yaml has no property with a description, which the config edit would move")
    with ws.config.open("a", encoding="utf-8") as config:
        config.write("docstrings_on_attributes: true\n")  # moves attribute docs in the models
    return "models/"


def edit_template(ws: Workspace) -> str:
    with (ws.templates / "client.py.jinja").open("a", encoding="utf-8") as template:
        template.write("\n# edited without regenerating\n")
    return "client.py"


@pytest.mark.parametrize("edit", [edit_spec, edit_config, edit_template], ids=lambda edit: edit.__name__)
def test_drift_check_names_the_stale_files_and_the_fix(workspace: Workspace, edit: Callable[[Workspace], str]) -> None:
    if edit is edit_config and not (SPEC.get("components") or {}).get("schemas"):
        pytest.skip("openapi.yaml has no component schemas: the config edit changes no model")
    stale_file = edit(workspace)
    result = workspace.run("check")
    assert result.returncode != 0
    assert "make generate" in result.stderr
    assert "changed: " in result.stderr and stale_file in result.stderr


def test_the_golden_record_shows_what_a_template_change_does(tmp_path: Path) -> None:
    """tests/golden/ holds what the feature spec generates, so a change to a template the seed spec barely
    uses (how an array of models is written) is a diff to review there."""
    ws = Workspace(tmp_path)
    shutil.copy(GOLDEN_SPEC, ws.spec)
    shutil.copy(ROOT / "generator-config.yaml", ws.config)
    shutil.copytree(ROOT / "templates", ws.templates)
    shutil.copytree(GOLDEN_OUT, ws.out, ignore=shutil.ignore_patterns("__pycache__"))  # current: the drift test
    arrays = ws.templates / "property_templates" / "list_property.py.jinja"
    appended = "{{ destination }}.append({{ inner_property.python_name }})"
    arrays.write_text(arrays.read_text().replace(appended, f"{appended}  # each item"), encoding="utf-8")

    result = ws.run("check")

    assert result.returncode != 0 and "changed: baseten_management/models/" in result.stderr


BEARER = {"type": "http", "scheme": "bearer"}
API_KEY = {"type": "apiKey", "in": "header", "name": "Authorization", "description": "`Authorization: Api-Key <key>`"}


def test_a_new_auth_scheme_regenerates_a_client_that_sends_it(workspace: Workspace) -> None:
    """The scheme openapi.yaml does not use replaces the one it does (Baseten switched Api-Key to Bearer)."""
    spec = load_document(workspace.spec)
    bearer_now = derive_auth(spec).describe().startswith("Authorization: Bearer")
    scheme, expected = (API_KEY, "Api-Key k-123") if bearer_now else (BEARER, "Bearer k-123")
    spec.setdefault("components", {})["securitySchemes"] = {"TheAuth": scheme}
    spec["security"] = [{"TheAuth": []}]
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    workspace.write_spec(spec)
    assert workspace.run().returncode == 0
    assert sent_auth_header(workspace.out, token="k-123") == expected


def sent_auth_header(generated: Path, token: str) -> str:
    """The Authorization header a client from `generated` sends, read in a fresh interpreter."""
    package = next(p.name for p in generated.iterdir() if (p / "__init__.py").exists())
    program = f"""
import sys
sys.path.insert(0, {str(generated)!r})
import httpx
from {package}.client import AuthenticatedClient
seen = []
transport = httpx.MockTransport(lambda request: seen.append(request) or httpx.Response(204))
client = AuthenticatedClient(base_url="https://x.test", token={token!r}, httpx_args={{"transport": transport}})
client.request("GET", "/")  # the spec's default security
print(seen[0].headers["authorization"])
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    return result.stdout.strip()


@dataclass
class Flawed:
    """A workspace whose inputs carry what stops nothing: defaults that do not fit, an overlay (one action
    of it obsolete), an unquoted timestamp. One generation, read by the three tests below."""

    workspace: Workspace
    published: bytes
    result: Run
    component: str  # whose two first properties got defaults of the wrong type ("" where none has two)
    properties: list[str]


@pytest.fixture(scope="session")
def flawed(generated_slice: Path, tmp_path_factory: pytest.TempPathFactory) -> Flawed:
    ws = Workspace(tmp_path_factory.mktemp("flawed"))
    shutil.copytree(generated_slice, ws.root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    spec = load_document(ws.spec)
    schemas = (spec.get("components") or {}).get("schemas") or {}
    name = next((name for name, schema in schemas.items() if len(schema.get("properties") or {}) >= 2), "")
    properties = list(schemas[name]["properties"])[:2] if name else []
    wrong = [{"type": "integer", "default": "8"}, {"type": "boolean", "default": "auto"}]
    for prop, default in zip(properties, wrong[: len(properties)], strict=True):
        schemas[name]["properties"][prop] = default
    path, item = next(iter(spec["paths"].items()))
    method = next(m for m in item if m in HTTP_METHODS)
    actions = [
        {"target": f"$.paths['{path}'].{method}", "update": {"summary": "Summary fixed by the overlay"}},
        {"target": "$.paths['/v1/gone'].get", "update": {"summary": "x"}, "description": "an obsolete fix"},
    ]
    overlay = {"overlay": "1.0.0", "info": {"title": "local fixes", "version": "1"}, "actions": actions}
    (ws.root / "openapi.overlay.yaml").write_text(json.dumps(overlay), encoding="utf-8")
    # YAML would read `x-released: 2025-02-04T10:43:55Z` as a datetime, which JSON has no place for.
    ws.spec.write_text(as_yaml(spec).replace("openapi:", "x-released: 2025-02-04T10:43:55.405Z\nopenapi:", 1))
    return Flawed(ws, ws.spec.read_bytes(), ws.run(), name, properties)


def test_defaults_that_do_not_fit_are_listed_in_one_warning_and_not_used(flawed: Flawed) -> None:
    """A wrong-typed default touches nothing on the wire: generation goes on, and the field stays unset."""
    if not flawed.component:
        pytest.skip("openapi.yaml has no component schema with two properties")
    assert flawed.result.returncode == 0, flawed.result.stderr
    warnings = [line for line in flawed.result.stderr.splitlines() if "do not fit their schema" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning:"), flawed.result.stderr  # one lists them all
    for prop in flawed.properties:
        assert f"#/components/schemas/{flawed.component}/properties/{prop}/default" in flawed.result.stderr
    # (by its class: a component named as a client import, Exoscale's `operation`, is OperationModel)
    module = snake_case(class_name(flawed.component))
    model = next(flawed.workspace.out.glob(f"*/models/{module}.py")).read_text(encoding="utf-8")
    declared = {
        node.target.id: ast.unparse(node.value)
        for node in ast.walk(ast.parse(model))
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None
    }
    attributes = [naming.attribute_name(prop, current().field_prefix) for prop in flawed.properties]
    assert {declared.get(attribute, "UNSET") for attribute in attributes} == {"UNSET"}, declared


def test_an_overlay_fixes_the_client_and_leaves_openapi_yaml_as_published(flawed: Flawed) -> None:
    assert flawed.result.returncode == 0, flawed.result.stderr
    assert flawed.workspace.spec.read_bytes() == flawed.published
    modules = flawed.workspace.out.rglob("api/*/*.py")
    assert any("Summary fixed by the overlay" in p.read_text(encoding="utf-8") for p in modules)
    assert "action 2 (an obsolete fix) selects nothing" in flawed.result.stderr


def test_unquoted_timestamps_are_the_strings_they_were_written_as(flawed: Flawed) -> None:
    assert load_document(flawed.workspace.spec)["x-released"] == "2025-02-04T10:43:55.405Z"
    assert flawed.result.returncode == 0 and "Traceback" not in flawed.result.stderr


def test_a_3_0_flaw_the_generator_reads_is_a_warning_and_the_rest_still_stops(tmp_path: Path) -> None:
    """An operation's `title` and a 3.0 schema's `const` break no request or response: listed, generated.
    A flaw beside them that the generator cannot read is still a stop, and all are in the one run."""
    ws = Workspace(tmp_path)
    shutil.copy(ROOT / "tests" / "specs" / "openapi-3.0.yaml", ws.spec)
    shutil.copy(ROOT / "generator-config.yaml", ws.config)
    shutil.copytree(ROOT / "templates", ws.templates)

    result = ws.run()

    assert result.returncode == 0, result.stderr
    assert "#/paths/~1v1~1notes/get: `title` is not a field of an operation; left out" in result.stderr
    assert "#/components/schemas/Note/properties/kind: `const` is not in OpenAPI 3.0" in result.stderr
    spec = load_document(ws.spec)
    spec["paths"]["/v1/notes"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["type"] = "objekt"
    ws.write_spec(spec)
    broken = ws.run()
    assert broken.returncode != 0 and "objekt" in broken.stderr and "`title` is not a field" in broken.stderr


def test_3_0_habits_in_a_3_1_document_are_read_as_they_mean_and_listed() -> None:
    """Two flaws published specs carry that the generator reads unambiguously (leniency.py): each a warning."""
    responses = {"200": {"description": "ok"}, "4xx": {"description": "refused"}}
    bounded = {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 9, "exclusiveMaximum": False}
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "paths": {"/v1/x": {"get": {"responses": responses}}},
        "components": {"schemas": {"Count": bounded}},
    }
    read, notes = leniency.tolerated(spec)
    assert read["paths"]["/v1/x"]["get"]["responses"] == {
        "200": {"description": "ok"},
        "4XX": {"description": "refused"},
    }
    assert read["components"]["schemas"]["Count"] == {"type": "integer", "exclusiveMinimum": 0, "maximum": 9}
    assert notes == [
        "#/paths/~1v1~1x/get/responses/4xx: written 4XX in OpenAPI; read as that",
        "#/components/schemas/Count: `exclusiveMinimum: true` is OpenAPI 3.0's; read as `exclusiveMinimum: 0`",
        "#/components/schemas/Count: a boolean `exclusiveMaximum` says nothing here in OpenAPI 3.1; left out",
    ]
    assert spec["components"]["schemas"]["Count"]["exclusiveMinimum"] is True  # the published spec is untouched


def test_a_name_required_twice_and_2019_09_recursion_are_read_as_they_mean_and_listed() -> None:
    """Two more (leniency.py; OpenAI's spec): `required` naming a property twice; `$recursiveAnchor` with
    `$recursiveRef: "#"` inside the component, which 3.1's dialect does not know: the `$ref` it means."""
    filter_ = {
        "$recursiveAnchor": True,
        "type": "object",
        "required": ["type", "filters", "type"],
        "properties": {"type": {"type": "string"}, "filters": {"type": "array", "items": {"$recursiveRef": "#"}}},
    }
    spec: dict[str, Any] = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"Filter": filter_}}}
    read, notes = leniency.tolerated(spec)
    assert read["components"]["schemas"]["Filter"] == {
        "type": "object",
        "required": ["type", "filters"],
        "properties": {
            "type": {"type": "string"},
            "filters": {"type": "array", "items": {"$ref": "#/components/schemas/Filter"}},
        },
    }
    assert notes == [
        "#/components/schemas/Filter/required: 'type' listed more than once; read once",
        "#/components/schemas/Filter/properties/filters/items: `$recursiveRef` is JSON Schema 2019-09's; read as"
        " `$ref` to Filter",
    ]
    assert spec["components"]["schemas"]["Filter"]["$recursiveAnchor"] is True  # the published spec is untouched


def test_documentation_fields_and_3_1_habits_in_a_3_0_document_are_read_as_they_mean_and_listed() -> None:
    """More flaws the generator reads unambiguously (leniency.py; Exoscale's spec): a tag's 3.2 `parent`, a
    null operation description, an unknown schema keyword, a 3.1 type list with null in a 3.0 document."""
    quota = {"type": ["integer", "null"], "minimum": 0, "user_error": "Must be a number"}
    spec: dict[str, Any] = {
        "openapi": "3.0.3",
        "tags": [{"name": "dbaas", "parent": "databases"}],
        "paths": {"/v1/x": {"get": {"description": None, "responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Quota": quota}},
    }
    read, notes = leniency.tolerated(spec)
    assert read["tags"] == [{"name": "dbaas"}]
    assert read["paths"]["/v1/x"]["get"] == {"responses": {"200": {"description": "ok"}}}
    assert read["components"]["schemas"]["Quota"] == {"type": "integer", "nullable": True, "minimum": 0}
    assert notes == [
        "#/tags/0: `parent` not a field of a tag in OpenAPI 3.0/3.1; left out",
        "#/paths/~1v1~1x/get/description: null says nothing; left out",
        "#/components/schemas/Quota: `user_error` is no keyword of OpenAPI 3.0's schema object; left out",
        "#/components/schemas/Quota: a type list is OpenAPI 3.1's; read as `type: integer, nullable: true`",
    ]
    assert spec["components"]["schemas"]["Quota"]["type"] == ["integer", "null"]  # the published spec is untouched


def test_a_discriminator_value_a_branch_refuses_is_read_as_the_one_the_branch_pins_and_listed() -> None:
    """Spotify's spec: no mapping, so OpenAPI implies each branch's name, but TrackObject allows `type` only
    "track" (an allOf part of EpisodeObject, "episode"; OpenAI's WebSearchPreviewTool, either of two values):
    those are mapped. A value besides the branch's own name is mapped too; one another branch is named by,
    or an earlier branch took, stays theirs; null (the property left out) is no value to map."""

    def pinned(*values: str | None) -> dict[str, Any]:
        return {"type": "object", "properties": {"type": {"enum": list(values)}}}

    names = ("TrackObject", "EpisodeObject", "Ad", "SearchTool", "Clip", "Podcast", "Copy")
    schemas = {
        "Item": {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in names],
                 "discriminator": {"propertyName": "type"}},
        "TrackObject": pinned("track", None),
        "EpisodeObject": {"allOf": [{"type": "object"}, {"properties": {"type": {"const": "episode"}}}]},
        "Ad": pinned("Ad", "ad"),
        "SearchTool": pinned("search", "search_2025"),
        "Clip": pinned("Clip"),
        "Podcast": pinned("Clip", "podcast"),
        "Copy": pinned("track"),
    }  # fmt: skip
    spec: dict[str, Any] = {"openapi": "3.1.0", "paths": {}, "components": {"schemas": schemas}}
    read, notes = leniency.tolerated(spec)
    assert read["components"]["schemas"]["Item"]["discriminator"]["mapping"] == {
        "track": "#/components/schemas/TrackObject",
        "episode": "#/components/schemas/EpisodeObject",
        "ad": "#/components/schemas/Ad",
        "search": "#/components/schemas/SearchTool",
        "search_2025": "#/components/schemas/SearchTool",
        "podcast": "#/components/schemas/Podcast",
    }
    implied = "the value OpenAPI implies without a mapping"
    at = "#/components/schemas/Item/discriminator:"
    assert notes == [
        f"{at} TrackObject allows `type` only 'track', not its name ({implied}); mapped 'track' to TrackObject",
        f"{at} EpisodeObject allows `type` only 'episode', not its name ({implied}); mapped 'episode' to EpisodeObject",
        f"{at} Ad allows `type` 'ad' besides its name ({implied}); mapped 'ad' to Ad",
        f"{at} SearchTool allows `type` only 'search' or 'search_2025', not its"
        f" name ({implied}); mapped 'search', 'search_2025' to SearchTool",
        f"{at} Podcast allows `type` only 'Clip' or 'podcast', not its name ({implied}); mapped 'podcast' to Podcast",
        f"{at} Copy allows `type` only 'track', not its name ({implied}); each is"
        " another branch's already, so Copy is read by its name",
    ]
    assert "mapping" not in spec["components"]["schemas"]["Item"]["discriminator"]  # the published spec is untouched


# The client's members a group could be named like (a group's name is snake_case: not USER_AGENT).
GROUPS_TAKEN = {name for name in [*client_members(current().runtime), "aio"] if snake_case(name) == name}


def colliding_spec() -> dict[str, Any]:
    """A spec built from pipeline/generate/naming.py's reserved names: a query parameter named after each name an
    operation's functions use, a property after each model member, a schema after each class a module
    imports, a group (tag) after each member of the client, and a waited operation's parameters after the
    waiter's own arguments."""
    string = {"type": "string"}
    properties: dict[str, str] = {}
    for name in sorted(naming.model_members()):  # two wire names may make one attribute: one of each
        properties.setdefault(naming.attribute_name(name, current().field_prefix), name)
    schemas: dict[str, Any] = {
        "Thing": {"type": "object", "properties": {name: string for name in properties.values()}},
        "Status": {"type": "object", "properties": {"status": {"type": "string", "enum": ["READY", "FAILED"]}}},
    }
    for name in sorted(naming.CLASS_NAMES):
        schemas[name] = {"type": "object", "properties": {"value": string}}

    def answer(schema: str) -> dict[str, Any]:
        content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
        return {"200": {"description": "It", "content": content}}

    classes = "GetClassesResponse200"
    schemas[classes] = {"type": "object", "properties": {}}
    for index, name in enumerate(sorted(naming.CLASS_NAMES)):
        schemas[classes]["properties"][f"p{index}"] = {"$ref": f"#/components/schemas/{name}"}
    query = [{"name": name, "in": "query", "schema": string} for name in sorted(naming.ENDPOINT_NAMES)]
    waited = [{"name": name, "in": "query", "schema": string} for name in sorted(naming.WAITER_ARGUMENTS)]
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    paths: dict[str, Any] = {
        "/v1/things": {"post": {"operationId": "create_thing", "tags": ["things"], "parameters": query,
                                "requestBody": body, "responses": answer("Thing")}},
        "/v1/status": {"get": {"operationId": "get_status", "tags": ["things"], "parameters": waited,
                               "responses": answer("Status")}},
        "/v1/classes": {"get": {"operationId": "get_classes", "tags": ["things"], "responses": answer(classes)}},
    }  # fmt: skip
    for member in sorted(GROUPS_TAKEN):
        operation = {"operationId": f"get_{member}", "tags": [member], "responses": answer("Thing")}
        paths[f"/v1/groups/{member}"] = {"get": operation}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Reserved names", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_each_name_the_client_keeps_is_renamed_by_the_rule(tmp_path: Path) -> None:
    """Every name pipeline/generate/naming.py reserves, taken by the spec, is renamed by its rule (the wire names
    stay), and the client imports and type-checks (make generate's gate)."""
    ws = Workspace(tmp_path)
    ws.write_spec(colliding_spec())
    shutil.copytree(ROOT / "templates", ws.templates)
    config = load_document(ROOT / "generator-config.yaml")
    waiter = {"operation": "GET /v1/status", "field": "status", "success": ["READY"], "failure": ["FAILED"]}
    config.update(waiters={"wait_for_status": waiter}, rate_limits={}, operation_overrides={})
    ws.config.write_text(json.dumps(config), encoding="utf-8")

    result = ws.run()

    assert result.returncode == 0, result.stderr
    package = next(p for p in ws.out.iterdir() if (p / "__init__.py").is_file())

    def arguments(module: Path, function: str) -> set[str]:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        found = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
        return {a.arg for a in found.args.args + found.args.kwonlyargs}

    things = package / "api" / "things"
    taken = arguments(things / "create_thing.py", "sync_detailed") - {"client", "body"}  # the function's own
    assert len(taken) == len(naming.ENDPOINT_NAMES) and not taken & naming.ENDPOINT_NAMES, sorted(taken)
    waited = arguments(things / "get_status.py", "wait_for_status")
    assert {f"{name}_" for name in naming.WAITER_ARGUMENTS} | naming.WAITER_ARGUMENTS <= waited
    thing = ast.parse((package / "models" / "thing.py").read_text(encoding="utf-8"))
    cls = next(n for n in thing.body if isinstance(n, ast.ClassDef) and n.name == "Thing")
    attributes = {n.target.id for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    wanted = {naming.attribute_name(name, current().field_prefix) for name in naming.model_members()}
    assert wanted <= attributes and not wanted & naming.model_members(), sorted(wanted - attributes)
    exported = set(import_module_all(package / "models" / "__init__.py"))
    assert not exported & naming.CLASS_NAMES
    for name in naming.CLASS_NAMES:  # UNSET and Unset: UNSETModel and UnsetModel2, which has a module of its own
        assert any(e.startswith(f"{ClassName(name, '')}Model") for e in exported), f"no class for the schema {name}"
    client = (package / "client.py").read_text(encoding="utf-8")
    for member in GROUPS_TAKEN:
        assert f"    def {member}_(self)" in client, f"the group {member} is not client.{member}_"


def import_module_all(module: Path) -> list[str]:
    """A module's __all__, read without importing it."""
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    return []


@pytest.mark.parametrize("tree", [ROOT / "generated", GOLDEN_OUT], ids=["generated", "golden"])
def test_every_class_a_module_imports_is_one_a_schema_may_not_be_named(tree: Path) -> None:
    """naming.CLASS_NAMES, which decides what a schema is renamed from, holds every class an endpoint or
    model module imports besides the models: a schema named like a missing one would hide it there."""
    imported: dict[str, str] = {}
    modules = [*tree.glob("*/api/*/*.py"), *tree.glob("*/models/*.py")]
    for module in sorted(module for module in modules if module.name != "__init__.py"):
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and "models" not in (node.module or "").split("."):
                for alias in node.names:
                    imported.setdefault(alias.asname or alias.name, str(module.relative_to(tree)))
    classes = {name: where for name, where in imported.items() if name[:1].isupper()}
    assert classes, f"{tree} has no module importing a class"
    assert {name: where for name, where in classes.items() if name not in naming.CLASS_NAMES} == {}


def with_waiter(ws: Workspace, **waiter: Any) -> None:
    ws.write_spec(THINGS)
    config = load_document(ws.config)
    entry = {"operation": "GET /v1/things/{thing_id}", "field": "status", "success": ["READY"], "failure": ["FAILED"]}
    config["waiters"] = {"wait_for_thing": {**entry, **waiter}}
    ws.config.write_text(json.dumps(config), encoding="utf-8")


@pytest.mark.parametrize(
    ("waiter", "said"),
    [
        ({"success": ["READYY"]}, "waiter wait_for_thing: status of GET /v1/things/{thing_id} has no value 'READYY'"),
        ({"field": "state"}, "waiter wait_for_thing: GET /v1/things/{thing_id} returns no field state"),
        ({"operation": "POST /v1/things"}, "waiters: wait_for_thing: operation must be a GET"),
    ],
    ids=["misspelt-value", "no-such-field", "not-a-get"],
)
def test_a_waiter_the_spec_cannot_serve_stops_generation_naming_what_it_lacks(
    workspace: Workspace, waiter: dict[str, Any], said: str
) -> None:
    before = snapshot(workspace.out)
    with_waiter(workspace, **waiter)

    result = workspace.run()

    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert snapshot(workspace.out) == before


def test_a_waiter_is_generated_on_its_group_and_one_whose_operation_is_absent_is_listed(workspace: Workspace) -> None:
    with_waiter(workspace)
    config = load_document(workspace.config)
    config["waiters"]["wait_for_other"] = {"operation": "GET /v1/others/{id}", "field": "state", "success": ["OK"]}
    workspace.config.write_text(json.dumps(config), encoding="utf-8")

    result = workspace.run()

    assert result.returncode == 0, result.stderr
    assert "waiter wait_for_other: GET /v1/others/{id} is not in the spec; not generated" in result.stdout
    group = (next(workspace.out.iterdir()) / "api" / "things" / "__init__.py").read_text(encoding="utf-8")
    assert "def wait_for_thing(self)" in group and "wait_for_other" not in group


def test_every_operation_the_client_cannot_have_is_left_out_and_listed_with_its_reason(workspace: Workspace) -> None:
    """Two operations the generator cannot make (a body of a media type it does not read) and one the client
    would send wrong (a path parameter in the matrix style is `;id=5`; the client writes `5`): each named by
    its JSON pointer, with why, in a warning and in the package's LEFT_OUT; the client is generated without
    them."""
    spec = load_document(workspace.spec)
    for path in ("/v1/refused_one", "/v1/refused_two"):
        body = {"content": {"application/xml": {"schema": {"type": "object"}}}, "required": True}
        spec["paths"][path] = {"post": {"requestBody": body, "responses": {"204": {"description": "done"}}}}
    matrix = {"name": "id", "in": "path", "required": True, "style": "matrix", "schema": {"type": "string"}}
    get = {"parameters": [matrix], "responses": {"204": {"description": "ok"}}}
    spec["paths"]["/v1/refused_three/{id}"] = {"get": get}
    workspace.write_spec(spec)
    result = workspace.run()
    assert result.returncode == 0, result.stderr
    said = [
        *(f"#/paths/~1v1~1refused_{n}/post (POST /v1/refused_{n}): Unsupported content type application/xml"
          for n in ("one", "two")),
        "#/paths/~1v1~1refused_three~1{id}/get (GET /v1/refused_three/{id}): path parameter 'id' asks for style"
        " matrix, explode false; the generated client sends a path parameter as style simple, explode false",
    ]  # fmt: skip
    assert [line for line in result.stderr.splitlines() if "/v1/refused_" in line] == [f"  {line}" for line in said]
    package = next(workspace.out.iterdir())
    assert [part.describe() for part in left_out.from_mapping(left_out_of(package))] == said
    assert not list(package.glob("api/*/*refused*")) and "Traceback" not in result.stderr


def docstring(package: Path) -> str:
    return ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""


def left_out_of(package: Path) -> dict[str, str]:
    """The package's LEFT_OUT, read from its source."""
    tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    (value,) = [
        node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "LEFT_OUT"
    ]
    assert value is not None
    found: dict[str, str] = ast.literal_eval(value)
    return found


@pytest.fixture(scope="session")
def parts_left_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Run]:
    """tests/specs/left_out.yaml, generated once: what the generator cannot build beside what it can."""
    ws = Workspace(tmp_path_factory.mktemp("left_out"))
    shutil.copy(ROOT / "tests" / "specs" / "left_out.yaml", ws.spec)
    shutil.copy(ROOT / "generator-config.yaml", ws.config)
    shutil.copytree(ROOT / "templates", ws.templates)
    return ws, ws.run()


LEFT_OUT = [
    "#/paths/~1v1~1notes/get/responses/400: uses #/components/schemas/Label, left out",
    "#/paths/~1v1~1notes~1{note_id}/put/responses/200: uses #/components/schemas/Label, left out",
    "#/paths/~1v1~1notes~1{note_id}~1archive/post (POST /v1/notes/{note_id}/archive): path parameter 'note_id'"
    " asks for style matrix, explode false; the generated client sends a path parameter as style simple, explode"
    " false",
    "#/paths/~1v1~1notes~1search/get (GET /v1/notes/search): header parameter 'X-Filter' is described by `content`"
    " (a media type); the generated client sends only a query parameter so, written as JSON",
    "#/paths/~1v1~1notes~1{noteId}~1download/get (GET /v1/notes/{noteId}/download): documents no success (only"
    " 307): a call has no result to return, and the client raises on any status the spec does not give as a success",
    "#/paths/~1v1~1reports/post (POST /v1/reports): Unsupported content type application/xml",
    "#/paths/~1v1~1labels~1{label_id}/get (GET /v1/labels/{label_id}): no success it documents can be read: its 200"
    " response: uses #/components/schemas/Label, left out",
    "#/paths/~1v1~1labels/post (POST /v1/labels): uses #/components/schemas/Label, left out",
    "#/components/schemas/Label: Cannot take allOf a non-object",
    "#/components/schemas/Tagged: uses #/components/schemas/Label, left out",
    "#/components/schemas/Survey: Cannot take allOf a non-object",
    "#/components/schemas/Timezone: the generator failed on it: ValueError: Duplicate key GMT0 in enum"
    " timezone.Timezone; consider setting literal_enums in your config",
]


def test_what_the_generator_cannot_build_is_left_out_one_warning_line_each_and_the_rest_generated(
    parts_left_out: tuple[Workspace, Run],
) -> None:
    """An endpoint it skips, a response it omits, schemas it cannot build and one it crashed on: each a line
    naming its place in the document and why, in one warning; the run goes on and the client has the rest."""
    ws, result = parts_left_out
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if "cannot have, left out of it" in line]
    listed = result.stderr.split(warning + "\n", 1)[1].splitlines()[: len(LEFT_OUT)]
    assert warning.startswith(f"warning: {ws.spec}: {len(LEFT_OUT)} part(s)") and listed == [
        f"  {line}" for line in LEFT_OUT
    ]
    package = next(ws.out.iterdir())
    modules = sorted(str(p.relative_to(package / "api")) for p in package.glob("api/*/*.py"))
    assert modules == [
        "notes/__init__.py",
        "notes/create_note.py",
        "notes/get_note.py",
        "notes/list_notes.py",
        "notes/replace_note.py",
    ]
    models = {p.stem for p in (package / "models").glob("*.py")}
    assert "note" in models and not models & {"label", "tagged", "survey", "timezone"}
    assert "400" not in (package / "api" / "notes" / "list_notes.py").read_text(encoding="utf-8").split("def ")[1]


def test_the_package_and_its_docstring_and_so_the_reference_list_what_was_left_out(
    parts_left_out: tuple[Workspace, Run],
) -> None:
    ws, result = parts_left_out
    package = next(ws.out.iterdir())
    assert [part.describe() for part in left_out.from_mapping(left_out_of(package))] == LEFT_OUT
    text = docstring(package)
    listed = text.split("## Left out", 1)[1]
    assert [line for line in listed.splitlines() if line.startswith("- `")] == [
        part.markdown() for part in left_out.from_mapping(left_out_of(package))
    ]
    assert text.index("## Groups") < text.index("## Left out")
    assert "client.labels" not in text and "client.reports" not in text  # no group is left without a call


def test_the_same_problem_at_several_places_is_a_line_for_each_at_its_full_location() -> None:
    """The Schema Object's meta-schema, checked schema by schema: each problem located from the top of the
    document, two alike kept apart, and every problem of one schema listed (the check stops at its first)."""
    anchored = {"$recursiveAnchor": True, "type": "object"}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "x", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Filter": anchored,
                "BetaFilter": dict(anchored),
                "Resource": {"required": ["id", "id"], "properties": {"n": {"type": "integer", "minimum": "0"}}},
            }
        },
    }
    assert sorted(spec_check.structural_errors(spec)) == [
        "invalid OpenAPI at #/components/schemas/BetaFilter/$recursiveAnchor: True is not of type 'string'",
        "invalid OpenAPI at #/components/schemas/Filter/$recursiveAnchor: True is not of type 'string'",
        "invalid OpenAPI at #/components/schemas/Resource/properties/n/minimum: '0' is not of type 'number'",
        "invalid OpenAPI at #/components/schemas/Resource/required: ['id', 'id'] has non-unique elements",
    ]


def test_a_generator_crash_is_one_line_naming_where_it_was_and_the_rest_is_still_listed(workspace: Workspace) -> None:
    """A template that fails on every model: one error line, naming the schema being written, beside the
    warning of the part left out in the same run; generated/ untouched."""
    before = snapshot(workspace.out)
    with (workspace.templates / "model.py.jinja").open("a", encoding="utf-8") as template:
        template.write("{{ model.class_info.name.no_such_method() }}\n")
    spec = load_document(workspace.spec)
    body = {"content": {"application/xml": {"schema": {"type": "object"}}}, "required": True}
    spec["paths"]["/v1/refused"] = {"post": {"requestBody": body, "responses": {"204": {"description": "done"}}}}
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["CrashesTheTemplate"] = {"type": "object", "properties": {"x": {"type": "string"}}}  # a model, always
    workspace.write_spec(spec)

    result = workspace.run()

    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1 and len(errors) == 1, result.stderr
    assert re.search(
        r"openapi-python-client failed: UndefinedError: .* \(writing #/components/schemas/[^/()]+\)$", errors[0]
    )
    said = "  #/paths/~1v1~1refused/post (POST /v1/refused): Unsupported content type application/xml"
    assert said in result.stderr.splitlines()
    assert snapshot(workspace.out) == before


def test_a_document_the_generator_cannot_read_is_refused_at_each_place_in_a_short_line(workspace: Workspace) -> None:
    """The generator's model of OpenAPI refuses an empty `enum`, which OpenAPI 3.1's meta-schema takes: a line
    a place, short, where the generator prints its model's whole complaint. (An object `const`, which it
    refuses too, spec_prepare takes out.)"""
    ok = {"200": {"description": "ok"}}
    spec = {  # a 3.1 document of its own, whatever openapi.yaml's version: a 3.0 meta-schema refuses the enum
        "openapi": "3.1.0",
        "info": {"title": "x", "version": "1"},
        "paths": {"/ping": {"get": {"responses": ok}}},
        "components": {"schemas": {"Ping": {"enum": []}, "Pong": {"enum": []}}},
    }
    workspace.write_spec(spec)
    result = workspace.run()
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1 and len(errors) == 2, result.stderr
    for name, line in zip(["Ping", "Pong"], errors, strict=True):
        assert line.startswith(f"error: {workspace.spec}: #/components/schemas/{name}/enum: openapi-python-client")
        assert len(line) < 300


def test_a_server_url_whose_variable_has_no_default_is_a_warning_and_no_default_server(workspace: Workspace) -> None:
    """`servers: [{url: '{siteUrl}'}]`: the generator reads it; the caller says where the server is."""
    spec = load_document(workspace.spec)
    spec["servers"] = [{"url": "{siteUrl}"}]
    workspace.write_spec(spec)
    result = workspace.run()
    assert result.returncode == 0, result.stderr
    said = "#/servers/0/url: '{siteUrl}' has a variable with no default (siteUrl); the client has no default server"
    assert said in result.stderr
    client = (next(workspace.out.iterdir()) / "client.py").read_text(encoding="utf-8")
    assert "{siteUrl}" not in client


@pytest.mark.parametrize(
    "document",
    [
        "",
        "openapi: 3.1.0\n",
        "openapi: 3.1.0\npaths: []\n",
        "openapi: 3.1.0\npaths:\n  /x: 5\n",
        "openapi: 3.1.0\npaths:\n  /x:\n    get: {responses: {'200': {content: []}}}\n",
    ],
    ids=["empty", "no-paths", "paths-list", "path-item-number", "content-list"],
)
def test_no_input_ends_in_a_traceback(workspace: Workspace, document: str) -> None:
    workspace.spec.write_text(document, encoding="utf-8")
    result = workspace.run()
    assert "Traceback" not in result.stderr and result.stderr.startswith("error:"), result.stderr


def alias_bomb(levels: int) -> bytes:
    lines = ["openapi: 3.1.0", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines).encode() + b"\n"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("openapi: 3.1.0\ninfo: {title: café}\n".encode("latin-1"), ":2: not UTF-8 text (byte 0xe9 at offset 32)"),
        (alias_bomb(9), "not read: its aliases expand it past 20,000 values"),  # a billion values written out
        (b'{"openapi": "3.1.0", "x": ' + b"[" * 300 + b"]" * 300 + b"}", "nested deeper than 200 levels"),
        (b'{"openapi": "3.1.0", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "deeper than Python can read"),
        (b"\xef\xbb\xbf" + b'{"openapi": "2.0"}', "not an OpenAPI 3.0/3.1 document (openapi: '2.0')"),  # a BOM is read
    ],
    ids=["latin-1", "alias-bomb", "deep", "deeper", "bom"],
)
def test_a_file_no_spec_can_be_is_refused_in_one_line(
    workspace: Workspace, content: bytes, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openapi, "MAX_VALUES", 20_000)  # the bound, lowered so the bomb goes off sooner
    before = snapshot(workspace.out)
    workspace.spec.write_bytes(content)

    result = workspace.run()

    assert result.returncode == 1 and result.stderr.count("\n") == 1 and said in result.stderr, result.stderr
    assert snapshot(workspace.out) == before


def test_a_nullable_object_component_is_a_union_where_used_but_stays_a_part_where_extended() -> None:
    """Asana's NextPage: `anyOf [$ref, null]` where a property holds it, so its class keeps its name; a model
    extending it through allOf keeps the plain `$ref` (the generator reads only an inline part's properties)."""
    from pipeline.generate.spec_prepare import prepare_spec

    next_page = {"type": "object", "nullable": True, "properties": {"offset": {"type": "string"}}}
    counted = {"allOf": [{"$ref": "#/components/schemas/NextPage"}, {"properties": {"count": {"type": "integer"}}}]}
    holder = {"type": "object", "properties": {"next_page": {"$ref": "#/components/schemas/NextPage"}}}
    spec: dict[str, Any] = {
        "openapi": "3.0.3",
        "paths": {},
        "components": {"schemas": {"NextPage": next_page, "CountedPage": counted, "Holder": holder}},
    }
    schemas = prepare_spec(spec, {})[0]["components"]["schemas"]
    assert schemas["NextPage"] == {"type": "object", "properties": {"offset": {"type": "string"}}}
    assert schemas["Holder"]["properties"]["next_page"]["anyOf"][0] == {"$ref": "#/components/schemas/NextPage"}
    assert schemas["CountedPage"]["allOf"][0] == {"$ref": "#/components/schemas/NextPage"}


def test_a_binary_body_in_a_media_type_the_generator_does_not_know_is_read_as_bytes_where_it_reads_none() -> None:
    """Box's thumbnail (`image/png`, `image/jpg`) and a PDF upload: mapped to application/octet-stream for the
    generator. Not beside a type it reads (JSON first or last stays JSON), nor a wildcard (no Content-Type
    to send), nor a type generator-config.yaml maps itself; a malformed response is passed by."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    responses = {
        "200": {"description": "x", "content": {"image/png": binary, "image/jpg": binary}},
        "201": {"description": "x", "content": {"image/gif": binary, "application/json": {"schema": {}}}},
        "202": {"description": "x", "content": {"image/*": binary}},
        "203": None,
    }
    body = {"content": {"application/pdf": binary, "image/tiff": binary}}
    spec = {"paths": {"/x": {"put": {"requestBody": body, "responses": responses}}}}
    config = generator.generator_config({"content_type_overrides": {"image/tiff": "image/tiff"}}, spec)
    assert config["content_type_overrides"] == {
        "application/pdf": "application/octet-stream",
        "image/tiff": "image/tiff",
        "image/png": "application/octet-stream",
        "image/jpg": "application/octet-stream",
    }
