"""Prism, the second independent judge: serving openapi.yaml on 127.0.0.1, and where its reading of
OpenAPI differs from the spec's, which operations that touches (each found by a request openapi-core
and our own check accept, or by an answer Prism made that breaks its own spec)."""

import functools
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import pytest

from contract.calls import example_request_body
from contract.local_server import free_port
from contract.spec_model import (
    Operation,
    declared_properties,
    path_pattern,
    recursive_names,
    request_body,
    required_names,
    resolve,
    success_response,
    why_no_value,
)
from pipeline.project import ROOT
from pipeline.spec.openapi import schemas
from tests.operation_calls import OPERATIONS, SPEC

PRISM = ROOT / "node_modules" / ".bin" / "prism"
STARTUP_SECONDS = 60  # about 1 s on the seed, 3 s on the 183-operation spec; generous for a loaded CI machine


@contextmanager
def prism_serving(spec_path: str) -> Iterator[str]:
    """Prism mocking `spec_path`; yields its base URL. Skips, saying why, where Node.js or Prism is missing."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: Prism cannot run (CI installs Node.js)")
    if not PRISM.exists():
        pytest.skip(f"{PRISM} is missing: run `make test`, which installs it with npm ci")
    port = free_port()
    command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), spec_path]
    env = {**os.environ, "SCARF_ANALYTICS": "false", "NO_COLOR": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert process.stdout is not None  # stdout=PIPE
    stdout = process.stdout
    try:
        deadline, output = time.monotonic() + STARTUP_SECONDS, []
        while time.monotonic() < deadline:
            line = stdout.readline()
            output.append(line)
            if "Prism is listening" in line:
                break
            if not line and process.poll() is not None:
                pytest.fail("Prism exited:\n" + "".join(output[-20:]))
        else:
            pytest.fail(f"Prism did not start within {STARTUP_SECONDS} s")
        threading.Thread(target=stdout.read, daemon=True).start()  # a full pipe must never block it
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _is_object(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "object" in kinds or "properties" in schema


def refuses_valid_request(op: Operation) -> str:
    """Why Prism 5.16 refuses a valid request for the operation, or "" where it does not."""
    body = request_body(SPEC, op)
    if body is not None and body.content.kind == "multipart" and example_request_body(op) is not None:  # sent
        schema = resolve(SPEC, body.content.schema)
        properties = schema.get("properties") or {}
        if any(_is_object(resolve(SPEC, properties.get(name, {}))) for name in schema.get("required") or []):
            return "Prism 5.16 reads a multipart part that holds an object (sent as JSON, OpenAPI's default) as text"
    if any(quote(p["name"], safe="") != p["name"] for p in op.params_in("query") if p.get("required")):
        return "Prism 5.16 looks a query parameter whose name needs percent-encoding up by its encoded name"
    if shadowed_by(op):
        return (
            f"Prism 5.16 may route {op.id} to {shadowed_by(op)}, taking the whole segment (`{{id}}:verb`) for"
            " the parameter, which its schema then refuses"
        )
    return ""


def shadowed_by(op: Operation) -> str:
    """Another operation of the same method whose path, a parameter taking a whole segment, also matches
    this one's (Exoscale's `/instance/{id}` beside `/instance/{id}:start`), where that parameter's schema
    refuses what Prism reads into it (a format, pattern, enum or length); "" where there is none."""
    sent = re.sub(r"\{[^{}/]+\}", "x", op.path.split("#", 1)[0])
    if sent.count(":") == 0:
        return ""
    for other in OPERATIONS:
        if other.method != op.method or other.path == op.path:
            continue
        pattern, names = path_pattern(other.path)
        if pattern.fullmatch(sent) is None:
            continue
        schemas = [resolve(SPEC, (p.get("schema") or {})) for p in other.params_in("path") if p.get("name") in names]
        if any({"format", "pattern", "enum", "maxLength"} & set(schema) for schema in schemas):
            return other.id
    return ""


# Headers that frame an HTTP/1.1 message: a value Prism makes up for one the spec documents leaves an answer
# no client can read (OpenAI's audio/speech documents `Transfer-Encoding`).
FRAMING_HEADERS = {"transfer-encoding", "content-length"}


def frames_its_answer(op: Operation) -> str:
    """Why Prism cannot answer the operation readably: a documented success header that frames the message,
    which Prism fills with a value of its own making; "" where none is documented."""
    responses = op.spec.get("responses") or {}
    for key, response in responses.items():
        if not str(key).startswith("2"):
            continue
        for name in (resolve(SPEC, response) or {}).get("headers") or {}:
            if str(name).lower() in FRAMING_HEADERS:
                return f"{op.id}: Prism 5.16 writes the documented {name} header with a made-up value"
    return ""


def answers_outside_its_spec(op: Operation, finding: str) -> bool:
    """Whether a mismatch contract-live found in Prism's answer is Prism's: its example generator cuts a
    recursive schema short (required fields left out) and fills a oneOf with a value several branches fit;
    and where the spec's schema accepts no value at all, no answer could match."""
    success = success_response(SPEC, op)
    if success is not None and why_no_value(SPEC, success.schema):
        return True
    items = (resolve(SPEC, success.schema) or {}).get("items") if success is not None else None
    if items is not None and why_no_value(SPEC, items):  # only an empty array fits; Prism fills it
        return True
    refs = re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(success.schema if success else None))
    recursive = bool(recursive_names((SPEC.get("components") or {}).get("schemas") or {}) & set(refs))
    # Prism 5.16 does not read 3.1's prefixItems: a tuple ([timestamp, value]) comes as [].
    read = [success.schema if success else None, *(SPEC["components"]["schemas"].get(ref) for ref in refs)]
    tuples = '"prefixItems"' in json.dumps(read) and re.search(r"\[\] is too short", finding) is not None
    # Prism 5.16 does not read `propertyNames`: a map's keys come as property1, property2 (Mistral's locales).
    schemas_read = [success.schema if success else None, *reachable(refs)]
    keyed = any(map(names_its_keys, schemas_read)) and re.search(KEYED, finding) is not None
    return recursive or tuples or keyed or "is valid under each of" in finding or prisms_own_strings(finding)


KEYED = re.compile(r"'property\d+' (is not|does not match|is too)")


def names_its_keys(schema: Any, depth: int = 0) -> bool:
    """Whether a schema, or one inside it (not a reference), says what its keys may be (`propertyNames`)."""
    if isinstance(schema, list):
        return any(names_its_keys(item, depth + 1) for item in schema)
    if not isinstance(schema, dict) or depth > 32:
        return False
    if isinstance(schema.get("propertyNames"), dict):
        return True
    inner = [value for key, value in schema.items() if key != "properties"]
    inner += list((schema.get("properties") or {}).values()) if isinstance(schema.get("properties"), dict) else []
    return any(names_its_keys(value, depth + 1) for value in inner)


def reachable(names: list[str]) -> list[Any]:
    """The component schemas `names` refer to, and those they refer to, all the way down."""
    components = (SPEC.get("components") or {}).get("schemas") or {}
    seen: dict[str, Any] = {}
    todo = [name for name in names if name in components]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = components[name]
        todo += [ref for ref in re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(seen[name]))
                 if ref in components]  # fmt: skip
    return list(seen.values())


# Prism 5.16 writes a boolean response header without an example as `null` (Twilio's
# Access-Control-Allow-Credentials on every response); openapi-core's message for it.
PRISM_BOOLEAN_HEADER = "HeaderValidationError: Failed to cast value to boolean type: null"


# Prism 5.16 answers a string without an example with "string" (repeated to its minLength), whatever its
# `pattern` or `format`, and a number without one whatever its `multipleOf`: the judge's messages about them.
PRISM_STRING = re.compile(r"'(string)+[a-z]*' (does not match '.*|is not a '[\w-]+')|-?[\d.]+ is not a multiple of .*")


# Prism 5.16 writes a writeOnly property in a response too (openapi-core's message for it), and an int64
# near its bounds as the float it rounds to (9223372036854776000 for 2**63 - 1).
PRISM_WRITE_ONLY = re.compile(r"Tried to read write-only property with .*")
PRISM_INT64 = re.compile(r"-?\d+ is (greater|less) than the (maximum|minimum) of -?922337203685477580[78]")


# Prism 5.16 makes an object of its declared properties: a name required but declared by no part of the
# schema (Box's shared link requires `accessed`) is never in it.
PRISM_UNDECLARED = re.compile(r"'(.+)' is a required property")


@functools.cache
def undeclared_required() -> frozenset[str]:
    """The names some schema of the spec (an inline one too) requires without any part declaring them."""
    return frozenset(
        name
        for schema, _ in schemas(SPEC)
        if "required" in schema
        for name in set(required_names(SPEC, schema)) - set(declared_properties(SPEC, schema))
    )


def prisms_own_strings(finding: str) -> bool:
    """Whether every mismatch in a contract-live finding is a value Prism made up, refused by its pattern,
    format or multipleOf, a boolean header it wrote as null, a required name no part declares, a writeOnly
    property, or an int64 bound written as a float."""
    mismatches = re.split(r"(?:: |; )(?=body\b|HeaderValidationError)", finding)[1:]

    def prisms(mismatch: str) -> bool:
        reason = mismatch.split(": ", 1)[-1]
        undeclared = PRISM_UNDECLARED.fullmatch(reason)
        return (
            mismatch == PRISM_BOOLEAN_HEADER
            or PRISM_WRITE_ONLY.fullmatch(reason) is not None
            or PRISM_INT64.fullmatch(reason) is not None
            or PRISM_STRING.fullmatch(reason) is not None
            or (undeclared is not None and undeclared.group(1) in undeclared_required())
        )

    return bool(mismatches) and all(prisms(m) for m in mismatches)
