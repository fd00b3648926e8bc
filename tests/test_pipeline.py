"""The per-article function, local parallelism, the cache, and the dask path give one table."""
import pandas as pd
import pytest

import helpers
import helpers.text
from helpers import corpus as corpus_module
from helpers import pipeline


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=["tokens"]).assign(tokens=df["tokens"].map(tuple))


def test_process_page_is_a_pure_function_of_the_bytes(tmp_path):
    from conftest import SEEDS

    (path,) = SEEDS.glob("002_*.txt")
    data = path.read_bytes()
    first = pipeline.process_page(path.name, data)
    again = pipeline.process_page(path.name, data, cache=False)
    assert first["status"] == "ok"
    assert first["tokens"] == again["tokens"] and first["article"] == again["article"]
    assert pipeline.process_page("x.txt", b"")["status"] == "empty"
    bad = pipeline.process_page("x.txt", b"\xff\xfe\xff")
    assert bad["status"] == "undecodable" and "x.txt" in bad["error"]


def test_two_local_workers_give_the_same_table_in_the_same_order():
    serial = helpers.load_corpus(workers=1)
    parallel = helpers.load_corpus(workers=2)
    pd.testing.assert_frame_equal(_comparable(serial), _comparable(parallel))


def test_worker_choice():
    assert pipeline.choose_workers(10_000) == 1
    assert pipeline.choose_workers(10_000, workers=3) == 3
    with pytest.raises(ValueError, match="at least 1"):
        pipeline.choose_workers(10, workers=0)


def test_worker_choice_from_the_environment(monkeypatch):
    monkeypatch.setenv("HELPERS_WORKERS", "2")
    assert pipeline.choose_workers(10_000) == 2


def test_a_warm_load_does_no_segmentation(monkeypatch):
    cold = helpers.load_corpus(workers=1)

    def refuse(text):
        raise AssertionError(f"segmented again: {text[:30]}")

    monkeypatch.setattr(helpers.text.underthesea, "word_tokenize", refuse)
    warm = helpers.load_corpus(workers=1)
    pd.testing.assert_frame_equal(_comparable(cold), _comparable(warm))


def test_progress_bar_is_silent_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "PROGRESS_BYTES", 0)       # the seeds would now show one
    helpers.load_corpus(progress=False)
    assert "loading corpus" not in capsys.readouterr().err
    helpers.load_corpus(progress=True)
    assert "loading corpus" in capsys.readouterr().err


def test_dask_cluster_gives_the_same_table_as_the_local_path():
    from dask import distributed  # in the lock (dev extra): a missing dask fails, never skips
    local = helpers.load_corpus(workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_cluster = helpers.load_corpus(client=client)
        by_address = helpers.load_corpus(client=cluster.scheduler_address)
    pd.testing.assert_frame_equal(_comparable(local), _comparable(on_cluster))
    pd.testing.assert_frame_equal(_comparable(local), _comparable(by_address))


def test_a_warm_load_does_not_clean_again_and_a_code_change_invalidates(monkeypatch):
    cold = helpers.load_corpus(workers=1)

    def refuse(*args, **kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(corpus_module, "clean_article", refuse)
    warm = helpers.load_corpus(workers=1)
    pd.testing.assert_frame_equal(_comparable(cold), _comparable(warm))
    # A new fingerprint of the package (any edit to its code or data) misses the cache.
    pipeline.pipeline_version.cache_clear()
    monkeypatch.setattr(pipeline, "pipeline_version", lambda: "another-version")
    with pytest.raises(AssertionError, match="cleaned again"):
        helpers.load_corpus(workers=1)


def test_pipeline_version_covers_code_and_data_files():
    pipeline.pipeline_version.cache_clear()
    version = pipeline.pipeline_version()
    assert len(version) == 16 and version == pipeline.pipeline_version()


def test_shingle_hashes_are_stable_across_processes():
    import subprocess
    import sys

    text = helpers.load_corpus()["text"].iat[0]
    here = corpus_module.shingle_hashes(text).tolist()
    script = ("import helpers.corpus as c, helpers; "
              "print(c.shingle_hashes(helpers.load_corpus()['text'].iat[0]).tolist())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": "123"})
    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == str(here)
