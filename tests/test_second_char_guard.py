"""firstchars.second_char_guard: a lookahead on the words' second characters keeps every match."""
from __future__ import annotations

import re

from extract.firstchars import compile_skipping, second_char_guard
from extract.officials import get_grammar
from extract.orgs import _rules

TEXTS = (
    "市委副书记、市长陈爱林主持会议，国家主席习近平出席；县公安局局长王强、县委常委李四参加。",
    "国际国内形势，中国人民，市场监管局和县应急管理局、区人民政府办公室联合检查组。",
    "委员会会长会见了国务委员，副总统与国王会谈；局长会议在市局召开。",
    "局", "", "国家", "市长\n", "一级巡视员", "常务副市长张三",
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern.finditer(text)]


def test_guard_reads_second_characters() -> None:
    assert second_char_guard(["市长", "书记"]) == "(?=(?s:.)[记长])"
    assert second_char_guard(["局", "中心"]) == "(?=[局]|(?s:.)[心])"
    assert second_char_guard(["局", "厅"]) == ""
    assert second_char_guard([]) == ""


def test_guarded_word_scan_finds_the_same_matches() -> None:
    words = ["局", "中心", "市长", "市领导", "委员会", "委员", "国务委员", "国家主席", "会长"]
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    plain = re.compile(alt)
    guarded = compile_skipping(f"{second_char_guard(words)}(?:{alt})")
    for text in TEXTS:
        assert _spans(guarded, text) == _spans(plain, text)


def test_rank_and_suffix_scans_match_their_unguarded_forms() -> None:
    g = get_grammar()
    assert second_char_guard(g.rank_implies) in g.rank_re.pattern
    assert second_char_guard(_rules().kind) in _rules().suffix_re.pattern
    rank_plain = re.compile(g.rank_re.pattern.replace(second_char_guard(g.rank_implies), "", 1))
    rules = _rules()
    suffix_plain = re.compile(rules.suffix_re.pattern.replace(second_char_guard(rules.kind), "", 1))
    for text in TEXTS:
        assert [(m.span(), m.group("rank")) for m in g.rank_re.finditer(text)] == \
            [(m.span(), m.group("rank")) for m in rank_plain.finditer(text)]
        assert _spans(rules.suffix_re, text) == _spans(suffix_plain, text)
