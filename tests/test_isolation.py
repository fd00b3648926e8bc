"""The root conftest.py keeps every test (and doctest, and nbval kernel) out of the checkout.

The two tests run in file order: the first leaves a setting behind as a careless test would, the
second checks that it starts clean all the same.
"""
import os

from helpers import paths
from helpers.paths import PROJECT_ROOT


def test_a_careless_test_points_the_corpus_and_cache_into_the_checkout():
    os.environ["CORPUS_DIR"] = "/somewhere/else"
    os.environ["HELPERS_CACHE_DIR"] = ".cache"
    assert paths.corpus_dir().as_posix() == "/somewhere/else"


def test_each_test_writes_outside_the_checkout_and_ignores_the_users_corpus():
    for folder in (paths.cache_dir(), paths.figures_dir(), paths.build_dir()):
        assert not folder.resolve().is_relative_to(PROJECT_ROOT.resolve()), folder
    assert "CORPUS_DIR" not in os.environ
    assert paths.corpus_dir() == paths.seeds_dir()
    assert os.environ["HELPERS_PROGRESS"] == "0"
