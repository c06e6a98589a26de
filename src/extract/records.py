"""Base record type shared by every recognizer.

Records are frozen dataclasses so they are hashable and safe to share across
threads; ``record["field"]`` works too because notebooks and the contract use
mapping-style access.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Record:
    """A span of the text as read: half-open ``[start, end)`` and its ``text``."""

    start: int
    end: int
    text: str

    def __getitem__(self, key: str) -> Any:
        if key not in self.keys():
            raise KeyError(key)
        return getattr(self, key)

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.keys() else default
