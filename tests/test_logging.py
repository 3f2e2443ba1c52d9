"""The client's log (runtime/_logging.py): for every operation, a line per request (method, path, status,
elapsed time, request id) and per retry (why, the wait), the key, header values and bodies in none of
them; silent by default; `<PREFIX>_LOG` turns it on."""

import logging
import os
import subprocess
import sys
from types import SimpleNamespace

import httpx
import pytest

from contract.generated_package import import_generated, package_dir, package_name
from contract.spec_model import Operation
from pipeline.project import current
from tests.operation_calls import OPERATIONS, TOKEN, Recorder, call, json_reply, success_reply

HEADER_VALUE = "header-value-2b81"  # sent with every request: it must not be logged either


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_each_request_and_retry_is_logged_without_the_key(
    op: Operation, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_waits = SimpleNamespace(sleep=lambda _: None)  # retries, unslept
    monkeypatch.setattr(import_generated("_base_client"), "time", no_waits)
    reply = success_reply(op)
    answer = httpx.Response(
        reply.status_code, headers={**reply.headers, "x-request-id": "req-77"}, content=reply.content
    )
    recorder = Recorder(json_reply(429, {"echo": TOKEN}, **{"retry-after": "0"}), answer)
    with caplog.at_level(logging.DEBUG, logger=package_name()):
        call(op, recorder, headers={"X-Trace": HEADER_VALUE})
    lines = [record.getMessage() for record in caplog.records if record.name == package_name()]
    path = recorder.requests[-1].url.path
    assert any(line.startswith(f"{op.method.upper()} {path} -> 429 in ") for line in lines), lines
    assert any(f"{op.method.upper()} {path}: HTTP 429; retry 1 of 2 in 0.00 s" == line for line in lines), lines
    assert any(f"-> {reply.status_code} in " in line and line.endswith("[request id req-77]") for line in lines)
    assert not any(TOKEN in line or HEADER_VALUE in line for line in lines)


def test_the_log_is_silent_by_default_and_the_environment_variable_turns_it_on() -> None:
    variable = current().log_env
    if not variable:
        pytest.skip("generator-config.yaml names no log_env and api_key_env has no prefix to name it after")
    program = (
        f"import logging; import {package_name()}.client as c; "
        f"logger = logging.getLogger({package_name()!r}); print(logger.level, len(logger.handlers))"
    )
    env = {**os.environ, "PYTHONPATH": str(package_dir().parent)}
    env.pop(variable, None)
    silent = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True)
    assert silent.stdout.split() == ["0", "0"]  # no level, no handler: nothing reaches stderr
    env[variable] = "info"
    on = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True)
    assert on.stdout.split() == [str(logging.INFO), "1"]


@pytest.mark.parametrize("configured", [False, True], ids=["the variable alone", "with logging.basicConfig()"])
def test_each_line_prints_once_whether_or_not_the_application_configures_logging(configured: bool) -> None:
    """The handler the variable adds stands aside where the application's own (basicConfig's, on the root
    logger) prints the line anyway."""
    variable = current().log_env
    if not variable:
        pytest.skip("generator-config.yaml names no log_env and api_key_env has no prefix to name it after")
    op = OPERATIONS[0]
    program = "\n".join(
        [
            "import logging",
            "logging.basicConfig(level=logging.WARNING)" if configured else "",
            "from tests.operation_calls import OPERATIONS, Recorder, call, success_reply",
            f"op = next(o for o in OPERATIONS if o.key == {op.key!r})",
            "call(op, Recorder(success_reply(op)))",
        ]
    )
    root = package_dir().parent.parent
    env = {**os.environ, variable: "info", "PYTHONPATH": f"{package_dir().parent}{os.pathsep}{root}"}
    result = subprocess.run([sys.executable, "-c", program], env=env, cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if f"{op.method.upper()} " in line and " -> " in line]
    assert len(lines) == 1, result.stderr
