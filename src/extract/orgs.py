"""Organisations that act in bulletins (市应急管理局, 全市公安机关, 市城发集团).

An organisation is [jurisdiction prefix or place][name]suffix, the suffix from
``gazetteers/org_suffixes.tsv`` (局, 支队, 中心, 集团, 领导小组, 公安机关 …), the
prefix from ``org_prefixes.txt`` (全市, 市, 县 …) or a place name. Without a
prefix only a known body name (应急管理局) counts. A bare 市委 before a rank
(市委书记) is a title, not an organisation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteer import Division, get_gazetteer
from extract.officials import get_grammar
from extract.records import Record
from extract.resources import read_table, read_words

MAX_MIDDLE = 10
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Org(Record):
    """An organisation named in the text (name as written)."""

    name: str
    kind: str


class _OrgRules:
    def __init__(self) -> None:
        rows = read_table("org_suffixes.tsv")
        self.kind = {r[0]: r[1] for r in rows}
        alt = "|".join(map(re.escape, sorted(self.kind, key=len, reverse=True)))
        self.suffix_re = re.compile(f"(?:{alt})")
        self.prefixes = sorted(read_words("org_prefixes.txt"), key=len, reverse=True)
        self.bodies = frozenset(read_words("org_bodies.txt"))
        self.stop = frozenset(read_words("org_stop_chars.txt"))


@lru_cache(maxsize=1)
def _rules() -> _OrgRules:
    return _OrgRules()


def _start_of(text: str, left: int, sstart: int, rules: _OrgRules,
              place_starts: dict[int, int]) -> int | None:
    """Where the organisation begins: the rightmost prefix or place before the suffix."""
    for p in range(sstart, left - 1, -1):
        if p in place_starts:
            return place_starts[p]
        for pre in rules.prefixes:
            if text.startswith(pre, p) and p + len(pre) <= sstart:
                # 全市 rather than 市 when 全 stands before it
                for longer in rules.prefixes:
                    q = p - (len(longer) - len(pre))
                    if len(longer) > len(pre) and q >= left and text.startswith(longer, q) \
                            and q + len(longer) == p + len(pre):
                        return q
                return p
    return None


def parse_orgs(text: str, *, region: str | Division | None = None) -> list[Org]:
    """Organisations in ``text`` in text order."""
    rules, g = _rules(), get_grammar()
    gaz = get_gazetteer()
    reg = region if isinstance(region, Division) else gaz.resolve_region(region)
    places = [p for p in gaz.parse_places(text, region=reg) if p.level != "township"]
    # a place maps each position it covers to its start (冷水滩区应急管理局 starts at 冷)
    place_starts = {i: p.start for p in places for i in range(p.start, p.end)}
    # suffix characters inside a rank word (市委常委: 委 of 常委) are not an organ
    in_rank = {i for m in g.rank_re.finditer(text) for i in range(m.start("rank"), m.end())}
    out: list[Org] = []
    last_end = 0
    for m in rules.suffix_re.finditer(text):
        sstart, end = m.start(), m.end()
        left = sstart
        while left > max(last_end, sstart - MAX_MIDDLE) and HAN.match(text[left - 1]) \
                and text[left - 1] not in rules.stop:
            left -= 1
        start = _start_of(text, left, sstart, rules, place_starts)
        if start is None:
            start = sstart - next((len(b) for b in sorted(rules.bodies, key=len, reverse=True)
                                   if text.endswith(b, 0, sstart) and sstart - len(b) >= left), 0)
            if start == sstart:
                continue
        if g.rank_re.match(text, end) or (end - 1) in in_rank:
            continue  # 市委书记, 县委常委: a title, not an acting body
        if end - start <= 2:
            continue  # 市委, 县局: too bare to name a body
        out.append(Org(start, end, text[start:end], text[start:end], rules.kind[m.group(0)]))
        last_end = end
    return out
