"""Topic labels from the keyword taxonomy in ``gazetteers/topic_keywords.tsv``."""
from __future__ import annotations

import re
from functools import lru_cache

from .firstchars import compile_skipping, second_char_guard
from .resources import read_table

UMBRELLA = "安全生产"
OTHER = "其他"  # a stated subject that no other label covers


@lru_cache(maxsize=1)
def _taxonomy() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table = {kw: (topic, kind) for topic, kind, kw in read_table("topic_keywords.tsv")}
    # Longest keyword first, so 道路交通 wins over a shorter overlapping word.
    alternation = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    # the keywords factored on their opening characters (the same matches, in the same
    # order): the engine tests one character where it tested every keyword, and only
    # where the next character can be a keyword's second
    return compile_skipping(f"{second_char_guard(table)}(?:{alternation})"), table


def topics_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Topics named in ``text[start:end]``: text order, but specific hazards before
    the umbrella 安全生产 (the contract's rule)."""
    pattern, table = _taxonomy()
    found: list[str] = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        topic = table[m.group()][0]
        if topic not in found:
            found.append(topic)
    if UMBRELLA in found:
        hazards = [t for t in found if table_kind(t) == "hazard"]
        if hazards:
            found.remove(UMBRELLA)
            found.insert(found.index(hazards[-1]) + 1, UMBRELLA)
    return found


@lru_cache(maxsize=None)
def table_kind(topic: str) -> str:
    _, table = _taxonomy()
    for t, kind in table.values():
        if t == topic:
            return kind
    return "other"
