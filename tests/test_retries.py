"""Retries: any method after a 429 or a connection that was never made; idempotent methods also after
502/503/504 and read failures; never a second POST or PATCH the server may have acted on.

Each operation of the spec, through the generated client; the rules themselves, and the socket-level
failures, are tested on the runtime alone (tests/test_runtime.py). Waits are recorded instead of slept.
"""

import asyncio

import httpx
import pytest

from contract.calls import Call, example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.spec_model import Operation
from tests.fault_server import Step, fault_server
from tests.moved_time import moved_time
from tests.operation_calls import (
    BASE_URL,
    OPERATIONS,
    TOKEN,
    Recorder,
    Reply,
    call,
    credentials,
    json_reply,
    success_reply,
)

client_module = import_generated("client")
base_client = import_generated("_base_client")
errors = import_generated("errors")
IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}  # RFC 9110 section 9.2.2
DEFAULT_RETRIES = 2


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's waits between attempts, recorded instead of slept, on a clock they move."""
    return moved_time(monkeypatch, base_client).waits


def idempotent(op: Operation) -> bool:
    return op.method.upper() in IDEMPOTENT


def assert_sent_identically(recorder: Recorder, planned: Call) -> None:
    """Each attempt carries the same request; a multipart body may differ only by its random boundary."""
    first = recorder.requests[0]
    for attempt in recorder.requests:
        assert (attempt.method, attempt.url) == (first.method, first.url)
        planned.assert_sent(attempt, BASE_URL)


@pytest.mark.parametrize("mode", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_429_is_retried_for_any_method_after_retry_after(op: Operation, mode: str, waits: list[float]) -> None:
    recorder = Recorder(json_reply(429, {"detail": "slow down"}, **{"retry-after": "3"}), success_reply(op))
    response, planned = call(op, recorder, mode)
    assert response.status_code == success_reply(op).status_code
    assert len(recorder.requests) == 2 and waits == [3.0]
    assert_sent_identically(recorder, planned)


@pytest.mark.parametrize("mode", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_connection_never_made_is_retried_for_any_method(op: Operation, mode: str, waits: list[float]) -> None:
    recorder = Recorder(httpx.ConnectError("connection refused"), success_reply(op))
    response, *_ = call(op, recorder, mode)
    assert response.status_code == success_reply(op).status_code and len(recorder.requests) == 2
    assert len(waits) == 1 and 0.375 <= waits[0] <= 0.5  # first backoff step, with jitter


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
@pytest.mark.parametrize("failure", [json_reply(503), json_reply(502), json_reply(504), httpx.ReadTimeout("stalled")])
def test_a_failure_after_sending_is_retried_only_when_the_method_is_idempotent(
    op: Operation, failure: Reply, waits: list[float]
) -> None:
    recorder = Recorder(failure, success_reply(op))
    if idempotent(op):
        response, *_ = call(op, recorder)
        assert response.status_code == success_reply(op).status_code and len(recorder.requests) == 2
    else:
        expected = errors.ServerError if isinstance(failure, httpx.Response) else errors.APITimeoutError
        with pytest.raises(expected) as raised:
            call(op, recorder)
        assert len(recorder.requests) == 1 and waits == []  # a create must not be sent twice
        assert TOKEN not in str(raised.value)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_500_is_never_retried(op: Operation, waits: list[float]) -> None:
    recorder = Recorder(json_reply(500, {"detail": "boom"}), success_reply(op))
    with pytest.raises(errors.ServerError):
        call(op, recorder)
    assert len(recorder.requests) == 1 and waits == []


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_retries_stop_after_max_retries_with_growing_waits(op: Operation, waits: list[float]) -> None:
    recorder = Recorder(json_reply(429))
    with pytest.raises(errors.RateLimitError):
        call(op, recorder)
    assert len(recorder.requests) == DEFAULT_RETRIES + 1
    assert 0.375 <= waits[0] <= 0.5 and 0.75 <= waits[1] <= 1.0
    recorder = Recorder(json_reply(429))
    with pytest.raises(errors.RateLimitError):
        call(op, recorder, max_retries=0)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("op", OPERATIONS[:3], ids=lambda op: op.id)
def test_an_operation_over_a_real_socket_retries_a_429_then_parses(op: Operation, waits: list[float]) -> None:
    reply = success_reply(op)
    content_type = {"content-type": reply.headers["content-type"]} if "content-type" in reply.headers else {}
    status, answer = reply.status_code, Step(reply.status_code, reply.content, content_type)
    with fault_server(Step(status=429, headers={"retry-after": "1"}), answer) as server:
        module = endpoint_module(op.key)
        arguments = example_call(op, module.sync_detailed).arguments
        client = client_module.AuthenticatedClient(base_url=server.url, **credentials())
        response = module.sync_detailed(client=client, **arguments)
        assert response.status_code == status and len(server.received) == 2 and waits == [1.0]
        response = asyncio.run(
            module.asyncio_detailed(client=client, **example_call(op, module.sync_detailed).arguments)
        )
        assert response.status_code == status


RATE_LIMITED = {"error": "Rate limit exceeded. Please try again later.", "retry_after": 37}  # no Retry-After header


@pytest.mark.parametrize("mode", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_429_bodys_retry_after_is_read_as_the_header_is(op: Operation, mode: str, waits: list[float]) -> None:
    recorder = Recorder(json_reply(429, RATE_LIMITED), success_reply(op))
    response, _ = call(op, recorder, mode)
    assert response.status_code == success_reply(op).status_code
    assert len(recorder.requests) == 2 and waits == [37.0]


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_429_bodys_wait_past_the_cap_raises_at_once_carrying_it(op: Operation, waits: list[float]) -> None:
    recorder = Recorder(json_reply(429, {**RATE_LIMITED, "retry_after": 3600}), success_reply(op))
    with pytest.raises(errors.RateLimitError) as raised:
        call(op, recorder)
    assert raised.value.retry_after == 3600 and len(recorder.requests) == 1 and waits == []
    assert "Rate limit exceeded" in str(raised.value) and "asks to wait 3600 s" in str(raised.value)
