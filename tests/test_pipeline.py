"""The spaCy pipeline wraps the plain recognizers."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import build_nlp

REPO = Path(__file__).resolve().parents[1]
BULLETIN = REPO / "corpus" / "yongzhou-2024-10-12.txt"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def test_components_and_char_tokens(nlp) -> None:
    assert nlp.pipe_names == ["bulletin_places", "bulletin_officials", "bulletin_orgs", "bulletin_ents",
                              "bulletin_dates", "bulletin_quantities"]
    assert [t.text for t in nlp.make_doc("道县县委")] == ["道", "县", "县", "委"]


def test_entities_from_region_in_user_data(nlp) -> None:
    doc = nlp.make_doc("市委书记朱洪武第一时间赶到宁远县，市应急管理局开展行动。")
    doc.user_data["region"] = "永州市"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ents == [("市委书记", "TITLE"), ("朱洪武", "PERSON"), ("宁远县", "PLACE"),
                    ("市应急管理局", "ORG")]
    assert [s.text for s in doc.spans["officials"]] == ["市委书记朱洪武"]
    assert [s.text for s in doc.spans["places"]] == ["宁远县"]
    assert [s.text for s in doc.spans["orgs"]] == ["市应急管理局"]


def test_region_from_component_config() -> None:
    nlp = build_nlp(region="永州市")
    doc = nlp("刘厚就宁远火灾作出指示")
    assert [(e.text, e.label_) for e in doc.ents] == [("宁远", "PLACE")]


def test_real_bulletin_entities_do_not_overlap() -> None:
    nlp = build_nlp(region="永州市")
    doc = nlp(BULLETIN.read_text(encoding="utf-8"))
    labels = {e.label_ for e in doc.ents}
    assert labels == {"PLACE", "ORG", "TITLE", "PERSON"}
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "朱洪武" in persons and "谭芳龙" in persons
    assert len(doc.spans["officials"]) == 20


def test_dates_and_quantities_components() -> None:
    nlp = build_nlp(region="永州市", ref_date="2024-10-12")
    doc = nlp("10月8日至11月8日，全市排查隐患7450个，整改率99.62%。")
    assert [s.text for s in doc.spans["dates"]] == ["10月8日至11月8日"]
    assert [s.text for s in doc.spans["quantities"]] == ["7450个", "99.62%"]
    assert doc.user_data["records_dates"][0].date_end == "2024-11-08"
