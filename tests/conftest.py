"""Shared fixtures: paths to the bundled corpus and (when present) ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
REAL = CORPUS / "yongzhou-2024-10-12.txt"


@pytest.fixture(scope="session")
def real_text() -> str:
    """The real bulletin as read (UTF-8, LF)."""
    return REAL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's checkout): data-dependent check skipped")
    return SHARED
