"""Shared fixtures: the seed pages, and temporary corpus folders built from them."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI (CI=true) runs property tests on a fixed sequence of examples, so a run is reproducible
# and never turns red by chance; local runs draw new examples and keep finding new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    settings.load_profile("ci")

from helpers.paths import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def seed_text(stem: str) -> str:
    """The raw text of the seed whose file name starts with ``stem`` (e.g. "003")."""
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Tests never share or pollute the project's segmentation cache.
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("CORPUS_DIR", raising=False)
    monkeypatch.setenv("HELPERS_PROGRESS", "0")
    yield


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A writable copy of seeds/ (catalog included)."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder
