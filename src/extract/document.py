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
from .normalize import View, view
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


# a str decoded with errors="surrogateescape" (or cut from UTF-16) holds lone surrogates,
# which no encoder or matcher accepts: each becomes U+FFFD, one character for one
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def process_text(text: str, meta: DocInput) -> DocResult:
    """Every table row one bulletin yields."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    readable = view(text)
    ctx = build_context(readable.text if readable else text, meta)
    events = extract_events(ctx)
    facts = extract_facts(ctx)
    officials = officials_rows(ctx, events)
    title = ctx.layout.title
    if readable is not None:
        _as_written(readable, ctx, events, facts, officials)
        if ctx.layout.title_span:
            title = "".join(readable.as_written(*ctx.layout.title_span).split())
    document = {
        "doc_id": meta.doc_id, "path": meta.path, "issue_date": ctx.issue_date,
        "issue_date_source": ctx.issue_date_source, "region": ctx.region,
        "region_code": ctx.region_code, "region_source": ctx.region_source,
        "title": title, "encoding": meta.encoding, "n_chars": len(text),
        "n_sections": ctx.layout.n_sections, "n_events": len(events), "n_facts": len(facts),
        "text": text,
    }
    return DocResult(document, events, facts, officials)


_READ_FIELDS = ("subject", "unit", "scope")  # phrases compared as words: page glosses dropped
_WRITTEN_FIELDS = {"events": ("date_text", "organization", "action_text", "section", "subsection"),
                   "facts": ("subject", "unit", "scope", "organization", "section", "subsection")}


def _as_written(readable: View, ctx: DocContext, events: list[dict[str, Any]],
                facts: list[dict[str, Any]], officials: list[dict[str, Any]]) -> None:
    """Rows read off the view get the offsets, evidence, names and titles of the text as
    read; places and counties stay canonical."""
    names, titles = _written_people(readable, ctx)
    found: dict[tuple[str, bool], str] = {}  # values met outside their row (section names)
    for table, rows in (("events", events), ("facts", facts)):
        for row in rows:
            lo, hi = row["char_start"], row["char_end"]
            for column in _WRITTEN_FIELDS[table]:
                row[column] = _written(readable, ctx.text, row[column], lo, hi,
                                       column not in _READ_FIELDS, found)
            if table == "events":
                row["official"] = names.get(row["official"], row["official"])
                row["title"] = titles.get(row["title"], row["title"])
            row["char_start"], row["char_end"] = readable.start(lo), readable.end(hi)
            row["evidence"] = readable.original[row["char_start"]:row["char_end"]]
    for row in officials:
        row["name"] = names.get(row["name"], row["name"])
        row["title"] = titles.get(row["title"], row["title"])
        row["first_char"] = readable.start(row["first_char"])


def _written_people(readable: View, ctx: DocContext) -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    titles: dict[str, str] = {}
    for o in ctx.mentions.officials:
        if ctx.text[o.name_start:o.name_end] == o.name:
            names.setdefault(o.name, readable.as_written(o.name_start, o.name_end))
        if o.title and ctx.text[o.title_start:o.title_end] == o.title:
            titles.setdefault(o.title, readable.as_written(o.title_start, o.title_end))
    return names, titles


MAX_PIECES = 4  # a joined phrase is a few runs of the sentence, never scattered characters


def _pieces(text: str, value: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ``text[lo:hi]``, in order, that spell ``value`` when joined (longest run
    first at each step); [] when it is not so spelled in a few runs."""
    spans: list[tuple[int, int]] = []
    pos, at = 0, lo
    while pos < len(value):
        size = len(value) - pos
        while size > 0 and (found := text.find(value[pos:pos + size], at, hi)) < 0:
            size -= 1
        if size == 0 or len(spans) == MAX_PIECES:
            return []
        spans.append((found, found + size))
        pos, at = pos + size, found + size
    return spans


def _written(readable: View, text: str, value: Any, lo: int, hi: int, keep_glosses: bool,
             found: dict[tuple[str, bool], str]) -> Any:
    """A value copied from the view between ``lo`` and ``hi``, as the original writes it;
    a value written elsewhere (a section header) is looked up in the whole text once."""
    if not isinstance(value, str) or not value:
        return value
    written = readable.as_written if keep_glosses else readable.as_read
    at = text.find(value, lo, hi)
    if at >= 0:
        return written(at, at + len(value))
    pieces = _pieces(text, value, lo, hi)
    if pieces:  # 第一产业增加值…同比增长: a phrase joined across its number, piece by piece
        return "".join(written(a, b) for a, b in pieces)
    if (value, keep_glosses) not in found:
        at = text.find(value)
        found[value, keep_glosses] = written(at, at + len(value)) if at >= 0 else value
    return found[value, keep_glosses]
