"""What every assembly stage of one document shares: text, layout, metadata, mentions.

Recognizers run once over the whole text; assembly stages look mentions up by
character span instead of re-running them per sentence.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from .sections import Layout


class SpanIndex:
    """Records sorted by start, with fast lookup of those inside a span."""

    def __init__(self, records: Sequence[Any]) -> None:
        self.records = sorted(records, key=lambda r: (r.start, -r.end))
        self.starts = [r.start for r in self.records]

    def within(self, start: int, end: int) -> list[Any]:
        """Records that start at or after ``start`` and end by ``end``, in order."""
        starts = self.starts
        lo = bisect_left(starts, start)
        if lo == len(starts) or starts[lo] >= end:
            return []  # most lookups find nothing: no slice, no comprehension
        hi = bisect_left(starts, end, lo)
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
