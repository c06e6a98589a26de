"""What every assembly stage of one document shares: text, layout, metadata, mentions.

Recognizers run once over the whole text; assembly stages look mentions up by
character span instead of re-running them per sentence.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter
from datetime import date
from typing import Any, Sequence

from .sections import Layout


_START = attrgetter("start")
_END = attrgetter("end")


class SpanIndex:
    """Records sorted by start, with fast lookup of those inside a span."""

    def __init__(self, records: Sequence[Any]) -> None:
        # by start, the longest first at one start: two stable sorts with keys read in C
        # order as the key (start, -end) does, ties kept in the given order
        self.records = sorted(sorted(records, key=_END, reverse=True), key=_START)
        self.starts = list(map(_START, self.records))
        self._count = len(self.starts)
        # the furthest end of the records up to each one: when it is within the span,
        # every record starting in the span ends in it too, and a slice answers
        self._reach = list(accumulate(map(_END, self.records), max))

    def within(self, start: int, end: int) -> list[Any]:
        """Records that start at or after ``start`` and end by ``end``, in order."""
        starts = self.starts
        lo = bisect_left(starts, start)
        if lo == self._count or starts[lo] >= end:
            return []  # most lookups find nothing: no slice, no comprehension
        hi = bisect_left(starts, end, lo)
        if self._reach[hi - 1] <= end:
            return self.records[lo:hi]
        return [r for r in self.records[lo:hi] if r.end <= end]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


@dataclass(frozen=True)
class Mentions:
    dates: SpanIndex
    quantities: SpanIndex
    places: SpanIndex
    officials: SpanIndex
    orgs: SpanIndex


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    text: str
    layout: Layout
    issue_date: date | None
    issue_date_source: str
    region: str | None
    region_code: str | None
    region_source: str
    mentions: Mentions = field(repr=False, default=None)  # type: ignore[assignment]
    # what the assembly stages read off the document alike (the paragraphs events and facts
    # both walk, whether a sentence opens a report), found by the first to ask
    memo: dict[Any, Any] = field(repr=False, compare=False, default_factory=dict)
