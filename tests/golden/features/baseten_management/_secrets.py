"""What must never be shown: the API keys of the clients in use, and values whose name says they are secret.

- The name rule, one for the generator and the client: pipeline/spec/secrets.py marks the spec's properties
  with it (their models' repr() shows [REDACTED]), and model_repr() applies it at run time to keys the
  spec does not declare (additional_properties, free-form objects). A name says secret where it holds a
  key, password, token, secret, credential, or a code that logs someone in (`auth_code`, `device_code`),
  or a URL that works without the key (`presigned_url`, `signed_url`), unless it names something *about*
  one (`secret_name`, `api_key_id`, `token_expires_at`).
- The keys in use: every authenticated client registers its key (remember()), and scrub() takes each
  out of a text. errors.redacted(), every log line, every repr and a Response's request id go through it.
- RedactingFilter, on the package's logger and on httpx's and httpcore's own: their DEBUG lines quote
  the response headers a server sent (an echoed Authorization, a Set-Cookie), and their INFO lines the
  URL. Installed when the package is imported (install_log_filters()).

Hand-written (runtime/ in the generator's repository), the same for every spec.
"""

import logging
import re
import threading
from typing import Any

REDACTED = "[REDACTED]"

# A name (snake_case; camelCase is split first) that says it holds a secret ...
SECRET_NAME = re.compile(
    r"(^|_)(api_?key|password|passphrase|secret|token|private_key|credentials?|otp"
    r"|(auth|device|user|verification|access)_codes?)(_|$)",
    re.I,
)
# ... a URL that grants access by itself (a presigned download link) ...
CREDENTIAL_URL = re.compile(r"(^|_)(pre_?signed|signed)(_|$)", re.I)
# ... unless it says it holds something about one: its name, id, prefix, type, when it expires.
ABOUT_ONE = re.compile(
    r"(^|_)(ids?|names?|refs?|prefix|types?|urls?|at|count|paths?|hint|length|page_token|cursor|expires?|expiry)$", re.I
)
# Headers whose value is a credential, whatever the spec calls the key's header.
SECRET_HEADER = re.compile(r"authorization|cookie|api[-_]?key|token|secret|signature|password|credential", re.I)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake(name: str) -> str:
    """`presignedUrl` -> `presigned_url`; `api-key` -> `api_key`."""
    return _CAMEL.sub("_", name).replace("-", "_").lower()


def secret_name(name: str) -> bool:
    """Whether a field called `name` holds a secret, by its name alone."""
    name = snake(name)
    if CREDENTIAL_URL.search(name):
        return True
    return not ABOUT_ONE.search(name) and bool(SECRET_NAME.search(name))


# The keys of the clients made in this process, most recent last: kept after a client is gone, since what
# it returned (a Response, an error) may be shown later. A key too short to be one is not kept: it would
# take every such run of characters out of every message.
KEPT_KEYS = 64
SHORTEST_KEY = 8
_KEYS: dict[str, None] = {}
_KEYS_LOCK = threading.Lock()


def remember(key: str) -> None:
    """No text shows `key` from now on (the most recent KEPT_KEYS keys are kept)."""
    if not isinstance(key, str) or len(key) < SHORTEST_KEY:
        return
    with _KEYS_LOCK:
        _KEYS.pop(key, None)
        _KEYS[key] = None
        while len(_KEYS) > KEPT_KEYS:
            del _KEYS[next(iter(_KEYS))]


def keys_in_use() -> list[str]:
    return list(_KEYS)


def scrub(text: str, *secrets: str) -> str:
    """`text` without the keys of the clients in use, nor `secrets`: each shows [REDACTED]."""
    for secret in (*secrets, *keys_in_use()):
        if secret and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def scrub_value(value: Any) -> Any:
    """A JSON-like value as a repr may show it: under a key whose name says secret, [REDACTED]."""
    if isinstance(value, dict):
        return {
            key: REDACTED if isinstance(key, str) and secret_name(key) else scrub_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [scrub_value(item) for item in value]
    return value


# httpcore's DEBUG lines quote headers as (b'name', b'value') pairs.
_HEADER_PAIR = re.compile(r"""\((b?)(['"])([^'"]*)\2, b?(['"])(.*?)\4\)""")


def _scrub_header_pair(match: re.Match[str]) -> str:
    prefix, quote, name = match.group(1), match.group(2), match.group(3)
    if SECRET_HEADER.search(name):
        return f"({prefix}{quote}{name}{quote}, {prefix}'{REDACTED}')"
    return match.group(0)


class RedactingFilter(logging.Filter):
    """Takes the keys in use, and the values of credential headers, out of a log record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a record that cannot be formatted is the logging module's to report
            return True
        scrubbed = scrub(_HEADER_PAIR.sub(_scrub_header_pair, message) if "(b" in message else message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


# A filter applies only to records logged to its own logger, not to those its children pass up: each of
# httpx's and httpcore's loggers is named (httpx 0.28 logs to "httpx", httpcore 1.x to one logger a module,
# httpx before 0.24 to "httpx._client"), and any other under those names that exists when the package is
# imported (both are imported by then) gets one too.
THIRD_PARTY_LOGGERS = (
    "httpx",
    "httpx._client",
    "httpx._config",
    "httpcore",
    "httpcore.connection",
    "httpcore.connection_pool",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def install_log_filters(*names: str) -> None:
    """Put a RedactingFilter on each logger named, and on every existing one under httpx or httpcore (once)."""
    existing = [name for name in logging.Logger.manager.loggerDict if name.split(".")[0] in ("httpx", "httpcore")]
    for name in (*names, *existing):
        logger = logging.getLogger(name)
        if not any(isinstance(current, RedactingFilter) for current in logger.filters):
            logger.addFilter(RedactingFilter())
