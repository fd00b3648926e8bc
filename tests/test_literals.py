"""helpers.literals: what a regex match must contain, and the kind rules that use it giving
exactly what the regexes give."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from helpers import cleaning, literals, metadata
from helpers.reference import kind_rules
from helpers.text import normalize_text

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"


def _corpus_lines() -> list[str]:
    """Every distinct non-blank line of the seeds and the text pages of the test corpora."""
    lines: dict[str, None] = {}
    for path in sorted([*SEEDS.glob("*.txt"), *DATA.rglob("*.txt")]):
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        for line in cleaning.split_long_lines(text).split("\n"):
            if line.strip():
                lines[line.strip()] = None
    return list(lines)


# Characters re's case-insensitive matching joins to ASCII letters, and others whose
# lower-casing is unusual: the texts below are also tried with them swapped in.
_SWAPS = [("s", "ſ"), ("i", "ı"), ("k", "\u212a"), ("I", "İ"), ("S", "ſ"), ("o", "ο"),
          ("σ", "ς"), ("µ", "μ")]


def _variants(text: str) -> list[str]:
    out = [text, text.upper(), text.title(), text.swapcase()]
    out += [text.replace(a, b) for a, b in _SWAPS if a in text]
    out += [text.upper().replace(a.upper(), b) for a, b in _SWAPS if a.upper() in text.upper()]
    return out


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _corpus_lines()


def _line_patterns() -> list[re.Pattern]:
    return [re.compile(normalize_text(p), re.IGNORECASE)
            for _, patterns in cleaning._compiled().rules.line_patterns for p in patterns]


def test_lower_agrees_with_re_but_for_class_members():
    """The fact the module rests on, on this Python's Unicode tables: ``str.lower`` of a
    character is its simple lower-case form (what re compares), or that form is a member of
    one of re's hand-made classes, which no needed string holds."""
    import _sre

    odd = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        simple = chr(_sre.unicode_tolower(code))
        low = char.lower()
        if low != simple and simple not in literals._JOINED:
            odd.append(hex(code))
    assert odd == []
    assert "İ".lower() != "i" and "i" in literals._JOINED     # the case that needs the rule


@pytest.mark.parametrize("pattern, flags, needs", [
    (r"đã bế mạc|\bclosed\b", re.I, {"đã bế mạc", "clo"}),
    (r"khai mạc (sáng|chiều) nay", re.I, {" mạc "}),   # ("i" is a class member)
    (r"(video|audio)?\s*(đang tải|loading)", re.I, {"đang tả", "load"}),
    (r"[>»›]", 0, {">", "»", "›"}),
    (r"\d+ bình luận", re.I, {" bình luận"}),
    (r"(?-i:THÔNG BÁO)", re.I, {"thông báo"}),
    (r"x{2,}y", 0, {"x"}),
    (r"x*", 0, None),
    (r"(ab)?", 0, None),
    (r"\w+", re.I, None),
    (r"[a-z]", 0, None),
    (r"[^>]+", 0, None),
    (r"ab|\d", 0, None),            # one branch needs nothing: so does the whole
    (r"sis", re.I, None),           # "s" and "i" are class members: nothing left to look for
])
def test_needed(pattern, flags, needs):
    found = literals.needed(re.compile(pattern, flags))
    assert (None if found is None else set(found)) == needs


def test_may_match():
    assert literals.may_match(None, "anything")
    assert literals.may_match(frozenset({"đã bế mạc"}), "hội nghị đã bế mạc.")
    assert not literals.may_match(frozenset({"đã bế mạc"}), "hội nghị khai mạc.")


def test_every_pattern_match_holds_what_it_needs(lines):
    """No match the test would rule out: every kind rule and line pattern, on every corpus
    line and its case and look-alike variants."""
    patterns = [r.pattern for r in kind_rules()] + _line_patterns()
    random.seed(13)
    texts = lines + [v for line in random.sample(lines, 250) for v in _variants(line)]
    checked = 0
    for pattern in patterns:
        needs = literals.needed(pattern)
        for text in texts:
            if pattern.search(text):
                checked += 1
                assert literals.may_match(needs, text.lower()), (pattern.pattern, text)
    assert checked > 2000        # the checks saw many matches, not none


def test_needed_looks_past_lookalikes():
    """A match through re's hand-made classes ("ſ" for "s", "K" for "k") is still found."""
    rule = re.compile(r"\bclosed\b|trả lời phỏng vấn", re.IGNORECASE)
    needs = literals.needed(rule)
    for text in ["It CLOſED today", "It cloſed", "TRẢ LỜI PHỎNG VẤN"]:
        assert rule.search(text)
        assert literals.may_match(needs, text.lower())
    rule = re.compile("kết luận", re.IGNORECASE)          # Kelvin sign for "k"
    assert rule.search("\u212aẾT LUẬN") and literals.may_match(literals.needed(rule),
                                                               "\u212aẾT LUẬN".lower())


def test_kind_rules_skipped_only_when_they_cannot_match(lines, monkeypatch):
    """infer_kind with the needed-string test gives what it gives without it, on every
    corpus page (the pages are short: headline and lead decide)."""
    pages = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted([*SEEDS.glob("*.txt"), *DATA.rglob("*.txt")])]
    articles = [cleaning.clean_article(normalize_text(p)) for p in pages]
    with_test = [metadata.infer_kind(a) for a in articles]
    rules = tuple(r.__class__(r.kind, r.where, r.pattern, None) for r in kind_rules())
    monkeypatch.setattr(metadata, "kind_rules", lambda: rules)
    without = [metadata.infer_kind(a) for a in articles]
    assert with_test == without
    assert sum(kind not in (None, "news") for kind, _ in with_test) > 20
