"""Shared fixtures: the seed pages, and temporary corpus folders built from them."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from helpers.paths import PROJECT_ROOT

# CI (CI=true) runs property tests on a fixed sequence of examples, so a run is reproducible
# and never turns red by chance; local runs draw new examples and keep finding new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    settings.load_profile("ci")

SEEDS = PROJECT_ROOT / "seeds"


def seed_text(stem: str) -> str:
    """The raw text of the seed whose file name starts with ``stem`` (e.g. "003")."""
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return path.read_text(encoding="utf-8")


# The cache, figures and build folders, CORPUS_DIR and progress bars are isolated for every
# test by the project's root conftest.py.


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A writable copy of seeds/ (catalog included)."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


IN_THE_WAY = "in the way"


@pytest.fixture
def file_in_the_way(tmp_path) -> Path:
    """A file where a folder (the cache's) is expected; it holds ``IN_THE_WAY``, which a test
    checks is still there afterwards."""
    blocker = tmp_path / "a file"
    blocker.write_text(IN_THE_WAY, encoding="utf-8")
    return blocker
