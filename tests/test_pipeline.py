"""The per-article function, local parallelism, the cache, and the dask path give one table."""
import shutil

import pandas as pd
import pytest

import helpers
import helpers.text
from conftest import SEEDS
from helpers import pages, pipeline


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    assert df["page"].map(lambda p: isinstance(p, pages.PageResult)).all()
    return df.drop(columns=["tokens", "page"]).assign(tokens=df["tokens"].map(tuple))


def assert_same_corpus(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(_comparable(a), _comparable(b))
    assert a["page"].tolist() == b["page"].tolist()


def test_process_page_is_a_pure_function_of_the_bytes(tmp_path):
    (path,) = SEEDS.glob("002_*.txt")
    data = path.read_bytes()
    first = pages.process_page(path.name, data)
    again = pages.process_page(path.name, data, cache=False)
    assert first.status == "ok" and first.words
    assert first == again
    assert pages.process_page("x.txt", b"").status == "empty"
    bad = pages.process_page("x.txt", b"\xff\xfe\xff")
    assert bad.status == "undecodable" and "x.txt" in bad.error


@pytest.mark.slow
def test_two_local_workers_give_the_same_table_in_the_same_order():
    serial = helpers.load_corpus(workers=1)
    parallel = helpers.load_corpus(workers=2)
    assert_same_corpus(serial, parallel)


def test_worker_choice():
    assert pipeline.choose_workers(10_000) == 1
    assert pipeline.choose_workers(10_000, workers=3) == 3
    with pytest.raises(ValueError, match="at least 1"):
        pipeline.choose_workers(10, workers=0)


def test_worker_choice_from_the_environment(monkeypatch):
    monkeypatch.setenv("HELPERS_WORKERS", "2")
    assert pipeline.choose_workers(10_000) == 2


def test_the_segmentation_cache_alone_spares_segmenting_again(monkeypatch):
    # process_page has no page cache: only the segmentation cache can spare the segmenter.
    (path,) = SEEDS.glob("000_*.txt")
    data = path.read_bytes()
    cold = pages.process_page(path.name, data)

    def refuse(*args, **kwargs):
        raise AssertionError("segmented again")

    monkeypatch.setattr(helpers.text, "_segment_uncached", refuse)
    assert pages.process_page(path.name, data) == cold
    with pytest.raises(AssertionError, match="segmented again"):
        pages.process_page(path.name, data, cache=False)


def test_progress_bar_is_silent_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "PROGRESS_BYTES", 0)       # the seeds would now show one
    helpers.load_corpus(progress=False)
    assert "loading corpus" not in capsys.readouterr().err
    helpers.load_corpus(progress=True)
    assert "loading corpus" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_cluster_gives_the_same_table_as_the_local_path():
    from dask import distributed  # in the lock (dev extra): a missing dask fails, never skips
    local = helpers.load_corpus(workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_cluster = helpers.load_corpus(client=client)
        by_address = helpers.load_corpus(client=cluster.scheduler_address)
    assert_same_corpus(local, on_cluster)
    assert_same_corpus(local, by_address)


def test_a_warm_load_does_not_clean_again_and_a_code_change_invalidates(monkeypatch):
    cold = helpers.load_corpus(workers=1)

    def refuse(*args, **kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(pages, "clean_article", refuse)
    warm = helpers.load_corpus(workers=1)
    assert_same_corpus(cold, warm)
    # A new fingerprint of the package (any edit to its code or data) misses the cache.
    pipeline.pipeline_version.cache_clear()
    monkeypatch.setattr(pipeline, "pipeline_version", lambda: "another-version")
    with pytest.raises(AssertionError, match="cleaned again"):
        helpers.load_corpus(workers=1)


def test_pipeline_version_covers_code_and_data_files(tmp_path, monkeypatch):
    names = {p.name for p in pipeline.fingerprinted_files()}
    assert {"cleaning.py", "pages.py", "page_chrome.toml", "conferences.csv",
            "stopwords.txt"} <= names
    # Editing a data file of the package gives another version.
    copy = tmp_path / "helpers"
    shutil.copytree(pipeline.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "PACKAGE_DIR", copy)
    pipeline.pipeline_version.cache_clear()
    before = pipeline.pipeline_version()
    rules = copy / "data" / "page_chrome.toml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pipeline.pipeline_version.cache_clear()
    after = pipeline.pipeline_version()
    pipeline.pipeline_version.cache_clear()
    assert len(before) == 16 and before != after


@pytest.mark.slow
def test_shingle_hashes_are_stable_across_processes():
    import subprocess
    import sys

    text = helpers.load_corpus()["text"].iat[0]
    here = helpers.shingle_hashes(text).tolist()
    script = ("import helpers; "
              "print(helpers.shingle_hashes(helpers.load_corpus()['text'].iat[0]).tolist())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": "123"})
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == str(here)


def test_loaded_pages_share_one_string_per_token(monkeypatch, tmp_path):
    # Warm (from the disk cache, as a worker's results arrive): every page was unpickled on
    # its own, yet a token common to all pages is one object in memory.
    monkeypatch.setenv("HELPERS_CACHE_DIR", str(tmp_path))
    helpers.load_corpus()
    corpus = helpers.load_corpus()
    firsts = []
    for page in corpus["page"]:
        (found,) = {id(w) for w in page.words if w == "ngoại giao"} or {None}
        firsts.append(found)
    assert len(corpus) == 5 and None not in firsts and len(set(firsts)) == 1
    segment_tokens = {id(t) for page in corpus["page"] for para in page.segments for t in para
                      if t == "ngoại giao"}
    assert len(segment_tokens) == 1
