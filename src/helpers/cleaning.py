"""Cleaning one scraped news page: keep the article, drop the page, lose nothing silently.

Owns ``clean_article``: it splits a page into numbered non-blank lines and gives every line one
role (headline, body, or removed with a reason) by a sequence of named passes, so kept + removed
always account for the whole page. Every reason and threshold is a table of
``data/page_chrome.toml`` (``helpers.reference.page_rules``), about kinds of page furniture,
never a particular site. Reading metadata off the classified lines is ``helpers.metadata``.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .dates import parse_dateline, parse_full_date
from .reference import ChromeRules, page_rules
from .text import PARAGRAPH_END, ascii_fold, in_capitals, normalize_text

__all__ = ["BODY", "CLEANING_PASSES", "HEADLINE", "HEADLINE_LABEL", "REMOVED", "CleanedArticle",
           "Line",
           "clean_article", "is_dateline", "line_key", "never_headline", "opens_zone",
           "split_long_lines"]

HEADLINE, BODY, REMOVED = "headline", "body", "removed"
# Removed for where they stand above the article; a later copy of one is a repeat.
HEADER_STOPS = {"menu", "language switch"}
# Lines that open a zone below the body, and the reason given to the free lines in it.
ZONE_OPENERS = {"related heading": "related news", "comment box": "reader comment",
                "poll": "poll", "end mark": "after the end"}
_POSITIONAL = {"byline", "kicker", "section label", "page header", "menu"}


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the page: its 1-based number, text, role and (if removed) why."""

    number: int
    text: str
    role: str
    reason: str = ""

    def __reduce__(self):
        # Rebuilt from its four fields: the generic state restore of a frozen slotted
        # dataclass is several times slower.
        return (Line, (self.number, self.text, self.role, self.reason))


@dataclass(frozen=True)
class CleanedArticle:
    """What ``clean_article`` returns: the headline, the body paragraphs, and every non-blank
    input line once, with its number, text, role and removal reason.

    The lines are kept as four columns (``line_numbers``, ``line_texts``, ``line_roles``,
    ``line_reasons``, one tuple each, of one length), not as one object per line: a loaded
    corpus holds and caches a page's lines in four tuples, which the garbage collector walks
    once and reading a cache entry back builds quickly. ``lines`` gives them as ``Line``
    objects; ``from_lines`` builds an article from ``Line`` objects (the constructor takes the
    columns).

    Examples
    --------
    >>> art = CleanedArticle.from_lines("Tựa", ("Đoạn.",), [Line(1, "Tựa", HEADLINE),
    ...                                   Line(2, "Đoạn.", BODY), Line(3, "Menu", REMOVED, "menu")])
    >>> art.line_roles, art.removed
    (('headline', 'body', 'removed'), [Line(number=3, text='Menu', role='removed', reason='menu')])
    """

    headline: str | None
    paragraphs: tuple[str, ...]
    line_numbers: tuple[int, ...]
    line_texts: tuple[str, ...]
    line_roles: tuple[str, ...]
    line_reasons: tuple[str, ...]

    def __post_init__(self) -> None:
        lengths = [len(self.line_numbers), len(self.line_texts), len(self.line_roles),
                   len(self.line_reasons)]
        if len(set(lengths)) > 1:
            raise ValueError("CleanedArticle: the line columns (numbers, texts, roles, "
                             f"reasons) differ in length: {lengths}")

    @classmethod
    def from_lines(cls, headline: str | None, paragraphs: tuple[str, ...],
                   lines: Iterable[Line]) -> CleanedArticle:
        """The article of these lines (in page order)."""
        lines = tuple(lines)
        return cls(headline, tuple(paragraphs), tuple(line.number for line in lines),
                   tuple(line.text for line in lines), tuple(line.role for line in lines),
                   tuple(line.reason for line in lines))

    @property
    def lines(self) -> tuple[Line, ...]:
        """Every non-blank input line, in page order, with its role and reason."""
        return tuple(map(Line, self.line_numbers, self.line_texts, self.line_roles,
                         self.line_reasons))

    def _lines_where(self, column: tuple[str, ...], value: str) -> list[Line]:
        return [Line(self.line_numbers[i], self.line_texts[i], self.line_roles[i],
                     self.line_reasons[i])
                for i, found in enumerate(column) if found == value]

    @property
    def text(self) -> str:
        """The clean body, paragraphs separated by a newline."""
        return "\n".join(self.paragraphs)

    @property
    def removed(self) -> list[Line]:
        """The removed lines, in page order, each with its line number and reason."""
        return self._lines_where(self.line_roles, REMOVED)

    def with_reason(self, reason: str) -> list[Line]:
        """The removed lines removed for ``reason``, in page order."""
        return self._lines_where(self.line_reasons, reason)

    @property
    def kicker(self) -> str | None:
        """The short "Topic:" line above the headline, if any."""
        if "kicker" not in self.line_reasons:
            return None
        return self.line_texts[self.line_reasons.index("kicker")]


# --- compiled rules --------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)     # eq=False: hashed by identity, a key of _line_facts
class _Compiled:
    rules: ChromeRules
    combined: re.Pattern               # every line pattern; the named group says which table
    group_reason: dict[str, str]
    social_tokens: frozenset[str]
    share_connectors: frozenset[str]
    share_words: frozenset[str]
    caption_words: tuple[str, ...]
    caption_end: re.Pattern
    related_headings: frozenset[str]
    related_heading_patterns: re.Pattern | None
    byline_patterns: re.Pattern | None
    sources: tuple[re.Pattern, ...]     # each has a group named "source"
    not_headline: re.Pattern | None
    comments_heading: re.Pattern         # a comments' heading's key (``zones_pass``)
    comment_buttons: re.Pattern          # a row of a comment's buttons (``_has_reply_buttons``)
    reply_button: re.Pattern             # ... the reply among them


def _optional(patterns) -> re.Pattern | None:
    return re.compile(_alternatives(patterns), re.IGNORECASE) if patterns else None


def _alternatives(patterns) -> str:
    return "|".join(f"(?:{normalize_text(p)})" for p in patterns)


@functools.cache
def _compiled() -> _Compiled:
    rules = page_rules()
    alternatives: list[str] = []
    group_reason: dict[str, str] = {}
    for reason, patterns in rules.line_patterns:
        for pattern in patterns:
            name = f"r{len(alternatives)}"
            alternatives.append(f"(?P<{name}>{normalize_text(pattern)})")
            group_reason[name] = reason
    not_headline = rules.passes["headline"].get("not_patterns")
    button = _alternatives(rules.setting("reader comment", "button_patterns"))
    return _Compiled(
        rules=rules,
        combined=re.compile("|".join(alternatives), re.IGNORECASE),
        group_reason=group_reason,
        social_tokens=frozenset(rules.setting("social buttons", "tokens")),
        share_connectors=frozenset(rules.setting("social buttons", "connectors")),
        share_words=frozenset(rules.setting("social buttons", "share_words")),
        caption_words=rules.setting("photo caption", "words"),
        # (a caption's cell on a table's row: "... (Ảnh: Vũ Minh) |")
        caption_end=re.compile(
            "(?:" + _alternatives(rules.setting("photo caption", "end_patterns"))
            + r")\s*(?:\|\s*)?$", re.IGNORECASE),
        related_headings=frozenset(line_key(normalize_text(p))
                                   for p in rules.setting("related heading", "phrases")),
        related_heading_patterns=_optional(rules.passes["related heading"].get("patterns")),
        byline_patterns=_optional(rules.passes["byline"].get("patterns")),
        sources=tuple(re.compile(normalize_text(p), re.IGNORECASE)
                      for p in rules.setting("source line", "patterns")),
        not_headline=_optional(not_headline),
        comments_heading=re.compile(_alternatives(rules.setting("reader comment",
                                                                "heading_patterns"))),
        comment_buttons=re.compile(rf"^(?:{button})(?:\s*[·|•-]\s*(?:{button}))*$",
                                   re.IGNORECASE),
        reply_button=re.compile(_alternatives(rules.setting("reader comment", "reply_patterns")),
                                re.IGNORECASE),
    )


def line_key(text: str) -> str:
    """Comparison key for "the same line": case-folded, spaces collapsed, end colon dropped.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> line_key("  Tin  liên quan: ")
    'tin liên quan'
    """
    return _key(text.split())


def _key(tokens: list[str]) -> str:
    """``line_key`` of a line split into tokens (case-folding neither makes nor removes a space,
    so folding after joining is the same as before splitting)."""
    return " ".join(tokens).casefold().rstrip(" :")


# A share button printed on a line of its own.
_NETWORKS = frozenset({"facebook", "zalo", "twitter", "youtube", "linkedin", "tiktok", "messenger",
                       "telegram", "instagram", "viber", "pinterest", "threads"})
_SHARED_TO = _NETWORKS | {"email", "x"}      # what a share row's "on", "qua" ... leads to
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'-]*\.?$")
# Academic and professional titles before a name: "PGS, TS.", "ThS.", "GS.TS."
_NAME_TITLES = ("GS", "PGS", "TS", "TSKH", "ThS", "NCS", "CN", "KS", "BS", "Ts", "Ths")
_NAME_TITLE = re.compile(r"^(?:(?:" + "|".join(_NAME_TITLES) + r")\b[.,]?\s*)+")
_AGENCY_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"
# ("/TTXVN", "- VNA", "/VOV1", or the agency's site: "/VOV.VN", "/DIEMTIN365.VN"; "Cần
# Thơ/TP.HCM" is a route)
_AGENCY_SUFFIX = re.compile(rf"\s*[/–-]\s*(?=[{_AGENCY_LETTERS}]{{2,}}\d?"
                            rf"(?:[{_AGENCY_LETTERS}0-9]*\.(?:VN|COM|NET|ORG|INFO))?\s*$)")
_WORD = re.compile(r"[^\W_]")
# Between the names of a byline of several authors: "Thu Hằng - Quang Vinh", "An, Bình và Chi".
# (A join that opens with spaces is tried only where they start, "(?<!\s)": tried inside a long
# run of spaces it scans the run's rest from each, in time growing with the run's square; a
# join ends past every space after it, so the next never starts inside a run either.)
_NAME_JOIN = re.compile(r"(?<!\s)\s+[-–]\s+|(?<!\s)\s+[,;&]\s*|[,;&]\s*|(?<!\s)\s+và\s+")


# A footnote's mark after an author's name, the note giving the affiliation: "TS. Khổng Thị
# Bích Ngọc (*)".
_FOOTNOTE_MARK = re.compile(r"\s*(?:\(\*{1,3}\)|\*{1,3})$")


def _without_agency(text: str) -> str:
    """``text`` up to an "/AGENCY" suffix or a footnote's mark ("(*)"), if it has one."""
    if text.endswith(("*", "*)")):
        text = _FOOTNOTE_MARK.sub("", text)
    # The suffix ends the text with two or more capitals: cheap to rule out before the search.
    end = text.rstrip()[-2:]
    if len(end) == 2 and end[0] in _AGENCY_LETTERS and end[1] in _AGENCY_LETTERS:
        return _AGENCY_SUFFIX.split(text)[0]
    return text


def _n_words(text: str) -> int:
    """Words of a line, not counting tokens without a letter or digit (bullets, dashes)."""
    return _count_words(text.split())


def _count_words(tokens: list[str]) -> int:
    """``_n_words`` of a line split into tokens."""
    # Every token is a word but those without a letter or digit, which are among the few
    # tokens not made of letters and digits only.
    no_word = itertools.filterfalse(_WORD.search, itertools.filterfalse(str.isalnum, tokens))
    return len(tokens) - len(list(no_word))


def is_name(text: str, several: bool = False) -> bool:
    """A byline: two to five capitalised words, no digits, optionally "/AGENCY"; with
    ``several``, also up to ``max_names`` (``[byline]`` of page_chrome.toml) such names joined
    by " - ", ",", "&" or "và" (which a line of place names or a short headline "Việt Nam -
    Hoa Kỳ" may look like too, so asked only right under a headline).

    Examples
    --------
    >>> is_name("Thanh Huyền"), is_name("Thanh Huyền/TTXVN"), is_name("Hội nghị bế mạc hôm nay")
    (True, True, False)
    >>> is_name("Thu Hằng - Quang Vinh"), is_name("Thu Hằng - Quang Vinh", several=True)
    (False, True)
    """
    rules = _compiled().rules
    name = _without_agency(text).strip()
    if name.startswith(_NAME_TITLES):          # else there is no title to take off
        name = _NAME_TITLE.sub("", name)
    low, high = rules.setting("byline", "min_words"), rules.setting("byline", "max_words")
    most, tokens = rules.setting("byline", "max_names"), len(name.split())
    # k names have at most k * high words and k - 1 joins, each at most one token ("-",
    # "và", ","): a longer line (a lead under its headline) is no byline, unsplit.
    if tokens > (most if several else 1) * (high + 1) - 1:
        return False
    names = _NAME_JOIN.split(name) if several and tokens > 2 else [name]
    if len(names) > most:
        return False
    for one in names:
        words = one.split()
        if len(one) > rules.setting("byline", "max_chars") or not low <= len(words) <= high \
                or not all(_NAME_WORD.match(w) and w[0].isupper() for w in words):
            return False
    return True


_CREDIT_ROLE = re.compile(r"^(?:by\b|bởi\b|btv|pv|ktv|phóng viên|biên tập viên|nội dung|"
                          r"bài và ảnh|bài,? ảnh|bài & ảnh|bài(?=\s*:)"
                          r"|(?:interview|interviewed|text|words|story|written|reporting|reported"
                          r"|compiled|edited|translated)(?: and (?:photos?|pictures?|images?))?"
                          r" by\b)\s*:?\s*"
                          r"|\s*\((?:thực hiện|ghi|lược ghi|tổng hợp)\)\s*$"
                          r"|(?-i:\s+(?:tổng hợp|thực hiện|ghi|lược ghi|biên dịch|lược dịch))\s*$"
                          r"|\s*[-–,/]\s*(?:ảnh|video|đồ họa|thiết kế)\s*:.*$", re.IGNORECASE)


def author_name(byline: str) -> str:
    """The name in a byline, without an "/AGENCY" suffix or a role ("PV", "By", "(thực hiện)").

    Examples
    --------
    >>> author_name("Thanh Huyền/TTXVN"), author_name("Gia Bảo (thực hiện)")
    ('Thanh Huyền', 'Gia Bảo')
    >>> author_name("By Thu Hang"), author_name("Byron Lee")
    ('Thu Hang', 'Byron Lee')
    >>> author_name("Bài: Mai Phương - Ảnh: Đinh Quang Hưng"), author_name("Bài, ảnh: Thu Hà")
    ('Mai Phương', 'Thu Hà')
    >>> author_name("Interview by Đoàn Bích Ngọc"), author_name("Text and photos by Lê An")
    ('Đoàn Bích Ngọc', 'Lê An')
    >>> author_name("Phóng viên Đò Ngang tổng hợp")
    'Đò Ngang'
    """
    return _CREDIT_ROLE.sub("", _without_agency(byline)).strip()


def source_in(text: str) -> str | None:
    """The agency or outlet a short "Theo ..." / "(Nguồn: ...)" line credits, or None.

    Examples
    --------
    >>> source_in("(Theo TTXVN)"), source_in("Theo ông Sơn, ngoại giao cần đi trước.")
    ('TTXVN', None)
    """
    compiled = _compiled()
    if len(text.split()) > compiled.rules.setting("source line", "max_words"):
        return None
    match = next((m for p in compiled.sources if (m := p.fullmatch(text))), None)
    if match is None or not match.groupdict().get("source"):
        return None
    source = match.group("source").strip()
    words = source.split()
    capitalised = sum(w[0].isupper() for w in words)
    return source if "." in source or capitalised * 2 >= len(words) else None


# --- the passes ------------------------------------------------------------------------------

@dataclass
class _Page:
    """The working state of the passes: the lines, their keys (``line_key``) and word counts
    (``_n_words``), each line's reason (None while the line is article text), and the
    headline's index once found."""

    numbers: list[int]
    texts: list[str]
    keys: list[str]
    words: list[int]
    reason: list[str | None]
    headline_at: int | None = None
    names: dict[tuple[int, bool], bool] = field(default_factory=dict)
    dump: bool = False          # saved by a text browser (``_text_browser_dump``)
    marked: str | None = None   # the headline as the page's markup marks it (its <h1>)

    def body(self) -> list[int]:
        return [i for i, r in enumerate(self.reason) if r is None and i != self.headline_at]

    def is_name(self, i: int, several: bool = False) -> bool:
        """``is_name`` of line ``i``, computed once (several passes ask)."""
        if (i, several) not in self.names:
            self.names[i, several] = is_name(self.texts[i], several)
        return self.names[i, several]


SHARE_ROW_TOKENS = 12       # at most this many tokens in a row of share buttons with counts


# Distinct lines whose facts are kept: a site prints the same furniture on every page.
LINE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def _line_facts(text: str, c: _Compiled) -> tuple[str, int, str | None]:
    """A line's key (``line_key``), word count (``_n_words``) and furniture reason, computed
    once per distinct line, from one split into tokens."""
    tokens = text.split()
    key, words = _key(tokens), _count_words(tokens)
    reason = _pattern_reason(text, tokens, key, words, c)
    if reason is None and text[:1] > "\x7f" and unicodedata.category(text[0]).startswith("S") \
            and (bare := _LEADING_SYMBOLS.sub("", text)) and bare != text \
            and (bare_reason := _line_facts(bare, c)[2]) in _ICON_REASONS:
        # an icon before a player's, a menu's or a counter's line ("⏱ Thời gian đọc: 5 phút",
        # "☆ Theo dõi ... trên Google News"); not before a list's items ("✅ Bình luận", "📅
        # Thời gian: 17/12/2023"), which may be anything
        reason = bare_reason
    return key, words, reason


# What a line with an icon before it may be (``_line_facts``).
_ICON_REASONS = frozenset({"media player", "navigation", "view counter"})


# Icons a page prints before a line: symbols ("☆", "⏱", "🔊", "📌", "✓"; not ASCII's: "|"
# opens a table's row), with the emoji joiners and variation selectors between them and spaces.
_LEADING_SYMBOLS = re.compile(r"^[^\w\s\"'“‘(\[«]+(?:\s+[^\w\s\"'“‘(\[«]+)*\s*")


def _pattern_reason(text: str, tokens: list[str], key: str, words: int,
                    c: _Compiled) -> str | None:
    """The reason a line is page furniture wherever it stands, or None (``tokens``: the line
    split at spaces; ``key`` and ``words``: its ``line_key`` and ``_n_words``)."""
    if match := c.combined.fullmatch(text):
        # The named alternative closes after any group inside it, so it is the last group.
        return c.group_reason[match.lastgroup or ""]
    # Buttons are separated by spaces or "|" (``_all_buttons``).
    buttons = text.replace("|", " ").split() if "|" in text else tokens
    if buttons and _all_buttons(buttons, c) \
            and (len(buttons) >= 2 or buttons[0].lower() in _NETWORKS):
        return "social buttons"
    # ... with their counts and icons: "Chia sẻ ♡ 27 💬 4" (tokens without a letter aside; a
    # row of buttons is short), not with a date ("19/12/2023 08:30 | Chia sẻ": a dateline)
    if len(buttons) <= SHARE_ROW_TOKENS and not all(map(str.isalpha, buttons)):
        named = [b for b in buttons if any(map(str.isalpha, b))]
        if 2 <= len(named) < len(buttons) and _all_buttons(named, c) \
                and parse_full_date(text) is None:
            return "social buttons"
    if c.byline_patterns is not None and c.byline_patterns.fullmatch(text):
        return "byline"
    if len(buttons) <= c.rules.setting("dateline", "max_words") and (
            parse_dateline(text)
            or (_CLOCK.search(text) and parse_full_date(text)
                and _beside_date(text, words, c) <= c.rules.setting("dateline",
                                                                    "max_words_with_source"))
):
        return "dateline"
    if key in c.related_headings or (
            c.related_heading_patterns is not None and len(buttons) <= 8
            and c.related_heading_patterns.fullmatch(key)):
        return "related heading"
    if len(buttons) <= c.rules.setting("photo caption", "max_words"):
        low = text.casefold()
        if any(word in low for word in c.caption_words) and c.caption_end.search(text):
            return "photo caption"
    if len(tokens) <= ROW_TOKENS and ("  " in text or "\t" in text or "|" in text):
        return _row_reason(text, c)
    return None


# Between the parts of a dateline ("Đăng bởi: Phòng Truyền thông - 14:20, 11/01/2024 - Lượt
# xem: 214").
_DATELINE_PART = re.compile(r"\s+[-–—|·•]\s+|\s*\t\s*|\s{2,}")


def _beside_date(text: str, words: int, c: _Compiled) -> int:
    """The words of a line with a full date and a clock (of ``words`` words) that are not its
    counters or buttons: a part that is a view counter or share buttons on its own line
    ("Lượt xem: 214") is the dateline's, not a source's name beside the date. Parts are " - ",
    " | ", " · ", a tab or two spaces apart; read only when the line is longer than a source's
    name and a date would be."""
    if words <= c.rules.setting("dateline", "max_words_with_source"):
        return words
    parts = _DATELINE_PART.split(text)
    if len(parts) < 2:
        return words
    return sum(_count_words(part.split()) for part in _not_extras(parts, c))


def _dated_row(text: str, c: _Compiled) -> bool:
    """Whether ``text`` is a date, then "|" and the post's sections or author, a blog's row:
    "17 Tháng Mười Hai, 2021 | Tin tức, Tin vắn" (no more words after the date than a source's
    name beside it has, no sentence; not a site's clock with its weather, hotline or login:
    "Thứ Hai, 20/12/2021 | Hà Nội 17°C", "... | Đường dây nóng: ... | Đăng nhập")."""
    date, _, rest = text.partition("|")
    if parse_dateline(date) is None or PARAGRAPH_END.search(rest) or "°" in rest:
        return False
    return all(_line_facts(part, c)[2] in _DATELINE_EXTRAS | {None}
               for part in map(str.strip, rest.split("|")) if part) and (
        _count_words(rest.replace("|", " ").split())
        <= c.rules.setting("dateline", "max_words_with_source"))


def _not_extras(parts: list[str], c: _Compiled) -> list[str]:
    """The parts of a dateline's row that are not its counters or buttons, which on a line of
    their own are a view counter or share buttons ("Lượt xem: 214"): ``_DATELINE_EXTRAS``."""
    return [part for part in parts if _line_facts(part, c)[2] not in _DATELINE_EXTRAS]


def _source_dateline(page: _Page, end: int, c: _Compiled) -> None:
    """Between the headline and the article (line ``end``), an outlet's or office's name beside
    a date without a clock (``_source_and_date``), a portal's posting row (``_posting_row``), a
    blog's date and sections (``_dated_row``) or its date and poster (``_dated_by``) is the
    dateline; only there: elsewhere such a line is a ticker's or a timeline's item ("Hội nghị
    Cấp cao APEC - 15/11/2023", "19/12/2023 | Phiên khai mạc")."""
    if page.headline_at is None:
        return
    for i in range(_under_headline(page), end):
        if page.reason[i] is not None:
            continue
        text = page.texts[i]
        if (page.words[i] <= c.rules.setting("dateline", "max_words_with_source")
                and _source_and_date(text)) or _posting_row(text, c) \
                or ("|" in text and _dated_row(text, c)) or _dated_by(text):
            page.reason[i] = "dateline"


# A blog's posting line: "Posted on December 19, 2021 by admin", "Đăng ngày 19/12/2021 bởi
# Ban biên tập".
_DATED_BY = re.compile(r"^(?P<date>.{6,60}?)\s+(?:by|bởi)\s+[^\d.!?|]{1,40}$", re.IGNORECASE)


def _dated_by(text: str) -> bool:
    """Whether ``text`` is a date (a dateline's, ``parse_dateline``) and who posted it."""
    m = _DATED_BY.match(text)
    return m is not None and parse_dateline(m["date"]) is not None


def _source_and_date(text: str) -> bool:
    """A source's name and a date, apart (" · ", " - ", " | "), without a clock: an outlet's
    or an office's name ("Báo Kim Đài điện tử · 19/12/2018", ``_SOURCE_NAME``), or any name
    beside a date labelled as the posting ("Đăng ngày 17/12/2021 - Ban Truyền thông Khoa");
    at most ``SOURCE_NAME_WORDS`` words, a capital first, no digit or sentence end (asked only
    right under a headline, ``_source_dateline``; not a timeline's item, "Khai mạc Hội nghị
    Ngoại giao - 19/12/2023")."""
    if not _FOUR_DIGITS.search(text):
        return False
    parts = _DATELINE_PART.split(text.strip())
    if len(parts) != 2:
        return False
    return any(parse_dateline(date) and name[:1].isupper()
               and (_SOURCE_NAME.match(name) or _POSTED.match(date))
               and len(name.split()) <= SOURCE_NAME_WORDS
               and not any(map(str.isdigit, name)) and not PARAGRAPH_END.search(name)
               for date, name in (parts, parts[::-1]))


def _posting_row(text: str, c: _Compiled) -> bool:
    """A row of labelled cells about the posting, " | ", " · " or a tab apart: the date it was
    posted ("Ngày đăng: 15/12/2021") and who posted or wrote it ("Người đăng: Phòng Hành chính
    - Tổng hợp", "Tác giả: ..."), besides counters and buttons ("Lượt xem: 187"), as a portal
    prints under its headline (asked only there, ``_source_dateline``)."""
    cells = _not_extras(_POSTING_CELL.split(text.strip()), c)
    dates = [cell for cell in cells if _POSTED.match(cell) and parse_dateline(cell)]
    return len(cells) >= 2 and len(dates) == 1 and all(
        cell is dates[0] or (_POSTER.match(cell) and len(cell.split()) <= POSTER_CELL_WORDS
                             and not PARAGRAPH_END.search(cell))
        for cell in cells)


_POSTING_CELL = re.compile(r"\s+[|·•]\s+|\s*\t\s*")
_POSTER = re.compile(r"(?:người đăng|đăng bởi|người viết|tác giả|biên tập|người cập nhật"
                     r"|posted by|author)\s*:?\s*\S", re.IGNORECASE)
POSTER_CELL_WORDS = 10


# An outlet's or an office's name: "Báo ...", "Tạp chí ...", "Đài Phát thanh ...", "Cổng thông
# tin ...", "Sở Ngoại vụ ...", "Bộ Ngoại giao", "UBND tỉnh ..."; a date labelled as the posting.
_SOURCE_NAME = re.compile(r"(?:báo|tạp chí|đài (?:phát thanh|truyền hình|tiếng nói)|"
                          r"cổng thông tin|trang (?:thông )?tin|sở|bộ ngoại giao|ubnd|"
                          r"ủy ban nhân dân|văn phòng|đại sứ quán|tổng lãnh sự quán)\s+\S",
                          re.IGNORECASE)
_POSTED = re.compile(r"(?:đăng|ngày đăng|đăng ngày|đăng lúc|posted|published)\b", re.IGNORECASE)
SOURCE_NAME_WORDS = 6
_FOUR_DIGITS = re.compile(r"\d{4}")


# What a dateline's row may hold beside the date and a name (``_beside_date``).
_DATELINE_EXTRAS = frozenset({"view counter", "social buttons"})


# A row of a page's widgets copied onto one line, its cells two spaces or more, a tab or a "|"
# apart ("Lượt xem: 1.245   Cỡ chữ  A-  A+   🖨 In   ✉ Gửi email", "Trang chủ  Thời sự  Kinh tế
# Quốc tế"): at most ROW_TOKENS tokens; a menu row has at least MENU_ROW_CELLS cells.
ROW_TOKENS = 30
MENU_ROW_CELLS = 4
# Above the article, a menu row's cells hold at most ``max_words`` of ``[menu]``, or
# MENU_CELL_WORDS words for names joined by dashes ("Quốc phòng - An ninh - Đối ngoại"), the
# row at most MENU_ROW_TOKENS tokens.
MENU_CELL_WORDS = 6
MENU_ROW_TOKENS = 80
_CELL_GAP = re.compile(r"\s*(?:\t|\|)\s*|\s{2,}")


def _row_reason(text: str, c: _Compiled) -> str | None:
    """The reason a row of cells is furniture: every cell is, on its own line, or is a button
    (icons and counts aside, a word or two of the share row's: "🖨 In", "Thích 128"), or, beside
    a date, a name ("By Ngo Thanh Tam | Tuesday, December 14, 2021 - 19:45": a byline): the
    cells' reason when they share one, else "dateline" when a cell is one (the row's date is
    what a dateline gives: "21/12/2023 19:40  |  Chia sẻ  |  In bài"), else "widget row"; or a
    menu ("navigation", ``_menu_row``).

    Examples
    --------
    >>> c = _compiled()
    >>> _row_reason("Lượt xem: 1.245   Cỡ chữ  A-  A+   🖨 In", c), _row_reason("Fb  Zalo", c)
    ('widget row', 'social buttons')
    >>> _row_reason("Trang chủ  Thời sự  Kinh tế  Quốc tế", c)
    'navigation'
    >>> _row_reason("Hà Nội, 19/12  Hội nghị khai mạc.  Các đại biểu dự họp.", c) is None
    True
    """
    cells = [cell for cell in _CELL_GAP.split(text.strip()) if cell]
    if len(cells) < 2:
        return None
    reasons = [_line_facts(cell, c)[2] or ("social buttons" if _buttons(cell, c) else None)
               for cell in cells]
    if "dateline" in reasons:       # an author's name beside the date
        reasons = [reason or ("byline" if is_name(author_name(cell), several=True) else None)
                   for reason, cell in zip(reasons, cells, strict=True)]
    if all(reasons):
        distinct = set(reasons)
        return (reasons[0] if len(distinct) == 1 else "dateline" if "dateline" in distinct
                else "widget row")
    if _menu_row(text, cells, c):
        return "navigation"
    return None


def _menu_row(text: str, cells: list[str], c: _Compiled, above: bool = False) -> bool:
    """Whether a row of ``cells`` is a menu: MENU_ROW_CELLS cells or more, spaces or "|" apart
    (cells a tab apart, or a row opening with "|", are a table's), each with a capital and no
    sentence end, and each a name of at most three words without a digit; or, ``above`` the
    article (``menu_pass``: where a row of cells is no table's), each a section's name of at
    most ``max_words`` of ``[menu]`` ("Văn hóa - Xã hội"; ``MENU_CELL_WORDS`` joined by
    dashes, "Quốc phòng - An ninh - Đối ngoại"), at most one with a digit ("Hà Nội 360°"),
    none with a date or clock."""
    if len(cells) < MENU_ROW_CELLS or "\t" in text or text.startswith("|") or not all(
            cell[:1].isupper() and not PARAGRAPH_END.search(cell) for cell in cells):
        return False
    if not above:
        return all(len(cell.split()) <= 3 and not any(map(str.isdigit, cell)) for cell in cells)
    return all(_n_words(cell) <= c.rules.setting("menu", "max_words")
               or (_n_words(cell) <= MENU_CELL_WORDS and " - " in cell) for cell in cells) \
        and sum(any(map(str.isdigit, cell)) for cell in cells) <= 1 \
        and not _CLOCK.search(text) and parse_full_date(text) is None


# Buttons a row of the article's tools holds besides the share row's (not on a line of their
# own, where "Trở về" may be a feature's subheading).
_ROW_BUTTONS = frozenset({"quay lại", "trở về", "trở lại", "về đầu trang", "lên đầu trang",
                          "đầu trang", "back", "back to top", "top", "quan tâm", "nhắn tin",
                          "theo dõi", "follow"})


def _buttons(cell: str, c: _Compiled) -> bool:
    """Whether a cell is a button: a word or two of a share row's, with icons or a count, or a
    row's "Quay lại" (``_ROW_BUTTONS``)."""
    named = [b for b in cell.split() if any(map(str.isalpha, b))]
    return (0 < len(named) <= 2 and _all_buttons(named, c)) \
        or " ".join(named).lower() in _ROW_BUTTONS


def _all_buttons(row: list[str], c: _Compiled) -> bool:
    """Whether every token of ``row`` is a share row's: a button's word (a label's colon aside:
    "Share: Facebook") or a connector between a share word and a network (``_joins_share``).
    Each token is lower-cased only when read (the test usually stops at the first)."""
    return all(b.lower().rstrip(":") in c.social_tokens
               or (b.lower() in c.share_connectors and _joins_share(row, i, c))
               for i, b in enumerate(row))


def _joins_share(row: list[str], i: int, c: _Compiled) -> bool:
    """Whether the connector ``row[i]`` stands between a share word and a network or "email"
    ("Share on Facebook", "Chia sẻ qua Zalo")."""
    return 0 < i < len(row) - 1 and row[i - 1].lower() in c.share_words \
        and row[i + 1].lower().rstrip(":") in _SHARED_TO


def is_dateline(text: str) -> bool:
    """Whether cleaning removes the line ``text`` as a dateline wherever it stands: a date,
    weekday, time and zone only, or a short line with a full date and a clock beside a name
    (``[dateline]`` of page_chrome.toml), and no other furniture pattern takes it first.

    Examples
    --------
    >>> is_dateline("10:08 | 13/12/2021"), is_dateline("Vũ Thanh Tùng Thứ Bảy, 23/12/2023 - 18:30")
    (True, True)
    >>> is_dateline("Sáng 23/12, Hội nghị Ngoại giao lần thứ 32 đã bế mạc.")
    False
    """
    return _reason_wherever(text) == "dateline"


def _reason_wherever(text: str) -> str | None:
    """The reason cleaning removes one line ``text`` wherever it stands (``_line_facts``),
    or None (also for text of several lines)."""
    line = normalize_text(text).strip()
    return None if "\n" in line else _line_facts(line, _compiled())[2]


def opens_zone(text: str) -> bool:
    """Whether cleaning reads the line ``text`` as the heading of a zone below the body (what
    follows it is related news, readers' comments, a poll or after an article's end:
    ``ZONE_OPENERS``).

    Examples
    --------
    >>> opens_zone("Các tin khác"), opens_zone("THĂM DÒ Ý KIẾN"), opens_zone("Lịch công tác")
    (True, True, False)
    """
    return _reason_wherever(text) in ZONE_OPENERS


def never_headline(text: str) -> bool:
    """Whether ``text`` is a line the rules never take for a headline: a masthead's slogan, a
    banner, a series' label (``not_patterns`` of ``[headline]`` in page_chrome.toml).

    Examples
    --------
    >>> never_headline("Chuyên đề: Hội nghị Ngoại giao lần thứ 32")
    True
    """
    c = _compiled()
    return c.not_headline is not None and c.not_headline.fullmatch(normalize_text(text).strip()) \
        is not None


def classify_pass(page: _Page, c: _Compiled) -> None:
    """Lines that are furniture wherever they stand: menus, comment boxes, datelines, credits."""
    page.reason = [_line_facts(t, c)[2] for t in page.texts]


def link_list_pass(page: _Page, c: _Compiled) -> None:
    """On a text browser's dump, its list of the links' addresses and the list's heading are
    navigation."""
    if page.dump:
        for i, text in enumerate(page.texts):
            if page.reason[i] is None and (_LINK_LIST_ITEM.fullmatch(text)
                                           or _LINK_LIST_HEADING.fullmatch(text)):
                page.reason[i] = "navigation"


_SENTENCE_FINAL = re.compile(r"[.!?…:;][\"”’)\]]*$")
_CLOCK = re.compile(r"\b\d{1,2}\s*[:h]\s*\d{2}\b")
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s|^\s*[•·▪►▸■□◆*]")


def _is_paragraph(text: str, words: int, c: _Compiled) -> bool:
    """A line of running text (of ``words`` words): longer than a headline, or a sentence of
    several words."""
    return words > c.rules.setting("headline", "max_words") or (
        words >= c.rules.setting("headline", "min_words")
        and bool(PARAGRAPH_END.search(text))
        and not text.endswith(":"))


def _headline_like(text: str, words: int, c: _Compiled) -> bool:
    """Could be a headline (of ``words`` words): headline length, not a sentence, not a menu,
    clock or masthead."""
    low, high = c.rules.setting("headline", "min_words"), c.rules.setting("headline", "max_words")
    if not low <= words <= high:
        return False
    return (not text.rstrip().endswith((".", ":", ";", ","))
            and not (in_capitals(text)                                     # a masthead
                     and words < c.rules.setting("headline", "caps_min_words"))
            and not _MENU_SEPARATOR.search(text)
            and not (_CLOCK.search(text) or parse_full_date(text))          # a clock or dateline
            and not (c.not_headline is not None and c.not_headline.fullmatch(text)))


def menu_pass(page: _Page, c: _Compiled) -> None:
    """Above the article, rows of section names are menus (``_menu_row``), and so are runs of
    several short free lines ("Thời sự", "Kinh tế", "Văn hóa - Xã hội", ...): a headline stands
    alone between furniture and the lead."""
    _player_times(page)
    _button_column(page, c)
    headline_seen = False
    for i, text in enumerate(page.texts):
        if page.reason[i] is not None:
            continue
        tokens = len(text.split())
        if ("  " in text or "|" in text) \
                and tokens <= (ROW_TOKENS if headline_seen else MENU_ROW_TOKENS) \
                and _menu_row(text, [cell for cell in _CELL_GAP.split(text) if cell], c, True):
            # (a long one, which would pass for a paragraph, only above any line that may be
            # the headline: under one, a caption's row of names)
            page.reason[i] = "navigation"
        elif _is_paragraph(text, page.words[i], c):
            break                           # the article's first paragraph
        else:
            headline_seen = headline_seen or _headline_like(text, page.words[i], c)
    anchor = _anchor(page, c)
    limit = c.rules.setting("menu", "max_words")
    run: list[int] = []
    for i in range(anchor if anchor is not None else len(page.texts)):
        if page.reason[i] is None and page.words[i] <= limit \
                and not _SENTENCE_FINAL.search(page.texts[i]):
            run.append(i)
            continue
        if page.reason[i] is None or page.reason[i] == "":
            _close_menu(page, run, c)
            run = []
    _close_menu(page, run, c)
    _section_labels(page, anchor if anchor is not None else len(page.texts), c)


# A clock time alone on a line: "00:00", "03:12", "1:05:30"
_BARE_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
BARE_TIME_CHARS = 8


def _player_times(page: _Page) -> None:
    """A player's elapsed and total time, each alone on a line ("00:00" over "03:12"), or one
    beside its controls ("Tự động phát"): a bare time next to a player's line, or a start
    ("0:00", "00:00") and a time next to each other, is the player's (a live blog's time
    stands over its entry's text, and a programme's "08:00" over "09:30" starts no player:
    both stay)."""
    times = [page.reason[i] is None and len(text) <= BARE_TIME_CHARS
             and _BARE_TIME.fullmatch(text) is not None for i, text in enumerate(page.texts)]
    start = [bare and page.texts[i].strip("0:") == "" for i, bare in enumerate(times)]
    for i, bare in enumerate(times):
        if bare and any(0 <= j < len(times) and (page.reason[j] == "media player"
                                                 or (times[j] and (start[i] or start[j])))
                        for j in (i - 1, i + 1)):
            page.reason[i] = "media player"
    # ... and its title over it, under the article's dateline or byline ("Video: Phỏng vấn
    # Đại sứ ..." over "00:00 / 06:42"): a headline stands above its dateline
    for i in range(1, len(page.texts) - 1):
        if page.reason[i] is None and page.reason[i + 1] == "media player" \
                and page.reason[i - 1] in ("dateline", "byline") \
                and _PLAYER_TITLE.match(page.texts[i]):
            page.reason[i] = "media player"


# A player's title: "Video: ...", "Clip: ...", "Audio: ...", "Podcast: ..."
_PLAYER_TITLE = re.compile(r"(?:video|clip|audio|podcast)\s*:\s*\S", re.IGNORECASE)


BUTTON_CHARS = 12    # at most this long, a line may be a button's word or a share label
# A share button's word alone on a line: "Share", "Tweet", "Email", "Print", "Facebook"
_BUTTON_WORDS = _NETWORKS | {"share", "tweet", "email", "e-mail", "print", "copy", "like",
                             "save", "embed", "thích", "lưu", "in"}


def _button_column(page: _Page, c: _Compiled) -> None:
    """Share buttons printed one a line ("Share" / "Tweet" / "Email" / "Print", "Chia sẻ:" /
    "f" / "Zalo" / "Link"): a button's word alone on a line, next to another, and any button's
    token alone next to a social button or a share label, is a social button (alone, "Email"
    may be a form's label, "In" a word, "Link" or "Video" a subheading)."""
    # a button's token or label is short: only such lines are lower-cased
    tokens = [text.strip(" :").lower() if len(text) <= BUTTON_CHARS else ""
              for text in page.texts]

    def token(i: int) -> str:
        return tokens[i] if 0 <= i < len(tokens) else ""

    def button(i: int) -> bool:
        return page.reason[i] == "social buttons" or token(i) in c.share_words \
            or token(i) == "chia sẻ"

    for i in range(len(page.texts)):
        if page.reason[i] is not None or not tokens[i] or " " in tokens[i]:
            continue
        word = token(i) in _BUTTON_WORDS and any(token(j) in _BUTTON_WORDS
                                                 for j in (i - 1, i + 1))
        beside = token(i) in c.social_tokens and any(0 <= j < len(page.texts) and button(j)
                                                     for j in (i - 1, i + 1))
        if word or beside:
            page.reason[i] = "social buttons"


def _section_labels(page: _Page, end: int, c: _Compiled) -> None:
    """A free line above line ``end`` that repeats an item of a menu above it, and is long
    enough to pass for a headline, is the section's name printed over the article ("Phóng sự -
    Ghi chép" under a menu row holding it): a section label, never the headline. (Shorter
    lines above the headline are labels and kickers already, ``headline_pass``.)"""
    items: set[str] = set()
    shortest = c.rules.setting("headline", "min_words")
    for i in range(end):
        if page.reason[i] is None and page.keys[i] in items \
                and shortest <= page.words[i] <= c.rules.setting("menu", "max_words"):
            page.reason[i] = "section label"
        elif page.reason[i] == "menu":
            items.add(page.keys[i])
        elif page.reason[i] == "navigation":
            cells = [cell for cell in _CELL_GAP.split(page.texts[i]) if cell]
            if len(cells) >= MENU_ROW_CELLS:
                items.update(map(line_key, cells))


def _close_menu(page: _Page, run: list[int], c: _Compiled) -> None:
    if len(run) >= c.rules.setting("menu", "min_lines"):
        for i in run:
            page.reason[i] = "menu"


def _anchor(page: _Page, c: _Compiled) -> int | None:
    """The first free line of running text: where the article's body begins."""
    return next((i for i, r in enumerate(page.reason)
                 if r is None and _is_paragraph(page.texts[i], page.words[i], c)), None)


def _nearest_headline(page: _Page, end: int, c: _Compiled) -> int | None:
    """Walk up from ``end``: skip bylines and the affiliation under one, stop at a menu (what
    stands above a site's menu is its header, not an article's headline). A headline-like
    line under a name is the headline only when no other line can be (a site's name in two
    capitalised words, "Báo Mẫu", reads as a byline)."""
    fallback = None     # a line of names or in capitals, taken when no other line fits
    under_name = None   # a headline-like line under a name: an affiliation, or a headline
    #                     under a site's or a document's name; taken last
    under_site = None   # ... under the page's first line, a name that is the site's ("Tuổi
    #                     Trẻ", "Người Lao Động"), the role or institution of none: taken then
    for i in range(end - 1, -1, -1):
        if page.reason[i] in HEADER_STOPS:
            break
        if page.reason[i] is not None:
            continue
        if page.is_name(i):
            continue
        if i > 0 and page.reason[i - 1] is None and ((
                page.is_name(i - 1) and not _OUTLET_NAME.search(page.texts[i - 1])) or (
                _AFFILIATION.match(page.texts[i]) and page.is_name(i - 1, several=True)
                and i > 1 and page.reason[i - 2] is None
                and _headline_like(page.texts[i - 2], page.words[i - 2], c))):
            if (under_name is None or under_site is None) \
                    and _headline_like(page.texts[i], page.words[i], c) \
                    and not in_capitals(page.texts[i]):
                if under_name is None and _laid_out(page, i):
                    under_name = i  # laid out as a headline: its dateline or byline under it
                elif under_site is None and not _AFFILIATED.match(page.texts[i]) \
                        and all(r is not None for r in page.reason[:i - 1]):
                    under_site = i
            continue
        if _headline_like(page.texts[i], page.words[i], c):
            if not (page.is_name(i, several=True) or in_capitals(page.texts[i])):
                if (above := _above_part_link(page, i, c)) != i:
                    return above
                at = _above_deck(page, i, c)
                return _above_sapo(page, i, end, c) if at == i else at
            fallback = i if fallback is None else fallback
    if fallback is not None:
        return fallback
    return under_name if under_name is not None else under_site


# A link to another part of a series with that part's title ("Kỳ 1: Ba chuyến bay ...", "Bài
# 2 - ...", "Part 1: ..."), which a series' later part prints under its own headline and
# dateline, over a recap of the part before.
_PART_LINK = re.compile(r"^(?:kỳ|phần|bài|part)\s+(?:\d{1,2}|[ivx]{1,4}|trước|cuối|last)\s*"
                        r"[:.–-]\s*\S", re.IGNORECASE)


def _above_part_link(page: _Page, i: int, c: _Compiled) -> int:
    """The headline over the line ``i`` when ``i`` is a link to another part of a series
    (``_PART_LINK``) under a dateline: the nearest free line above that dateline, when it has
    a headline's shape (only removed lines, a dateline among them, in between); else ``i``.
    A series' part whose headline is "Kỳ 1: ..." prints its own dateline or byline under it
    (over a ticker's or a clock's dateline, which must not lend it another headline); a link
    has the recap under it."""
    if not _PART_LINK.match(page.texts[i]):
        return i
    if i + 1 < len(page.texts) and page.reason[i + 1] in ("dateline", "byline"):
        return i    # its own dateline or byline under it: a series part's own headline
    dated = False
    for j in range(i - 1, -1, -1):
        if page.reason[j] in HEADER_STOPS:
            return i
        if page.reason[j] is not None:
            dated = dated or page.reason[j] == "dateline"
            continue
        if dated and _headline_like(page.texts[j], page.words[j], c) \
                and not (page.is_name(j, several=True) or in_capitals(page.texts[j])):
            return j
        return i
    return i


# An outlet's name, which is capitalised as a person's is ("Báo Bắc Giang", "Vietnam Times"):
# a line under it is no affiliation under a byline (a site prints its name over the headline).
_OUTLET_NAME = re.compile(r"^(?:Báo|Tạp chí|Đài|Cổng|Trang tin|Truyền hình|Thông tấn|Tuần báo"
                          r"|Nhật báo)\b|\b(?:Times|News|Review|Post|Daily|Online|Magazine"
                          r"|Herald|Tribune|Journal|Weekly|Express|Network|Plus|TV|Radio)$")


# An institution an author belongs to, printed under a byline of several names ("Đào Mai Anh -
# Trương Thị Hằng" over "Viện Nghiên cứu Chiến lược, Học viện Ngoại giao") under a headline (a
# headline under a byline, "Học viện Ngoại giao tổ chức tọa đàm ...", has none above it).
_AFFILIATION = re.compile(r"(?:Viện|Học viện|Trường (?:Đại học|Cao đẳng|Chính trị|Sĩ quan)|Đại "
                          r"học|Khoa (?!học)|Trung tâm|Tạp chí|University|Institute|Academy"
                          r"|Faculty|Department|Centre|Center|School)\b")


# The author's role or institution under a name ("Nghiên cứu viên, Viện ...", "Giảng viên Học
# viện Ngoại giao"): under the page's first line, any other headline-like line is a headline
# under the site's name (``_nearest_headline``).
_AFFILIATED = re.compile(_AFFILIATION.pattern + r"|(?:Giảng viên|Nghiên cứu viên|Nghiên cứu sinh"
                         r"|Chuyên gia|Giáo sư|Phó Giáo sư|PGS|GS|TS|ThS|Tiến sĩ|Thạc sĩ|Cựu"
                         r"|Researcher|Research fellow|Lecturer|Professor|Associate Professor)\b")


def _laid_out(page: _Page, i: int | None) -> bool:
    """Whether line ``i`` stands as a headline does, its dateline or byline right under it (or
    under its second line, ``HEADLINE_CONTINUED``)."""
    if i is None:
        return False
    below = _under(page, i)
    return below < len(page.texts) and page.reason[below] in ("dateline", "byline")


def _under(page: _Page, i: int) -> int:
    """The line right under line ``i``, past its second line when ``i`` is a headline set on
    two (``HEADLINE_CONTINUED``)."""
    below = i + 1
    return below + 1 if below < len(page.reason) and page.reason[below] == HEADLINE_CONTINUED \
        else below


def _under_headline(page: _Page) -> int:
    """The line right under the headline (``_under``)."""
    return _under(page, page.headline_at or 0)


# How many free lines below a box of running text above the headline (a notice, a teaser) the
# headline may stand.
BOX_LINES = 3


def _headline_below_box(page: _Page, anchor: int, c: _Compiled) -> tuple[int, int] | None:
    """When the first line of running text is a box above the article (a notice, a banner, a
    teaser: "THÔNG BÁO: Đại sứ quán tổ chức chiêu đãi ..."), the article's first paragraph and
    its headline below it: a headline-like line within BOX_LINES free lines, laid out as one
    (``_laid_out``: its dateline or byline right under it), then two paragraphs of running
    text (one is a reader's comment under its author's name and time). The free lines between
    must be short (a section's name), so a lead followed by the article is never taken for a
    box."""
    seen = 0
    for i in range(anchor + 1, len(page.texts)):
        if page.reason[i] is not None:
            continue
        seen += 1
        if seen > BOX_LINES or _is_paragraph(page.texts[i], page.words[i], c):
            return None
        if _headline_like(page.texts[i], page.words[i], c) and _laid_out(page, i) \
                and not page.is_name(i):
            after = list(itertools.islice(
                (j for j in range(i + 1, len(page.texts)) if page.reason[j] is None), 2))
            if len(after) == 2 and all(_is_paragraph(page.texts[j], page.words[j], c)
                                       for j in after):
                return after[0], i
            return None
    return None


def _above_sapo(page: _Page, i: int, end: int, c: _Compiled) -> int:
    """The headline when line ``i``, the nearest line of headline shape above the first
    paragraph (``end``), is the article's sapo printed without its full stop ("Từ Hội nghị
    Ngoại giao lần thứ 32 nghĩ về hàng trăm nghìn lao động Việt đang làm việc xa quê"): the
    free line above it is of headline shape and shorter, both of ``[deck]`` ``min_words`` words
    or more, and either the author's byline stands between them, with or without the dateline
    ("Bảo hộ công dân: ..." / "Lê Thục Anh" / "26/12/2023 06:00" / the sapo), or the page
    starts with it and the sapo right under it is twice as long as a deck's least (a page saved
    without its chrome). Not a banner, slogan, caption or teaser above a headline (no byline
    between them), nor a headline's second line (``_goes_on``), nor a headline laid out with
    its own dateline under it (``_laid_out``). Else ``i``. The sapo stays free, in the body."""
    least = c.rules.setting("deck", "min_words")
    if any(page.reason[k] is None for k in range(i + 1, end)) or page.words[i] < least \
            or _laid_out(page, i) or _goes_on(page.texts[i]):
        return i
    j, named = i - 1, False
    while j >= 0 and (page.reason[j] in ("dateline", "byline", "social buttons")
                      or (page.reason[j] is None and page.is_name(j))):
        named = named or page.reason[j] in ("byline", None)
        j -= 1
    if j < 0 or not least <= page.words[j] < page.words[i] or not _stands_as_headline(page, j, c):
        return i
    if not named and not (j == 0 and i == 1 and page.words[i] >= 2 * least):
        return i
    if j > 0 and (page.reason[j - 1] == "related heading" or (
            page.reason[j - 1] is None and page.words[j - 1] > c.rules.setting("deck",
                                                                               "tag_words"))):
        return i        # a teaser under "Đọc nhiều", a banner under a longer line
    return j


# Between a banner's text and its button: a tab, " | " or three spaces or more (two may be a
# stray double space in a headline, after its colon).
_BANNER_GAP = re.compile(r"\t|\s\|\s|\s{3,}")


def _stands_as_headline(page: _Page, j: int, c: _Compiled) -> bool:
    """Whether line ``j``, above a deck or a sapo (``_above_deck``, ``_above_sapo``), may be
    their headline: free, of headline shape, not a banner and its button (``_BANNER_GAP``), a
    line of names or a line in capitals."""
    return page.reason[j] is None and _headline_like(page.texts[j], page.words[j], c) \
        and not _BANNER_GAP.search(page.texts[j]) \
        and not page.is_name(j, several=True) and not in_capitals(page.texts[j])


def _above_deck(page: _Page, i: int, c: _Compiled) -> int:
    """The headline when line ``i`` is its deck (``[deck]`` of page_chrome.toml): the line
    right above it, free and of headline shape, both of ``min_words`` words or more, laid out
    as a headline and deck are: the pair under the page's furniture or a short tag, the deck
    over the byline or dateline; the line above not a row of cells (a banner and its button,
    "Mở ứng dụng để xem truyền hình trực tiếp   TẢI APP"). Else ``i``. The deck is then
    removed as such."""
    j, least = i - 1, c.rules.setting("deck", "min_words")
    if j < 0 or min(page.words[i], page.words[j]) < least or not _stands_as_headline(page, j, c):
        return i
    if j > 0:
        above = page.reason[j - 1]
        if above == "related heading" \
                or (above is None and (page.words[j - 1] > c.rules.setting("deck", "tag_words")
                                       or page.is_name(j - 1))):
            return i    # a teaser under "Đọc nhiều", an affiliation under a byline, a banner
    k = i + 1
    if k >= len(page.texts) or not (page.reason[k] in ("byline", "dateline")
                                    or page.is_name(k, several=True)):
        return i
    page.reason[i] = "deck"
    return j


HEADLINE_CONTINUED = "headline continued"


def _continued_headline(page: _Page, i: int | None, c: _Compiled) -> int | None:
    """The headline's first line when line ``i`` (the headline found, or the deck under it)
    goes on from the line above: a headline set on two lines, the second opening in lower case
    ("Hội nghị Ngoại giao lần thứ 31 và con đường" / "từ ngoại giao vắc-xin đến ngoại giao
    phục hồi"), the first free, of headline shape and not ending a sentence or a clause; or
    when the headline's last words, in lower case, two or more and printed nowhere else on the
    page (not a section's name, "thời sự"), stand on a line of their own right under it with
    its dateline or byline (a credit, or the author's name) under them (a centred headline a
    text browser wrapped). The
    second line is then removed as ``HEADLINE_CONTINUED`` (``clean_article`` joins them)."""
    if i is None:
        return None
    below = i + 1
    if below < len(page.texts) and page.reason[below] == "deck" \
            and _goes_on(page.texts[below]):
        page.reason[below] = HEADLINE_CONTINUED     # not a deck: the headline's second line
        return i
    if below + 1 < len(page.texts) and page.reason[below] is None \
            and 2 <= page.words[below] < c.rules.setting("headline", "min_words") \
            and _goes_on(page.texts[below]) and not _SENTENCE_FINAL.search(page.texts[i]) \
            and (page.reason[below + 1] in ("dateline", "byline")
                 or (page.reason[below + 1] is None and page.is_name(below + 1, several=True))) \
            and page.keys.count(page.keys[below]) == 1:
        # a headline's last words on a line of their own, its dateline under them (a centred
        # headline a text browser wrapped: "... sau Hội nghị Đối" / "ngoại toàn quốc")
        page.reason[below] = HEADLINE_CONTINUED
        return i
    above = i - 1
    if _goes_on(page.texts[i]) and above >= 0 and page.reason[above] is None \
            and _headline_like(page.texts[above], page.words[above], c) \
            and not page.is_name(above) and not in_capitals(page.texts[above]) \
            and page.words[above] + page.words[i] <= c.rules.setting("headline", "max_words"):
        page.reason[i] = HEADLINE_CONTINUED
        return above
    return i


# What a line that goes on from the line above may not open with: a credit ("by Minh Anh",
# "from our correspondent", "viết bởi ...").
_NOT_GOING_ON = re.compile(r"(?:by|from|viết bởi|bởi|theo|nguồn)\b")


def _goes_on(text: str) -> bool:
    """Whether a line reads as going on from the line above: it opens with a word in lower case
    (not one with capitals inside, "iPhone", "eSIM", a name), not a credit's."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first[:1].islower() and first == first.lower() and not _NOT_GOING_ON.match(text)


_EXCLAIMS = re.compile(r"[?!][\"”’)]*$")
# A question put by the reporter in an interview ("PV: ...?", "Phóng viên: ...?", "- Thưa ông,
# ...?", "Thưa Bộ trưởng, ...?") or a quotation ("“...!”"): not a headline.
_QUESTION_ROLE = re.compile(r"^(?:(?:pv|phóng viên|hỏi|q)\s*[:.-]|[-–—\"“‘«]|thưa\b)",
                            re.IGNORECASE)


def _question_headline(page: _Page, i: int, c: _Compiled) -> bool:
    """Whether line ``i``, the first line of running text, is the headline: a question or
    exclamation of headline length ("... những gì?"), not a reporter's question, with running
    text after it."""
    text = page.texts[i]
    after = next((j for j in range(i + 1, len(page.texts)) if page.reason[j] is None), None)
    return (bool(_EXCLAIMS.search(text)) and not _QUESTION_ROLE.match(text)
            and _headline_like(text, page.words[i], c)
            and after is not None and not page.texts[after].startswith(("-", "–", "—"))
            and any(page.reason[j] is None and _is_paragraph(page.texts[j], page.words[j], c)
                    for j in range(after, len(page.texts))))


def _long_headline(page: _Page, i: int, c: _Compiled) -> bool:
    """Whether line ``i``, the first line of running text on a page with no other headline,
    is a headline longer than ``[headline]`` ``max_words`` (a party daily's of 35-40
    syllables, up to ``long_max_words``): laid out as a headline, its dateline or byline right
    under it (``_laid_out``), ending no sentence, no breadcrumb or menu row in it, not in
    capitals, with running text after it, and a kicker ending in ":" right above it or printed
    again on the page (in a list of the most read); or, for the first two, the headline the
    page's markup marks (``clean_article``'s ``headline``)."""
    text = page.texts[i]
    # the page's markup marks it as its headline (an HTML page's <h1>): laid out as one
    marked = text == page.marked
    if page.words[i] > c.rules.setting("headline", "long_max_words") \
            or not (marked or _laid_out(page, i)) or _SENTENCE_FINAL.search(text) \
            or text.rstrip().endswith(",") or _MENU_SEPARATOR.search(text) \
            or _CRUMB.search(text) or in_capitals(text):
        return False
    # ... and marked as a headline: a kicker right above it, or printed again on the page (a
    # lead, caption, quote or comment without its full stop, a credit under it, is neither)
    kicker = i > 0 and page.reason[i - 1] is None and page.texts[i - 1].endswith(":") \
        and page.words[i - 1] <= c.rules.setting("kicker", "max_words")
    if not marked and not kicker and page.keys.count(page.keys[i]) < 2:
        return False
    return any(page.reason[j] is None and _is_paragraph(page.texts[j], page.words[j], c)
               for j in range(i + 1, len(page.texts)))


# A breadcrumb's separator inside a line ("Trang chủ > Tin tức > ...").
_CRUMB = re.compile(r"\s[>»›]\s")


# "Hà Nội, ngày 18 tháng 12 năm 2021": a place of one to four capitalised words, then a dateline.
_PLACE = re.compile(r"(?:[^\W\d_][^\W\d_]*\s+){0,3}[^\W\d_]+\s*,\s*")


def _place_dateline(page: _Page) -> None:
    """A press release or speech prints its place and date ("Hà Nội, ngày 18 tháng 12 năm
    2021") on a line of its own right under (or above) its headline, or under an official
    document's heading ("Độc lập - Tự do - Hạnh phúc"): a dateline there. Only there: in the
    body, such a line dates a letter or document the article quotes."""
    if page.headline_at is None:
        return
    under_header = [i + 1 for i, r in enumerate(page.reason) if r == "document header"]
    for i in (_under_headline(page), page.headline_at - 1, *under_header):
        if not 0 <= i < len(page.texts) or page.reason[i] is not None:
            continue
        text = page.texts[i].rstrip(" .")
        place = _PLACE.match(text)
        if place and all(w[0].isupper() for w in text[:place.end()].rstrip(" ,").split()) \
                and parse_dateline(text[place.end():]):
            page.reason[i] = "dateline"


def headline_pass(page: _Page, c: _Compiled) -> None:
    """The headline: the nearest headline-like line above the first paragraph (a page's
    header, menus and clock stand above it; its dateline, byline and credits between). Free
    lines above the headline are a kicker (a short line ending in ":", or in capitals right
    above the headline), a section label or the page header. A page whose text starts with its
    lead has no headline; nothing of the lead is lost, since a line of running text is never a
    headline, but for a question or exclamation of headline length with running text below it,
    when no other line can be the headline (``_question_headline``)."""
    anchor = _anchor(page, c)
    end = anchor if anchor is not None else len(page.texts)
    page.headline_at = _continued_headline(page, _nearest_headline(page, end, c), c)
    # A box stands apart from a headline above it (furniture between): a headline's lead
    # right under it is no box, nor is the lead of a page without a headline.
    if anchor is not None and page.headline_at is not None \
            and page.headline_at + 1 < anchor and not _laid_out(page, page.headline_at) \
            and (below := _headline_below_box(page, anchor, c)) is not None:
        end, page.headline_at = below
    if (cover := _cover_headline(page, c)) is not None:
        page.headline_at = cover
    free = [i for i in range(end) if page.reason[i] is None]
    if page.headline_at is None and anchor is not None and (
            _question_headline(page, anchor, c) or _long_headline(page, anchor, c)):
        page.headline_at = anchor
    if page.headline_at is None and anchor is None:
        return      # no running text at all: keep every free line as it is
    _place_dateline(page)
    _source_dateline(page, end, c)
    top = page.headline_at if page.headline_at is not None else end
    kicker_words = c.rules.setting("kicker", "max_words")
    for i in free:
        if i >= top:
            break
        if page.reason[i] is not None:      # a place-and-date line above the headline
            continue
        if page.words[i] <= kicker_words and (
                page.texts[i].endswith(":")
                or (i == top - 1 and in_capitals(page.texts[i]))):    # "HỘI NGHỊ ... 29"
            page.reason[i] = "kicker"
        elif page.words[i] <= c.rules.setting("section label", "max_words"):
            page.reason[i] = "section label"
        else:
            page.reason[i] = "page header"
    _kicker_in_headline(page, c)


def _kicker_in_headline(page: _Page, c: _Compiled) -> None:
    """A kicker that the article prints joined to the headline as one line (an
    e-magazine repeating "Đại sứ ...: Hàng Việt vào Bắc Âu ..." between its sections, over a
    headline set as "Đại sứ ...:" / "Hàng Việt vào Bắc Âu ...") is the headline's first line:
    the headline starts there and goes on below (``HEADLINE_CONTINUED``)."""
    at = page.headline_at
    if at is None or at == 0 or page.reason[at - 1] != "kicker" \
            or (at + 1 < len(page.reason) and page.reason[at + 1] == HEADLINE_CONTINUED):
        return
    joined = _key(f"{page.texts[at - 1]} {page.texts[at]}".split())
    # (among the article's lines: below the headline, above its last line of running text and
    # any list of other stories, comments or poll; not a ticker or a box above the headline)
    last = next((k for k in range(len(page.texts) - 1, at, -1) if page.reason[k] is None
                 and _is_paragraph(page.texts[k], page.words[k], c)), at)
    last = next((k for k in range(at + 1, last) if page.reason[k] in ZONE_OPENERS), last)
    if any(page.keys[k] == joined for k in range(at + 1, last)):
        page.reason[at - 1], page.reason[at] = None, HEADLINE_CONTINUED
        page.headline_at = at - 1


# How many times below it an e-magazine prints its headline again, between its sections.
COVER_REPEATS = 2


def _cover_headline(page: _Page, c: _Compiled) -> int | None:
    """An e-magazine's headline on its cover above the headline found (the cover: a label,
    the headline, the credits and the date, then the magazine's name over the article): a free
    line of headline shape above it, longer than the headline found (which is printed once),
    that the article prints again at least ``COVER_REPEATS`` times below it (not a page's or
    poster's name, shorter, printed over its posts and comments). Else None."""
    at = page.headline_at
    if at is None or page.keys.count(page.keys[at]) > 1:
        return None
    below = page.keys[at + 1:]
    return next((j for j in range(at) if page.reason[j] is None
                 and page.words[j] > page.words[at]
                 and _headline_like(page.texts[j], page.words[j], c)
                 and not page.is_name(j, several=True)
                 and below.count(page.keys[j]) >= COVER_REPEATS), None)


# A label a site or forum puts before a headline: "[Video]", "[ẢNH]", "[Sưu tầm]", "[Tin tức]"
# (not part of the title; a repost prints the headline again without it).
HEADLINE_LABEL = re.compile(r"^\[[^\[\]]{1,25}\]\s*(?=\S)")


def zones_pass(page: _Page, c: _Compiled) -> None:
    """Below the headline: headline copies (image alt text), source lines, and zones: a
    related heading opens a related-news zone, a comment box a reader-comment zone, only once
    the body has started, so a sidebar heading above the article does not swallow it; a long
    line of running text closes a zone (an inline "Tin liên quan" box in an article)."""
    # The headline's key, and without a bracketed label ("[sưu tầm] ..."), which a repost
    # prints above the original's headline
    head_keys = set() if page.headline_at is None else {
        page.keys[page.headline_at], HEADLINE_LABEL.sub("", page.keys[page.headline_at]),
        line_key(_headline_text(page) or "")}   # a headline set on two lines, printed on one
    bare_head = _unmarked_headline(page)
    start = page.headline_at + 1 if page.headline_at is not None else 0
    seen_body, zone = False, None          # zone: the reason of the box we are in, if any
    # Whether the page has shown its comments' heading ("Bình luận (2)", "Ý kiến bạn đọc"), not
    # only buttons ("Thích", "Trả lời" over an answer in a readers' questions column), a form's
    # fields or a count of none ("Bình luận (0)" after a sapo): only then are comments read
    # (``_in_comment_thread``). It holds for the rest of the page: a comment that is no part
    # of a thread (a question, two paragraphs) closes the zone, and the next "Trả lời" opens it
    # again for the comments below.
    headed = False
    # More words than a source line has tokens: not one (source_in would say so too).
    source_words = c.rules.setting("source line", "max_words")
    for i in range(start, len(page.texts)):
        r = page.reason[i]
        if r is None and bare_head and _starts_unmarked(page.texts[i], bare_head):
            # the headline without its marks: an image's alt text, alone or before a related
            # story's headline ("hoi nghi ngoai giao ... Bắt tay không đơn thuần là ...")
            page.reason[i] = zone or "headline repeat"
            continue
        if r in ZONE_OPENERS:
            opened = ZONE_OPENERS[r] if (seen_body or zone) else zone
            if opened == "reader comment" and c.comments_heading.fullmatch(page.keys[i]):
                headed = True
            zone = opened
        elif r is not None:
            continue
        elif zone and (not _resumes_article(page, i, c)
                       or (zone == "reader comment" and headed
                           and _in_comment_thread(page, i, c))):
            page.reason[i] = zone
        elif zone:
            zone, seen_body = None, True           # an inline box ended: the article goes on
            j = i - 1                                # ... after its subheading, if any
            if page.reason[j] == "related news" and _headline_like(page.texts[j], page.words[j],
                                                                   c) \
                    and not (bare_head and _starts_unmarked(page.texts[j], bare_head)):
                page.reason[j] = None
        elif page.keys[i] in head_keys:
            page.reason[i] = "headline repeat"
        elif page.words[i] <= source_words and source_in(page.texts[i]) is not None:
            page.reason[i] = "source line"
        else:
            seen_body = True


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _ascii_words(text: str) -> str:
    """The words of ``text`` without tone marks, case or punctuation, one space apart."""
    return " ".join(_ASCII_WORD.findall(ascii_fold(text).lower()))


def _unmarked_headline(page: _Page) -> str | None:
    """The headline's words without its marks and a space after them ("hoi nghi ngoai giao
    lan thu 32 "), as a site prints it for an image's alt text; None when the headline has no
    marks to lose (an English headline at the start of a paragraph is that paragraph's)."""
    head = _headline_text(page)
    if not head or head.isascii():
        return None
    words = _ascii_words(head)
    if words == " ".join(_ASCII_WORD.findall(head.lower())):
        return None         # only its quotes or dashes are not ASCII: no letter loses a mark
    return f"{words} " if words.count(" ") >= 3 else None


def _starts_unmarked(text: str, bare_head: str) -> bool:
    """Whether ``text`` opens with the headline without its marks (``_unmarked_headline``),
    in letters without marks."""
    first = bare_head[:bare_head.index(" ") + 1]       # (the cheap test first: its first word)
    if text[:len(first)].lower() != first:
        return False
    # (the opening words, without marks, are as long as the headline's: a paragraph's rest is
    # not split)
    n = bare_head.count(" ")                            # the headline's words
    tokens = text.split(maxsplit=n)
    opening = " ".join(tokens[:n])
    if not opening.isascii() or f"{_ascii_words(opening)} " != bare_head:
        return False
    # ... alone, or before a related story's headline in Vietnamese ("hoi nghi ... Bắt tay không
    # đơn thuần là ..."), not before an English sentence ("Ha Noi hosts the 32nd Diplomatic
    # Conference this week, ...", under the headline "Hà Nội hosts ...")
    rest = tokens[n:]
    return not rest or not rest[0].isascii()


def _in_comment_thread(page: _Page, i: int, c: _Compiled) -> bool:
    """Whether line ``i``, in a reader-comment zone, is a reader's comment in a thread of them:
    right under the reader's name ("Lê Khánh Hòa", "Minh Anh (Hà Nội)"), its time between them
    or not ("2 giờ trước", "10:25", a date), right over its buttons with a reply among them
    ("Trả lời", "Thích · Trả lời (3)"), not a question, and right under or over another
    comment (a name, a text of any length, such buttons). A reader's question over "Trả lời"
    and the expert's answer, a commentary, a letter or a brief over the page's buttons or a
    "Phản hồi" heading stand alone: they stay."""
    if page.texts[i].rstrip(" \"'”’)").endswith("?"):  # a reader's question, its answer below
        return False
    comment = _comment_around(page, i, c)
    if comment is None:
        return False
    name, buttons = comment
    return _comment_from(page, buttons + 1, c) is not None or (
        name >= 3 and _comment_around(page, name - 2, c) is not None)  # its buttons right above


def _has_reply_buttons(text: str, c: _Compiled) -> bool:
    """Whether ``text`` is a comment's buttons with a reply among them (a bare "Thích" or
    "Like 12" is the page's like button; ``[reader comment]`` of page_chrome.toml)."""
    return bool(c.comment_buttons.match(text) and c.reply_button.search(text))


def _comment_around(page: _Page, i: int, c: _Compiled) -> tuple[int, int] | None:
    """The comment whose text is line ``i``: the lines of its reader's name and its buttons
    (``_in_comment_thread``), or None."""
    if i + 1 >= len(page.texts) or not _has_reply_buttons(page.texts[i + 1], c):
        return None
    k = i - 1
    while k > 0 and _comment_time(page, k):
        k -= 1
    return (k, i + 1) if k > 0 and _credit(page, k) else None


def _comment_from(page: _Page, j: int, c: _Compiled) -> tuple[int, int] | None:
    """The comment whose reader's name is line ``j`` (``_comment_around``), or None."""
    if j >= len(page.texts) or not _credit(page, j):
        return None
    t = j + 1
    while t < len(page.texts) and _comment_time(page, t):
        t += 1
    return _comment_around(page, t, c)


def _comment_time(page: _Page, k: int) -> bool:
    """Whether line ``k`` is a comment's time, between the reader's name and the comment: a
    date line, a clock ("10:25", as a live blog's entry time, ``_ENTRY_TIME``) or a relative
    time ("2 giờ trước", "3 hours ago", "hôm qua")."""
    text = page.texts[k].lower()                      # ("9H15" too)
    return page.reason[k] == "dateline" or bool(_ENTRY_TIME.match(text)
                                                or _RELATIVE_TIME.match(text))


# A relative time on its own line (``_comment_time``)
_RELATIVE_TIME = re.compile(
    r"^(?:\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước|vừa xong|hôm qua"
    r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|just now"
    r"|yesterday)$", re.IGNORECASE)


def _resumes_article(page: _Page, i: int, c: _Compiled) -> bool:
    """Whether line ``i`` in a related-news zone is the article again after an inline box: a
    long line of running text that is not a teaser's summary (a teaser prints its title twice,
    as image alt text and link, the one sometimes shortened, right above its summary)."""
    above, title = (page.keys[i - 2], page.keys[i - 1]) if i >= 2 else ("", "")
    teaser = bool(above and title) and (above in title or title in above)
    return (not teaser and page.words[i] >= c.rules.setting("related news", "resume_min_words")
            and bool(_SENTENCE_FINAL.search(page.texts[i])))


# What a page prints right after its article ends: buttons, tags, sign-ups, lists, comments,
# its footer. Some of these stand inside articles too (a related box, a share row, a poll), so
# a credit over them ends the article only when the article does not go on below them
# (``_resumes_below``).
END_FURNITURE = frozenset({"navigation", "social buttons", "newsletter", "related heading",
                           "comment box", "poll", "view counter", "copyright", "site name",
                           "end mark", "post footer", "tags"})
# Removed lines that close an article as its credits do: a byline, a source line, a desk's
# note (a correction, an update, the series' next part, an author box's heading).
CLOSING = frozenset({"byline", "source line", "desk note"})
# The most words of a credit line: four names of five words with their joins, or one name with
# its office in brackets.
CREDIT_MAX_WORDS = 24
# A note in square brackets on a line of its own: "[X is a researcher ... her own.]" (a note in
# round brackets is one only right under a credit: "(Kèm theo thư ngỏ là ...)" may be the
# article's last paragraph)
_BRACKETED = re.compile(r"^\[[^\[\]]+\]\.?$")
_ROUND_BRACKETED = re.compile(r"^\([^()]+\)\.?$")
# A name with its office or agency in brackets, "Mai Thùy (Văn phòng UBND tỉnh)", or where it
# was written from, "Phan Lạc Thiên (từ Dorel)"
_WITH_OFFICE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<office>[^()]{2,60})\)$")
_FROM = re.compile(r"^(?:từ|tại|from|in) ")
# An abstract's label: "Tóm tắt", "TÓM TẮT BÀI VIẾT", "Abstract.", "Summary: ..."
_ABSTRACT = re.compile(r"(?:tóm tắt(?: bài viết| nội dung)?|abstract|summary)(?:\s*[:.]|$)")
# An author box's heading, alone on its line (over a book's author in a review it heads a
# section of the text: only over a name is it a box's)
_AUTHOR_BOX = frozenset({"về tác giả", "về người thực hiện", "giới thiệu tác giả",
                         "about the author", "about the authors"})
# What stands for a picture between two paragraphs
_PICTURE = frozenset({"photo caption", "photo credit", "image file"})
# A live blog's entry time, alone on its line: "11:40", "9h15"
_ENTRY_TIME = re.compile(r"^\d{1,2}[:h]\d{2}$")


# English words no name holds: a title-case subheading ("What Comes Next", "The Road Ahead")
_NOT_IN_NAMES = frozenset({"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "what",
                           "how", "why", "when", "where", "who", "next", "is", "are", "with",
                           "from", "at", "as", "comes", "after", "before", "new", "our", "your"})


def _credit(page: _Page, i: int) -> bool:
    """Whether free line ``i`` is an author's name: alone, several joined, or with the office
    or agency in brackets ("Mai Thùy (Văn phòng UBND tỉnh)"); not a title-case subheading."""
    words = page.keys[i].split()
    if not _NOT_IN_NAMES.isdisjoint(words) and not (
            # "An" is a Vietnamese given name: "Nguyễn An", "Trần Văn An", "Bùi An Hòa"
            _NOT_IN_NAMES.intersection(words) == {"an"}
            and (words[-1] == "an" or not page.texts[i].isascii())):
        return False
    if page.is_name(i, several=True):
        return True
    office = _WITH_OFFICE.match(page.texts[i])
    return office is not None and _FROM.sub("", office["office"])[:1].isupper() \
        and is_name(office["name"])


def _credit_line(page: _Page, i: int, above: str | None, author: str | None) -> str | None:
    """The reason of free line ``i`` as a credit under an article, or None: an author's name
    ("byline"); a note in square brackets, or in round brackets right under a credit, or an
    author box's heading over a name ("desk note"); a biography right under its author's name,
    a line opening with ``author`` ("author box"). ``above``: the reason of the credit right
    above it, if any."""
    text = page.texts[i]
    if author and page.keys[i].startswith(author + " "):
        return "author box"
    if page.keys[i] in _AUTHOR_BOX and i + 1 < len(page.texts) and page.reason[i + 1] is None \
            and _credit(page, i + 1):
        return "desk note"            # the box's heading, over its author's name
    if _BRACKETED.match(text) or (above and _ROUND_BRACKETED.match(text)):
        return "desk note"
    # (a paragraph is longer than any credit: several names, or one with its office)
    return "byline" if page.words[i] <= CREDIT_MAX_WORDS and _credit(page, i) else None


def _pitch(page: _Page, i: int) -> bool:
    """Whether free line ``i`` is a sign-up's or an appeal's text, right above its button
    ("Lattice Asia is reader-supported. ..." over "Become a member")."""
    return i + 1 < len(page.texts) and page.reason[i + 1] == "newsletter"


def _running(page: _Page, i: int, c: _Compiled) -> bool:
    """Whether line ``i`` is free running text: a sentence of ``resume_min_words`` words or
    more (``[after the end]``), not an appeal over its button (``_pitch``)."""
    return page.reason[i] is None and page.words[i] >= c.rules.setting(
        "after the end", "resume_min_words") and bool(PARAGRAPH_END.search(page.texts[i])) \
        and not _pitch(page, i)


def _resumes_below(page: _Page, j: int, c: _Compiled) -> bool:
    """Whether the article goes on at line ``j``, below what looked like its end: two lines
    of running text one under the other among the next few, a picture's caption aside (teasers
    and comments print a title, a name or a date between theirs), or a live blog's next entry
    time."""
    n, look = len(page.texts), c.rules.setting("after the end", "resume_lines")
    if j < n and page.reason[j] is None and _ENTRY_TIME.match(page.texts[j]):
        return True
    # (a photo and its caption between two paragraphs do not part them)
    lines = list(itertools.islice((k for k in range(j, n) if page.reason[k] not in _PICTURE),
                                  look))
    return any(_running(page, a, c) and _running(page, b, c)
               for a, b in itertools.pairwise(lines))


def _site_name(page: _Page, j: int) -> bool:
    """Whether free line ``j`` is printed above the headline too: the site's name in its
    footer ("Lotus Ledger", "Phương Đông Nay"), no credit."""
    top = page.headline_at if page.headline_at is not None else 0
    return page.keys[j] in page.keys[:top]


def _tags_sign(page: _Page, j: int, abstract: int | None, c: _Compiled) -> bool:
    """Whether tags line ``j`` says the article ended: a label's tags ("Từ khóa: ...") or two
    hashtags or more, not one hashtag (a post's section heading, "#LịchLàmViệc"), not over a
    paragraph (a section's heading, "Từ khóa: Phục hồi", "Topic: Wages"), and not a paper's
    keywords under its abstract (``abstract``: the first abstract label's line)."""
    text = page.texts[j]
    heading = j + 1 < len(page.texts) and page.reason[j + 1] is None \
        and _running(page, j + 1, c)
    return (abstract is None or abstract > j) and not heading \
        and (not text.startswith("#") or text.count("#") >= 2)


def _author_key(text: str) -> str:
    """The ``line_key`` of the name in credit ``text`` (``author_name``, its spaces collapsed
    first: its roles are looked for in time growing with a run's square)."""
    return line_key(author_name(" ".join(text.split())))


def _profiles(page: _Page, i: int, taken: list[tuple[int, str]]) -> bool:
    """Whether the author boxes ``taken`` under paragraph ``i`` are a list of profiles: a
    name, then a paragraph opening with it, twice (paragraph ``i`` and the name above it one of
    them)."""
    boxes = sum(why == "author box" for _, why in taken)
    if not boxes or i == 0:
        return False
    if boxes > 1:
        return True
    name = _author_key(page.texts[i - 1])
    return bool(name) and page.keys[i].startswith(name + " ") and _credit(page, i - 1)


def _end_below(page: _Page, i: int, c: _Compiled,
               abstract: int | None) -> tuple[int, list[tuple[int, str]], bool, bool] | None:
    """Whether the article ends under paragraph ``i``: the lines right under it, up to the
    next free line that is no credit, hold its tags (``_tags_sign``), or a credit or a desk's
    note (a byline or source line, a "desk note", or a free line ``_credit_line`` or ``_pitch``
    takes) with page furniture (``END_FURNITURE``) at once below it or the page's end, or a
    desk's note alone (then ``noted``: ``end_pass`` asks for more text above than below it);
    and the article does not go on below them (``_resumes_below``), nor is it a list of
    profiles (a name, then a paragraph opening with it, twice). Gives the index of the first
    line past those lines, the free ones among them with their reasons, ``noted``, and whether
    the sign is a strong one: tags, a desk's note or an author box, not names or a source line
    over furniture (which a photographer's name over an inline box, or a live blog's entry,
    has too)."""
    reason, n = page.reason, len(page.texts)
    found, credit, author = False, None, None     # credit: the reason of a credit just above
    noted = tagged = False
    taken: list[tuple[int, str]] = []
    j = i + 1
    while j < n:
        r = reason[j]
        if r is None:
            if _site_name(page, j):
                break
            why = _credit_line(page, j, credit, author) or (
                "newsletter" if credit and _pitch(page, j) else None)
            if why is None:
                break
            taken.append((j, why))
        else:
            why = r
            tagged = tagged or (r == "tags" and _tags_sign(page, j, abstract, c))
            found = found or tagged or bool(credit and r in END_FURNITURE)
            noted = noted or r == "desk note"
        # a biography opens with the name right above it
        author = _author_key(page.texts[j]) if why == "byline" else None
        credit = why if r is None or r in CLOSING else None
        j += 1
    if j == n and credit:
        # at the page's end, with no furniture to confirm it, only a byline or a source line,
        # not names joined by commas, which may be places ("Quảng Nam, Đà Nẵng")
        last = taken[-1][0] if taken and taken[-1][0] == n - 1 else None
        places = last is not None and "," in page.texts[last] and not page.is_name(last)
        found = found or (credit in ("byline", "source line") and not places)
    if not (found or noted) or _profiles(page, i, taken) or _resumes_below(page, j, c):
        return None
    strong = noted or tagged or any(why in ("author box", "desk note") for _, why in taken)
    return j, taken, not found, strong


def end_pass(page: _Page, c: _Compiled) -> None:
    """Where the article ends, when the page says so (``_end_below``): the credits and notes
    under its last paragraph take their reasons, and every free line below them is "after the
    end": teasers with summaries, author boxes, appeals, readers' comments. The last such
    place on the page counts: a credit or a note over an inline box, or each entry of a live
    blog, is followed by the article's own end. Only under a line that ends a sentence, with
    ``min_paragraphs`` paragraphs of running text (``_running``) down to it, and at most
    ``max_below`` times as much free text below as above (the names taken as credits aside),
    so a byline and share row between a sapo and the article do not end it."""
    body = page.body()
    least = c.rules.setting("after the end", "min_paragraphs")
    most_below = c.rules.setting("after the end", "max_below")
    reason, n = page.reason, len(page.texts)
    # (looked for only where a tags line may need it)
    abstract = next((k for k, key in enumerate(page.keys) if _ABSTRACT.match(key)), None) \
        if "tags" in reason else None
    total = sum(len(page.texts[b]) for b in body)
    above = paragraphs = 0
    last: tuple[int, list[tuple[int, str]]] | None = None
    settled = False                 # the end found is a strong sign's: no later one moves it
    for i in body[:-1]:
        above += len(page.texts[i])
        paragraphs += _running(page, i, c)
        if settled or (last and i < last[0]) or paragraphs < least \
                or not PARAGRAPH_END.search(page.texts[i]):
            continue                    # (a subheading, "Mọi chi tiết xin liên hệ:")
        end = _end_below(page, i, c, abstract)
        if end is None:
            continue
        j, taken, noted, strong = end
        names = sum(len(page.texts[b]) for b, why in taken if why == "byline")
        # (a byline under the sapo: too little above it; a note alone, as much above as below
        # and one paragraph more: "This story is being updated." under a short story's lead)
        if noted and paragraphs <= least:
            continue
        if above * (1 if noted else most_below) >= total - above - names:
            last, settled = (j, taken), strong
    if last is None:
        return
    j, taken = last
    for b, why in taken:
        reason[b] = why
    for b in range(j, n):
        if reason[b] is None:
            reason[b] = "after the end"


def repeats_pass(page: _Page, c: _Compiled) -> None:
    """Each paragraph once: the lead or a caption printed twice. A copy of a line removed for
    where it stood (a byline printed twice) is a repeat too, or the copy would become the
    byline when the clean text is cleaned again."""
    seen: set[str] = set()
    for i, key in enumerate(page.keys):
        if page.reason[i] in _POSITIONAL:
            seen.add(key)
        elif page.reason[i] is None and i != page.headline_at:
            if key in seen:
                page.reason[i] = "repeated line"
            seen.add(key)


def byline_pass(page: _Page, c: _Compiled) -> None:
    """A byline right under the headline, above the first paragraph."""
    body = page.body()
    if len(body) > 1 and page.is_name(body[0], several=True):
        page.reason[body[0]] = "byline"


def trailing_pass(page: _Page, c: _Compiled) -> None:
    """Backward over the page's tail: teaser blocks of related stories (a headline printed
    twice, as image alt text and link, then its summary) and a closing byline. Stops at the
    first line that is article text; never takes the first paragraph."""
    body = page.body()
    first = body[0] if body else len(page.texts)
    reason, keys = page.reason, page.keys
    j = len(page.texts) - 1
    while j > first:
        r = reason[j]
        if r == "repeated line" and j - 1 > first and reason[j - 1] is None \
                and keys[j - 1] == keys[j] and not page.is_name(j):
            reason[j - 1] = reason[j] = "related news"           # teaser headline, twice
            j -= 2
        elif (r is None and j - 2 > first and reason[j - 1] == "repeated line"
              and reason[j - 2] is None and keys[j - 2] == keys[j - 1]):
            reason[j - 2] = reason[j - 1] = reason[j] = "related news"  # ... and its summary
            j -= 3
        elif r is not None:
            j -= 1
        elif page.is_name(j):
            reason[j] = "byline"
            j -= 1
        else:
            break


CLEANING_PASSES: tuple[tuple[str, Callable[[_Page, _Compiled], None]], ...] = (
    ("classify", classify_pass),
    ("link list", link_list_pass),
    ("menus", menu_pass),
    ("headline", headline_pass),
    ("zones", zones_pass),
    ("end", end_pass),
    ("repeats", repeats_pass),
    ("byline", byline_pass),
    ("trailing", trailing_pass),
)


# --- pages without line breaks -------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
# A date and time stamp, the weekday and zone around it ("Thứ Sáu, 15/11/2024 21:17 (GMT+7)",
# "18/12/2021 19:02"), before a capital, a digit or the end: a dateline of its own on the page,
# put on a line of its own ("... khai mạc lúc 15/12/2021 08:30 đã thu hút ..." is a sentence).
# (Tried only where spaces before it start, as ``_NAME_JOIN``.)
_STAMP = re.compile(r"(?:(?<!\s)\s+)?((?:(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật),?\s*)?"
                    r"\d{1,2}/\d{1,2}/\d{4}\s*[-|,]?\s*\d{1,2}:\d{2}(?:\s*\(GMT\s*[+-]\s*\d{1,2}\))?)"
                    r"\s*", re.IGNORECASE)


def _stamp_line(match: re.Match) -> str:
    """A stamp (``_STAMP``) on a line of its own when what follows starts a new unit (a
    capital, a digit, the end), else the text unchanged."""
    after = match.string[match.end():match.end() + 1]
    return f"\n{match.group(1)}\n" if not after or after.isupper() or after.isdigit() \
        else match.group(0)


# An image's alt text, its number, printed between the headline and the caption without a break
# ("... of diplomatic sector: Deputy FM hinh anh 1Prime Minister ... (Photo: VNA)"; not "hình
# ảnh 3D", "hình ảnh 4K"), or at the end of the headline's line ("... hinh anh 1"): put on a
# line of its own, it parts the two.
_GLUED_ALT = re.compile(r"[ \t]+((?:hinh anh|hình ảnh) \d{1,2})(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ]|[(“\"])"
                        r"|[ \t]+(hinh anh \d{1,2})[ \t]*$", re.MULTILINE)


def split_long_lines(text: str, min_chars: int | None = None) -> str:
    """Split lines of at least ``min_chars`` characters (a page saved without line breaks)
    into one sentence per line, so that cleaning can tell chrome from article text. Other
    lines are left as they are. A date and time stamp in such a line ("Thứ Sáu, 15/11/2024
    21:17 (GMT+7)", "18/12/2021 19:02") goes on a line of its own too: it stood apart on the
    page, as a dateline or a clock. Nothing is added or dropped but the spaces between
    sentences and around stamps.

    Parameters
    ----------
    text : str
        Normalized page text.
    min_chars : int, optional
        Default: ``min_chars`` of the ``[one-line page]`` table of page_chrome.toml.

    Returns
    -------
    str

    Examples
    --------
    >>> split_long_lines("Một câu. Hai câu! Ba câu", min_chars=10)
    'Một câu.\\nHai câu!\\nBa câu'
    >>> split_long_lines("Tin tức Hội nghị bế mạc 18/12/2021 19:02 Chiều 18/12, hội nghị bế mạc.",
    ...                  min_chars=10).split("\\n")
    ['Tin tức Hội nghị bế mạc', '18/12/2021 19:02', 'Chiều 18/12, hội nghị bế mạc.']
    """
    if min_chars is None:
        min_chars = page_rules().setting("one-line page", "min_chars")
    return "\n".join(_STAMP.sub(_stamp_line, _SENTENCE_END.sub("\n", line)).strip("\n")
                     if len(line) >= min_chars else line for line in text.split("\n"))


def _headline_text(page: _Page) -> str | None:
    """The headline's line, with its second line when it is set on two
    (``_continued_headline``)."""
    at = page.headline_at
    if at is None:
        return None
    return " ".join(page.texts[at:_under(page, at)])


# The target a browser's "save as text" (and text browsers) write after a link's text: "Trang
# chủ <https://baomau.vn/>", "In bài <javascript:window.print()>"; a page that holds at least
# LINK_TARGETS of them was saved so.
_LINK_TARGET = re.compile(r"[ \t]*<(?:https?|mailto|javascript|ftp|tel|file):[^<>\s]*>")
LINK_TARGETS = 5


def _without_link_targets(text: str) -> str:
    """A page saved as text by a browser that writes each link's target after its text
    (``_LINK_TARGET``, at least ``LINK_TARGETS`` of them) without those targets, as an HTML
    page is read without its markup; any other page as it is (an address an article quotes,
    "<https://...>", stays). A line that is only a target is kept as it is.

    Examples
    --------
    >>> saved = "\\n".join(f"Mục {i} <https://baomau.vn/{i}/>" for i in range(5))
    >>> _without_link_targets(saved).split("\\n")[:2]
    ['Mục 0', 'Mục 1']
    >>> _without_link_targets("Xem tại <https://baomau.vn/a.html>.")
    'Xem tại <https://baomau.vn/a.html>.'
    """
    if text.count("<") < LINK_TARGETS or len(_LINK_TARGET.findall(text)) < LINK_TARGETS:
        return text
    return "\n".join(bare if "<" in line and (bare := _LINK_TARGET.sub("", line)).strip()
                     else line for line in text.split("\n"))


# The number a text browser (lynx) writes before each link's text, "[12]Tin liên quan", whose
# address its list of references at the end gives; a page that holds at least LINK_TARGETS of
# them, numbered upwards, was saved so. (Not a footnote's mark: "... nhân dân.[1]" ends a
# sentence, and a space or a stop follows it.)
_LINK_NUMBER = re.compile(r"\[(\d{1,4})\](?=[^\W_]|[\"“‘(«])")


# Its list of the links' addresses, each numbered on a line ("  12. https://baomau.vn/"), under
# "References" (or "Visible links:", "Hidden links:").
_LINK_LIST_ITEM = re.compile(r"(?:\d{1,4}\.\s+(?:https?|ftp|file|mailto|javascript):\S*\s*)+")
_LINK_LIST_HEADING = re.compile(r"(?:references|visible links|hidden links)\s*:?", re.IGNORECASE)
_LINK_LIST_START = re.compile(r"^[ \t]*\d{1,4}\.[ \t]+(?:https?|ftp|file|mailto|javascript):",
                              re.MULTILINE)


def _text_browser_dump(text: str) -> bool:
    """Whether the page was saved by a text browser: at least ``LINK_TARGETS`` links
    numbered upwards before their text (``_LINK_NUMBER``) and as many numbered addresses in its
    list of them (``_LINK_LIST_ITEM``). (An article's own list of sources, "[1]Nguyễn Văn A,
    ...", or of addresses, "1. https://...", is not both.) ``clean_article`` reads such a page
    without the links' numbers, as an HTML page is read without its markup.

    Examples
    --------
    >>> saved = " ".join(f"[{i}]Mục {i}" for i in range(1, 6))
    >>> listed = "\\n".join(f"{i}. https://baomau.vn/{i}" for i in range(1, 6))
    >>> _text_browser_dump(f"{saved}\\nReferences\\n{listed}"), _text_browser_dump(saved)
    (True, False)
    """
    if text.count("[") < LINK_TARGETS or len(_LINK_LIST_START.findall(text)) < LINK_TARGETS:
        return False
    numbers = [int(n) for n in _LINK_NUMBER.findall(text)]
    return len(numbers) >= LINK_TARGETS and numbers[:LINK_TARGETS] == sorted(set(
        numbers[:LINK_TARGETS]))


def clean_article(raw: str, headline: str | None = None) -> CleanedArticle:
    """Split a scraped page into headline, clean body and an audit of every removed line.

    Parameters
    ----------
    raw : str
        The page's text (any normalization; it is normalized first).
    headline : str, optional
        The headline as the page's markup marks it (an HTML page's ``<h1>``, as its text
        prints it): a line of it longer than a headline's usual bound, the first of the
        running text, is taken as the headline though no dateline or byline is under it.

    Returns
    -------
    CleanedArticle
        The headline (or None), the body paragraphs, and every non-blank line with its role.

    Examples
    --------
    >>> page = "Tin mới nhất\\nHội nghị bế mạc\\n10:08 | 13/12/2021\\n"\\
    ...        "Sáng 18/12, hội nghị bế mạc.\\n"\\
    ...        "Hội nghị bế mạc\\nThanh Huyền\\nBÌNH LUẬN\\nĐọc thêm\\nMột tin khác"
    >>> art = clean_article(page)
    >>> art.headline, art.text
    ('Hội nghị bế mạc', 'Sáng 18/12, hội nghị bế mạc.')
    >>> [(line.number, line.reason) for line in art.removed]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'related heading'), (3, 'dateline'), (5, 'headline repeat'), (6, 'byline'),
     (7, 'comment box'), (8, 'related heading'), (9, 'related news')]
    """
    c = _compiled()
    text = _without_link_targets(normalize_text(raw))
    dump = _text_browser_dump(text)
    if "nh anh " in text or "nh ảnh " in text:
        text = _GLUED_ALT.sub(lambda m: f"\n{m[1] or m[2]}\n", text)
    text = split_long_lines(_LINK_NUMBER.sub("", text) if dump else text)
    items = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    texts = [t for _, t in items]
    facts = [_line_facts(t, c) for t in texts]
    page = _Page(numbers=[n for n, _ in items], texts=texts,
                 keys=[key for key, _, _ in facts], words=[words for _, words, _ in facts],
                 reason=[], dump=dump,
                 marked=normalize_text(headline).strip() if headline else None)
    for _name, apply in CLEANING_PASSES:
        apply(page, c)
    roles = tuple(HEADLINE if i == page.headline_at else BODY if r is None else REMOVED
                  for i, r in enumerate(page.reason))
    return CleanedArticle(
        headline=_headline_text(page),
        paragraphs=tuple(t for t, role in zip(page.texts, roles, strict=True) if role == BODY),
        line_numbers=tuple(page.numbers), line_texts=tuple(page.texts), line_roles=roles,
        line_reasons=tuple("" if role != REMOVED else r or ""
                           for role, r in zip(roles, page.reason, strict=True)),
    )
