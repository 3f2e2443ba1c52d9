"""Comparing two generated trees, file by file."""

import filecmp
from pathlib import Path


def tree_differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees, each marked changed, missing or extra."""
    if not actual.is_dir():
        return [f"missing: {actual}/"]
    found: list[str] = []
    _compare(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), Path(), found)
    return sorted(found)


def _compare(cmp: filecmp.dircmp[str], rel: Path, found: list[str]) -> None:
    found += [f"missing: {rel / name}" for name in cmp.left_only]
    found += [f"extra:   {rel / name}" for name in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    found += [f"changed: {rel / name}" for name in mismatch + errors]
    for name, sub in cmp.subdirs.items():
        _compare(sub, rel / name, found)
