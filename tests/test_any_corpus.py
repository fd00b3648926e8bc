"""load_corpus, the check command and every notebook on a varied folder it has never seen."""
import os
import subprocess
import sys

import pandas as pd
import pytest

import helpers
from corpus_builder import EXPECTED, build_varied_corpus
from helpers import CorpusWarning
from helpers.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    return build_varied_corpus(tmp_path_factory.mktemp("corpora") / "varied-test-corpus")


@pytest.fixture(scope="module")
def loaded(varied):
    with pytest.warns(CorpusWarning) as record:
        corpus = helpers.load_corpus(varied, on_error="skip")
    return corpus.set_index("doc_id"), [str(w.message) for w in record]


def test_every_inferred_field_matches_what_was_built(loaded):
    corpus, _ = loaded
    assert sorted(corpus.index) == sorted(EXPECTED)
    for doc_id, fields in EXPECTED.items():
        row = corpus.loc[doc_id]
        for field, expected in fields.items():
            value = row[field]
            if field == "published":
                value = None if pd.isna(value) else str(value.date())
            elif pd.isna(value) if not isinstance(value, list) else False:
                value = None
            assert value == expected, f"{doc_id}: {field} is {value!r}, expected {expected!r}"


def test_every_page_reads_to_the_same_text_whatever_its_encoding(loaded):
    corpus, _ = loaded
    seeds = helpers.load_corpus().set_index("doc_id")
    for doc_id in seeds.index:
        assert corpus.loc[doc_id, "text"] == seeds.loc[doc_id, "text"]
        assert corpus.loc[doc_id, "tokens"] == seeds.loc[doc_id, "tokens"]


def test_bad_files_are_named_in_warnings(loaded):
    _, messages = loaded
    joined = "\n".join(messages)
    assert "empty.txt: empty file (no visible text), skipped" in joined
    assert "broken.txt: cannot decode as UTF-8" in joined


def test_analyses_use_one_copy(loaded):
    corpus, _ = loaded
    kept = helpers.analysable(corpus.reset_index())["doc_id"].tolist()
    assert "dc32-syndicated" not in kept and "dc31-mobile" not in kept and len(kept) == 6


def test_check_command_on_the_folder(varied, capsys):
    from helpers.check import describe

    assert describe(varied) == 2
    out = capsys.readouterr().out
    assert "8 article(s)" in out
    assert "dc32-syndicated.txt  2023-12-19  DC32" in out
    assert "DUPLICATE of 000_81a13d3eb0ca6e22" in out
    # Only what is known is shown: 003 states no date, so its line goes straight to the event.
    assert "003_079bd86adfea4555.txt  NFAC" in out and "date?" not in out and "nan" not in out
    assert "WARNING: broken.txt" in out


@pytest.mark.slow
def test_every_notebook_runs_on_the_folder_and_writes_to_build(varied, tmp_path):
    """`CORPUS_DIR=... make report`, as a user would run it: the executed notebooks and figures
    go to $HELPERS_BUILD_DIR/<folder name>/ (build/ by default), the committed ones are
    untouched."""
    import nbformat  # only here: its import costs seconds that the fast tests need not pay

    committed = {p: p.read_bytes() for p in (PROJECT_ROOT / "notebooks").glob("*.ipynb")}
    env = {**os.environ, "CORPUS_DIR": str(varied), "HELPERS_BUILD_DIR": str(tmp_path)}
    env.pop("HELPERS_FIGURES_DIR", None)
    result = subprocess.run([sys.executable, "-m", "helpers.report"], env=env, cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "varied-test-corpus"
    for source in committed:
        executed = nbformat.read(out / "notebooks" / source.name, as_version=4)
        errors = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert not errors, f"{source.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    assert (out / "figures" / "03-keyness-2023-vs-2018.png").is_file()  # groups read from the data
    assert {p: p.read_bytes() for p in committed} == committed


@pytest.mark.slow
def test_every_notebook_runs_on_a_folder_with_no_article_to_analyse(tmp_path):
    """A folder of English pages (an English-language daily's coverage): the analyses read
    Vietnamese, so none is analysable; every notebook still runs to its end, saying so, with no
    error and no warning of a number divided by nothing or an empty plot."""
    import shutil

    import nbformat

    data = PROJECT_ROOT / "tests" / "data"
    folder = tmp_path / "english-pages"
    folder.mkdir()
    for name in ("shapes10", "shapes8", "shapes9"):
        expected = pd.read_csv(data / name / "expected.csv", dtype=str, keep_default_na=False)
        for file in expected.loc[expected["language"] == "en", "file"]:
            shutil.copy(data / name / file, folder / f"{name}_{file}")
    assert len(list(folder.iterdir())) >= 3
    env = {**os.environ, "CORPUS_DIR": str(folder), "HELPERS_BUILD_DIR": str(tmp_path / "build")}
    env.pop("HELPERS_FIGURES_DIR", None)
    result = subprocess.run([sys.executable, "-m", "helpers.report"], env=env, cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in sorted((tmp_path / "build" / "english-pages" / "notebooks").glob("*.ipynb")):
        outputs = [o for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
                   for o in c.get("outputs", [])]
        stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
        assert "Warning" not in stderr, f"{path.name}: {stderr}"
        text = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
        assert "nan%" not in text, path.name
    corpus_notebook = (tmp_path / "build" / "english-pages" / "notebooks" / "01-corpus.ipynb")
    assert "0 analysable articles" in corpus_notebook.read_text()
