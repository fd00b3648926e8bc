"""Vietnamese text: normalization, word segmentation and stopwords.

Owns the one definition of "normalized text" (NFC, LF line ends, one tone-mark placement) and
of a "word" (an underthesea segment, filtered and case-folded by a stated policy). Does not read
files or know about articles: see ``helpers.pages``.

Why the tone marks are moved here and not by underthesea's ``text_normalize``: measured on the
seeds, ``text_normalize`` re-tokenizes (``"diện,"`` becomes ``"diện ,"``) and joins lines, which
would destroy the page structure cleaning works on, and took 38 times as long (0.054 s against
0.0014 s); its per-token ``token_normalize`` agrees with ``normalize_tone_marks`` on all 1,155
distinct words of the seeds but leaves tokens longer than six characters alone.
"""
from __future__ import annotations

import functools
import importlib.metadata
import re
import unicodedata
from collections.abc import Iterable, Sequence

from .cache import FileCache
from .lexicon import fix_segments
from .paths import cache_dir
from .reference import stopword_policy, underthesea_stopwords

__all__ = ["PARAGRAPH_END", "TOKENIZER_VERSION", "TONE_MARKS", "ascii_fold", "in_capitals",
           "normalize_text", "normalize_tone_marks", "raw_segments", "raw_segments_many",
           "segment", "segment_many", "sort_key", "stopwords", "tokenize", "unwrap_lines",
           "words_from_segments", "wrapping_breaks"]

# --- normalization ---------------------------------------------------------------------------

# A text that ends a sentence: a full stop, "!", "?" or an ellipsis, then closing quotes or
# brackets (the cleaning's running text, HTML's sapo).
PARAGRAPH_END = re.compile(r"[.!?…][\"”’)]*$")


def ascii_fold(text: str) -> str:
    """``text`` in ASCII letters: "đ" as "d", tone and vowel marks dropped (NFKD), any other
    character outside ASCII left out (for a file's name, or to compare a site's name with its
    address).

    Examples
    --------
    >>> ascii_fold("Báo Bắc Nhạn điện tử")
    'Bao Bac Nhan dien tu'
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.encode("ascii", "ignore").decode()


# --- lines wrapped at a fixed width ----------------------------------------------------------

WRAP_MAX = 100              # the longest line of a page wrapped at a fixed width (Pandoc: 72)
WRAP_MIN = 50               # the shortest width a page's wrapping is taken to have
WRAPPED_SHARE = 0.5         # of a page's line breaks inside paragraphs, made by wrapping
MIN_WRAP_BREAKS = 6         # a page with fewer breaks inside paragraphs is never taken as wrapped
WRAP_SLACK = 4              # a line this much longer than the width was not wrapped at it
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]*_]*$")
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
_LONG_LINE = re.compile(rf"^[^\n]{{{WRAP_MAX + 1},}}", re.MULTILINE)


def wrapping_breaks(breaks: Sequence[tuple[str, str]]) -> list[bool]:
    """Which line breaks of a page a fixed-width wrapping made, each given as (the line before
    it, the line after it): none unless the page is wrapped, else the joinable ones: where the
    next line's first word would not have fitted on the line, the line is not more than
    ``WRAP_SLACK`` longer than the width (a title above the text, a long address) and does not
    end a sentence.

    The page's width is the 90th percentile of the lengths (in characters, NFC) of the lines
    before a break, of those at most ``WRAP_MAX`` long. The page counts as wrapped when it has
    at least ``MIN_WRAP_BREAKS`` breaks (a short page's few lines prove nothing), the width is
    at least ``WRAP_MIN`` (short lines, a poem's, an address's or a menu's, decide nothing), at
    most one line in 20 (or one) is longer than ``WRAP_MAX`` and reads as prose (``_prose``),
    at least ``WRAPPED_SHARE`` of the others of half the width or more end where the wrapping
    would have ended them, ``MIN_WRAP_BREAKS`` of them at least (a menu's short lines say
    nothing; a break at a table drawn in box characters is none; a line ending in ";", a list's
    item, is not joined), and, of the joinable breaks, at least two and at least half go on with
    a plain word in lower case, as a sentence cut by wrapping does ("iPhone", "a)", a name or a
    headline's capital do not count).

    Examples
    --------
    >>> import textwrap
    >>> prose = "Hội nghị Ngoại giao lần thứ 32 đã bế mạc chiều nay tại Hà Nội sau năm ngày " * 3
    >>> lines = textwrap.wrap(prose * 3, 72)
    >>> all(wrapping_breaks(list(zip(lines, lines[1:])))), len(lines) - 1
    (True, 9)
    >>> poem = ["Sông quê chiều lặng gió,", "Thuyền nhỏ neo bến xưa,", "Mẹ ngồi chờ bên ngõ,"]
    >>> wrapping_breaks(list(zip(poem, poem[1:])))
    [False, False]
    """
    facts = []
    for before, after in breaks:
        line = unicodedata.normalize("NFC", before.rstrip())
        # (a break at a table's rule drawn in box-drawing characters, w3m's, is no wrapping's:
        # counted as a break before a blank line)
        drawn = _BOX_DRAWING.search(before) or _BOX_DRAWING.search(after)
        # (an item of a list ending in ";" is no line a wrapping cut either)
        facts.append((len(line), "" if drawn else (after.lstrip(" \t>").split() or [""])[0],
                      bool(_SENTENCE_END.search(line)) or line.endswith(";")))
    lengths = sorted(n for n, word, _ in facts if word)
    short = [n for n in lengths if n <= WRAP_MAX]
    width = short[int(0.9 * (len(short) - 1))] if short else 0
    # (lines of half the width or more: a menu's or a list's short lines say nothing of it)
    fits = [n + 1 + len(word) > width for n, word, _ in facts
            if word and width / 2 <= n <= WRAP_MAX]
    joinable = [bool(word) and not ends and n + 1 + len(word) > width and n <= width + WRAP_SLACK
                for n, word, ends in facts]
    lower = sum(join and _plain_lower(word) for join, (_, word, _) in zip(joinable, facts,
                                                                            strict=True))
    # (a line longer than WRAP_MAX counts against wrapping when it reads as prose, ``_prose``)
    overlong = sum(1 for (before, _), (n, word, _) in zip(breaks, facts, strict=True)
                   if word and n > WRAP_MAX and _prose(before))
    if not (len(lengths) >= MIN_WRAP_BREAKS and width >= WRAP_MIN
            and overlong <= max(1, len(lengths) // 20)
            and sum(fits) >= max(WRAPPED_SHARE * len(fits), MIN_WRAP_BREAKS)
            and lower >= 2 and 2 * lower >= sum(joinable)):
        return [False] * len(facts)
    return joinable


def _prose(line: str) -> bool:
    """A long line that may be a paragraph: more than 8 words, one or two spaces apart (no run
    of three), longer than ``WRAP_MAX`` without its longest word (not an address, a wrapped
    line with a link's address in it, nor a printed page's header laid out in columns)."""
    words = line.split()
    return len(words) > 8 and "   " not in line.strip() \
        and len(line.strip()) - max(map(len, words)) > WRAP_MAX


def _plain_lower(word: str) -> bool:
    """A word of two letters or more, all in lower case, what follows it punctuation only."""
    letters = word.rstrip(",.;:!?…)\"'”’")
    return len(letters) >= 2 and letters.isalpha() and letters.islower()


def unwrap_lines(text: str) -> str:
    """A text page wrapped at a fixed width (a PDF's text, an e-mail, a terminal's copy) with
    its wrapping's line breaks made spaces (``wrapping_breaks``). A line indented deeper than
    the one above starts a paragraph, unless it hangs under a list item's marker ("- ",
    "1. "); a quote's ">" and a word's hyphen at the break go ("un-" "changed" is
    "un-changed"). Any other page comes back as it was, at once when more than one line in 20
    (or one) is longer than ``WRAP_MAX`` and reads as prose (a page of paragraphs a line; not
    an address, nor a printed page's header laid out in columns: ``_prose``).

    Examples
    --------
    >>> import textwrap
    >>> prose = "Hội nghị Ngoại giao lần thứ 32 đã bế mạc chiều nay tại Hà Nội sau năm ngày " * 6
    >>> unwrap_lines(textwrap.fill(prose, 72)) == prose.strip()
    True
    """
    # First, in two calls in C, what settles most pages: more than one line in 20 (or one)
    # longer than WRAP_MAX, a page of paragraphs a line, is no wrapped page.
    long = _LONG_LINE.findall(unicodedata.normalize("NFC", text))
    limit = max(1, text.count("\n") // 20)
    if len(long) > limit and sum(map(_prose, long)) > limit:
        return text
    lines = text.split("\n")
    pairs = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()
             and _indent(lines[i + 1]) <= _indent(lines[i]) + _marker(lines[i])]
    joins = wrapping_breaks([(lines[i], lines[i + 1]) for i in pairs])
    if not any(joins):
        return text
    joined = {i for i, join in zip(pairs, joins, strict=True) if join}
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in joined:
            head, rest = out[-1].rstrip(), line.strip()
            if head.lstrip().startswith(">"):
                rest = rest.lstrip("> \t")
            out[-1] = f"{head}{rest}" if _HYPHENATED.search(head) else f"{head} {rest}"
        else:
            out.append(line)
    return "\n".join(out)


_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•+]|\d{1,3}[.)]|[a-zđ][.)])[ \t]+")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _marker(line: str) -> int:
    """How far a list item's text stands right of its marker ("- ", "12. "): where its wrapped
    lines hang; 0 for a line that is no list item."""
    match = _LIST_MARKER.match(line)
    return len(match.group()) - _indent(line) if match else 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def in_capitals(text: str) -> bool:
    """Whether every letter of ``text`` is a capital (and it has one): a masthead or a headline
    printed in capitals.

    Examples
    --------
    >>> in_capitals("BÁO ĐIỆN TỬ 24H"), in_capitals("Báo Điện tử"), in_capitals("2023")
    (True, False, False)
    """
    letters = list(filter(str.isalpha, text))
    return bool(letters) and all(map(str.isupper, letters))


# The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = frozenset({"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"})
# Characters that only ever get in the way of matching: no-break spaces; and the invisible
# format characters web text carries: zero-width spaces and joiners, byte-order marks, soft
# hyphens, the combining grapheme joiner, direction marks, embeddings and isolates, invisible
# operators, the deprecated format characters, interlinear annotation marks, the Mongolian
# vowel separator.
_SPACES = ("\u00a0", "\u2007", "\u202f")
_INVISIBLE = ("\u00ad", "\u034f", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
              "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060", "\u2061", "\u2062",
              "\u2063", "\u2064", "\u2066", "\u2067", "\u2068", "\u2069", "\u206a", "\u206b",
              "\u206c", "\u206d", "\u206e", "\u206f", "\ufff9", "\ufffa", "\ufffb", "\u180e",
              "\ufeff")
# Removed in one pass: the loop of str.replace that did it took half of normalize_text's time
# once the list grew past a few characters: by hand (3 Dec), the five seeds normalized in
# 0.82 ms, against 2.87 ms with a replace per character (1.14 ms with the five of before).
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]")
# Line and paragraph separators some editors write instead of line ends.
# What ends a line besides LF and CR (``str.splitlines``'s boundaries): the form feed between
# printed pages (pdftotext), the vertical tab, the file, group and record separators, NEL, and
# Unicode's line and paragraph separators.
_LINE_SEPARATORS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
# The other control characters, which print nothing (a NUL, a bell, an escape): dropped.
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


@functools.lru_cache(maxsize=4096)     # texts repeat their syllables
def _move_tone(syllable: str) -> str:
    # The open syllables ending in "oa", "oe", "uy" take the tone mark on the first vowel in the
    # style underthesea uses ("hòa", "khỏe", "thúy"); the other style writes "hoà", "khoẻ",
    # "thuý". After "q" the "u" belongs to the onset ("quý"), so the mark stays on the last vowel.
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return syllable
    base = "".join(c for c in decomposed if c not in TONE_MARKS)
    if len(base) < 2 or base[-2:].lower() not in {"oa", "oe", "uy"}:
        return syllable
    if base[:-2].lower().endswith("q"):
        return syllable
    # Only when the mark sits on the final vowel (directly after it in NFD).
    if not decomposed.endswith(base[-1] + tones[0]):
        return syllable
    moved = base[:-1] + tones[0] + base[-1]
    return unicodedata.normalize("NFC", moved)


def _ending_table() -> dict[str, str]:
    # Every NFC ending "o"/"u" + toned "a"/"e"/"y" (any case) and its "hòa"-style form,
    # computed by _move_tone so the fast path and the rule cannot disagree.
    table = {}
    for first, seconds in (("o", "ae"), ("u", "y")):
        for second in seconds:
            for tone in TONE_MARKS:
                for f in (first, first.upper()):
                    for sec in (second, second.upper()):
                        ending = unicodedata.normalize("NFC", f + sec + tone)
                        moved = _move_tone("h" + ending)[1:]
                        if moved != ending:
                            table[ending] = moved
    return table


_ENDINGS = _ending_table()
# An ending with no letter after it; the callback looks back over the rest of the syllable.
# A syllable is letters and any combining marks left after NFC (stacked tones).
# One alternative per first letter, "o(?:à|á|…)": the same endings as one alternative per
# ending, found twice as fast.
_ENDING_RE = re.compile("(?:" + "|".join(
    re.escape(first) + "(?:" + "|".join(re.escape(e[1:]) for e in sorted(_ENDINGS)
                                        if e[0] == first) + ")"
    for first in sorted({e[0] for e in _ENDINGS})) + r")(?![^\W\d_]|[\u0300-\u036f])")


def _fix_ending(m: re.Match) -> str:
    # Rare: look back to the start of the syllable and let the rule decide ("quý", stacked tones).
    text, start = m.string, m.start()
    begin = start
    while begin > 0 and (text[begin - 1].isalpha() or unicodedata.combining(text[begin - 1])):
        begin -= 1
    return _move_tone(text[begin:m.end()])[start - begin:]


def normalize_tone_marks(text: str) -> str:
    """Put tone marks of "oa", "oe", "uy" syllables on the first vowel ("hoà" -> "hòa").
    Expects NFC text (``normalize_text`` composes first).

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_tone_marks("hoà bình, sức khoẻ, thuý, quý")
    'hòa bình, sức khỏe, thúy, quý'
    """
    return _ENDING_RE.sub(_fix_ending, text)


def normalize_text(text: str) -> str:
    """The project's normal form: LF line ends (also for a printed page's form feed, U+2028,
    U+2029 and the other separators of ``_LINE_SEPARATORS``), NFC, one tone-mark placement,
    plain spaces, none of the invisible format characters web text carries (zero-width spaces,
    soft hyphens, direction marks...: ``_INVISIBLE``) nor other control characters, no
    trailing spaces on a line. Idempotent.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_text("Ho\\u0300a\\r\\nbi\\u0300nh  ") == "Hòa\\nbình"
    True
    >>> normalize_text("ngoại\\u00adgiao\\u200e\\u2028Hà Nội")
    'ngoạigiao\\nHà Nội'
    >>> normalize_text("1/3\\x0c12/16/21, 9:47 PM\\x07")
    '1/3\\n12/16/21, 9:47 PM'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator in _LINE_SEPARATORS:
        text = text.replace(separator, "\n")
    for space in _SPACES:
        text = text.replace(space, " ")
    text = _CONTROLS_RE.sub("", _INVISIBLE_RE.sub("", text))
    text = unicodedata.normalize("NFC", text)
    # NFC again after moving marks: input with stacked tones can recompose differently.
    text = unicodedata.normalize("NFC", normalize_tone_marks(text))
    return "\n".join(line.rstrip() for line in text.split("\n"))


# --- stopwords -------------------------------------------------------------------------------

@functools.cache
def stopwords() -> frozenset[str]:
    """underthesea's stopword list, plus the project's additions, minus the words the project
    keeps because they carry meaning in political text (see ``data/stopwords.txt``).

    >>> "của" in stopwords(), "năm" in stopwords()
    (True, False)
    """
    added, kept = stopword_policy()
    base = {normalize_text(w).strip().lower() for w in underthesea_stopwords() if w.strip()}
    add = {normalize_text(w) for w in added}
    keep = {normalize_text(w) for w in kept}
    return frozenset((base | add) - keep)


# --- segmentation ----------------------------------------------------------------------------

# The installed version, read without importing underthesea (the same string as its
# ``__version__``): a load whose pages are all cached never imports it.
TOKENIZER_VERSION = f"underthesea-{importlib.metadata.version('underthesea')}/helpers-1"


def _cache() -> FileCache:
    return FileCache(cache_dir() / "segmentation")


def word_tokenize_many(paragraphs: list[str]) -> list[list[str]]:
    """``helpers.segmenter.word_tokenize_many``; the segmenter, and underthesea with it, are
    imported on the first call, not with this module."""
    from .segmenter import word_tokenize_many as segment_paragraphs

    return segment_paragraphs(paragraphs)


def _segment_uncached(texts: Sequence[tuple[str, ...]]) -> list[list[list[str]]]:
    # One batched call for the paragraphs of all the texts to the exact segmenter
    # (``helpers.segmenter``: the same words as ``underthesea.word_tokenize`` for each
    # paragraph however they are batched, falling back to it when the versions differ).
    kept = [p for paragraphs in texts for p in paragraphs if p.strip()]
    found = iter(word_tokenize_many(kept)) if kept else iter(())
    return [[next(found) if p.strip() else [] for p in paragraphs] for paragraphs in texts]


def raw_segments(text: str, cache: bool = True) -> list[list[str]]:
    """underthesea's word segmentation of each paragraph (line) of normalized ``text``, as it
    returns it: punctuation and case kept, no project fixes. Cached on disk
    (``helpers.cache.FileCache``), keyed by the text and the tokenizer version.

    Parameters
    ----------
    text : str
    cache : bool, optional

    Returns
    -------
    list[list[str]]

    Examples
    --------
    >>> raw_segments("Chuyến thăm Hội nghị Ngoại giao lần thứ 32.")
    [['Chuyến', 'thăm', 'Hội nghị', 'Ngoại giao', 'lần', 'thứ', '32', '.']]
    """
    return raw_segments_many([text], cache=cache)[0]


def raw_segments_many(texts: Sequence[str], cache: bool = True) -> list[list[list[str]]]:
    """``raw_segments`` of each text: the same result, the texts not found in the cache
    segmented together (several pages in one call to the segmenter is faster than one call
    each).

    Parameters
    ----------
    texts : sequence of str
    cache : bool, optional

    Returns
    -------
    list[list[list[str]]]
        One ``raw_segments`` result per text.

    Examples
    --------
    >>> raw_segments_many(["Hội nghị khai mạc.", "", "Bế mạc."], cache=False)
    [[['Hội nghị', 'khai mạc', '.']], [[]], [['Bế mạc', '.']]]
    """
    paragraphs = [tuple(normalize_text(text).split("\n")) for text in texts]
    if not cache:
        return _segment_uncached(paragraphs)
    store = _cache()
    keys = [store.key(p, TOKENIZER_VERSION) for p in paragraphs]
    found = [store.get(key) for key in keys]
    missing = [i for i, f in enumerate(found) if f is None]
    if missing:
        for i, result in zip(missing, _segment_uncached([paragraphs[i] for i in missing]),
                             strict=True):
            store.put(keys[i], result)
            found[i] = result
    return found


def segment(text: str, cache: bool = True, fixes: bool = True) -> list[list[str]]:
    """Word segmentation of each paragraph (line) of normalized ``text``: underthesea's
    segments (``raw_segments``), then the project's fixes (``helpers.lexicon.fix_segments``):
    ordinals as one unit ("lần thứ 32"), the multi-word expressions of ``data/lexicon.txt``
    ("chuyến thăm", "Tập Cận Bình", "Ban Bí thư") and words of underthesea's own dictionary
    that its CRF splits. Punctuation and case are kept.

    Parameters
    ----------
    text : str
        Any text; it is normalized first.
    cache : bool
        Use the on-disk cache of underthesea's output.
    fixes : bool
        Apply the project's fixes (False: underthesea's output alone, for comparisons).

    Returns
    -------
    list of list of str
        One list of words per line.

    Examples
    --------
    >>> segment("Chuyến thăm Hội nghị Ngoại giao lần thứ 32.")
    [['Chuyến thăm', 'Hội nghị Ngoại giao', 'lần thứ 32', '.']]
    >>> segment("Bộ trưởng Bùi Thanh Sơn phát biểu.")
    [['Bộ trưởng', 'Bùi Thanh Sơn', 'phát biểu', '.']]
    """
    return segment_many([text], cache=cache, fixes=fixes)[0]


def segment_many(texts: Sequence[str], cache: bool = True,
                 fixes: bool = True) -> list[list[list[str]]]:
    """``segment`` of each text, the texts segmented together (see ``raw_segments_many``).

    Parameters
    ----------
    texts : sequence of str
    cache : bool
    fixes : bool

    Returns
    -------
    list of list of list of str
        One ``segment`` result per text.

    Examples
    --------
    >>> segment_many(["Chuyến thăm Hội nghị.", "Lần thứ 32."])
    [[['Chuyến thăm', 'Hội nghị', '.']], [['Lần thứ 32', '.']]]
    """
    found = raw_segments_many(texts, cache=cache)
    return [[fix_segments(p) for p in paragraphs] for paragraphs in found] if fixes else found


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _is_acronym(syllable: str) -> bool:
    return syllable.isupper() and sum(c.isalpha() for c in syllable) >= 2


def _case_fold(token: str, shouting: bool) -> str:
    lower = token.lower()
    if token == lower or shouting:
        return lower
    syllables = token.split()
    if not any(_is_acronym(s) for s in syllables):
        return lower
    return " ".join(s if _is_acronym(s) else s.lower() for s in syllables)


def words_from_segments(
    segments: Iterable[Sequence[str]], remove_stopwords: bool = False
) -> list[str]:
    """Apply the word policy to raw segments (see ``tokenize``).

    Parameters
    ----------
    segments : Iterable[Sequence[str]]
    remove_stopwords : bool, optional

    Returns
    -------
    list[str]

    Examples
    --------
    >>> words_from_segments([["Hội nghị", "ASEAN", ",", "2023"]])
    ['hội nghị', 'ASEAN']
    """
    stop = stopwords() if remove_stopwords else frozenset()
    if len(_WORD_OF) > WORD_CACHE_SIZE:
        _WORD_OF.clear()
    out: list[str] = []
    for para in segments:
        joined = " ".join(para)
        shouting = joined == joined.upper() and joined != joined.lower()  # no lower-case letter
        # None (no letter) is dropped by the filter; a word is never empty
        found = filter(None, (_word(t, True) for t in para) if shouting
                       else map(_WORD_OF.__getitem__, para))
        out += [w for w in found if w.lower() not in stop] if stop else found
    return out


def _word(token: str, shouting: bool) -> str | None:
    """The word of one raw token under the word policy, or None for punctuation and bare
    numbers ("45", "1.586", "2-3")."""
    if not (token[:1].isalpha() or _HAS_LETTER.search(token)):
        return None
    return _case_fold(token, shouting)


class _WordOf(dict[str, str | None]):
    """``_word(token, False)`` of each token met, computed on its first lookup."""

    def __missing__(self, token: str) -> str | None:
        word = self[token] = _word(token, False)
        return word


# Distinct tokens whose word is kept (emptied beyond this size); a corpus has few of them.
WORD_CACHE_SIZE = 1 << 18
_WORD_OF = _WordOf()


def tokenize(text: str, remove_stopwords: bool = False, cache: bool = True) -> list[str]:
    """Words of ``text``: underthesea segments, so multi-syllable words stay one token.

    Policy: text is normalized first (NFC, tone marks); tokens with no letter (punctuation,
    bare numbers) are dropped; words are lower-cased, except syllables written in capitals of two
    or more letters ("ASEAN", "FTA", "XIII", also inside a word such as "thứ XIII"), unless the
    whole paragraph is written in capitals. With
    ``remove_stopwords=True`` the words of ``stopwords()`` are dropped.

    Parameters
    ----------
    text : str
    remove_stopwords : bool, optional
    cache : bool, optional

    Returns
    -------
    list[str]

    Examples
    --------
    >>> tokenize("Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị ASEAN năm 2023.")
    ['bộ trưởng', 'ngoại giao', 'bùi thanh sơn', 'dự', 'hội nghị', 'ASEAN', 'năm']
    """
    return words_from_segments(segment(text, cache=cache), remove_stopwords=remove_stopwords)


# --- sorting ---------------------------------------------------------------------------------

_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VOWEL_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONE_ORDER = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # ngang huyền hỏi ngã sắc nặng


def sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese in dictionary order: letters by the Vietnamese alphabet
    (a ă â b c d đ e ê …), tones only to break ties (ngang, huyền, hỏi, ngã, sắc, nặng).
    Code-point order would put "đ" after "z".

    Parameters
    ----------
    text : str

    Returns
    -------
    tuple

    Examples
    --------
    >>> sorted(["tác", "đồng", "dân", "ăn", "ana", "an toàn", "ân"], key=sort_key)
    ['an toàn', 'ana', 'ăn', 'ân', 'dân', 'đồng', 'tác']
    """
    primary, secondary = [], []
    for ch in normalize_text(text).casefold():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        letter = base
        for mark in marks:
            letter = _VOWEL_MARKS.get((base, mark), letter)
        tone = next((m for m in marks if m in TONE_MARKS), "")
        rank = _ORDER.index(letter) if letter in _ORDER else len(_ORDER) + ord(letter)
        primary.append(rank if letter.isalnum() else -1 if letter.isspace() else -2)
        secondary.append(_TONE_ORDER.index(tone))
    return tuple(primary), tuple(secondary)
