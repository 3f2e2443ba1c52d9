"""The client defaults: base_url from the spec's servers[0]; the API key variable its curl samples send."""

from pathlib import Path
from typing import Any

import pytest

from pipeline import PipelineError
from pipeline.generate.client_defaults import derive_client_defaults, sample_key_variable

SPEC_PATH = Path("spec.yaml")
BEARER = "Authorization"  # the header the key travels in


def spec_with(servers: list[dict[str, Any]], sample: str = "") -> dict[str, Any]:
    operation = {"x-codeSamples": [{"lang": "bash", "source": sample}]} if sample else {}
    return {"openapi": "3.1.0", "servers": servers, "paths": {"/v1/x": {"get": operation}}}


@pytest.mark.parametrize(
    ("servers", "expected"),
    [
        ([{"url": "https://api.example.test/"}], "https://api.example.test"),
        (
            [{"url": "https://{region}.example.test", "variables": {"region": {"default": "eu"}}}],
            "https://eu.example.test",
        ),
        ([{"url": "/api"}], ""),  # relative to wherever the spec came from: no default
        ([], ""),
    ],
)
def test_base_url_is_the_first_absolute_server(servers: list[dict[str, Any]], expected: str) -> None:
    assert derive_client_defaults(spec_with(servers), "").base_url == expected


def test_a_server_url_that_cannot_be_a_literal_is_rejected() -> None:
    with pytest.raises(PipelineError, match="servers"):
        derive_client_defaults(spec_with([{"url": 'https://x.test/"+__import__("os")+"'}]), "")


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ('curl --header "Authorization: Bearer $MY_API_KEY" https://x.test', "MY_API_KEY"),
        ('curl -H "Authorization: Bearer ${MY_API_KEY}" https://x.test', "MY_API_KEY"),
        ('curl -H "X-Other: $NOT_THE_KEY" https://x.test', ""),  # not in the auth header
        ("", ""),
    ],
)
def test_the_samples_key_variable_is_the_one_in_the_auth_header(sample: str, expected: str) -> None:
    assert sample_key_variable(spec_with([], sample), BEARER) == expected
