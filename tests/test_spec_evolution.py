"""`make update-spec` and `make spec-diff`: a new spec arrives safely, and what breaks is named.

update-spec runs against a server on 127.0.0.1 serving a good spec, a truncated one, a Swagger 2 one
and a 404. spec-diff runs on changes derived from openapi.yaml, so the same checks hold for any spec,
and on the real 2026-03-29 -> 2026-06-19 pair when ../shared/specs is present.
"""

import copy
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contract.spec_model import Success, current_spec, operations, resolve, success_response
from pipeline.openapi import load_document
from pipeline.project import ROOT, current
from pipeline.spec_diff import REDOCLY, spec_diff
from tests.operation_calls import THINGS, run_pipeline, spec_slice
from tests.real_specs import SHARED_SPECS, skip_without_real_specs


@pytest.fixture(autouse=True)
def redocly_installed() -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: Redocly CLI cannot run (CI installs Node.js)")
    if not REDOCLY.exists():
        pytest.skip(f"{REDOCLY} is missing: run `make test`, which installs it with npm ci")


@pytest.fixture
def serve() -> Iterator[dict[str, tuple[int, bytes]]]:
    """A server on 127.0.0.1 answering each path with the (status, body) the test puts in the dict."""
    routes: dict[str, tuple[int, bytes]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = routes.get(self.path, (404, b"not found"))
            self.send_response(status)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    routes["base"] = (0, f"http://127.0.0.1:{server.server_port}".encode())
    yield routes
    server.shutdown()


def with_added_operation(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its first operation copied to a new path: with the path parameters it takes (path-level
    ones too), and an operationId of its own where it has one, so that the revision is a valid spec."""
    revised = copy.deepcopy(spec)
    first = operations(spec)[0]
    added = copy.deepcopy(first.spec)
    if "operationId" in added:
        added["operationId"] = f"{added['operationId']}_added_later"
    item: dict[str, Any] = {first.method: added}
    if "parameters" in spec["paths"][first.path]:
        item["parameters"] = copy.deepcopy(spec["paths"][first.path]["parameters"])
    path = "/v1/added_later" + "".join(f"/{{{p['name']}}}" for p in first.params_in("path"))
    revised["paths"][path] = item
    return revised


def test_update_spec_writes_readable_yaml_and_reports_the_change(serve, tmp_path: Path):
    """On a slice of openapi.yaml (its first operations): the mechanics do not depend on the spec's size."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(json.dumps(spec_slice(current_spec(), 3)), encoding="utf-8")
    served = with_added_operation(spec_slice(current_spec(), 3))
    serve["/v1/spec"] = (200, json.dumps(served).encode())
    result = run_pipeline("update-spec", "--url", serve["base"][1].decode() + "/v1/spec", "--spec", str(spec))
    assert result.returncode == 0, result.stderr
    assert load_document(spec) == served  # nothing lost on the way to YAML
    text = spec.read_text(encoding="utf-8")
    top_level_keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert top_level_keys == list(served)  # YAML, not JSON, in the served key order
    assert "operations: 1 added, 0 removed" in result.stdout and "/v1/added_later" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["openapi.yaml"]  # no scratch left behind


PYPROJECT = '[project]\nname = "a-client"\nversion = "0.4.2"\n\n[tool.x]\nversion = "9"\n'
CHANGELOG = "# Changelog\n\n## 0.4.2 (2026-01-01)\n\nEarlier.\n"


@pytest.mark.parametrize(
    ("revise", "version", "listed"),
    [
        (with_added_operation, "0.4.3", "Operations added:\n- "),
        (lambda spec: removed_operation(spec) and spec, "0.5.0", "Breaking changes:\n- "),
    ],
    ids=["additive-patch", "breaking-minor-at-0"],
)
def test_update_spec_sets_the_next_version_and_a_changelog_section(serve, tmp_path: Path, revise, version, listed):
    spec, pyproject, changelog = tmp_path / "openapi.yaml", tmp_path / "pyproject.toml", tmp_path / "CHANGELOG.md"
    base = spec_slice(current_spec(), 3)
    spec.write_text(json.dumps(base), encoding="utf-8")
    pyproject.write_text(PYPROJECT, encoding="utf-8")
    changelog.write_text(CHANGELOG, encoding="utf-8")
    serve["/v1/spec"] = (200, json.dumps(revise(copy.deepcopy(base))).encode())
    url = serve["base"][1].decode() + "/v1/spec"

    result = run_pipeline("update-spec", "--url", url, "--spec", str(spec))

    assert result.returncode == 0, result.stderr
    assert pyproject.read_text() == PYPROJECT.replace('version = "0.4.2"', f'version = "{version}"', 1)
    text = changelog.read_text()
    assert text.startswith(f"# Changelog\n\n## {version} (") and f"Spec: {url} (sha256 " in text
    assert listed in text and text.endswith("## 0.4.2 (2026-01-01)\n\nEarlier.\n")
    unchanged = run_pipeline("update-spec", "--url", url, "--spec", str(spec))  # the same spec again
    assert "no new version, nothing changed" in unchanged.stdout and changelog.read_text() == text


@pytest.mark.parametrize(
    ("served", "expected"),
    [
        ((200, json.dumps(current_spec()).encode()[:500]), "JSON syntax error"),
        ((200, json.dumps({"swagger": "2.0", "paths": {}}).encode()), "swagger: '2.0'"),
        (None, "HTTP 404"),
    ],
    ids=["truncated", "swagger-2", "404"],
)
def test_a_failed_update_leaves_openapi_yaml_untouched(serve, tmp_path: Path, served, expected: str):
    if served is not None:
        serve["/v1/spec"] = served
    spec = tmp_path / "openapi.yaml"
    shutil.copy(ROOT / "openapi.yaml", spec)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    result = run_pipeline("update-spec", "--url", serve["base"][1].decode() + "/v1/spec", "--spec", str(spec))
    assert result.returncode == 1
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # none of the three changed


def reachable(spec: dict[str, Any]) -> list[str]:
    """Component schema names the operations use, directly or through other schemas, in order found."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and ref.split("/")[-1] not in found:
                found.append(ref.split("/")[-1])
                visit(resolve(spec, node))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(spec.get("paths"))
    return found


def touched(base: dict[str, Any], revised: dict[str, Any]) -> set[tuple[str, str]]:
    """The operations a change reaches (their own text or a component they use differs, or they are new
    or gone); the first operation where it reaches none (a change of auth, or none at all)."""

    def reach(spec: dict[str, Any], key: tuple[str, str]) -> Any:
        sliced = spec_slice(spec, {key})  # every slice carries the auth schemes: they are compared apart
        return sliced["paths"], {k: v for k, v in (sliced.get("components") or {}).items() if k != "securitySchemes"}

    keys = {op.key for spec in (base, revised) for op in operations(spec)}
    found = {key for key in keys if reach(base, key) != reach(revised, key)}
    return found or {operations(base)[0].key}


def diff_with(tmp_path: Path, revised: dict[str, Any]) -> tuple[str, bool]:
    """spec-diff from openapi.yaml to `revised`, both cut down to the operations the change touches:
    Redocly reports the same changes, in a second rather than ten on a 183-operation spec."""
    keep = touched(current_spec(), revised)
    base, new = tmp_path / "base.json", tmp_path / "new.json"
    base.write_text(json.dumps(spec_slice(current_spec(), keep)), encoding="utf-8")
    new.write_text(json.dumps(spec_slice(revised, keep)), encoding="utf-8")
    return spec_diff(current(), base, new)


def test_an_added_operation_is_not_breaking(tmp_path: Path):
    report, breaking = diff_with(tmp_path, with_added_operation(current_spec()))
    assert not breaking and "/v1/added_later" in report, report


def test_an_added_enum_value_is_not_breaking(tmp_path: Path):
    """Redocly rates it major; the client's enums take values they do not list yet."""
    revised = copy.deepcopy(current_spec())
    enum_name = next((n for n in reachable(revised) if "enum" in revised["components"]["schemas"][n]), None)
    if enum_name is None:
        pytest.skip("openapi.yaml has no enum component that an operation uses")
    revised["components"]["schemas"][enum_name]["enum"].append("VALUE_ADDED_LATER")
    report, breaking = diff_with(tmp_path, revised)
    assert not breaking and "VALUE_ADDED_LATER" in report, report


def removed_operation(spec: dict[str, Any]) -> str:
    op = operations(spec)[0]
    del spec["paths"][op.path][op.method]
    return op.path


def response_object(spec: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """A schema some operation returns and a string property of it."""
    for op in operations(spec):
        schema = (success_response(spec, op) or Success(0, None)).schema
        for name, prop in (schema or {}).get("properties", {}).items():
            if prop.get("type") == "string":
                return schema, name
    pytest.skip("no operation returns an object with a string property")


def removed_response_field(spec: dict[str, Any]) -> str:
    schema, name = response_object(spec)
    del schema["properties"][name]
    schema["required"] = [r for r in schema.get("required", []) if r != name] or schema.pop("required", None) or []
    return name


def changed_field_type(spec: dict[str, Any]) -> str:
    schema, name = response_object(spec)
    schema["properties"][name] = {"type": "integer"}
    return name


def request_object(spec: dict[str, Any]) -> dict[str, Any]:
    """The JSON object body schema of the first operation that takes one."""
    for op in operations(spec):
        media = (resolve(spec, op.spec.get("requestBody")) or {}).get("content", {}).get("application/json", {})
        schema = resolve(spec, media.get("schema"))
        if schema and schema.get("properties"):
            return schema
    pytest.skip("no operation takes a JSON object body")


def removed_request_field(spec: dict[str, Any]) -> str:
    schema = request_object(spec)
    name = sorted(schema["properties"])[0]
    del schema["properties"][name]
    schema["required"] = [r for r in schema.get("required", []) if r != name]
    return name


def new_required_request_field(spec: dict[str, Any]) -> str:
    schema = request_object(spec)
    schema["properties"]["field_required_later"] = {"type": "string"}
    schema["required"] = [*schema.get("required", []), "field_required_later"]
    return "field_required_later"


def removed_enum_value(spec: dict[str, Any]) -> str:
    for name in reachable(spec):
        values = spec["components"]["schemas"][name].get("enum") or []
        if len(values) > 1:
            return str(values.pop())
    pytest.skip("no enum with two values is in use")


def renamed_operation(spec: dict[str, Any]) -> str:
    """A new operationId moves the operation's module: every import of it breaks."""
    op = operations(spec)[0]
    spec["paths"][op.path][op.method]["operationId"] = "renamed_later"
    return "renamed_later"


def changed_auth_scheme(spec: dict[str, Any]) -> str:
    schemes = spec.setdefault("components", {}).setdefault("securitySchemes", {})
    if not schemes:  # a spec without auth gains some: every call written without a key breaks
        schemes["BearerAuth"] = {"type": "http", "scheme": "bearer"}
        spec["security"] = [{"BearerAuth": []}]
        return "security"
    bearer = any(s.get("scheme") == "bearer" for s in schemes.values())
    new = {"type": "apiKey", "in": "header", "name": "X-Api-Key"} if bearer else {"type": "http", "scheme": "bearer"}
    for name in schemes:
        schemes[name] = new
    return "security scheme"


@pytest.mark.parametrize(
    "breakage",
    [
        removed_operation,
        removed_response_field,
        removed_request_field,
        changed_field_type,
        new_required_request_field,
        removed_enum_value,
        renamed_operation,
        changed_auth_scheme,
    ],
)
def test_each_breaking_class_fails_and_names_what_broke(tmp_path: Path, breakage):
    revised = copy.deepcopy(current_spec())
    named = breakage(revised)
    report, breaking = diff_with(tmp_path, revised)
    assert breaking, report
    assert named in report.split("BREAKING")[1], report


@pytest.mark.parametrize(("revision", "code"), [("same", 0), ("breaking", 1), ("absent", 2)])
def test_make_spec_diff_exits_0_1_or_2(tmp_path: Path, revision: str, code: int):
    """0: nothing breaks; 1: something breaks (BREAKING on stdout); 2: it cannot tell (error: on stderr)."""
    base = tmp_path / "base.json"
    base.write_text(json.dumps(spec_slice(current_spec(), 3)), encoding="utf-8")
    new = {"same": base, "breaking": tmp_path / "new.json", "absent": tmp_path / "absent.json"}[revision]
    if revision == "breaking":
        revised = spec_slice(current_spec(), 3)
        removed_operation(revised)
        new.write_text(json.dumps(revised), encoding="utf-8")
    result = run_pipeline("spec-diff", "--spec", str(base), "--new", str(new))
    assert result.returncode == code, result.stdout + result.stderr
    assert {0: "no breaking change", 1: "BREAKING", 2: "error:"}[code] in result.stdout + result.stderr
    if revision == "same":
        assert "operations: 0 added, 0 removed" in result.stdout


def test_the_real_auth_switch_and_growth_are_reported(tmp_path: Path):
    skip_without_real_specs()
    old, new = SHARED_SPECS / "baseten-management-2026-03-29.json", SHARED_SPECS / "baseten-management-2026-06-19.json"
    if not (old.exists() and new.exists()):
        pytest.skip(f"the 2026-03-29 and 2026-06-19 specs are not both in {SHARED_SPECS}")
    specs = {path: load_document(path) for path in (old, new)}
    ops = {path: {op.key for op in operations(spec)} for path, spec in specs.items()}
    added, removed = len(ops[new] - ops[old]), len(ops[old] - ops[new])
    # What came and went, and one operation both have: the same report, in a third of the time.
    keep = (ops[new] ^ ops[old]) | {min(ops[new] & ops[old])}
    for path, spec in specs.items():
        (tmp_path / path.name).write_text(json.dumps(spec_slice(spec, keep)), encoding="utf-8")
    report, breaking = spec_diff(current(), tmp_path / old.name, tmp_path / new.name)
    assert breaking and "auth: changed" in report
    assert f"operations: {added} added, {removed} removed" in report


def test_spec_diff_names_an_overlay_action_that_no_longer_selects_anything(tmp_path: Path):
    """After a spec update, the fix an action carried may be obsolete: spec-diff says which."""
    base = spec_slice(current_spec(), 2)
    op = operations(base)[0]
    overlay = tmp_path / "openapi.overlay.yaml"
    action = {"target": f"$.paths['{op.path}'].{op.method}", "update": {"summary": "Fixed"}, "description": "a fix"}
    overlay.write_text(json.dumps({"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": [action]}))
    revised = copy.deepcopy(base)
    del revised["paths"][op.path][op.method]
    (tmp_path / "base.json").write_text(json.dumps(base), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(revised), encoding="utf-8")
    files = ["--spec", str(tmp_path / "base.json"), "--new", str(tmp_path / "new.json")]
    result = run_pipeline("spec-diff", "--overlay", str(overlay), *files)
    assert "action 1 (a fix) selects nothing" in result.stdout, result.stdout + result.stderr


def test_a_revision_that_breaks_a_declared_waiter_is_breaking(tmp_path: Path):
    """A waiter (generator-config.yaml) that worked against the base: the revision drops a value it waits for."""
    base, new, config = tmp_path / "base.json", tmp_path / "new.json", tmp_path / "generator-config.yaml"
    base.write_text(json.dumps(THINGS), encoding="utf-8")
    revised = copy.deepcopy(THINGS)
    schema = revised["paths"]["/v1/things/{thing_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    schema["schema"]["properties"]["status"]["enum"] = ["PENDING", "DONE", "FAILED"]  # READY renamed DONE
    new.write_text(json.dumps(revised), encoding="utf-8")
    waiter = {"operation": "GET /v1/things/{thing_id}", "field": "status", "success": ["READY"], "failure": ["FAILED"]}
    settings = {**load_document(ROOT / "generator-config.yaml"), "waiters": {"wait_for_thing": waiter}}
    config.write_text(json.dumps(settings), encoding="utf-8")

    result = run_pipeline("spec-diff", "--spec", str(base), "--new", str(new), "--config", str(config))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "waiter wait_for_thing: status of GET /v1/things/{thing_id} has no value 'READY'" in result.stdout
