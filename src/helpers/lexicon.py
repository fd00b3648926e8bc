"""Domain fixes on top of underthesea's segmentation: the project lexicon (``data/lexicon.txt``),
ordinal phrases ("lần thứ 32"), a measured repair of splits inside dictionary words, and the
segmentation F1 that guards them. Works on one paragraph's raw tokens; segmenting is
``helpers.text``.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import DATA_DIR, UNDERTHESEA_DIR

__all__ = ["DICTIONARY_FILE", "LEXICON_FILE", "VLSP_GOLD_FILE", "Lexicon", "apply_lexicon",
           "crf_tone_style", "dictionary", "fix_segments", "lexicon_changes", "merge_ordinals",
           "ordinal_parts", "project_lexicon", "read_lexicon", "read_vlsp_gold", "remaining_splits",
           "repair_splits", "segmentation_f1"]

LEXICON_FILE = DATA_DIR / "lexicon.txt"
#: The dictionary underthesea ships (Ho Ngoc Duc's Viet74K word list); its word-segmentation CRF
#: uses a lower-cased copy of it for its ``is_in_dict`` features.
DICTIONARY_FILE = UNDERTHESEA_DIR / "corpus" / "data" / "Viet74K.txt"
#: Gold-segmented VLSP2013 test sentences: one word per line (word, gold tag, predicted tag,
#: tab-separated; a word's syllables separated by spaces), a blank line between sentences.
VLSP_GOLD_FILE = (UNDERTHESEA_DIR / "pipeline" / "pos_tag" / "models"
                  / "pos_crf_vlsp2013_20230303" / "test_output.txt")

# The longest word ``repair_splits`` makes: on the VLSP2013 gold sentences F1 rose up to 4
# syllables ("Ủy | ban nhân dân") and did not change beyond.
REPAIR_MAX_SYLLABLES = 4
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_LETTERS = re.compile(r"[^\W\d_]+")

_ALNUM = re.compile(r"[^\W_]")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_DIGITS = re.compile(r"\d+")
# Ordinal markers, as lower-case syllables. "lần thứ 32", "thứ XIII", "khóa XIII", "lần 32".
_ORDINAL_MARKERS = (("lần", "thứ"), ("thứ",), ("khóa",), ("khoá",), ("lần",))
# Distinct tokens (and syllables) whose facts the fixes keep: enough for the common
# vocabulary of a large corpus; rarer tokens are looked up again.
TOKEN_CACHE_SIZE = 1 << 15
_MARKER_STARTS = frozenset(marker[0] for marker in _ORDINAL_MARKERS)


@dataclass(frozen=True)
class Lexicon:
    """Multi-word expressions as tuples of syllable keys (lower case, tone marks in the CRF's
    style, so matching ignores both), with the longest length. ``"Ủy ban" in lexicon`` works."""

    entries: frozenset[tuple[str, ...]]
    longest: int

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Lexicon:
        """A lexicon of ``words`` (matched ignoring case and tone-mark style).

        >>> Lexicon.from_words(["Tập Cận Bình", "chuyến thăm"]).longest
        3
        """
        entries = frozenset(_key(w) for w in words if w.strip())
        return cls(entries, max((len(e) for e in entries), default=0))

    def __contains__(self, item: object) -> bool:
        return (_key(item) if isinstance(item, str) else item) in self.entries

    @functools.cached_property
    def prefixes(self) -> frozenset[tuple[str, ...]]:
        """Every leading run of an entry's keys, the entries included: a span that is not one
        cannot grow into an entry, so a left-to-right search stops there.

        >>> sorted(Lexicon.from_words(["Tập Cận Bình"]).prefixes)
        [('tập',), ('tập', 'cận'), ('tập', 'cận', 'bình')]
        """
        return frozenset(e[:n] for e in self.entries for n in range(1, len(e) + 1))


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _syllable_key(syllable: str) -> str:
    # Matching ignores case and the tone-mark style: "Hòa", "hoà" and "HOÀ" are one key.
    return _crf_style_syllable(unicodedata.normalize("NFC", syllable).lower())


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _key(word: str) -> tuple[str, ...]:
    return tuple(_syllable_key(s) for s in word.split())


def read_lexicon(path: str | Path = LEXICON_FILE) -> Lexicon:
    """Read a lexicon file: one entry per line, ``#`` starts a comment.

    Every entry must have at least two syllables and appear once; otherwise a ``ValueError``
    names the file and line.

    Parameters
    ----------
    path : str or Path
        The file; the project's ``data/lexicon.txt`` by default.

    Returns
    -------
    Lexicon

    Examples
    --------
    >>> "ban bí thư" in read_lexicon(), "BAN BÍ THƯ" in read_lexicon()
    (True, True)
    """
    path = Path(path)
    seen: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = raw.split("#", 1)[0].strip()
        if not entry:
            continue
        key = _key(entry)
        if len(key) < 2:
            raise ValueError(f"{path}:{number}: entry {entry!r} has one syllable; "
                             "the lexicon only joins several")
        if key in seen:
            raise ValueError(f"{path}:{number}: entry {entry!r} repeats line {seen[key]}")
        seen[key] = number
    return Lexicon(frozenset(seen), max((len(k) for k in seen), default=0))


@functools.cache
def project_lexicon() -> Lexicon:
    """The project lexicon, ``data/lexicon.txt`` (read once)."""
    return read_lexicon(LEXICON_FILE)


@functools.cache
def dictionary() -> Lexicon:
    """The multi-syllable words of underthesea's dictionary (Viet74K), read once.

    >>> "nâng cao" in dictionary(), "hàng hóa" in dictionary(), "hàng hoá" in dictionary()
    (True, True, True)
    """
    words = DICTIONARY_FILE.read_text(encoding="utf-8").splitlines()
    return Lexicon.from_words(w for w in words if len(w.split()) > 1)


# --- tone style ------------------------------------------------------------------------------

def _crf_style_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) != 1:
        return syllable
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    if len(base) < 2 or base[-2:].lower() not in {"oa", "oe", "uy"}:
        return syllable
    if base[:-2].lower().endswith("q") or decomposed.endswith(base[-1] + tones[0]):
        return syllable  # "quý": the mark belongs on "y"; or it is already on the last vowel
    return unicodedata.normalize("NFC", base + tones[0])


def crf_tone_style(text: str) -> str:
    """Write "oa", "oe", "uy" syllables with the tone mark on the last vowel ("hóa" -> "hoá"),
    the style of the VLSP2013 data underthesea's CRF and its dictionary were trained on.

    underthesea 9.5 first normalizes tokens to the other style ("hòa"), which the project uses
    too, and its CRF then splits "hàng | hóa", "Ủy | ban", "phiên | tòa". Segmenting
    ``crf_tone_style(text)`` with ``use_token_normalize=False`` and passing each token through
    ``helpers.text.normalize_tone_marks`` avoids that (same lengths, so offsets are kept).

    Parameters
    ----------
    text : str
        NFC text.

    Returns
    -------
    str

    Examples
    --------
    >>> crf_tone_style("hàng hóa, Ủy ban, quý, hòa bình")
    'hàng hoá, Uỷ ban, quý, hoà bình'
    """
    return _LETTERS.sub(lambda m: _crf_style_syllable(m.group()), text)


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _has_style_choice(syllable: str) -> bool:
    # A toned "oa", "oe", "uy" syllable (not "qu-"): the two styles place its mark differently.
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return (len(decomposed) - len(base) == 1 and base[-2:] in {"oa", "oe", "uy"}
            and not base[:-2].endswith("q"))


def _style_sensitive(syllables: tuple[str, ...]) -> bool:
    return any(_has_style_choice(s) for s in syllables)


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _token_style_sensitive(token: str) -> bool:
    return _style_sensitive(_key(token))


# --- merging ---------------------------------------------------------------------------------

# The fixes run on every paragraph of a cold load and ask the same questions of the same tokens
# over and over ("is it a word", "what are its keys"): both are cached per distinct token.
@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _is_word(token: str) -> bool:
    return bool(_ALNUM.search(token))


def _merge(tokens: Sequence[str], matches: Callable[[tuple[str, ...]], bool],
           max_syllables: int, prefixes: frozenset[tuple[str, ...]],
           starts: Iterable[int]) -> list[str]:
    """Greedy longest match from the left, tried only at ``starts`` (the caller knows no match
    starts elsewhere): from a start, join the most following tokens (two or more, all
    containing a letter or digit) whose syllables together satisfy ``matches``; the search
    stops as soon as the span is none of ``prefixes`` (every leading run of a span that
    ``matches`` can accept). Tokens between starts are passed on in one slice each."""
    tokens = list(tokens)  # slices of a list (a numpy array or a deque would not do)
    out: list[str] = []
    done = 0  # tokens before this index are in ``out``
    for i in sorted(starts):
        if i < done:  # before the paragraph, or inside a token just joined
            continue
        out += tokens[done:i]
        done = i
        span = _key(tokens[i])
        if span not in prefixes:
            continue
        best = i + 1
        if _is_word(tokens[i]):
            for j in range(i + 1, len(tokens)):
                if not _is_word(tokens[j]):
                    break
                span = span + _key(tokens[j])
                if len(span) > max_syllables or span not in prefixes:
                    break
                if matches(span):
                    best = j + 1
        out.append(" ".join(tokens[i:best]))
        done = best
    out += tokens[done:]
    return out


def apply_lexicon(tokens: Sequence[str], lexicon: Lexicon | None = None,
                  words: Lexicon | None = None) -> list[str]:
    """Make every run of syllables that spells a lexicon entry one token.

    Greedy longest match from the left over the syllables, case-insensitive, original casing
    kept; a token with no letter or digit (punctuation) is never part of a match. The CRF
    sometimes puts a boundary inside an entry and also glues its ends to a neighbour
    ("Tập Cận | Bình thăm", "Thường trực Ban | Bí thư"): a match may cut such a token, leaving
    the rest ("thăm", "Thường trực") as its own token, but never a token that is itself a word
    of the dictionary or of the lexicon ("địa điểm | cầu nối" is not cut for "điểm cầu").

    Parameters
    ----------
    tokens : sequence of str
        Raw tokens of one paragraph (``helpers.text.segment``), syllables separated by spaces.
    lexicon : Lexicon, optional
        The project lexicon by default.
    words : Lexicon, optional
        Tokens that are never cut; ``dictionary()`` by default.

    Returns
    -------
    list of str

    Examples
    --------
    >>> apply_lexicon(["Chủ tịch", "Tập Cận", "Bình thăm", "có", "chuyến", "thăm", "."])
    ['Chủ tịch', 'Tập Cận Bình', 'thăm', 'có', 'chuyến thăm', '.']
    """
    lexicon = project_lexicon() if lexicon is None else lexicon
    words = dictionary() if words is None else words
    keys = list(itertools.chain.from_iterable(map(_key, tokens)))
    # Every match spans two syllables or more, so it starts at a pair that begins an entry.
    prefixes = lexicon.prefixes
    starts = [i for i, pair in enumerate(itertools.pairwise(keys)) if pair in prefixes]
    if not starts:
        # Tokens are returned as they are when their join shows each of them single-spaced
        # and not empty: a join that is printable has no whitespace but plain spaces (the only
        # printable character ``str.split`` splits at), and an empty token or a token with a
        # double, leading or trailing space would leave a double, leading or trailing space
        # (or, alone, an empty join). Segmenter output passes; a token with a character that
        # is not printable (a zero-width space) takes the token-by-token path, which a test
        # holds this shortcut to.
        joined = " ".join(tokens)
        if (joined and joined.isprintable() and "  " not in joined
                and not joined.startswith(" ") and not joined.endswith(" ")):
            return list(tokens)
        return [single for single in map(_single_spaced, tokens) if single]
    lengths = [len(_key(t)) for t in tokens]
    syllables = [s for t in tokens for s in t.split()]
    owner = [k for k, n in enumerate(lengths) for _ in range(n)]
    known: dict[int, bool] = {}

    def cuttable(k: int) -> bool:
        if k not in known:
            t = tokens[k]
            known[k] = (_is_word(t) and lengths[k] > 1 and _key(t) not in words
                        and _key(t) not in lexicon)
        return known[k]

    bounds = set(itertools.accumulate(lengths, initial=0))  # where the tokens meet
    i = 0
    for start in starts:
        if start < i:
            continue
        end = _longest_entry(keys, owner, cuttable, bounds, start, lexicon)
        if end:
            bounds -= set(range(start + 1, end))
            bounds |= {start, end}
            i = end
    edges = sorted(bounds)
    return [" ".join(syllables[a:b]) for a, b in itertools.pairwise(edges)]


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _single_spaced(token: str) -> str:
    return " ".join(token.split())


def _longest_entry(syllables: list[str], owner: list[int], cuttable: Callable[[int], bool],
                   bounds: set[int], i: int, lexicon: Lexicon) -> int:
    """End of the longest entry starting at syllable ``i``, or 0. An end or start that falls
    inside a token is allowed only if that token may be cut."""
    prefixes = lexicon.prefixes
    if not _is_word(syllables[i]) or (i not in bounds and not cuttable(owner[i])):
        return 0
    best = 0
    for end in range(i + 2, min(len(syllables), i + lexicon.longest) + 1):
        if not _is_word(syllables[end - 1]):
            break
        span = tuple(syllables[i:end])
        if span not in prefixes:
            break
        if span not in lexicon.entries:
            continue
        if end in bounds or cuttable(owner[end - 1]):
            best = end
    return best


def _is_number(syllable: str) -> bool:
    return bool(_DIGITS.fullmatch(syllable) or (syllable and _ROMAN.fullmatch(syllable.upper())
                                                and syllable.isupper()))


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _starts_with_marker(token: str) -> bool:
    first = token.split(maxsplit=1)[:1]
    return bool(first) and first[0].lower() in _MARKER_STARTS


def _is_ordinal(span: tuple[str, ...]) -> bool:
    *head, last = span
    return tuple(head) in _ORDINAL_MARKERS and _is_number(last)


_MARKER_TEXTS = frozenset(" ".join(marker) for marker in _ORDINAL_MARKERS)


def ordinal_parts(token: str) -> tuple[str, str] | None:
    """The marker and number of an ordinal token ``merge_ordinals`` makes, the marker lower-case
    and the number as printed, a Roman numeral in capitals; in any case, since word counts
    lower-case tokens ("lần thứ xiii"). None for any other token, also for a Roman numeral not
    in standard form ("IIII").

    Parameters
    ----------
    token : str

    Returns
    -------
    tuple of (str, str), or None

    Examples
    --------
    >>> ordinal_parts("Lần thứ 32"), ordinal_parts("khóa xiii"), ordinal_parts("khóa học")
    (('lần thứ', '32'), ('khóa', 'XIII'), None)
    """
    head, _, number = token.rpartition(" ")
    marker, number = head.lower(), number.upper()
    if marker in _MARKER_TEXTS and number and (_DIGITS.fullmatch(number)
                                               or _ROMAN.fullmatch(number)):
        return marker, number
    return None


def merge_ordinals(tokens: Sequence[str]) -> list[str]:
    """Join an ordinal marker and the number after it into one token.

    Markers: "lần thứ", "thứ", "lần", "khóa"; numbers: digits or Roman numerals in capitals.
    Bare numbers are not words in this project, so "lần thứ 32" would otherwise leave "lần"
    and "thứ" as words; as one token it is kept (it has letters) and names the ordinal.
    Ordinals spelled as words ("thứ hai", also "Thứ nhất," as "firstly") are left as they
    are: VLSP2013 splits them, and joining them too brought word F1 on its gold sentences
    below underthesea alone (0.9789 against 0.9795, measured with the lexicon and repair on).

    Parameters
    ----------
    tokens : sequence of str
        Raw tokens of one paragraph.

    Returns
    -------
    list of str

    Examples
    --------
    >>> merge_ordinals(["Hội nghị", "Ngoại giao", "lần", "thứ", "32", "khai mạc"])
    ['Hội nghị', 'Ngoại giao', 'lần thứ 32', 'khai mạc']
    >>> merge_ordinals(["Đại hội", "lần", "thứ XIII", "của", "Đảng"])
    ['Đại hội', 'lần thứ XIII', 'của', 'Đảng']
    """
    if not any(map(_starts_with_marker, tokens)):
        return list(tokens)
    # Matched on original case (Roman numerals must be capitals), markers compared lower-cased.
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if not _starts_with_marker(tokens[i]):  # no ordinal starts here
            out.append(tokens[i])
            i += 1
            continue
        best, span = i + 1, tuple(tokens[i].split())
        for j in range(i + 1, min(len(tokens), i + 3)):
            if not _is_word(tokens[j]):
                break
            span = span + tuple(tokens[j].split())
            if len(span) <= 3 and _is_ordinal(tuple(s.lower() for s in span[:-1]) + span[-1:]):
                best = j + 1
        out.append(" ".join(tokens[i:best]))
        i = best
    return out


def repair_splits(tokens: Sequence[str], words: Lexicon | None = None,
                  max_syllables: int = REPAIR_MAX_SYLLABLES) -> list[str]:
    """Join adjacent tokens that together spell a dictionary word which has a syllable whose
    tone-mark placement differs between the two styles ("hàng | hóa", "Ủy | ban nhân dân").

    Those are the splits underthesea's CRF makes because it sees the "hòa" style it was not
    trained on (see ``crf_tone_style``). Measured on the VLSP2013 gold sentences: joining every
    split dictionary word lowers word F1 (VLSP splits "nâng | cao", "khác | nhau", which Viet74K
    lists), joining only these raises it.

    Parameters
    ----------
    tokens : sequence of str
        Raw tokens of one paragraph.
    words : Lexicon, optional
        The dictionary; ``dictionary()`` (Viet74K) by default.
    max_syllables : int
        The longest word a join may make.

    Returns
    -------
    list of str

    Examples
    --------
    >>> repair_splits(["hàng", "hóa", "và", "Ủy", "ban nhân dân", "nâng", "cao"])
    ['hàng hóa', 'và', 'Ủy ban nhân dân', 'nâng', 'cao']
    """
    words = dictionary() if words is None else words

    def matches(span: tuple[str, ...]) -> bool:
        return span in words and _style_sensitive(span)

    # A join needs a syllable whose mark placement has two styles, so it starts at most
    # max_syllables - 1 tokens before a token holding one.
    sensitive = [i for i, flag in enumerate(map(_token_style_sensitive, tokens)) if flag]
    if not sensitive:
        return list(tokens)
    starts = {start for i in sensitive for start in range(i - max_syllables + 1, i + 1)}
    return _merge(tokens, matches, max_syllables, words.prefixes, starts)


def fix_segments(tokens: Sequence[str], lexicon: Lexicon | None = None,
                 ordinals: bool = True, repair: bool = True) -> list[str]:
    """All the fixes in the project's order: ordinals, lexicon, dictionary repair.

    Parameters
    ----------
    tokens : sequence of str
        Raw tokens of one paragraph (``helpers.text.segment``); not modified.
    lexicon : Lexicon, optional
        The project lexicon by default.
    ordinals, repair : bool
        Whether to run ``merge_ordinals`` and ``repair_splits``.

    Returns
    -------
    list of str
        The same syllables, in the same order, grouped into (mostly fewer) tokens.

    Examples
    --------
    >>> fix_segments(["Ban", "bí thư", "và", "lần", "thứ", "32", "hàng", "hóa"])
    ['Ban bí thư', 'và', 'lần thứ 32', 'hàng hóa']
    """
    out = merge_ordinals(tokens) if ordinals else list(tokens)
    out = apply_lexicon(out, lexicon)
    return repair_splits(out) if repair else out


# --- evaluation ------------------------------------------------------------------------------

def _spans(words: Iterable[str]) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for word in words:
        length = sum(1 for c in word if not c.isspace())
        if length:
            spans.add((start, start + length))
            start += length
    return spans


def segmentation_f1(predicted_words: Sequence[str], gold_words: Sequence[str]) -> float:
    """Word F1 on character spans (spaces ignored): a predicted word counts as right when it
    starts and ends where a gold word does. Concatenate sentences for a micro-average.

    Both sides must cover the same number of non-space characters (a ``ValueError`` says
    otherwise): tone-mark normalization keeps lengths, so it does not get in the way.

    Parameters
    ----------
    predicted_words, gold_words : sequence of str

    Returns
    -------
    float
        2PR / (P + R); 1.0 when both are empty.

    Examples
    --------
    >>> segmentation_f1(["nâng", "cao", "vị thế"], ["nâng cao", "vị thế"])
    0.4
    """
    predicted, gold = _spans(predicted_words), _spans(gold_words)
    p_len = max((e for _, e in predicted), default=0)
    g_len = max((e for _, e in gold), default=0)
    if p_len != g_len:
        raise ValueError(f"predicted and gold words cover different text: {p_len} and "
                         f"{g_len} non-space characters")
    if not predicted and not gold:
        return 1.0
    right = len(predicted & gold)
    return 2 * right / (len(predicted) + len(gold))


def read_vlsp_gold(path: str | Path = VLSP_GOLD_FILE) -> list[list[str]]:
    """Gold-segmented sentences from a VLSP2013-style file (word TAB tag ..., blank line
    between sentences; syllables joined by spaces or underscores).

    Parameters
    ----------
    path : str | Path, optional

    Returns
    -------
    list[list[str]]

    Examples
    --------
    >>> read_vlsp_gold()[0][:4]
    ['1', '.', 'Quyền', 'tiếp cận']
    """
    path = Path(path)
    sentences: list[list[str]] = []
    current: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        word = line.split("\t", 1)[0].replace("_", " ").strip()
        if not word:
            raise ValueError(f"{path}:{number}: line {line!r} has no word before its tags")
        current.append(word)
    if current:
        sentences.append(current)
    return sentences


# --- reporting -------------------------------------------------------------------------------

def _token_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for token in tokens:
        spans.append((start, start + len(token.split())))
        start += len(token.split())
    return spans


def _changes(before: Sequence[str], after: Sequence[str]) -> Iterable[tuple[str, str, str]]:
    """(word, pieces, source) for every token of ``after`` that is not a token of ``before``."""
    syllables = [s for t in before for s in t.split()]
    if syllables != [s for t in after for s in t.split()]:
        raise ValueError(f"the token lists hold different syllables: {' '.join(before)[:60]!r}"
                         f" and {' '.join(after)[:60]!r}")
    old = _token_spans(before)
    old_set = set(old)
    for start, end in _token_spans(after):
        if (start, end) in old_set:
            continue
        overlapped = [(a, b) for a, b in old if a < end and b > start]
        pieces = [" ".join(syllables[max(a, start):min(b, end)]) for a, b in overlapped]
        source = [" ".join(syllables[a:b]) for a, b in overlapped]
        yield " ".join(syllables[start:end]), " | ".join(pieces), " | ".join(source)


def lexicon_changes(token_lists_before: Iterable[Sequence[str]],
                    token_lists_after: Iterable[Sequence[str]]) -> pd.DataFrame:
    """What the fixes changed: one row per new token (merged word, the pieces it was made of,
    the tokens of underthesea it overlaps), with how often.

    Parameters
    ----------
    token_lists_before, token_lists_after : iterables of token lists
        The same paragraphs before and after the fixes; each pair must hold the same syllables,
        else ``ValueError``.

    Returns
    -------
    pandas.DataFrame
        Columns ``word``, ``pieces`` (its parts as underthesea had them, " | " between),
        ``source`` (the whole underthesea tokens it overlaps: differs from ``pieces`` when a
        token was cut, "tập cận | bình thăm"), ``count``; all lower-cased, most frequent first.

    Examples
    --------
    >>> before = [["Tập Cận", "Bình thăm", "và", "chuyến", "thăm"]]
    >>> rows = lexicon_changes(before, [fix_segments(b) for b in before]).to_dict("records")
    >>> rows[0]
    {'word': 'chuyến thăm', 'pieces': 'chuyến | thăm', 'source': 'chuyến | thăm', 'count': 1}
    >>> rows[1]
    {'word': 'thăm', 'pieces': 'thăm', 'source': 'bình thăm', 'count': 1}
    """
    befores, afters = list(token_lists_before), list(token_lists_after)
    if len(befores) != len(afters):
        raise ValueError(f"{len(befores)} token lists before but {len(afters)} after")
    counts: Counter = Counter()
    for before, after in zip(befores, afters, strict=False):
        for change in _changes(before, after):
            counts[tuple(part.lower() for part in change)] += 1
    rows = [(*change, n) for change, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["word", "pieces", "source", "count"])
    return frame.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)


def remaining_splits(token_lists: Iterable[Sequence[str]], words: Lexicon | None = None,
                     max_syllables: int = 4) -> pd.DataFrame:
    """Adjacent tokens that together spell a dictionary word but were left apart: the errors
    the fixes did not repair (some are right: "học sinh | học" is not "sinh học").

    Returns
    -------
    pandas.DataFrame
        Columns ``word``, ``pieces``, ``count``, most frequent first.

    Parameters
    ----------
    token_lists : Iterable[Sequence[str]]
    words : Lexicon | None, optional
    max_syllables : int, optional

    Examples
    --------
    >>> remaining_splits([["Ủy", "ban", "họp"]]).to_dict("records")
    [{'word': 'ủy ban', 'pieces': 'ủy | ban', 'count': 1}]
    """
    words = dictionary() if words is None else words
    counts: Counter = Counter()
    for tokens in token_lists:
        for i in range(len(tokens)):
            span: tuple[str, ...] = _key(tokens[i])
            for j in range(i + 1, len(tokens)):
                if not (_is_word(tokens[j - 1]) and _is_word(tokens[j])):
                    break
                span += _key(tokens[j])
                if len(span) > max_syllables:
                    break
                if span in words:
                    pieces = " | ".join(t.lower() for t in tokens[i:j + 1])
                    word = " ".join(tokens[i:j + 1]).lower()
                    counts[(word, pieces)] += 1
    rows = [(w, p, n) for (w, p), n in counts.items()]
    frame = pd.DataFrame(rows, columns=["word", "pieces", "count"])
    return frame.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
