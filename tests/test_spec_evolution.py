"""`make update-spec` and `make spec-diff`: a new spec arrives safely, and what changed is said as the
client shows it: calls, arguments, models, fields, enum values, waiters.

update-spec runs against a server on 127.0.0.1 serving a good spec, a truncated one, a Swagger 2 one
and a 404, and on a local file. spec-diff runs on changes derived from openapi.yaml, one for each kind
of change, so the same checks hold for any spec, and on Baseten's real history when ../shared/specs is
present: the calls it reports added and removed are exactly the operations a direct count of the two
documents finds.
"""

import copy
import http.server
import json
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from contract.spec_model import Success, current_spec, operations, resolve, success_response
from pipeline.commands.plan import route_key
from pipeline.commands.spec_diff import ADDED, BREAKING, HEADINGS, RUN_TIME, DiffReport, diff_report
from pipeline.generate.auth_scheme import derive_auth
from pipeline.project import ROOT, current
from pipeline.spec.openapi import load_document
from tests.operation_calls import THINGS, run_pipeline, spec_slice
from tests.real_specs import real_spec_paths, skip_without_real_specs


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


def test_update_spec_writes_readable_yaml_and_reports_the_change(
    serve: dict[str, tuple[int, bytes]], tmp_path: Path
) -> None:
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
    assert "routes: 1 added, 0 removed (calls: 1 added, 0 removed)" in result.stdout, result.stdout
    added = [line for line in result.stdout.splitlines() if "/v1/added_later" in line]
    assert len(added) == 1 and added[0].strip().startswith("`client."), result.stdout  # the call, by its name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["openapi.yaml"]  # no scratch left behind


@pytest.mark.parametrize("form", ["path", "file-url"])
def test_update_spec_reads_a_local_file(tmp_path: Path, form: str) -> None:
    spec, new = tmp_path / "openapi.yaml", tmp_path / "published.json"
    spec.write_text(json.dumps(spec_slice(current_spec(), 3)), encoding="utf-8")
    new.write_text(json.dumps(with_added_operation(spec_slice(current_spec(), 3))), encoding="utf-8")
    source = str(new) if form == "path" else new.as_uri()
    result = run_pipeline("update-spec", "--url", source, "--spec", str(spec))
    assert result.returncode == 0, result.stderr
    assert load_document(spec) == load_document(new) and f"updated from {source}" in result.stdout


PYPROJECT = '[project]\nname = "a-client"\nversion = "0.4.2"\n\n[tool.x]\nversion = "9"\n'
CHANGELOG = "# Changelog\n\n## 0.4.2 (2026-01-01)\n\nEarlier.\n"


@pytest.mark.parametrize(
    ("revise", "version", "heading"),
    [
        (with_added_operation, "0.4.3", HEADINGS[ADDED]),
        (lambda spec: removed_operation(spec) and spec, "0.5.0", HEADINGS[BREAKING]),
    ],
    ids=["feature-patch-at-0", "breaking-minor-at-0"],
)
def test_update_spec_sets_the_next_version_and_a_changelog_section(
    serve: dict[str, tuple[int, bytes]],
    tmp_path: Path,
    revise: Callable[[dict[str, Any]], dict[str, Any]],
    version: str,
    heading: str,
) -> None:
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
    section = text.split("## 0.4.2")[0]
    assert f"### {heading}\n\n- `client." in section, section  # each change a line, in the client's words
    assert text.endswith("## 0.4.2 (2026-01-01)\n\nEarlier.\n")
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
def test_a_failed_update_leaves_openapi_yaml_untouched(
    serve: dict[str, tuple[int, bytes]], tmp_path: Path, served: tuple[int, bytes] | None, expected: str
) -> None:
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


def diff_with(tmp_path: Path, revised: dict[str, Any], base: dict[str, Any] | None = None) -> DiffReport:
    """spec-diff from openapi.yaml (or `base`) to `revised`, both cut down to the operations the change
    touches: the same report, a parse of a few operations rather than of the whole spec."""
    base = current_spec() if base is None else base
    keep = touched(base, revised)
    old, new = tmp_path / "base.json", tmp_path / "new.json"
    old.write_text(json.dumps(spec_slice(base, keep)), encoding="utf-8")
    new.write_text(json.dumps(spec_slice(revised, keep)), encoding="utf-8")
    return diff_report(current(), old, new)


def removed_operation(spec: dict[str, Any]) -> str:
    op = operations(spec)[0]
    del spec["paths"][op.path][op.method]
    return op.path


def response_object(spec: dict[str, Any], types: tuple[str, ...] = ("string",)) -> tuple[dict[str, Any], str]:
    """A schema some operation returns and a property of it of one of `types`."""
    for op in operations(spec):
        schema = (success_response(spec, op) or Success(0, None)).schema
        for name, prop in (schema or {}).get("properties", {}).items():
            if prop.get("type") in types:
                return schema, name
    pytest.skip(f"no operation returns an object with a property of type {' or '.join(types)}")


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
            found: dict[str, Any] = schema
            return found
    pytest.skip("no operation takes a JSON object body")


def removed_request_field(spec: dict[str, Any]) -> str:
    schema = request_object(spec)
    name: str = sorted(schema["properties"])[0]
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
        listed = [value for value in values if value is not None]  # null is no member (a nullable enum's)
        if len(listed) > 1:
            values.remove(listed[-1])
            return str(listed[-1])
    pytest.skip("no enum with two values is in use")


def renamed_operation(spec: dict[str, Any]) -> str:
    """A new operationId renames the call: every `client.<group>.<name>(...)` written for it breaks."""
    op = operations(spec)[0]
    spec["paths"][op.path][op.method]["operationId"] = "renamed_later"
    return "renamed_later"


def secured_operation(spec: dict[str, Any]) -> str:
    """An operation that took no key now needs one: code calling it with a bare Client breaks."""
    spec.setdefault("components", {}).setdefault("securitySchemes", {})["AddedLaterAuth"] = {
        "type": "http",
        "scheme": "bearer",
    }
    op = operations(spec)[0]
    if spec.get("security") or op.spec.get("security"):
        pytest.skip("openapi.yaml's first operation needs a key already")
    op.spec["security"] = [{"AddedLaterAuth": []}]
    return "now needs a key"


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
    ],
)
def test_each_breaking_class_fails_and_names_what_broke(
    tmp_path: Path, breakage: Callable[[dict[str, Any]], str]
) -> None:
    revised = copy.deepcopy(current_spec())
    named = breakage(revised)
    report = diff_with(tmp_path, revised)
    assert report.breaking, report.render("base", "new")
    assert any(named in line for line in report.of(BREAKING)), report.render("base", "new")


def test_the_report_names_calls_as_the_client_does(tmp_path: Path) -> None:
    """A removed operation is the call a caller wrote, `client.<group>.<name>(...)`, with its route beside it."""
    revised = copy.deepcopy(current_spec())
    op = operations(revised)[0]
    removed_operation(revised)
    lines = diff_with(tmp_path, revised).of(BREAKING, "calls removed")
    assert (
        len(lines) == 1 and lines[0].startswith("`client.") and route_of(lines[0]) == f"{op.method.upper()} {op.path}"
    )


def moved_operation(spec: dict[str, Any]) -> tuple[str, str]:
    """The first operation moved to another path (a route gone, another come): never a "rename"."""
    op = operations(spec)[0]
    moved = "/v1/moved_later" + "".join(f"/{{{p['name']}}}" for p in op.params_in("path"))
    item = spec["paths"].setdefault(moved, {})
    item[op.method] = spec["paths"][op.path].pop(op.method)
    if "parameters" in spec["paths"][op.path]:
        item["parameters"] = copy.deepcopy(spec["paths"][op.path]["parameters"])
    return op.path, moved


def test_a_moved_route_is_one_call_removed_and_one_added_never_a_rename(tmp_path: Path) -> None:
    revised = copy.deepcopy(current_spec())
    old_path, new_path = moved_operation(revised)
    report = diff_with(tmp_path, revised)
    assert [route_of(line) for line in report.of(BREAKING, "calls removed")] == [
        f"{operations(current_spec())[0].method.upper()} {old_path}"
    ]
    assert [route.split(" ", 1)[1] for route in report.routes_added] == [new_path]
    assert "renamed" not in report.render("base", "new")


def test_a_new_schema_is_added_and_breaks_nothing(tmp_path: Path) -> None:
    """A component no operation used before: its fields are not changes of anything that existed."""
    revised = with_added_operation(current_spec())
    schema = {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
    revised.setdefault("components", {}).setdefault("schemas", {})["AddedLaterV1"] = schema
    op = operations(revised)[-1]
    op.spec["responses"] = {
        "200": {
            "description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AddedLaterV1"}}},
        }
    }
    report = diff_with(tmp_path, revised)
    assert not report.breaking, report.render("base", "new")
    assert "`AddedLaterV1`" in report.of(ADDED, "models added")
    assert not [line for line in report.changes if "AddedLaterV1." in line.text], report.render("base", "new")


def bounded(spec: dict[str, Any], schema: dict[str, Any], name: str, keyword: str, value: int) -> None:
    """The property bounded inclusively at `value` (3.0's `exclusiveMinimum: true` beside it made it exclusive)."""
    exclusive = "exclusive" + keyword[0].upper() + keyword[1:]
    kept = {key: sub for key, sub in schema["properties"][name].items() if key != exclusive}
    schema["properties"][name] = {**kept, keyword: value}


def test_a_relaxed_bound_on_a_result_may_affect_callers_and_breaks_nothing(tmp_path: Path) -> None:
    """`minimum: 1` -> `minimum: 0` on a field the caller reads: no signature shows it; it is not breaking."""
    base = copy.deepcopy(current_spec())
    schema, name = response_object(base, ("integer", "number"))
    bounded(base, schema, name, "minimum", 1)
    revised = copy.deepcopy(base)
    schema, _ = response_object(revised, ("integer", "number"))
    bounded(revised, schema, name, "minimum", 0)
    report = diff_with(tmp_path, revised, base)
    assert not report.breaking and any(name in line and "minimum 0 (was 1)" in line for line in report.of(RUN_TIME))


def test_a_tighter_bound_on_a_request_may_affect_callers_and_breaks_nothing(tmp_path: Path) -> None:
    revised = copy.deepcopy(current_spec())
    schema = request_object(revised)
    name = next(
        (n for n, p in schema["properties"].items() if "string" in json.dumps(p.get("type") or p.get("anyOf"))), None
    )
    if name is None:
        pytest.skip("no JSON body has a string property")
    bounded(revised, schema, name, "maxLength", 3)
    report = diff_with(tmp_path, revised)
    assert not report.breaking and any(name in line and "maxLength 3" in line for line in report.of(RUN_TIME))


def test_an_added_operation_is_not_breaking(tmp_path: Path) -> None:
    report = diff_with(tmp_path, with_added_operation(current_spec()))
    assert not report.breaking and report.level == "feature"
    assert any("/v1/added_later" in line for line in report.of(ADDED, "calls added")), report.render("base", "new")


def test_an_added_enum_value_is_not_breaking(tmp_path: Path) -> None:
    """The client's enums take values they do not list yet: new in a result, it may affect callers at run
    time; new in an argument, it is a feature."""
    revised = copy.deepcopy(current_spec())
    enum_name = next((n for n in reachable(revised) if "enum" in revised["components"]["schemas"][n]), None)
    if enum_name is None:
        pytest.skip("openapi.yaml has no enum component that an operation uses")
    revised["components"]["schemas"][enum_name]["enum"].append("VALUE_ADDED_LATER")
    report = diff_with(tmp_path, revised)
    assert not report.breaking
    assert any("VALUE_ADDED_LATER" in line for line in report.of(ADDED) + report.of(RUN_TIME)), report.render("", "")


def test_a_switched_auth_header_may_affect_callers(tmp_path: Path) -> None:
    """The client follows the spec's header: code stays as it was, the server must take the key the new way."""
    revised = copy.deepcopy(current_spec())
    schemes = revised.get("components", {}).get("securitySchemes") or {}
    if not schemes:
        pytest.skip("openapi.yaml declares no security scheme")
    # A scheme that sends another header than the client sends now (oauth2 sends a bearer token too).
    sent = derive_auth(revised).default_scheme
    bearer = sent is not None and (sent.place, sent.name.lower(), sent.prefix) == ("header", "authorization", "Bearer")
    new = {"type": "apiKey", "in": "header", "name": "X-Api-Key"} if bearer else {"type": "http", "scheme": "bearer"}
    for name in schemes:
        schemes[name] = new
    report = diff_with(tmp_path, revised)
    assert not report.breaking and any("the key is sent as" in line for line in report.of(RUN_TIME))


def test_a_call_moved_to_a_server_of_its_own_may_affect_callers(tmp_path: Path) -> None:
    """Path-item `servers`: the call goes elsewhere, its signature unchanged."""
    revised = copy.deepcopy(current_spec())
    # A path whose operations name no servers of their own (Box's /authorize does: the path's would not apply).
    path = next((op.path for op in operations(revised) if "servers" not in op.spec), None)
    if path is None:
        pytest.skip("every operation in openapi.yaml names servers of its own: a path's servers would not apply")
    revised["paths"][path]["servers"] = [{"url": "https://elsewhere.example.test/v9"}]
    report = diff_with(tmp_path, revised)
    moved = [line for line in report.of(RUN_TIME) if "now sent to https://elsewhere.example.test/v9" in line]
    assert not report.breaking and moved, report.render("base", "new")


def test_a_call_that_now_needs_a_key_is_breaking(tmp_path: Path) -> None:
    revised = copy.deepcopy(current_spec())
    named = secured_operation(revised)
    report = diff_with(tmp_path, revised)
    assert any(named in line for line in report.of(BREAKING)), report.render("base", "new")


@pytest.mark.parametrize(("revision", "code"), [("same", 0), ("breaking", 1), ("absent", 2)])
def test_make_spec_diff_exits_0_1_or_2(tmp_path: Path, revision: str, code: int) -> None:
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
    assert {0: "no change a caller can see", 1: "BREAKING", 2: "error:"}[code] in result.stdout + result.stderr
    if revision == "same":
        assert "routes: 0 added, 0 removed" in result.stdout


def route_of(line: str) -> str:
    """The route a line about a call names: "`client.x.list_things()` removed (`GET /v1/things`)" -> GET /v1/things."""
    return line.rsplit(" (`", 1)[1].removesuffix("`)")


def real_pairs() -> list[tuple[Path, Path]]:
    paths = real_spec_paths()
    return list(zip(paths, paths[1:], strict=False))


@pytest.mark.parametrize("pair", range(2))
def test_on_real_history_calls_added_and_removed_are_the_operations_that_came_and_went(pair: int) -> None:
    """Exact on Baseten's own revisions: every route the documents gained is a call reported added, every
    route they lost a call reported removed (breaking), and nothing else is either."""
    skip_without_real_specs()
    if pair >= len(real_pairs()):
        pytest.skip(f"fewer than {pair + 2} real specs in ../shared/specs")
    old, new = real_pairs()[pair]
    routes = [{(op.method, route_key(op.path)): op.id for op in operations(load_document(p))} for p in (old, new)]
    added = sorted(routes[1][key] for key in routes[1].keys() - routes[0].keys())
    removed = sorted(routes[0][key] for key in routes[0].keys() - routes[1].keys())

    report = diff_report(current(), old, new)

    assert sorted(report.routes_added) == added and sorted(report.routes_removed) == removed
    assert sorted(route_of(line) for line in report.of(ADDED, "calls added")) == added
    assert sorted(route_of(line) for line in report.of(BREAKING, "calls removed")) == removed
    assert all(
        line.startswith("`client.") for line in report.of(ADDED, "calls added") + report.of(BREAKING, "calls removed")
    )
    text = report.render(old.name, new.name)
    assert f"routes: {len(added)} added, {len(removed)} removed" in text and "renamed" not in text
    if quoted_revision() == (old.name, new.name):  # README quotes this report: each line it shows is in it
        assert [line for line in quoted_report() if line not in {shown.strip() for shown in text.splitlines()}] == []


README_SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## When Baseten changes its spec", 1)[-1]


def quoted_revision() -> tuple[str, str] | None:
    """The two real specs whose report README's "When Baseten changes its spec" quotes (by their dates)."""
    dates = re.search(r"(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})", README_SECTION)
    paths = (
        [next((p.name for p in real_spec_paths() if date in p.name), "") for date in dates.groups()] if dates else []
    )
    return (paths[0], paths[1]) if len(paths) == 2 and all(paths) else None


def quoted_report() -> list[str]:
    excerpt = re.search(r"```text\n(.*?)```", README_SECTION, re.S)
    assert excerpt, "README quotes the report"
    return [line.strip() for line in excerpt.group(1).splitlines()[1:] if line.strip()]  # the first names the files


def test_readme_quotes_a_report_on_a_revision_it_names() -> None:
    """The check itself runs in the real-history test above, on the report it makes anyway."""
    skip_without_real_specs()
    assert quoted_revision() in real_pairs_by_name() and quoted_report()


def real_pairs_by_name() -> list[tuple[str, str]]:
    return [(old.name, new.name) for old, new in real_pairs()]


def test_spec_diff_names_an_overlay_action_that_no_longer_selects_anything(tmp_path: Path) -> None:
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


def test_a_revision_that_breaks_a_declared_waiter_is_breaking(tmp_path: Path) -> None:
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
    assert "wait_for_thing()` removed: status of GET /v1/things/{thing_id} has no value 'READY'" in result.stdout
