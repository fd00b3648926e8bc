"""What importing helpers costs: ``helpers`` imports each public name on first use (so
``make report``'s own process loads none of the analysis), scikit-learn, scipy.stats and
scipy's clustering are imported only by the functions that use them, underthesea, trafilatura
and loky only when pages are processed (markdown-it only for Markdown pages), and
the public surface is unchanged."""
from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

import helpers
from helpers.paths import PACKAGE_DIR

HEAVY = ("sklearn", "scipy.stats", "scipy.cluster", "scipy.spatial")


def _loaded_after_each(steps: list[str], watched: tuple[str, ...]) -> list[list[str]]:
    """Which of ``watched`` (and their submodules) are imported after each step, run one after
    the other in a fresh interpreter (this test process has imported everything already)."""
    probe = ["import json, sys", "def loaded():",
             f"    return sorted({{w for w in {watched!r} for m in list(sys.modules)"
             f" if m == w or m.startswith(w + '.')}})"]
    for step in steps:
        probe += [step, "print(json.dumps(loaded()))"]
    result = subprocess.run([sys.executable, "-c", "\n".join(probe)], capture_output=True,
                            text=True, check=True, timeout=300)
    return [json.loads(line) for line in result.stdout.splitlines()[-len(steps):]]


def test_notebook_imports_leave_the_heavy_libraries_out_until_used():
    # What notebooks 01-06 import and call first; then the functions that need the libraries
    # still work, importing them on first use.
    steps = ["import helpers as h\n"
             "from helpers import choices, compare, explore, export, findings, frequency, "
             "glossary, lexicon, stats, text, timeline\n"
             "h.set_style()",
             "compare.tfidf([['hòa bình', 'hợp tác'], ['hòa bình']])\n"
             "h.plotting.cluster_order(__import__('pandas').DataFrame("
             "[[1, .1, .9], [.1, 1, .2], [.9, .2, 1]]))"]
    assert _loaded_after_each(steps, HEAVY) == [[], sorted(HEAVY)]


def test_the_report_process_loads_no_analysis():
    watched = ("helpers.corpus", "helpers.plotting", "matplotlib", "underthesea", "sklearn")
    steps = ["import helpers, helpers.report", "helpers.load_corpus", "helpers.plotting"]
    assert _loaded_after_each(steps, watched) == [
        [], ["helpers.corpus"],   # a name is imported when first used
        ["helpers.corpus", "helpers.plotting", "matplotlib"]]   # a submodule


@pytest.mark.slow
def test_a_notebook_loading_a_cached_corpus_leaves_the_page_processing_libraries_out():
    # underthesea (about half a second to import), trafilatura and loky (joblib) serve pages
    # not yet in the cache: a notebook's kernel loading a cached corpus does without them, and
    # segmenting new text imports them on first use.
    helpers.load_corpus()                    # fills the cache the fresh interpreter reads
    steps = ["import helpers as h\n"
             "from helpers import choices, compare, explore, export, findings, frequency, "
             "glossary, lexicon, stats, text, timeline\n"
             "h.set_style()\n"
             "docs = h.analysable(h.load_corpus(workers=1))\n"
             "assert len(docs) and len(text.stopwords())",
             "assert h.segment('Hội nghị Ngoại giao bế mạc.', cache=False) == "
             "[['Hội nghị Ngoại giao', 'bế mạc', '.']]"]
    watched = ("underthesea", "underthesea_core", "trafilatura", "joblib", "markdown_it")
    assert _loaded_after_each(steps, watched) == [
        [], ["joblib", "underthesea", "underthesea_core"]]


def test_every_public_name_is_importable_from_helpers():
    assert helpers.__all__ == sorted(helpers.__all__, key=lambda n: (not n[0].isupper(), n))
    for name in helpers.__all__:
        assert getattr(helpers, name) is not None
        assert name in dir(helpers)
    namespace: dict = {}
    exec("from helpers import *", namespace)
    assert set(helpers.__all__) <= set(namespace)


def test_the_lazy_names_are_the_ones_type_checkers_see():
    tree = ast.parse((PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8"))
    guarded = next(node for node in tree.body if isinstance(node, ast.If))
    seen = {alias.name: node.module for node in guarded.body
            if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert seen == helpers._EXPORTS
    assert sorted(seen) == helpers.__all__
    for name, module in seen.items():
        assert getattr(helpers, name) is getattr(getattr(helpers, module), name)
    try:
        helpers.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
