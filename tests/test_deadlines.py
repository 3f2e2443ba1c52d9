"""A call's total deadline (`deadline=`, seconds): retries, their waits, a rate limit's wait and each network
wait fit in it, or the call ends with what it has (the last status as its error, or errors.APITimeoutError);
and a pool timeout is not retried into a longer stall. For every operation, on a moved clock, except the
two that need the real thing: an async send cancelled at its deadline, and a pool that is really full.
"""

import asyncio
import threading

import httpx
import pytest

from contract.calls import example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module
from contract.spec_model import Operation
from tests.fault_server import Step, fault_server
from tests.moved_time import MovedTime, moved_time
from tests.operation_calls import OPERATIONS, Recorder, call, cases, credentials, json_reply, success_reply

errors = import_generated("errors")
base_client = import_generated("_base_client")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> MovedTime:
    return moved_time(monkeypatch, base_client)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_retry_whose_wait_would_pass_the_deadline_is_not_waited_for(op: Operation, clock: MovedTime) -> None:
    recorder = Recorder(json_reply(429, {"detail": "slow down"}, **{"retry-after": "30"}), success_reply(op))
    with pytest.raises(errors.RateLimitError) as raised:
        call(op, recorder, deadline=10)
    assert len(recorder.requests) == 1 and clock.waits == [] and raised.value.retry_after == 30
    response, _ = call(op, Recorder(json_reply(429, {}, **{"retry-after": "3"}), success_reply(op)), deadline=10)
    assert response.status_code == success_reply(op).status_code and clock.waits == [3.0]  # one that fits is


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_connection_error_is_not_retried_past_the_deadline(op: Operation, clock: MovedTime) -> None:
    recorder = Recorder(httpx.ConnectError("refused"), success_reply(op))
    with pytest.raises(errors.APIConnectionError) as raised:
        call(op, recorder, deadline=0.2)  # the first backoff is 0.375 s to 0.5 s
    assert len(recorder.requests) == 1 and clock.waits == [] and "deadline" in str(raised.value)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_each_network_wait_is_capped_at_what_is_left_of_the_deadline(op: Operation, clock: MovedTime) -> None:
    timeouts: list[dict[str, float]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        timeouts.append(dict(request.extensions["timeout"]))
        clock.now += 2  # the server takes two seconds
        return httpx.Response(503) if len(timeouts) == 1 else success_reply(op)

    try:
        call(op, Recorder(answer), deadline=5, timeout=60)
    except errors.ServerError:
        pass  # a 503 is retried only where the method is idempotent
    assert all(value <= 5 for value in timeouts[0].values()), timeouts
    if len(timeouts) > 1:  # the retry has what is left: 5 s less the 2 s of the first answer and the backoff
        assert all(value <= 3 - clock.waits[0] + 1e-6 for value in timeouts[1].values()), timeouts


PACED = [op for op in OPERATIONS if getattr(endpoint_module(op.key), "_RATE_LIMIT", None) is not None][:1]


@pytest.mark.parametrize("op", cases(PACED, "no operation with a rate limit"), ids=lambda op: getattr(op, "id", ""))
def test_a_rate_limit_wait_past_the_deadline_ends_the_call_before_sending(op: Operation, clock: MovedTime) -> None:
    limit = endpoint_module(op.key)._RATE_LIMIT
    recorder = Recorder(success_reply(op))
    for _ in range(limit.requests):  # the window is full
        call(op, recorder)
    with pytest.raises(errors.APITimeoutError) as raised:
        call(op, recorder, deadline=limit.per / 2)
    assert len(recorder.requests) == limit.requests and "rate limit" in str(raised.value)
    call(op, recorder)  # the slot it gave back is the next caller's: no longer wait than the window asks
    assert max(clock.waits) <= limit.per * 1.1


@pytest.mark.parametrize("op", OPERATIONS[:3], ids=lambda op: op.id)
def test_an_async_send_that_outlasts_the_deadline_is_cancelled(op: Operation) -> None:
    """Real time, a fifth of a second: a send is cut at the deadline however the server stalls."""

    async def stall(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(3600)
        return httpx.Response(200)

    module = endpoint_module(op.key)
    client = import_generated("client").AuthenticatedClient(
        base_url="https://api.example.test",
        **credentials(),
        deadline=0.2,
        httpx_args={"transport": httpx.MockTransport(stall)},
    )
    with pytest.raises(errors.APITimeoutError) as raised:
        asyncio.run(module.asyncio_detailed(client=client, **example_call(op, module.sync_detailed).arguments))
    assert "deadline of 0.2 s passed" in str(raised.value)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_pool_timeout_is_not_retried_and_says_how_to_size_the_pool(op: Operation, clock: MovedTime) -> None:
    recorder = Recorder(httpx.PoolTimeout("no free connection"), success_reply(op))
    with pytest.raises(errors.APITimeoutError) as raised:
        call(op, recorder)
    assert len(recorder.requests) == 1 and clock.waits == [] and "max_connections" in str(raised.value)


def test_a_full_pool_raises_at_its_pool_timeout_without_a_retry() -> None:
    """One connection, held by a slow call until the second has given up: the second call waits its pool
    timeout once, then raises."""
    op = OPERATIONS[0]
    module = endpoint_module(op.key)
    reply = success_reply(op)
    released = threading.Event()
    with fault_server(Step(reply.status_code, reply.content, dict(reply.headers), held=released)) as server:
        client = import_generated("client").AuthenticatedClient(
            base_url=server.url,
            **credentials(),
            timeout=httpx.Timeout(10.0, pool=0.1),
            httpx_args={"limits": httpx.Limits(max_connections=1)},
        )
        arguments = example_call(op, module.sync_detailed).arguments
        slow = threading.Thread(target=module.sync_detailed, kwargs={"client": client, **arguments})
        slow.start()
        while not server.received:  # the slow call holds the one connection
            threading.Event().wait(0.01)
        with pytest.raises(errors.APITimeoutError) as raised:
            module.sync_detailed(client=client, **example_call(op, module.sync_detailed).arguments)
        released.set()
        slow.join()
    assert isinstance(raised.value.__cause__, httpx.PoolTimeout) and len(server.received) == 1
