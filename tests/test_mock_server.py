"""A second, independent judge: Prism serves openapi.yaml, validates each request the generated client
sends (path, query, body, enums, required fields, the security header) and answers 422 on a bad one.
Every operation is called once with spec-valid arguments; then the example script runs against it."""

import os
import re
import subprocess
import sys

import pytest

from contract.calls import example_call, unsendable
from contract.generated_package import import_generated, left_out_responses, missing_operations
from contract.generator_names import endpoint_module
from contract.spec_model import Operation
from pipeline.project import ROOT, current
from tests.operation_calls import OPERATIONS, TOKEN, credentials
from tests.prism import frames_its_answer, refuses_valid_request, shadowed_by


class PrismRejected(AssertionError):
    """Prism answered 422: the request breaks the spec, by Prism's reading (its violations say where)."""


def case(op: Operation) -> object:
    """A strict xfail where Prism's reading refuses a valid request: a Prism that reads it right says so."""
    if unsendable(op):
        reason = f"{op.id}: no request can carry the required {', '.join(unsendable(op))}"
        return pytest.param(op, marks=pytest.mark.skip(reason=reason))
    if frames_its_answer(op):  # no answer to read: whether the request was accepted cannot be told
        return pytest.param(op, marks=pytest.mark.skip(reason=frames_its_answer(op)))
    if shadowed_by(op):  # whether Prism then refuses depends on what it matched: not a strict finding
        return pytest.param(op, marks=pytest.mark.skip(reason=refuses_valid_request(op)))
    reason = refuses_valid_request(op)
    return pytest.param(
        op, marks=[pytest.mark.xfail(reason=reason, raises=PrismRejected, strict=True)] if reason else []
    )


@pytest.mark.parametrize("op", [case(op) for op in OPERATIONS], ids=lambda op: op.id)
def test_prism_accepts_every_request_the_client_sends(prism_url: str, op: Operation) -> None:
    client_module = import_generated("client")
    module = endpoint_module(op.key)
    arguments = example_call(op, module.sync_detailed).arguments
    client = client_module.AuthenticatedClient(base_url=prism_url, **credentials(), max_retries=0)
    errors = import_generated("errors")
    try:
        status = module.sync_detailed(client=client, **arguments).status_code
    except errors.APIStatusError as error:  # 422: Prism's violations say what it found invalid
        raise PrismRejected(f"{op.id}: {error.headers.get('sl-violations') or error}") from None
    except errors.UnexpectedResponse as error:
        # Accepted; the body Prism made up does not fit the schema (it cuts recursive schemas short).
        # Responses are judged in test_contract_responses.py; here only the request is.
        status = error.status_code
    except errors.UnexpectedStatus as error:
        # Accepted, answered with a success the spec documents and the client left out (LEFT_OUT); or with
        # a 2xx another operation of the route documents: to Prism, two operations of one method and route
        # (path keys told apart by a `#fragment`) are one, the first's status wins.
        route = op.path.split("#", 1)[0]
        sibling = any(o is not op and o.method == op.method and o.path.split("#", 1)[0] == route for o in OPERATIONS)
        if error.status_code not in left_out_responses(op.method, op.path) and not sibling:
            raise
        status = error.status_code
    assert 200 <= status < 300


def test_the_example_script_creates_a_key_and_shows_only_its_start(prism_url: str) -> None:
    script = ROOT / "examples" / "create_api_key.py"
    missing = missing_operations(script.read_text(encoding="utf-8"))
    if missing:
        pytest.skip(f"the example calls {', '.join(missing)}, which openapi.yaml does not define")
    env = {**os.environ, current().api_key_env: TOKEN, "PYTHONPATH": str(current().generated)}
    result = subprocess.run(
        [sys.executable, str(script), "--base-url", prism_url], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"created \S+ key \S{1,4}\.\.\.\n", result.stdout), result.stdout
    assert TOKEN not in result.stdout + result.stderr
