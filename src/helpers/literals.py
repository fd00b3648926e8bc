"""What every match of a regular expression must contain, read from the pattern itself: a
test that rules a text out with a few substring searches before a costly regex search would.

The rules of ``data/kinds.csv`` are case-insensitive alternations ("đã khai mạc|khai mạc
(sáng|chiều) nay|\\bopened\\b") that Python's ``re`` cannot skip ahead through: it tries each
at every position of a lead, and most leads match none. ``needed(pattern)`` gives strings,
lower-cased, at least one of which occurs in every text the pattern matches (by ``search``,
``match`` or ``fullmatch``); ``may_match(needs, text.lower())`` says whether the regex is
worth running. When it says no, the regex would have found nothing.

Exactness. A case-insensitive ``re`` pattern matches a character when their simple lower-case
forms are equal, or, for a few letters, when both are in one class ``re`` joins by hand ("s"
and "ſ", "i" and "ı", Greek "σ" and "ς", ...; ``re._casefix``). ``str.lower`` agrees with the
simple mapping on every character but "İ" (simple form "i", a class member; ``str.lower``
gives two characters) and a word-final "Σ" (both of whose forms are class members):
``tests/test_literals.py`` checks this on the running Python's Unicode tables. So a required
string never holds a class member (a run of literal characters is cut there: "closed" is
looked for as "clo"), and then ``text.lower()`` holds it whenever the pattern matches. A
case-sensitive part of a pattern is read the same way (a match of it matches
case-insensitively too). A part this module does not read (``\\w``, a range, a
backreference, a lookaround, an optional part) only makes the answer weaker, never wrong:
with nothing read, it is None (run the regex).

Tried and left (issue 13), for the 72 line patterns of ``data/page_chrome.toml``, which
``cleaning`` tries as one alternation on every distinct line:

- the same needed-string test for each alternative: the same matches, no faster (the tests,
  in Python, cost what the alternation does in C);
- trying only the alternatives a line's first character allows (the characters a match can
  start with, read from the parse the same way), one alternation compiled per first
  character: the same matches and about half the time per line (0.10-0.15 s against
  0.16-0.25 s for the 7,829 distinct lines of 1,000 bench pages), but compiling the
  alternations took about 0.35 s per process, more than it saved below about 10,000 lines.

Examples
--------
>>> import re
>>> closing = re.compile(r"đã bế mạc|\\bclosed\\b", re.IGNORECASE)
>>> needs = needed(closing)
>>> sorted(needs)
['clo', 'đã bế mạc']
>>> may_match(needs, "Hội nghị đã BẾ MẠC chiều nay".lower()), may_match(needs, "tin")
(True, False)
>>> needed(re.compile(r"\\d+")) is None
True
"""
from __future__ import annotations

import importlib
import re
from typing import Any

__all__ = ["may_match", "needed"]

# The parser of Python's own re module: what it reads a pattern as (private modules, hence
# looked up by name; on a Python without them nothing is read and every regex runs).
_c: Any = None
_parser: Any = None
_EXTRA_CASES: dict[int, tuple[int, ...]] = {}
try:
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
    _EXTRA_CASES = importlib.import_module("re._casefix")._EXTRA_CASES
except (ImportError, AttributeError):
    _parser = None

# The characters re's case-insensitive matching joins by hand to others ("s" and "ſ", ...).
_JOINED = frozenset(chr(c) for code, others in _EXTRA_CASES.items() for c in (code, *others))

# A character class with more members than this says too little to be worth a test.
MAX_CLASS = 8


def may_match(needs: frozenset[str] | None, lowered: str) -> bool:
    """False only when ``lowered`` (a text's ``str.lower()``) holds none of ``needs``, so that
    the pattern ``needs`` was read from cannot match the text."""
    return needs is None or any(s in lowered for s in needs)


def _parsed(pattern: re.Pattern):
    if _parser is None or pattern.flags & re.LOCALE or isinstance(pattern.pattern, bytes):
        return None
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:           # a construct this Python's parser spells otherwise
        return None


def needed(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-cased strings at least one of which every match of ``pattern`` contains, or None
    when the pattern requires nothing this module can read."""
    items = _parsed(pattern)
    return None if items is None else _needed(items)


# --- what a match contains ---------------------------------------------------------------

def _char(code: int) -> str | None:
    """The lower-cased character to look for in place of ``code``, or None when it cannot be
    looked for that way (lower-casing gives more than one, or a class member)."""
    low = chr(code).lower()
    return low if len(low) == 1 and low not in _JOINED else None


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two requirements: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _needed(items) -> frozenset[str] | None:
    """What a sequence of parsed items needs: its best run of literal characters, or the best
    requirement of one of its items."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        char = _char(arg) if op is _c.LITERAL else None
        if char is not None:
            run.append(char)
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        if op is not None:
            best = _better(best, _item_needs(op, arg))
    return best


def _item_needs(op, arg) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _needed(arg[-1])
    if op is _c.ATOMIC_GROUP:
        return _needed(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, body = arg
        return _needed(body) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            needs = _needed(branch)
            if needs is None:
                return None
            union |= needs
        return frozenset(union)
    if op is _c.IN:
        chars = [_char(a) if o is _c.LITERAL else None for o, a in arg]
        if len(chars) > MAX_CLASS or None in chars:
            return None
        return frozenset(chars)         # type: ignore[arg-type]
    return None
