"""The client's log: a standard `logging` logger named after the package, silent unless asked.

`<PREFIX>_LOG=info` (BASETEN_LOG for Baseten, named after api_key_env's prefix; `log_env` in
generator-config.yaml names another) writes to stderr a line for each request (method, path, status,
elapsed time, request id) and for each retry (why, and how long it waits); `debug` adds a line as each
request is sent. Never a header value, a body, or the key. Or configure the logger as any other:
`logging.getLogger("baseten_management").setLevel(logging.INFO)`. Hand-written (runtime/ in the
generator's repository), the same for every spec.
"""

import logging
import os
import sys

logger = logging.getLogger(__name__.rsplit(".", 1)[0])
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


class _FromEnvironment(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler the environment variable adds: one, however often the client is imported."""


def configure_logging(variable: str) -> None:
    """Turn the log on, to stderr, where `variable` (BASETEN_LOG) says debug or info."""
    level = LEVELS.get(os.environ.get(variable, "").strip().lower()) if variable else None
    if level is None or any(isinstance(handler, _FromEnvironment) for handler in logger.handlers):
        return
    handler = _FromEnvironment(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
