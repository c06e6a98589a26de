"""Document metadata: doc_id, manifest rows, issue date and region.

The issue date is the reference date of every relative or year-less date in a
bulletin, so its source is recorded (`issue_date_source`) in the contract's
order: manifest, file name, masthead, option (``--issue-date``), text, unknown.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import UsageError

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_NAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_FULL_DATE = re.compile(r"(?<![\d〔\[])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_CN_FULL_DATE = re.compile(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"\s*([一二三四五六七八九十]{1,3})\s*日")
_YEAR = re.compile(r"(?<![\d〔\[(（])(20\d{2})\s*年")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号月]")
_RANGE_BEFORE = re.compile(r"(?:至|到|—|–|－|-|～|~)\s*$")


@dataclass(frozen=True, slots=True)
class ManifestRow:
    doc_id: str | None
    path: str
    issue_date: date | None
    region: str | None
    source: str | None


def parse_iso_date(value: str | date | None, what: str = "date") -> date | None:
    """An ISO date from an option or manifest cell; None for blank."""
    if value is None or isinstance(value, date):
        return value
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD") from None


def read_manifest(path: Path) -> dict[str, ManifestRow]:
    """Rows of a manifest.csv keyed by the file path relative to the manifest."""
    rows: dict[str, ManifestRow] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            rel = (rec.get("path") or "").strip()
            if not rel:
                continue
            rows[Path(rel).as_posix()] = ManifestRow(
                doc_id=(rec.get("doc_id") or "").strip() or None,
                path=rel,
                issue_date=parse_iso_date(rec.get("issue_date"), f"{path}: issue_date"),
                region=(rec.get("region") or "").strip() or None,
                source=(rec.get("source") or "").strip() or None,
            )
    return rows


def stdin_doc_id(data: bytes) -> str:
    return "stdin-" + hashlib.sha256(data).hexdigest()[:16]


def text_doc_id(text: str) -> str:
    # a str decoded with errors="surrogateescape" holds lone surrogates: hash them as they are
    return "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_from_filename(name: str) -> date | None:
    """2024-10-12, 2024_10_12 or 20241012 in a file name."""
    for m in _NAME_DATE.finditer(name):
        found = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return found
    return None


def _cn_number(s: str) -> int:
    if all(c in _CN_DIGIT for c in s):
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def full_dates(text: str) -> list[date]:
    """Every full (year, month, day) date written in the text."""
    if "年" not in text or "月" not in text:
        return []  # both patterns read 年 and 月: no translation of a text without them
    norm = text.translate(_FW)
    found = [_valid(int(m[1]), int(m[2]), int(m[3])) for m in _FULL_DATE.finditer(norm)]
    found += [_valid(_cn_number(m[1]), _cn_number(m[2]), _cn_number(m[3]))
              for m in _CN_FULL_DATE.finditer(norm)]
    return [d for d in found if d]


def is_date_line(line: str) -> bool:
    """A line that is only a full date (2025年3月14日, maybe in brackets): a masthead line."""
    if "年" not in line or "月" not in line:
        return False  # no full date (both patterns read 年 and 月): nothing removed
    norm = line.translate(_FW)
    rest = _CN_FULL_DATE.sub("", _FULL_DATE.sub("", norm))
    return rest != norm and not rest.strip(" \u3000\t（）()")


def date_from_masthead(line: str) -> date | None:
    dates = full_dates(line)
    return dates[0] if dates else None


def date_from_text(text: str) -> date | None:
    """The latest full date; else the latest 20xx年 year with the latest month-day.

    Month-days that end a range (…至11月8日) are left out: a bulletin reports
    campaigns that run past its issue date.
    """
    dates = full_dates(text)
    if dates:
        return max(dates)
    norm = text.translate(_FW)
    years = [int(m[1]) for m in _YEAR.finditer(norm)]
    if not years:
        return None
    days = []
    for m in _MONTH_DAY.finditer(norm):
        if _RANGE_BEFORE.search(norm[max(0, m.start() - 2):m.start()]):
            continue
        days.append((int(m[1]), int(m[2])))
    year = max(years)
    valid = [d for d in (_valid(year, mo, da) for mo, da in days) if d]
    return max(valid) if valid else None


def resolve_issue_date(*, manifest: date | None, option: date | None, filename: str,
                       masthead_line: str | None, text: str) -> tuple[date | None, str]:
    """The issue date and its source, first that applies in the contract's order: the
    file's own dates (manifest, name, masthead) before ``--issue-date``, which only dates
    files that carry none; the text's dates last."""
    if manifest:
        return manifest, "manifest"
    found = date_from_filename(filename)
    if found:
        return found, "filename"
    if masthead_line:
        found = date_from_masthead(masthead_line)
        if found:
            return found, "masthead"
    if option:
        return option, "option"
    found = date_from_text(text)
    if found:
        return found, "text"
    return None, "unknown"
