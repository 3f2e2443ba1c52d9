"""Which fields carry secrets, so that a model's repr() never shows them (to_dict() still sends them).

A string property (or an array of strings) is a secret where the spec says so (`format: password`,
`writeOnly: true`), or where its name says it holds one: the name rule is the client's own
(runtime/_secrets.py: `api_key`, `password`, `client_secret`, `session_token`, `private_key`,
`credentials`, `auth_code`, `presigned_url`, not `secret_name`, `api_key_id`, `next_page_token`), so that
the keys the spec does not declare are judged as its properties are. Two more read the description: a
field named just `value` or `key` is one where its description says what it holds is (`Value of the
secret`, `The API key`), and a URL field is one where its description says it is presigned (`Presigned
URL to download ...`): such a link works without the API key. On Baseten's specs: the API key the server
returns, a secret's value, AWS's secret access key and session token, presigned download URLs, device
auth codes. To mark another field, an overlay sets `format: password` on it (README: What else to rely on).
spec_prepare marks each one `format: password` in the generator's copy, where templates/model.py.jinja
reads it; the wire is unchanged.
"""

import re
from typing import Any

from runtime._secrets import secret_name, snake

from .openapi import resolve, schema_roots, schema_tree

_SAYS_SECRET = re.compile(r"\b(api[ _-]?key|password|passphrase|secret|token|private[ _-]?key|credentials?)\b", re.I)
_SAYS_PRESIGNED = re.compile(r"\b(pre-?signed|signed url)", re.I)
_URL_NAME = re.compile(r"(^|_)(urls?|uris?|links?)$")
_GENERIC = {"value", "key"}  # names that say nothing of what they hold: the description does


def is_string(spec: dict[str, Any], schema: Any) -> bool:
    """A string, an array of strings, or a union with one of those."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    kinds: list[Any] = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and is_string(spec, schema.get("items")):
        return True
    branches = [resolve(spec, s) for s in schema.get("anyOf", []) + schema.get("oneOf", [])]
    return "string" in kinds or any(isinstance(b, dict) and is_string(spec, b) for b in branches)


def is_secret(spec: dict[str, Any], name: str, schema: Any) -> bool:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or not is_string(spec, schema):
        return False
    if schema.get("format") == "password" or schema.get("writeOnly") is True:
        return True
    items = resolve(spec, schema.get("items")) if isinstance(schema.get("items"), dict) else {}
    described = " ".join(str(part.get(key) or "") for part in (schema, items) for key in ("title", "description"))
    if _URL_NAME.search(snake(name)) and _SAYS_PRESIGNED.search(described):
        return True
    if name.lower() in _GENERIC:
        return bool(_SAYS_SECRET.search(described))
    return secret_name(name)


def mark_secrets(spec: dict[str, Any]) -> list[str]:
    """Mark each secret property `format: password` (in the generator's copy); where each is, for the tests."""
    found = []
    for root, location in list(schema_roots(spec)):
        for schema, at in schema_tree(root, location):
            for name, prop in (
                (schema.get("properties") or {}).items() if isinstance(schema.get("properties"), dict) else ()
            ):
                if isinstance(prop, dict) and "$ref" not in prop and is_secret(spec, str(name), prop):
                    prop["format"] = "password"
                    found.append(f"{'.'.join(map(str, at))}.{name}")
                elif isinstance(prop, dict) and _plain_string(spec, prop) and is_secret(spec, str(name), prop):
                    # A $ref to a string component (Plaid's access_token: AccessToken): written as that
                    # string, marked, as no class is named after it.
                    siblings = {key: value for key, value in prop.items() if key != "$ref"}
                    schema["properties"][name] = {**resolve(spec, prop), **siblings, "format": "password"}
                    found.append(f"{'.'.join(map(str, at))}.{name}")
    return found


def _plain_string(spec: dict[str, Any], prop: dict[str, Any]) -> bool:
    """A $ref to a string schema with no enum (which would be a class of its own)."""
    target = resolve(spec, prop)
    return "$ref" in prop and isinstance(target, dict) and target.get("type") == "string" and "enum" not in target
