"""The package's testing module (runtime/testing.py): FakeBaseten, the fake API users test their own code
against, on the spec in openapi.yaml. Every operation answers through the client (sync and async) with a
body the spec's schema takes (judged by openapi-schema-validator, not by the fake's own checker) and the
same bytes every time; every request is checked first, a mistake named; collections keep what is created
and forget what is deleted; waiters run on the fake's clock through scripted values; faults come on demand;
each call is recorded as sent. Every case is drawn from the spec; one the spec has none of is skipped,
saying so. The fake's JSON Schema checker is judged against openapi-schema-validator on every schema."""

import asyncio
import json
import re
import runpy
import subprocess
import sys
from typing import Any

import httpx
import pytest

from contract.calls import (
    Joined,
    build_call,
    example_call,
    example_parameters,
    example_request_body,
    query_pairs,
    same_json,
)
from contract.generated_package import import_generated, missing_operations, package_dir
from contract.generator_names import endpoint_module, operation_name
from contract.spec_model import (
    Operation,
    documents_status,
    example_value,
    fits,
    request_body,
    resolve,
    success_response,
    why_no_value,
)
from pipeline.generate.waiters import Waiter, check_waiters
from pipeline.project import ROOT, current
from tests.operation_calls import OPERATIONS, SPEC, callers_own_headers, cases, documented_success, tree_attributes

testing = import_generated("testing")
errors = import_generated("errors")
schema_module = import_generated("_schema")
fake_baseten = testing.fake_baseten  # the pytest fixture, imported as a user's conftest.py would
IDEMPOTENT = {"get", "head", "options", "put", "delete"}  # RFC 9110: the client retries these after a 5xx


def name_of(op: Operation) -> str:
    name = operation_name(op.key)
    return f"{name.group}.{name.name}"


def planned(op: Operation, mode: str = "sync_detailed", path: dict[str, Any] | None = None) -> Any:
    """The call with example arguments; `path` replaces path parameters' values (by the spec's names)."""
    function = getattr(endpoint_module(op.key), mode)
    if path is None:
        return example_call(op, function)
    values = {**example_parameters(op), **{("path", name): value for name, value in path.items()}}
    return build_call(op, function, values, example_request_body(op))


def call(fake: Any, op: Operation, mode: str = "sync_detailed", path: dict[str, Any] | None = None) -> Any:
    """The operation through the fake's client."""
    function = getattr(endpoint_module(op.key), mode)
    result = function(client=client_of(fake, op), **planned(op, mode, path).arguments)
    return asyncio.run(result) if mode.startswith("asyncio") else result


def client_of(fake: Any, op: Operation) -> Any:
    """The fake's client, with the credential the caller adds where the client cannot send any the
    operation's security offers."""
    headers = callers_own_headers(op)
    return fake.client.with_headers(headers) if headers else fake.client


def documented_body_fits(op: Operation, response: Any) -> bool:
    success = success_response(SPEC, op)
    if success is None or success.schema is None:
        return True
    return fits(SPEC, success.schema, json.loads(response.content))


def send(fake: Any, op: Operation, change: Any) -> Any:
    """Send the example request of `op` through the fake's client, its kwargs changed by `change` first
    (past the client's own checks: what a server would receive from a client that has none)."""
    module = endpoint_module(op.key)
    kwargs = module._get_kwargs(**planned(op, "sync_detailed").arguments)
    change(kwargs)
    # As the endpoint sends it: at its own server (Box's /authorize), with its own security.
    options = {
        key: getattr(module, f"_{key.upper()}") for key in ("server", "security") if hasattr(module, f"_{key.upper()}")
    }
    return fake.client.request(**kwargs, **options)


def siblings(op: Operation) -> list[Operation]:
    """The other operations of its method and route: path keys told apart by a `#fragment`."""
    route = op.path.split("#", 1)[0]
    return [other for other in OPERATIONS if other is not op and other.method == op.method
            and other.path.split("#", 1)[0] == route]  # fmt: skip


def taken_for_another(op: Operation) -> str:
    """Why the fake answers the operation's example request as another's: one of its route that takes the
    request too (Box's `#get_shared_link` differs from its route's GET by a `fields` value the spec does
    not pin), where a server tells them apart by what the spec does not say; "" where it does not."""
    if not siblings(op):
        return ""
    if op.id not in _TAKEN:
        with testing.FakeBaseten() as fake:
            try:
                send(fake, op, lambda kwargs: None)
            except testing.SpecViolation:
                pass  # refused: the tests of the operation say why
            fake.violations.clear()
            taken = fake.calls[-1].operation if fake.calls else name_of(op)
        _TAKEN[op.id] = taken
    taken = _TAKEN[op.id]
    return "" if taken == name_of(op) else f"{op.id}: the fake answers its example request as {taken}, which takes it"


_TAKEN: dict[str, str] = {}  # op.id -> the operation the fake answered its example request as


def unanswerable(op: Operation) -> str:
    """Why no call can be answered: no body fits the required request body, so the fake refuses every one;
    no answer can fit the success schema; the request is taken for another operation's ("" if none)."""
    body = request_body(SPEC, op)
    if body is not None and body.required and why_no_value(SPEC, body.content.schema):
        return f"{op.id}: its required body {why_no_value(SPEC, body.content.schema)}"
    success = success_response(SPEC, op)
    schema = success.schema if success is not None else None
    if schema is not None and why_no_value(SPEC, schema):
        return f"{op.id}: its success schema {why_no_value(SPEC, schema)}"
    return taken_for_another(op)


def answer_case(op: Operation) -> Any:
    why = unanswerable(op)
    return pytest.param(op, marks=[pytest.mark.skip(reason=why)] if why else [], id=op.id)


ANSWER_CASES = [answer_case(op) for op in OPERATIONS]
ANSWERED = [op for op in OPERATIONS if not unanswerable(op)]


# -- every operation answers ----------------------------------------------------------------------


@pytest.mark.parametrize("op", ANSWER_CASES)
def test_every_operation_answers_through_the_client_with_a_body_its_schema_takes_the_same_every_time(
    op: Operation,
) -> None:
    with testing.FakeBaseten() as fake, testing.FakeBaseten() as another:
        response = call(fake, op)
        assert call(another, op).content == response.content
    success = success_response(SPEC, op)
    assert response.status_code == (success.status if success else 200)
    assert documented_body_fits(op, response), response.content[:500]
    if success is not None and success.content is not None:
        assert response.parsed is not None
    assert [(c.operation, c.route, c.status) for c in fake.calls] == [(name_of(op), op.id, response.status_code)]
    assert fake.violations == []


def test_every_operation_answers_async_too() -> None:
    async def each_in_a_fake_of_its_own() -> list[Any]:
        found = []
        for op in ANSWERED:
            async with testing.FakeBaseten() as fake:
                function = endpoint_module(op.key).asyncio_detailed
                found.append(await function(client=client_of(fake, op), **example_call(op, function).arguments))
        return found

    responses = asyncio.run(each_in_a_fake_of_its_own())
    assert [op.id for op, r in zip(ANSWERED, responses, strict=True) if not documented_body_fits(op, r)] == []


@pytest.mark.parametrize("op", ANSWERED, ids=lambda op: op.id)
def test_each_call_is_recorded_as_sent(op: Operation) -> None:
    sent = planned(op)
    with testing.FakeBaseten() as fake:
        call(fake, op)
        (recorded,) = fake.calls_to(name_of(op))
    assert fake.calls_to(
        getattr(getattr(fake.client, tree_attributes()[operation_name(op.key).group]), operation_name(op.key).name)
    ) == [recorded]
    assert same_json(recorded.path_params, sent.path_values)
    declared = {parameter["name"]: parameter for parameter in op.params_in("query")}
    flat = [
        pair
        for name, value in recorded.query.items()
        for pair in query_pairs(declared.get(name, {"name": name}), value)
    ]
    assert sorted(name for name, _ in flat) == sorted(name for name, _ in sent.query)
    for name, value in sent.query:
        assert any(n == name and same_query_value(v, value) for n, v in flat), (name, value, recorded.query)
    if sent.content is not None and sent.content.kind == "json":
        assert same_json(recorded.body, sent.body)
    elif sent.content is None:
        assert recorded.body is None


def same_query_value(left: Any, right: Any) -> bool:
    if isinstance(left, Joined) and isinstance(right, Joined):
        return left.separator == right.separator and same_json(left.value, right.value)
    return same_json(left, right)


# -- every request is checked against the spec ------------------------------------------------------

WRONG = {"string": 12345, "integer": "text", "number": "text", "boolean": "text", "array": "text", "object": "text"}


def one_type(schema: Any) -> str | None:
    schema = resolve(SPEC, schema)
    kind = schema.get("type") if isinstance(schema, dict) else None
    return kind if isinstance(kind, str) and kind in WRONG and not {"anyOf", "oneOf", "allOf"} & set(schema) else None


def wrong_for(schema: Any) -> object:
    """A value of another JSON type than the schema's one type (each case's field has one)."""
    kind = one_type(schema)
    assert kind is not None, schema
    return WRONG[kind]


def json_bodies() -> list[tuple[Operation, str, bool]]:
    """(operation, a property of its JSON object body of one JSON type, whether it is required)."""
    found = []
    for op in OPERATIONS:
        function = endpoint_module(op.key).sync_detailed
        sent = example_call(op, function)
        if sent.content is None or sent.content.kind != "json" or not isinstance(sent.body, dict):
            continue
        schema = resolve(SPEC, sent.content.schema)
        properties = schema.get("properties") or {}
        required = [name for name in schema.get("required") or [] if name in properties]
        typed = [name for name in properties if one_type(properties[name])]
        if typed:
            name = next((n for n in typed if n in required), typed[0])
            found.append((op, name, name in required))
    return found


JSON_BODIES = json_bodies()
REQUIRED_FIELDS = [case for case in JSON_BODIES if case[2]]


@pytest.mark.parametrize(("op", "field", "required"), cases(JSON_BODIES, "no JSON object body with a typed field", 3),
                         ids=lambda v: getattr(v, "id", None))  # fmt: skip
def test_a_body_field_of_the_wrong_type_is_a_violation_naming_it(op: Operation, field: str, required: bool) -> None:
    wrong = wrong_for(resolve(SPEC, planned(op).content.schema)["properties"][field])
    with testing.FakeBaseten() as fake:
        with pytest.raises(testing.SpecViolation, match=re.escape(f"body.{field}:")) as raised:
            send(fake, op, lambda kwargs: kwargs.update(json={**kwargs["json"], field: wrong}))
        # (where a `#fragment` gives the route a second operation, the fake cannot tell which was meant: both)
        assert name_of(op) in raised.value.operation.split(" or ") and isinstance(raised.value, AssertionError)
        assert fake.calls[-1].status is None and fake.violations == [raised.value]
        fake.violations.clear()


@pytest.mark.parametrize(("op", "field", "required"), cases(REQUIRED_FIELDS, "no JSON body with a required field", 3),
                         ids=lambda v: getattr(v, "id", None))  # fmt: skip
def test_a_missing_required_body_field_is_a_violation_naming_it(op: Operation, field: str, required: bool) -> None:
    def leave_out(kwargs: dict[str, Any]) -> None:
        kwargs["json"] = {key: value for key, value in kwargs["json"].items() if key != field}

    with testing.FakeBaseten() as fake:
        with pytest.raises(testing.SpecViolation, match=re.escape(f"body.{field}: required, missing")):
            send(fake, op, leave_out)
        fake.violations.clear()


def typed_query_parameters() -> list[tuple[Operation, dict[str, Any]]]:
    """(operation, a query parameter its schema types as a number, a boolean or an enum) for each."""
    found = []
    for op in OPERATIONS:
        for parameter in op.params_in("query"):
            schema = resolve(SPEC, parameter.get("schema") or {})
            if one_type(schema) in ("integer", "number", "boolean") or (schema.get("enum") and one_type(schema)):
                found.append((op, parameter))
                break
    return found


@pytest.mark.parametrize(("op", "parameter"), cases(typed_query_parameters(), "no typed query parameter", 2),
                         ids=lambda v: getattr(v, "id", None))  # fmt: skip
def test_a_query_parameter_the_schema_refuses_is_a_violation_naming_it(
    op: Operation, parameter: dict[str, Any]
) -> None:
    name = parameter["name"]

    def wrong_value(kwargs: dict[str, Any]) -> None:
        pairs = [(n, v) for n, v in (kwargs.get("params") or []) if n != name]
        kwargs["params"] = [*pairs, (name, "NOT_A_VALUE_OF_IT")]

    with testing.FakeBaseten() as fake:
        with pytest.raises(testing.SpecViolation, match=re.escape(f"query parameter {name}")):
            send(fake, op, wrong_value)
        fake.violations.clear()


# The first 20: the check is one mechanism, the same for every operation; 20 cases show it on every shape a
# spec has without making a 183-operation rehearsal pay for each (the same for SECURED below).
# (Not where another operation of its route takes the request without it: the fake answers that one.)
REQUIRED_QUERY = [
    (op, p)
    for op in OPERATIONS
    for p in op.params_in("query")
    if p.get("required")
    and all(
        any(q["name"] == p["name"] and q.get("required") for q in other.params_in("query")) for other in siblings(op)
    )
][:20]


@pytest.mark.parametrize(("op", "parameter"), cases(REQUIRED_QUERY, "no required query parameter", 2),
                         ids=lambda v: getattr(v, "id", None))  # fmt: skip
def test_a_required_query_parameter_left_out_is_a_violation_naming_it(op: Operation, parameter: dict[str, Any]) -> None:
    name, properties = parameter["name"], resolve(SPEC, parameter.get("schema") or {}).get("properties") or {}

    def leave_out(kwargs: dict[str, Any]) -> None:  # an exploded object's properties are its names
        kwargs["params"] = [(n, v) for n, v in (kwargs.get("params") or []) if n != name and n not in properties]

    with testing.FakeBaseten() as fake:
        try:
            send(fake, op, leave_out)
        except testing.SpecViolation as violation:
            assert any(problem.startswith(f"query parameter {name}") for problem in violation.problems)
        else:  # an object whose properties are all optional: sending none of them is sending an empty one
            assert properties and not resolve(SPEC, parameter["schema"]).get("required")
        fake.violations.clear()


# Those the fake can judge: it cannot see a client certificate (mutualTLS), which it takes as given.
SECURED = [
    op
    for op in OPERATIONS
    if op.spec.get("security", SPEC.get("security"))
    and not any(
        ((SPEC.get("components") or {}).get("securitySchemes") or {}).get(name, {}).get("type") == "mutualTLS"
        for requirement in op.spec.get("security", SPEC.get("security")) or []
        for name in requirement
    )
]


@pytest.mark.parametrize(
    "op", cases(SECURED[:20], "no operation that needs auth"), ids=lambda op: getattr(op, "id", "")
)
def test_a_request_without_the_auth_the_spec_asks_for_is_a_violation(op: Operation) -> None:
    with testing.FakeBaseten() as fake:
        with httpx.Client(transport=fake.transport, base_url=str(fake.client.get_httpx_client().base_url)) as bare:
            module = endpoint_module(op.key)
            kwargs = module._get_kwargs(**planned(op).arguments)
            params, _ = kwargs.pop("params", None), kwargs.pop("cookies", None)
            url = fake.client.url_at(kwargs.pop("url"), getattr(module, "_SERVER", None))  # where the client sends it
            with pytest.raises(testing.SpecViolation, match="auth: the request carries no"):
                bare.request(kwargs.pop("method"), url, params=params, **kwargs)
        fake.violations.clear()


def test_a_path_the_spec_lacks_is_a_violation() -> None:
    with testing.FakeBaseten() as fake:
        with pytest.raises(testing.SpecViolation, match="no operation of the spec has the path /no/such/path"):
            fake.client.request("GET", "/no/such/path")
        fake.violations.clear()


def test_a_violation_the_code_under_test_swallowed_fails_the_test_when_the_fake_closes() -> None:
    op = OPERATIONS[0]

    def code_under_test(fake: Any) -> None:
        try:
            send(fake, op, lambda kwargs: kwargs.update(url="/no/such/path"))
        except Exception:  # noqa: BLE001 - the mistake the fake must not let pass
            pass

    with pytest.raises(testing.SpecViolation) as raised:
        with testing.FakeBaseten() as fake:
            code_under_test(fake)
    assert "/no/such/path" in str(raised.value) and "caught it" in "\n".join(raised.value.__notes__)


# -- state, read from the routes ------------------------------------------------------------------


def collections() -> list[tuple[Operation, Operation, Operation, Operation]]:
    """(create, list, read, delete): POST and GET on a path, GET and DELETE on the path and one parameter,
    where the GET lists as testing.py documents: an array, or an object with one array field (Mistral's
    judges come one level deeper: {judges: {results: [...]}}, which the fake does not keep)."""
    by_key = {op.key: op for op in OPERATIONS}
    found = []
    for create in OPERATIONS:
        listing = by_key.get(("get", create.path))
        if create.method != "post" or listing is None or "{" in create.path.rsplit("/", 1)[-1]:
            continue
        if success_response(SPEC, listing) is None or listed_schema(listing) is None:
            continue
        for read in OPERATIONS:
            if read.method == "get" and re.fullmatch(re.escape(create.path) + r"/\{[^{}/]+\}", read.path):
                if ("delete", read.path) in by_key:
                    found.append((create, listing, read, by_key[("delete", read.path)]))
    return found


def item_schema(read: Operation) -> tuple[Any, str | None]:
    """An item's schema, as testing.py documents it: what its GET answers, or, where that answer holds
    what the list of its collection holds in one of its fields, that (and the field)."""
    schema = resolve(SPEC, documented_success(read).schema)
    listing = next((op for op in OPERATIONS if op.key == ("get", read.path.rsplit("/", 1)[0])), None)
    listed = listed_schema(listing) if listing is not None else None
    for name, sub in (schema.get("properties") or {}).items():
        if listed is not None and resolve(SPEC, sub) is listed and schema is not listed:
            return listed, name
    return schema, None


def listed_schema(listing: Operation) -> Any:
    schema = resolve(SPEC, documented_success(listing).schema)  # None: a success without a body
    if not isinstance(schema, dict):
        return None
    if schema.get("type") == "array":
        return resolve(SPEC, schema.get("items"))
    arrays = [resolve(SPEC, sub) for sub in (schema.get("properties") or {}).values()]
    arrays = [sub for sub in arrays if isinstance(sub, dict) and sub.get("type") == "array"]
    return resolve(SPEC, arrays[0].get("items")) if len(arrays) == 1 else None


def key_field(read: Operation) -> tuple[str, str | None]:
    """The item's key parameter, and the field of the item holding it, as testing.py documents the rule:
    the parameter's own name, its last word (`secret_name`: name), or id, or name."""
    parameter = read.path.rsplit("{", 1)[1].rstrip("}")
    properties = item_schema(read)[0].get("properties") or {}
    candidates = (parameter, parameter.rsplit("_", 1)[-1], "id", "name")
    return parameter, next((name for name in candidates if name in properties), None)


def read_item(fake: Any, read: Operation, key: dict[str, Any]) -> Any:
    """The item the read operation answers, out of the field that wraps it where one does."""
    body = json.loads(call(fake, read, path=key).content)
    wrapper = item_schema(read)[1]
    return body[wrapper] if wrapper else body


def listed(response: Any) -> list[Any]:
    """The items of a list result: the array, or the one array field of the object."""
    body = json.loads(response.content)
    if isinstance(body, list):
        return body
    arrays = [value for value in body.values() if isinstance(value, list)]
    assert len(arrays) == 1, f"cannot tell the items of {list(body)}"
    return arrays[0]


COLLECTIONS = collections()


@pytest.mark.parametrize("ops", cases(COLLECTIONS, "no collection with create, list, read and delete operations"),
                         ids=lambda ops: ops[0].id if ops else "")  # fmt: skip
def test_a_created_item_is_listed_read_and_after_delete_is_404(ops: tuple[Operation, ...]) -> None:
    create, listing, read, delete = ops
    parameter, field = key_field(read)
    if field is None:
        pytest.skip(f"{read.id}: the item has no field that names it, so a test cannot learn a created key")
    with testing.FakeBaseten(autocreate=False) as fake:
        assert listed(call(fake, listing)) == []
        call(fake, create)
        (item,) = listed(call(fake, listing))
        key = {parameter: item[field]}
        assert read_item(fake, read, key)[field] == item[field]
        call(fake, delete, path=key)
        with pytest.raises(errors.NotFoundError):
            call(fake, read, "sync", path=key)
        assert listed(call(fake, listing)) == []
        assert [c.status for c in fake.calls][-2:] == [404, 200]


@pytest.mark.parametrize("ops", cases(COLLECTIONS, "no collection with create, list, read and delete operations"),
                         ids=lambda ops: ops[0].id if ops else "")  # fmt: skip
def test_an_unknown_item_is_made_up_on_first_read_unless_autocreate_is_off(ops: tuple[Operation, ...]) -> None:
    read = ops[2]
    parameter, field = key_field(read)
    properties = item_schema(read)[0].get("properties") or {}
    value = example_value(SPEC, properties[field]) if field else None  # a key the item's field takes
    # ... and the path parameter, as the fake checks it (a UUID where it says uuid: Resend's ids)
    taken = isinstance(value, str) and value and schema_module.Schemas(SPEC).fits(path_schema(read, parameter), value)
    key = {parameter: value if taken else path_key(read, parameter, "never-made")}
    with testing.FakeBaseten(autocreate=False) as strict, testing.FakeBaseten() as lenient:
        with pytest.raises(errors.NotFoundError):
            call(strict, read, "sync", path=key)
        first = read_item(lenient, read, key)
        assert read_item(lenient, read, key) == first
        if field is not None and fits(SPEC, properties[field], key[parameter]):
            assert first[field] == key[parameter]  # the item a path names holds its key


READS = [read for _, _, read, _ in COLLECTIONS]
NUMBERED_KEYS = {"seeded-1": 101, "seeded-2": 102, "never-made": 404}


def path_schema(op: Operation, parameter: str) -> dict[str, Any]:
    schema = resolve(SPEC, next((p.get("schema") or {} for p in op.params_in("path") if p["name"] == parameter), {}))
    return schema if isinstance(schema, dict) else {}


def path_key(op: Operation, parameter: str, text: str) -> Any:
    """`text` as the key of an item, or a number where the path parameter is a number (paystack's integer
    ids), or a UUID made of that number where it is a UUID (resend's webhook ids)."""
    schema = path_schema(op, parameter)
    if schema.get("format") == "uuid":
        return f"00000000-0000-4000-8000-{NUMBERED_KEYS[text]:012d}"
    return NUMBERED_KEYS[text] if schema.get("type") in ("integer", "number") else text


@pytest.mark.parametrize("read", cases(READS, "no collection with create, list, read and delete operations"),
                         ids=lambda op: getattr(op, "id", ""))  # fmt: skip
def test_a_seeded_item_model_or_dict_is_what_the_client_reads(read: Operation) -> None:
    parameter, field = key_field(read)
    parents = {name: value for (where, name), value in example_parameters(read).items() if where == "path"}
    parents.pop(parameter)
    with testing.FakeBaseten(autocreate=False) as fake:
        wrapper = item_schema(read)[1]
        first_key, second_key = path_key(read, parameter, "seeded-1"), path_key(read, parameter, "seeded-2")
        stored = fake.seed(name_of(read), {}, **parents, **{parameter: first_key})
        model = call(fake, read, "sync", path={parameter: first_key})
        model = getattr(model, wrapper) if wrapper else model
        assert same_json(model.to_dict(), stored)
        fake.seed(read.id, model, **parents, **{parameter: second_key})  # a model, by the route this time
        again = read_item(fake, read, {parameter: second_key})
        assert same_json(
            {k: v for k, v in again.items() if k != field}, {k: v for k, v in stored.items() if k != field}
        )
        assert len(fake.objects(read.id, **parents)) == 2


@pytest.mark.parametrize("read", cases(READS, "no collection with create, list, read and delete operations"),
                         ids=lambda op: getattr(op, "id", ""))  # fmt: skip
def test_a_seeded_field_the_schema_refuses_is_a_value_error_naming_it(read: Operation) -> None:
    properties = item_schema(read)[0].get("properties") or {}
    typed = [name for name, sub in properties.items() if one_type(sub)]
    if not typed:
        pytest.skip(f"{read.id}: the item has no property of one JSON type")
    wrong = {typed[0]: wrong_for(properties[typed[0]])}
    with testing.FakeBaseten() as fake, pytest.raises(ValueError, match=re.escape(f".{typed[0]}:")):
        fake.seed(read.id, wrong, **{name: "x" for where, name in example_parameters(read) if where == "path"})


# -- waiters, on the fake's clock -----------------------------------------------------------------

WAITERS = check_waiters(SPEC, current().waiters)[0]


def polled(waiter: Waiter) -> Operation:
    return next(op for op in OPERATIONS if (op.method, op.path) == (waiter.method, waiter.path))


def values_of(waiter: Waiter) -> list[Any]:
    """The values the waited-on field takes, as its schema lists them ([] for any)."""
    schema = documented_success(polled(waiter)).schema
    for part in waiter.field:
        branches = [resolve(SPEC, b) for b in [schema, *(resolve(SPEC, schema).get("anyOf") or [])]]
        schema = next((b["properties"][part] for b in branches if part in (b.get("properties") or {})), {})
    branches = [resolve(SPEC, b) for b in [schema, *(resolve(SPEC, schema).get("anyOf") or [])]]
    return [value for b in branches for value in b.get("enum") or []]


def neutral(waiter: Waiter) -> list[Any]:
    """Values that neither end nor fail the wait: they keep it polling."""
    return [v for v in values_of(waiter) if v not in waiter.success and v not in waiter.failure][:2]


def wait(fake: Any, waiter: Waiter, mode: str = "sync", **options: Any) -> Any:
    op = polled(waiter)
    group = tree_attributes()[operation_name(op.key).group]
    arguments = planned(op, "sync").arguments
    if mode == "sync":
        return getattr(getattr(fake.client, group), waiter.name)(**arguments, **options)
    return asyncio.run(getattr(getattr(fake.client.aio, group), waiter.name)(**arguments, **options))


def field_of(waiter: Waiter, result: Any) -> Any:
    for part in waiter.field:
        result = getattr(result, part, None)
    return None if result is None else str(result)


WAITER_CASES = cases(WAITERS, "none of the declared waiters' operations")


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_scripted_wait_ends_on_success_in_no_time_on_the_fakes_clock(waiter: Waiter, mode: str) -> None:
    success = waiter.success[0]
    script = [*neutral(waiter), success]
    with testing.FakeBaseten() as fake:
        fake.script(waiter.name, script)
        result = wait(fake, waiter, mode)
        assert field_of(waiter, result) == success
        assert len(fake.calls) == len(script)
        assert fake.clock.sleeps == [waiter.interval] * (len(script) - 1)  # 10 s each, slept on the fake's clock


@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_scripted_failure_ends_the_wait_with_waiter_failed(waiter: Waiter) -> None:
    failures = [v for v in waiter.failure if v is not None]
    if not failures:
        pytest.skip(f"{waiter.name} declares no failure value")
    with testing.FakeBaseten() as fake:
        fake.script(waiter.name, [*neutral(waiter), failures[0]], reads=2)
        with pytest.raises(errors.WaiterFailed) as raised:
            wait(fake, waiter)
        assert raised.value.value == failures[0] and len(fake.calls) == 2 * len(neutral(waiter)) + 1


@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_wait_that_never_ends_times_out_on_the_fakes_clock(waiter: Waiter) -> None:
    if not neutral(waiter):
        pytest.skip(f"{'.'.join(waiter.field)} lists no value that keeps {waiter.name} waiting")
    with testing.FakeBaseten() as fake:
        fake.script(waiter.name, neutral(waiter)[:1])
        with pytest.raises(errors.WaiterTimeout):
            wait(fake, waiter)
        assert fake.clock.now >= waiter.timeout - waiter.interval and len(fake.calls) > 2


@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_an_unscripted_item_is_at_its_waiters_first_success_value(waiter: Waiter) -> None:
    with testing.FakeBaseten() as fake:
        assert field_of(waiter, wait(fake, waiter)) == waiter.success[0] and len(fake.calls) == 1


@pytest.mark.parametrize("waiter", WAITER_CASES, ids=lambda w: getattr(w, "name", ""))
def test_a_script_value_the_field_does_not_take_is_a_value_error_listing_those_it_does(waiter: Waiter) -> None:
    if not values_of(waiter):
        pytest.skip(f"{'.'.join(waiter.field)} takes any value")
    with testing.FakeBaseten() as fake, pytest.raises(ValueError, match="is not one of"):
        fake.script(waiter.name, ["NOT_A_VALUE_OF_IT"])


# -- faults on demand -----------------------------------------------------------------------------


def documents(op: Operation, status: int) -> bool:
    return documents_status(op, status) and not str(status).startswith("2")


@pytest.mark.parametrize("op", ANSWERED, ids=lambda op: op.id)
def test_faults_on_demand_are_answered_and_retried_as_the_client_does(op: Operation) -> None:
    """A 429 is retried after the wait it asks for (on the fake's clock); 429s past the retries raise
    RateLimitError with Baseten's body; a 5xx, a timeout or a dropped connection is retried where the
    method allows it, else raised."""
    with testing.FakeBaseten() as fake:
        fake.fail(name_of(op), 429)
        response = call(fake, op)
        assert [c.status for c in fake.calls] == [429, response.status_code] and fake.clock.sleeps == [1]
    with testing.FakeBaseten() as fake:
        fake.fail(op.id, 429, times=3, retry_after=2)
        with pytest.raises(errors.RateLimitError) as raised:
            call(fake, op)
        assert raised.value.retry_after == 2 and len(fake.calls) == 3 and fake.clock.sleeps == [2, 2]
        if not documents(op, 429):  # else the body is the one the spec documents
            assert json.loads(raised.value.content) == {"error": "Rate limit exceeded", "retry_after": 2}
        assert call(fake, op).status_code < 300  # the faults are spent
    expected = {503: errors.ServerError, "timeout": errors.APITimeoutError, "disconnect": errors.APIConnectionError}
    for failure, error in expected.items():
        with testing.FakeBaseten() as fake:
            fake.fail(op.id, failure)
            if op.method in IDEMPOTENT:
                assert call(fake, op).status_code < 300 and len(fake.calls) == 2
            else:
                with pytest.raises(error):
                    call(fake, op)
                assert len(fake.calls) == 1
            assert fake.calls[0].status == (503 if failure == 503 else None)


def test_async_calls_wait_on_the_fakes_clock_too() -> None:
    op = ANSWERED[0] if ANSWERED else pytest.skip("no operation the client can read an answer of")
    with testing.FakeBaseten() as fake:
        fake.fail(name_of(op), 429, retry_after=30)
        assert call(fake, op, "asyncio_detailed").status_code < 300
        assert fake.clock.sleeps == [30]  # slept on the fake's clock, not for half a minute


def test_a_fault_for_any_operation_and_a_body_of_ones_own() -> None:
    op = ANSWERED[0] if ANSWERED else pytest.skip("no operation the client can read an answer of")
    with testing.FakeBaseten() as fake:
        fake.fail(testing.ANY_OPERATION, 409, body={"error": "taken"})
        with pytest.raises(errors.ConflictError) as raised:
            call(fake, op)
        assert json.loads(raised.value.content) == {"error": "taken"}
        with pytest.raises(ValueError, match="give an HTTP status"):
            fake.fail(op.id, "slow")


# -- the module itself ----------------------------------------------------------------------------


def test_the_pytest_fixture_is_an_open_fake(fake_baseten: Any) -> None:
    assert isinstance(fake_baseten, testing.FakeBaseten)
    assert isinstance(fake_baseten.client, import_generated("client").AuthenticatedClient)
    if ANSWERED:
        call(fake_baseten, ANSWERED[0])
        assert fake_baseten.calls[0].operation == name_of(ANSWERED[0])


def test_an_operation_the_spec_lacks_is_named_with_the_closest() -> None:
    with testing.FakeBaseten() as fake, pytest.raises(ValueError, match="is not an operation of the spec"):
        fake.fail(name_of(OPERATIONS[0]) + "x", 500)


def test_importing_the_client_loads_no_fake_and_the_fake_needs_no_test_tool() -> None:
    program = """
import sys
import {package}
assert not any(m.startswith("{package}._fake") or m.endswith(".testing") for m in sys.modules), "fake loaded"
from {package} import testing
assert testing.spec_data.cache_info().currsize == 0, "the spec was read at import"
for tool in ("pytest", "jsonschema", "openapi_schema_validator", "hypothesis"):
    assert tool not in sys.modules, tool
fake = testing.FakeBaseten()
assert testing.spec_data.cache_info().currsize == 1
"""
    result = subprocess.run(
        [sys.executable, "-c", program.format(package=package_dir().name)],
        cwd=package_dir().parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_package_carries_the_spec_without_its_prose() -> None:
    """_spec.json (pipeline/generate/spec_data.py): every schema keeps its fields, values and defaults, even a
    field named like the prose it drops (description, title)."""
    shipped = (testing.spec_data().get("components") or {}).get("schemas") or {}
    for name, schema in ((SPEC.get("components") or {}).get("schemas") or {}).items():
        kept = shipped[name]
        assert "description" not in kept and "title" not in kept
        assert list(kept.get("properties") or {}) == list(schema.get("properties") or {}), name
        for key in ("enum", "const", "default", "required", "type", "$ref"):
            assert kept.get(key) == schema.get(key), (name, key)


def test_the_package_carries_every_operation_by_the_clients_name() -> None:
    data = testing.spec_data()
    assert data["operations"] == {op.id: name_of(op) for op in OPERATIONS}
    assert {name: w["route"] for name, w in data["waiters"].items()} == {w.name: w.route for w in WAITERS}


# -- the fake's JSON Schema checker, against openapi-schema-validator -----------------------------

COMPONENT_SCHEMAS = (SPEC.get("components") or {}).get("schemas") or {}


def refers_to_what_was_left_out(name: str) -> bool:
    """Whether the component refers, at any depth, to one `make generate` left out (Box's Item, a oneOf with
    File--Full; OpenAI's stream events, through RunObject), which the spec the client implements no longer
    has for openapi-schema-validator to resolve."""
    seen, pending = set(), [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in COMPONENT_SCHEMAS:
            return True
        refs = re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(COMPONENT_SCHEMAS[current]))
        pending += [ref.replace("~1", "/").replace("~0", "~") for ref in refs]
    return False


SCHEMA_NAMES = sorted(name for name in COMPONENT_SCHEMAS if not refers_to_what_was_left_out(name))


def mutations(value: Any, schema: Any) -> list[Any]:
    """The value with one property at a time of another JSON type."""
    resolved = resolve(SPEC, schema)
    properties = (resolved.get("properties") or {}) if isinstance(resolved, dict) else {}
    return [
        {**value, name: wrong_for(sub)} for name, sub in properties.items() if isinstance(value, dict) and one_type(sub)
    ]


@pytest.mark.parametrize("name", cases(SCHEMA_NAMES, "no component schemas"))
def test_the_fakes_checker_agrees_with_openapi_schema_validator(name: str) -> None:
    """On the value the fake makes, the suite's own examples, and each with a field of the wrong type; and
    where the suite's examples fit, so does the fake's own."""
    ref = {"$ref": f"#/components/schemas/{name}"}
    mine = schema_module.Schemas(testing.spec_data())
    made = schema_module.Examples(mine, testing.FakeClock().moment).value(ref)
    theirs = [example_value(SPEC, ref), example_value(SPEC, ref, all_properties=True)]
    for value in [made, *theirs]:
        for candidate in [value, *mutations(value, ref)]:
            assert mine.fits(ref, candidate) == fits(SPEC, ref, candidate), json.dumps(candidate)[:300]
    if any(fits(SPEC, ref, value) for value in theirs):
        assert fits(SPEC, ref, made), f"the fake made a value its schema refuses: {json.dumps(made)[:300]}"


# -- a release script, end to end -----------------------------------------------------------------

DEPLOY_EXAMPLE = ROOT / "examples" / "deploy.py"


def deploy_example() -> Any:
    """examples/deploy.py's deploy(), where openapi.yaml has the operations it calls (Baseten's do)."""
    missing = missing_operations(DEPLOY_EXAMPLE.read_text(encoding="utf-8"))
    if missing:
        pytest.skip(f"examples/deploy.py calls {', '.join(missing)}, which openapi.yaml does not define")
    return runpy.run_path(str(DEPLOY_EXAMPLE))["deploy"]


def test_the_deploy_example_waits_promotes_and_rolls_back_a_failed_promotion() -> None:
    """Baseten's release flow (the spec's names, from the example): the build goes BUILDING, DEPLOYING,
    ACTIVE; the promotion fails; the script promotes the old production deployment back. Half an hour of
    waiting on the fake's clock."""
    deploy = deploy_example()
    with testing.FakeBaseten() as fake:
        fake.seed("models.get_model", {"production_deployment_id": "old-1"}, model_id="m1")
        fake.script("wait_for_deployment", ["BUILDING", "DEPLOYING", "ACTIVE"])
        fake.script("wait_for_promotion", ["RAMPING_UP", "FAILED", "RAMPING_UP", "SUCCEEDED"])
        assert deploy(fake.client, "m1", "uploads/m1.tgz", {"model_name": "m1"}) == "old-1"
        promoted = [call.path_params["deployment_id"] for call in fake.calls_to("models.promote_deployment")]
        (created,) = fake.calls_to("models.create_deployment")
    assert promoted == ["deployment-1", "old-1"]
    source = created.body["source"]  # as sent: the model's defaults filled in by the client
    assert (source["s3_key"], source["deployment"]["config"]) == ("uploads/m1.tgz", {"model_name": "m1"})
    assert fake.clock.sleeps == [10] * 4  # between the three reads of the build, the two of each promotion


def test_the_deploy_example_stops_at_a_failed_build_before_promoting() -> None:
    deploy = deploy_example()
    with testing.FakeBaseten() as fake:
        fake.script("wait_for_deployment", ["BUILDING", "BUILD_FAILED"])
        with pytest.raises(errors.WaiterFailed, match="BUILD_FAILED"):
            deploy(fake.client, "m1", "uploads/m1.tgz", {})
        assert fake.calls_to("models.promote_deployment") == []
