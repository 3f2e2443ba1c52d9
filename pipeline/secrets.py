"""Which fields carry secrets, so that a model's repr() never shows them (to_dict() still sends them).

A string property is a secret where the spec says so (`format: password`, `writeOnly: true`), or where
its name says it holds one (`api_key`, `password`, `client_secret`, `session_token`, `private_key`,
`credentials`), unless the name says it holds something about one (`secret_name`, `api_key_id`,
`api_key_prefix`, `next_page_token`); a field named just `value` or `key` is one where its description
says what it holds is (`Value of the secret`, `The API key`). On Baseten's specs: the API key the server
returns, a secret's value, AWS's secret access key and session token. To mark another field, an overlay
sets `format: password` on it (README: Secrets). spec_prepare marks each one `format: password` in the
generator's copy, where templates/model.py.jinja reads it; the wire is unchanged.
"""

import re
from typing import Any

from .openapi import resolve, schema_roots, schema_tree

_SAYS_SECRET = re.compile(r"\b(api[ _-]?key|password|passphrase|secret|token|private[ _-]?key|credentials?)\b", re.I)
_SECRET_NAME = re.compile(r"(^|_)(api_?key|password|passphrase|secret|token|private_key|credentials?)(_|$)", re.I)
_ABOUT_ONE = re.compile(
    r"(^|_)(ids?|names?|refs?|prefix|types?|urls?|at|count|paths?|hint|length|page_token|cursor|expires?|expiry)$", re.I
)
_GENERIC = {"value", "key"}  # names that say nothing of what they hold: the description does


def is_string(spec: dict[str, Any], schema: Any) -> bool:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return False
    kinds = schema.get("type") if isinstance(schema.get("type"), list) else [schema.get("type")]
    branches = [resolve(spec, s) for s in schema.get("anyOf", []) + schema.get("oneOf", [])]
    return "string" in kinds or any(isinstance(b, dict) and b.get("type") == "string" for b in branches)


def is_secret(spec: dict[str, Any], name: str, schema: Any) -> bool:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or not is_string(spec, schema):
        return False
    if schema.get("format") == "password" or schema.get("writeOnly") is True:
        return True
    if _ABOUT_ONE.search(name):
        return False
    if name.lower() in _GENERIC:
        return bool(_SAYS_SECRET.search(f"{schema.get('title') or ''} {schema.get('description') or ''}"))
    return bool(_SECRET_NAME.search(name))


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
    return found
