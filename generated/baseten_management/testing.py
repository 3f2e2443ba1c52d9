"""A fake of the API for testing code that uses the client: in-process, stateful, checked against the spec.

```python
from baseten_management.testing import FakeBaseten

with FakeBaseten() as fake:
    run_the_code_under_test(fake.client)  # an AuthenticatedClient wired to the fake, sync and client.aio
    assert fake.calls_to("api_keys.create_api_key")[0].body["name"] == "ci"
```

- Every operation of the spec answers: its first documented success, with a body valid for its schema,
  made from the schema the same way on every run (a snapshot of it stays stable).
- Every request is checked against the spec first. One it does not allow (a value its enum does not
  list, a missing required field or parameter, a wrong type, no auth) raises SpecViolation (an
  AssertionError) naming the parameter or field, where it was sent; any the code under test caught are
  raised again when the fake closes.
- State, read from the paths: POST to a collection creates an item (its key from the body where the
  item has that field, as Baseten's secrets are upserted by name, else `deployment-1`, ...), GET lists
  them, GET/PATCH/PUT/DELETE on one reads, changes and removes it (DELETE then GET is a 404). An item
  read before it was made is made up, its key the one asked for, unless `FakeBaseten(autocreate=False)`
  (then a 404, as the real API would answer). `seed()` puts your own items in (models or dicts);
  `objects()` reads what is kept.
- Waiters (generator-config.yaml `waiters:`): an item a waiter polls starts at its first success value
  (a deployment ACTIVE); `script("wait_for_deployment", ["BUILDING", "DEPLOYING", "ACTIVE"])` moves the
  field one value a read instead (`reads=2`: every two reads), or into a failure.
- Time: while the fake is open (`with`), the client's waits (a waiter's polls, the pauses between retries)
  run on `fake.clock`: they take no time, and move it on. A half-hour wait_for_deployment takes
  milliseconds; `fake.clock.sleeps` shows each pause. This holds for every client in the process.
- Faults: `fail(operation, 429, times=2)` makes the next two calls answer 429 (with Retry-After and
  `{"error": ..., "retry_after": n}`), `fail(operation, 503)` a 5xx, `fail(operation, "timeout")` and
  `fail(operation, "disconnect")` no answer.
- Calls: `calls` (and `calls_to(operation)`) record each request: the operation, its path parameters,
  query and body as sent, and the status answered.

An operation is named as the client names it (`"models.get_deployment"`), by its route
(`"GET /v1/models/{model_id}/deployments/{deployment_id}"`), or given itself (`fake.client.models.get_deployment`).
With pytest: `from baseten_management.testing import fake_baseten` in a conftest.py makes the fixture
`fake_baseten` (an open FakeBaseten) available; pytest is imported only then.

Hand-written (runtime/ in the generator's repository), the same for every spec; it reads the spec's data
that `make generate` writes beside it (_spec.json). Importing the client never loads this module.
"""

import datetime
import enum
import functools
import json
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

import httpx

from . import _base_client, _pacing, _waiters
from ._fake import ANY_OPERATION, NO_BODY, Call, FakeAPI, FakeClock, SpecViolation
from .client import AuthenticatedClient  # type: ignore[import-not-found, unused-ignore]  # generated
from .types import Unset

__all__ = ["ANY_OPERATION", "Call", "FakeBaseten", "FakeClock", "SpecViolation", "fake_baseten"]

DEFAULT_BASE_URL = "https://fake.baseten.test"  # for a spec that names no server
Failure = int | Literal["timeout", "disconnect"]


@functools.cache
def spec_data() -> dict[str, Any]:
    """The spec as the fake reads it: what `make generate` wrote into the package (_spec.json), read once."""
    from importlib import resources

    package = __name__.rpartition(".")[0]
    data: dict[str, Any] = json.loads(resources.files(package).joinpath("_spec.json").read_bytes())
    return data


class FakeBaseten:
    """The fake API, and `client`, an AuthenticatedClient wired to it. Use it as a context manager
    (`with`, or `async with`): inside, the client's waits run on `clock`; on leaving, the client is closed
    and any SpecViolation the code under test caught is raised.

    `autocreate=False`: an item nobody created or seeded is a 404, as on the real API, instead of being
    made up on first read. `token`: the API key the client sends (any will do); where the spec has several
    security schemes, the client holds a made-up value for each other one too."""

    def __init__(self, *, autocreate: bool = True, token: str = "fake-api-key") -> None:
        data = spec_data()
        self.clock = FakeClock()
        base_url = str(data.get("base_url") or DEFAULT_BASE_URL)
        self._api = FakeAPI(data, clock=self.clock, base_path=httpx.URL(base_url).path, autocreate=autocreate)
        # `token` for the default scheme, and a made-up value for each other credential the client takes.
        settings: dict[str, Any] = {
            keyword: f"fake-{keyword.replace('_', '-')}"
            for keyword in AuthenticatedClient.credential_keywords()
            if keyword not in ("token", "username", "password")
        }
        self.client: AuthenticatedClient[Literal[True]] = AuthenticatedClient(
            base_url=base_url, token=token, httpx_args={"transport": self._api.transport}, **settings
        )
        self._patched: list[tuple[object, str, object]] = []

    # -- what a test asks ------------------------------------------------------------------------

    @property
    def transport(self) -> httpx.MockTransport:
        """The fake as an httpx transport, for an httpx client of your own (`httpx.Client(transport=...)`)."""
        return self._api.transport

    @property
    def calls(self) -> list[Call]:
        """Every request received, in order."""
        return self._api.calls

    def calls_to(self, operation: object) -> list[Call]:
        """The requests to one operation, in order."""
        return self._api.calls_to(operation)

    @property
    def violations(self) -> list[SpecViolation]:
        """The requests the spec does not allow, each raised where it was sent. Clear the list to accept
        them (after `pytest.raises(SpecViolation)`, say): those left are raised again when the fake closes."""
        return self._api.violations

    def fail(
        self,
        operation: object,
        failure: Failure = 500,
        *,
        times: int = 1,
        retry_after: float | None = None,
        body: Any = None,
    ) -> None:
        """Make the next `times` calls of `operation` (ANY_OPERATION: of any) fail: an HTTP status (429
        says `{"error": ..., "retry_after": n}` with a Retry-After header, 1 s unless `retry_after`;
        another status the body the spec documents for it, or `{"error": ...}`), or "timeout" (no answer in
        time) or "disconnect" (the connection drops). `body` replaces the answer's body. The client's own
        retries take calls too: 429 for a GET with max_retries=2 takes three to reach the caller."""
        self._api.fail(operation, failure, times, retry_after, NO_BODY if body is None else body)

    def seed(self, operation: object, item: Any, /, **path_params: object) -> Any:
        """Put an item in what `operation` keeps (the collection an operation lists, creates, reads or
        acts on; or a document), replacing one with the same key. `item` is a model, or a dict of its
        fields by the spec's names (its TypedDict); fields it leaves out are made from the schema, and the
        whole must fit the item's schema (ValueError naming the field). The key comes from `path_params`
        (`deployment_id="d1"`), else from the item's own field (`id`, `name`), else a new one; the other
        path parameters (`model_id="m1"`) place it. Returns the item as stored (the JSON the fake answers)."""
        return self._api.seed(operation, _jsonable(item), _texts(path_params))

    def objects(self, operation: object, /, **path_params: object) -> list[Any]:
        """What `operation` keeps, in the order it was made (a copy): the items of its collection (with
        `model_id="m1"`: that model's only), or the one document."""
        return self._api.stored(operation, _texts(path_params))

    def script(
        self,
        target: object,
        values: Sequence[Any],
        *,
        reads: int = 1,
        field: str | None = None,
        **path_params: object,
    ) -> None:
        """Move a field of what a GET operation reads through `values`, one every `reads` reads of that
        operation, the last staying. `target` is a waiter ("wait_for_deployment", or the client's own,
        `fake.client.models.wait_for_deployment`): its operation and field; or a GET operation, with
        `field` ("status", "promotion.status"). None stands for the field, or one on its path, null or
        absent. `path_params` narrow it to some items (`deployment_id="d1"`); without them every item of
        that operation follows it. Each value must fit the field's schema (ValueError listing those it takes)."""
        self._api.script(target, list(values), reads, field, _texts(path_params))

    # -- open and close --------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self._patch_clock()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self._unpatch_clock()
        self.client.close()
        self._report(exc_value)

    async def __aenter__(self) -> Self:
        return self.__enter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self._unpatch_clock()
        await self.client.aclose()
        self._report(exc_value)

    def _patch_clock(self) -> None:
        """The client's waits go by the fake's clock: the modules' `time`, the clock the request loop reads
        (retries, pacing, deadlines) and the async sleep, put back on exit."""
        shim = _ClockTime(self.clock)
        replaced: list[tuple[object, str, object]] = [(_base_client, "time", shim), (_waiters, "time", shim)]
        replaced += [(_base_client, "_clock", self.clock.monotonic)]
        replaced += [(_base_client, "_async_sleep", self.clock.async_sleep)]
        replaced += [(_waiters, "_async_sleep", self.clock.async_sleep)]
        for module, name, value in replaced:
            if hasattr(module, name):
                self._patched.append((module, name, getattr(module, name)))
                setattr(module, name, value)
        _pacing.forget()  # the pacing windows hold moments of the clock they were made on

    def _unpatch_clock(self) -> None:
        while self._patched:
            module, name, value = self._patched.pop()
            setattr(module, name, value)
        _pacing.forget()

    def _report(self, raised: BaseException | None) -> None:
        left = list(self._api.violations)
        if not left or isinstance(raised, SpecViolation):
            return
        summary = SpecViolation(left[0].route, left[0].operation, [p for v in left for p in v.problems])
        note = f"{len(left)} request(s) broke the spec while the fake was open (the code under test caught it)"
        if raised is None:
            summary.add_note(note)
            raise summary
        raised.add_note(f"{note}: {summary}")


class _ClockTime:
    """The `time` module, as the client's waits see it while a fake is open: monotonic and sleep follow
    the fake's clock; everything else is the real module's."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock

    def monotonic(self) -> float:
        return self._clock.monotonic()

    def sleep(self, seconds: float) -> None:
        self._clock.sleep(seconds)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


def _texts(params: Mapping[str, object]) -> dict[str, str]:
    """Path parameters as the path carries them."""
    found = {}
    for name, value in params.items():
        value = _jsonable(value)
        found[name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return found


def _jsonable(value: Any) -> Any:
    """A model, a TypedDict or a value as the JSON the API would hold."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and not isinstance(value, type):
        return to_dict()
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items() if not isinstance(item, Unset)}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


if TYPE_CHECKING:

    def fake_baseten() -> Iterator[FakeBaseten]:
        """The pytest fixture: an open FakeBaseten for the test (made on first import, pytest imported then)."""
        ...

else:

    def __getattr__(name: str) -> Any:
        if name == "fake_baseten":
            fixture = _pytest_fixture()
            globals()[name] = fixture
            return fixture
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _pytest_fixture() -> Any:
    import pytest  # here, not above: only a pytest session asks for the fixture

    @pytest.fixture
    def fake_baseten() -> Iterator[FakeBaseten]:
        """An open FakeBaseten for the test: hand `fake_baseten.client` to the code under test."""
        with FakeBaseten() as fake:
            yield fake

    return fake_baseten


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
