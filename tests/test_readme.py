"""The README's Python examples run as written, against a mock of the API that answers as the spec says."""

import re

import httpx
import pytest

from contract.generated_package import missing_operations
from contract.spec_model import current_spec, example_value, operations, success_response
from pipeline.project import ROOT, current
from tests.clock import move_waiters_clock

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.S)
FAKE_KEY = "readme-key-91c"


def answer_as_the_spec_says(request: httpx.Request) -> httpx.Response:
    for op in operations(current_spec()):
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.path))
        if op.method.upper() == request.method and re.fullmatch(pattern, request.url.path):
            success = success_response(current_spec(), op)
            if success is None:
                return httpx.Response(200)
            body = example_value(current_spec(), success.schema) if success.schema is not None else None
            return httpx.Response(success.status, json=body) if body is not None else httpx.Response(success.status)
    return httpx.Response(404)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_readme_example_runs(example: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    missing = missing_operations(example)
    if missing:
        pytest.skip(f"the example calls {', '.join(missing)}, which openapi.yaml does not define")
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer_as_the_spec_says(request)

    async def handle_async(request: httpx.Request) -> httpx.Response:
        return handle(request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", lambda self, request: handle(request))
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", lambda self, request: handle_async(request))
    if current().api_key_env:
        monkeypatch.setenv(current().api_key_env, FAKE_KEY)
    move_waiters_clock(monkeypatch)  # a waiter's half hour, at once
    exec(compile(example, "README.md", "exec"), {"__name__": "__readme__"})
    if "FakeBaseten" in example:  # its requests go to the fake in-process, with the fake's own key
        return
    assert seen, "the example sent no request"
    assert all(FAKE_KEY in (request.headers.get("authorization") or "") for request in seen)
    assert FAKE_KEY not in capsys.readouterr().out
