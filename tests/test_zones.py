"""Functional zones the division table has no code for, named after their place."""
from __future__ import annotations

import pytest

from extract import extract_text
from extract.gazetteer import get_gazetteer
from extract.zones import find_zones


@pytest.mark.parametrize("text, names", [
    ("前往咸宁高新区检查", ["咸宁高新技术产业开发区"]),
    ("在漳州市高新区开展演练", ["漳州高新技术产业开发区"]),
    ("常州经开区党工委书记", ["常州经济技术开发区"]),
    ("永州经开区管委会", []),  # the table lists it: a place already
    ("平遥经济技术开发区党工委", []),  # named for a county: it lies in that county
    ("全区高新区企业", []),  # no place names the zone
])
def test_zone_words_after_a_place_name_a_zone(text: str, names: list[str]) -> None:
    places = get_gazetteer().parse_places(text)
    assert [z.name for z in find_zones(text, places)] == names


def test_an_event_in_a_zone_counts_its_townships_under_the_zone() -> None:
    text = ("1月31日，常州经开区党工委书记丁建华带队走访慰问困难群众。"
            "丁建华首先来到遥观镇勤新村，了解老人生活情况。\n")
    ev = extract_text(text, issue_date="2024-02-01", region="常州市").events
    assert ev[["official", "counties", "townships"]].values.tolist() == [
        ["丁建华", ["常州经济技术开发区"], ["遥观镇"]]]
