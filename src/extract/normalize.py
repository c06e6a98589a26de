"""A readable view of damaged text, with a map back to the text as read.

Pages copied through bad converters arrive in Traditional characters, with pinyin
glosses after characters (會(huì)議), stray marks inside words (市.委) or spaces inside
dates (2 月 5 日). The
recognizers read a view in Simplified characters with the glosses and marks taken
out; every span they find is mapped back, so offsets, evidence, names and titles are
those of the text as read (the contract: names and titles as written, places canonical).
Most texts need no view: ``view()`` returns None for them after one regex search.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .firstchars import compile_skipping
from .resources import read_table

_CJK = r"[\u3400-\u9fff]"
# a pinyin gloss after a character: (huì), (zhǎng), (lǜ)
_GLOSS = rf"(?<={_CJK})\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{{1,7}}\)"
# a stray mark between two characters of one word: 市.委
_STRAY = rf"(?<={_CJK})[.*_](?={_CJK})"
# spaces typed inside a date (2 月 5 日, 2021年 3月): the date is read without them
_DATE_SPACE = r"(?<=[0-9])[ \u3000\u00a0]+(?=[年月日号])|(?<=[年月])[ \u3000\u00a0]+(?=[0-9])"
# the forms open with a lookbehind, which the engine would test at every character:
# compiled to skip in C to the few characters ( . * _ or a space a match can start with
_DROP = compile_skipping(f"{_GLOSS}|{_STRAY}|{_DATE_SPACE}")


@lru_cache(maxsize=1)
def _t2s() -> dict[int, str]:
    return {ord(t): s for t, s in read_table("t2s_chars.tsv")}


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """The characters the table changes: a text holding none of them reads as it is."""
    return frozenset(chr(t) for t, s in _t2s().items() if s != chr(t))


@dataclass(frozen=True)
class View:
    """The readable text and, for each of its characters, its offset in the original."""

    text: str
    origin: list[int]
    original: str

    def start(self, pos: int) -> int:
        """Original offset of a span starting at ``pos`` in the view."""
        return self.origin[pos] if pos < len(self.origin) else len(self.original)

    def end(self, pos: int) -> int:
        """Original offset of a span ending at ``pos`` (half-open) in the view; a gloss
        written after the span's last character belongs to it."""
        if pos <= 0:
            return 0
        stop = self.origin[pos] if pos < len(self.origin) else len(self.original)
        return len(self.original[:stop].rstrip(".*_")) if stop > self.origin[pos - 1] + 1 else stop

    def as_written(self, start: int, end: int) -> str:
        return self.original[self.start(start):self.end(end)]

    def as_read(self, start: int, end: int) -> str:
        """The original characters of a span without glosses or stray marks (counted
        phrases are compared as words, not as page damage)."""
        return _DROP.sub("", self.original[self.start(start):self.end(end)])


def _gb2312(text: str) -> bool:
    """Whether the text is written in GB2312 alone (a fast codec check)."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def view(text: str) -> View | None:
    """The readable view of ``text``, or None when the text reads as it is."""
    drops = list(_DROP.finditer(text))
    if not drops and _gb2312(text):
        return None  # GB2312 holds no Traditional-only character: most texts stop here
    if not drops and _traditional().isdisjoint(text):
        return None  # outside GB2312 (·, —, rare names) yet nothing Traditional: no copy made
    table = _t2s()
    simplified = text.translate(table)  # one C pass; equal when nothing is Traditional
    if not drops and simplified == text:
        return None
    kept: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in drops + [None]:
        stop = m.start() if m else len(text)
        kept.append(text[pos:stop])
        origin.extend(range(pos, stop))
        pos = m.end() if m else stop
    readable = "".join(kept).translate(table) if drops else simplified
    return View(readable, origin, text)
