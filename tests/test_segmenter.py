"""helpers.segmenter gives underthesea.word_tokenize's words byte for byte: on the seeds, on
generated fuzz text, on the VLSP2013 test sentences shipped in underthesea, and with fixed_words
(checked against underthesea in a fresh process, since its fixed_words changes global state)."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pytest
import underthesea
from underthesea.pipeline.word_tokenize import regex_tokenize
from underthesea_core import CRFTagger

from helpers import segmenter
from helpers.paths import PROJECT_ROOT

# The equality suite segments thousands of texts twice: it runs in make test, not make unit.
pytestmark = pytest.mark.slow
SEEDS = PROJECT_ROOT / "seeds"
#: Generated fuzz texts compared per run; raise it (HELPERS_SEGMENTER_FUZZ=20000) for a deep run.
FUZZ_COUNT = int(os.environ.get("HELPERS_SEGMENTER_FUZZ", "1200"))
VLSP_TEST = (Path(underthesea.__file__).parent / "pipeline" / "pos_tag" / "models"
             / "pos_crf_vlsp2013_20230303" / "test_output.txt")

SPECIAL_ATOMS = [
    # URLs, e-mails, numbers, dates, times, abbreviations, plates, emoticons
    "https://baoquocte.vn/hoi-nghi-ngoai-giao-32.html", "http://x.com/a_(b)", "www.mofa.gov.vn/",
    "ftp://files.example.org/x", "mofa.gov.vn", "(xem tại vnexpress.net)", "a@b.vn",
    "ban.bientap@baoquocte.vn", "foo.na@example.com", "1.000.000", "4.123,2", "100,000,000",
    "3,5", "12_000", "60.542.000đ", "19/12", "19/12/2023", "02-03-2014", "2014/08/20",
    "20.08.2014", "10:20:50", "10:08", "23-12", "5-10", "03-5730-2357", "4K", "3x4", "43H-0530",
    "TP.HCM", "TP. HCM", "T.Ư", "Th.S", "ThS.", "Th S", "Th\u00a0s", "Mr.", "Mrs. Smith", "Dr.",
    "Tp.", "NĐ-CP", "H&M", "H'Mông", "N’Thôn", "e-mail", "v.v...", "v.v.", "v.v", "UBND.",
    "ASEAN.", "WTO.", "APEC", "XIII.", "30°C", "=>", "==>", "->", ">>", "...", "----", ":))",
    "=))", ":D", ":Dương", "<3", "♥‿♥", "ʺ", "1.600m-2.000m", "kinh-tế", "a-b-c", "+", "×",
    "÷", "%", "$", "^", "_", "::", "«", "»", "“", "”", "‘", "’", "—", "–", "…", "!!!", "?!",
    "(", ")", "[", "]", "{", "}", "#", "@", "&", "*", "/", "\\", "|", "~", "`",
    # casing outside Vietnamese, normalization, token_map entries, digits from other scripts
    "ΟΔΟΣ", "Σ", "ΣΑΣ.", "İstanbul", "İ", "ı", "Iİ", "ß", "ǅ", "ǈ", "ﬁ", "Ǆ", "K", "Å",
    "ð", "Ð", "Ðà", "nghành", "baì", "hoà", "Hoà", "thuý", "khoẻ", "٣٤", "１２", "²", "½",
    "\u0301a", "e\u0301", "Vie\u0323\u0302t", "a\u200bb", "\ufeff", "x\u00adx",
    # letters-only chunks the regex still splits: unescaped "Th.S"/"Th.s", the letter "ʺ"
    "ThiSơn", "Thisis", "ThaS", "ThS", "ʺab", "aʺb",
]
SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\r\n", ""]


def _seed_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _seed_paragraphs() -> list[str]:
    return [line for page in _seed_pages() for line in page.split("\n")]


def _vlsp_sentences() -> list[str]:
    sentences, words = [], []
    for line in VLSP_TEST.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    if words:
        sentences.append(" ".join(words))
    return sentences


def fuzz_texts(count: int, seed: int = 13) -> list[str]:
    """Deterministic mixed texts: shuffled seed syllables, mixed seed sentences, special atoms."""
    rng = random.Random(seed)
    paragraphs = [p for p in _seed_paragraphs() if p.strip()]
    syllables = [s for p in paragraphs for s in p.split()]
    sentences = [s for p in paragraphs for s in p.split(". ") if s]
    out = ["", " ", "\n", " \t\u00a0 ", "ABC.", "ABC.\n", "ABC. ", "ABC.\n\n", "Th S", ":D",
           "x :D", "TP.HCM.", "Ông A.", "A. B. C."]
    while len(out) < count:
        kind = rng.randrange(4)
        if kind == 0:
            words = rng.sample(syllables, rng.randint(1, 60))
        elif kind == 1:
            words = rng.sample(sentences, rng.randint(1, 4))
        else:
            pool = syllables if kind == 2 else SPECIAL_ATOMS
            words = [rng.choice(pool if rng.random() < 0.6 else SPECIAL_ATOMS)
                     for _ in range(rng.randint(1, 25))]
        text = "".join(w + rng.choice(SEPARATORS) for w in words)
        if rng.random() < 0.1:
            text = unicodedata.normalize("NFD", text)
        if rng.random() < 0.1:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        out.append(text if rng.random() < 0.7 else text.strip())
    return out[:count]


def _assert_same(texts: list[str], ours: list[list[str]]) -> None:
    assert len(ours) == len(texts)
    for text, got in zip(texts, ours, strict=False):
        assert got == underthesea.word_tokenize(text), repr(text)


def test_every_seed_paragraph_and_page_matches_underthesea():
    paragraphs = _seed_paragraphs()
    assert len(paragraphs) > 100
    _assert_same(paragraphs, segmenter.word_tokenize_many(paragraphs))
    _assert_same(paragraphs, [segmenter.word_tokenize(p) for p in paragraphs])
    pages = _seed_pages()
    _assert_same(pages, [segmenter.word_tokenize(p) for p in pages])


def test_generated_fuzz_text_matches_underthesea_cold_and_warm():
    texts = fuzz_texts(FUZZ_COUNT)
    segmenter.clear_caches()
    batched = segmenter.word_tokenize_many(texts)  # cold caches, lock-step Viterbi
    _assert_same(texts, batched)
    one_by_one = [segmenter.word_tokenize(t) for t in texts]  # warm caches, loop Viterbi
    assert one_by_one == batched


def test_vlsp2013_test_sentences_match_underthesea():
    sentences = _vlsp_sentences()
    assert len(sentences) > 2000
    batched = segmenter.word_tokenize_many(sentences)
    _assert_same(sentences, batched)
    small_calls = [w for i in range(0, len(sentences), 7)
                   for w in segmenter.word_tokenize_many(sentences[i:i + 7])]
    assert small_calls == batched


def test_batches_split_at_batch_size_give_the_same_words(monkeypatch):
    texts = fuzz_texts(60, seed=5)
    whole = segmenter.word_tokenize_many(texts)
    monkeypatch.setattr(segmenter, "BATCH_SIZE", 7)
    assert segmenter.word_tokenize_many(texts) == whole


def test_the_collector_is_paused_during_a_batch_and_resumed_after(monkeypatch):
    import gc

    seen = []
    real = segmenter._segment_batch

    def recording(texts, fixed_words):
        seen.append(gc.isenabled())
        if texts and texts[0] == "boom":
            raise RuntimeError("boom")
        return real(texts, fixed_words)

    monkeypatch.setattr(segmenter, "_segment_batch", recording)
    monkeypatch.setattr(segmenter, "BATCH_SIZE", 2)
    assert gc.isenabled()
    assert segmenter.word_tokenize_many(["Hội nghị", "khai mạc", "hôm nay"]) == [
        ["Hội nghị"], ["khai mạc"], ["hôm nay"]]
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(RuntimeError):
        segmenter.word_tokenize_many(["boom"])
    assert gc.isenabled()
    gc.disable()                       # a caller's own pause is left as it was
    try:
        segmenter.word_tokenize_many(["Hội nghị"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_features_equal_underthesea_core_featurizer():
    tables, _ = segmenter._exact_tables()
    texts = fuzz_texts(150, seed=7)
    for text in texts:
        tokens = regex_tokenize.tokenize(text)
        if not tokens:
            continue
        ids = [tables.type_id(t) for t in tokens]
        tables.featurize_pending()
        lay = segmenter._Layout(ids, [len(ids)], tables.span)
        ours = segmenter._attribute_matrix(tables, lay).T
        for i in range(len(tokens)):
            assert [a for a in ours[i].tolist() if a >= 0] == tables.exact_attr_ids(tokens, i)


def test_emission_floats_give_underthesea_core_viterbi_score():
    tables, _ = segmenter._exact_tables()
    tagger = CRFTagger()
    tagger.load(str(segmenter._MODEL_DIR / "models.bin"))
    for text in _seed_paragraphs()[:60] + fuzz_texts(40, seed=3):
        tokens = regex_tokenize.tokenize(text)
        if not tokens:
            continue
        ids = [tables.type_id(t) for t in tokens]
        tables.featurize_pending()
        lay = segmenter._Layout(ids, [len(ids)], tables.span)
        scores = segmenter._emissions(tables, lay, tokens)
        assert (scores == _reference_emissions(tables, tokens)).all(), text
        labels = segmenter._viterbi_loop(scores, tables.model.transitions, [0], [len(ids)])
        trans = tables.model.transitions
        total = scores[0, labels[0]]
        for t in range(1, len(labels)):
            total = total + trans[labels[t - 1], labels[t]] + scores[t, labels[t]]
        features = tables.featurizer.process([[[t] for t in tokens]])[0]
        rust_labels, rust_score = tagger.tag_with_score(features)
        assert [tables.model.labels[y] for y in labels] == rust_labels
        # Rust adds transition + previous before the emission: same order as the loop above
        assert abs(total - rust_score) <= 1e-9 * max(1.0, abs(rust_score)), text


FIXED_CASES = [
    (["ngoại giao toàn diện", "Bùi Thanh Sơn", "cây tre"], 0),
    (["Hội nghị Ngoại giao", "Tổng Bí thư", "điểm cầu", "Sơn La"], 1),
    (["chuyến thăm", "Tập Cận Bình", "2023", "Việt Nam"], 2),
    (["Ban Chấp", "Bộ Chính", "Ủy viên Ban"], 3),  # + next syllable: a dictionary entry
    (["C++", "Th.S", "a.b", "x#y"], 4),  # not plain words: these go to underthesea itself
]


def _fixed_texts() -> list[str]:
    return (_seed_paragraphs()[:40] + fuzz_texts(40, seed=11)
            + ["Bùi Thanh Sơn thăm Tập Cận Bình và cây tre Việt Nam 2023, Th.S C++ a.b x#y"])


def test_fixed_words_match_underthesea_in_a_fresh_process():
    texts = _fixed_texts()
    script = (
        "import json, sys, underthesea\n"
        "cases, texts = json.load(sys.stdin)\n"
        "out = [[underthesea.word_tokenize(t, fixed_words=words) for t in texts]"
        " for words, _ in cases]\n"
        "json.dump(out, sys.stdout)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps([FIXED_CASES, texts]),
                          capture_output=True, text=True, check=True, timeout=300)
    expected = json.loads(done.stdout)
    for (words, _), reference in zip(FIXED_CASES, expected, strict=False):
        assert segmenter.word_tokenize_many(texts, fixed_words=words) == reference, words
        assert [segmenter.word_tokenize(t, fixed_words=words) for t in texts] == reference
    pairs = zip(FIXED_CASES, expected, strict=False)
    # Multi-syllable fixed words were kept whole.
    assert any(" " in w and w in words for (words, _), ref in pairs for para in ref for w in para)


def test_fixed_words_leave_no_global_state():
    texts = [*_seed_paragraphs()[:30], "Th.S Bùi Thanh Sơn, C++ và cây tre."]
    before = [segmenter.word_tokenize(t) for t in texts]
    pattern = regex_tokenize.patterns
    for words, _ in FIXED_CASES:
        segmenter.word_tokenize_many(texts, fixed_words=words)
    assert regex_tokenize.patterns is pattern
    after = [segmenter.word_tokenize(t) for t in texts]
    assert after == before
    _assert_same(texts, after)


def test_version_mismatch_falls_back_to_underthesea_with_one_warning(monkeypatch):
    texts = _seed_paragraphs()[:20] + fuzz_texts(20, seed=2)
    monkeypatch.setattr(segmenter, "VERIFIED_VERSIONS",
                        {"underthesea": "0.0.1", "underthesea_core": "0.0.1"})
    segmenter.clear_caches(model=True)
    calls = []
    original = underthesea.word_tokenize
    monkeypatch.setattr(underthesea, "word_tokenize",
                        lambda *a, **k: calls.append(a) or original(*a, **k))
    try:
        with pytest.warns(RuntimeWarning, match="falling back to underthesea"):
            assert segmenter.backend() == "underthesea"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = segmenter.word_tokenize_many(texts)
        assert len(calls) == len(texts)
        assert got == [original(t) for t in texts]
    finally:
        segmenter.clear_caches(model=True)
    monkeypatch.undo()
    assert segmenter.backend() == "helpers"


def test_bad_input_is_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="not str"):
        segmenter.word_tokenize(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        segmenter.word_tokenize_many(["a", b"b"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one string"):
        segmenter.word_tokenize("a b", fixed_words="a b")
    with pytest.raises(ValueError, match="empty"):
        segmenter.word_tokenize("a b", fixed_words=["a b", " "])


def _reference_emissions(tables, tokens: list[str]) -> np.ndarray:
    rows = []
    for i in range(len(tokens)):
        row = np.zeros(tables.model.weights.shape[1])
        for aid in tables.exact_attr_ids(tokens, i):
            row += tables.model.weights[aid]
        rows.append(row)
    return np.array(rows)


def test_emissions_around_fixed_words_equal_the_featurizers():
    tables, tokenizer = segmenter._exact_tables()
    patched = 0
    for words, _ in FIXED_CASES[:4]:
        for text in _fixed_texts()[:40]:
            ids = tokenizer.fixed_tokens(text, tuple(words))
            tokens = [tables.type_strings[i] for i in ids]
            if not tokens:
                continue
            tables.featurize_pending()
            lay = segmenter._Layout(ids, [len(ids)], tables.span)
            ours = segmenter._emissions(tables, lay, tokens)
            assert (ours == _reference_emissions(tables, tokens)).all(), (words, text)
            attrs = segmenter._attribute_matrix(tables, lay).T
            patched += sum([a for a in attrs[i].tolist() if a >= 0]
                           != tables.exact_attr_ids(tokens, i) for i in range(len(tokens)))
    assert patched > 0  # the integer path alone would be wrong next to these fixed words


def test_a_batchs_emissions_equal_each_texts_own():
    # Texts side by side in one padded layout: empty ones, one- and two-token ones, texts
    # shorter than a window, fixed words (tokens holding a space) at a text's edges.
    tables, tokenizer = segmenter._exact_tables()
    words = ("Hội nghị", "ngoại giao")
    texts = ["", "x", "Th S", "", "A.", "Hội nghị ngoại giao", "ngoại giao là", "",
             *_seed_paragraphs()[:8], *fuzz_texts(12, seed=11), "Hội nghị", ""]
    per_text = [tokenizer.fixed_tokens(t, words) for t in texts]
    tables.featurize_pending()
    ids = [i for text_ids in per_text for i in text_ids]
    tokens = [tables.type_strings[i] for i in ids]
    lay = segmenter._Layout(ids, [len(t) for t in per_text], tables.span)
    scores = segmenter._emissions(tables, lay, tokens)
    attrs = segmenter._attribute_matrix(tables, lay).T
    start = 0
    for text_ids in per_text:
        text_tokens = tokens[start:start + len(text_ids)]
        if text_ids:
            rows = slice(start, start + len(text_ids))
            assert (scores[rows] == _reference_emissions(tables, text_tokens)).all()
            alone = segmenter._Layout(text_ids, [len(text_ids)], tables.span)
            assert (attrs[rows] == segmenter._attribute_matrix(tables, alone).T).all()
        start += len(text_ids)
    assert start == lay.n and any(" " in t for t in tokens)


def _find_probe_by_probe(table, codes):
    """The lookup one probe round at a time until every code is resolved: the reference."""
    out = np.full(len(codes), -1, dtype=np.int64)
    home, todo = table._hash(codes), np.arange(len(codes))
    for probe in range(table.probes):
        slot = (home[todo] + probe) & table.mask
        key = table.keys[slot]
        hit = key == codes[todo]
        out[todo[hit]] = table.rows[slot[hit]]
        todo = todo[~hit & (key != -1)]
    return out


def test_window_lookup_equals_the_probe_by_probe_search():
    rng = np.random.default_rng(0)
    model = segmenter._exact_tables()[0].lookup          # the real table
    # A table whose 500 codes all hash into its first 50 slots: long probe runs.
    same_size = segmenter._CodeTable(np.arange(500), np.arange(500))
    candidates = np.unique(rng.integers(0, 2**40, 100_000))
    crowded_codes = candidates[same_size._hash(candidates) < 50][:500]
    crowded = segmenter._CodeTable(crowded_codes, np.arange(500, dtype=np.int64))
    assert crowded.probes > segmenter._CodeTable.STEPWISE_PROBES + 2
    for table in (model, crowded):
        stored = table.keys[table.keys != -1]
        for n in (0, 1, 7, 2000):
            codes = np.concatenate([rng.choice(stored, n), stored[:n] + 1,
                                    rng.integers(0, stored.max() + 2, n)])
            assert (table.find(codes) == _find_probe_by_probe(table, codes)).all()
        assert (table.find(stored) >= 0).all()     # every stored code is found
    # The bit filter in front lets every key through and stops most other codes.
    others = rng.integers(0, 2**40, 100_000)
    others = others[model.find(others) == -1]
    bits = model._filter_hash(others)
    passed = (model.filter[bits >> 3] >> (bits & 7).astype(np.uint8)) & 1
    assert 0 < passed.mean() < 0.1
    small_blocks = segmenter._CodeTable(crowded_codes, np.arange(500, dtype=np.int64))
    small_blocks.BLOCK = 1000                      # the 2-D step in several blocks
    codes = np.concatenate([crowded_codes, crowded_codes + 1])
    assert (small_blocks.find(codes) == _find_probe_by_probe(crowded, codes)).all()
