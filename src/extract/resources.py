"""Locate the data files in ``gazetteers/``.

In a wheel the folder is shipped as ``extract/gazetteers`` (hatchling
force-include); in a source checkout or editable install it sits at the top of
the repository. Both are tried so an installed command works from any folder.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def gazetteer_dir() -> Path:
    """The folder holding the project's word lists and division tables."""
    packaged = Path(str(resources.files("extract"))) / "gazetteers"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "gazetteers"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        "bulletin-extract data folder 'gazetteers' not found; reinstall the package"
    )


def cache_dir() -> Path | None:
    """Where what is built from the data files may be kept between runs: ``.cache`` at the
    top of a source checkout (ignored by git, shipped in no package); None for an installed
    package, whose folders are not this program's to write."""
    checkout = Path(__file__).resolve().parents[2]
    if gazetteer_dir() != checkout / "gazetteers":
        return None
    return checkout / ".cache"


def data_path(name: str) -> Path:
    """Path of one data file, e.g. ``data_path("units.tsv")``."""
    path = gazetteer_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"missing data file {path}; reinstall the package")
    return path


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping ``#`` comments and the header row."""
    rows: list[list[str]] = []
    header_seen = False
    with data_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            rows.append(line.split("\t"))
    return rows


def read_words(name: str) -> list[str]:
    """One entry a line, ``#`` comments and blank lines skipped (no header)."""
    with data_path(name).open(encoding="utf-8") as fh:
        return [s for s in (line.strip() for line in fh) if s and not s.startswith("#")]
