"""The auth header derived from securitySchemes: the rule, and the real specs' own curl samples."""

from pathlib import Path
from typing import Any

import pytest

from contract.curl_sample import curl_sample, key_variable
from contract.spec_model import operations
from pipeline import PipelineError
from pipeline.auth_scheme import GENERATOR_DEFAULT, AuthHeader, derive_auth_header
from pipeline.openapi import load_document
from tests.real_specs import real_spec_paths, skip_without_real_specs

SPEC_PATH = Path("spec.yaml")


def spec_with(schemes: dict[str, Any], security: list[dict[str, list]] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {},
        "components": {"securitySchemes": schemes},
        "security": security if security is not None else [{name: []} for name in schemes],
    }


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ({"type": "http", "scheme": "bearer"}, AuthHeader("Authorization", "Bearer")),
        ({"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"}, AuthHeader("Authorization", "Bearer")),
        (
            {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": "Use `Authorization: Api-Key <key>`",
            },
            AuthHeader("Authorization", "Api-Key"),
        ),
        (
            {"type": "apiKey", "in": "header", "name": "Authorization", "description": "Specify the scheme 'Token'."},
            AuthHeader("Authorization", "Token"),
        ),
        ({"type": "apiKey", "in": "header", "name": "X-API-Key"}, AuthHeader("X-API-Key", "")),
    ],
    ids=["bearer", "bearer-capitalised", "apikey-example", "apikey-scheme-word", "apikey-bare"],
)
def test_supported_schemes(scheme: dict[str, Any], expected: AuthHeader):
    assert derive_auth_header(spec_with({"Auth": scheme})) == expected


def test_no_security_keeps_the_generator_default():
    assert derive_auth_header({"openapi": "3.1.0", "paths": {}}) == GENERATOR_DEFAULT


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (spec_with({"Q": {"type": "apiKey", "in": "query", "name": "key"}}), "apiKey in query is not supported"),
        (spec_with({"B": {"type": "http", "scheme": "basic"}}), "http basic is not supported"),
        (
            spec_with(
                {"A": {"type": "http", "scheme": "bearer"}, "K": {"type": "apiKey", "in": "header", "name": "X-Key"}}
            ),
            "uses several",
        ),
        (spec_with({}, security=[{"Missing": []}]), "names no entry"),
        (
            spec_with({"A": {"type": "apiKey", "in": "header", "name": "Bad Header", "description": ""}}),
            "not a valid HTTP header token",
        ),
    ],
    ids=["query", "basic", "two-headers", "undeclared", "bad-name"],
)
def test_unsupported_schemes_fail_with_a_reason(spec: dict[str, Any], expected: str):
    with pytest.raises(PipelineError, match=expected):
        derive_auth_header(spec)


@pytest.mark.parametrize("path", real_spec_paths() or [None], ids=lambda p: p.name if p else "absent")
def test_real_specs_derive_the_header_their_curl_samples_send(path: Path | None):
    skip_without_real_specs()
    spec = load_document(path)
    header = derive_auth_header(spec)
    expected = f"{header.prefix} {key_variable()}" if header.prefix else key_variable()
    samples = [s for op in operations(spec) if (s := curl_sample(op.spec)) is not None]
    assert samples, f"{path.name} has no curl samples to compare with"
    assert {s.headers.get(header.name.lower()) for s in samples} == {expected}
