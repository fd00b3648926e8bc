"""The seeds are the shared pages, byte for byte, and nothing writes into them."""
import csv
import hashlib

import helpers
from conftest import SEEDS
from helpers.paths import PROJECT_ROOT


def _manifest() -> dict[str, str]:
    lines = (PROJECT_ROOT / "tests" / "seeds.sha256").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


def _digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}


def test_seed_pages_match_the_committed_manifest():
    assert _digests() == _manifest()


def test_loading_and_auditing_leave_seeds_untouched():
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in SEEDS.iterdir()}
    corpus = helpers.load_corpus()
    helpers.cleaning_audit(corpus)
    helpers.line_accounting(corpus)
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in SEEDS.iterdir()}
    assert after == before


def test_catalog_has_one_valid_row_per_seed_file():
    with open(SEEDS / "catalog.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["file"] for r in rows) == sorted(_manifest())
    codes = set(helpers.conferences().index)
    for row in rows:
        assert row["event"] in codes
        assert row["date_precision"] in {"day", "approximate"}
        assert row["kind"] and row["title"] and row["published"]


def test_catalog_dates_fall_on_the_conferences_they_cover():
    corpus = helpers.load_corpus()
    by_file = corpus.set_index("doc_id")
    # What the pages themselves print or imply (see the catalog notes).
    assert str(by_file.loc["002_ed76183e011c5285", "published"].date()) == "2021-12-13"
    assert str(by_file.loc["000_81a13d3eb0ca6e22", "published"].date()) == "2023-12-19"
    assert str(by_file.loc["001_a5ec4419648efbd0", "published"].date()) == "2023-12-23"
    assert str(by_file.loc["004_b5a5b979df70e810", "published"].date()) == "2021-12-18"
    assert by_file["year"].to_dict() == {
        "000_81a13d3eb0ca6e22": 2023, "001_a5ec4419648efbd0": 2023,
        "002_ed76183e011c5285": 2021, "003_079bd86adfea4555": 2021,
        "004_b5a5b979df70e810": 2021,
    }


def test_relative_paths_in_the_environment_are_taken_from_the_project(monkeypatch):
    from helpers import paths

    monkeypatch.setenv("CORPUS_DIR", "build/some-corpus")
    monkeypatch.setenv("HELPERS_FIGURES_DIR", "build/test-figures")
    monkeypatch.setenv("HELPERS_BUILD_DIR", "build/elsewhere")
    monkeypatch.chdir(PROJECT_ROOT / "notebooks")            # where kernels start
    assert paths.corpus_dir() == PROJECT_ROOT / "build" / "some-corpus"
    assert paths.figures_dir() == PROJECT_ROOT / "build" / "test-figures"
    assert paths.build_dir() == PROJECT_ROOT / "build" / "elsewhere"
    monkeypatch.delenv("HELPERS_BUILD_DIR")
    assert paths.build_dir() == PROJECT_ROOT / "build"
    monkeypatch.setenv("CORPUS_DIR", "/data/articles")
    assert str(paths.corpus_dir()) == "/data/articles"
