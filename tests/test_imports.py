"""What ``import helpers`` costs a notebook kernel: scikit-learn, scipy.stats and scipy's
clustering take seconds to import, so they are imported only by the functions that use them,
and the public surface is unchanged."""
from __future__ import annotations

import json
import subprocess
import sys

import helpers

HEAVY = ("sklearn", "scipy.stats", "scipy.cluster", "scipy.spatial")


def _imported_after(code: str) -> list[str]:
    # A fresh interpreter: this test process has imported everything already.
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=300)
    modules = json.loads(result.stdout.splitlines()[-1])
    return sorted({heavy for heavy in HEAVY for m in modules
                   if m == heavy or m.startswith(heavy + ".")})


def test_notebook_imports_leave_the_heavy_libraries_out_until_used():
    # What notebooks 01-06 import, and what loading and keyness use.
    code = ("import helpers as h\n"
            "from helpers import choices, compare, explore, export, findings, frequency, "
            "glossary, lexicon, stats, text, timeline\n"
            "h.set_style()\n"
            "assert compare.significance_summary is not None")
    assert _imported_after(code) == []
    # The functions that need them still work, importing them on first use.
    used = _imported_after(code + "\ncompare.tfidf([['hòa bình', 'hợp tác'], ['hòa bình']])\n"
                                  "h.plotting.cluster_order(__import__('pandas').DataFrame("
                                  "[[1, .1, .9], [.1, 1, .2], [.9, .2, 1]]))")
    assert used == sorted(HEAVY)


def test_every_public_name_is_importable_from_helpers():
    assert helpers.__all__ == sorted(helpers.__all__, key=lambda n: (not n[0].isupper(), n))
    for name in helpers.__all__:
        assert getattr(helpers, name) is not None
        assert name in dir(helpers)
    namespace: dict = {}
    exec("from helpers import *", namespace)
    assert set(helpers.__all__) <= set(namespace)
