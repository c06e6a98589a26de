"""``bulletin-extract view``: one self-contained HTML page showing every row in its text.

The page is built here in Python (every piece of bulletin text goes through ``html.escape``),
so the browser only moves ready-made, escaped fragments into place: a bulletin holding
``<script>`` or ``&lt;`` shows them as text. Each event and fact row gets its own ``<mark>``
around ``text[char_start:char_end]``; rows sharing a sentence give nested marks. Each
document's fragments sit in their own inert JSON block and are put into the page only when
the document is opened, so a run of thousands of documents loads as a short index.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from .errors import UsageError

TABLES = ("events", "facts")
# the columns shown beside the text, in order (the contract's names)
EVENT_COLUMNS = ("event_id", "date_start", "official", "title", "organization", "county",
                 "action", "action_text", "topics")
FACT_COLUMNS = ("fact_id", "subject", "value", "unit", "value_normalized", "unit_normalized",
                "qualifier", "direction", "period_start", "period_end", "scope", "check")
ERROR_COLUMNS = ("path", "doc_id", "error_code", "message")
FILTERS = ("action", "topic", "county", "official")
CSS_CLASS = {"events": "ev", "facts": "fa"}
SLOT = re.compile(r"<!--([A-Z]+)-->")


@dataclass(frozen=True)
class Span:
    """One row's evidence: text[start:end], shown as one mark."""
    start: int
    end: int
    table: str
    row_id: str
    label: str


@dataclass
class Run:
    """A finished run's tables, as read from its output folder."""
    documents: list[dict[str, Any]]
    rows: dict[str, list[dict[str, Any]]]
    errors: list[dict[str, Any]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise UsageError(f"{path}: not found; give the --out folder of a finished "
                         "`bulletin-extract run`")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}, line {number}: not JSON ({exc.msg}); "
                                 "re-run `bulletin-extract run` into that folder") from exc
    return rows


def load_run(out_dir: Path) -> Run:
    """Read DIR's JSONL tables with each document's text: written by ``run --with-text``,
    else read again from the document's file (paths as the run found them)."""
    if not out_dir.is_dir():
        raise UsageError(f"{out_dir}: no such folder; give the --out folder of a finished run")
    documents = read_jsonl(out_dir / "documents.jsonl")
    for doc in documents:
        if doc.get("text") is None:
            doc["text"] = _text_from_source(doc, out_dir)
    rows = {t: read_jsonl(out_dir / f"{t}.jsonl") for t in TABLES}
    errors_path = out_dir / "errors.jsonl"
    errors = read_jsonl(errors_path) if errors_path.exists() else []
    return Run(documents, rows, errors)


def _text_from_source(doc: dict[str, Any], out_dir: Path) -> str:
    """A run without --with-text: the document's file read again as ``run`` read it. The
    offsets index that text, so it is used only when its length is the one recorded."""
    from .errors import ReadError  # noqa: PLC0415 - reading is needed only on this path
    from .reading import read_path  # noqa: PLC0415
    hint = (f"re-run `bulletin-extract run ... --with-text` into {out_dir}, or run `view` "
            "from the folder the run was started in")
    path = Path(str(doc.get("path") or ""))
    try:
        # read as run read it: the same detection (the recorded encoding may name a form,
        # such as html or docx, rather than a codec)
        text = read_path(path).text
    except ReadError as exc:
        raise UsageError(f"{doc.get('doc_id')}: the run holds no text and {exc.message}; "
                         f"{hint}") from None
    if len(text) != doc.get("n_chars"):
        raise UsageError(f"{path}: changed since the run ({len(text)} characters, the run read "
                         f"{doc.get('n_chars')}); {hint}")
    return text


def esc(value: Any) -> str:
    """A cell or attribute value as HTML text (lists joined by 、, null as empty)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


def row_id(table: str, row: dict[str, Any]) -> str:
    return str(row["event_id" if table == "events" else "fact_id"])


def row_label(table: str, row: dict[str, Any]) -> str:
    if table == "events":
        who = row.get("official") or row.get("organization") or ""
        return f"{row.get('event_id')} {who} {row.get('action') or ''}".strip()
    value = f"{row.get('value')}{row.get('unit') or ''}"
    return f"{row.get('fact_id')} {row.get('subject') or ''} {value}"


def spans_of(doc_rows: dict[str, list[dict[str, Any]]], n_chars: int) -> list[Span]:
    spans = []
    for table in TABLES:
        for row in doc_rows.get(table, []):
            start = max(0, min(int(row["char_start"]), n_chars))
            end = max(start, min(int(row["char_end"]), n_chars))
            spans.append(Span(start, end, table, row_id(table, row), row_label(table, row)))
    return spans


def open_tag(span: Span, *, cont: bool = False) -> str:
    # a continuation piece (a span partly overlapping another) is not counted as a row's mark
    cls = CSS_CLASS[span.table] + (" cont" if cont else "")
    return (f'<mark class="{cls}" data-row="{esc(span.row_id)}" data-start="{span.start}" '
            f'data-end="{span.end}" title="{esc(span.label)}">')


def render_text(text: str, spans: Iterable[Span]) -> str:
    """The escaped text with one ``<mark>`` per span, nested where spans nest.

    A span that only partly overlaps an open one is closed and reopened as a ``cont``
    piece, so the HTML stays well formed and each row still has exactly one counted mark.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    starts: dict[int, list[Span]] = defaultdict(list)
    for span in ordered:
        starts[span.start].append(span)
    points = sorted({0, len(text)} | set(starts) | {s.end for s in ordered})
    out: list[str] = []
    stack: list[Span] = []
    pos = 0
    for point in points:
        out.append(html.escape(text[pos:point], quote=False))
        pos = point
        close_at(point, stack, out)
        for span in starts.get(point, []):
            out.append(open_tag(span))
            if span.end == point:  # an empty span: a mark with no text
                out.append("</mark>")
            else:
                stack.append(span)
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def close_at(point: int, stack: list[Span], out: list[str]) -> None:
    """Close every open span ending at ``point``, reopening the ones closed only to nest."""
    reopen: list[Span] = []
    while any(s.end == point for s in stack):
        span = stack.pop()
        out.append("</mark>")
        if span.end != point:
            reopen.append(span)
    for span in reversed(reopen):
        out.append(open_tag(span, cont=True))
        stack.append(span)


def row_values(row: dict[str, Any]) -> dict[str, list[str]]:
    """Per filter, the values a row carries (facts carry no action, topic or official)."""
    counties = row.get("counties") or ([row["county"]] if row.get("county") else [])
    return {"action": [row["action"]] if row.get("action") else [],
            "topic": list(row.get("topics") or []), "county": list(counties),
            "official": [row["official"]] if row.get("official") else []}


def row_attrs(table: str, row: dict[str, Any]) -> str:
    """The row's class, id and the data- attributes the filters read (JSON lists)."""
    attrs = " ".join(f'data-{k}="{esc(json.dumps(v, ensure_ascii=False))}"'
                     for k, v in row_values(row).items())
    return f'class="{CSS_CLASS[table]}" data-row="{esc(row_id(table, row))}" {attrs}'


def render_table(table: str, rows: list[dict[str, Any]]) -> str:
    cols = EVENT_COLUMNS if table == "events" else FACT_COLUMNS
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body = "".join(f"<tr {row_attrs(table, r)}>"
                   + "".join(f"<td>{esc(r.get(c))}</td>" for c in cols) + "</tr>" for r in rows)
    return (f'<h3>{table} ({len(rows)})</h3><table class="rows {CSS_CLASS[table]}">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def filter_values(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per filter, the sorted values that any of the rows carries."""
    found: dict[str, set[str]] = {k: set() for k in FILTERS}
    for row in rows:
        for name, values in row_values(row).items():
            found[name].update(values)
    return {k: sorted(v) for k, v in found.items()}


def script_json(value: Any) -> str:
    """JSON safe inside <script>: no `<`, `>` or `&` can end the block or start a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_document(index: int, doc: dict[str, Any], doc_rows: dict[str, list[dict]]) -> str:
    text = doc.get("text") or ""
    body = render_text(text, spans_of(doc_rows, len(text)))
    tables = "".join(render_table(t, doc_rows.get(t, [])) for t in TABLES)
    payload = {"text": body, "rows": tables}
    n_ev, n_fa = (len(doc_rows.get(t, [])) for t in TABLES)
    meta = " · ".join(esc(doc.get(k)) for k in ("issue_date", "region", "title") if doc.get(k))
    all_rows = [r for t in TABLES for r in doc_rows.get(t, [])]
    filters = esc(json.dumps(filter_values(all_rows), ensure_ascii=False))
    return (f'<section class="doc" id="doc-{index}" data-doc="{esc(doc["doc_id"])}" '
            f'data-events="{n_ev}" data-facts="{n_fa}" data-filters="{filters}">'
            f'<h2 class="doc-head"><button type="button" class="toggle" aria-expanded="false">'
            f'<span class="doc-id">{esc(doc["doc_id"])}</span> <span class="meta">{meta}</span> '
            f'<span class="count ev">{n_ev} events</span> <span class="count fa">{n_fa} facts'
            f'</span></button></h2><div class="doc-body" hidden></div>'
            f'<script type="application/json" class="payload">{script_json(payload)}</script>'
            f"</section>")


def render_errors(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return '<section id="errors"><h2>errors (0)</h2><p>Every file was read.</p></section>'
    head = "".join(f"<th>{c}</th>" for c in ERROR_COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{esc(e.get(c))}</td>" for c in ERROR_COLUMNS) + "</tr>"
                   for e in errors)
    return (f'<section id="errors"><h2>errors ({len(errors)})</h2><table class="rows errors">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>")


def render_filters(rows: list[dict[str, Any]]) -> str:
    values = filter_values(rows)
    out = []
    for name in FILTERS:
        options = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values[name])
        out.append(f'<label>{name} <select data-filter="{name}"><option value="">(all)</option>'
                   f"{options}</select></label>")
    return "".join(out)


def asset(name: str) -> str:
    return (resources.files("extract") / "view_assets" / name).read_text(encoding="utf-8")


def rows_by_doc(run: Run) -> dict[str, dict[str, list[dict[str, Any]]]]:
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        for row in run.rows[table]:
            grouped[row["doc_id"]][table].append(row)
    return grouped


def render_page(run: Run, *, source: str = "") -> str:
    grouped = rows_by_doc(run)
    docs = "".join(render_document(i, d, grouped.get(d["doc_id"], {}))
                   for i, d in enumerate(run.documents))
    all_rows = [r for t in TABLES for r in run.rows[t]]
    n_ev, n_fa = (len(run.rows[t]) for t in TABLES)
    summary = (f"{len(run.documents)} documents, {n_ev} events, {n_fa} facts, "
               f"{len(run.errors)} errors")
    title = f"bulletin-extract view: {source}" if source else "bulletin-extract view"
    fills = {"TITLE": esc(title),
             "STYLE": asset("view.css"), "SCRIPT": asset("view.js"),
             "SUMMARY": esc(summary), "FILTERS": render_filters(all_rows),
             "DOCUMENTS": docs, "ERRORS": render_errors(run.errors)}
    # one pass over the template: inserted text is never scanned for slots
    return SLOT.sub(lambda m: fills[m.group(1)], asset("page.html"))


def write_view(out_dir: Path, html_path: Path | None = None) -> tuple[Path, Run]:
    """Write the page for the run in ``out_dir``; returns its path (default DIR/view.html)."""
    run = load_run(out_dir)
    target = html_path or out_dir / "view.html"
    if target.is_dir():
        raise UsageError(f"--html {target}: is a folder; give a file name such as view.html")
    try:
        target.write_text(render_page(run, source=str(out_dir)), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--html {target}: cannot write ({exc.strerror}); "
                         "choose a writable file") from exc
    return target, run
