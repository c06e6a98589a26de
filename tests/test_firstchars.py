"""Regexes with a first-character lookahead find exactly what the plain ones find."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from extract.firstchars import compile_skipping, first_chars
from extract.officials import get_grammar
from extract.quantity import _data as quantity_data
from extract.timex import _data as timex_data

from conftest import CORPUS


@pytest.mark.parametrize("source, expected", [
    ("(?<![0-9])ab|c[de]", {"a", "c"}),
    ("x?y", {"x", "y"}),
    ("(?:今|本)年", {"今", "本"}),
    ("(?P<n>[1-3])月", {"1", "2", "3"}),
])
def test_first_chars_of_a_pattern(source, expected):
    assert first_chars(source) == expected


@pytest.mark.parametrize("source", [r"\d+年", "x*", ".年", "[^a]b", "(?i)ab", "(?:a|)b?"])
def test_unknown_first_chars_leave_the_pattern_as_it_is(source):
    assert first_chars(source) is None
    assert compile_skipping(source).pattern == source


def _sources() -> list[str]:
    return [timex_data().regex.pattern, quantity_data().main.pattern, get_grammar().rank_re.pattern]


def _corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("index", range(3))
def test_the_project_patterns_match_the_same_spans_on_the_corpus(index):
    source = _sources()[index]
    if source.startswith("(?=["):  # already compiled with the lookahead: take it off
        source = source[source.index("])(?:") + 5:-1]
    text = _corpus_text()
    plain, fast = re.compile(source), compile_skipping(source)
    assert fast.pattern != source  # the lookahead is there
    assert _spans(fast, text) == _spans(plain, text)
    assert len(_spans(plain, text)) > 20


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="2024年10月1日至今本上下半季度旬第周一二三十百万亿元个家人%，。 ", max_size=40))
def test_the_same_matches_on_any_text_of_date_and_number_characters(text):
    for source in _sources()[:2]:
        if source.startswith("(?=["):
            source = source[source.index("])(?:") + 5:-1]
        assert _spans(compile_skipping(source), text) == _spans(re.compile(source), text)
