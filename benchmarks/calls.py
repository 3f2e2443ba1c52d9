"""Per-call cost of the generated create operation against raw httpx doing the same request, in-process
(httpx.MockTransport) and on loopback (a server in another process). Retries and error handling stay on.
And the same call answered by the package's fake (testing.FakeBaseten) against a canned answer.

Run by benchmarks/run.py in a fresh interpreter whose PYTHONPATH holds the generated package under test;
prints one JSON object of seconds per call.
"""

import argparse
import importlib
import json
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import httpx

from benchmarks.timing import alternate, per_call
from contract.curl_sample import curl_sample
from contract.local_server import free_port
from contract.spec_model import example_value, json_request_schema, operations, success_response
from pipeline.spec.openapi import load_document

CREATE = ("post", "/v1/api_keys")  # the operation the seed spec is about
HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--generated", type=Path, required=True)
    parser.add_argument("--module", required=True, help="the create operation's module, found by run.py")
    args = parser.parse_args()
    spec = load_document(args.spec)
    op = next(o for o in operations(spec) if (o.method, o.path) == CREATE)
    sample = curl_sample(op.spec)
    request_json = sample.data if sample and sample.data else example_value(spec, json_request_schema(spec, op))
    success = success_response(spec, op)
    assert success is not None, f"{CREATE}: no success response in the spec"
    status, response_json = success.status, example_value(spec, success.schema)

    package = next(p.name for p in args.generated.iterdir() if (p / "__init__.py").exists())
    sys.path.insert(0, str(args.generated))
    client_module = importlib.import_module(f"{package}.client")
    module = importlib.import_module(args.module)
    hint = typing.get_type_hints(module.sync_detailed)["body"]  # the model, or the model | a mapping of it
    model = next(arg for arg in (typing.get_args(hint) or (hint,)) if hasattr(arg, "from_dict"))
    body = model.from_dict(request_json)

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=response_json)

    results = {}
    for setting, base_url, transport, calls, rounds in (
        ("in_process", "https://api.example.test", httpx.MockTransport(respond), 2000, 9),
        ("loopback", None, None, 300, 7),
    ):
        server = None
        if base_url is None:
            port = free_port()
            command = [sys.executable, str(HERE / "loopback_server.py"), str(port), json.dumps(response_json)]
            server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            assert server.stdout is not None
            server.stdout.readline()  # "ready"
            base_url = f"http://127.0.0.1:{port}"
        extra: dict[str, Any] = {"transport": transport} if transport else {}
        # pace=False: the floor sends as fast as it can; pacing to the documented rate limit (100 a second
        # by default) would measure the wait it asks for, not what the client costs.
        ours = client_module.AuthenticatedClient(base_url=base_url, token="bench-key", httpx_args=extra, pace=False)
        raw = httpx.Client(base_url=base_url, headers={"Authorization": "Bearer bench-key"}, **extra)

        def generated_call(ours: Any = ours) -> None:
            module.sync_detailed(client=ours, body=body)

        def raw_call(raw: httpx.Client = raw) -> None:
            response = raw.post(CREATE[1], json=request_json)
            response.raise_for_status()
            response.json()

        generated_call()  # warm up connections and caches
        raw_call()
        ours_s, raw_s = alternate(per_call(generated_call, calls), per_call(raw_call, calls), rounds)
        results[setting] = {"ours": ours_s, "raw": raw_s}
        if server is not None:
            server.terminate()
            server.wait()
    # The package's fake (testing.FakeBaseten: checks the request, makes the answer, records the call)
    # against the same generated call on a transport that hands back a canned answer.
    testing = importlib.import_module(f"{package}.testing")
    canned = client_module.AuthenticatedClient(
        base_url="https://api.example.test", token="bench-key", httpx_args={"transport": httpx.MockTransport(respond)}
    )
    with testing.FakeBaseten() as fake:

        def fake_call() -> None:
            module.sync_detailed(client=fake.client, body=body)
            fake.calls.clear()

        def canned_call() -> None:
            module.sync_detailed(client=canned, body=body)

        fake_call()
        canned_call()
        fake_s, canned_s = alternate(per_call(fake_call, 1000), per_call(canned_call, 1000), 7)
    results["fake"] = {"ours": fake_s, "raw": canned_s}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
