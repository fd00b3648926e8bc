"""Helpers for studying Vietnamese news coverage of Vietnam's diplomatic conferences.

The public surface, importable from ``helpers`` directly: load a corpus and look at what
cleaning did, normalize and segment Vietnamese text, analyse and plot. Each name's home module
says what it owns; ``ARCHITECTURE.md`` draws how they fit together.

Names are imported on first use (PEP 562): ``make report`` itself needs none of them, and a
bare ``import helpers`` need not load pandas, matplotlib and underthesea before they are used.
``from helpers import load_corpus``, ``helpers.load_corpus`` and ``helpers.corpus`` work as
they always did.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and readers see; at run time, __getattr__ below
    from .cleaning import CleanedArticle, clean_article
    from .corpus import (
                         analysable,
                         cleaning_audit,
                         line_accounting,
                         load_corpus,
                         paragraph_table,
                         raw_pages,
                         removal_summary,
    )
    from .dates import find_dates, parse_dateline, parse_full_date
    from .dedupe import find_duplicates, shingle_hashes
    from .errors import CacheWarning, CorpusError, CorpusWarning
    from .frequency import raw_vs_clean, word_counts
    from .pages import PageResult, decode_bytes, process_page
    from .plotting import (
                         article_labels,
                         group_colors,
                         plot_article_lengths,
                         plot_event_timeline,
                         plot_keyness,
                         plot_rate_scatter,
                         plot_referenced_years,
                         plot_removals,
                         plot_similarity,
                         plot_top_words,
                         plot_topic_shares,
                         plot_word_trends,
                         plot_xray,
                         save_figure,
                         set_style,
                         short_label,
    )
    from .reference import conferences
    from .text import normalize_text, segment, stopwords, tokenize

# The home module of each public name.
_HOMES = {
    "cleaning": ("CleanedArticle", "clean_article"),
    "corpus": ("analysable", "cleaning_audit", "line_accounting", "load_corpus", "paragraph_table",
               "raw_pages", "removal_summary"),
    "dates": ("find_dates", "parse_dateline", "parse_full_date"),
    "dedupe": ("find_duplicates", "shingle_hashes"),
    "errors": ("CacheWarning", "CorpusError", "CorpusWarning"),
    "frequency": ("raw_vs_clean", "word_counts"),
    "pages": ("PageResult", "decode_bytes", "process_page"),
    "plotting": ("article_labels", "group_colors", "plot_article_lengths", "plot_event_timeline",
                 "plot_keyness", "plot_rate_scatter", "plot_referenced_years", "plot_removals",
                 "plot_similarity", "plot_top_words", "plot_topic_shares", "plot_word_trends",
                 "plot_xray", "save_figure", "set_style", "short_label"),
    "reference": ("conferences",),
    "text": ("normalize_text", "segment", "stopwords", "tokenize"),
}
_EXPORTS = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "CacheWarning",
    "CleanedArticle",
    "CorpusError",
    "CorpusWarning",
    "PageResult",
    "analysable",
    "article_labels",
    "clean_article",
    "cleaning_audit",
    "conferences",
    "decode_bytes",
    "find_dates",
    "find_duplicates",
    "group_colors",
    "line_accounting",
    "load_corpus",
    "normalize_text",
    "paragraph_table",
    "parse_dateline",
    "parse_full_date",
    "plot_article_lengths",
    "plot_event_timeline",
    "plot_keyness",
    "plot_rate_scatter",
    "plot_referenced_years",
    "plot_removals",
    "plot_similarity",
    "plot_top_words",
    "plot_topic_shares",
    "plot_word_trends",
    "plot_xray",
    "process_page",
    "raw_pages",
    "raw_vs_clean",
    "removal_summary",
    "save_figure",
    "segment",
    "set_style",
    "shingle_hashes",
    "short_label",
    "stopwords",
    "tokenize",
    "word_counts",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its home module on first use; or a submodule."""
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    elif name in {module.name for module in pkgutil.iter_modules(__path__)}:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # the next use is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
