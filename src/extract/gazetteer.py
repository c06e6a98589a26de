"""Chinese administrative divisions (province to township) and place recognition.

The table ``gazetteers/divisions.tsv`` is built by ``scripts/build_gazetteers.py``.
Matching runs over characters with one Aho-Corasick automaton, so a segmenter's
mistakes cannot hide a place. Short forms (宁远, 富家桥) need context: a county's
short form is taken inside the bulletin's region (or when it is unique in the
country and no region is known); a township's short form only inside the
county or city in play, and only in an enumeration of places or before a place
word (等乡镇, 片区), never as a common word.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import ahocorasick_rs

from extract.records import Record
from extract.resources import cache_dir, data_path, read_table, read_words
from extract.segment import jieba

if TYPE_CHECKING:
    from extract.officials import TitleGrammar

LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "township": 3}
# kind of surface form: the canonical name, a full alias, a short form
NAME, ALIAS, SHORT = 0, 1, 2
SENTENCE_END = "。！？!?\n；;"
_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
# a two-character dictionary word across a short form's edge at least this frequent
# means the short form was cut out of another word
STRADDLE_MIN_FREQ = 50
LIST_MARKS = frozenset("、等及与")


@dataclass(frozen=True, slots=True)
class Division:
    """One division: canonical name, 6-digit (9 for townships) code, level."""

    code: str
    name: str
    level: str
    parent_code: str | None
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    zone_code: str | None


@dataclass(frozen=True, slots=True)
class Place(Record):
    """A division named in the text."""

    name: str
    code: str
    level: str
    parent_code: str | None
    county_code: str | None
    county_name: str | None
    city_code: str | None
    form: str  # "name", "alias" or "short": how it was written


@dataclass(frozen=True, slots=True)
class _Entry:
    """One division a written form may name, with what ``_pick`` asks of it read once."""

    code: str
    kind: int
    div: Division
    enclosing: frozenset[str]  # Gazetteer._enclosing(code)
    rank: int  # LEVEL_RANK of its level
    township: bool


@dataclass(frozen=True, slots=True)
class _Form:
    """A written form's divisions, read once per process (the same forms recur in every text)."""

    entries: tuple[tuple[str, int], ...]  # (code, kind)
    read: tuple[_Entry, ...]
    reach: frozenset[str]  # every code enclosing any of them
    towns_only: bool  # all are townships
    shorts_only: bool  # all are written as short forms


@dataclass(slots=True)  # not frozen: thousands are made per text, and none is changed
class _Cand:
    start: int
    end: int
    entries: tuple[tuple[str, int], ...]  # (code, kind)
    form: _Form
    cut: bool | None = None  # a short form cut out of a word or a name: read once per text


class Gazetteer:
    """All divisions, lookups and the compiled matcher; immutable after loading."""

    def __init__(self, rows: Iterable[list[str]], stopwords: Iterable[str],
                 follow_words: Iterable[str], common_shorts: Iterable[list[str]] = ()) -> None:
        self.by_code: dict[str, Division] = {}
        self._last_places: tuple[str, str | None, list[Place]] | None = None
        surfaces: dict[str, list[tuple[str, int]]] = {}
        self.stopwords = frozenset(stopwords)
        for row in rows:
            code, name, level, parent, aliases, short, zone = (row + [""] * 7)[:7]
            div = Division(code, name, level, parent or None,
                           tuple(a for a in aliases.split(";") if a),
                           tuple(s for s in short.split(";") if s), zone or None)
            self.by_code[code] = div
            for surface, kind in [(name, NAME), *[(a, ALIAS) for a in div.aliases],
                                  *[(s, SHORT) for s in div.short]]:
                if surface not in self.stopwords:
                    surfaces.setdefault(surface, []).append((code, kind))
        self.surfaces = {k: tuple(v) for k, v in surfaces.items()}
        self.follow_words = tuple(sorted(set(follow_words), key=len, reverse=True))
        self.common_shorts = frozenset(row[0] for row in common_shorts)
        self._last: tuple[str | None, list[_Cand]] = (None, [])
        self._enclosing_cache: dict[str, frozenset[str]] = {}
        self._county_city_cache: dict[str, tuple[Division | None, Division | None]] = {}
        self._patterns = tuple(self.surfaces)
        self._forms: list[_Form | None] = [None] * len(self._patterns)  # read on first match
        self._automaton = self._build_automaton()
        # a county short form is unique when no other county/city/province has it
        self._unique_short = frozenset(
            s for s, entries in self.surfaces.items()
            if len({c for c, k in entries if self.by_code[c].level != "township"}) == 1)

    def _build_automaton(self) -> ahocorasick_rs.AhoCorasick:
        # every match, overlapping ones included: _pick may refuse the longest and
        # take a shorter one inside it
        return ahocorasick_rs.AhoCorasick(self._patterns, matchkind=ahocorasick_rs.MatchKind.Standard)

    # ---- lookups -------------------------------------------------------
    def division(self, code: str) -> Division | None:
        found = self.by_code.get(code)  # most codes come from this table: already normal
        return found if found is not None else self.by_code.get(normalize_code(code))

    def parent(self, div: Division) -> Division | None:
        # a city without counties (东莞市) lists itself as its townships' parent and its own
        if not div.parent_code or div.parent_code == div.code:
            return None
        return self.by_code.get(div.parent_code)

    def ancestor(self, code: str, level: str) -> Division | None:
        div = self.division(code)
        while div is not None and div.level != level:
            div = self.parent(div)
        return div

    def county_of(self, code: str) -> Division | None:
        """The county-level ancestor of a township; the county itself for a county."""
        return self.ancestor(code, "county")

    def city_of(self, code: str) -> Division | None:
        """The city of a division; a municipality (北京市) serves as its own city."""
        div = self.division(code)
        if div is None:
            return None
        return self.ancestor(code, "city") or (
            self.ancestor(code, "province") if div.level != "province" or div.name.endswith("市") else None)

    def contains(self, outer: Division, code: str) -> bool:
        """True when division ``code`` lies in ``outer`` (or is it)."""
        return outer.code in self._enclosing(code)

    def _enclosing(self, code: str) -> frozenset[str]:
        """The codes of a division, its ancestors and the functional zones over them: read
        once per division (the matcher asks for the same few thousand again and again)."""
        found = self._enclosing_cache.get(code)
        if found is None:
            codes: set[str] = set()
            div = self.by_code.get(code)
            while div is not None:
                codes.add(div.code)
                if div.zone_code:
                    codes.add(div.zone_code)
                div = self.parent(div)
            found = self._enclosing_cache[code] = frozenset(codes)
        return found

    def names_a_place(self, word: str) -> bool:
        """True when ``word`` alone names a division (湖北, 永州市); a township's bare
        short form (迎春 of 迎春镇) does not count."""
        return any(not (k == SHORT and self.by_code[c].level == "township")
                   for c, k in self.surfaces.get(word, ()))

    def resolve_region(self, name_or_code: str | None) -> Division | None:
        """永州市, 永州, 431100 or 4311 -> the division; None when unknown."""
        if not name_or_code:
            return None
        key = str(name_or_code).strip()
        if key.isdigit():
            return self.division(key)
        entries = self.surfaces.get(key, ())
        if not entries:
            return None
        return min((self.by_code[c] for c, k in entries),
                   key=lambda d: (LEVEL_RANK[d.level], d.code))

    # ---- matching ------------------------------------------------------
    def _candidates(self, text: str) -> list[_Cand]:
        # the same text is matched again for the region guess and with the region found:
        # keep the last result (one tuple, replaced whole, so threads cannot see half of it)
        last_text, last_cands = self._last
        if last_text is text:
            return last_cands
        cands = self._match(text)
        self._last = (text, cands)
        return cands

    def _match(self, text: str) -> list[_Cand]:
        # leftmost-longest, non-overlapping; no two matches share a span (each written form
        # is one pattern), so plain tuples sort in C in the order (start, longest first)
        found = sorted((start, start - end, index) for index, start, end
                       in self._automaton.find_matches_as_indexes(text, overlapping=True))
        forms = self._forms
        cands = []
        for start, neg_len, index in found:
            form = forms[index] or self._read_form(index)
            cands.append(_Cand(start, start - neg_len, form.entries, form))
        return cands

    def _read_form(self, index: int) -> _Form:
        entries = self.surfaces[self._patterns[index]]
        read = tuple(_Entry(code, kind, self.by_code[code], self._enclosing(code),
                            LEVEL_RANK[self.by_code[code].level],
                            self.by_code[code].level == "township") for code, kind in entries)
        form = _Form(entries, read, frozenset().union(*(e.enclosing for e in read)),
                     all(e.township for e in read), all(e.kind == SHORT for e in read))
        self._forms[index] = form
        return form

    def parse_places(self, text: str, *, region: str | Division | None = None) -> list[Place]:
        """Every division named in ``text``, in text order, resolved by ``region``. The last
        answer is kept: a document's region is inferred from its places read without one,
        and when none is inferred the same reading serves the recognizers (a copy each)."""
        reg = region if isinstance(region, Division) else self.resolve_region(region)
        key = (reg.code if reg is not None else None)
        last = self._last_places
        if last is not None and last[0] is text and last[1] == key:
            return list(last[2])
        places = self._parse_places(text, reg)
        self._last_places = (text, key, places)
        return list(places)

    def _parse_places(self, text: str, reg: Division | None,
                      cands: list[_Cand] | None = None) -> list[Place]:
        scope = self._scope(reg)
        scope_code = scope.code if scope is not None else None
        chosen: list[tuple[_Cand, Division, int]] = []
        shorts: list[tuple[_Cand, Division]] = []
        last_end = 0
        ctx: Division | None = None  # the county-level unit last named in this sentence
        ctx_end = 0
        ctx_stop = 0  # where that sentence ends: the first sentence end after the unit
        area: Division | None = None  # the province or city last named in this sentence
        area_stop = 0
        stop = -1  # the first sentence end after the last place taken
        for cand in self._candidates(text) if cands is None else cands:
            if cand.start < last_end:
                continue
            if ctx is not None and ctx_stop < cand.start:
                ctx = None
            if area is not None and area_stop < cand.start:
                area = None
            # a township written right after a county (平江县城关镇) is that county's or none
            after_county = ctx is not None and ctx_end == cand.start
            form = cand.form
            if form.towns_only and (ctx.code if ctx is not None else None) not in form.reach \
                    and (after_county or (form.shorts_only and scope_code not in form.reach)):
                continue  # _pick's first refusal, read here: most candidates are such townships
            pick = self._pick(cand, scope, ctx, reg, after_county, area)
            if pick is None:
                continue
            div, kind = pick
            if kind == SHORT and self._cut(text, cand):
                continue
            if div.level == "township" and not self._township_in_reach(div, reg):
                continue
            if kind == SHORT and div.level in ("county", "township") \
                    and not self._short_ok(div, scope, cand, text):
                continue
            if kind == SHORT and (div.level == "township" or (div.level == "county" and scope is None)):
                # with no region a county's short form (义乌) also needs a list or a place word
                shorts.append((cand, div))
            else:
                chosen.append((cand, div, kind))
            last_end = cand.end
            if cand.end > stop:  # else no sentence ends between the last place and this one
                stop = _sentence_stop(text, cand.end)
            if div.level == "county":
                ctx, ctx_end, ctx_stop = div, cand.end, stop
            elif div.level in ("province", "city"):
                area, area_stop = div, stop
        chosen.extend((c, d, SHORT) for c, d in self._accepted_township_shorts(text, shorts, chosen))
        chosen.sort(key=lambda t: t[0].start)
        return [self._place(text, c, d, k, chosen) for c, d, k in chosen]

    def _township_in_reach(self, div: Division, reg: Division | None) -> bool:
        """A township of another province is not what a local bulletin names: a full
        township name far away is most often a common word (工业园区, 城关镇 elsewhere)."""
        if reg is None:
            return True
        province = self.ancestor(reg.code, "province")
        return province is None or self.contains(province, div.code)

    def _scope(self, reg: Division | None) -> Division | None:
        """Short forms are read inside the region's city (or province)."""
        if reg is None:
            return None
        if reg.level in ("county", "township"):
            return self.city_of(reg.code) or reg
        return reg

    def _pick(self, cand: _Cand, scope: Division | None, ctx: Division | None,
              reg: Division | None = None, after_county: bool = False,
              area: Division | None = None) -> tuple[Division, int] | None:
        form = cand.form
        ctx_code = ctx.code if ctx is not None else None
        scope_code = scope.code if scope is not None else None
        if form.towns_only and ctx_code not in form.reach and (
                after_county or (form.shorts_only and scope_code not in form.reach)):
            return None  # every one is a township outside the county and city in play (工程, 文化)
        reg_code = reg.code if reg is not None else None
        area_code = area.code if area is not None else None
        best, best_key = None, None
        for e in form.read:
            # None is in no set of codes: "ctx_code in e.enclosing" is contains(ctx, code)
            in_ctx = ctx_code in e.enclosing
            in_scope = scope_code in e.enclosing
            if e.township and not in_ctx and (after_county or (e.kind == SHORT and not in_scope)):
                continue
            # the bulletin's own county before the rest of its city, then the city
            in_reg = reg_code in e.enclosing
            # a full township name shared across the country: the province or city just named
            in_area = area_code in e.enclosing
            key = (not in_ctx, not in_reg, not in_area, not in_scope, e.rank, e.kind, e.code)
            if best_key is None or key < best_key:
                best, best_key = (e.div, e.kind), key
        if best is not None and best[0].level == "township" and best_key is not None \
                and best_key[:4] == (True, True, True, True) and self._shared_township(cand):
            return None  # 城关镇 with nothing to say which of the country's many is meant
        if best is not None and best[1] == SHORT and best[0].level == "township":
            # 富家桥 only where unambiguous in the county (or else the city) in play
            rivals = [c for c, k in cand.entries if k == SHORT and self.by_code[c].level == "township"
                      and (self.contains(ctx, c) if ctx is not None and self.contains(ctx, best[0].code)
                           else scope is not None and self.contains(scope, c))]
            if len(rivals) > 1:
                return None
        return best

    def _shared_township(self, cand: _Cand) -> bool:
        """More than one township bears this written form."""
        return sum(1 for c, _ in cand.entries if self.by_code[c].level == "township") > 1

    def _cut(self, text: str, cand: _Cand) -> bool:
        """The short form is cut out of a longer word or a name; the places are read twice
        (for the region guess, then in it), the candidates once."""
        if cand.cut is None:
            cand.cut = self._straddled(text, cand) or _in_name_after_title(text, cand.start)
        return cand.cut

    @staticmethod
    def _straddled(text: str, cand: _Cand) -> bool:
        """A short form cut out of a longer word: 党和政府 (和政), 人民和 (民和), 蓝山谷 (山谷)."""
        freq = _word_freq()
        # a word far rarer than the place itself does not cut it: 河南|关闭 (南关), 湖北|关
        floor = max(STRADDLE_MIN_FREQ, freq.get(text[cand.start:cand.end], 0))
        if cand.start > 0 and freq.get(text[cand.start - 1:cand.end], 0) >= STRADDLE_MIN_FREQ:
            return True  # the tail of a word: 入|海口
        for a, b, outside in ((cand.start - 1, cand.start + 1, cand.start - 1),
                              (cand.end - 1, cand.end + 1, cand.end)):
            # 石岩头等乡镇: 等 marks a list here, not the word 头等
            if a >= 0 and b <= len(text) and text[outside] not in LIST_MARKS \
                    and freq.get(text[a:b], 0) >= floor:
                return True
        return False

    def _short_ok(self, div: Division, scope: Division | None, cand: _Cand, text: str) -> bool:
        """A county/city/province short form: inside the region, or unique when none."""
        if div.level == "township":
            return True  # checked by _pick (scope) and by the list rule
        surface = text[cand.start:cand.end]
        if scope is not None:
            return self.contains(scope, div.code)
        return surface in self._unique_short and surface not in self.common_shorts

    def _accepted_township_shorts(self, text: str, shorts: list[tuple[_Cand, Division]],
                                  chosen: list[tuple[_Cand, Division, int]]) -> list[tuple[_Cand, Division]]:
        """Township short forms count only in a list of places or before a place word."""
        if not shorts:
            return []
        full_ends = {c.end for c, _, _ in chosen}
        full_starts = {c.start for c, _, _ in chosen}
        accepted: list[tuple[_Cand, Division]] = []
        run: list[tuple[_Cand, Division]] = []

        def flush() -> None:
            if not run:
                return
            first, last = run[0][0], run[-1][0]
            linked = (self._joined_to(text, first.start, full_ends, before=True)
                      or self._joined_to(text, last.end, full_starts, before=False))
            if len(run) >= 2 or linked or self._place_word_after(text, last.end):
                accepted.extend(run)
            run.clear()

        for cand, div in shorts:
            if run and not self._is_joiner(text[run[-1][0].end:cand.start]):
                flush()
            run.append((cand, div))
        flush()
        return accepted

    @staticmethod
    def _is_joiner(gap: str) -> bool:
        return gap in ("、", "和", "及", "与")

    def _joined_to(self, text: str, pos: int, anchors: set[int], *, before: bool) -> bool:
        for j in ("、", "和", "及"):
            if before and pos - len(j) in anchors and text[pos - len(j):pos] == j:
                return True
            if not before and pos + len(j) in anchors and text[pos:pos + len(j)] == j:
                return True
        return False

    def _place_word_after(self, text: str, pos: int) -> bool:
        return text.startswith(self.follow_words, pos)

    def _place(self, text: str, cand: _Cand, div: Division, kind: int,
               chosen: list[tuple[_Cand, Division, int]]) -> Place:
        county, city = self._county_and_city(div)
        if div.level == "township" and div.zone_code:
            # 金洞管理区 … 晒北滩瑶族乡: counted under the zone named before it in the sentence
            zone = self._zone_before(text, cand.start, div.zone_code, chosen)
            county = zone or county
        return Place(cand.start, cand.end, text[cand.start:cand.end], div.name, div.code,
                     div.level, div.parent_code, county.code if county else None,
                     county.name if county else None, city.code if city else None,
                     ("name", "alias", "short")[kind])

    def _county_and_city(self, div: Division) -> tuple[Division | None, Division | None]:
        """The county (of a county or township) and the city (of all but a province) a place
        is counted under, walked up once per division."""
        found = self._county_city_cache.get(div.code)
        if found is None:
            found = self._county_city_cache[div.code] = (
                self.county_of(div.code) if div.level in ("county", "township") else None,
                self.city_of(div.code) if div.level != "province" else None)
        return found

    def _zone_before(self, text: str, pos: int, zone_code: str,
                     chosen: list[tuple[_Cand, Division, int]]) -> Division | None:
        for cand, div, _ in reversed(chosen):
            if cand.end <= pos and div.code == zone_code:
                if not _SENTENCE_END_RE.search(text, cand.end, pos):
                    return div
                return None
        return None

    # ---- region --------------------------------------------------------
    def infer_region(self, text: str) -> Division | None:
        """The bulletin's own jurisdiction: a masthead place, else the most named city
        (or the county, when county-level words dominate and one county leads)."""
        head = self._masthead_region(text)
        if head is not None:
            return head
        places = self.parse_places(text)
        cities: Counter[str] = Counter()
        counties: Counter[str] = Counter()
        for p in places:
            if p.city_code:
                cities[p.city_code] += 1
            if p.level == "city":
                cities[p.code] += 1
            if p.county_code:
                counties[p.county_code] += 1
        if not cities:
            return None
        city_code = min(cities, key=lambda c: (-cities[c], c))
        local = Counter({c: n for c, n in counties.items() if c.startswith(city_code[:4])})
        # the words are counted only when a county of the city is named at all
        if local and len(_COUNTY_WORDS.findall(text)) > len(_CITY_WORDS.findall(text)):
            top, n = local.most_common(1)[0]
            if n >= 0.5 * sum(local.values()):
                return self.by_code[top]
        return self.by_code.get(city_code)

    def _masthead_region(self, text: str) -> Division | None:
        """A place that opens one of the first lines (the masthead): 渝北政务信息,
        中共重庆市渝北区委办公室 -> the deepest of the places written one after another."""
        cands = self._candidates(text)  # the whole text's: read below anyway
        lead = text.lstrip()
        at = len(text) - len(lead)  # where each raw line starts in the text
        for raw in lead.split("\n", 3)[:3]:  # the first lines only, not every line split
            line = raw.strip()
            line_start = at + len(raw) - len(raw.lstrip())
            at += len(raw) + 1
            if not line or line.startswith("【") or len(line) > 60:
                continue
            chain = []
            for p in self._parse_places(line, None, _inside(cands, line_start, len(line))):
                if p.level == "township":
                    break
                if (not chain and p.start <= 2) or (chain and p.start == chain[-1].end):
                    chain.append(p)
                elif chain:
                    break
            if chain:
                return self.by_code[chain[-1].code]
            lead = self._leading_short(line)
            if lead is not None:
                return lead
        return None

    def _leading_short(self, line: str) -> Division | None:
        """A county or city short form opening a masthead (渝北政务信息)."""
        for n in range(min(4, len(line)), 1, -1):
            entries = [self.by_code[c] for c, k in self.surfaces.get(line[:n], ())
                       if self.by_code[c].level != "township"]
            if len(entries) == 1 and line[:n] not in self.common_shorts:
                return entries[0]
        return None


_COUNTY_WORDS = re.compile(r"全县|县委|县政府|县长|全区|区委|区政府")
_CITY_WORDS = re.compile(r"全市|市委|市政府|市长")


def _sentence_stop(text: str, pos: int) -> int:
    """The first sentence end at or after ``pos`` (past the text when none): a place
    named later lies in another sentence when it starts beyond it. Found once per place
    taken, not searched for again at every later candidate."""
    m = _SENTENCE_END_RE.search(text, pos)
    return m.start() if m is not None else len(text)


def _inside(cands: list[_Cand], start: int, length: int) -> list[_Cand]:
    """The candidates of a text that lie in text[start:start + length], as candidates of
    that piece: a name occurs in a line where it occurs in the text inside the line."""
    end = start + length
    return [_Cand(c.start - start, c.end - start, c.entries, c.form)
            for c in cands if start <= c.start and c.end <= end]


@lru_cache(maxsize=1)
def _grammar() -> "TitleGrammar":
    """The title grammar, imported once (it is asked for at every short form read)."""
    from extract.officials import get_grammar  # noqa: PLC0415 - officials imports this module

    return get_grammar()


def _in_name_after_title(text: str, start: int) -> bool:
    """True when ``start`` falls inside a name written right after a title (书记汪|金华)."""
    g = _grammar()
    for back in (1, 2):  # the surname (1 or 2 characters) stands between title and match
        p = start - back
        if p > 0 and (text[p:start] in g.surnames or text[p:start] in g.compound_surnames):
            if any(m.end() == p for m in g.rank_re.finditer(text, max(0, p - 8), p)):
                return True
    return False


def _word_freq() -> dict[str, int]:
    """jieba's dictionary frequencies (loaded once by jieba itself)."""
    return jieba().dt.FREQ


def normalize_code(code: str) -> str:
    """43 -> 430000, 4311 -> 431100; 9-digit township codes unchanged."""
    code = str(code).strip()
    return code if len(code) >= 9 else code.ljust(6, "0")


GAZETTEER_FILES = ("divisions.tsv", "place_stopwords.txt", "place_follow_words.txt",
                   "place_common_shorts.tsv")
CACHE_FORMAT = 1  # raise when the cached state changes shape


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use: from its cache beside the data files when
    one matches them (0.25 s instead of 0.45 s, paid by every batch run), else built from
    the files and cached for the next process."""
    folder = cache_dir()
    key = _cache_key() if folder is not None else ""
    gaz = _read_cache(folder, key) if folder is not None else None
    if gaz is None:
        gaz = Gazetteer(read_table("divisions.tsv"), read_words("place_stopwords.txt"),
                        read_words("place_follow_words.txt"), read_table("place_common_shorts.tsv"))
        if folder is not None:
            _write_cache(folder, key, gaz)
    return gaz


# ---- the cache -------------------------------------------------------------
# .cache/gazetteer-<key>.marshal (in a source checkout, see resources.cache_dir) holds a
# built Gazetteer's attributes (divisions as tuples; the automaton is built again, it cannot
# be saved). The key hashes the data files, this module's source (any change to how the
# gazetteer is built) and the Python version (marshal's format), so a stale or foreign cache
# is never read. No cache folder, or one that cannot be written, just means no cache.

def _cache_key() -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]} {marshal.version}".encode())
    code = [Path(__file__), Path(__file__).with_name("resources.py")]  # builds it, reads the files
    for path in [*code, *(data_path(name) for name in GAZETTEER_FILES)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _read_cache(folder: Path, key: str) -> Gazetteer | None:
    try:
        state = marshal.loads((folder / f"gazetteer-{key}.marshal").read_bytes())
        by_code = {row[0]: Division(*row) for row in state.pop("by_code")}
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # none yet, or damaged: built again (and rewritten)
    gaz = Gazetteer.__new__(Gazetteer)
    gaz.__dict__.update(state, by_code=by_code)
    gaz._automaton = gaz._build_automaton()
    return gaz


def _write_cache(folder: Path, key: str, gaz: Gazetteer) -> None:
    state = {k: v for k, v in vars(gaz).items() if k not in ("_automaton", "by_code")}
    state["by_code"] = [tuple(getattr(d, f.name) for f in fields(Division))
                        for d in gaz.by_code.values()]
    try:
        data = marshal.dumps(state)
    except ValueError:
        return  # an attribute marshal cannot hold: this gazetteer is not cached
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# made by bulletin-extract: a cache, never committed\n*\n",
                              encoding="utf-8")
        for old in folder.glob("gazetteer-*.marshal"):  # made from other data or code
            old.unlink(missing_ok=True)
        tmp = folder / f".gazetteer-{key}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, folder / f"gazetteer-{key}.marshal")  # whole or absent
    except OSError:
        pass  # a folder that cannot be written: built from the files each time


def parse_places(text: str, *, region: str | None = None) -> list[Place]:
    """Divisions named in ``text`` (canonical name, code, level), in text order."""
    return get_gazetteer().parse_places(text, region=region)


def infer_region(text: str) -> Division | None:
    """The bulletin's own jurisdiction guessed from its text, or None."""
    return get_gazetteer().infer_region(text)
