"""Events and facts on whole bulletins: the real one at 100%, the written ones at >= 0.95,
and the assembly rules on sentences of the genre."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract import extract_files, extract_text
from extract.evaluate import evaluate

from conftest import CORPUS, REAL


@pytest.fixture(scope="module")
def predicted(tmp_path_factory) -> Path:
    from extract.cli import main
    out = tmp_path_factory.mktemp("pred")
    assert main(["run", str(CORPUS), "--out", str(out), "--force", "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def corpus_scores(predicted) -> dict:
    return evaluate(CORPUS / "gold", predicted)


def test_real_bulletin_strict_f1_is_one(predicted, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for f in (CORPUS / "gold").glob("yongzhou-2024-10-12.*.jsonl"):
        (gold / f.name).write_bytes(f.read_bytes())
    metrics = evaluate(gold, predicted)
    for table in ("events", "facts"):
        assert metrics[table]["strict"]["f1"] == 1.0, metrics[table]["misses"]


def _strict_f1(metrics: dict, table: str) -> float:
    return metrics[table]["strict"]["f1"]


def test_written_bulletins_reach_095(corpus_scores):
    for table in ("events", "facts"):
        assert _strict_f1(corpus_scores, table) >= 0.95, table


@pytest.mark.parametrize("folder", ["heldout", "heldout2", "heldout3"])
def test_further_writers_bulletins_reach_095(predicted, folder):
    """Bulletins by further writers, first scored before any rule was tuned on them
    (heldout: events 0.80, facts 0.85; heldout2: 0.71, 0.92; heldout3: 0.88, 0.83 then)."""
    metrics = evaluate(CORPUS / folder / "gold", predicted)
    for table in ("events", "facts"):
        assert _strict_f1(metrics, table) >= 0.95, table


def _days(frame):
    """The API's date columns are datetime64; these tests write days as datetime.date."""
    for col in frame.select_dtypes("datetime").columns:
        frame[col] = frame[col].map(lambda v: None if pd.isna(v) else v.date()).astype(object)
    return frame


def _events(text: str, issue: str = "2024-10-12", region: str = "永州市"):
    return _days(extract_text(text, issue_date=issue, region=region).events)


def _facts(text: str, issue: str = "2024-10-12", region: str = "永州市"):
    return _days(extract_text(text, issue_date=issue, region=region).facts)


def test_one_person_two_actions_and_forum_without_county(real_text):
    start = real_text.index("10月11日，市委副书记、市长陈爱林")
    sentence = real_text[start:real_text.index("。", start) + 1]
    ev = _events("【领导动态】\n" + sentence)
    assert ev[["official", "action"]].values.tolist() == [["陈爱林", "调研"], ["陈爱林", "主持会议"]]
    assert ev.iloc[0]["counties"] == ["双牌县", "零陵区"]
    # the forum names no place: it is held on the same trip, where the visit was
    assert ev.iloc[1]["counties"] == ["双牌县", "零陵区"] and ev.iloc[1]["townships"] == []
    assert ev.iloc[0]["action_text"] == "赴…调研"


def test_two_officials_of_a_passive_meeting_get_its_body():
    text = ("10月10日下午，市委教育工作领导小组2024年第二次会议召开。"
            "市委副书记、统战部部长侯文出席并讲话，副市长肖质彬主持。")
    ev = _events(text)
    assert ev[["official", "action", "organization", "topic"]].values.tolist() == [
        ["侯文", "出席会议", "市委教育工作领导小组", "教育"],
        ["肖质彬", "主持会议", "市委教育工作领导小组", "教育"]]
    assert all(d == date(2024, 10, 10) for d in ev["date_start"])


@pytest.mark.parametrize("text", [
    "他强调，要深入开展消防安全大排查行动，召开专题会议研究部署。",
    "会议要求，各地要开展隐患排查整治行动。",
    "坚决落实伟明省长的批示精神。",
])
def test_speech_and_references_are_not_events(text):
    assert _events("10月11日，市长陈爱林到双牌县调研。" + text)["action"].tolist() == ["调研"]


def test_statistic_sentence_is_not_an_inspection_event():
    assert _events("1月15日至10月12日，市、县两级抽查检查企业26073家。").empty


def test_lead_label_organisation_is_the_actor_and_purpose_is_not_a_second_event():
    text = ("【部门动态】\n市应急管理局 10月12日，提请市安委会印发《永州市消防安全集中治理行动实施方案》"
            "的通知，在全市开展为期一个月的消防安全集中治理行动。\n")
    ev = _events(text)
    assert ev[["organization", "action", "topic"]].values.tolist() == [["市应急管理局", "印发文件", "消防安全"]]


def test_county_as_subject_and_township_short_forms():
    ev = _events("江华县10月12日召开全县森林防灭火工作会议。"
                 "零陵区委书记赵立平10月8日到富家桥、梳子铺、水口山、石岩头等乡镇调研森林防灭火工作。")
    assert ev.iloc[0][["county", "action", "official"]].tolist() == ["江华瑶族自治县", "召开会议", None]
    assert ev.iloc[1]["townships"] == ["富家桥镇", "梳子铺乡", "水口山镇", "石岩头镇"]


def test_facts_subject_scope_period_check(real_text):
    data = real_text[real_text.index("【工作数据】"):]
    facts = _facts(data)
    first = facts.iloc[0]
    assert (first["subject"], first["value"], first["scope"]) == ("抽查检查企业", 26073.0, "市、县两级")
    assert (first["period_start"], first["period_end"]) == (date(2024, 1, 15), date(2024, 10, 12))
    rate = facts[facts["value"] == 99.62].iloc[0]
    assert rate["check"] == "ok" and rate["subject"] == "整改率"
    assert facts[facts["value"] == 38.0].iloc[0]["subject"] == "一案双罚"
    assert facts.iloc[-1]["scope"] is None  # scope never carries to a later sentence


@pytest.mark.parametrize("text, subject, value, qualifier, estimate", [
    ("今年1-9月，全市存量债务降息展期172笔，预计年节约利息支出1.74亿元。", "年节约利息支出", 1.74, "预计", True),
    ("派出4个暗访组，对全市网点开展暗访。", "暗访组", 4.0, None, False),
    ("组建由镇村干部组成的巡查队伍18支。", "巡查队伍", 18.0, None, False),
    ("全县累计排查一般事故隐患2318处。", "排查一般事故隐患", 2318.0, "累计", False),
])
def test_fact_forms(text, subject, value, qualifier, estimate):
    row = _facts(text).set_index("value").loc[value]
    assert (row["subject"], row["qualifier"], row["estimate"]) == (subject, qualifier, estimate)


def test_change_subject_takes_the_measured_thing():
    facts = _facts("全县规上工业企业安全生产标准化达标率达到93.6%，同比提高2.1个百分点。")
    assert facts["subject"].tolist() == ["规上工业企业安全生产标准化达标率",
                                         "规上工业企业安全生产标准化达标率同比提高"]
    assert facts.iloc[1]["unit"] == "个百分点"


def test_snapshot_period_runs_from_the_stated_start():
    facts = _facts("自12月1日专项行动开展以来，截至1月5日，全市累计检查企业1.2万余家。", issue="2025-01-06")
    row = facts.iloc[0]
    assert (row["period_start"], row["period_end"]) == (date(2024, 12, 1), date(2025, 1, 5))
    assert (row["value"], row["unit"], row["value_normalized"], row["qualifier"]) == (1.2, "万家", 12000.0, "余")


def test_rhetorical_numerals_in_speech_are_not_facts(real_text):
    para = [line for line in real_text.split("\n") if "市消防救援支队" in line][0]
    assert _facts(para).empty


def test_every_row_keeps_its_evidence():
    tables = extract_files(REAL, issue_date="2024-10-12")
    text = tables.documents.iloc[0]["text"]
    for table in (tables.events, tables.facts):
        for _, row in table.iterrows():
            assert text[row["char_start"]:row["char_end"]] == row["evidence"]


def test_escort_is_not_the_visitor():
    ev = _events("10月9日，副市长肖质彬在蓝山县委书记龙向洋陪同下，到湘江源瑶族乡调研项目建设工作。")
    assert ev["official"].tolist() == ["肖质彬"]


def test_instruction_in_a_clause_is_not_an_event():
    ev = _events("10月12日，市应急管理局印发《通知》，各地要主动走访慰问受灾群众。")
    assert ev["action"].tolist() == ["印发文件"]


@pytest.mark.parametrize("text, period", [
    ("截至目前，全市累计排查隐患320处。", (None, None)),
    ("截至11月30日，全市列入挂牌督办的重大事故隐患共84项。", (date(2024, 1, 1), date(2024, 11, 30))),
])
def test_snapshot_periods(text, period):
    row = _facts(text, issue="2024-12-08").iloc[0]
    assert (row["period_start"], row["period_end"]) == period
    assert row["scope"] == "全市"


def test_plan_marker_governs_later_clauses_but_a_plan_noun_does_not():
    facts = _facts("预计今年全市实现营业收入12亿元，同比增长8.5%。通过调整还款计划等方式，完成降息展期56.4亿元。")
    assert facts["estimate"].tolist() == [True, True, False]


def test_headline_line_is_not_a_second_event_and_dates_carry_to_the_next_paragraph():
    text = ("【县市区动态】\n零陵区委书记赵立平调研森林防灭火工作\n"
            "10月8日，零陵区委书记赵立平到富家桥镇调研森林防灭火工作。\n"
            "会上，零陵区委书记赵立平主持召开森林防灭火工作调度会。\n")
    ev = _events(text)
    assert ev[["official", "action"]].values.tolist() == [["赵立平", "调研"], ["赵立平", "主持会议"]]
    assert ev["date_start"].tolist() == [date(2024, 10, 8), date(2024, 10, 8)]


def test_rate_check_whatever_order_the_counts_come_in():
    facts = _facts("1月15日至10月12日，完成整改7422个，排查重大事故隐患共7450个，整改率99.62%。")
    assert facts.set_index("value").loc[99.62, "check"] == "ok"


def test_measured_thing_from_the_clause_before():
    facts = _facts("最大降雨出现在平秋镇，达一百六十五毫米。", issue="2026-06-22", region="锦屏县")
    assert facts.iloc[0][["subject", "value", "unit"]].tolist() == ["最大降雨", 165.0, "毫米"]


def test_no_period_for_current_figures_and_carry_after_a_meeting():
    text = ("【领导督导】\n1月15日，县委书记孟庆川主持召开道路交通安全工作会议。\n"
            "会后，孟庆川带队暗访，查看了两处农村客运招呼站。\n"
            "【数据统计】\n当前，全县视频监控点位已增至186个。\n")
    facts = _facts(text, issue="2026-01-19", region="沂水县").set_index("value")
    assert (facts.loc[2.0, "period_start"], facts.loc[2.0, "period_end"]) == (date(2026, 1, 15),) * 2
    assert facts.loc[186.0, "period_start"] is None


def test_qualifiers_outside_the_contract_list_are_null():
    facts = _facts("共检查企业36家，罚款合计18.5万元，累计整改隐患120处。")
    assert facts["qualifier"].tolist() == [None, None, "累计"]


def test_a_named_chair_makes_it_the_chairs_meeting():
    ev = _events("1月3日，段村镇召开安全稳定工作会议，镇党委书记冀红梅出席，镇长程志勇主持。",
                 issue="2026-01-05", region="平遥县")
    assert ev[["official", "action"]].values.tolist() == [["冀红梅", "出席会议"], ["程志勇", "主持会议"]]
    assert ev["townships"].tolist() == [["段村镇"], ["段村镇"]]


def test_sampling_inspection_is_an_inspection():
    ev = _events("9月3日，市市场监管局开展校园食品安全监督抽检。", issue="2025-09-12", region="泰州市")
    assert ev["action"].tolist() == ["督导检查"]


def test_zone_official_in_a_county_bulletin_belongs_to_the_county():
    ev = _events("1月4日，平遥经济技术开发区党工委书记王海军带队督导检查园区企业安全生产工作。",
                 issue="2026-01-05", region="平遥县")
    assert ev.iloc[0][["official", "counties"]].tolist() == ["王海军", ["平遥县"]]


def test_scope_is_never_read_inside_a_document_title():
    facts = _facts("全县学习《全国两会精神》，检查企业200家。", issue="2026-01-05", region="平遥县")
    assert facts.iloc[0]["scope"] == "全县"


def test_period_never_ends_before_it_starts():
    facts = _facts("某遗址发现于1990年底。自2015年以来，考古队累计发现约30件石器。", issue="2024-05-06")
    for _, row in facts.iterrows():
        if row["period_start"] and row["period_end"]:
            assert row["period_end"] >= row["period_start"]


def test_holding_a_drill_is_a_campaign_and_举办_is_not_an_office():
    ev = _events("10月9日，市应急管理局在冷水滩区举办地质灾害应急演练。")
    assert ev[["organization", "action", "counties", "topic"]].values.tolist() == [
        ["市应急管理局", "开展行动", ["冷水滩区"], "地质灾害"]]


def test_fourth_writers_bulletins(predicted):
    """corpus/heldout4 (first contact: events 0.50, facts 0.97). Known gap kept visible:
    a Mongolian name ending in 和 (孟和) is not read, so its three events lack the official."""
    metrics = evaluate(CORPUS / "heldout4" / "gold", predicted)
    assert _strict_f1(metrics, "events") >= 0.85
    assert _strict_f1(metrics, "facts") >= 0.95


def test_acting_bodys_own_name_yields_to_its_clause():
    ev = _events("11月24日至30日，区消防救援支队联合区市场监管局开展燃气安全专项整治行动。",
                 issue="2025-12-03", region="普陀区")
    assert ev.iloc[0][["organization", "action", "topic"]].tolist() == ["区消防救援支队", "开展行动", "安全生产"]
