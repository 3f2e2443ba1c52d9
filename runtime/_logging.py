"""The client's log: a standard `logging` logger named after the package, silent unless asked.

`<PREFIX>_LOG=info` (BASETEN_LOG for Baseten, named after api_key_env's prefix; `log_env` in
generator-config.yaml names another) writes to stderr a line for each request (method, path, status,
elapsed time, request id), for each retry (why, and how long it waits) and for each wait a rate limit
imposes; `debug` adds a line as each request is sent. Never a header value, a body, or the key. Or
configure the logger as any other: `logging.getLogger("baseten_management").setLevel(logging.INFO)`.

Each line prints once: the handler the environment variable adds stands aside for a record that a
handler of the application's (`logging.basicConfig()`, on the root logger) prints anyway. Importing the
package puts a filter on this logger and on httpx's and httpcore's own (_secrets.RedactingFilter): their
lines, at any level, show no key in use and no credential header's value. Hand-written (runtime/ in the
generator's repository), the same for every spec.
"""

import logging
import os
import sys

from ._secrets import THIRD_PARTY_LOGGERS, install_log_filters

logger = logging.getLogger(__name__.rsplit(".", 1)[0])
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
install_log_filters(logger.name, *THIRD_PARTY_LOGGERS)


class _FromEnvironment(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler the environment variable adds: one, however often the client is imported, and silent
    for a record another handler on its way up prints."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _printed_elsewhere(record, self) and super().filter(record)


def _printed_elsewhere(record: logging.LogRecord, mine: logging.Handler) -> bool:
    """Whether a handler other than `mine`, on the package's logger or one it propagates to, takes the record."""
    current: logging.Logger | None = logger
    while current is not None:
        if any(handler is not mine and record.levelno >= handler.level for handler in current.handlers):
            return True
        current = current.parent if current.propagate else None
    return False


def configure_logging(variable: str) -> None:
    """Turn the log on, to stderr, where `variable` (BASETEN_LOG) says debug or info."""
    level = LEVELS.get(os.environ.get(variable, "").strip().lower()) if variable else None
    if level is None or any(isinstance(handler, _FromEnvironment) for handler in logger.handlers):
        return
    handler = _FromEnvironment(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
