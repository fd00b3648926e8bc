"""Where things live: the project folders, the corpus folder and the on-disk caches.

Owns every path the package uses, resolved from the package location so that code behaves the
same from JupyterLab, nbval (kernel started in notebooks/) and `make report`. Reads nothing else.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

__all__ = ["DATA_DIR", "PACKAGE_DIR", "PROJECT_ROOT", "UNDERTHESEA_DIR", "build_dir", "cache_dir",
           "corpus_dir", "corpus_folder_problem", "display_path", "figures_dir", "seeds_dir"]

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _package_folder(name: str) -> Path:
    """The folder of the installed package ``name``, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"the package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


#: underthesea's installed folder (its data files: dictionary, stopwords, VLSP sentences), found
#: without importing underthesea, which costs about half a second that a load from the cache
#: or a notebook reading the corpus does not need.
UNDERTHESEA_DIR = _package_folder("underthesea")


def _find_project_root() -> Path | None:
    # src/helpers/ -> src/ -> project root, when installed editable from a checkout.
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file() and (candidate / "src" / "helpers").is_dir():
        return candidate
    return None


PROJECT_ROOT = _find_project_root()


def _from_env(name: str) -> Path | None:
    """An environment variable's path; a relative one is taken from the project folder, so it
    means the same from `make`, JupyterLab and nbval (whose kernels start in notebooks/)."""
    value = os.environ.get(name)
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute() and PROJECT_ROOT is not None:
        path = PROJECT_ROOT / path
    return path


def seeds_dir() -> Path:
    """The project's own corpus folder, ``seeds/``."""
    if PROJECT_ROOT is None:
        raise RuntimeError(
            "helpers is not installed from a project checkout, so there is no default seeds/ "
            "folder: pass a folder to load_corpus() or set CORPUS_DIR."
        )
    return PROJECT_ROOT / "seeds"


def corpus_dir(path: str | os.PathLike | None = None) -> Path:
    """The corpus folder to read: the argument (relative to the working directory), else
    ``$CORPUS_DIR`` (relative to the project folder), else ``seeds/``.

    >>> corpus_dir("/data/my-articles")
    PosixPath('/data/my-articles')
    """
    if path is not None:
        return Path(path).expanduser()
    return _from_env("CORPUS_DIR") or seeds_dir()


def figures_dir() -> Path:
    """Where figures go: ``$HELPERS_FIGURES_DIR`` if set, else the project's ``figures/``."""
    env = _from_env("HELPERS_FIGURES_DIR")
    if env:
        return env
    if PROJECT_ROOT is None:
        return Path.cwd() / "figures"
    return PROJECT_ROOT / "figures"


def build_dir() -> Path:
    """Where outputs for another corpus go (``make report`` with ``CORPUS_DIR`` set):
    ``$HELPERS_BUILD_DIR`` if set, else the project's ``build/`` (git-ignored), else
    ``./build``."""
    env = _from_env("HELPERS_BUILD_DIR")
    if env:
        return env
    if PROJECT_ROOT is None:
        return Path.cwd() / "build"
    return PROJECT_ROOT / "build"


def cache_dir() -> Path:
    """The cache folder (``pages/``, ``duplicates/``, ``segmenter/``, ``segmentation/``):
    ``$HELPERS_CACHE_DIR``, else ``.cache/`` in the project (git-ignored), else
    ``~/.cache/vn-diplomacy-helpers``."""
    env = _from_env("HELPERS_CACHE_DIR")
    if env:
        return env
    if PROJECT_ROOT is not None:
        return PROJECT_ROOT / ".cache"
    return Path.home() / ".cache" / "vn-diplomacy-helpers"


def corpus_folder_problem(folder: Path) -> str | None:
    """What keeps ``folder`` from being a corpus folder ("a file, not a folder", "corpus folder
    not found"), or None when it is a folder; the caller adds what to do about it."""
    if folder.is_file():
        return "a file, not a folder"
    return None if folder.is_dir() else "corpus folder not found"


def display_path(path: Path) -> str:
    """A path as shown to people and in notebook outputs: relative to the project when inside
    it, so outputs carry no machine-specific absolute paths."""
    path = Path(path).resolve()
    if PROJECT_ROOT is not None:
        try:
            return path.relative_to(PROJECT_ROOT).as_posix()
        except ValueError:
            pass
    return str(path)
