"""Helpers for studying Vietnamese news coverage of Vietnam's diplomatic conferences.

The public surface, importable from ``helpers`` directly: load a corpus and look at what
cleaning did, normalize and segment Vietnamese text, analyse and plot. Each name's home module
says what it owns; ``ARCHITECTURE.md`` draws how they fit together.
"""
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
from .errors import CorpusError, CorpusWarning
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

__all__ = [
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
