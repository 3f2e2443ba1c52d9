"""A short string that a schema's `pattern` matches, made the same way every time (no randomness: an
example must be the same on every run and in every process). The fake (testing.py, through _schema.py)
answers with it, and the project's contract examples (contract/spec_model.py) are made with it.

The pattern is read by Python's own regular-expression parser and walked: each repeat takes its least
count (more where `minLength` asks for a longer string), each set its first plain character, each
alternation its first branch. What Python's `re` cannot read (ECMA-262 only: `\\p{L}`) or what this walk
cannot satisfy (a lookahead that refuses the first choice) gives None, and the caller falls back.
"""

import functools
import re
from re import _constants as c  # type: ignore[attr-defined, unused-ignore]  # the opcodes of re._parser's tree
from re import _parser  # type: ignore[attr-defined, unused-ignore]
from typing import Any

# Characters a set is tried with, in order, where it names a class or a negation rather than a range:
# plain ones first, so an example stays readable and needs no escaping in a URL or a header.
PLAIN = "a0A_-.~b1B"
CATEGORY_CHARACTER = {
    c.CATEGORY_DIGIT: "0",
    c.CATEGORY_NOT_DIGIT: "a",
    c.CATEGORY_WORD: "a",
    c.CATEGORY_NOT_WORD: "-",
    c.CATEGORY_SPACE: " ",
    c.CATEGORY_NOT_SPACE: "a",
}


@functools.cache
def string_matching(pattern: str, min_length: int = 0, max_length: int | None = None) -> str | None:
    """The shortest plain string `re.search(pattern, ...)` accepts with at least `min_length` characters
    (and at most `max_length`), or None where none is found."""
    try:
        tree = _parser.parse(_python_syntax(pattern))
        compiled = re.compile(_python_syntax(pattern))
    except (re.error, OverflowError, RecursionError):
        return None
    text = shortest = _Walk(0).text(tree)
    for overshoot in (False, True):  # lengthen where a repetition fits what is missing, else anywhere
        if shortest is not None and text is not None and len(text) < min_length:
            text = _Walk(min_length - len(shortest), overshoot).text(tree)
    if text is None or not compiled.search(text) or len(text) < min_length:
        return None
    return text if max_length is None or len(text) <= max_length else None


def _python_syntax(pattern: str) -> str:
    """ECMA-262's named group `(?<name>...)` and its reference `\\k<name>` as Python writes them."""
    return re.sub(r"\\k<(\w+)>", r"(?P=\1)", re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", pattern))


class _Walk:
    """One pass over a parsed pattern; `extra` is how many characters beyond the least to add, in the
    first repeats that allow more (with `overshoot`, even where one more repetition adds more than that)."""

    def __init__(self, extra: int, overshoot: bool = False, groups: dict[int, str] | None = None):
        self.extra, self.overshoot = extra, overshoot
        self.groups: dict[int, str] = {} if groups is None else groups

    def text(self, items: Any) -> str | None:
        out = []
        for op, av in items:
            part = self.item(op, av)
            if part is None:
                return None
            out.append(part)
        return "".join(out)

    def item(self, op: Any, av: Any) -> str | None:
        if op is c.LITERAL:
            return chr(av)
        if op is c.NOT_LITERAL:
            return next(ch for ch in PLAIN if ord(ch) != av)
        if op is c.ANY:
            return "a"
        if op is c.IN:
            return _in_set(av)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return ""  # anchors and lookarounds take no characters; the final search checks them
        if op is c.BRANCH:
            return self.text(av[1][0])
        if op is c.SUBPATTERN:
            group, _, _, inner = av
            found = self.text(inner)
            if group is not None and found is not None:
                self.groups[group] = found
            return found
        if op is c.GROUPREF:
            return self.groups.get(av)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            least, most, inner = av
            if least == most or self.extra == 0:  # no room here: an inner repeat may take what is missing
                once = self.text(inner)
                return None if once is None else once * least
            once = _Walk(0, groups=self.groups).text(inner)
            if once is None:
                return None
            count = least
            while once and self.extra >= (1 if self.overshoot else len(once)) and (most is c.MAXREPEAT or count < most):
                count, self.extra = count + 1, self.extra - len(once)
            return str(once * count)
        if op is getattr(c, "ATOMIC_GROUP", None):
            return self.text(av)
        return None  # a conditional group, say: not made here


def _in_set(av: list[tuple[Any, Any]]) -> str | None:
    negated = bool(av) and av[0][0] is c.NEGATE
    members = av[1:] if negated else av
    if not negated:
        for op, value in members:
            if op is c.LITERAL:
                return chr(value)
            if op is c.RANGE:
                low, high = value
                plain = [ch for ch in PLAIN if low <= ord(ch) <= high]
                return plain[0] if plain else chr(low)
            if op is c.CATEGORY and value in CATEGORY_CHARACTER:
                return CATEGORY_CHARACTER[value]
        return None
    probe = re.compile(_parser_set_source(members))
    return next((ch for ch in PLAIN + "!*+,;=@" if not probe.fullmatch(ch)), None)


def _parser_set_source(members: list[tuple[Any, Any]]) -> str:
    """A character class written back from parsed members: what a negated set leaves out."""
    parts = []
    for op, value in members:
        if op is c.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is c.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is c.CATEGORY:
            parts.append({c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_WORD: r"\w",
                          c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_SPACE: r"\s",
                          c.CATEGORY_NOT_SPACE: r"\S"}.get(value, ""))  # fmt: skip
    return "[" + "".join(parts) + "]" if parts else "(?!)"
