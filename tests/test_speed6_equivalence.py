"""Speed round 6: the shortcuts read what the code they replace read."""
from __future__ import annotations

import random
import re

import pytest

from extract import sections
from extract.normalize import _t2s, view
from extract.orgs import _han_run_start, _rules

RUN_ALPHABET = "市县应急管理局的了与在，。 A1\n甲乙"


def _run_by_search(text: str, floor: int, end: int) -> int:
    """The search the back-off replaced: the leftmost start of a run reaching ``end``."""
    stops = "".join(re.escape(c) for c in sorted(_rules().stop) if len(c) == 1)
    han_run = re.compile(rf"(?:(?![{stops}])[\u4e00-\u9fff])*\Z")
    return han_run.search(text, floor, end).start()


@pytest.mark.parametrize("seed", range(60))
def test_han_run_start_matches_the_search(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(RUN_ALPHABET) for _ in range(rng.randint(0, 30)))
    end = rng.randint(0, len(text))
    floor = rng.randint(0, end)
    assert _han_run_start(text, floor, end, _rules()) == _run_by_search(text, floor, end)


def _sentences_unbounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence search run to the paragraph's end (the code replaced)."""
    matches = list(sections._SENTENCE.finditer(text, start, end))
    spans = [(m.start(1), m.end()) for m in matches]
    s, e = sections._strip_span(text, matches[-1].end() if matches else start, end)
    if e > s:
        spans.append((s, e))
    return spans


SENTENCE_ALPHABET = "会议召开。！？!?”’」』）) \u3000甲乙"


@pytest.mark.parametrize("seed", range(60))
def test_sentences_stop_at_the_last_sentence_end(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(SENTENCE_ALPHABET) for _ in range(rng.randint(0, 40)))
    end = rng.randint(0, len(text))
    start = rng.randint(0, end)
    assert sections._sentences(text, start, end) == _sentences_unbounded(text, start, end)


@pytest.mark.parametrize("text", ["李·明参加会议—完", "會議在縣政府召開。", "会议·召開", "☆★", ""])
def test_view_without_traditional_characters_is_none(text: str) -> None:
    simplified = text.translate(_t2s())
    readable = view(text)
    if simplified == text:
        assert readable is None
    else:
        assert readable is not None and readable.text == simplified
