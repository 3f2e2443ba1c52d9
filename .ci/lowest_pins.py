"""Print the lowest version pyproject.toml allows of each runtime dependency, as pip pins.

`make test-lowest` installs these, so the ranges we declare are ranges the tests have run on.
"""

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

pins = []
for requirement in tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]:
    floor = re.match(r"^([A-Za-z0-9_.\-]+)\s*.*?>=\s*([0-9][^,;\s]*)", requirement)
    if floor is None:
        raise SystemExit(f"pyproject.toml: {requirement!r} has no lower bound to test")
    pins.append(f"{floor.group(1)}=={floor.group(2)}")
print(" ".join(pins))
