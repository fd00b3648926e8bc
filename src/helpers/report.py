"""``make report``: execute every notebook, say in one line each (in notebook order) how it
went, then list what they saved (``figures/index.csv``) and gather the saved tables in one workbook.

Owns running notebooks reproducibly (fresh kernel each, two at a time on a machine with two
processors or more, talked to over Unix sockets where the system has them, no timing metadata,
no interpreter version in the file), the manifest and the workbook. Does not own what the
notebooks compute.
With ``CORPUS_DIR`` pointing at another folder, everything goes to ``build/<folder name>/`` (or
``$HELPERS_BUILD_DIR/<folder name>/``), never over the committed files.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

if __name__ == "__main__":
    # nbformat imports jsonschema, which builds some 35 grammars as it imports rfc3987_syntax,
    # the checker of the "iri" string format that no notebook schema uses: a second before the
    # first kernel starts (python-jsonschema/jsonschema#1428). Marked absent, it is skipped.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: absent

import nbformat
import pandas as pd
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from traitlets.config import Config

from .paths import (
    PROJECT_ROOT,
    build_dir,
    corpus_dir,
    corpus_folder_problem,
    display_path,
    figures_dir,
    seeds_dir,
)

__all__ = ["FIGURE_SIBLINGS", "FIXED_DATE", "MANIFEST_COLUMNS", "MAX_DEFAULT_JOBS", "SAVED_LINE",
           "TIMEOUT_PER_CELL", "WIDGET_VIEW", "Outcome", "build_manifest", "build_workbook",
           "coalesce_streams", "default_jobs", "execute_notebook", "failure_line",
           "kernel_environment", "kernel_transport", "main", "output_folders", "project_root",
           "run_all", "runs_after", "saved_files", "strip_widget_views"]

TIMEOUT_PER_CELL = 1200
# Kernels run at once by default: each holds a whole corpus in memory, so not one per processor
# on a big machine; on one processor, one.
MAX_DEFAULT_JOBS = 2
MANIFEST_COLUMNS = ["file", "notebook", "cell", "kind", "caption"]
# "saved figure: 03-x.png, 03-x.svg, 03-x.csv — caption" (the caption part is optional).
SAVED_LINE = re.compile(
    r"^saved (?P<kind>figure|table)s?: (?P<files>.+?)(?:\s+[—–-]+(?:\s+(?P<caption>.*))?)?$")
# A figure is announced by its PNG; its SVG and plotted data (CSV) are saved beside it.
FIGURE_SIBLINGS = ((".svg", "figure"), (".csv", "figure data"))
# Fixed date for the workbook's properties and zip entries, so re-running writes the same bytes.
FIXED_DATE = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Outcome:
    """How one notebook went: ``error`` is None when every cell ran."""

    notebook: str
    error: str | None = None

    @property
    def line(self) -> str:
        """The one line ``make report`` prints for this notebook."""
        if self.error is None:
            return f"ok  {self.notebook}"
        return f"FAILED {self.notebook}: {self.error}"


def _one_line(text: str, limit: int = 300) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(text))  # ANSI colours of IPython tracebacks
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def failure_line(nb: nbformat.NotebookNode, exc: BaseException) -> str:
    """``cell N: ErrorType: message`` for a failed run: N is the 1-based position of the
    first cell with an error output (counting every cell, markdown too).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"),
    ...     nbformat.v4.new_code_cell("1/0", outputs=[nbformat.v4.new_output(
    ...         "error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])])])
    >>> failure_line(nb, RuntimeError("ignored"))
    'cell 2: ZeroDivisionError: division by zero'
    """
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return _one_line(f"cell {number}: {out.get('ename')}: {out.get('evalue')}")
    name = getattr(exc, "ename", None) or type(exc).__name__
    message = getattr(exc, "evalue", None) or str(exc).strip().splitlines()[-1:] or [""]
    return _one_line(f"{name}: {message if isinstance(message, str) else message[0]}")


def execute_notebook(source: Path, target: Path, env_figures: Path,
                     failed_target: Path | None = None, kernel_log: Path | None = None) -> Outcome:
    """Run ``source`` top to bottom in a fresh kernel started in its folder.

    On success the executed notebook is written to ``target``; on failure to
    ``failed_target`` (if given) for inspection, and ``target`` is left as it was.

    Parameters
    ----------
    source : pathlib.Path
        The notebook to run.
    target : pathlib.Path
        Where the executed notebook goes when every cell ran.
    env_figures : pathlib.Path
        ``HELPERS_FIGURES_DIR`` for the kernel.
    failed_target : pathlib.Path, optional
        Where a failed run goes.
    kernel_log : pathlib.Path, optional
        Where the kernel's stderr goes (appended); else it is inherited.

    Returns
    -------
    Outcome
        The notebook's name and, on failure, ``cell N: ErrorType: message``.

    Examples
    --------
    >>> Outcome("01-corpus.ipynb").line
    'ok  01-corpus.ipynb'
    """
    nb = nbformat.read(source, as_version=4)
    return run_sync(_execute)(nb, source, target, env_figures, failed_target, kernel_log)


async def _execute(nb: nbformat.NotebookNode, source: Path, target: Path, env_figures: Path,
                   failed_target: Path | None, kernel_log: Path | None) -> Outcome:
    """``execute_notebook`` on the notebook ``nb`` read from ``source``, in the running event
    loop, so that several notebooks can run at once."""
    # coalesce_streams: ipykernel flushes stdout on a timer, so one cell's prints arrive in a
    # varying number of chunks; merged, the stored outputs are the same on every run.
    # "immediate": every output is collected when the last cell ends; a graceful shutdown
    # races ipykernel's output thread and prints socket tracebacks although nothing failed.
    # The kernel's environment is given, not set in ours: runs at once each get their own.
    env = kernel_environment(env_figures)
    try:
        # its sockets' folder (``kernel_transport``), removed with them when the kernel has gone
        with tempfile.TemporaryDirectory(prefix="kernel-", ignore_cleanup_errors=True) as sockets:
            client = NotebookClient(nb, timeout=TIMEOUT_PER_CELL, kernel_name="python3",
                                    record_timing=False, shutdown_kernel="immediate",
                                    store_widget_state=False, coalesce_streams=True,
                                    config=kernel_transport(Path(sockets)),
                                    resources={"metadata": {"path": str(source.parent)}})
            if kernel_log is None:
                await client.async_execute(env=env)
            else:
                # The kernel's own stderr (start-up warnings) goes to a log, not between the
                # one-line results; cell errors arrive as outputs and are reported from there.
                kernel_log.parent.mkdir(parents=True, exist_ok=True)
                with kernel_log.open("a", encoding="utf-8") as stderr:
                    await client.async_execute(env=env, stderr=stderr)
    except Exception as exc:  # any failure of one notebook is reported; the others run
        if failed_target is not None:
            _write(nb, failed_target)
        return Outcome(source.name, failure_line(nb, exc))
    _write(nb, target)
    return Outcome(source.name)


def kernel_transport(folder: Path) -> Config:
    """How the report talks to its kernels: over Unix sockets in ``folder`` (a private
    temporary folder) where the system has them, else over TCP on 127.0.0.1.

    Over TCP the kernel manager picks free ports, closes them, and the kernel binds them a
    moment later; a connection made in between (the other kernel's, running at once) can take
    one, and the kernel dies with "Address already in use" while the report waits 60 s for it
    ("Kernel didn't respond"). Sockets named by path cannot be taken.

    Examples
    --------
    >>> import os
    >>> config = kernel_transport(Path("/tmp/k"))
    >>> config.KernelManager.transport == ("ipc" if os.name == "posix" else "tcp")
    True
    """
    config = Config()
    if os.name == "posix":
        config.KernelManager.transport = "ipc"
        # each channel's socket is this path with "-<n>" after it
        config.KernelManager.ip = str(folder / "k")
    return config


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def strip_widget_views(nb: nbformat.NotebookNode) -> None:
    """Drop live-widget outputs (random model ids, useless without a kernel) and the widget
    state; the tools' HTML and plain-text display stays, so a re-run writes the same bytes.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("box", outputs=[
    ...     nbformat.v4.new_output("display_data", data={"text/plain": "3 lines",
    ...                                                   WIDGET_VIEW: {"model_id": "ab12"}})])])
    >>> strip_widget_views(nb); dict(nb.cells[0].outputs[0].data)
    {'text/plain': '3 lines'}
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            out.get("data", {}).pop(WIDGET_VIEW, None)


def coalesce_streams(nb: nbformat.NotebookNode) -> None:
    """Join consecutive stream outputs of the same stream in each cell: the kernel flushes
    stdout at moments that vary between runs, so one ``print`` can arrive in one or two parts.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("print(1)", outputs=[
    ...     nbformat.v4.new_output("stream", name="stdout", text="1 word"),
    ...     nbformat.v4.new_output("stream", name="stdout", text="\\n")])
    >>> nb = nbformat.v4.new_notebook(cells=[cell]); coalesce_streams(nb)
    >>> [out["text"] for out in nb.cells[0].outputs]
    ['1 word\\n']
    """
    for cell in nb.cells:
        merged: list = []
        for out in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and last is not None
                    and last.get("output_type") == "stream"
                    and last.get("name") == out.get("name")):
                last["text"] = "".join(last["text"]) + "".join(out["text"])
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged


def _write(nb: nbformat.NotebookNode, target: Path) -> None:
    # The interpreter's patch version differs between machines and says nothing about results.
    nb.metadata.get("language_info", {}).pop("version", None)
    strip_widget_views(nb)
    coalesce_streams(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def _output_text(out: nbformat.NotebookNode) -> str:
    if out.get("output_type") == "stream":
        text = out.get("text", "")
    else:
        text = out.get("data", {}).get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


def saved_files(nb: nbformat.NotebookNode, notebook: str) -> pd.DataFrame:
    """Every file a notebook's outputs say it saved (``saved figure:`` / ``saved table:``
    lines), with the cell (1-based, counting every cell) and the caption.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook.
    notebook : str
        Its file name, for the ``notebook`` column.

    Returns
    -------
    pandas.DataFrame
        ``MANIFEST_COLUMNS``, in the order the notebook saved them.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("save()", outputs=[
    ...     nbformat.v4.new_output("stream", name="stdout",
    ...         text="saved table: 02-top.csv — Top words\\n")])])
    >>> saved_files(nb, "02-x.ipynb").values.tolist()
    [['02-top.csv', '02-x.ipynb', 1, 'table', 'Top words']]
    """
    rows = []
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            for line in _output_text(out).splitlines():
                match = SAVED_LINE.match(line.strip())
                if not match:
                    continue
                for file in re.split(r",\s*", match["files"].strip()):
                    rows.append({"file": file, "notebook": notebook, "cell": number,
                                 "kind": match["kind"], "caption": match["caption"] or ""})
    return pd.DataFrame(rows, columns=MANIFEST_COLUMNS)


def build_manifest(notebooks: list[Path], out: Path) -> pd.DataFrame:
    """``index.csv`` in ``out``: every file the executed ``notebooks`` saved, in notebook
    order then cell order. A notebook that is missing is skipped (it never succeeded here).

    Parameters
    ----------
    notebooks : list of pathlib.Path
        Executed notebooks, in order.
    out : pathlib.Path
        The figures folder.

    Returns
    -------
    pandas.DataFrame
        The manifest as written.

    Examples
    --------
    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> build_manifest([], folder).columns.tolist()
    ['file', 'notebook', 'cell', 'kind', 'caption']
    """
    tables = [saved_files(nbformat.read(path, as_version=4), path.name)
              for path in notebooks if path.is_file()]
    manifest = (pd.concat(tables, ignore_index=True) if tables
                else pd.DataFrame(columns=MANIFEST_COLUMNS))
    manifest = _with_siblings(manifest, out).drop_duplicates(subset=["file"], keep="last")
    out.mkdir(parents=True, exist_ok=True)
    manifest.to_csv(out / "index.csv", index=False, lineterminator="\n", encoding="utf-8")
    return manifest


def _with_siblings(manifest: pd.DataFrame, out: Path) -> pd.DataFrame:
    """Each announced ``.png`` figure followed by its ``.svg`` and ``.csv`` when they exist."""
    rows = []
    for row in manifest.to_dict("records"):
        rows.append(row)
        if row["kind"] == "figure" and row["file"].endswith(".png"):
            stem = row["file"][:-len(".png")]
            rows += [{**row, "file": stem + ext, "kind": kind} for ext, kind in FIGURE_SIBLINGS
                     if (out / (stem + ext)).is_file()]
    return pd.DataFrame(rows, columns=MANIFEST_COLUMNS)


def _sheet_name(file: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", Path(file).stem)[:31]
    name, k = base, 2
    while name.lower() in taken:
        suffix = f"~{k}"
        name, k = base[:31 - len(suffix)] + suffix, k + 1
    taken.add(name.lower())
    return name


def _reproducible_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``FIXED_DATE`` and the document's ``modified``
    property set to it (openpyxl stamps the current time on both)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp + rb"\g<2>", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, body)
    return buffer.getvalue()


def build_workbook(manifest: pd.DataFrame, folder: Path, name: str = "tables.xlsx") -> Path | None:
    """One XLSX workbook in ``folder`` with every saved table of ``manifest`` as a sheet, in
    manifest order, plus an ``index`` sheet (sheet, file, notebook, caption). Byte-identical
    on re-run (fixed document dates and zip entry dates). None when no table was saved.

    Parameters
    ----------
    manifest : pandas.DataFrame
        ``build_manifest`` output.
    folder : pathlib.Path
        The figures folder holding the CSV files.
    name : str
        The workbook's file name.

    Returns
    -------
    pathlib.Path or None
        The workbook written.

    Raises
    ------
    FileNotFoundError
        When a table in the manifest is not in ``folder``, naming it.

    Examples
    --------
    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "05-a.csv").write_text("word,n\\nhòa bình,3\\n", encoding="utf-8-sig")
    >>> m = pd.DataFrame([["05-a.csv", "05-l.ipynb", 3, "table", "Counts"]],
    ...                  columns=MANIFEST_COLUMNS)
    >>> build_workbook(m, folder).name
    'tables.xlsx'
    """
    tables = manifest[(manifest["kind"] == "table") & manifest["file"].str.endswith(".csv")]
    if tables.empty:
        return None
    book = Workbook()
    index = book.active
    index.title = "index"
    index.append(["sheet", "file", "notebook", "caption"])
    taken = {"index"}
    for row in tables.itertuples():
        path = folder / row.file
        if not path.is_file():
            raise FileNotFoundError(f"{display_path(path)}: listed in the manifest by "
                                    f"{row.notebook} (cell {row.cell}) but not found")
        sheet = book.create_sheet(_sheet_name(row.file, taken))
        index.append([sheet.title, row.file, row.notebook, row.caption])
        table = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
        sheet.append([str(c) for c in table.columns])
        for values in table.itertuples(index=False):
            sheet.append([_cell_value(v) for v in values])
    book.properties.creator = "helpers.report"
    book.properties.created = FIXED_DATE
    buffer = io.BytesIO()
    book.save(buffer)  # stamps `modified` with the current time: fixed below
    target = folder / name
    target.write_bytes(_reproducible_zip(buffer.getvalue()))
    return target


def _cell_value(value):
    """A table's value as a cell takes it: a control character a worksheet cannot hold (a
    text's form feed) shown as U+FFFD; the CSV beside the workbook keeps the value whole."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value.item() if hasattr(value, "item") else value


def project_root() -> Path:
    """The project checkout; an error when helpers was installed without one.

    Examples
    --------
    >>> (project_root() / "notebooks").is_dir()
    True
    """
    if PROJECT_ROOT is None:
        raise RuntimeError("make report runs the project's notebooks: install helpers from a "
                           "checkout of the project (pip install -e .), not from a wheel.")
    return PROJECT_ROOT


def output_folders(folder: Path) -> tuple[Path, Path, Path]:
    """Where executed notebooks, figures and failed runs go for corpus ``folder``: the
    committed ``notebooks/`` and ``figures/`` for the seeds, ``build/<name>/`` otherwise."""
    notebooks_dir = project_root() / "notebooks"
    if folder.resolve() == seeds_dir().resolve():
        return notebooks_dir, figures_dir(), build_dir() / "failed"
    base = build_dir() / folder.resolve().name
    return base / "notebooks", base / "figures", base / "failed"


def kernel_environment(figures: Path) -> dict[str, str]:
    """The environment of a notebook kernel: ours, with ``HELPERS_FIGURES_DIR`` set to
    ``figures``.

    Parameters
    ----------
    figures : pathlib.Path
        Where the kernel saves figures and tables.

    Returns
    -------
    dict of str to str

    Examples
    --------
    >>> kernel_environment(Path("/tmp/figures"))["HELPERS_FIGURES_DIR"]
    '/tmp/figures'
    """
    return {**os.environ, "HELPERS_FIGURES_DIR": str(figures)}


def default_jobs() -> int:
    """How many notebooks ``make report`` runs at once: ``MAX_DEFAULT_JOBS``, or fewer when
    this process may use fewer processors.

    Examples
    --------
    >>> 1 <= default_jobs() <= MAX_DEFAULT_JOBS
    True
    """
    if hasattr(os, "sched_getaffinity"):
        processors = len(os.sched_getaffinity(0))
    else:  # macOS, Windows
        processors = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_JOBS, processors))


def runs_after(nb: nbformat.NotebookNode) -> list[str]:
    """The notebooks (file names without ``.ipynb``) whose saved files ``nb`` reads, from its
    metadata ``{"helpers": {"runs_after": [...]}}``: ``run_all`` starts it only when they
    have finished.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(metadata={"helpers": {"runs_after": ["03-tfidf"]}})
    >>> runs_after(nb), runs_after(nbformat.v4.new_notebook())
    (['03-tfidf'], [])
    """
    return list(nb.metadata.get("helpers", {}).get("runs_after", []))


def run_all(notebooks: list[Path], out_notebooks: Path, out_figures: Path,
            failed: Path, jobs: int = 1) -> list[Outcome]:
    """Run ``notebooks``, each in its own fresh kernel, ``jobs`` at a time; print one line
    each, in notebook order; keep going after a failure.

    A notebook whose metadata names notebooks it reads from (``runs_after``) starts when those
    have finished, so what it reads is the same whatever ``jobs`` is; the notebooks write
    nothing else in common but the caches, whose entries are written atomically. The notebooks
    others wait for start first, then the rest, each group in notebook order.

    Parameters
    ----------
    notebooks : list of pathlib.Path
        The notebooks, in order.
    out_notebooks, out_figures, failed : pathlib.Path
        Where successful runs, figures and failed runs go (and ``kernels.log``, the
        kernels' stderr).
    jobs : int
        How many kernels run at once (at least 1).

    Returns
    -------
    list of Outcome
        One per notebook, in order.

    Raises
    ------
    ValueError
        When a notebook runs after one that comes later in ``notebooks``.

    Examples
    --------
    >>> run_all([], Path("nb"), Path("fig"), Path("failed"))
    []
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    log = failed / "kernels.log"
    log.unlink(missing_ok=True)
    return run_sync(_run_all)(notebooks, out_notebooks, out_figures, failed, jobs)


async def _run_all(notebooks: list[Path], out_notebooks: Path, out_figures: Path,
                   failed: Path, jobs: int) -> list[Outcome]:
    log = failed / "kernels.log"
    books = [nbformat.read(source, as_version=4) for source in notebooks]
    stems = [source.stem for source in notebooks]
    prior = [[stems.index(name) for name in runs_after(nb) if name in stems] for nb in books]
    for index, source in enumerate(notebooks):
        later = [stems[i] for i in prior[index] if i >= index]
        if later:
            raise ValueError(f"{source.name} runs after {', '.join(later)}, which come(s) "
                             f"later: rename the notebooks so that it comes after them")
    # The notebooks others wait for start first (in notebook order), then the rest: a
    # notebook waiting for a late starter would leave its kernel slot idle at the end.
    awaited = {i for indices in prior for i in indices}
    order = sorted(range(len(notebooks)), key=lambda i: i not in awaited)
    tasks: dict[int, asyncio.Task[Outcome]] = {}
    printed = 0

    async def wait_for(pending: Sequence[asyncio.Task[Outcome]]) -> None:
        # Until one of `pending` ends; then print every line now due, in notebook order.
        nonlocal printed
        await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        while printed in tasks and tasks[printed].done():
            print(tasks[printed].result().line, flush=True)
            printed += 1

    for index in order:
        source = notebooks[index]
        while (running := [t for t in tasks.values() if not t.done()]) and (
                len(running) >= jobs or any(not tasks[i].done() for i in prior[index])):
            await wait_for(running)
        tasks[index] = asyncio.create_task(_execute(
            books[index], source, out_notebooks / source.name, out_figures, failed / source.name,
            log))
    while printed < len(notebooks):
        await wait_for([tasks[i] for i in range(printed, len(notebooks))])
    return [tasks[i].result() for i in range(len(notebooks))]


def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {jobs}")
    return jobs


def main(argv: list[str] | None = None) -> int:
    """Run every ``notebooks/NN-*.ipynb`` (or the ones named, e.g. ``05-lesson``), ``--jobs``
    at a time (default ``default_jobs()``), then write the manifest and the workbook; 1 if any
    notebook failed, 2 for an unknown name, a bad option or a corpus folder that is not one
    (said before any kernel starts), else 0."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.report", description="Execute the notebooks, write the "
        "manifest of what they saved and the workbook of their tables.")
    parser.add_argument("names", nargs="*", metavar="NOTEBOOK",
                        help="notebooks to run (e.g. 05-lesson); default: every one")
    parser.add_argument("-j", "--jobs", type=_jobs, default=None,
                        help=f"notebooks run at once, each in its own kernel (default: "
                             f"{MAX_DEFAULT_JOBS}, or 1 on one processor)")
    try:
        options = parser.parse_args([] if argv is None else argv)
    except SystemExit as exit_:  # argparse has printed why
        return 2 if exit_.code else 0
    names = options.names
    notebooks_dir = project_root() / "notebooks"
    every = sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb"))
    notebooks = [nb for nb in every if not names or nb.name in names or nb.stem in names]
    if names and len(notebooks) < len(set(names)):
        known = ", ".join(nb.stem for nb in every)
        print(f"unknown notebook name in {names}; notebooks are: {known}")
        return 2
    folder = corpus_dir()
    if problem := corpus_folder_problem(folder):   # said once here, not by every kernel
        print(f"{display_path(folder)}: {problem} (set CORPUS_DIR to the folder of pages)",
              file=sys.stderr)
        return 2
    out_notebooks, out_figures, failed = output_folders(folder)
    print(f"corpus: {display_path(folder)}")
    jobs = options.jobs or default_jobs()
    outcomes = run_all(notebooks, out_notebooks, out_figures, failed, jobs=jobs)
    # The manifest covers every notebook, also when only some were run now.
    manifest = build_manifest([out_notebooks / nb.name for nb in every], out_figures)
    workbook = build_workbook(manifest, out_figures)
    print(f"manifest: {display_path(out_figures / 'index.csv')} ({len(manifest)} file(s))")
    if workbook is not None:
        print(f"workbook: {display_path(workbook)}")
    bad = [o for o in outcomes if o.error is not None]
    if bad:
        print(f"{len(bad)} of {len(outcomes)} notebook(s) failed; failed runs are in "
              f"{display_path(failed)}/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
