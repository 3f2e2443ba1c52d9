"""Waiters (generator-config.yaml `waiters:`, pipeline/generate/waiters.py): each one the spec has an operation for,
driven by a scripted server on 127.0.0.1 through success, failure, timeout and transient errors, sync and
async, from the client tree. Which waiters, and which values end them, are read from the config and
checked against the spec, as `make generate` does. The waiters' clock is one the test moves
(tests/clock.py): the requests are real, the waiting is not, so the polls counted are exact however busy
the machine is."""

import asyncio
import json
from typing import Any

import pytest

from contract.calls import example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module, operation_name
from contract.spec_model import Operation, example_value
from pipeline.generate.waiters import Waiter, check_waiters
from pipeline.project import current
from tests.clock import InstantClock, move_waiters_clock
from tests.fault_server import Step, fault_server
from tests.operation_calls import OPERATIONS, SPEC, cases, credentials, documented_success, tree_attributes

WAITERS = check_waiters(SPEC, current().waiters)[0]
NEUTRAL = "VALUE_ADDED_AFTER_THIS_SPEC"  # a value the spec does not list yet: the waiter keeps polling
errors = import_generated("errors")


def polled(waiter: Waiter) -> Operation:
    return next(op for op in OPERATIONS if (op.method, op.path) == (waiter.method, waiter.path))


def body_with(waiter: Waiter, value: str | None) -> bytes:
    """A success body of the polled operation whose waited-on field holds `value` (None: its path is null)."""
    body = example_value(SPEC, documented_success(polled(waiter)).schema, all_properties=True)
    if value is None:
        body[waiter.field[0]] = None
        return json.dumps(body).encode()
    node = body
    for part in waiter.field[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[waiter.field[-1]] = value
    return json.dumps(body).encode()


def field_of(waiter: Waiter, result: Any) -> Any:
    for part in waiter.field:
        result = getattr(result, part)
    return result


def answer(body: bytes) -> Step:
    return Step(status=200, body=body, headers={"content-type": "application/json"})


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> InstantClock:
    return move_waiters_clock(monkeypatch)


def run(waiter: Waiter, url: str, mode: str, **options: Any) -> Any:
    """The waiter from the client tree, with its declared interval and timeout unless given (max_retries=0:
    the waiter's own polling is tested)."""
    op = polled(waiter)
    client = import_generated("client").AuthenticatedClient(base_url=url, **credentials(), max_retries=0)
    group = tree_attributes()[operation_name(op.key).group]
    arguments = example_call(op, endpoint_module(op.key).sync).arguments
    if mode == "sync":
        return getattr(getattr(client, group), waiter.name)(**arguments, **options)
    return asyncio.run(getattr(getattr(client.aio, group), waiter.name)(**arguments, **options))


WAITER_CASES = cases(WAITERS, "none of the declared waiters' operations")
MODES = ["sync", "async"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_waiter_polls_through_transient_errors_and_other_values_until_success(waiter: Waiter, mode: str) -> None:
    success = next(v for v in waiter.success if v is not None) if any(waiter.success) else None
    script = [Step(status=503), Step(reset=True), Step(status=429), answer(body_with(waiter, NEUTRAL))]
    with fault_server(*script, answer(body_with(waiter, success))) as server:
        result = run(waiter, server.url, mode)
        assert len(server.received) == len(script) + 1
    assert str(field_of(waiter, result)) == str(success)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_failure_value_ends_the_wait_with_waiter_failed(waiter: Waiter, mode: str) -> None:
    if not [v for v in waiter.failure if v is not None]:
        pytest.skip(f"{waiter.name} declares no failure value")
    failure = next(v for v in waiter.failure if v is not None)
    with fault_server(answer(body_with(waiter, NEUTRAL)), answer(body_with(waiter, failure))) as server:
        with pytest.raises(errors.WaiterFailed) as raised:
            run(waiter, server.url, mode)
    assert isinstance(raised.value, errors.ClientError) and raised.value.value == failure
    assert raised.value.result is not None and failure in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_the_deadline_ends_the_wait_with_waiter_timeout_carrying_the_last_result(
    waiter: Waiter, mode: str, clock: InstantClock
) -> None:
    """Polls at 0, 10, 20 and 30 s; a fifth would come after the 30 s deadline: WaiterTimeout instead."""
    with fault_server(answer(body_with(waiter, NEUTRAL))) as server:
        with pytest.raises(errors.WaiterTimeout) as raised:
            run(waiter, server.url, mode, interval=10, timeout=30)
        assert len(server.received) == 4
    assert clock.slept == [10, 10, 10]
    assert raised.value.value == NEUTRAL and raised.value.result is not None


@pytest.mark.parametrize("waiter", cases([w for w in WAITERS if None in w.success], "no waiter that ends on null"),
                         ids=lambda w: getattr(w, "name", ""))  # fmt: skip
def test_a_null_on_the_path_is_the_success_a_waiter_declares_it_to_be(waiter: Waiter) -> None:
    with fault_server(answer(body_with(waiter, NEUTRAL)), answer(body_with(waiter, None))) as server:
        result = run(waiter, server.url, "sync")
    assert getattr(result, waiter.field[0]) is None


def test_every_declared_waiter_is_generated_or_its_operation_is_absent() -> None:
    declared = current().waiters
    kept, problems, absent = check_waiters(SPEC, declared)
    assert problems == [] and len(kept) + len(absent) == len(declared)
    for waiter in kept:
        module = endpoint_module((waiter.method, waiter.path))
        assert hasattr(module, waiter.name) and hasattr(module, f"{waiter.name}_asyncio")
