"""How the client sends credentials: the spec's securitySchemes, and each operation's security requirements.

The generator ignores securitySchemes and always sends `Authorization: Bearer <token>`. Here each scheme an
operation may use is read into how its credential travels and the keyword argument(s) AuthenticatedClient
takes it by; each operation's `security` into the alternatives it offers, each a set of schemes sent
together. A call sends the first alternative the client has every credential for (runtime/_base_client.py).

- How a credential travels: http bearer, oauth2 and openIdConnect as `Authorization: Bearer <token>`; http
  basic as `Authorization: Basic base64(username:password)`; apiKey in its header (with the scheme word its
  description prescribes, `Authorization: Api-Key <key>`), query parameter or cookie.
- The keywords: the first scheme the spec lists (top-level `security` first, then each operation's, in
  document order) takes `token`, the default, read from api_key_env where not given; http basic there takes
  `username` and `password` (`token`, and the variable, then hold `username:password`, as curl's -u). Every
  other scheme takes a keyword named after it (`clientId`: `client_id`; http basic: `<name>_username` and
  `<name>_password`), with a trailing underscore where that name is taken.
- A scheme the client cannot send (an http scheme but basic and bearer, as Sentry's `DSN`; mutualTLS; a
  header or cookie name that is no HTTP token) is a warning: it is left out of every choice that offers
  another way; where it is an operation's only way, that operation's calls carry none of the client's
  credentials, and the caller arranges it (the client's `headers=`; a client certificate in httpx_args).
  oauth2 and openIdConnect are sent as a bearer token the caller obtained (as Stainless
  SDKs do): the client runs no flow.
- A scheme no operation uses is left out, and stops nothing. Where no operation uses any and the spec has
  no top-level `security` (a spec that declares its schemes and forgot to require them, as Adyen's), every
  operation takes any one of them, with a warning. Without securitySchemes: the generator's bearer token.
- A requirement naming no declared scheme is invalid OpenAPI and stops the run, at its location.
"""

import keyword
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from openapi_python_client.strings import PythonIdentifier

from .. import PipelineError
from ..spec.openapi import Location, operations, where

Place = Literal["header", "basic", "query", "cookie", "unsupported"]
Requirement = tuple[str, ...]  # the schemes (their keys in securitySchemes) sent together; () sends none
Security = tuple[Requirement, ...]  # the alternatives an operation offers, in the spec's order

# RFC 9110 token characters: a header or cookie name, and a scheme word.
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
# The client's own constructor keywords and attributes (runtime/_base_client.py), which no scheme may take.
RESERVED = frozenset(
    {"token", "username", "password", "prefix", "auth_header_name", "base_url", "cookies", "headers", "timeout",
     "verify_ssl", "follow_redirects", "httpx_args", "max_retries", "deadline", "pace", "allow_insecure_http",
     "raise_on_unexpected_status", "aio"}
)  # fmt: skip


@dataclass(frozen=True)
class Scheme:
    key: str  # its name in components.securitySchemes
    place: Place
    name: str  # the header, query parameter or cookie it travels in; for "unsupported", what the spec asks
    prefix: str = ""  # the word before the credential in a header: "Bearer", "Api-Key"; "" sends it bare
    keywords: tuple[str, ...] = ()  # AuthenticatedClient's keyword argument(s) for it

    def describe(self) -> str:
        """How the credential travels: `Authorization: Bearer <token>`, `query api_key=<api_key>`."""
        if self.place == "basic":
            return f"Authorization: Basic <{':'.join(self.keywords)}>"
        if self.place == "unsupported":
            return f"{self.key} ({self.name}, not sent)"
        value = f"<{self.keywords[0]}>"
        if self.place == "header":
            return f"{self.name}: {self.prefix + ' ' if self.prefix else ''}{value}"
        return f"{self.place} {self.name}={value}"

    def source(self) -> str:
        """The runtime's Scheme (runtime/_base_client.py) as Python source, for client.py."""
        return f"Scheme({self.place!r}, {self.name!r}, {self.prefix!r}, {self.keywords!r})"


@dataclass(frozen=True)
class Auth:
    """What the client sends: its schemes, the default first, and the security of each operation."""

    schemes: tuple[Scheme, ...]  # every scheme an operation may use, in the spec's order
    default: Security  # an operation that states no `security` of its own: the spec's top-level one
    # (method, path) -> the operation's own security, where it states one other than the default
    operations: dict[tuple[str, str], Security] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def sendable(self) -> tuple[Scheme, ...]:
        return tuple(scheme for scheme in self.schemes if scheme.place != "unsupported")

    @property
    def token_only(self) -> bool:
        """The client's one credential is `token`: required when it is built."""
        return [scheme.keywords for scheme in self.sendable] == [("token",)]

    @property
    def default_scheme(self) -> Scheme | None:
        """The scheme `token` (and api_key_env) is for: the first the spec lists."""
        return next((s for s in self.sendable if s.keywords in (("token",), ("username", "password"))), None)

    def describe(self) -> str:
        """Every way a call may send credentials, as `make generate` prints it and spec-diff compares it:
        `Authorization: Api-Key <token>`; `PLAID-CLIENT-ID: <client_id> and ... or Authorization: Basic ...`."""
        by_key = {scheme.key: scheme for scheme in self.schemes}
        ways: list[Requirement] = []
        for security in (self.default, *self.operations.values()):
            for requirement in security:
                sendable = all(by_key[key].place != "unsupported" for key in requirement)
                if requirement and sendable and requirement not in ways:
                    ways.append(requirement)
        return " or ".join(" and ".join(by_key[key].describe() for key in way) for way in ways) or "none"

    def by_operation(self, names: Mapping[tuple[str, str], Any]) -> dict[str, list[list[str]]]:
        """Each operation's own security where it differs from the default, by "group.name" (`names`: each
        operation's OperationName, by (method, path)): endpoints.py's EndpointPlan.security."""
        return {
            f"{names[key].group}.{names[key].name}": [list(requirement) for requirement in own]
            for key, own in sorted(self.operations.items())
        }

    def facts(self) -> dict[str, Any]:
        """What client.py.jinja prints (build.py writes them into derived.jinja)."""
        default = self.default_scheme
        header = default if default is not None and default.place == "header" else None
        return {
            # The default token's header and its word, the stock attributes auth_header_name and prefix.
            "auth_name": header.name if header else "",
            "auth_prefix": header.prefix if header else "",
            "auth_token_only": "yes" if self.token_only else "",
            # SCHEMES and SECURITY (runtime/_base_client.py) as Python source.
            "auth_schemes": "{" + ", ".join(f"{s.key!r}: {s.source()}" for s in self.schemes) + "}",
            "auth_security": repr(self.default),
            # A field for each keyword but `token`: [keyword, its attrs validator in runtime/_base_client.py].
            "auth_fields": [
                [
                    keyword,
                    _VALIDATORS.get(keyword.rsplit("_", 1)[-1], "check_token") if s.place == "basic" else "check_token",
                ]
                for s in self.sendable
                for keyword in s.keywords
                if keyword != "token"
            ],
            "auth_lines": [
                f"`{'`, `'.join(s.keywords)}`{_OR_TOKEN if s.keywords == ('username', 'password') else ''}:"
                f" `{s.describe()}` ({s.key})"
                for s in self.sendable
            ],
        }


_OR_TOKEN = " (or `token`: `username:password`)"  # http basic as the default scheme
_VALIDATORS = {"username": "check_username", "password": "check_password"}  # http basic's parts
GENERATOR_DEFAULT = Scheme("default", "header", "Authorization", "Bearer", ("token",))


def derive_auth(spec: dict[str, Any], taken: Collection[str] = ()) -> Auth:
    """The client's schemes and each operation's security. `taken`: names a keyword must not have beside
    RESERVED (the client tree's groups, the runtime's members). PipelineError for a requirement naming no
    declared scheme."""
    declared = (spec.get("components") or {}).get("securitySchemes") or {}
    declared = declared if isinstance(declared, dict) else {}
    top = spec.get("security")
    stated: list[tuple[Location, Any]] = [(("security",), top)] if top is not None else []
    stated += [
        ((*op.location, "security"), op.operation["security"]) for op in operations(spec) if "security" in op.operation
    ]
    problems = [
        f"{where((*location, index))}: '{name}' names no entry in components.securitySchemes"
        for location, requirements in stated
        for index, requirement in enumerate(requirements if isinstance(requirements, list) else [])
        for name in (requirement if isinstance(requirement, dict) else {})
        if name not in declared
    ]
    if problems:
        raise PipelineError(*problems)
    warnings: list[str] = []
    read = {location: _security(requirements) for location, requirements in stated}
    used = list(dict.fromkeys(key for security in read.values() for requirement in security for key in requirement))
    if not declared:
        default: Security = (("default",),) if top is None else read[("security",)]
        return Auth((GENERATOR_DEFAULT,), default, _own(spec, read, default))
    if not used and top is None:  # declared, and required nowhere
        used = list(declared)
        read[("security",)] = tuple((key,) for key in used)
        warnings.append(
            f"securitySchemes declares {', '.join(used)}, but no `security` requires any: every operation is"
            f" read as taking any one of them, {used[0]} by default"
        )
    schemes = _schemes(used, declared, set(taken) | RESERVED)
    unsupported = {key: scheme for key, scheme in schemes.items() if scheme.place == "unsupported"}
    only_way: dict[str, list[str]] = {key: [] for key in unsupported}
    kept: dict[Location, Security] = {}
    for location, security in read.items():
        usable = tuple(r for r in security if not unsupported.keys() & set(r))
        kept[location] = usable if usable or not security else security
        for key in {key for requirement in security for key in requirement} & unsupported.keys():
            if not usable:
                only_way[key].append(_label(location))
    for key, scheme in unsupported.items():
        line = f"securitySchemes.{key}: {scheme.name} is not a scheme the client can send; left out where"
        line += " another is offered"
        if only_way[key]:
            line += (
                f"; the only way to call {', '.join(only_way[key])}: those calls carry no credentials of the"
                " client's, the caller arranges them (headers=, a client certificate)"
            )
        warnings.append(line)
    default = kept.get(("security",), ())
    own = _own(spec, kept, default)
    in_use = {key for security in (default, *own.values()) for requirement in security for key in requirement}
    ordered = tuple(scheme for key, scheme in schemes.items() if key in in_use)
    return Auth(ordered, default, own, tuple(warnings))


def _label(location: Location) -> str:
    """`GET /v1/x` for an operation's security, or what inherits the top-level one."""
    if location == ("security",):
        return "every operation without a `security` of its own"
    return f"{str(location[2]).upper()} {location[1]}"


def _security(requirements: Any) -> Security:
    """A `security` list as alternatives of scheme keys (scopes dropped)."""
    if not isinstance(requirements, list):
        return ()
    return tuple(
        tuple(str(key) for key in requirement) for requirement in requirements if isinstance(requirement, dict)
    )


def _own(spec: dict[str, Any], read: dict[Location, Security], default: Security) -> dict[tuple[str, str], Security]:
    """Each operation's own security, where it states one other than the default."""
    return {
        (op.method, op.path): read[(*op.location, "security")]
        for op in operations(spec)
        if (*op.location, "security") in read and read[(*op.location, "security")] != default
    }


def _schemes(used: Iterable[str], declared: dict[str, Any], taken: set[str]) -> dict[str, Scheme]:
    """The schemes in use, in the order the spec lists them, with their keywords: the first sendable one
    takes the default's (`token`; `username` and `password`), the others their own."""
    schemes: dict[str, Scheme] = {}
    for key in used:
        scheme = _scheme(key, declared[key] if isinstance(declared[key], dict) else {})
        if scheme.place == "unsupported":
            keywords: tuple[str, ...] = ()
        elif not any(s.keywords for s in schemes.values()):
            keywords = ("username", "password") if scheme.place == "basic" else ("token",)
        else:
            base = _identifier(key)
            wanted = (f"{base}_username", f"{base}_password") if scheme.place == "basic" else (base,)
            keywords = tuple(_free(name, taken) for name in wanted)
        taken.update(keywords)
        schemes[key] = Scheme(key, scheme.place, scheme.name, scheme.prefix, keywords)
    return schemes


def _scheme(key: str, declared: dict[str, Any]) -> Scheme:
    """How one declared scheme sends its credential (no keywords yet)."""
    kind, word = declared.get("type"), str(declared.get("scheme", ""))
    if kind == "http" and word.lower() == "bearer" or kind in ("oauth2", "openIdConnect"):
        return Scheme(key, "header", "Authorization", "Bearer")
    if kind == "http" and word.lower() == "basic":
        return Scheme(key, "basic", "Authorization", "Basic")
    name, place = str(declared.get("name", "")), declared.get("in")
    if kind == "apiKey" and place == "header":
        prefix = _prescribed_prefix(name, str(declared.get("description", "")))
        if _TOKEN.match(name) and (not prefix or _TOKEN.match(prefix)):
            return Scheme(key, "header", name, prefix)
        return Scheme(key, "unsupported", f"apiKey in header {name!r} {prefix!r}, not an HTTP header name and word")
    if kind == "apiKey" and place == "cookie":
        if _TOKEN.match(name):
            return Scheme(key, "cookie", name)
        return Scheme(key, "unsupported", f"apiKey in cookie {name!r}, not a cookie name")
    if kind == "apiKey" and place == "query" and name:
        return Scheme(key, "query", name)
    what = f"apiKey in {place}" if kind == "apiKey" else f"{kind} {word}".strip()
    return Scheme(key, "unsupported", what)


def _identifier(key: str) -> str:
    """`clientId` -> `client_id`: a scheme's name as a keyword argument (never starting with _, which attrs strips)."""
    return str(PythonIdentifier(key.lstrip("_") or "scheme", "scheme")).lstrip("_") or "scheme"


def _free(name: str, taken: set[str]) -> str:
    while name in taken or keyword.iskeyword(name):
        name += "_"
    return name


def _prescribed_prefix(header_name: str, description: str) -> str:
    """The scheme word an apiKey description prescribes: `Authorization: Api-Key <key>` or "the scheme 'Api-Key'"."""
    example = re.search(rf"{re.escape(header_name)}:\s*([^\s<>`]+)\s+<", description, re.IGNORECASE)
    if example:
        return example.group(1)
    named = re.search(r"scheme\s+['\"`]([^'\"`\s]+)['\"`]", description, re.IGNORECASE)
    return named.group(1) if named else ""
