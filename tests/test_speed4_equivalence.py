"""Speed round 4: the shortcuts read what the code they replace read."""
from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest

from extract.discourse import is_dateline
from extract.officials import _UNTITLED_ACT, _may_list_untitled, _names_listed_before, \
    _occurrences, get_grammar


def _by_regex(text: str, words: list[str]) -> list[tuple[int, str]]:
    """What a regex of the words, longest first, finds (the code _occurrences replaced)."""
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("seed", range(40))
def test_occurrences_match_the_alternation(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "张三丰李四小兰、同志"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
    words = list(dict.fromkeys("".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4)))
                               for _ in range(rng.randint(1, 6))))
    assert _occurrences(text, words) == _by_regex(text, words)


def test_occurrences_overlapping_and_nested() -> None:
    assert _occurrences("小小小", ["小小"]) == [(0, "小小")]
    assert _occurrences("张三丰张三", ["张三", "张三丰"]) == [(0, "张三丰"), (3, "张三")]


UNTITLED = [
    "甲、乙出席会议。", "会议由张建华主持。", "张建华主持，李明、王芳出席。", "张建华主持会议，",
    "县长王五出席。", "王五出席了活动。", "由王五、赵六参加。", "欧阳明辉主持；", "出席的有张三",
]


@pytest.mark.parametrize("text", UNTITLED)
def test_untitled_precheck_never_hides_a_list(text: str) -> None:
    """Where the precheck says no, the names read there could not have counted."""
    g = get_grammar()
    for m in _UNTITLED_ACT.finditer(text):
        if _may_list_untitled(text, m):
            continue
        names = _names_listed_before(text, m.start(), g)
        assert len(names) < 2
        assert not (len(names) == 1 and text[names[0][0] - 1:names[0][0]] == "由")


def test_dateline_memo_follows_the_text() -> None:
    """The memo is per text: the same span in another text is asked again."""
    filed = "新华社北京3月5日电 记者…"
    told = "新华社北京3月5日召开会议"
    span = SimpleNamespace(start=5, end=9)
    assert is_dateline(filed, span)
    assert not is_dateline(told, span)
    assert is_dateline(filed, span)
