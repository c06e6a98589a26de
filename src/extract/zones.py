"""Functional zones named in the text that the division table has no code for.

The contract counts functional zones as county-level divisions (永州经开区 -> 永州经济技术
开发区), and the official table lists only some of them. A zone word from
``gazetteers/place_zone_words.tsv`` written right after a city named in the text
(常州|经开区, 漳州市|高新区) names a zone: its canonical name is the place's name without
市 and the zone word written out in full (常州经济技术开发区, 漳州高新技术产业开发区).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteer import Place
from extract.resources import read_table


@dataclass(frozen=True, slots=True)
class Zone:
    start: int
    end: int
    name: str


@lru_cache(maxsize=1)
def _zone_words() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical = {r[0]: r[1] for r in read_table("place_zone_words.tsv")}
    alternation = "|".join(map(re.escape, sorted(canonical, key=len, reverse=True)))
    return re.compile(alternation), canonical


def find_zones(text: str, places: list[Place]) -> list[Zone]:
    """The zones named in ``text``, in text order; ``places`` are its place mentions."""
    pattern, canonical = _zone_words()
    if pattern.search(text) is None:
        return []
    # a zone named for a county (平遥经济技术开发区) lies in that county, which stays its
    # county (a decision of the written sets); one named for a city is county-level itself
    by_end = {p.end: p for p in places if p.level == "city"}
    covered = [(p.start, p.end) for p in places]
    zones = []
    for m in pattern.finditer(text):
        place = by_end.get(m.start())
        if place is None or any(s <= m.start() < e for s, e in covered):
            continue  # no place names it, or the table knows the zone (永州经开区)
        written = text[place.start:place.end]
        base = written[:-1] if written.endswith("市") else written
        zones.append(Zone(place.start, m.end(), base + canonical[m.group()]))
    return zones
