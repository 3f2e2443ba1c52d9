"""The request an operation's `x-codeSamples` curl command sends: the spec's own statement of the wire format."""

import json
import shlex
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pipeline.project import current


def key_variable() -> str:
    """The variable the client reads the key from (generator-config.yaml), as a shell sample writes it."""
    return f"${current().api_key_env}"


@dataclass
class CurlRequest:
    method: str
    url: str
    headers: dict[str, str]  # names lower-cased
    data: Any  # the parsed JSON body, or None


def curl_sample(op_spec: dict[str, Any]) -> CurlRequest | None:
    """Parse the operation's bash/curl sample; None when it has none."""
    for sample in op_spec.get("x-codeSamples") or []:
        if sample.get("lang") in ("bash", "shell", "curl") and sample.get("source", "").lstrip().startswith("curl"):
            return parse_curl(sample["source"])
    return None


def parse_curl(source: str) -> CurlRequest:
    words = shlex.split(source.replace("\\\n", " "))
    method, url, headers, data = "GET", "", {}, None
    index = 1
    while index < len(words):
        word, value = words[index], words[index + 1] if index + 1 < len(words) else ""
        if word in ("--request", "-X"):
            method = value.upper()
        elif word == "--url":
            url = value
        elif word in ("--header", "-H"):
            name, _, header_value = value.partition(":")
            headers[name.strip().lower()] = header_value.strip()
        elif word in ("--data", "-d", "--data-raw"):
            data = json.loads(value)
            if method == "GET" and "--request" not in words and "-X" not in words:
                method = "POST"  # curl's own default once a body is given
        elif not word.startswith("-"):
            url, index = word, index - 1  # a bare URL
        index += 2
    return CurlRequest(method, url, headers, data)


def sample_path(request: CurlRequest) -> str:
    return urlsplit(request.url).path
