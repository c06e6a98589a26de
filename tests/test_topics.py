"""Topic words of each field of government work, read from an act's own clause; sentences
written for these tests."""
from __future__ import annotations

import pytest

from extract import extract_text
from extract.topics import topics_in


@pytest.mark.parametrize("clause, topics", [
    ("调研重点项目推进情况", ["项目建设"]),
    ("督导招商引资和重大项目建设工作", ["项目建设"]),
    ("走访企业，了解企业诉求", ["企业帮扶"]),
    ("调研民营经济发展和减税降费政策落实情况", ["企业帮扶"]),
    ("检查秋季开学准备工作，看望师生", ["教育"]),
    ("督导中央环保督察反馈问题整改和黑臭水体治理", ["生态环境"]),
    ("调研农村人居环境整治工作", ["生态环境"]),
    ("研究信访维稳和矛盾纠纷化解工作", ["社会稳定"]),
    ("听取隐性债务风险化解情况汇报", ["地方债务"]),
    ("检查水库堤防度汛准备", ["防汛抗旱"]),
    ("检查地质灾害隐患点和边坡治理", ["地质灾害"]),
    ("检查消防通道和消防设施", ["消防安全"]),
    ("整治超速超员和渣土车交通违法", ["道路交通安全"]),
    ("检查疫苗和医疗器械管理", ["食品药品安全"]),
    ("检查烟花爆竹和特种设备安全", ["安全生产"]),
    # a hazard no label covers is 其他, named before the rescue service's own word
    ("开展地震灾害事故处置联合演习暨消防救援支队跨区域拉动演练", ["其他", "消防安全"]),
])
def test_general_words_of_each_label(clause: str, topics: list[str]) -> None:
    assert topics_in(clause) == topics


def test_a_word_read_across_a_word_boundary_is_no_topic() -> None:
    # 召开|工业园: no 开工 (a project starting) here
    assert topics_in("在县产业开发区召开工业园安全生产工作联合检查部署会") == ["安全生产"]


def test_a_visits_topic_comes_from_the_work_it_names() -> None:
    text = "9月5日，县长吴海平调研全县重点项目建设和招商引资工作。\n"
    ev = extract_text(text, issue_date="2025-09-06", region="中阳县").events
    assert ev[["official", "action"]].values.tolist() == [["吴海平", "调研"]]
    assert ev.iloc[0]["topics"] == ["项目建设"]


@pytest.mark.parametrize("text, topics", [
    ("9月5日，县长吴海平就乡村振兴工作进行调研。\n", ["其他"]),  # a subject, before the verb
    ("9月5日，县长吴海平就安全生产工作进行调研。\n", ["安全生产"]),
    ("9月5日，县长吴海平到县医院调研。\n", []),  # a site, no subject
])
def test_a_subject_written_before_the_verb_is_stated(text: str, topics: list[str]) -> None:
    ev = extract_text(text, issue_date="2025-09-06", region="中阳县").events
    assert ev.iloc[0]["topics"] == topics


def test_a_site_the_actor_goes_to_is_not_the_topic_when_the_act_names_work() -> None:
    text = "9月5日，副县长钱玉兰前往县第一中学开展消防安全检查。\n"
    ev = extract_text(text, issue_date="2025-09-06", region="中阳县").events
    assert ev.iloc[0]["topics"] == ["消防安全"]
