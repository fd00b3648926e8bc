"""The findings table's rules, and summary sentences that follow the table, not typed text."""
import pandas as pd
import pytest

import helpers
from helpers import findings


def _corpus():
    # 2021: an interview (genre only 2021 has) and a report; 2023: two reports.
    return pd.DataFrame({
        "doc_id": list("abcd"), "year": [2021, 2021, 2023, 2023], "duplicate_of": [None] * 4,
        "kind": ["interview", "report", "report", "report"],
        "tokens": [["chúng ta"] * 6 + ["hợp tác"] * 4,
                   ["mới"] * 6 + ["hợp tác"] * 4,
                   ["tỉnh"] * 5 + ["hợp tác"] * 5,
                   ["tỉnh"] * 5 + ["hợp tác"] * 5],
    })


def test_a_word_only_in_a_genre_the_other_group_lacks_is_not_a_year_finding():
    table = findings.findings_table(_corpus(), 2023, 2021).set_index("word")
    assert table.loc["chúng ta", "genre"] and not table.loc["chúng ta", "year_finding"]
    assert not table.loc["mới", "genre"] and table.loc["mới", "year_finding"]
    assert table.loc["tỉnh", "direction"] == 2023 and not table.loc["tỉnh", "genre"]
    sentences = findings.summarize_findings(findings.findings_table(_corpus(), 2023, 2021))
    more_2021 = next(s for s in sentences if s.startswith("More in 2021"))
    assert "mới" in more_2021 and "chúng ta" not in more_2021
    assert any("mark genre" in s and "chúng ta" in s for s in sentences)


def test_an_article_of_unknown_kind_blocks_genre_attribution():
    corpus = _corpus()
    corpus.loc[0, "kind"] = None
    table = findings.findings_table(corpus, 2023, 2021).set_index("word")
    assert not table.loc["chúng ta", "genre"]


def test_like_for_like_is_computed_or_marked_missing():
    corpus = _corpus()
    reports = corpus["kind"] == "report"
    table = findings.findings_table(corpus, 2023, 2021, like_for_like=reports).set_index("word")
    assert table.loc["tỉnh", "survives_like_for_like"]           # 10:0 between the reports too
    assert not table.loc["chúng ta", "survives_like_for_like"]   # absent from the reports
    nothing = findings.findings_table(corpus, 2023, 2021,
                                      like_for_like=corpus["kind"] == "interview")
    assert nothing["survives_like_for_like"].isna().all()
    assert "not possible" in " ".join(findings.summarize_findings(nothing))


def test_methods_agree_is_computed_from_the_three_statistics():
    table = findings.findings_table(_corpus(), 2023, 2021)
    expected = ((table["log_ratio"].abs() >= 1) & (table["log_odds_z"].abs() >= 1.96)
                & ((table["g2"] > 0) == (table["log_odds_z"] > 0)))
    assert (table["methods_agree"] == expected).all()
    strict = findings.findings_table(_corpus(), 2023, 2021, rules=findings.FindingsRules(z=50))
    assert not strict["methods_agree"].any()
    last = findings.summarize_findings(strict)[-1]
    assert last.endswith(f"on 0 of {len(strict)} words.")


def test_summary_numbers_follow_the_data():
    small = findings.summarize_findings(findings.findings_table(_corpus(), 2023, 2021))
    assert "gives 6 splits" in small[1] and "below 0.333" in small[1]
    bigger = pd.concat([_corpus()] * 3, ignore_index=True).assign(doc_id=list("abcdefghijkl"))
    table = findings.findings_table(bigger, 2023, 2021)
    sentences = findings.summarize_findings(table)
    assert "gives 924 splits" in sentences[1]               # C(12, 6)
    assert f"below {2 / 924:.3g}" in sentences[1]
    assert sentences[0].startswith(f"{table.attrs['words_tested']} words were tested")


def test_findings_on_the_seeds_separate_genre_from_year():
    corpus = helpers.load_corpus()
    table = findings.findings_table(corpus, 2023, 2021,
                                    like_for_like=corpus["kind"] == "closing report")
    by_word = table.set_index("word")
    for word in ("tranh thủ", "chúng ta"):                 # only in the 2021 interviews
        assert by_word.loc[word, "genre"] and not by_word.loc[word, "year_finding"]
    assert table.attrs["article_min_p"] == pytest.approx(0.1)
    assert (table["p_article"] >= 0.1).all()
    assert by_word.loc["quyết tâm", "survives_like_for_like"]
