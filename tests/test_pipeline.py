"""The per-article function, local parallelism, the cache, and the dask path give one table."""
import pandas as pd
import pytest

import helpers
import helpers.text
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
