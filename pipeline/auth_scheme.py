"""The Authorization header from the spec's securitySchemes.

The generator ignores securitySchemes and always sends `Authorization: Bearer <token>`. Baseten's
older specs use an apiKey scheme whose description prescribes `Authorization: Api-Key <key>`, the
newer ones http bearer; deriving the header here lets a regenerated client follow the spec.
"""

import re
from dataclasses import dataclass
from typing import Any

from . import PipelineError
from .openapi import operations

# RFC 9110 token characters, so both parts can be written into Python source as they are.
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


@dataclass(frozen=True)
class AuthHeader:
    name: str  # header name, e.g. "Authorization"
    prefix: str  # scheme word before the token, e.g. "Bearer"; "" sends the bare token

    def describe(self) -> str:
        return f"{self.name}: {self.prefix + ' ' if self.prefix else ''}<token>"


GENERATOR_DEFAULT = AuthHeader("Authorization", "Bearer")


def derive_auth_header(spec: dict[str, Any]) -> AuthHeader:
    """The one header every secured operation of the spec expects; the generator's default if none is declared."""
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    used = _used_scheme_names(spec) or set(schemes)
    headers = {}
    for name in sorted(used):
        if name not in schemes:
            raise PipelineError(f"security requirement '{name}' names no entry in components.securitySchemes")
        headers[name] = _header_for(name, schemes[name])
    distinct = set(headers.values())
    if len(distinct) > 1:
        listed = ", ".join(f"{name} ({header.describe()})" for name, header in sorted(headers.items()))
        raise PipelineError(f"the client sends one auth header, but the spec uses several: {listed}")
    return distinct.pop() if distinct else GENERATOR_DEFAULT


def _used_scheme_names(spec: dict[str, Any]) -> set[str]:
    requirements = list(spec.get("security") or [])
    for op in operations(spec):
        requirements.extend(op.operation.get("security") or [])
    return {name for requirement in requirements for name in requirement}


def _header_for(name: str, scheme: dict[str, Any]) -> AuthHeader:
    kind = scheme.get("type")
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        header = AuthHeader("Authorization", "Bearer")
    elif kind in ("oauth2", "openIdConnect"):
        header = AuthHeader("Authorization", "Bearer")
    elif kind == "apiKey" and scheme.get("in") == "header":
        header_name = str(scheme.get("name", ""))
        header = AuthHeader(header_name, _prescribed_prefix(header_name, str(scheme.get("description", ""))))
    else:
        where = f"apiKey in {scheme.get('in')}" if kind == "apiKey" else f"{kind} {scheme.get('scheme', '')}".strip()
        raise PipelineError(f"securitySchemes.{name}: {where} is not supported (header tokens only)")
    for part in (header.name, header.prefix):
        if part and not _TOKEN.match(part):
            raise PipelineError(f"securitySchemes.{name}: {part!r} is not a valid HTTP header token")
    return header


def _prescribed_prefix(header_name: str, description: str) -> str:
    """The scheme word an apiKey description prescribes: `Authorization: Api-Key <key>` or "the scheme 'Api-Key'"."""
    example = re.search(rf"{re.escape(header_name)}:\s*([^\s<>`]+)\s+<", description, re.IGNORECASE)
    if example:
        return example.group(1)
    named = re.search(r"scheme\s+['\"`]([^'\"`\s]+)['\"`]", description, re.IGNORECASE)
    return named.group(1) if named else ""
