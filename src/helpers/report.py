"""``make report``: execute every notebook in order, in place, and say what was written.

Owns running notebooks reproducibly (fresh kernel each, no timing metadata, no interpreter
version in the file) and reporting which notebooks and figures changed. With ``CORPUS_DIR``
pointing at another folder, executed notebooks and figures go to ``build/<folder name>/``, never
over the committed ones.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import PROJECT_ROOT, corpus_dir, display_path, figures_dir, seeds_dir

TIMEOUT_PER_CELL = 1200


def _digest(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def execute_notebook(source: Path, target: Path, env_figures: Path) -> None:
    """Run ``source`` top to bottom in a fresh kernel started in its folder; write ``target``."""
    nb = nbformat.read(source, as_version=4)
    os.environ["HELPERS_FIGURES_DIR"] = str(env_figures)
    # coalesce_streams: ipykernel flushes stdout on a timer, so one cell's prints arrive in a
    # varying number of chunks; merged, the stored outputs are the same on every run.
    # "immediate": every output is collected when the last cell ends; a graceful shutdown
    # races ipykernel's output thread and prints socket tracebacks although nothing failed.
    client = NotebookClient(nb, timeout=TIMEOUT_PER_CELL, kernel_name="python3",
                            record_timing=False, shutdown_kernel="immediate", coalesce_streams=True,
                            resources={"metadata": {"path": str(source.parent)}})
    client.execute()
    # The interpreter's patch version differs between machines and says nothing about results.
    nb.metadata.get("language_info", {}).pop("version", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def main() -> int:
    notebooks_dir = PROJECT_ROOT / "notebooks"
    notebooks = sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb"))
    folder = corpus_dir()
    own_seeds = folder.resolve() == seeds_dir().resolve()
    if own_seeds:
        out_notebooks, out_figures = notebooks_dir, figures_dir()
    else:
        base = PROJECT_ROOT / "build" / folder.resolve().name
        out_notebooks, out_figures = base / "notebooks", base / "figures"
    print(f"corpus: {display_path(folder)}")
    before_nb = {nb.name: _digest_file(out_notebooks / nb.name) for nb in notebooks}
    before_fig = _digest(out_figures)
    for nb in notebooks:
        start = time.perf_counter()
        print(f"running {display_path(nb)} ...", flush=True)
        execute_notebook(nb, out_notebooks / nb.name, out_figures)
        print(f"  done in {time.perf_counter() - start:.1f} s")
    after_fig = _digest(out_figures)
    print(f"notebooks written to {display_path(out_notebooks)}/:")
    for nb in notebooks:
        changed = before_nb[nb.name] != _digest_file(out_notebooks / nb.name)
        print(f"  {nb.name}{' (changed)' if changed else ' (unchanged)'}")
    print(f"figures in {display_path(out_figures)}/: {len(after_fig)} file(s)")
    for name in sorted(after_fig):
        state = ("new" if name not in before_fig
                 else "changed" if before_fig[name] != after_fig[name] else "unchanged")
        print(f"  {name} ({state})")
    return 0


def _digest_file(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
