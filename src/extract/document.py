"""One bulletin's text to its table rows: layout, metadata, events, facts, officials."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .context import DocContext, Mentions, SpanIndex
from .events import extract_events, officials_rows
from .facts import extract_facts
from .gazetteer import get_gazetteer
from .officials import parse_officials
from .orgs import parse_orgs
from .quantity import parse_quantities
from .timex import parse_dates
from .metadata import resolve_issue_date
from .sections import split_layout


@dataclass(frozen=True, slots=True)
class DocInput:
    """What is known of a bulletin before reading its text."""

    doc_id: str
    path: str
    encoding: str
    filename: str = ""
    manifest_date: date | None = None
    option_date: date | None = None
    manifest_region: str | None = None
    option_region: str | None = None


@dataclass
class DocResult:
    document: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    officials: list[dict[str, Any]] = field(default_factory=list)


def resolve_region(meta: DocInput, text: str) -> tuple[str | None, str | None, str]:
    """Region name, its code and where it came from (manifest, option, text, unknown)."""
    gaz = get_gazetteer()
    for given, source in ((meta.manifest_region, "manifest"), (meta.option_region, "option")):
        if given:
            division = gaz.resolve_region(given)
            if division is None:
                return given, None, source
            return division.name, division.code, source
    division = gaz.infer_region(text)
    if division is None:
        return None, None, "unknown"
    return division.name, division.code, "text"


def build_context(text: str, meta: DocInput) -> DocContext:
    layout = split_layout(text)
    masthead = text[slice(*layout.masthead_date)] if layout.masthead_date else None
    issue_date, date_source = resolve_issue_date(
        manifest=meta.manifest_date, option=meta.option_date, filename=meta.filename,
        masthead_line=masthead, text=text)
    region, region_code, region_source = resolve_region(meta, text)
    return DocContext(doc_id=meta.doc_id, text=text, layout=layout, issue_date=issue_date,
                      issue_date_source=date_source, region=region, region_code=region_code,
                      region_source=region_source,
                      mentions=find_mentions(text, issue_date, region_code or region))


_WRITTEN_YEAR = re.compile(r"[0-9０-９]{4}\s*年|[〇零一二三四五六七八九]{4}年")


def _dates_with_years(text: str) -> list[Any]:
    """Without an issue date a year-less or relative date cannot be placed: keep only
    dates whose year is written out, rather than guess one."""
    placeholder = date(2000, 1, 1)  # never used for the dates kept: their year is written
    return [d for d in parse_dates(text, ref_date=placeholder)
            if d.kind == "absolute" and _WRITTEN_YEAR.match(d.text)]


def find_mentions(text: str, issue_date: date | None, region: str | None) -> Mentions:
    """Run every recognizer once over the whole text."""
    gaz = get_gazetteer()
    dates = parse_dates(text, ref_date=issue_date) if issue_date else _dates_with_years(text)
    division = gaz.resolve_region(region) if region else None
    places = gaz.parse_places(text, region=division)
    return Mentions(
        dates=SpanIndex(dates),
        quantities=SpanIndex(parse_quantities(text)),
        places=SpanIndex(places),
        officials=SpanIndex(parse_officials(text, region=division, places=places)),
        orgs=SpanIndex(parse_orgs(text, region=division, places=places)),
    )


def process_text(text: str, meta: DocInput) -> DocResult:
    """Every table row one bulletin yields."""
    ctx = build_context(text, meta)
    events = extract_events(ctx)
    facts = extract_facts(ctx)
    document = {
        "doc_id": meta.doc_id, "path": meta.path, "issue_date": ctx.issue_date,
        "issue_date_source": ctx.issue_date_source, "region": ctx.region,
        "region_code": ctx.region_code, "region_source": ctx.region_source,
        "title": ctx.layout.title, "encoding": meta.encoding, "n_chars": len(text),
        "n_sections": ctx.layout.n_sections, "n_events": len(events), "n_facts": len(facts),
        "text": text,
    }
    return DocResult(document, events, facts, officials_rows(ctx, events))
