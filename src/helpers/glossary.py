"""English glosses for Vietnamese words shown in tables and figures.

Owns ``data/glossary.csv`` (word, gloss: written for this project, for the words the notebooks
show), validated on load. Ordinal tokens ("lần thứ 32", "khóa XIII") are glossed from their
number. Any other word without an entry is shown without a gloss, never a guessed one.
"""
from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from .errors import CorpusError
from .lexicon import ordinal_parts
from .paths import DATA_DIR
from .text import normalize_text

__all__ = ["display_forms", "gloss", "glossary", "glossed", "read_glossary", "with_gloss"]


def read_glossary(path: Path) -> dict[str, str]:
    """Read and validate a glossary file: a header ``word,gloss``, then one row per word, no
    empty field, no word twice (after normalization and lower-casing).

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.

    Returns
    -------
    dict
        Normalized lower-case word -> English gloss.

    Raises
    ------
    CorpusError
        Naming the file, the row and the problem.

    Examples
    --------
    >>> read_glossary(DATA_DIR / "glossary.csv")["ngoại giao"]
    'diplomacy'
    """
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows or rows[0] != ["word", "gloss"]:
        raise CorpusError(f"{path.name}: the first row must be 'word,gloss', got {rows[:1]}")
    out: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise CorpusError(f"{path.name}, row {number}: expected a word and a gloss, got {row}")
        key = normalize_text(row[0]).lower()
        if key in out:
            raise CorpusError(f"{path.name}, row {number}: {row[0]!r} is already glossed")
        out[key] = row[1].strip()
    return out


@functools.cache
def glossary() -> dict[str, str]:
    """The package's glossary (``data/glossary.csv``), read once.

    Returns
    -------
    dict
        Normalized lower-case word -> English gloss.

    Examples
    --------
    >>> glossary()["cây tre"]
    'bamboo'
    """
    return read_glossary(DATA_DIR / "glossary.csv")


def gloss(word: str) -> str | None:
    """The English gloss of ``word``, or None.

    Parameters
    ----------
    word : str
        A Vietnamese word (any case, any Unicode form).

    Returns
    -------
    str or None
        The gloss.

    Examples
    --------
    >>> gloss("Ngoại giao"), gloss("xyz"), gloss("lần thứ 32"), gloss("khóa XIII")
    ('diplomacy', None, '32nd time / session', '13th term')
    """
    word = normalize_text(word)
    return glossary().get(word.lower()) or _ordinal_gloss(word)


# The ordinals helpers.lexicon.merge_ordinals makes one token ("lần thứ 32", "khóa XIII"),
# glossed from their number: marker -> what the English ordinal counts. "thứ 2" to "thứ 7" are
# also the weekdays, Monday to Saturday ("thứ 6 ngày 10/5": Friday 10 May).
_ORDINAL_COUNTS = {"lần thứ": "time / session", "thứ": "", "khóa": "term", "lần": "time"}
_WEEKDAYS = {2: "Monday", 3: "Tuesday", 4: "Wednesday", 5: "Thursday", 6: "Friday",
             7: "Saturday"}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _ordinal_gloss(word: str) -> str | None:
    """"32nd time / session" for "lần thứ 32", "13th term" for "khóa XIII" (or "khóa xiii":
    word counts lower-case it); "6th, or Friday" for "thứ 6"; None for anything else, also a
    Roman numeral not in standard form ("IIII"). ``word`` is normalized ("khóa", not "khoá")."""
    parts = ordinal_parts(word)
    if parts is None:
        return None
    marker, number = parts
    if number.isdigit():
        n = int(number)
    else:  # standard form (ordinal_parts checks it): a smaller value before a larger is taken off
        values = [_ROMAN_VALUES[c] for c in number]
        n = sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    ordinal = f"{n}{suffix} {_ORDINAL_COUNTS[marker]}".rstrip()
    if marker == "thứ" and number.isdigit() and n in _WEEKDAYS:
        return f"{ordinal}, or {_WEEKDAYS[n]}"
    return ordinal


def with_gloss(word: str) -> str:
    """``word (gloss)`` when the glossary has it, else the word alone.

    Parameters
    ----------
    word : str
        A Vietnamese word.

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> with_gloss("cây tre"), with_gloss("xyz")
    ('cây tre (bamboo)', 'xyz')
    """
    g = gloss(word)
    return f"{word} ({g})" if g else word


def display_forms(segmented: Iterable[Sequence[str]]) -> dict[str, str]:
    """How to show proper names: lower-cased word -> the form the articles print most often,
    for words of two or more syllables all capitalised ("bùi thanh sơn" -> "Bùi Thanh Sơn").
    Other words are shown as counted (lower case).

    Parameters
    ----------
    segmented : iterable of sequences of str
        Words as segmented, case kept (e.g. ``helpers.text.segment`` per paragraph).

    Returns
    -------
    dict

    Examples
    --------
    >>> display_forms([["Bộ trưởng", "Bùi Thanh Sơn", "phát biểu"], ["bùi thanh sơn"]])
    {'bùi thanh sơn': 'Bùi Thanh Sơn'}
    """
    counts = Counter(w for words in segmented for w in words)
    forms: dict[str, str] = {}
    for form, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        forms.setdefault(normalize_text(form).lower(), form)
    return {word: form for word, form in forms.items()
            if " " in form and form != word and all(s[:1].isupper() for s in form.split())}


def glossed(table: pd.DataFrame, names: Mapping[str, str] | None = None,
            column: str = "word") -> pd.DataFrame:
    """``table`` with its words shown as printed (``names``, e.g. from ``display_forms``) and a
    ``gloss`` column: the English gloss where the glossary has one, else "".

    Parameters
    ----------
    table : pandas.DataFrame
        A table with a ``column`` of words.
    names : mapping, optional
        Lower-cased word -> display form.
    column : str
        The column of words.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> glossed(pd.DataFrame({"word": ["ngoại giao", "bùi thanh sơn"]}),
    ...         {"bùi thanh sơn": "Bùi Thanh Sơn"})["word"].tolist()
    ['ngoại giao', 'Bùi Thanh Sơn']
    """
    names = names or {}
    return table.assign(**{column: table[column].map(lambda w: names.get(w, w)),
                           "gloss": table[column].map(lambda w: gloss(w) or "")})
