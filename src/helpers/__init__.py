"""Helpers for studying Vietnamese news coverage of Vietnam's diplomatic conferences.

The public surface, importable from ``helpers`` directly: load and clean a corpus, normalize and
segment Vietnamese text, analyse and plot. Each name's home module says what it owns.
"""
from .cleaning import CleanedArticle, clean_article
from .errors import CorpusError, CorpusWarning
from .corpus import (analysable, cleaning_audit, conferences,
                     decode_bytes, find_duplicates, line_accounting, load_corpus, raw_pages,
                     removal_summary)
from .frequency import raw_vs_clean, word_counts
from .plotting import (article_labels, group_colors, plot_article_lengths, plot_keyness,
                       plot_event_timeline, plot_rate_scatter, plot_referenced_years,
                       plot_removals, plot_similarity, plot_top_words, plot_topic_shares,
                       plot_word_trends, plot_xray, save_figure, set_style, short_label)
from .dates import parse_dateline, parse_full_date
from .text import normalize_text, segment, stopwords, tokenize

__all__ = [
    "plot_event_timeline", "plot_referenced_years", "plot_word_trends", "plot_top_words",
    "plot_xray", "article_labels", "plot_keyness", "plot_rate_scatter", "plot_similarity", "plot_topic_shares",
    "CleanedArticle", "CorpusError", "CorpusWarning", "analysable", "clean_article",
    "cleaning_audit", "conferences", "decode_bytes", "find_duplicates", "line_accounting",
    "load_corpus",
    "group_colors", "normalize_text", "parse_dateline", "parse_full_date", "plot_article_lengths",
    "plot_removals", "raw_pages", "raw_vs_clean", "removal_summary", "save_figure", "segment",
    "set_style", "short_label", "stopwords", "tokenize", "word_counts",
]
