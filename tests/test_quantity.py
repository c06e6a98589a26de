"""Quantity recognizer: numerals, units, scaling, qualifiers, directions, ranges, never-quantities."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.quantity import parse_number, parse_quantities

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BULLETIN = REPO / "corpus" / "yongzhou-2024-10-12.txt"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("26073", 26073), ("１２", 12), ("1,545", 1545), ("99.62", 99.62), ("1.2万", 12000),
        ("二十六", 26), ("两万", 20000), ("一千七百", 1700), ("十五", 15), ("一千零十", 1010),
        ("一百零一", 101), ("二十五万三千二百", 253200), ("一百二", 120), ("十三万五", 135000),
        ("壹佰壹拾壹", 111), ("兩千六", 2600), ("二〇二四", 2024), ("一七二零点一", 1720.1),
        ("零点零一", 0.01), ("负十", -10), ("200亿零四千230", 20000004230), ("3万亿", 3e12),
    ],
)
def test_parse_number(numeral: str, value: float) -> None:
    assert parse_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["", "负", "点零", "百十一", "负十一十二", "10..1万", "元整", "万"])
def test_parse_number_rejects(numeral: str) -> None:
    assert parse_number(numeral) is None


# (text, span, value, unit, value_normalized, unit_normalized, qualifier, direction)
FORMS = [
    ("全市存量债务降息展期172笔", "172笔", 172, "笔", 172, "笔", None, None),
    ("预计年节约利息支出1.74亿元", "1.74亿元", 1.74, "亿元", 174_000_000, "元", None, None),
    ("预计年节约利息1700余万元", "1700余万元", 1700, "万元", 17_000_000, "元", "余", None),
    ("完成降息展期56.4亿元，共计16笔", "16笔", 16, "笔", 16, "笔", "共计", None),
    ("共检查单位4家", "4家", 4, "家", 4, "家", None, None),
    ("发现隐患12处", "12处", 12, "处", 12, "处", None, None),
    ("整改率99.62%", "99.62%", 99.62, "%", 99.62, "%", None, None),
    ("联合惩戒企业数1545家次", "1545家次", 1545, "家次", 1545, "家次", None, None),
    ("“一案双罚”38次，移送", "38次", 38, "次", 38, "次", None, None),
    ("移送司法机关50人", "50人", 50, "人", 50, "人", None, None),
    ("累计发送提醒短信142.6万条", "142.6万条", 142.6, "万条", 1_426_000, "条", "累计", None),
    ("发送提醒短信142.6万条", "142.6万条", 142.6, "万条", 1_426_000, "条", None, None),
    ("全省38万多家企业", "38万多家", 38, "万家", 380_000, "家", "多", None),
    ("约两成企业", "两成", 2, "成", 20, "%", "约", None),
    ("投诉量同比下降12.9%", "12.9%", 12.9, "%", 12.9, "%", None, "down"),
    ("营收同比增长3.5%", "3.5%", 3.5, "%", 3.5, "%", None, "up"),
    ("比上年增加3个百分点", "3个百分点", 3, "个百分点", 3, "个百分点", None, "up"),
    ("事故起数减少6起", "6起", 6, "起", 6, "起", None, "down"),
    ("检查二十六家单位", "二十六家", 26, "家", 26, "家", None, None),
    ("转移两万人", "两万人", 2, "万人", 20_000, "人", None, None),
    ("下达资金1.2万元", "1.2万元", 1.2, "万元", 12_000, "元", None, None),
    ("抽查三家企业", "三家", 3, "家", 3, "家", None, None),
    ("补贴一千七百余万元", "一千七百余万元", 1700, "万元", 17_000_000, "元", "余", None),
    ("累计超100家", "100家", 100, "家", 100, "家", "超", None),
    ("近300人参加", "300人", 300, "人", 300, "人", "近", None),
    ("逾5000户受益", "5000户", 5000, "户", 5000, "户", "逾", None),
    ("约4.3亿美元", "4.3亿美元", 4.3, "亿美元", 430_000_000, "美元", "约", None),
    ("组织50人左右", "50人左右", 50, "人", 50, "人", "左右", None),
    ("累计排查隐患320处", "320处", 320, "处", 320, "处", "累计", None),
    ("百分之十五的企业", "百分之十五", 15, "%", 15, "%", None, None),
    ("清理12.5公里线路", "12.5公里", 12.5, "公里", 12.5, "公里", None, None),
    ("治理面积3.2万亩", "3.2万亩", 3.2, "万亩", 32_000, "亩", None, None),
    ("查扣车辆１２辆", "１２辆", 12, "辆", 12, "辆", None, None),
    ("罚款601,293.11元", "601,293.11元", 601293.11, "元", 601293.11, "元", None, None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "norm", "unit_norm", "qualifier", "direction"), FORMS)
def test_forms(text: str, span: str, value: float, unit: str, norm: float, unit_norm: str,
               qualifier: str | None, direction: str | None) -> None:
    found = [q for q in parse_quantities(text) if q.text == span]
    assert len(found) == 1, parse_quantities(text)
    q = found[0]
    assert (q.value, q.unit, q.unit_normalized, q.qualifier, q.direction) == (
        pytest.approx(value), unit, unit_norm, qualifier, direction)
    assert q.value_normalized == pytest.approx(norm)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    ("text", "values", "unit"),
    [
        ("3至5家企业", [3, 5], "家"),
        ("3-5家企业", [3, 5], "家"),
        ("两到三万元", [20_000, 30_000], "元"),
        ("1万-5万元", [10_000, 50_000], "元"),
        ("七千到九千亿元", [7e11, 9e11], "元"),
    ],
)
def test_ranges_give_one_record_per_number(text: str, values: list[float], unit: str) -> None:
    qs = parse_quantities(text)
    assert [q.value_normalized for q in qs] == pytest.approx(values)
    assert {q.unit_normalized for q in qs} == {unit}
    assert qs[0].range_group is not None and qs[0].range_group == qs[1].range_group


@pytest.mark.parametrize(
    ("text", "lower", "upper", "approx"),
    [("1000余人", True, False, True), ("超100家", True, False, False), ("近300人", False, True, True),
     ("约50人", False, False, True), ("50人", False, False, False), ("九成以上", True, False, False)],
)
def test_bound_flags(text: str, lower: bool, upper: bool, approx: bool) -> None:
    q = parse_quantities(text)[0]
    assert (q.is_lower_bound, q.is_upper_bound, q.is_approximate) == (lower, upper, approx)


def test_bare_gong_is_not_a_qualifier() -> None:
    assert parse_quantities("共检查单位4家")[0].qualifier is None


@pytest.mark.parametrize(
    "text",
    [
        "召开2024年第二次会议", "召开2024年第24次区委常委会议", "县委常委会2024年第21次会议",
        "开展第一轮质控抽查", "做到充电“五不准”", "做到“两个全覆盖”", "落实“三查一曝光”举措",
        "对企业主要负责人“一案双罚”", "紧盯产销、充电、退出三个环节", "永安办〔2025〕12号",
        "10月11日", "2024年", "宁远“10.10”火灾", "开展为期一个月的行动", "第一时间赶到",
        "一线干部", "大家一起努力", "统一部署", "一些问题", "进一步加强", "一把手负总责",
        "举一反三", "万无一失", "千家万户", "上下一般粗", "数十家企业", "十四届全国人大二次会议",
        "联系电话0746-8223456", "一成不变", "建成投产", "三个月内完成", "两个季度",
    ],
)
def test_never_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_real_bulletin_quantities() -> None:
    if not BULLETIN.exists():
        pytest.skip("corpus/ not in this checkout")
    text = BULLETIN.read_text(encoding="utf-8")
    got = [(q.text, q.value_normalized, q.unit_normalized) for q in parse_quantities(text)]
    assert got == [
        ("172笔", 172, "笔"), ("1.74亿元", 174_000_000, "元"), ("56.4亿元", 5_640_000_000, "元"),
        ("16笔", 16, "笔"), ("1700余万元", 17_000_000, "元"), ("4家", 4, "家"), ("12处", 12, "处"),
        ("26073家", 26073, "家"), ("7450个", 7450, "个"), ("7422个", 7422, "个"), ("99.62%", 99.62, "%"),
        ("2017个", 2017, "个"), ("1940个", 1940, "个"), ("96.18%", 96.18, "%"), ("1545家次", 1545, "家次"),
        ("199家", 199, "家"), ("38次", 38, "次"), ("50人", 50, "人"),
    ]


def test_real_bulletin_matches_gold_facts() -> None:
    gold = SHARED / "gold" / "yongzhou-2024-10-12.facts.jsonl"
    if not gold.exists() or not BULLETIN.exists():
        pytest.skip("../shared gold not available")
    want = sorted((round(r["value_normalized"], 4), r["unit_normalized"], r["qualifier"] if r["qualifier"] != "预计" else None)
                  for r in map(json.loads, gold.open(encoding="utf-8")))
    got = sorted((round(q.value_normalized, 4), q.unit_normalized, q.qualifier)
                 for q in parse_quantities(BULLETIN.read_text(encoding="utf-8")))
    assert got == want


def test_mapping_access() -> None:
    q = parse_quantities("38万多家")[0]
    assert q["unit"] == "万家" and q["kind"] == "count" and q.numeral == "arabic"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,，一二两三十百千万亿余多近超约家个元%成第“”《》、至-年月次")
                                        + ["a", " "]), max_size=40))
def test_property_numberish_text(text: str) -> None:
    for q in parse_quantities(text):
        assert q.start < q.end and text[q.start:q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_property_arbitrary_text(text: str) -> None:
    for q in parse_quantities(text):
        assert q.start < q.end and text[q.start:q.end] == q.text
    parse_number(text)


@pytest.mark.parametrize("text, value, unit, normalized, qualifier", [
    ("转移群众近千人", 1000.0, "人", 1000.0, "近"),
    ("组建巡查队伍18支", 18.0, "支", 18.0, None),
    ("累计雨量达126毫米", 126.0, "毫米", 126.0, "累计"),
    ("检查车辆326辆次", 326.0, "辆次", 326.0, None),
    ("全县累计排查一般事故隐患2318处", 2318.0, "处", 2318.0, "累计"),
])
def test_more_units_and_round_numbers(text, value, unit, normalized, qualifier):
    (q,) = parse_quantities(text)
    assert (q.value, q.unit, q.value_normalized, q.qualifier) == (value, unit, normalized, qualifier)


@pytest.mark.parametrize("text", ["老百姓", "千家万户", "统一万家"])
def test_bare_scale_words_are_not_numbers(text):
    assert parse_quantities(text) == []


def test_durations_with_more_are_not_counts():
    assert parse_quantities("连续工作4个多小时") == []


@pytest.mark.parametrize("text, values", [
    ("分别为15，267个", [267.0]),  # a full-width comma ends a clause, it does not group digits
    ("共1,234家", [1234.0]),
    ("82，225.00元", [82225.0]),  # before decimals a full-width comma groups thousands
    ("1，234，567元", [1234567.0]),
])
def test_thousands_separators(text, values):
    assert [q.value for q in parse_quantities(text)] == values


def test_long_digit_runs_do_not_backtrack():
    # finishes at once since the number regex reads digits one way only (not a timed test:
    # a quadratic regex would take minutes here)
    assert parse_quantities("1" * 50000 + "家")[0].unit == "家"
