"""Sections, masthead, lead labels and sentences as spans of the text as read."""
from __future__ import annotations

import pytest

from extract.sections import split_layout


def test_real_bulletin_sections(real_text):
    layout = split_layout(real_text)
    assert layout.sections == ["领导动态", "专项行动", "部门动态", "县市区动态", "工作数据"]
    assert layout.subsections == ["安全生产", "地方债务", "生态环境", "社会稳定",
                                  "市应急管理局", "市消防救援支队"]
    assert layout.title is None and layout.masthead == []


def test_two_lead_labels_in_one_line(real_text):
    layout = split_layout(real_text)
    dept = [p for p in layout.paragraphs if p.section == "部门动态"]
    assert [p.subsection for p in dept] == ["市应急管理局", "市消防救援支队"]
    assert real_text[dept[1].start:].startswith("10月12日，组织召开全市电动自行车")
    assert real_text[dept[1].label_start:dept[1].start].strip() == "市消防救援支队"


def test_sentence_spans_index_the_text(real_text):
    layout = split_layout(real_text)
    first = layout.sentences[0]
    assert real_text[first.start:first.end] == (
        "10月11日，市委书记朱洪武第一时间赶到宁远县调度“10.10”火灾救援处置工作。")
    for s in layout.sentences:
        chunk = real_text[s.start:s.end]
        assert chunk == chunk.strip() and "\n" not in chunk
        assert not any(c in chunk[:-1].rstrip("”’）") for c in "。！？") or chunk.count("。") <= 1
    last = layout.sentences[-1]
    assert real_text[last.start:last.end] == "对企业和企业主要负责人“一案双罚”38次，移送司法机关50人。" or \
        real_text[last.start:last.end].endswith("移送司法机关50人。")
    assert last.section == "工作数据"


MASTHEAD = """安全生产工作简报
第12期
县应急管理局编印　　　　2025年3月14日
————————————
一、领导活动
（一）县委书记调研
3月12日，县委书记王某某到城关镇调研安全生产工作。
（二）县长督导
3月13日，县长李某某督导检查道路交通安全工作。
二、工作数据
今年以来，全县排查隐患120处。
第三部分 其他
无。
"""


def test_masthead_enumerated_headers_and_parts():
    layout = split_layout(MASTHEAD)
    assert layout.title == "安全生产工作简报"
    assert len(layout.masthead) == 4
    assert MASTHEAD[slice(*layout.masthead_date)].endswith("2025年3月14日") or \
        "2025年3月14日" in MASTHEAD[slice(*layout.masthead_date)]
    assert layout.sections == ["领导活动", "工作数据", "其他"]
    assert layout.subsections == ["县委书记调研", "县长督导"]
    by_text = {MASTHEAD[s.start:s.end]: (s.section, s.subsection) for s in layout.sentences}
    assert by_text["3月13日，县长李某某督导检查道路交通安全工作。"] == ("领导活动", "县长督导")
    assert by_text["今年以来，全县排查隐患120处。"] == ("工作数据", None)


@pytest.mark.parametrize("line, name, level", [
    ("【领导动态】", "领导动态", 1),
    ("一、领导活动", "领导活动", 1),
    ("十二、其他工作", "其他工作", 1),
    ("第二部分　部门动态", "部门动态", 1),
    ("（三）隐患排查", "隐患排查", 2),
    ("(三)隐患排查", "隐患排查", 2),
    ("二、强化责任落实。全县各乡镇要压实责任。", "强化责任落实", 1),
])
def test_header_forms(line, name, level):
    layout = split_layout("【前言】\n" + line + "\n内容。\n" if level == 2 else line + "\n内容。\n")
    names = layout.sections if level == 1 else layout.subsections
    assert name in names


def test_numbered_paragraph_is_not_a_header():
    text = "【工作动态】\n一、全县共排查整治各类隐患一百余处，其中重大隐患三处，已全部完成整改并销号，群众满意度明显提升。\n"
    assert split_layout(text).sections == ["工作动态"]


def test_no_headers_is_one_section():
    layout = split_layout("10月8日，县长调研。会议要求，抓好落实。\n")
    assert layout.sections == [] and layout.n_sections == 1
    assert all(s.section is None for s in layout.sentences)
    assert len(layout.sentences) == 2


def test_speech_spaced_phrase_is_not_a_label():
    text = "【部门动态】\n会议要求 各单位抓好落实。市应急管理局 10月12日，召开会议。\n"
    layout = split_layout(text)
    assert layout.subsections == ["市应急管理局"]


def test_numeral_list_is_not_an_enumerator():
    layout = split_layout("【经济运行】\n二、三季度全市经济运行平稳。\n一、领导活动\n内容。\n")
    assert layout.sections == ["经济运行", "领导活动"]


def test_title_over_two_lines_and_office_date_line():
    text = "唐山市应急管理局\n工作动态\n第31期\n唐山市应急管理局办公室　　2025年11月10日\n【局领导活动】\n内容。\n"
    layout = split_layout(text)
    assert layout.title == "唐山市应急管理局工作动态"
    assert "2025年11月10日" in text[slice(*layout.masthead_date)]
    assert layout.sections == ["局领导活动"]
