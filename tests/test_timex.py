"""Date recognizer: forms, the contract's year rules, never-dates, offsets."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex import (
    context_passes,
    DateMention,
    _map_text,
    _data,
    _mentions,
    as_date,
    find_years,
    parse_dates,
    year_for_month_day,
    year_for_months,
)

REPO = Path(__file__).resolve().parents[1]
BULLETIN = REPO / "corpus" / "yongzhou-2024-10-12.txt"
REF = date(2024, 10, 12)


def one(text: str, ref: date | str = REF) -> DateMention:
    found = parse_dates(text, ref_date=ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "grain", "is_range"),
    [
        # days
        ("10月11日，市委书记赶到宁远县", "10月11日", "2024-10-11", "2024-10-11", "day", False),
        ("2024年10月11日召开", "2024年10月11日", "2024-10-11", "2024-10-11", "day", False),
        ("二〇二四年十月十一日印发", "二〇二四年十月十一日", "2024-10-11", "2024-10-11", "day", False),
        ("１０月１１日召开", "１０月１１日", "2024-10-11", "2024-10-11", "day", False),
        ("10月10日下午，会议召开", "10月10日下午", "2024-10-10", "2024-10-10", "day", False),
        ("9月30日晚，县里部署", "9月30日晚", "2024-09-30", "2024-09-30", "day", False),
        ("十月九号到会", "十月九号", "2024-10-09", "2024-10-09", "day", False),
        ("2024-10-08发布", "2024-10-08", "2024-10-08", "2024-10-08", "day", False),
        ("2024/10/08发布", "2024/10/08", "2024-10-08", "2024-10-08", "day", False),
        # day ranges
        ("10月8日至11月8日，全市开展", "10月8日至11月8日", "2024-10-08", "2024-11-08", "day", True),
        ("10月8日—11日市生态环境局", "10月8日—11日", "2024-10-08", "2024-10-11", "day", True),
        ("10月8日-11日检查", "10月8日-11日", "2024-10-08", "2024-10-11", "day", True),
        ("10月8日～11日检查", "10月8日～11日", "2024-10-08", "2024-10-11", "day", True),
        ("10月8日~11日检查", "10月8日~11日", "2024-10-08", "2024-10-11", "day", True),
        ("9月1日到5日集中培训", "9月1日到5日", "2024-09-01", "2024-09-05", "day", True),
        ("1月15日至10月12日，市、县两级抽查", "1月15日至10月12日", "2024-01-15", "2024-10-12", "day", True),
        ("2023年12月29日至2024年1月3日", "2023年12月29日至2024年1月3日", "2023-12-29", "2024-01-03", "day", True),
        ("2024年4月12-19日举办", "2024年4月12-19日", "2024-04-12", "2024-04-19", "day", True),
        # months and month spans
        ("今年1-9月，全市存量债务降息展期172笔", "今年1-9月", "2024-01-01", "2024-09-30", "month", True),
        ("1至9月累计", "1至9月", "2024-01-01", "2024-09-30", "month", True),
        ("1—9月累计", "1—9月", "2024-01-01", "2024-09-30", "month", True),
        ("1月至9月累计", "1月至9月", "2024-01-01", "2024-09-30", "month", True),
        ("9月份全市", "9月份", "2024-09-01", "2024-09-30", "month", False),
        ("2023年12月", "2023年12月", "2023-12-01", "2023-12-31", "month", False),
        ("去年5月以来", "去年5月", "2023-05-01", "2023-05-31", "month", False),
        ("今年前五个月", "今年前五个月", "2024-01-01", "2024-05-31", "month", True),
        # dekads
        ("10月上旬完成", "10月上旬", "2024-10-01", "2024-10-10", "dekad", False),
        ("9月中旬完成", "9月中旬", "2024-09-11", "2024-09-20", "dekad", False),
        ("9月下旬完成", "9月下旬", "2024-09-21", "2024-09-30", "dekad", False),
        ("本月上旬完成", "本月上旬", "2024-10-01", "2024-10-10", "dekad", False),
        ("上旬完成", "上旬", "2024-10-01", "2024-10-10", "dekad", False),
        ("9月下旬至10月上旬开展", "9月下旬至10月上旬", "2024-09-21", "2024-10-10", "dekad", True),
        # quarters, halves, years
        ("一季度全市", "一季度", "2024-01-01", "2024-03-31", "quarter", False),
        ("第三季度全市", "第三季度", "2024-07-01", "2024-09-30", "quarter", False),
        ("前三季度全市", "前三季度", "2024-01-01", "2024-09-30", "quarter", True),
        ("2023年前两个季度", "2023年前两个季度", "2023-01-01", "2023-06-30", "quarter", True),
        ("上半年全市", "上半年", "2024-01-01", "2024-06-30", "half_year", False),
        ("2023年下半年", "2023年下半年", "2023-07-01", "2023-12-31", "half_year", False),
        ("今年以来", "今年", "2024-01-01", "2024-12-31", "year", False),
        ("去年全市", "去年", "2023-01-01", "2023-12-31", "year", False),
        ("比去年同期下降", "去年同期", "2023-01-01", "2023-12-31", "year", False),
        # 全年 is the span 1-12月: in an October issue it has not ended, so the contract
        # gives it to the year before (a 全年 target has no period in facts anyway)
        ("全年目标", "全年", "2023-01-01", "2023-12-31", "year", False),
        ("园区2024年消防应急疏散演练", "2024年", "2024-01-01", "2024-12-31", "year", False),
        ("2020年至2023年", "2020年至2023年", "2020-01-01", "2023-12-31", "year", True),
        # relative to the reference date (a Saturday)
        ("今天上午", "今天上午", "2024-10-12", "2024-10-12", "day", False),
        ("昨日召开", "昨日", "2024-10-11", "2024-10-11", "day", False),
        ("前天发生", "前天", "2024-10-10", "2024-10-10", "day", False),
        ("近日，市局印发", "近日", "2024-10-12", "2024-10-12", "day", False),
        ("本周内完成", "本周", "2024-10-07", "2024-10-13", "week", False),
        ("上周检查", "上周", "2024-09-30", "2024-10-06", "week", False),
        ("本月全市", "本月", "2024-10-01", "2024-10-31", "month", False),
        ("本月9日", "本月9日", "2024-10-09", "2024-10-09", "day", False),
        ("上个月15号", "上个月15号", "2024-09-15", "2024-09-15", "day", False),
    ],
)
def test_forms(text: str, span: str, start: str, end: str, grain: str, is_range: bool) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.date_end, d.grain, d.is_range) == (span, start, end, grain, is_range)
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        # month-day without a year: the year nearest the reference date
        ("12月29日", "2025-01-06", "2024-12-29", "2024-12-29"),
        ("12月31日", "2024-10-12", "2024-12-31", "2024-12-31"),
        ("1月3日", "2024-12-20", "2025-01-03", "2025-01-03"),
        # a range end inherits the start's year and rolls forward
        ("12月29日至1月3日", "2025-01-06", "2024-12-29", "2025-01-03"),
        ("12月29日至1月3日", "2024-12-20", "2024-12-29", "2025-01-03"),
        ("10月28日至3日", "2024-11-01", "2024-10-28", "2024-11-03"),
        # months, spans, quarters and halves: latest year begun, long spans ending well after go back
        ("1-12月", "2020-01-08", "2019-01-01", "2019-12-31"),
        ("12月", "2020-01-08", "2019-12-01", "2019-12-31"),
        ("9月份", "2024-10-12", "2024-09-01", "2024-09-30"),
        ("11月", "2024-10-12", "2023-11-01", "2023-11-30"),
        ("10月", "2024-10-12", "2024-10-01", "2024-10-31"),
        ("四季度", "2024-10-12", "2023-10-01", "2023-12-31"),
        ("下半年", "2024-10-12", "2023-07-01", "2023-12-31"),
        ("上半年", "2024-07-05", "2024-01-01", "2024-06-30"),
        ("一季度", "2024-04-02", "2024-01-01", "2024-03-31"),
        ("11月至12月", "2025-01-10", "2024-11-01", "2024-12-31"),
        ("11月至2月", "2024-12-10", "2023-11-01", "2024-02-29"),
    ],
)
def test_year_rules(text: str, ref: str, start: str, end: str) -> None:
    d = parse_dates(text, ref_date=ref)[0]
    assert (d.date_start, d.date_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("道县县委书记唐超学10月12月主持召开县委常委会", ("10月12月", "2024-10-12", "typo")),
        ("县长10月9月召开调度会", ("10月9月", "2024-10-09", "typo")),
        ("2023年12月5月召开", ("2023年12月5月", "2023-12-05", "typo")),
    ],
)
def test_month_month_typo_read_as_day(text: str, expected: tuple[str, str, str]) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.kind) == expected
    assert d.grain == "day"


@pytest.mark.parametrize("text", ["10月至12月", "10月、12月", "10月12月份"])
def test_month_lists_are_not_the_typo(text: str) -> None:
    assert all(d.kind != "typo" for d in parse_dates(text, ref_date=REF))


@pytest.mark.parametrize(
    "text",
    [
        "企业自查重大事故隐患2017个，完成整改1940个",
        "预计年节约利息支出1.74亿元",
        "整改率99.62%",
        "宁远“10.10”火灾救援处置工作",
        "第一时间赶到宁远县",
        "开展为期一个月的集中治理行动",
        "永安办〔2025〕12号",
        "联系电话0746-8223456",
        "市委教育工作领导小组2024年第二次会议召开",
        "召开2024年第24次区委常委会议",
        "2024年度第二次联席会议",
        "三年行动",
        "身份证号430602198701012345",
    ],
)
def test_never_dates(text: str) -> None:
    assert parse_dates(text, ref_date=REF) == []


def test_real_bulletin_dates() -> None:
    if not BULLETIN.exists():
        pytest.skip("corpus/ not in this checkout")
    text = BULLETIN.read_text(encoding="utf-8")
    found = {(d.text, d.date_start, d.date_end) for d in parse_dates(text, ref_date=REF)}
    assert found == {
        ("10月11日", "2024-10-11", "2024-10-11"),
        ("10月10日下午", "2024-10-10", "2024-10-10"),
        ("10月10日", "2024-10-10", "2024-10-10"),
        ("10月8日—11日", "2024-10-08", "2024-10-11"),
        ("10月8日至11月8日", "2024-10-08", "2024-11-08"),
        ("今年1-9月", "2024-01-01", "2024-09-30"),
        ("10月12日", "2024-10-12", "2024-10-12"),
        ("10月8日", "2024-10-08", "2024-10-08"),
        ("10月12月", "2024-10-12", "2024-10-12"),
        ("10月9日", "2024-10-09", "2024-10-09"),
        ("1月15日至10月12日", "2024-01-15", "2024-10-12"),
        ("2024年", "2024-01-01", "2024-12-31"),  # 园区2024年消防应急疏散演练
    }


def test_ref_date_as_string_or_date() -> None:
    text = "10月8日至11日，今年1-9月，上周"
    assert parse_dates(text, ref_date="2024-10-12") == parse_dates(text, ref_date=REF)
    assert as_date("2024-10-12") == REF
    assert as_date(datetime(2024, 10, 12, 9, 30)) == REF


def test_helpers() -> None:
    assert year_for_month_day(12, 29, "2025-01-06") == 2024
    assert year_for_month_day(2, 30, REF) is None
    assert year_for_months(1, 12, "2020-01-08") == 2019
    assert year_for_months(12, 12, "2020-01-08") == 2019
    assert year_for_months(1, 9, REF) == 2024
    years = find_years("2024年第二次会议，永安办〔2025〕12号，2023年")
    assert [(y.text, y.year) for y in years] == [("2024年", 2024), ("2023年", 2023)]


def test_fields_and_mapping_access() -> None:
    d = one("今年1-9月")
    assert d["grain"] == "month" and d.has_year and d.kind == "absolute"
    assert not one("10月11日").has_year


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789１２年月日号至到-—今去本上下半季度旬第个，。〔〕一二十两三") + ["a", " "]),
               max_size=40),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_property_spans_and_prefilter(text: str, ref: date) -> None:
    found = parse_dates(text, ref_date=ref)
    for d in found:
        assert d.start < d.end and text[d.start:d.end] == d.text
        assert d.date_start <= d.date_end
    assert parse_dates(text, ref_date=ref.isoformat()) == found
    # the prefilter never changes the result: a scan of the whole text finds the same
    mapped = _map_text(text)
    raw = _mentions(text, _data().regex.finditer(mapped), ref, _data())
    assert context_passes(text, mapped, raw, ref) == found


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_property_arbitrary_text(text: str) -> None:
    for d in parse_dates(text, ref_date=REF):
        assert d.start < d.end and text[d.start:d.end] == d.text


@pytest.mark.parametrize("text, expected", [
    # a bare day takes the month last written
    ("6月20日，普降暴雨。21日，乡党委书记带队巡查。", [("6月20日", "2025-06-20", "2025-06-20"),
                                                ("21日", "2025-06-21", "2025-06-21")]),
    # 当天 / 次日 point back to the day last written, not to the issue date
    ("3月6日，区委书记会见客商。当天，签订协议。次日，实地考察。",
     [("3月6日", "2025-03-06", "2025-03-06"), ("当天", "2025-03-06", "2025-03-06"),
      ("次日", "2025-03-07", "2025-03-07")]),
    # a dekad joined to a later day is one range
    ("2月中旬至3月10日，开展排查。", [("2月中旬至3月10日", "2025-02-11", "2025-03-10")]),
    # the bracketed dates say which week 本周 is
    ("本周（6月9日至15日），全市检查企业。", [("6月9日至15日", "2025-06-09", "2025-06-15")]),
])
def test_context_readings(text, expected):
    found = parse_dates(text, ref_date="2025-06-23")
    assert [(d.text, d.date_start, d.date_end) for d in found] == expected


def test_whole_year_follows_the_span_rule():
    assert [(d.date_start, d.date_end) for d in parse_dates("全年检查企业", ref_date="2026-01-05")] == \
        [("2025-01-01", "2025-12-31")]


def test_missing_reference_date_says_what_to_pass():
    with pytest.raises(ValueError, match="issue date"):
        parse_dates("10月11日", ref_date=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text, expected", [
    ("前11个月，全市检查企业", [("前11个月", "2025-01-01", "2025-11-30")]),
    ("提前两个月完成任务", []),
    ("价格较前一个月上涨", []),
    ("前2月，全市出口增长", [("前2月", "2025-01-01", "2025-02-28")]),
])
def test_first_months_without_a_year(text, expected):
    found = parse_dates(text, ref_date="2025-12-08")
    assert [(d.text, d.date_start, d.date_end) for d in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("10月11日，市长赴县调研。当晚，召开会议。", [("10月11日", "2024-10-11"), ("当晚", "2024-10-11")]),
    ("10月20日，暴雨。二十一日，乡长带队巡查。", [("10月20日", "2024-10-20"), ("二十一日", "2024-10-21")]),
    ("十日内完成整改", []),
    ("15日以内完成", []),
])
def test_evenings_chinese_bare_days_and_durations(text, expected):
    assert [(d.text, d.date_start) for d in parse_dates(text, ref_date="2024-10-12")] == expected


# ---------------------------------------------------------------- weeks, period words, two-digit
# years, Traditional characters (the reference date 2024-10-12 is a Saturday)

@pytest.mark.parametrize(("text", "span", "start", "end"), [
    # relative weeks: Monday to Sunday around the reference date
    ("下一周完成验收", "下一周", "2024-10-14", "2024-10-20"),
    ("这一周内整改", "这一周", "2024-10-07", "2024-10-13"),
    ("上一周共检查", "上一周", "2024-09-30", "2024-10-06"),
    ("下下周复查", "下下周", "2024-10-21", "2024-10-27"),
    # the Nth week of a month is the Nth week whose Monday falls in it
    ("3月第二周开展培训", "3月第二周", "2024-03-11", "2024-03-17"),
    ("2023年五月的第一周", "2023年五月的第一周", "2023-05-01", "2023-05-07"),
    ("本月第3周召开", "本月第3周", "2024-10-21", "2024-10-27"),
    ("上月第一周", "上月第一周", "2024-09-02", "2024-09-08"),  # 9月1日 is a Sunday
    ("9月第5个星期", "9月第5个星期", "2024-09-30", "2024-10-06"),
    # the Nth week of a year is the ISO 8601 week
    ("2026年第1周", "2026年第1周", "2025-12-29", "2026-01-04"),
    ("2020年第53周", "2020年第53周", "2020-12-28", "2021-01-03"),
    ("22年第3周", "22年第3周", "2022-01-17", "2022-01-23"),
    ("今年第十周", "今年第十周", "2024-03-04", "2024-03-10"),
])
def test_weeks(text: str, span: str, start: str, end: str) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.date_end, d.grain, d.is_range) == (span, start, end, "week", False)


@pytest.mark.parametrize("text", [
    "用电量连续第5周下降",  # a count of weeks, no year or month before it
    "建厂第2周年纪念",  # 周年 is an anniversary
    "11月第五周",  # November 2024 has four Mondays
    "2024年第54周",
])
def test_never_a_week(text: str) -> None:
    assert [d for d in parse_dates(text, ref_date=REF) if d.grain == "week"] == []


@pytest.mark.parametrize(("text", "span", "start", "end", "grain"), [
    ("今年首季度，全市新开工项目", "今年首季度", "2024-01-01", "2024-03-31", "quarter"),
    ("2023年首季，税收增长", "2023年首季", "2023-01-01", "2023-03-31", "quarter"),
    ("前两月累计", "前两月", "2024-01-01", "2024-02-29", "month"),
    ("2023年前4月，出口增长", "2023年前4月", "2023-01-01", "2023-04-30", "month"),
    ("今年度预算", "今年度", "2024-01-01", "2024-12-31", "year"),
    ("上年度结余", "上年度", "2023-01-01", "2023-12-31", "year"),
    ("下年度计划", "下年度", "2025-01-01", "2025-12-31", "year"),
    ("下年3月启用", "下年3月", "2025-03-01", "2025-03-31", "month"),
    ("这一年，全县脱贫", "这一年", "2024-01-01", "2024-12-31", "year"),
    # a clock hour in numerals belongs to its day as one in digits does (前晚8时)
    ("本日零时起", "本日零时", "2024-10-12", "2024-10-12", "day"),
    ("前日凌晨，突降暴雨", "前日凌晨", "2024-10-10", "2024-10-10", "day"),
    ("前晚8时，货车侧翻", "前晚8时", "2024-10-10", "2024-10-10", "day"),
])
def test_period_words(text: str, span: str, start: str, end: str, grain: str) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.date_end, d.grain) == (span, start, end, grain)


def test_whole_day_is_the_day_last_written() -> None:
    found = parse_dates("10月9日全天停水，全天候抢修。", ref_date=REF)
    assert [(d.text, d.date_start) for d in found] == [("10月9日", "2024-10-09"), ("全天", "2024-10-09")]


@pytest.mark.parametrize("text", [
    "全天候值守",
    "目前日均客流",
    "访问日本日企",
    "60岁以下年龄段",
    "2023年及以前年度",  # only 2023年
    "提前日期",
])
def test_never_a_period_word(text: str) -> None:
    assert [d.text for d in parse_dates(text, ref_date=REF) if not d.text[0].isdigit()] == []


@pytest.mark.parametrize(("text", "ref", "span", "start", "end"), [
    ("23年5月8日签约", "2024-10-12", "23年5月8日", "2023-05-08", "2023-05-08"),
    ("于23年，项目建成", "2024-10-12", "23年", "2023-01-01", "2023-12-31"),
    ("自22年起实施", "2024-10-12", "22年", "2022-01-01", "2022-12-31"),
    ("23年度考核", "2024-10-12", "23年度", "2023-01-01", "2023-12-31"),
    ("24年，全市新增", "2024-10-12", "24年", "2024-01-01", "2024-12-31"),
    ("九九年三月建成", "2024-10-12", "九九年三月", "1999-03-01", "1999-03-31"),
    ("于98年，大桥通车", "2024-10-12", "98年", "1998-01-01", "1998-12-31"),
    ("23年一季度", "2024-10-12", "23年一季度", "2023-01-01", "2023-03-31"),
])
def test_two_digit_years(text: str, ref: str, span: str, start: str, end: str) -> None:
    d = one(text, ref)
    assert (d.text, d.date_start, d.date_end, d.has_year) == (span, start, end, True)


@pytest.mark.parametrize("text", [
    "他在基层工作24年",
    "工作了24年，从未请假",
    "24个月内完成",
    "成立30年以来",
    "在24年里",
    "于24年间",
])
def test_never_a_two_digit_year(text: str) -> None:
    assert parse_dates(text, ref_date=REF) == []


@pytest.mark.parametrize(("text", "span", "start", "end", "grain"), [
    ("會議於10月9號召開", "10月9號", "2024-10-09", "2024-10-09", "day"),
    ("3月第2週", "3月第2週", "2024-03-11", "2024-03-17", "week"),
    ("下個月15號前完成", "下個月15號", "2024-11-15", "2024-11-15", "day"),
    ("上週檢查", "上週", "2024-09-30", "2024-10-06", "week"),
    ("這個月", "這個月", "2024-10-01", "2024-10-31", "month"),
    ("10月8日下午3時至11日", "10月8日下午3時至11日", "2024-10-08", "2024-10-11", "day"),
])
def test_traditional_characters(text: str, span: str, start: str, end: str, grain: str) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.date_end, d.grain) == (span, start, end, grain)
    assert text[d.start:d.end] == span  # offsets are into the original text


@pytest.mark.parametrize(("text", "span", "day"), [
    ("本周五前报送", "本周五", "2024-10-11"),
    ("下周一起施行", "下周一", "2024-10-14"),
    ("上周星期三下午", "上周星期三下午", "2024-10-02"),
    ("下个礼拜天", "下个礼拜天", "2024-10-20"),
    ("本週日", "本週日", "2024-10-13"),
])
def test_weekday_after_a_week_word(text: str, span: str, day: str) -> None:
    d = one(text)
    assert (d.text, d.date_start, d.date_end, d.grain) == (span, day, day, "day")


@pytest.mark.parametrize(("text", "span"), [
    ("本周一直降雨", "本周"),  # 一直: all along
    ("上周一共检查40家", "上周"),  # 一共: in all
    ("本周天气晴好", "本周"),
])
def test_weekday_char_starting_another_word(text: str, span: str) -> None:
    d = one(text)
    assert (d.text, d.grain) == (span, "week")


def test_bare_weekday_is_not_read() -> None:
    assert parse_dates("周二召开例会", ref_date=REF) == []


def test_a_range_of_days_with_clock_times_in_numerals_is_one_range() -> None:
    found = parse_dates("2017年12月30日零时至2018年1月1日12时，全省共出动警力", ref_date=date(2018, 1, 2))
    assert [(d.date_start, d.date_end) for d in found] == [("2017-12-30", "2018-01-01")]
    found = parse_dates("12月30日零时至31日二十四时", ref_date=date(2018, 1, 2))
    assert [(d.date_start, d.date_end) for d in found] == [("2017-12-30", "2017-12-31")]
