"""make report's runner: one line per notebook, keeps going after a failure, manifest from
the notebooks' outputs, a workbook that re-runs byte for byte."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from openpyxl import load_workbook

from helpers import report


def _notebook(path, *sources):
    cells = [new_markdown_cell("# title")] + [new_code_cell(s) for s in sources]
    nbformat.write(new_notebook(cells=cells), path)
    return path


def _saving(name, caption):
    return (f"open(r'{name}', 'w', encoding='utf-8-sig').write('word,n\\nhòa bình,3\\n'); "
            f"print('saved table: {name.rsplit('/', 1)[-1]} — {caption}')")


@pytest.mark.slow   # runs notebook kernels
def test_failed_notebook_gives_one_line_and_the_others_still_run(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    good1 = _notebook(src / "01-a.ipynb", "x = 1", "print(x)")
    bad = _notebook(src / "02-b.ipynb", "y = 2", "raise ValueError('no year\\ncolumn')", "z = 3")
    good2 = _notebook(src / "03-c.ipynb", "print('third')")
    out, figs, failed = tmp_path / "out", tmp_path / "figs", tmp_path / "failed"
    outcomes = report.run_all([good1, bad, good2], out, figs, failed)
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["ok  01-a.ipynb",
                     "FAILED 02-b.ipynb: cell 3: ValueError: no year column",
                     "ok  03-c.ipynb"]
    assert [o.error is None for o in outcomes] == [True, False, True]
    # Successful runs are written with their outputs; the failed one only for inspection.
    assert (out / "01-a.ipynb").is_file() and (out / "03-c.ipynb").is_file()
    assert not (out / "02-b.ipynb").exists()
    assert (failed / "02-b.ipynb").is_file()
    third = nbformat.read(out / "03-c.ipynb", as_version=4)
    assert third.cells[1].outputs[0]["text"] == "third\n"


@pytest.mark.slow   # runs notebook kernels
def test_main_exits_1_when_a_notebook_fails(tmp_path, monkeypatch, capsys):
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    (root / "seeds").mkdir()
    _notebook(root / "notebooks" / "01-a.ipynb", "1 + 1")
    _notebook(root / "notebooks" / "02-b.ipynb", "1 / 0")
    monkeypatch.setattr(report, "PROJECT_ROOT", root)
    monkeypatch.setattr(report, "seeds_dir", lambda: root / "seeds")
    monkeypatch.setattr(report, "corpus_dir", lambda: root / "seeds")
    monkeypatch.setattr(report, "figures_dir", lambda: root / "figures")
    monkeypatch.setattr(report, "build_dir", lambda: root / "build")
    assert report.main([]) == 1
    text = capsys.readouterr().out
    assert "FAILED 02-b.ipynb: cell 2: ZeroDivisionError: division by zero" in text
    assert "Traceback" not in text
    # Only 02 is missing; 01 is written over the committed one, 02 under build/failed.
    assert (root / "build" / "failed" / "02-b.ipynb").is_file()


@pytest.mark.parametrize("make", ["nothing", "a file"])
def test_main_exits_2_before_any_kernel_when_the_corpus_folder_is_not_one(tmp_path, monkeypatch,
                                                                          capsys, make):
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    _notebook(root / "notebooks" / "01-a.ipynb", "1 + 1")
    corpus = root / "my-corpus"
    if make == "a file":
        corpus.write_text("a page", encoding="utf-8")
    monkeypatch.setattr(report, "PROJECT_ROOT", root)
    monkeypatch.setattr(report, "corpus_dir", lambda: corpus)
    monkeypatch.setattr(report, "build_dir", lambda: root / "build")
    monkeypatch.setattr(report, "run_all", lambda *a, **k: pytest.fail("a kernel was started"))
    assert report.main([]) == 2
    said = capsys.readouterr().err
    assert "my-corpus: " in said and "(set CORPUS_DIR to the folder of pages)" in said
    assert ("a file, not a folder" if make == "a file" else "corpus folder not found") in said
    assert not (root / "build").exists()                   # no output folders made for it


@pytest.mark.slow   # runs notebook kernels
def test_main_exits_0_when_all_succeed(tmp_path, monkeypatch, capsys):
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    _notebook(root / "notebooks" / "01-a.ipynb", "1 + 1")
    monkeypatch.setattr(report, "PROJECT_ROOT", root)
    (root / "other").mkdir()
    monkeypatch.setattr(report, "corpus_dir", lambda: root / "other")
    monkeypatch.setattr(report, "seeds_dir", lambda: root / "seeds")
    monkeypatch.setattr(report, "build_dir", lambda: root / "build")
    assert report.main([]) == 0
    assert "ok  01-a.ipynb" in capsys.readouterr().out
    # Another corpus folder: everything goes to build/<name>/, nothing over notebooks/.
    assert (root / "build" / "other" / "notebooks" / "01-a.ipynb").is_file()
    assert nbformat.read(root / "notebooks" / "01-a.ipynb", as_version=4).cells[1].outputs == []


@pytest.mark.slow   # runs a notebook kernel
def test_manifest_is_built_from_the_saved_lines_in_outputs(tmp_path):
    figs = tmp_path / "figs"
    figs.mkdir()
    nb1 = _notebook(tmp_path / "01-a.ipynb",
                    _saving(str(figs / "01-counts.csv"), "Counts per year"),
                    "print('saved figure: 01-plot.png — Lengths')")
    (figs / "01-plot.svg").write_text("<svg/>")
    (figs / "01-plot.csv").write_text("x\n1\n")
    nb2 = _notebook(tmp_path / "02-b.ipynb", "print('nothing saved')",
                    _saving(str(figs / "02-top.csv"), "Top words"))
    out = tmp_path / "out"
    report.run_all([nb2, nb1], out, figs, tmp_path / "failed")
    executed = [out / "01-a.ipynb", out / "02-b.ipynb", out / "09-x.ipynb"]
    manifest = report.build_manifest(executed, figs)
    assert manifest.values.tolist() == [
        ["01-counts.csv", "01-a.ipynb", 2, "table", "Counts per year"],
        ["01-plot.png", "01-a.ipynb", 3, "figure", "Lengths"],
        ["01-plot.svg", "01-a.ipynb", 3, "figure", "Lengths"],
        ["01-plot.csv", "01-a.ipynb", 3, "figure data", "Lengths"],
        ["02-top.csv", "02-b.ipynb", 3, "table", "Top words"],
    ]
    on_disk = pd.read_csv(figs / "index.csv")
    assert on_disk["file"].tolist() == manifest["file"].tolist()


def test_saved_lines_with_several_files_or_no_caption():
    nb = nbformat.v4.new_notebook(cells=[new_code_cell("x", outputs=[nbformat.v4.new_output(
        "stream", name="stdout",
        text="saved table: 03-keyness-full.csv — \nsaved figures: 02-a.png, 02-b.png – Two\n"
             "not a saved line\n")])])
    rows = report.saved_files(nb, "02-x.ipynb")[["file", "kind", "caption"]].values.tolist()
    assert rows == [["03-keyness-full.csv", "table", ""], ["02-a.png", "figure", "Two"],
                    ["02-b.png", "figure", "Two"]]


def test_workbook_has_every_table_and_is_byte_reproducible(tmp_path):
    (tmp_path / "01-counts.csv").write_text("word,n\nhòa bình,3\nngoại giao,2\n",
                                            encoding="utf-8-sig")
    (tmp_path / "02-top.csv").write_text("year,share\n2023,0.5\n", encoding="utf-8-sig")
    manifest = pd.DataFrame([["01-counts.csv", "01-a.ipynb", 2, "table", "Counts"],
                             ["01-plot.png", "01-a.ipynb", 3, "figure", "Plot"],
                             ["02-top.csv", "02-b.ipynb", 3, "table", "Top"]],
                            columns=report.MANIFEST_COLUMNS)
    first = report.build_workbook(manifest, tmp_path).read_bytes()
    book = load_workbook(tmp_path / "tables.xlsx")
    assert book.sheetnames == ["index", "01-counts", "02-top"]
    assert [c.value for c in book["01-counts"]["A"]] == ["word", "hòa bình", "ngoại giao"]
    assert book["02-top"]["B2"].value == 0.5
    assert book["index"]["D3"].value == "Top"
    second = report.build_workbook(manifest, tmp_path).read_bytes()
    assert first == second
    archive = zipfile.ZipFile(tmp_path / "tables.xlsx")
    assert {i.date_time for i in archive.infolist()} == {report.FIXED_DATE.timetuple()[:6]}
    core = archive.read("docProps/core.xml").decode()
    # Both document dates fixed: openpyxl stamps `modified` with the current time on save.
    assert core.count("2000-01-01T00:00:00Z") == 2, core


def test_workbook_names_a_missing_table(tmp_path):
    manifest = pd.DataFrame([["01-gone.csv", "01-a.ipynb", 4, "table", "Gone"]],
                            columns=report.MANIFEST_COLUMNS)
    try:
        report.build_workbook(manifest, tmp_path)
    except FileNotFoundError as exc:
        assert "01-gone.csv" in str(exc) and "cell 4" in str(exc)
    else:
        raise AssertionError("a missing table must be an error")


@pytest.mark.slow   # runs a notebook kernel
def test_output_flushed_in_parts_is_written_as_one_stream(tmp_path):
    source = _notebook(tmp_path / "01-a.ipynb",
                       "import sys, time\nsys.stdout.write('101 repairs'); sys.stdout.flush()\n"
                       "time.sleep(0.3)\nprint()\nprint('next line')")
    report.run_all([source], tmp_path / "out", tmp_path / "figs", tmp_path / "failed")
    outputs = nbformat.read(tmp_path / "out" / "01-a.ipynb", as_version=4).cells[1].outputs
    assert [(o["output_type"], o["text"]) for o in outputs] == [
        ("stream", "101 repairs\nnext line\n")]


@pytest.mark.slow   # runs a notebook kernel
def test_widget_views_are_not_written(tmp_path):
    source = _notebook(tmp_path / "01-a.ipynb", "import ipywidgets\nipywidgets.IntSlider(value=3)")
    report.run_all([source], tmp_path / "out", tmp_path / "figs", tmp_path / "failed")
    written = nbformat.read(tmp_path / "out" / "01-a.ipynb", as_version=4)
    (output,) = written.cells[1].outputs
    assert report.WIDGET_VIEW not in output["data"] and "IntSlider" in output["data"]["text/plain"]
    assert "widgets" not in written.metadata


def _stamping(name, seconds=0.0):
    # A cell that records when it started and ended, in the run's figures folder.
    return ("import os, time; from pathlib import Path\n"
            "out = Path(os.environ['HELPERS_FIGURES_DIR'])\n"
            "out.mkdir(parents=True, exist_ok=True)\n"
            f"start = time.time(); time.sleep({seconds})\n"
            f"(out / '{name}.times').write_text(f'{{start}} {{time.time()}}')\n"
            f"print('{name} done')")


def _times(folder, name):
    start, end = (float(x) for x in (folder / f"{name}.times").read_text().split())
    return start, end


@pytest.mark.slow   # runs notebook kernels
def test_notebooks_run_at_once_but_report_in_order(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    slow = _notebook(src / "01-slow.ipynb", _stamping("01", seconds=3))
    quick = _notebook(src / "02-quick.ipynb", _stamping("02"))
    bad = _notebook(src / "03-bad.ipynb", "1 / 0")
    runs = {}
    for jobs in (1, 2):
        out, figs = tmp_path / f"out{jobs}", tmp_path / f"figs{jobs}"
        outcomes = report.run_all([slow, quick, bad], out, figs, tmp_path / f"failed{jobs}",
                                  jobs=jobs)
        assert [o.line for o in outcomes] == ["ok  01-slow.ipynb", "ok  02-quick.ipynb",
                                              "FAILED 03-bad.ipynb: cell 2: ZeroDivisionError: "
                                              "division by zero"]
        # Printed in notebook order although 02 and 03 end before 01 when run at once.
        assert capsys.readouterr().out.splitlines() == [o.line for o in outcomes]
        runs[jobs] = {name: (out / name).read_bytes() for name in ("01-slow.ipynb",
                                                                   "02-quick.ipynb")}
        assert not (out / "03-bad.ipynb").exists()
        assert (tmp_path / f"failed{jobs}" / "03-bad.ipynb").is_file()
    assert runs[1] == runs[2]   # the executed notebooks are the same bytes
    # One at a time, 02 starts after 01 ends; two at a time, while 01 still runs.
    assert _times(tmp_path / "figs1", "02")[0] >= _times(tmp_path / "figs1", "01")[1]
    assert _times(tmp_path / "figs2", "02")[0] < _times(tmp_path / "figs2", "01")[1]


@pytest.mark.slow   # runs notebook kernels
def test_a_notebook_runs_after_the_ones_it_reads_which_start_first(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    other = _notebook(src / "01-other.ipynb", _stamping("01"))
    writer = _notebook(src / "02-writes.ipynb", _stamping("02", seconds=2))
    reader = src / "03-reads.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(_stamping("03"))],
                                metadata={"helpers": {"runs_after": ["02-writes"]}}), reader)
    for jobs in (1, 3):
        figs = tmp_path / f"figs{jobs}"
        report.run_all([other, writer, reader], tmp_path / "out", figs, tmp_path / "failed",
                       jobs=jobs)
        assert capsys.readouterr().out.splitlines() == [
            "ok  01-other.ipynb", "ok  02-writes.ipynb", "ok  03-reads.ipynb"]
        assert _times(figs, "03")[0] >= _times(figs, "02")[1]   # 03 waits for what it reads
    # The awaited notebook starts first; the others do not wait for it.
    assert _times(tmp_path / "figs1", "01")[0] >= _times(tmp_path / "figs1", "02")[1]
    assert _times(tmp_path / "figs3", "01")[0] < _times(tmp_path / "figs3", "02")[1]


def test_a_notebook_cannot_run_after_a_later_one(tmp_path):
    early = tmp_path / "01-a.ipynb"
    nbformat.write(new_notebook(metadata={"helpers": {"runs_after": ["02-b"]}}), early)
    later = _notebook(tmp_path / "02-b.ipynb", "1")
    with pytest.raises(ValueError, match=r"01-a\.ipynb runs after 02-b"):
        report.run_all([early, later], tmp_path / "out", tmp_path / "figs", tmp_path / "failed",
                       jobs=2)
    with pytest.raises(ValueError, match="at least 1"):
        report.run_all([later], tmp_path / "out", tmp_path / "figs", tmp_path / "failed", jobs=0)


def test_the_project_notebooks_run_after_earlier_ones_only():
    every = sorted((report.project_root() / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    stems = [nb.stem for nb in every]
    needs = {nb.stem: report.runs_after(nbformat.read(nb, as_version=4)) for nb in every}
    for stem, names in needs.items():
        for name in names:
            assert name in stems[:stems.index(stem)], f"{stem} runs after {name}"
    # The findings list the files notebook 03 saves.
    assert "03-tfidf-comparison" in needs["06-findings"]


def test_jobs_option(monkeypatch, capsys):
    assert report.main(["--jobs", "0"]) == 2
    assert "must be at least 1" in capsys.readouterr().err
    calls = []
    monkeypatch.setattr(report, "run_all", lambda *args, jobs: calls.append(jobs) or [])
    monkeypatch.setattr(report, "build_manifest", lambda *args: pd.DataFrame())
    monkeypatch.setattr(report, "build_workbook", lambda *args: None)
    assert report.main(["-j", "3", "01-corpus"]) == 0
    assert report.main(["01-corpus"]) == 0
    assert calls == [3, report.default_jobs()]


def test_kernels_get_our_environment_and_the_figures_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    env = report.kernel_environment(tmp_path / "figs")
    assert env["HELPERS_FIGURES_DIR"] == str(tmp_path / "figs")
    # Bytecode is compiled when the environment is installed (Makefile), read from beside the
    # sources; a prefix would make Python look for it elsewhere and compile every library again.
    assert env["PYTHONDONTWRITEBYTECODE"] == "1" and "PYTHONPYCACHEPREFIX" not in env


def test_the_report_command_skips_the_slow_iri_checker_and_still_reads_notebooks(tmp_path):
    # `python -m helpers.report` marks rfc3987_syntax absent before nbformat imports
    # jsonschema; nbformat still reads and validates a notebook in that process.
    code = ("import runpy, sys; sys.argv = ['report', '--help']\n"
            "try:\n    runpy.run_module('helpers.report', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import nbformat\n"
            "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
            "nbformat.validate(nb)\n"
            "print(sys.modules['rfc3987_syntax'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout
    assert out.strip().endswith("None")


def test_workbook_takes_a_table_with_control_characters(tmp_path):
    # a page's line with a form feed (pdftotext's page break) in the cleaning audit's table:
    # the workbook failed (IllegalCharacterError); the cell shows U+FFFD, the CSV keeps it
    (tmp_path / "01-audit.csv").write_text("line,text\n34,1/3\x0c12/16/21\n", encoding="utf-8-sig")
    manifest = pd.DataFrame([["01-audit.csv", "01-a.ipynb", 2, "table", "Audit"]],
                            columns=report.MANIFEST_COLUMNS)
    report.build_workbook(manifest, tmp_path)
    book = load_workbook(tmp_path / "tables.xlsx")
    assert book["01-audit"]["B2"].value == "1/3\ufffd12/16/21"


@pytest.mark.slow   # runs notebook kernels
@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets: TCP on Windows")
def test_kernels_talk_over_sockets_no_other_process_can_take(tmp_path, monkeypatch):
    # Over TCP, a port chosen free could be taken before the kernel bound it (two kernels
    # starting at once): the kernel died and the report waited 60 s for it.
    folders = []
    made = report.tempfile.TemporaryDirectory

    def recording(*args, **kwargs):
        folder = made(*args, **kwargs)
        folders.append(folder.name)
        return folder

    monkeypatch.setattr(report.tempfile, "TemporaryDirectory", recording)
    src = tmp_path / "src"
    src.mkdir()
    shown = "from ipykernel.kernelapp import IPKernelApp; app = IPKernelApp.instance(); " \
            "print(app.transport, app.ip)"
    notebooks = [_notebook(src / f"0{i}-k.ipynb", shown) for i in (1, 2)]
    outcomes = report.run_all(notebooks, tmp_path / "out", tmp_path / "figs", tmp_path / "bad")
    assert [o.error for o in outcomes] == [None, None]
    said = [nbformat.read(tmp_path / "out" / n.name, as_version=4).cells[1].outputs[0]["text"]
            for n in notebooks]
    assert all(line.startswith("ipc ") for line in said), said    # not "tcp 127.0.0.1"
    assert sorted(said) == sorted(f"ipc {folder}/k\n" for folder in folders)
    assert len(set(folders)) == 2                              # a folder for each kernel
    assert not any(os.path.exists(folder) for folder in folders)   # removed with its sockets
