"""Every operation in openapi.yaml, called through the generated client, sends what the spec says.

Where an operation has an `x-codeSamples` curl command (every Baseten operation does), the request is
that command's: same method, path, auth header and JSON body. Parameters (path, query, header, cookie)
and bodies (JSON, form, multipart, octet-stream) the sample leaves out are built from the spec's schemas;
each must arrive as given, a file's bytes included, and the success body must come back parsed.
"""

import datetime
import typing
from typing import Any

import pytest

from contract.calls import UPLOAD, build_call, example_call, example_parameters, example_request_body
from contract.curl_sample import curl_sample, key_variable, sample_path
from contract.generated_package import import_generated, package_dir
from contract.generator_names import endpoint_module, module_name, python_name
from contract.python_values import is_instance
from contract.spec_model import Operation, Success, request_body, resolve, success_responses
from tests.operation_calls import (
    BASE_URL,
    OPERATIONS,
    SPEC,
    TEXT_BODY,
    TOKEN,
    Recorder,
    call,
    cases,
    client_for,
    reply_for,
    success_reply,
)


def test_every_operation_has_exactly_one_endpoint_module() -> None:
    assert OPERATIONS, "openapi.yaml has no operations"
    named = [module_name(op.key) for op in OPERATIONS]
    on_disk = {".".join(p.relative_to(package_dir()).with_suffix("").parts) for p in package_dir().glob("api/*/*.py")}
    assert sorted(on_disk - {name for name in on_disk if name.endswith("__init__")}) == sorted(named)


WITH_SAMPLE = [op for op in OPERATIONS if curl_sample(op.spec) is not None]


@pytest.mark.parametrize("op", cases(WITH_SAMPLE, "no curl sample"), ids=lambda op: getattr(op, "id", "none"))
def test_each_curl_sample_agrees_with_its_operation(op: Operation) -> None:
    sample = curl_sample(op.spec)
    assert sample is not None  # one of WITH_SAMPLE
    assert (sample.method, sample_path(sample)) == (op.method.upper(), op.path)


def body_label(op: Operation) -> str:
    body = request_body(SPEC, op)
    return f"{op.id} ({body.content.kind if body else 'no'} body)"


@pytest.mark.parametrize("mode", ["sync_detailed", "asyncio_detailed"])
@pytest.mark.parametrize("op", OPERATIONS, ids=body_label)
def test_operation_sends_what_the_spec_says(op: Operation, mode: str) -> None:
    recorder = Recorder(success_reply(op))
    response, planned = call(op, recorder, mode)

    (request,) = recorder.requests
    assert request.method == op.method.upper()
    planned.assert_sent(request, BASE_URL)  # at BASE_URL, unless the operation has a server of its own
    sample = curl_sample(op.spec)
    if sample is not None:
        auth = {name: value for name, value in sample.headers.items() if key_variable() in value}
        assert auth, f"{op.id}: the curl sample sends no header with {key_variable()}"
        for name, value in auth.items():
            assert request.headers.get(name) == value.replace(key_variable(), TOKEN)
    assert 200 <= response.status_code < 300


SUCCESSES = [(op, success) for op in OPERATIONS for success in success_responses(SPEC, op)]


@pytest.mark.parametrize(
    ("op", "success"),
    cases(SUCCESSES, "no documented success", arity=2),
    ids=lambda case: getattr(case, "id", None) or getattr(case, "key", ""),
)
def test_each_documented_success_comes_back_parsed(op: Operation, success: Success) -> None:
    module = endpoint_module(op.key)
    planned = example_call(op, module.sync)
    result = module.sync(client=client_for(Recorder(reply_for(success))), **planned.arguments)
    kind = success.content.kind if success.content else None
    if kind == "json":
        expected = typing.get_type_hints(module.sync)["return"]
        assert is_instance(result, expected), f"{op.id} {success.key}: {result!r} is not {expected}"
    elif kind == "text":
        assert result == TEXT_BODY
    elif kind in ("binary", "multipart", "form"):
        assert result.payload.read() == UPLOAD
    else:
        assert result is None


def string_path_parameter(op: Operation) -> str | None:
    return next(
        (p["name"] for p in op.params_in("path") if resolve(SPEC, p.get("schema", {})).get("type") == "string"), None
    )


WITH_STRING_PATH = [op for op in OPERATIONS if string_path_parameter(op)]


@pytest.mark.parametrize("value", [".", "..", "a/b", "%2E%2E"])
@pytest.mark.parametrize(
    "op",
    cases(WITH_STRING_PATH, "no string path parameter"),
    ids=lambda op: getattr(op, "id", "none"),
)
def test_a_path_parameter_stays_one_segment_whatever_it_holds(op: Operation, value: str) -> None:
    """An id ".." must not address the parent resource once the URL is normalised, nor "a/b" two segments."""
    module = endpoint_module(op.key)
    wire_name = string_path_parameter(op)
    assert wire_name is not None  # one of WITH_STRING_PATH
    values = {**example_parameters(op), ("path", wire_name): value}
    planned = build_call(op, module.sync_detailed, values, example_request_body(op))
    recorder = Recorder(success_reply(op))
    module.sync_detailed(client=client_for(recorder), **planned.arguments)
    planned.assert_sent(recorder.requests[0], BASE_URL)


@pytest.mark.parametrize(
    "op", cases(WITH_STRING_PATH, "no string path parameter"), ids=lambda op: getattr(op, "id", "none")
)
def test_an_empty_path_parameter_is_refused_before_sending(op: Operation) -> None:
    """`DELETE /v1/models/` would address the collection: an InvalidField naming the argument instead."""
    module = endpoint_module(op.key)
    wire_name = string_path_parameter(op)
    assert wire_name is not None  # one of WITH_STRING_PATH
    values = {**example_parameters(op), ("path", wire_name): ""}
    planned = build_call(op, module.sync, values, example_request_body(op))
    recorder = Recorder(success_reply(op))
    with pytest.raises(import_generated("errors").InvalidField) as raised:
        module.sync(client=client_for(recorder), **planned.arguments)
    assert raised.value.path == python_name(op.key, "path", wire_name) and recorder.requests == []


def datetime_query_parameter(op: Operation) -> str | None:
    def is_datetime(schema: Any) -> bool:
        schema = resolve(SPEC, schema)
        branches = [resolve(SPEC, s) for s in schema.get("anyOf", []) + schema.get("oneOf", [])]
        return schema.get("format") == "date-time" or any(b.get("format") == "date-time" for b in branches)

    return next((p["name"] for p in op.params_in("query") if is_datetime(p.get("schema", {}))), None)


WITH_DATETIME_QUERY = [op for op in OPERATIONS if datetime_query_parameter(op)]


@pytest.mark.parametrize(
    "op", cases(WITH_DATETIME_QUERY, "no date-time query parameter"), ids=lambda op: getattr(op, "id", "none")
)
def test_a_datetime_without_an_offset_is_refused_before_sending(op: Operation) -> None:
    """A naive datetime would be sent without an offset, which a server may read in any zone."""
    module = endpoint_module(op.key)
    planned = build_call(op, module.sync, example_parameters(op), example_request_body(op))
    wire_name = datetime_query_parameter(op)
    assert wire_name is not None  # one of WITH_DATETIME_QUERY
    name = python_name(op.key, "query", wire_name)
    recorder = Recorder(success_reply(op))
    with pytest.raises(import_generated("errors").InvalidField) as raised:
        module.sync(client=client_for(recorder), **{**planned.arguments, name: datetime.datetime(2026, 8, 1)})
    assert raised.value.path == name and recorder.requests == []
