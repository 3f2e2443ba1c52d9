"""Comparing two generated trees, file by file."""

import ast
import filecmp
import re
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


DIGESTS = [["SPEC_SHA256"], ["OVERLAY_SHA256"]]


def only_prose_differs(expected: Path, actual: Path, differences: list[str]) -> bool:
    """Whether every difference tree_differences() found is a module whose code is the same, its
    docstrings, plain comments and the digest of the spec aside (a spec revision that changed only
    descriptions): what an import and mypy read of the tree in place, checked when it was generated, holds."""
    paths = [line.split(": ", 1)[1].strip() for line in differences if line.startswith("changed: ")]
    return len(paths) == len(differences) and all(
        path.endswith(".py") and _same_code(expected / path, actual / path) for path in paths
    )


def _same_code(left: Path, right: Path) -> bool:
    try:
        sources = [path.read_text(encoding="utf-8") for path in (left, right)]
        trees = [ast.parse(source, type_comments=True) for source in sources]
    except (OSError, SyntaxError, ValueError):
        return False
    return _code(trees[0]) == _code(trees[1]) and _pragmas(sources[0]) == _pragmas(sources[1])


def _code(tree: ast.Module) -> str:
    """The module's syntax tree with each docstring emptied, without positions (a longer docstring moves
    every line after it) and without its `# type: ignore` lines, which _pragmas() compares."""
    for (
        statement
    ) in tree.body:  # the inputs' digests (package_init.py.jinja): each revision changes them, not their type
        if isinstance(statement, ast.Assign) and [ast.unparse(target) for target in statement.targets] in DIGESTS:
            if isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
                statement.value.value = ""
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                first.value.value = ""
    tree.type_ignores = []
    return ast.dump(tree, include_attributes=False)


def _pragmas(source: str) -> list[str]:
    """The lines carrying a comment mypy reads (`# type: ignore[...]`, `# mypy: ...`), code included, in order."""
    return [line.strip() for line in source.splitlines() if re.search(r"#\s*(type|mypy)\s*:", line)]
