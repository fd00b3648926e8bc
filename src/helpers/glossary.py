"""English glosses for Vietnamese words shown in tables and figures.

Owns ``data/glossary.csv`` (word, gloss: written for this project, for the words the notebooks
show), validated on load. A word without an entry is shown without a gloss, never a guessed one.
"""
from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from .errors import CorpusError
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
    >>> gloss("Ngoại giao"), gloss("xyz")
    ('diplomacy', None)
    """
    return glossary().get(normalize_text(word).lower())


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
