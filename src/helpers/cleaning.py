"""Cleaning one scraped news page: keep the article, drop the page, lose nothing silently.

Owns ``clean_article``: it splits a page into numbered non-blank lines and gives every line one
role (headline, body, or removed with a reason), so kept + removed always account for the whole
page. The rules are about kinds of page furniture (see ``data/page_chrome.toml``), never about a
particular site or file. Decoding files and metadata from catalogs live in ``helpers.corpus``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, field

from .dates import parse_dateline
from .paths import DATA_DIR
from .text import normalize_text

HEADLINE, BODY, REMOVED = "headline", "body", "removed"
HEADLINE_MIN_WORDS = 4
_POSITIONAL = {"byline", "kicker", "section label"}
REPEAT = "repeated line"


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page: its 1-based number, text, role and (if removed) why."""

    number: int
    text: str
    role: str
    reason: str = ""


@dataclass(frozen=True)
class CleanedArticle:
    """What ``clean_article`` returns. ``lines`` holds every non-blank input line once."""

    headline: str | None
    paragraphs: tuple[str, ...]
    lines: tuple[Line, ...]
    author: str | None = None
    source: str | None = None
    outlet: str | None = None
    datelines: tuple[tuple[int, dt.date], ...] = ()
    kicker: str | None = None

    @property
    def dateline(self) -> dt.date | None:
        """The article's own dateline: the earliest date printed on a dateline line above the
        end of the body. A page clock shows the day the page was saved (never earlier than
        publication) and related stories' datelines stand below the body, so neither wins."""
        body = [line.number for line in self.lines if line.role in (HEADLINE, BODY)]
        last = max(body) if body else 0
        dates = [date for number, date in self.datelines if number <= last]
        return min(dates) if dates else None

    @property
    def text(self) -> str:
        """The clean body, paragraphs separated by a newline."""
        return "\n".join(self.paragraphs)

    @property
    def removed(self) -> list[Line]:
        """The removed lines, in page order, each with its line number and reason."""
        return [line for line in self.lines if line.role == REMOVED]


@dataclass
class _Rules:
    combined: re.Pattern | None = None           # all line patterns, first match wins
    group_reason: dict[str, str] = field(default_factory=dict)
    social_tokens: frozenset[str] = frozenset()
    caption_end: re.Pattern | None = None
    caption_max_words: int = 60
    related_headings: frozenset[str] = frozenset()
    source: re.Pattern | None = None
    source_max_words: int = 10


def _full(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})", re.IGNORECASE)


@functools.cache
def _rules() -> _Rules:
    with open(DATA_DIR / "page_chrome.toml", "rb") as fh:
        spec = tomllib.load(fh)
    rules = _Rules()
    alternatives = []
    for reason in ("navigation", "language switch", "view counter", "comment box",
                   "image file", "photo credit", "copyright"):
        for pattern in spec[reason]["patterns"]:
            name = f"r{len(alternatives)}"
            alternatives.append(f"(?P<{name}>{normalize_text(pattern)})")
            rules.group_reason[name] = reason
    rules.combined = re.compile("|".join(alternatives), re.IGNORECASE)
    rules.social_tokens = frozenset(spec["social buttons"]["tokens"])
    cap = spec["photo caption"]
    rules.caption_end = re.compile(
        "(?:" + "|".join(normalize_text(p) for p in cap["end_patterns"]) + r")\s*$",
        re.IGNORECASE)
    rules.caption_max_words = cap["max_words"]
    rules.related_headings = frozenset(_key(normalize_text(p))
                                       for p in spec["related heading"]["phrases"])
    src = spec["source line"]
    rules.source = _full(src["patterns"][0])
    rules.source_max_words = src["max_words"]
    return rules


def _key(text: str) -> str:
    """Comparison key for "the same line": case-folded, spaces collapsed, end colon dropped."""
    return " ".join(text.casefold().split()).rstrip(" :")


_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'-]*\.?$")
_OUTLET = re.compile(r"theo dõi\s+(?P<outlet>.+?)\s+trên\b", re.IGNORECASE)
_COPYRIGHT_OUTLET = re.compile(r"(?:©|bản quyền|copyright)\s*(?:\d{4}\s*)?(?:bản quyền\s*)?"
                               r"(?:thuộc về\s*)?(?P<outlet>[^\W\d_][^|;,.]{1,60})", re.IGNORECASE)


DATELINE_MAX_WORDS = 14


def _pattern_reason(text: str, rules: _Rules) -> str | None:
    """The reason a line is page furniture wherever it stands, or None."""
    if match := rules.combined.fullmatch(text):
        # The named alternative closes after any group inside it, so it is the last group.
        return rules.group_reason[match.lastgroup]
    tokens = text.lower().replace("|", " ").split()
    if len(tokens) >= 2 and all(t in rules.social_tokens for t in tokens):
        return "social buttons"
    if len(tokens) <= DATELINE_MAX_WORDS and parse_dateline(text):
        return "dateline"
    if _key(text) in rules.related_headings:
        return "related heading"
    low = text.casefold()
    if ("ảnh" in low or "nguồn" in low) and len(tokens) <= rules.caption_max_words \
            and rules.caption_end.search(text):
        return "photo caption"
    return None


def _is_kicker(text: str) -> bool:
    return text.endswith(":") and len(text.split()) <= 12


def _is_name(text: str) -> bool:
    """A byline: two to five capitalised words, no digits, optionally "/AGENCY"."""
    name = re.split(r"\s*[/–-]\s*(?=[A-ZĐ]{2,}\s*$)", text)[0].strip()
    words = name.split()
    return (2 <= len(words) <= 5 and len(name) <= 40
            and all(_NAME_WORD.match(w) and w[0].isupper() for w in words))


def _source(text: str, rules: _Rules) -> str | None:
    if len(text.split()) > rules.source_max_words:
        return None
    match = rules.source.fullmatch(text)
    if not match:
        return None
    source = match.group("source").strip()
    words = source.split()
    capitalised = sum(w[0].isupper() for w in words)
    if "." in source or capitalised * 2 >= len(words):
        return source
    return None


def clean_article(raw: str) -> CleanedArticle:
    """Split a scraped page into headline, clean body and an audit of every removed line.

    >>> page = "Tin mới nhất\\nHội nghị bế mạc\\n10:08 | 13/12/2021\\nSáng 18/12, hội nghị bế mạc.\\n"\\
    ...        "Hội nghị bế mạc\\nThanh Huyền\\nBÌNH LUẬN\\nĐọc thêm\\nMột tin khác"
    >>> art = clean_article(page)
    >>> art.headline, art.text, art.author, str(art.dateline)
    ('Hội nghị bế mạc', 'Sáng 18/12, hội nghị bế mạc.', 'Thanh Huyền', '2021-12-13')
    >>> [(line.number, line.reason) for line in art.removed]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'related heading'), (3, 'dateline'), (5, 'headline repeat'), (6, 'byline'),
     (7, 'comment box'), (8, 'related heading'), (9, 'related news')]
    """
    rules = _rules()
    items = [(n, line.strip()) for n, line in enumerate(normalize_text(raw).split("\n"), 1)
             if line.strip()]
    texts = [t for _, t in items]
    keys = [_key(t) for t in texts]
    reason: list[str | None] = [_pattern_reason(t, rules) for t in texts]
    meta: dict[str, object] = {}

    datelines = tuple((n, parse_dateline(t)) for (n, t), r in zip(items, reason) if r == "dateline")
    for t, r in zip(texts, reason):
        if r == "navigation" and (m := _OUTLET.search(t)) and "outlet" not in meta:
            meta["outlet"] = m.group("outlet")
        if r == "copyright" and (m := _COPYRIGHT_OUTLET.search(t)) and "outlet" not in meta:
            meta["outlet"] = m.group("outlet").strip(" .")

    # The headline: the first line that is not furniture. Before it, a short line ending in
    # ":" is a kicker ("Hội nghị Đối ngoại toàn quốc:"), and lines of one to three words are
    # section labels ("Thời sự"), as long as a longer line follows to be the headline.
    free = [i for i, r in enumerate(reason) if r is None]
    headline_at = None
    for k, i in enumerate(free):
        rest = free[k + 1:]
        if rest and _is_kicker(texts[i]):
            reason[i] = "kicker"
        elif rest and len(texts[i].split()) < HEADLINE_MIN_WORDS and any(
                len(texts[j].split()) >= HEADLINE_MIN_WORDS for j in rest):
            reason[i] = "section label"
        else:
            headline_at = i
            break
    head_key = keys[headline_at] if headline_at is not None else None

    # Forward pass: headline copies (image alt text), source lines, related-news zones. A
    # related heading opens a zone only once the body has started, so a sidebar heading above
    # the article does not swallow it.
    seen_body, in_related = False, False
    for i in range(len(items)):
        if headline_at is None or i <= headline_at:
            continue
        if reason[i] == "related heading":
            in_related = in_related or seen_body
        elif reason[i] is not None:
            continue
        elif in_related:
            reason[i] = "related news"
        elif keys[i] == head_key:
            reason[i] = "headline repeat"
        elif (src := _source(texts[i], rules)) is not None:
            reason[i] = "source line"
            meta.setdefault("source", src)
        else:
            seen_body = True

    # Each paragraph once: the lead printed twice, a caption printed twice. A copy of a line
    # removed for where it stood (a byline printed twice) is a repeat too, or the copy would
    # become the byline when the clean text is cleaned again.
    seen: set[str] = set()
    for i in range(len(items)):
        if reason[i] in _POSITIONAL:
            seen.add(keys[i])
        elif reason[i] is None and i != headline_at:
            if keys[i] in seen:
                reason[i] = REPEAT
            seen.add(keys[i])

    # A byline right under the headline, above the first paragraph (after de-duplication, so
    # that a repeated line above it cannot hide it).
    body = [i for i, r in enumerate(reason) if r is None and i != headline_at]
    if len(body) > 1 and _is_name(texts[body[0]]):
        reason[body[0]] = "byline"
        meta["author"] = texts[body[0]]

    # Backward pass over the page's tail: teaser blocks of related stories (a headline printed
    # twice, as image alt text and link, then its summary) and a closing byline. Stops at the
    # first line that is article text; never takes the first paragraph.
    body = [i for i, r in enumerate(reason) if r is None and i != headline_at]
    first_body = body[0] if body else len(items)
    j = len(items) - 1
    while j > first_body:
        r = reason[j]
        if r == REPEAT and j - 1 > first_body and reason[j - 1] is None \
                and keys[j - 1] == keys[j] and not _is_name(texts[j]):
            reason[j - 1] = reason[j] = "related news"           # teaser headline, twice
            j -= 2
        elif (r is None and j - 2 > first_body and reason[j - 1] == REPEAT
              and reason[j - 2] is None and keys[j - 2] == keys[j - 1]):
            reason[j - 2] = reason[j - 1] = reason[j] = "related news"  # ... and its summary
            j -= 3
        elif r is not None:
            j -= 1
        elif _is_name(texts[j]):
            reason[j] = "byline"
            meta.setdefault("author", texts[j])
            j -= 1
        else:
            break

    lines = tuple(
        Line(n, t, HEADLINE, "") if i == headline_at
        else Line(n, t, BODY, "") if reason[i] is None
        else Line(n, t, REMOVED, reason[i])
        for i, (n, t) in enumerate(items)
    )
    author = meta.get("author")
    if isinstance(author, str):
        author = re.split(r"\s*[/–-]\s*(?=[A-ZĐ]{2,}\s*$)", author)[0].strip()
    return CleanedArticle(
        headline=texts[headline_at] if headline_at is not None else None,
        paragraphs=tuple(line.text for line in lines if line.role == BODY),
        lines=lines,
        author=author,
        source=meta.get("source"),
        outlet=meta.get("outlet"),
        datelines=datelines,
        kicker=next((t for t, r in zip(texts, reason) if r == "kicker"), None),
    )
