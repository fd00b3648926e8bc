"""English glosses for Vietnamese words shown in tables and figures.

Owns ``data/glossary.csv`` (word, gloss: written for this project, for the words the notebooks
show). A word without an entry is shown without a gloss, never with a guessed one.
"""
from __future__ import annotations

import csv
import functools

from .paths import DATA_DIR
from .text import normalize_text


@functools.cache
def glossary() -> dict[str, str]:
    """The glossary as a dict: normalized lower-case word -> English gloss."""
    with open(DATA_DIR / "glossary.csv", encoding="utf-8", newline="") as fh:
        return {normalize_text(r["word"]).lower(): r["gloss"] for r in csv.DictReader(fh)}


def gloss(word: str) -> str | None:
    """The English gloss of ``word``, or None.

    >>> gloss("ngoại giao")
    'diplomacy'
    """
    return glossary().get(normalize_text(word).lower())


def with_gloss(word: str) -> str:
    """``word (gloss)`` when the glossary has it, else the word alone.

    >>> with_gloss("cây tre"), with_gloss("xyz")
    ('cây tre (bamboo)', 'xyz')
    """
    g = gloss(word)
    return f"{word} ({g})" if g else word
