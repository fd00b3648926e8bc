"""Isolation for everything pytest runs here: tests, doctests in src/helpers and nbval kernels.

Lives at the project root (not in the package, which would ship it) so it covers all three. Every
run gets its own temporary folder for the segmentation cache, figures and report outputs; the
user's CORPUS_DIR is ignored and progress bars are off. Nothing is written into the checkout.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SAVED_ENV: dict[str, str | None] = {}
_RUN_DIR: Path | None = None


def isolated_env(run_dir: Path) -> dict[str, str | None]:
    """The environment every test, doctest and notebook kernel sees (None: unset)."""
    return {
        "HELPERS_CACHE_DIR": str(run_dir / "cache"),
        "HELPERS_FIGURES_DIR": str(run_dir / "figures"),
        "HELPERS_BUILD_DIR": str(run_dir / "build"),
        "HELPERS_PROGRESS": "0",
        "CORPUS_DIR": None,
    }


def _apply(env: dict[str, str | None]) -> None:
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def pytest_configure(config: pytest.Config) -> None:
    # Set for the whole process, so the kernels nbval starts inherit it too.
    global _RUN_DIR
    _RUN_DIR = Path(tempfile.mkdtemp(prefix="helpers-tests-"))
    env = isolated_env(_RUN_DIR)
    _SAVED_ENV.update({name: os.environ.get(name) for name in env})
    _apply(env)


def pytest_unconfigure(config: pytest.Config) -> None:
    _apply(_SAVED_ENV)
    if _RUN_DIR is not None:
        shutil.rmtree(_RUN_DIR, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Notebooks under nbval are slow by nature: `make unit` leaves them out.
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_env() -> Iterator[None]:
    # Each test and doctest starts from the isolated environment, and leaves it so, whatever it
    # set on the way (the notebook kernels started after the tests inherit it).
    assert _RUN_DIR is not None
    env = isolated_env(_RUN_DIR)
    _apply(env)
    yield
    _apply(env)
