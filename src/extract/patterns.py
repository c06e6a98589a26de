"""The assembly's sentence patterns, read from ``gazetteers/assembly_patterns.tsv``.

``P.meeting`` is the compiled pattern named ``meeting`` there; the file is read and
each pattern compiled on first use, never at import time.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .firstchars import compile_skipping
from .resources import read_table


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {name: pattern for name, pattern, *_ in read_table("assembly_patterns.tsv")}


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """The compiled pattern ``name``; KeyError names the missing entry."""
    try:
        return compile_skipping(_sources()[name])
    except KeyError:
        raise KeyError(f"assembly_patterns.tsv has no pattern {name!r}") from None


class _Patterns:
    """Attribute access to the patterns: ``P.quoted``."""

    def __getattr__(self, name: str) -> re.Pattern[str]:
        compiled = pattern(name)
        setattr(self, name, compiled)  # later lookups skip __getattr__
        return compiled


P = _Patterns()
