"""make contract-live, against servers on 127.0.0.1 only: Prism serving openapi.yaml (everything it is
asked matches), a server that drifts in each way a server can (reported on its operation with the field
named; exit 1), one that refuses the key (exit 2, one line, the key nowhere) and none at all (exit 2)."""

import contextlib
import http.server
import io
import json
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from contract import live
from contract.calls import unsendable
from contract.generated_package import import_generated
from contract.local_server import closed_port_url
from contract.spec_model import (
    Operation,
    declared_properties,
    example_value,
    required_names,
    resolve,
    success_response,
)
from pipeline.project import current
from tests.operation_calls import OPERATIONS, SPEC, TOKEN, credentials
from tests.prism import answers_outside_its_spec, frames_its_answer, refuses_valid_request


def live_help() -> str:
    with pytest.raises(SystemExit), contextlib.redirect_stdout(io.StringIO()) as out:
        live.main(["--help"])
    return out.getvalue()


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setenv(current().api_key_env, TOKEN)
    for keyword, value in credentials().items():  # a spec asking for several keys at once (Plaid's three)
        if keyword != "token":
            monkeypatch.setenv(live.credential_variable(keyword), value)
    status = live.main([*args, "--rate", "1000"])
    out = capsys.readouterr()
    text = out.out + out.err
    assert TOKEN not in text
    return status, text


def test_against_prism_every_response_matches(
    prism_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every operation (ALLOW_WRITES=1), each response Prism makes from the spec judged as matching it."""
    status, text = run(capsys, monkeypatch, "--base-url", prism_url, "--allow-writes", "--example-ids")
    excused = 0
    for op in OPERATIONS:
        line = next((line for line in text.splitlines() if f" {op.id}" in line or f": {op.id}:" in line), "")
        if line.startswith("does not match:") and answers_outside_its_spec(op, line):
            excused += 1  # Prism made an answer its own spec refuses (tests/prism.py)
        elif line.startswith("error 422") and refuses_valid_request(op):
            excused += 1  # Prism refused a valid request (tests/prism.py)
        elif line.startswith("error:") and frames_its_answer(op):
            excused += 1  # Prism's answer cannot be read (tests/prism.py)
        else:
            assert line.startswith(("ok ", "skipped:")), f"{op.id}: {line or 'not reported'}\n{text}"
    assert status == 0 or excused, text


def test_without_allow_writes_only_gets_are_sent(
    drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], "--example-ids")
    gets = [op for op in OPERATIONS if op.method == "get"]
    if not gets:
        assert status == 2 and "nothing read-only to check" in text and "ALLOW_WRITES=1" in text
        assert all(op.id in text for op in OPERATIONS)  # the operations it would send
        return
    assert drifting_server["methods"] and set(drifting_server["methods"]) == {"GET"}
    assert all(op.id in text for op in gets) and not any(op.id in text for op in OPERATIONS if op.method != "get")


def drift_target() -> tuple[Operation, dict[str, Any]]:
    """An operation without path parameters whose success body is an object with a required field (its
    allOf parts' included)."""
    for op in sorted(OPERATIONS, key=lambda op: op.method != "get"):
        success = success_response(SPEC, op)
        schema = resolve(SPEC, success.schema) if success and success.schema is not None else {}
        if "{" not in op.path and required_names(SPEC, schema) and declared_properties(SPEC, schema):
            return op, schema
    pytest.skip("no operation without path parameters returns an object with a required field")


def success_status(op: Operation) -> int:
    """The status the operation's success answers with (201, 202, ... where the spec says so)."""
    success = success_response(SPEC, op)
    return success.status if success is not None else 200


def drifted_bodies(op: Operation, schema: dict[str, Any]) -> dict[str, tuple[int, bytes, str]]:
    """kind -> (status, body, the field the report must name)."""
    full, ok = example_value(SPEC, schema, all_properties=True), success_status(op)
    required = required_names(SPEC, schema)[0]
    cases = {
        "required field missing": (ok, {k: v for k, v in full.items() if k != required}, required),
        "wrong type": (ok, {**full, required: {"an object": "where the spec says otherwise"}}, required),
    }
    declared = declared_properties(SPEC, schema)
    enums = [k for k, subs in declared.items() if any("enum" in resolve(SPEC, v) for v in subs) and k in full]
    if enums:
        cases["unlisted enum value"] = (ok, {**full, enums[0]: "VALUE_ADDED_AFTER_THIS_SPEC"}, enums[0])
    encoded = {kind: (status, json.dumps(body).encode(), field) for kind, (status, body, field) in cases.items()}
    return {**encoded, "not JSON": (ok, b"<html>ok</html>", ""), "server error": (500, b"{}", "")}


@pytest.fixture
def drifting_server() -> Iterator[dict[str, Any]]:
    """Answers every request with the status and body in the dict (content type JSON, unless HTML)."""
    answer: dict[str, Any] = {"status": 200, "body": b"{}", "methods": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self) -> None:
            answer["methods"].append(self.command)
            self.rfile.read(int(self.headers.get("content-length") or 0))
            body = answer["body"].replace(b"$KEY", (self.headers.get("authorization") or "").encode())
            self.send_response(answer["status"])
            html = body.startswith(b"<")
            self.send_header("content-type", "text/html" if html else "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = answer

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    answer["url"] = f"http://127.0.0.1:{server.server_port}"
    yield answer
    server.shutdown()


DRIFTS = ["required field missing", "wrong type", "unlisted enum value", "not JSON", "server error"]


@pytest.mark.parametrize("kind", DRIFTS)
def test_each_drift_is_reported_on_its_operation(
    kind: str, drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    op, schema = drift_target()
    bodies = drifted_bodies(op, schema)
    if kind not in bodies:
        pytest.skip(f"{op.id} returns no enum property to send an unlisted value in")
    status, body, field = bodies[kind]
    drifting_server.update(status=status, body=body)
    writes = [] if op.method == "get" else ["--allow-writes"]
    code, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], "--operation", op.id, *writes)
    line = next((line for line in text.splitlines() if op.id in line), "")
    assert code == 1, f"exit {code}\n{text}"
    if status == 500:
        assert line.startswith("error 500"), line
    else:
        assert line.startswith(f"does not match: {op.id}: "), line
        assert field in line.split(f"{op.id}: ", 1)[1], f"the field {field} is not named: {line}"


def test_a_refused_key_stops_in_one_line_without_echoing_it(
    drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    op, _ = drift_target()
    drifting_server.update(status=401, body=b'{"detail": "bad key: $KEY"}')
    writes = [] if op.method == "get" else ["--allow-writes"]
    code, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], "--operation", op.id, *writes)
    assert code == 2 and "refused the API key" in text
    assert len([line for line in text.splitlines() if "401" in line]) == 1


def test_no_server_cannot_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_generated("_base_client"), "time", SimpleNamespace(sleep=lambda _: None))  # retries
    code, text = run(capsys, monkeypatch, "--base-url", closed_port_url(), "--allow-writes")
    # With no server, only an operation that needs no path parameter is sent (the others take theirs from lists).
    sendable = any(not op.params_in("path") and not unsendable(op) for op in OPERATIONS)
    assert code == 2 and ("cannot reach" if sendable else "checked nothing: each of the") in text, text


def test_checking_nothing_is_not_a_pass(
    drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every operation skipped (here: each asks for a path parameter no earlier list gave) exits 2, not 0."""
    with_path = [op for op in OPERATIONS if op.params_in("path")]
    if not with_path:
        pytest.skip("openapi.yaml has no operation with a path parameter to skip")
    writes = [] if with_path[0].method == "get" else ["--allow-writes"]
    code, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], "--operation", with_path[0].id, *writes)
    assert code == 2 and "checked nothing: each of the 1 operations was skipped" in text, text
    assert drifting_server["methods"] == []


def test_the_default_budget_covers_every_operation_twice() -> None:
    assert f"default: {max(200, 2 * len(OPERATIONS))} for this spec" in " ".join(live_help().split())


def test_no_key_cannot_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(current().api_key_env, "")
    assert live.main(["--base-url", closed_port_url()]) == 2
    assert f"set {current().api_key_env}" in capsys.readouterr().err


def test_the_request_budget_stops_with_the_report_so_far(
    drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    op, schema = drift_target()
    body = json.dumps(example_value(SPEC, schema, all_properties=True)).encode()
    drifting_server.update(status=success_status(op), body=body)
    writes = [] if op.method == "get" else ["--allow-writes"]
    code, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], "--max-requests", "0", *writes)
    assert code == 0 and "stopped: the request budget (0) is spent" in text


def test_ctrl_c_stops_with_the_report_so_far(
    drifting_server: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the second request: the first operation's line is reported, nothing after it."""
    op, schema = drift_target()
    body = json.dumps(example_value(SPEC, schema, all_properties=True)).encode()
    drifting_server.update(status=success_status(op), body=body)
    writes = [] if op.method == "get" else ["--allow-writes"]
    original = live.Pacer.handle_request
    sent: list[httpx.Request] = []

    def interrupted(self: live.Pacer, request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if len(sent) == 2:
            raise KeyboardInterrupt
        return original(self, request)

    monkeypatch.setattr(live.Pacer, "handle_request", interrupted)
    code, text = run(capsys, monkeypatch, "--base-url", drifting_server["url"], *writes)
    if len(sent) < 2:
        pytest.skip("contract-live sends fewer than two requests for openapi.yaml")
    checked = [o for o in OPERATIONS if writes or o.method == "get"]
    assert code == 2 and "stopped by Ctrl-C: the report so far" in text
    lines = [line for line in text.splitlines() if any(line.endswith(o.id) or f" {o.id}:" in line for o in checked)]
    judged = [line for line in lines if not line.startswith("skipped:")]  # skipped ones send nothing
    assert len(judged) == 1, text  # the first request's operation, judged before Ctrl-C; nothing after


def test_a_value_no_branch_of_a_union_takes_is_described_where_it_broke_deepest() -> None:
    """Box's folder entries, a file or a folder: a file whose shared link lacks `accessed` is named by that,
    not by "not valid under any of the given schemas", nor by the folder branch's `type`."""
    from jsonschema import Draft202012Validator

    from contract.validation import _describe

    link = {"type": "object", "required": ["accessed"], "properties": {"accessed": {"type": "string"}}}
    file = {
        "type": "object",
        "properties": {"type": {"enum": ["file"]}, "shared_link": {"anyOf": [link, {"type": "null"}]}},
    }
    folder = {"type": "object", "properties": {"type": {"enum": ["folder"]}}}
    entry = {"type": "file", "shared_link": {}}
    errors = list(Draft202012Validator({"anyOf": [folder, file]}).iter_errors(entry))
    described = _describe(SimpleNamespace(schema_errors=errors, __cause__=None, __context__=None), located=True)  # type: ignore[arg-type]
    assert described == "body.shared_link: 'accessed' is a required property"
