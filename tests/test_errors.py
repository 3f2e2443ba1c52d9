"""What a call raises when the response is not the spec's success: one exception family under
errors.ClientError, no bare KeyError or ValueError, the status, body and request id kept, the path that
was sent named, the API key nowhere in a message. Every operation."""

import json

import httpx
import pytest

from contract.generated_package import import_generated
from contract.spec_model import (
    Operation,
    documents_status,
    example_value,
    first_content,
    fits,
    resolve,
    success_response,
)
from tests.operation_calls import OPERATIONS, SPEC, TOKEN, Recorder, call, cases, json_reply

errors = import_generated("errors")
REQUEST_ID = "req-5d1e"
# status -> the class a caller catches; every one an APIStatusError, a ClientError.
STATUS_ERRORS = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
    500: errors.ServerError,
    502: errors.ServerError,
    418: errors.APIStatusError,
}
MODES = ["sync", "sync_detailed", "asyncio", "asyncio_detailed"]


def assert_key_absent(error: BaseException) -> None:
    for text in (str(error), repr(error), *map(str, error.args)):
        assert TOKEN not in text


def sent_path(recorder: Recorder) -> str:
    return recorder.requests[-1].url.raw_path.decode().split("?")[0]


# Each operation with one status, and each status with the first operation: the class for a status is the
# client's; what each operation adds is its path, its documented error bodies and its parsing.
STATUS_CASES = [(op, 404) for op in OPERATIONS] + [(OPERATIONS[0], status) for status in STATUS_ERRORS if status != 404]


@pytest.mark.parametrize(("op", "status"), STATUS_CASES, ids=lambda case: getattr(case, "id", str(case)))
def test_a_non_2xx_status_raises_its_status_error(op: Operation, status: int) -> None:
    body = {"detail": f"rejected (you sent Authorization: Bearer {TOKEN})"}
    recorder = Recorder(json_reply(status, body, **{"x-request-id": REQUEST_ID}))
    with pytest.raises(STATUS_ERRORS[status]) as raised:
        call(op, recorder, max_retries=0)
    error = raised.value
    assert isinstance(error, errors.APIStatusError) and isinstance(error, errors.ClientError)
    assert (error.status_code, error.request_id, json.loads(error.content)) == (status, REQUEST_ID, body)
    assert f"{op.method.upper()} {sent_path(recorder)}: HTTP {status}" in str(error)  # the path sent, not its template
    assert "rejected" in str(error) and "[REDACTED]" in str(error)  # the body helps; the echoed key does not
    assert_key_absent(error)
    if not documents_status(op, status):
        assert error.parsed is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPERATIONS[:3], ids=lambda op: op.id)
def test_every_way_to_call_raises_the_same_status_error(op: Operation, mode: str) -> None:
    with pytest.raises(errors.NotFoundError):
        call(op, Recorder(json_reply(404, {"detail": "gone"})), mode, max_retries=0)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_an_html_error_page_raises_a_status_error_not_a_parse_error(op: Operation) -> None:
    page = httpx.Response(
        502, content=b"<html><body>502 Bad Gateway</body></html>", headers={"content-type": "text/html"}
    )
    with pytest.raises(errors.ServerError) as raised:
        call(op, Recorder(page), max_retries=0)
    assert raised.value.content.startswith(b"<html>") and raised.value.request_id is None


def undocumented_2xx(op: Operation) -> int | None:
    return next((code for code in (201, 202, 203, 299) if not documents_status(op, code)), None)


UNDOCUMENTED = [op for op in OPERATIONS if undocumented_2xx(op) is not None]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "op", cases(UNDOCUMENTED, "no operation without a `default` response"), ids=lambda op: getattr(op, "id", "")
)
def test_an_undocumented_2xx_raises_unexpected_status_without_the_body(op: Operation, mode: str) -> None:
    status = undocumented_2xx(op)
    assert status is not None  # one of UNDOCUMENTED
    body = {"api_key": "sk-new-key-a1b2"}  # an undocumented success may carry a secret: keep it out of messages
    with pytest.raises(errors.UnexpectedStatus) as raised:
        call(op, Recorder(json_reply(status, body)), mode)
    assert not isinstance(raised.value, errors.APIStatusError)
    assert raised.value.status_code == status and json.loads(raised.value.content) == body
    assert "sk-new-key" not in str(raised.value)


@pytest.mark.parametrize(
    ("op", "status"),
    [(op, 404) for op in OPERATIONS] + [(OPERATIONS[0], 500), (OPERATIONS[0], 520)],
    ids=lambda case: getattr(case, "id", str(case)),
)
def test_without_raising_a_detailed_call_returns_any_status(op: Operation, status: int) -> None:
    """raise_on_unexpected_status=False: *_detailed return the response; `parsed` is the model the spec
    documents for the status where the body fits it, else None. 520 is a status no standard lists."""
    response, _ = call(
        op, Recorder(json_reply(status, {"detail": "gone"})), "sync_detailed", raise_on_unexpected_status=False
    )
    assert response.status_code == status and json.loads(response.content) == {"detail": "gone"}
    assert response.parsed is None or documents_status(op, status)


@pytest.mark.parametrize("op", OPERATIONS[:3], ids=lambda op: op.id)
def test_without_raising_sync_still_returns_only_the_success_type(op: Operation) -> None:
    """sync()/asyncio() promise the success type: raise_on_unexpected_status=False does not change that."""
    with pytest.raises(errors.NotFoundError):
        call(op, Recorder(json_reply(404, {"detail": "gone"})), "sync", raise_on_unexpected_status=False)


def malformed_bodies(op: Operation) -> list[tuple[str, bytes]]:
    """(kind, body) for each body that breaks the operation's JSON success schema: not JSON, cut short,
    nested deeper than anything can read, a string where an object or a list belongs, a required field
    missing; only those the schema rejects (wrong-typed fields: tests/test_contract_models.py)."""
    success = success_response(SPEC, op)
    assert success is not None  # asked only where there is one
    schema = success.schema
    candidates = {"not JSON": b"<html>OK</html>", "truncated JSON": b'{"id": "abc'}
    candidates["nested 100,000 deep"] = b"[" * 100_000 + b"]" * 100_000
    if resolve(SPEC, schema).get("type") in ("object", "array") or "properties" in resolve(SPEC, schema):
        candidates["a string for a structure"] = b'"a string"'
    if resolve(SPEC, schema).get("required"):
        candidates["required field missing"] = json.dumps({"echo": TOKEN}).encode()
    found = []
    for kind, body in candidates.items():
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):
            found.append((kind, body))
            continue
        if not fits(SPEC, schema, value):
            found.append((kind, body))
    return found


MALFORMED = [
    (op, kind, body)
    for op in OPERATIONS
    if getattr(success_response(SPEC, op), "schema", None) is not None
    for kind, body in malformed_bodies(op)
]


@pytest.mark.parametrize("mode", ["sync", "asyncio_detailed"])
@pytest.mark.parametrize(
    ("op", "kind", "body"),
    cases(MALFORMED, "no operation with a JSON success body", arity=3),
    ids=lambda case: getattr(case, "id", None) or (case if isinstance(case, str) else "body"),
)
def test_a_2xx_body_that_breaks_the_spec_raises_unexpected_response(
    op: Operation, kind: str, body: bytes, mode: str
) -> None:
    success = success_response(SPEC, op)
    assert success is not None  # one of MALFORMED
    status = success.status
    recorder = Recorder(httpx.Response(status, content=body))
    with pytest.raises(errors.UnexpectedResponse) as raised:
        call(op, recorder, mode)
    error = raised.value
    assert isinstance(error, errors.ClientError)
    assert (error.status_code, error.content) == (status, body)
    assert f"{op.method.upper()} {sent_path(recorder)}: HTTP {status}" in str(error)
    assert_key_absent(error)
    assert len(str(error)) < 500


def error_statuses(op: Operation) -> list[tuple[int, str]]:
    """(status, key in responses) for each documented error with a JSON body; `default` stands for a 500."""
    found = []
    for key, response in (op.spec.get("responses") or {}).items():
        content = first_content(SPEC, resolve(SPEC, response).get("content"))
        if content is None or content.kind != "json":
            continue
        if str(key).isdigit() and int(key) >= 400:
            found.append((int(key), str(key)))
        elif key == "default" and not {"500", "5XX"} & {str(k).upper() for k in op.spec["responses"]}:
            found.append((500, "default"))
    return found


DOCUMENTED_ERRORS = [(op, status, key) for op in OPERATIONS for status, key in error_statuses(op)]


@pytest.mark.parametrize(
    ("op", "status", "key"),
    cases(DOCUMENTED_ERRORS, "no operation documenting a JSON error body", arity=3),
    ids=lambda case: getattr(case, "id", str(case)),
)
def test_a_documented_error_body_is_parsed_into_its_model(op: Operation, status: int, key: str) -> None:
    content = first_content(SPEC, resolve(SPEC, op.spec["responses"][key])["content"])
    assert content is not None  # one of DOCUMENTED_ERRORS: a JSON error body
    body = example_value(SPEC, content.schema)
    with pytest.raises(errors.APIStatusError) as raised:
        call(op, Recorder(json_reply(status, body)), max_retries=0)
    parsed = raised.value.parsed
    assert parsed is not None and (parsed.to_dict() if hasattr(parsed, "to_dict") else parsed) == body


TRANSPORT_FAILURES = {
    "refused": (httpx.ConnectError("connection refused"), errors.APIConnectionError),
    "reset": (httpx.ReadError("connection reset by peer"), errors.APIConnectionError),
    "read timeout": (httpx.ReadTimeout("stalled"), errors.APITimeoutError),
    "connect timeout": (httpx.ConnectTimeout("no answer"), errors.APITimeoutError),
    "protocol": (httpx.RemoteProtocolError("malformed response"), errors.APIConnectionError),
}


FAILURE_CASES = [(op, "sync", "refused") for op in OPERATIONS] + [
    (OPERATIONS[0], mode, failure) for mode in ("sync", "asyncio_detailed") for failure in TRANSPORT_FAILURES
]


@pytest.mark.parametrize(("op", "mode", "failure"), FAILURE_CASES, ids=lambda case: getattr(case, "id", str(case)))
def test_a_request_that_gets_no_response_raises_the_packages_error(op: Operation, mode: str, failure: str) -> None:
    """httpx's exception is the cause, once the retries are spent; the message names the path, not the key."""
    exception, expected = TRANSPORT_FAILURES[failure]
    recorder = Recorder(exception)
    with pytest.raises(expected) as raised:
        call(op, recorder, mode, max_retries=0)
    error = raised.value
    assert isinstance(error, errors.ClientError) and raised.value.__cause__ is exception
    assert f"{op.method.upper()} {sent_path(recorder)}" in str(error)
    assert_key_absent(error)


REASON = "the value is above what the plan allows; " + "w" * 600 + " END-OF-REASON"
REASON_BODIES = {
    "FastAPI's detail list": {"detail": [{"loc": ["body", "replicas"], "msg": REASON, "type": "value_error"}]},
    "a message beside a long trace": {"trace": "t" * 5000, "message": REASON},
    "an error object": {"error": {"code": "E_LIMIT", "message": REASON}},
}


@pytest.mark.parametrize("kind", sorted(REASON_BODIES))
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_the_servers_reason_comes_first_and_whole_before_any_cut(op: Operation, kind: str) -> None:
    recorder = Recorder(json_reply(422, REASON_BODIES[kind]))
    with pytest.raises(errors.UnprocessableEntityError) as raised:
        call(op, recorder, max_retries=0)
    message = str(raised.value)
    assert message.startswith(f"{op.method.upper()} {sent_path(recorder)}: HTTP 422: ")
    reason = message.split(": HTTP 422: ", 1)[1]
    assert "END-OF-REASON" in reason and "ttttt" not in reason and len(reason) <= errors.MESSAGE_REASON_CHARS, message
    assert json.loads(raised.value.content) == REASON_BODIES[kind]  # all of it is kept


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_a_body_that_gives_no_reason_is_quoted_from_its_start_and_cut(op: Operation) -> None:
    body = {"unrelated": "u" * 5000}
    with pytest.raises(errors.UnprocessableEntityError) as raised:
        call(op, Recorder(json_reply(422, body)), max_retries=0)
    quoted = str(raised.value).split("HTTP 422: ", 1)[-1]
    assert quoted.startswith('{"unrelated":') and len(quoted) <= errors.MESSAGE_BODY_CHARS, quoted
