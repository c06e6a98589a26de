"""Organisations acting in bulletins."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.orgs import parse_orgs

REPO = Path(__file__).resolve().parents[1]
BULLETIN = REPO / "corpus" / "yongzhou-2024-10-12.txt"


@pytest.mark.parametrize("text, name, kind", [
    ("市应急管理局 10月12日，提请市安委会印发", "市应急管理局", "bureau"),
    ("市消防救援支队 10月12日，组织召开", "市消防救援支队", "team"),
    ("10月8日至11月8日，全市公安机关开展为期一个月的", "全市公安机关", "police"),
    ("10月8日—11日市生态环境局联合", "市生态环境局", "bureau"),
    ("市委教育工作领导小组2024年第二次会议召开", "市委教育工作领导小组", "party_body"),
    ("其中市城发集团通过对接金融机构", "市城发集团", "company"),
    ("市安委办抓紧召开", "市安委办", "office"),
    ("县应急管理局开展演练", "县应急管理局", "bureau"),
    ("区城管执法局开展整治", "区城管执法局", "bureau"),
    # national bodies: a whole name with no jurisdiction, and 国家 as one
    ("1月26日，国务院召开全国安全生产电视电话会议", "国务院", "government"),
    ("国务院安委会办公室印发通知", "国务院安委会办公室", "office"),
    ("国家统计局发布数据", "国家统计局", "bureau"),
])
def test_org_forms(text: str, name: str, kind: str) -> None:
    orgs = parse_orgs(text, region="永州市")
    assert [(o.name, o.kind) for o in orgs][:1] == [(name, kind)]
    assert all(o.text == text[o.start:o.end] for o in orgs)


def test_bodies_of_every_level_or_place_are_one_collective_body() -> None:
    # 各 stops a name (各乡镇, 各部门), but 各级/各地 inside one joins its jurisdiction
    orgs = parse_orgs("新疆各地消防部门联合当地工商部门，全市各级应急管理部门开展检查",
                      region="新疆维吾尔自治区")
    assert [o.name for o in orgs] == ["新疆各地消防部门", "全市各级应急管理部门"]
    assert [o.name for o in parse_orgs("要求各级应急管理部门开展检查")] == ["应急管理部门"]


def test_place_prefixed_org() -> None:
    orgs = parse_orgs("市生态环境局联合永州生态环境监测中心对承担", region="永州市")
    assert [o.name for o in orgs] == ["市生态环境局", "永州生态环境监测中心"]


@pytest.mark.parametrize("text", [
    "市委书记朱洪武第一时间赶到",
    "市委常委、常务副市长刘厚就宁远",
    "冷水滩区委书记秦志军主持",
    "会议要求，全市各级各部门要进一步提高政治站位",
])
def test_titles_are_not_orgs(text: str) -> None:
    assert parse_orgs(text, region="永州市") == []


def test_no_leading_date_or_punctuation() -> None:
    text = BULLETIN.read_text(encoding="utf-8")
    orgs = parse_orgs(text, region="永州市")
    assert all(o.text == text[o.start:o.end] for o in orgs)
    assert all(not o.name[0].isdigit() and o.name[0] not in "，。、 日" for o in orgs)
    names = [o.name for o in orgs]
    for expected in ["市应急管理局", "市消防救援支队", "全市公安机关", "市生态环境局",
                     "永州生态环境监测中心", "市委教育工作领导小组", "市城发集团", "市安委会", "市安委办"]:
        assert expected in names


@pytest.mark.parametrize("text, title", [
    ("住房和城乡建设部政策研究中心副主任王某表示", "住房和城乡建设部政策研究中心副主任"),  # 城乡: no 乡
    ("中国城市发展研究院常务副院长章某出席", "常务副院长"),                              # 城市: no 市
    ("市住房保障和房产管理局副局长王某表示", "市住房保障和房产管理局副局长"),            # 局|副局长: no unit
])
def test_prefix_characters_inside_words_and_ranks_start_no_body(text, title):
    from extract.officials import parse_titles
    assert [t.text for t in parse_titles(text)] == [title]


@pytest.mark.parametrize("text", ["全国宣传部长会议3日在京召开", "全省应急管理局长会议召开"])
def test_a_meeting_of_office_holders_is_no_body(text):
    assert parse_orgs(text) == []


@pytest.mark.parametrize("text, names", [
    ("福建省森林消防总队龙岩支队开展演练", ["福建省森林消防总队龙岩支队"]),
    ("永州市公安局冷水滩分局开展行动", ["永州市公安局冷水滩分局"]),
    # two bodies with no comma between, and a verb that reads as a county's name
    ("市应急管理局永州市公安局", ["市应急管理局", "永州市公安局"]),
    ("县交通运输局会同县公安局交警大队开展检查", ["县交通运输局", "会同县公安局交警大队"]),
])
def test_a_unit_named_by_a_place_after_its_body_is_one_organisation(text: str, names: list[str]) -> None:
    assert [o.name for o in parse_orgs(text, region="永州市")] == names


@pytest.mark.parametrize("text, names", [
    ("新疆各地消防部门开展检查", ["新疆各地消防部门"]),
    ("全市各级应急管理部门开展检查", ["全市各级应急管理部门"]),
    # 各地 joins only the place or prefix written right before it
    ("省应急厅组织各地应急管理部门开展检查", ["省应急厅", "应急管理部门"]),
])
def test_各地_joins_only_the_jurisdiction_written_right_before_it(text: str, names: list[str]) -> None:
    assert [o.name for o in parse_orgs(text)] == names
