"""Damaged and Traditional text: read through a Simplified view, reported as written."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from extract import extract_text
from extract.normalize import view

ROOT = Path(__file__).resolve().parents[1]


def test_plain_simplified_text_needs_no_view():
    assert view("10月11日，市委副书记、市长陈爱林赴双牌县调研。") is None


def test_view_drops_glosses_and_stray_marks_and_maps_back():
    text = "市長(zhǎng)顧建華到縣.委開會(huì)。"
    v = view(text)
    assert v.text == "市长顾建华到县委开会。"
    start = v.text.index("顾建华")
    assert v.as_written(start, start + 3) == "顧建華"
    assert v.as_written(0, 2) == "市長(zhǎng)"  # a gloss after the last character is its own
    assert v.as_written(0, len(v.text)) == text


def test_traditional_bulletin_gives_rows_with_names_titles_and_evidence_as_written():
    text = ("7月26日，臨朐縣委副書記、縣長顧建華帶領安監等部門負責人對全縣非煤礦山企業"
            "安全生產工作進行了現場檢查。\n"
            "12月26日，市委副書記、市政府市長(zhǎng)葉浩文主持召開會(huì)議。\n")
    tables = extract_text(text, issue_date="2024-12-27", region="临朐县")
    ev = tables.events
    assert ev[["official", "title", "action"]].values.tolist() == [
        ["顧建華", "臨朐縣委副書記、縣長", "督导检查"],
        ["葉浩文", "市委副書記、市政府市長(zhǎng)", "主持会议"]]
    assert ev.iloc[0]["counties"] == ["临朐县"]  # places stay canonical
    for _, row in ev.iterrows():
        assert text[row["char_start"]:row["char_end"]] == row["evidence"]
    assert set(tables.officials["name"]) == {"顧建華", "葉浩文"}


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None,
                    reason="opencc-python-reimplemented not installed (extra build-data)")
def test_character_table_rebuilds_identically(tmp_path):
    committed = (ROOT / "gazetteers" / "t2s_chars.tsv").read_bytes()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_t2s.py")], check=True,
                   capture_output=True)
    assert (ROOT / "gazetteers" / "t2s_chars.tsv").read_bytes() == committed
