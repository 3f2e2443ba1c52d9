"""make contract-live: does a live server still answer as openapi.yaml says?

Calls the spec's read-only operations (GET; every operation with --allow-writes) through the generated
client and judges each raw response with openapi-core, an implementation independent of the generator.
Path parameters are filled from earlier list responses (a model id from GET /v1/models feeds
GET /v1/models/{model_id}); what cannot be filled is skipped, saying why, or with --example-ids (for a
mock server, which answers any id) takes a value made from the parameter's schema. --operation checks only the
operations named. Bounded: at most
--max-requests requests, at most --rate a second; the client's retry policy honours 429 and Retry-After.
Ctrl-C stops with the report so far. The API key appears in no line of output.

Exit status: 0 when everything checked matches, 1 when anything does not, 2 when it could not run
(no key, server unreachable, key refused).
"""

import argparse
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from contract.calls import build_call, example_parameters, example_request_body, unsendable
from contract.generated_package import import_generated, left_out_responses
from contract.generator_names import endpoint_module
from contract.spec_model import Operation, absolute_servers, current_spec, fits, operations, path_pattern
from contract.validation import response_errors
from pipeline.project import current

METHOD_ORDER = ("get", "head", "options", "post", "put", "patch", "delete")


@dataclass
class Outcome:
    operation: str  # "GET /v1/models"
    verdict: str  # ok | does not match | skipped | error
    detail: str = ""
    status: int | None = None

    def line(self) -> str:
        if self.verdict == "ok":
            return f"ok              {self.operation}"
        if self.verdict == "error" and self.status is not None:
            return f"error {self.status}       {self.operation}"
        if self.verdict == "error":  # no response at all: a transport error after retries
            return f"error: {self.operation}: {self.detail}"
        return f"{self.verdict}: {self.operation}: {self.detail}"


class CannotRun(Exception):
    """No point going on: no key, no server, a refused key. Exit 2."""


class BudgetSpent(Exception):
    """--max-requests reached (not a transport error, so the client does not retry it)."""


class Pacer(httpx.BaseTransport):
    """Sends at most `limit` requests, at most `rate` a second, and keeps the last exchange."""

    def __init__(self, inner: httpx.BaseTransport, limit: int, rate: float):
        self.inner, self.limit, self.interval = inner, limit, 1.0 / rate
        self.sent, self.next_at = 0, 0.0
        self.last: tuple[httpx.Request, httpx.Response] | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.sent >= self.limit:
            raise BudgetSpent(f"the request budget ({self.limit}) is spent")
        time.sleep(max(0.0, self.next_at - time.monotonic()))
        self.next_at = time.monotonic() + self.interval
        self.sent += 1
        request.read()  # a multipart body streams; read, it can be judged afterwards
        response = self.inner.handle_request(request)
        response.read()
        self.last = (request, response)
        return response


def ordered(ops: list[Operation]) -> list[Operation]:
    """Lists before the items they feed: fewer path parameters first, then by path and method."""
    return sorted(ops, key=lambda op: (op.path.count("{"), op.path, METHOD_ORDER.index(op.method)))


def path_values(op: Operation, listed: dict[str, Any], example_ids: bool = False) -> dict[tuple[str, str], Any] | str:
    """Each path parameter's value, from the list its parent path returned; or why there is none. With
    `example_ids`, one no list gives is left to the example the call is built with."""
    values: dict[tuple[str, str], Any] = {}
    segments = op.path.split("/")
    named = [(index, name) for index, segment in enumerate(segments) for name in path_pattern(segment)[1]]
    for index, name in named:  # `{id}` a whole segment, or part of one (`{id}:start`)
        parent = "/".join(segments[:index])
        if parent not in listed and example_ids:
            continue
        if parent not in listed:
            return f"nothing earlier lists {parent} to take a {name} from"
        schema: dict[str, Any] = next((p.get("schema", {}) for p in op.params_in("path") if p["name"] == name), {})
        value = value_from(listed[parent], name, schema)
        if value is None:
            return f"GET {parent} listed no {name} of the type the path takes"
        values[("path", name)] = value
    return values


def value_from(body: Any, name: str, schema: dict[str, Any]) -> Any:
    """The first item's field named `name`, or a shorter form of it (chain_deployment_id, deployment_id, id),
    that the parameter's schema accepts."""
    items = body if isinstance(body, list) else next((v for v in (body or {}).values() if isinstance(v, list)), [])
    words = name.split("_")
    candidates = ["_".join(words[i:]) for i in range(len(words))]
    for item in items:
        for key in candidates if isinstance(item, dict) else []:
            value = item.get(key)
            if isinstance(value, str | int) and value != "" and fits(current_spec(), schema, value):
                return value
    return None


def credential_variable(keyword: str) -> str:
    """Where a credential other than `token` is read from: the key's variable with the keyword after it
    (Plaid's `secret=` from BASETEN_API_KEY_SECRET)."""
    return f"{current().api_key_env}_{keyword.upper()}"


def other_credentials() -> dict[str, str]:
    """Each credential besides `token` the client takes (a spec whose security asks for several keys at
    once), from its credential_variable, where set."""
    keywords = import_generated("client").AuthenticatedClient.credential_keywords()
    found = {keyword: os.environ.get(credential_variable(keyword), "") for keyword in keywords if keyword != "token"}
    return {keyword: value for keyword, value in found.items() if value}


def check(
    base_url: str,
    token: str,
    allow_writes: bool,
    only: list[str],
    limit: int,
    rate: float,
    report: list[Outcome],
    example_ids: bool = False,
) -> int:
    ops = ordered([op for op in operations(current_spec()) if allow_writes or op.method == "get"])
    if only:
        unknown = sorted(set(only) - {op.id for op in operations(current_spec())})
        if unknown:
            raise CannotRun(f"openapi.yaml has no operation {', '.join(unknown)}")
        ops = [op for op in ops if op.id in only]
    if not ops:
        others = ", ".join(op.id for op in operations(current_spec()))
        raise CannotRun(
            f"nothing read-only to check: openapi.yaml has no GET operation. ALLOW_WRITES=1 would send {others}"
        )
    pacer = Pacer(httpx.HTTPTransport(), limit, rate)
    client = import_generated("client").AuthenticatedClient(
        base_url=base_url,
        token=token,
        raise_on_unexpected_status=False,
        httpx_args={"transport": pacer},
        **other_credentials(),
    )
    errors = import_generated("errors")
    listed: dict[str, Any] = {}
    for op in ops:
        if unsendable(op):
            report.append(Outcome(op.id, "skipped", f"no request can carry the required {', '.join(unsendable(op))}"))
            continue
        filled = path_values(op, listed, example_ids)
        if isinstance(filled, str):
            report.append(Outcome(op.id, "skipped", filled))
            continue
        function = endpoint_module(op.key).sync_detailed
        call = build_call(op, function, {**example_parameters(op), **filled}, example_request_body(op))
        try:
            function(client=client, **call.arguments)
        except errors.ConfigurationError as error:  # its security asks for a credential other than the key
            report.append(Outcome(op.id, "skipped", str(error)))
            continue
        except errors.UnexpectedResponse:
            pass  # judged below from the raw response, as any other
        except errors.APIConnectionError as error:
            if isinstance(error.__cause__, httpx.ConnectError):
                raise CannotRun(f"cannot reach {base_url}: {error.__cause__}") from None
            report.append(Outcome(op.id, "error", f"{type(error.__cause__).__name__}: {error.__cause__}"))
            continue
        assert pacer.last is not None, "a call that returned sent a request"
        request, response = pacer.last
        if response.status_code == 401:
            raise CannotRun(f"{base_url} refused the API key (401 on {op.id})")
        left = left_out_responses(op.method, op.path).get(response.status_code) if response.is_success else None
        if left is not None:  # a documented success, so not a drift; the client cannot read it, so not judged
            detail = f"answered {response.status_code}, a response the client left out: {left.reason}"
            report.append(Outcome(op.id, "skipped", detail, response.status_code))
            continue
        if not response.is_success:
            report.append(Outcome(op.id, "error", "", response.status_code))
            continue
        found = response_errors(request, response, call.sent_to(base_url))
        report.append(
            Outcome(op.id, "does not match", "; ".join(found), response.status_code)
            if found
            else Outcome(op.id, "ok", status=response.status_code)
        )
        if not found and op.method == "get" and "json" in response.headers.get("content-type", ""):
            listed[op.path] = response.json()
    if all(o.verdict == "skipped" for o in report):
        raise CannotRun(f"checked nothing: each of the {len(report)} operations was skipped (see above)")
    return 1 if any(o.verdict in ("does not match", "error") for o in report) else 0


def main(argv: list[str] | None = None) -> int:
    spec = current_spec()
    servers = absolute_servers(spec)
    parser = argparse.ArgumentParser(prog="make contract-live", description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=servers[0] if servers else None, help="default: the spec's server")
    parser.add_argument("--allow-writes", action="store_true", help="also send POST, PUT, PATCH and DELETE")
    parser.add_argument(
        "--example-ids", action="store_true", help="a path parameter no list gives takes an example value (for a mock)"
    )
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        help='only this one, as "GET /v1/models" (repeatable); '
        "its path parameters still come from lists, so one that has some needs its list named too",
    )
    # The budget follows the spec: every operation may send its request and one retry.
    budget = max(200, 2 * len(operations(spec)))
    parser.add_argument("--max-requests", type=int, default=budget, help=f"default: {budget} for this spec")
    parser.add_argument("--rate", type=float, default=5.0, help="requests a second, at most")
    parser.add_argument("--json", type=Path, help="also write the report here, for machines")
    args = parser.parse_args(argv)
    api_key_env = current().api_key_env
    token = os.environ.get(api_key_env, "") if api_key_env else ""
    report: list[Outcome] = []
    status, ended = 2, ""
    try:
        if not token:
            raise CannotRun(f"no API key: set {api_key_env or 'api_key_env in generator-config.yaml'}")
        if not args.base_url:
            raise CannotRun("no server: pass BASE_URL (openapi.yaml names none)")
        base_url, only = args.base_url.rstrip("/"), args.operation
        status = check(base_url, token, args.allow_writes, only, args.max_requests, args.rate, report, args.example_ids)
    except CannotRun as error:
        ended = str(error)
    except BudgetSpent as error:
        ended, status = f"stopped: {error}", 1 if any(o.verdict != "ok" for o in report) else 0
    except KeyboardInterrupt:
        ended, status = "stopped by Ctrl-C: the report so far", 2

    secrets = [value for value in (token, *other_credentials().values()) if value]

    def safe(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, "[REDACTED]")
        return text

    for outcome in report:
        print(safe(outcome.line()))
    counts = {v: sum(o.verdict == v for o in report) for v in ("ok", "does not match", "error", "skipped")}
    if report:
        summary = f"{counts['ok']} ok, {counts['does not match']} not matching, {counts['error']} errors"
        print(safe(f"{summary}, {counts['skipped']} skipped, of {len(report)} operations"))
    if ended:
        print(safe(ended), file=sys.stderr if status == 2 else sys.stdout)
    if args.json:
        document = {"base_url": args.base_url, "exit": status, "ended": ended, "summary": counts,
                    "operations": [asdict(o) for o in report]}  # fmt: skip
        args.json.write_text(safe(json.dumps(document, indent=2)) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
