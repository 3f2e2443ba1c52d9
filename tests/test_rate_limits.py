"""Rate limits as data (generator-config.yaml `rate_limits:`, pipeline/generate/rate_limits.py): checked against the
spec as waiters are, each operation's limit in its module, and the client pacing itself so that a loop of
one more round than the limit allows meets no 429 from a server that enforces it. Time is a moved clock:
every wait is recorded, none is slept.
"""

import asyncio
from collections import deque
from typing import Any

import httpx
import pytest

from contract.calls import example_call
from contract.generated_package import import_generated
from contract.generator_names import endpoint_module, operation_name
from contract.spec_model import Operation
from pipeline import PipelineError
from pipeline.generate.rate_limits import Limit, check_rate_limits, read_rate_limits
from pipeline.project import current
from runtime import _pacing
from tests.moved_time import MovedTime, moved_time
from tests.operation_calls import OPERATIONS, SPEC, THINGS, Recorder, cases, client_for, success_reply, tree_attributes

APPLIED, ABSENT = check_rate_limits(SPEC, current().rate_limits)
DEFAULT = current().rate_limits.default
# Each operation whose limit is its own, and the first that has the default one: what one loop shows of
# the default it shows for all.
PACED = [(op, APPLIED[op.key]) for op in OPERATIONS if op.key in APPLIED and APPLIED[op.key] != DEFAULT]
PACED += [(op, APPLIED[op.key]) for op in OPERATIONS if APPLIED.get(op.key) == DEFAULT][:1]
errors = import_generated("errors")


def test_every_declared_limit_is_applied_or_its_operation_is_listed_as_absent() -> None:
    declared = current().rate_limits
    assert len(APPLIED) >= len(declared.operations) - len(ABSENT)
    assert all(line.startswith("rate limit ") and "not in the spec" in line for line in ABSENT)
    named = {(method, path) for method, path in declared.operations}
    assert len(named) == len(declared.operations)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_each_operation_module_carries_its_limit(op: Operation) -> None:
    limit = endpoint_module(op.key).__dict__.get("_RATE_LIMIT")
    expected = APPLIED.get(op.key)
    if expected is None:
        assert limit is None
    else:
        assert limit is not None
        assert (limit.route, limit.requests, limit.per) == (f"{op.method.upper()} {op.path}", *vars(expected).values())


class EnforcingServer:
    """Answers each request with the operation's success, or 429 where it would be the limit's `requests` + 1st
    within `per` seconds of the moved clock (a sliding window, the strictest a server can count)."""

    def __init__(self, op: Operation, limit: Limit, clock: MovedTime) -> None:
        self.limit, self.clock, self.reply = limit, clock, success_reply(op)
        self.accepted: deque[float] = deque()  # within the last `per` seconds
        self.served = self.refused = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        now = self.clock.now
        while self.accepted and self.accepted[0] <= now - self.limit.per:
            self.accepted.popleft()
        if len(self.accepted) >= self.limit.requests:
            self.refused += 1
            return httpx.Response(429, json={"error": "Rate limit exceeded. Please try again later.", "retry_after": 1})
        self.accepted.append(now)
        self.served += 1
        return httpx.Response(self.reply.status_code, headers=self.reply.headers, content=self.reply.content)


def loop(op: Operation, limit: Limit, clock: MovedTime, **options: Any) -> EnforcingServer:
    """The operation called `requests` + 5 times in a row through the client tree."""
    server = EnforcingServer(op, limit, clock)
    client = client_for(Recorder(server), max_retries=0, **options)
    operation = getattr(getattr(client, tree_attributes()[operation_name(op.key).group]), operation_name(op.key).name)
    arguments = example_call(op, endpoint_module(op.key).sync).arguments
    for _ in range(limit.requests + 5):
        try:
            operation(**arguments)
        except errors.RateLimitError:
            pass  # counted by the server
    return server


@pytest.mark.parametrize(
    ("op", "limit"), cases(PACED, "no operation with a rate limit", arity=2), ids=lambda c: getattr(c, "id", str(c))
)
def test_a_loop_past_the_limit_waits_its_turn_and_meets_no_429(
    op: Operation, limit: Limit, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = moved_time(monkeypatch, import_generated("_base_client"))
    server = loop(op, limit, clock)
    assert server.refused == 0 and server.served == limit.requests + 5
    assert clock.now - 1000.0 >= limit.per  # the calls past the limit waited for the window to move on
    assert max(clock.waits) <= limit.per * 1.1  # ... no longer than the window asks


@pytest.mark.parametrize(
    ("op", "limit"), cases(PACED, "no operation with a rate limit", arity=2), ids=lambda c: getattr(c, "id", str(c))
)
def test_without_pacing_the_same_loop_meets_429s(op: Operation, limit: Limit, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server above does refuse: what the test before shows is the client's pacing."""
    clock = moved_time(monkeypatch, import_generated("_base_client"))
    assert loop(op, limit, clock, pace=False).refused == 5 and clock.waits == []


@pytest.mark.parametrize(
    ("op", "limit"), cases(PACED, "no operation with a rate limit", arity=2), ids=lambda c: getattr(c, "id", str(c))
)
def test_concurrent_async_calls_share_the_window(op: Operation, limit: Limit, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = moved_time(monkeypatch, import_generated("_base_client"))
    server = EnforcingServer(op, limit, clock)
    client = client_for(Recorder(server), max_retries=0)
    group = getattr(client.aio, tree_attributes()[operation_name(op.key).group])
    operation = getattr(group, operation_name(op.key).name)
    arguments = example_call(op, endpoint_module(op.key).sync).arguments

    async def all_at_once() -> None:
        await asyncio.gather(*(operation(**arguments) for _ in range(limit.requests + 5)))

    asyncio.run(all_at_once())
    assert server.refused == 0 and server.served == limit.requests + 5 and clock.now - 1000.0 >= limit.per


def test_a_429_that_asks_for_a_wait_pauses_the_endpoint_for_every_caller() -> None:
    key, limit = "pacing-key-e41a", _pacing.RateLimit("POST /v1/things", 5, 60.0)
    _pacing.pause(key, limit, 1037.0)
    assert _pacing.reserve(key, limit, 1000.0) == 37.0
    assert _pacing.reserve("another-key-0000", limit, 1000.0) == 0.0  # per key


def test_the_window_slides_and_a_slot_not_used_is_given_back() -> None:
    key, limit = "pacing-key-7c2d", _pacing.RateLimit("POST /v1/things", 2, 10.0)
    assert [_pacing.reserve(key, limit, 0.0) for _ in range(2)] == [0.0, 0.0]
    third = _pacing.reserve(key, limit, 1.0)
    assert third == pytest.approx(10.0 * (1 + _pacing.MARGIN) - 1.0)
    _pacing.cancel(key, limit, 1.0 + third)
    assert _pacing.reserve(key, limit, 1.0) == pytest.approx(third)  # the slot given back is taken again
    other_route = _pacing.RateLimit("POST /v1/others", 2, 10.0)
    assert _pacing.reserve(key, other_route, 1.0) == 0.0  # per endpoint


THINGS_LIMITS = {
    "default": {"requests": 100, "per": "second"},
    "operations": {
        "GET /v1/things/{id}": {"requests": 20, "per": "minute"},  # the spec calls it {thing_id}
        "POST /v1/nothing/here": {"requests": 10, "per": 60},
    },
}


def test_an_operation_is_matched_whatever_its_placeholders_are_called_and_an_absent_one_is_listed() -> None:
    applied, absent = check_rate_limits(THINGS, read_rate_limits(THINGS_LIMITS))
    assert applied == {("get", "/v1/things/{thing_id}"): Limit(20, 60.0)}
    assert absent == ["rate limit POST /v1/nothing/here: not in the spec; not applied"]


@pytest.mark.parametrize(
    ("declared", "named"),
    [
        ({"operations": {"activate things": {"requests": 1, "per": "second"}}}, "'activate things': not an operation"),
        ({"operations": {"GET /v1/x": {"requests": 0, "per": "second"}}}, "requests must be a positive integer"),
        ({"operations": {"GET /v1/x": {"requests": 5, "per": "fortnight"}}}, "per must be second, minute, hour"),
        ({"default": {"requests": 5}}, "default: must be {requests"),
        ({"limits": {}}, "a mapping with `default` and `operations`"),
    ],
)
def test_an_entry_that_is_not_a_limit_stops_generation_naming_it(declared: dict[str, Any], named: str) -> None:
    with pytest.raises(PipelineError) as raised:
        read_rate_limits(declared)
    assert named in str(raised.value)
