"""python -m pipeline generate|check [--spec F] [--config F] [--templates D] [--out D]

generate: validate the spec and config, derive the auth header, run the generator into a staging
          directory, and replace generated/ only when all of that succeeded.
check:    the same into a staging directory, then compare with generated/ (drift check).
"""

import argparse
import sys
from pathlib import Path

from . import PipelineError
from .build import generate
from .drift import check_drift


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument("--spec", type=Path, default=Path("openapi.yaml"))
    parser.add_argument("--config", type=Path, default=Path("generator-config.yaml"))
    parser.add_argument("--templates", type=Path, default=Path("templates"))
    parser.add_argument("--out", type=Path, default=Path("generated"))
    args = parser.parse_args(argv)
    step = generate if args.command == "generate" else check_drift
    try:
        print(step(args.spec, args.config, args.templates, args.out))
    except PipelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
