"""Score predicted ``events`` / ``facts`` tables against gold files (``bulletin-extract eval``).

Evaluation is set arithmetic on matched rows (spaCy ``scorer.py`` style). The rules,
fixed by the output contract's "Gold files" section and refined here where it is silent:

Reading
  * Gold: ``DIR/<doc_id>.events.jsonl`` / ``DIR/<doc_id>.facts.jsonl`` (searched
    recursively, so ``DIR/2024/x.events.jsonl`` is document ``2024/x``; a row's own
    ``doc_id`` wins over the file name), and/or ``DIR/events.jsonl`` /
    ``DIR/facts.jsonl`` whose rows carry ``doc_id``. A document is scored for a table
    when gold for it exists for that table: its per-document file (an empty file means
    "no rows"), or, in the combined layout, any mention of it in ``DIR/events.jsonl``
    or ``DIR/facts.jsonl``. Predictions: the files ``run`` writes (``DIR/events.jsonl``,
    ``DIR/facts.jsonl``; the per-document layout is accepted too, so gold can be scored
    against itself). Predicted rows of documents without gold are ignored and counted.
  * A gold column that is absent, or holds ``"*"``, is not scored. JSON ``null`` is a
    value: null == null is correct. An empty string counts as null.

Matching (within one document)
  * events on (official, date_start, action); facts on (value_normalized rounded to
    4 decimals, unit_normalized). A gold key part that is absent or ``"*"`` matches
    anything. A null official matches only a null official.
  * Each gold row matches at most one predicted row and vice versa. All compatible
    (gold, pred) pairs are ranked and taken greedily: exact key parts first, then most
    strict fields agreeing, then most other gold fields agreeing, then a gold
    ``anchor`` found in the predicted ``evidence``, then file order (so, all else
    equal, the k-th gold row with a key pairs with the k-th predicted one).

Field scores of a matched pair (strict fields, per the contract)
  * events: title (only when the gold official is not null), counties, townships,
    topic, date_end, organization (only when the gold official is null).
    ``counties`` / ``townships`` compare as ordered lists (the contract orders them:
    ``county`` is the first of ``counties``, text order otherwise). topic is correct
    when the predicted ``topic`` is one of the gold ``topics`` (null when gold
    ``topics`` is ``[]``); without gold ``topics``, gold ``topic`` is compared.
  * facts: subject (loose, below), qualifier, period_start, period_end, scope.
  * Subject "as written, loosely": both sides are NFKC-normalised with whitespace,
    quotes and punctuation removed; equal, or one contains the other and the shorter
    has >= 2 characters and >= SUBJECT_MIN_COVERAGE of the longer's length, or the
    rapidfuzz ``fuzz.ratio`` >= SUBJECT_MIN_RATIO. A predicted subject that runs
    across a clause break (，。；！？) that the gold one lacks is wrong.
  * Other gold columns (events: county, topics, section; facts: value, unit, county,
    organization, direction, estimate, check, section) are scored for information
    only and never affect strict correctness. Numbers compare to 4 decimals
    (172 == 172.0); dates as ISO strings.

Figures
  * matched: P = matched / predicted rows, R = matched / gold rows, F1.
  * strict: the same counting only matches whose every scored strict field is right.
  * per field: accuracy = correct / matched pairs where the field is scored; P =
    correct / (those pairs + unmatched predicted rows), R = correct / gold rows where
    the field is scored.
  * per section: strict figures, recall by the gold row's section, precision by the
    predicted row's section.
  * A ratio whose denominator is 0 is 1.0 when both gold and prediction are empty,
    else 0.0.
"""
from __future__ import annotations

import json
import math
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from .errors import UsageError

if TYPE_CHECKING:  # pandas is imported where frames are made: `run --help` never pays for it
    import pandas as pd

__all__ = [
    "MATCHING_RULE_HELP",
    "EvalError",
    "EvalInputError",
    "EvalFormatError",
    "load_gold",
    "load_pred",
    "evaluate",
    "evaluate_frames",
    "format_report",
]

WILDCARD = "*"
TABLES = ("events", "facts")
NO_SECTION = "(none)"
#: rapidfuzz ``fuzz.ratio`` (0-100) at or above which two normalised subjects agree.
SUBJECT_MIN_RATIO = 80.0
#: containment counts only when the shorter subject is at least this share of the longer.
SUBJECT_MIN_COVERAGE = 0.25
# A subject is a phrase inside one clause; these mark a clause break.
_CLAUSE_BREAKS = frozenset("，。；！？,;!?")

MATCHING_RULE_HELP = f"""\
matching rule:
  gold      DIR/<doc_id>.events.jsonl + DIR/<doc_id>.facts.jsonl, or
            DIR/events.jsonl + DIR/facts.jsonl with a doc_id column; predictions
            as `run` writes them. Only documents with gold are scored; predicted
            rows of other documents are counted and ignored.
  match     within a document: events on (official, date_start, action), facts on
            (value_normalized to 4 decimals, unit_normalized). Each gold row takes at
            most one predicted row: the candidate agreeing on most fields, then file
            order. A null official matches only a null official.
  not scored  a gold value "*" or a column absent from gold ("*" in a key
            matches any value); JSON null is a value (null == null is right).
  strict    a match whose every scored field is right. events: title (with an
            official), counties and townships (ordered lists), topic (any of gold
            topics), date_end, organization (without an official). facts: subject
            (loosely: punctuation-blind, containment or fuzzy ratio >= {SUBJECT_MIN_RATIO:g}),
            qualifier, period_start, period_end, scope.
  reported  matched and strict P/R/F1 per table; per-field accuracy and P/R/F1;
            strict P/R/F1 per section; the misses (missing, spurious, wrong fields).
"""


class EvalError(UsageError):
    """Base of the errors ``eval`` reports to the user (the CLI exits 2 on them)."""


class EvalInputError(EvalError, FileNotFoundError):
    """A gold or prediction directory, or a file it must hold, is missing."""


class EvalFormatError(EvalError, ValueError):
    """A gold or prediction file is not JSON Lines of the expected shape."""


# --------------------------------------------------------------------------- fields


@dataclass(frozen=True)
class FieldRule:
    """How one column of a matched pair is compared; ``when`` gates it on the gold row."""

    name: str
    kind: str  # text | date | number | bool | list | loose | topic
    strict: bool = True
    when: Callable[[Mapping[str, Any]], bool] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    key: tuple[tuple[str, str], ...]  # (column, kind)
    fields: tuple[FieldRule, ...]
    shown: tuple[str, ...]  # columns printed for a missing or spurious row
    # A missing gold row names the unmatched prediction that differs in one key part
    # only, provided it agrees on these key parts (a fact's value: units alone are common).
    near_needs: tuple[int, ...] = ()


def _has_official(row: Mapping[str, Any]) -> bool:
    return row.get("official") is not None


def _no_official(row: Mapping[str, Any]) -> bool:
    return "official" in row and row["official"] is None


EVENTS = TableSpec(
    name="events",
    key=(("official", "text"), ("date_start", "date"), ("action", "text")),
    fields=(
        FieldRule("title", "text", when=_has_official),
        FieldRule("counties", "list"),
        FieldRule("townships", "list"),
        FieldRule("topic", "topic"),
        FieldRule("date_end", "date"),
        FieldRule("organization", "text", when=_no_official),
        FieldRule("county", "text", strict=False),
        FieldRule("topics", "list", strict=False),
        FieldRule("section", "text", strict=False),
    ),
    shown=("title", "organization", "counties", "topic"),
)

FACTS = TableSpec(
    name="facts",
    key=(("value_normalized", "number"), ("unit_normalized", "text")),
    fields=(
        FieldRule("subject", "loose"),
        FieldRule("qualifier", "text"),
        FieldRule("period_start", "date"),
        FieldRule("period_end", "date"),
        FieldRule("scope", "text"),
        FieldRule("value", "number", strict=False),
        FieldRule("unit", "text", strict=False),
        FieldRule("county", "text", strict=False),
        FieldRule("organization", "text", strict=False),
        FieldRule("direction", "text", strict=False),
        FieldRule("estimate", "bool", strict=False),
        FieldRule("check", "text", strict=False),
        FieldRule("section", "text", strict=False),
    ),
    shown=("subject", "value", "unit"),
    near_needs=(0,),
)

SPECS = {"events": EVENTS, "facts": FACTS}


# ----------------------------------------------------------------- normalisation


def _is_missing(value: Any) -> bool:
    """NaN / NA / NaT: how a DataFrame spells a column absent from a row."""
    if value is None or isinstance(value, (str, bytes, bool)) or hasattr(value, "__len__"):
        return False  # containers (lists, numpy arrays) are values, never "missing"
    import pandas as pd  # noqa: PLC0415 - see the module's imports
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A JSON-serialisable copy (numpy scalars and arrays, dates, NaN)."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return _plain(value.tolist())
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, float) and math.isnan(value):
        return None
    if _is_missing(value):
        return None
    return value


def _as_text(value: Any) -> str | None:
    if value is None or _is_missing(value):
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text or None


def _as_date(value: Any) -> str | None:
    if isinstance(value, (date, datetime)):  # pd.Timestamp is a datetime
        return value.isoformat()[:10]
    text = _as_text(value)
    # "2024-10-11T00:00:00" and "2024-10-11" name the same day.
    if text and len(text) > 10 and text[4] == "-" and text[10] in "T ":
        return text[:10]
    return text


def _as_number(value: Any) -> float | str | None:
    """Rounded to 4 decimals; an unparsable value stays text so it still compares."""
    if value is None or _is_missing(value):
        return None
    if isinstance(value, bool):  # True is not 1 here: a flag in a number column is a data error
        return str(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _as_text(value)
    if math.isnan(number):
        return None
    return round(number, 4) + 0.0  # + 0.0 folds -0.0 into 0.0


def _as_bool(value: Any) -> bool | str | None:
    if value is None or _is_missing(value):
        return None
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
        return lowered or None
    return bool(value)


def _as_list(value: Any) -> list[str]:
    """A list column; CSV spells it ``a;b``, Parquet as an array, null as ``[]``."""
    if value is None or _is_missing(value):
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.split(";")
    elif hasattr(value, "tolist"):
        items = value.tolist()
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        items = [value]
    return [text for text in (_as_text(item) for item in items) if text is not None]


def _is_wildcard(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip() == WILDCARD
    if isinstance(value, (list, tuple)):
        return len(value) == 1 and _is_wildcard(value[0])
    return False


def _loose_form(value: Any) -> str | None:
    text = _as_text(value)
    if text is None:
        return None
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZCS")


def _subject_agrees(gold: Any, pred: Any) -> bool:
    """Subject "as written, loosely" (rules in the module docstring)."""
    g, p = _loose_form(gold), _loose_form(pred)
    if g is None or p is None:
        return g == p
    gold_breaks = _CLAUSE_BREAKS & set(str(gold))
    if (_CLAUSE_BREAKS & set(str(pred))) - gold_breaks:
        return False
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    if len(short) >= 2 and short in long_ and len(short) >= SUBJECT_MIN_COVERAGE * len(long_):
        return True
    return fuzz.ratio(g, p) >= SUBJECT_MIN_RATIO


def _pred_topic(pred: Mapping[str, Any]) -> str | None:
    if "topic" in pred and not _is_missing(pred["topic"]):
        return _as_text(pred["topic"])
    topics = _as_list(pred.get("topics"))
    return topics[0] if topics else None


def _topic_agrees(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool | None:
    """None when not scored: gold has neither a usable ``topics`` nor ``topic``."""
    if "topics" in gold and not _is_wildcard(gold["topics"]):
        allowed = _as_list(gold["topics"])
        topic = _pred_topic(pred)
        return topic in allowed if allowed else topic is None
    if "topic" in gold and not _is_wildcard(gold["topic"]):
        return _as_text(gold["topic"]) == _pred_topic(pred)
    return None


_NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "text": _as_text,
    "date": _as_date,
    "number": _as_number,
    "bool": _as_bool,
    "list": _as_list,
}


def _field_agrees(rule: FieldRule, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool | None:
    """True / False for a scored field, None when the gold row does not score it."""
    if rule.when is not None and not rule.when(gold):
        return None
    if rule.kind == "topic":
        return _topic_agrees(gold, pred)
    if rule.name not in gold or _is_wildcard(gold[rule.name]):
        return None
    if rule.kind == "loose":
        return _subject_agrees(gold[rule.name], pred.get(rule.name))
    normalise = _NORMALISERS[rule.kind]
    return normalise(gold[rule.name]) == normalise(pred.get(rule.name))


def _check_pair(spec: TableSpec, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool]:
    checks: dict[str, bool] = {}
    for rule in spec.fields:
        verdict = _field_agrees(rule, gold, pred)
        if verdict is not None:
            checks[rule.name] = verdict
    return checks


# ----------------------------------------------------------------------- reading


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise EvalInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalFormatError(
                    f"{path}:{lineno}: not valid JSON ({exc.msg}); each line must be one JSON object"
                ) from None
            if not isinstance(obj, dict):
                raise EvalFormatError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            rows.append(obj)
    return rows


def _doc_of(row: Mapping[str, Any]) -> str | None:
    return _as_text(row.get("doc_id"))


@dataclass
class _Table:
    """Rows of one table read from a directory, and the documents it covers."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    paths: list[str] = field(default_factory=list)
    combined: bool = False  # read from DIR/<table>.jsonl

    @property
    def found(self) -> bool:
        return bool(self.paths)


def _read_table(root: Path, table: str) -> _Table:
    out = _Table()
    source_of: dict[str, Path] = {}

    def claim(doc_id: str, path: Path) -> None:
        # One document's gold for one table must come from one file.
        if source_of.setdefault(doc_id, path) != path:
            raise EvalFormatError(
                f"document {doc_id!r} has {table} in both {source_of[doc_id]} and {path}; keep one"
            )

    combined = root / f"{table}.jsonl"
    if combined.is_file():
        rows = _read_jsonl(combined)
        for lineno, row in enumerate(rows, 1):
            doc_id = _doc_of(row)
            if doc_id is None:
                raise EvalFormatError(
                    f"{combined}: row {lineno} has no doc_id; a combined {table}.jsonl needs a "
                    f"doc_id column (or use one file per document, DIR/<doc_id>.{table}.jsonl)"
                )
            row["doc_id"] = doc_id
            claim(doc_id, combined)
        out.rows.extend(rows)
        out.doc_ids.update(source_of)
        out.paths.append(str(combined))
        out.combined = True
    suffix = f".{table}.jsonl"
    for path in sorted(p for p in root.rglob(f"*{suffix}") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        file_doc = rel[: -len(suffix)]
        rows = _read_jsonl(path)
        docs: set[str] = set()
        for row in rows:
            row["doc_id"] = _doc_of(row) or file_doc
            docs.add(row["doc_id"])
        for doc_id in docs or {file_doc}:
            claim(doc_id, path)
        out.rows.extend(rows)
        out.doc_ids.update(docs or {file_doc})
        out.paths.append(str(path))
    return out


def _read_dir(root: Path, role: str) -> dict[str, _Table]:
    root = Path(root)
    flag = "--gold" if role == "gold" else "--pred"
    if not root.exists():
        raise EvalInputError(f"{role} directory {root} does not exist; pass an existing folder to {flag}")
    if not root.is_dir():
        raise EvalInputError(f"{role} path {root} is not a directory; pass the folder holding the .jsonl files to {flag}")
    tables = {table: _read_table(root, table) for table in TABLES}
    if not any(t.found for t in tables.values()):
        if role == "gold":
            hint = (
                "expected <doc_id>.events.jsonl / <doc_id>.facts.jsonl files, or events.jsonl / "
                "facts.jsonl with a doc_id column"
            )
        else:
            hint = f"expected events.jsonl and facts.jsonl; write them with `bulletin-extract run PATH --out {root}`"
        raise EvalInputError(f"{role} directory {root} holds no events or facts files: {hint}")
    return tables


def _gold_coverage(tables: dict[str, _Table]) -> None:
    """In the combined layout a document named in either table is annotated in both,
    so a document with events but no facts row is scored as having no facts."""
    named = {d for tab in tables.values() if tab.combined for d in (_doc_of(r) for r in tab.rows) if d}
    for tab in tables.values():
        if tab.combined:
            tab.doc_ids |= named


def _frame(table: _Table) -> pd.DataFrame:
    import pandas as pd  # noqa: PLC0415 - see the module's imports
    # object dtype keeps JSON null (None) apart from an absent column (NaN), and ints as ints.
    frame = pd.DataFrame(table.rows, dtype=object) if table.rows else pd.DataFrame(columns=["doc_id"], dtype=object)
    frame.attrs["doc_ids"] = sorted(table.doc_ids)
    frame.attrs["paths"] = list(table.paths)
    frame.attrs["found"] = table.found
    return frame


def _load_gold_tables(gold_dir: Path) -> dict[str, _Table]:
    tables = _read_dir(Path(gold_dir), "gold")
    _gold_coverage(tables)
    return tables


def load_gold(gold_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Gold (events, facts) from ``gold_dir`` in either layout.

    Columns are object dtype: ``None`` is JSON null, NaN a column absent from that row
    (not scored). ``frame.attrs["doc_ids"]`` lists the documents the table covers
    (a document with an empty gold file is covered and has no rows).
    """
    tables = _load_gold_tables(gold_dir)
    return _frame(tables["events"]), _frame(tables["facts"])


def load_pred(pred_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predicted (events, facts) as ``run`` writes them (the gold layout is accepted too).

    ``frame.attrs["found"]`` is False for a table whose file is missing.
    """
    tables = _read_dir(Path(pred_dir), "predictions")
    return _frame(tables["events"]), _frame(tables["facts"])


def _pred_documents(pred_dir: Path) -> set[str]:
    """Document ids ``run`` processed (from documents.jsonl), to tell "no rows" from "not run"."""
    path = Path(pred_dir) / "documents.jsonl"
    if not path.is_file():
        return set()
    return {d for d in (_doc_of(r) for r in _read_jsonl(path)) if d}


# ---------------------------------------------------------------------- matching


def _key(spec: TableSpec, row: Mapping[str, Any], gold: bool) -> tuple[Any, ...]:
    """Key parts normalised; in gold, an absent or "*" part is the WILDCARD sentinel."""
    parts: list[Any] = []
    for column, kind in spec.key:
        if gold and (column not in row or _is_wildcard(row[column])):
            parts.append(_ANY)
        else:
            parts.append(_NORMALISERS[kind](row.get(column)))
    return tuple(parts)


class _AnyValue:
    def __repr__(self) -> str:
        return WILDCARD


_ANY = _AnyValue()


def _match(
    spec: TableSpec, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int, dict[str, bool]]]:
    """Greedy one-to-one pairing, best candidates first (order in the module docstring)."""
    gkeys = [_key(spec, row, gold=True) for row in gold]
    pkeys = [_key(spec, row, gold=False) for row in pred]
    by_key: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for pi, key in enumerate(pkeys):
        by_key[key].append(pi)
    strict_names = {rule.name for rule in spec.fields if rule.strict}
    ranked = []
    for gi, gkey in enumerate(gkeys):
        wild = [part is _ANY for part in gkey]
        if any(wild):
            options = [pi for pi, pk in enumerate(pkeys) if all(w or g == p for w, g, p in zip(wild, gkey, pk))]
        else:
            options = by_key.get(gkey, [])
        anchor = _as_text(gold[gi].get("anchor"))
        for pi in options:
            checks = _check_pair(spec, gold[gi], pred[pi])
            strict_ok = sum(ok for name, ok in checks.items() if name in strict_names)
            other_ok = sum(ok for name, ok in checks.items() if name not in strict_names)
            evidence = _as_text(pred[pi].get("evidence")) or ""
            anchored = bool(anchor) and anchor in evidence
            ranked.append(
                ((sum(wild), -strict_ok, -other_ok, -anchored, gi, pi), checks)
            )
    ranked.sort(key=lambda item: item[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for order, checks in ranked:
        gi, pi = order[-2], order[-1]
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, checks))
    pairs.sort(key=lambda pair: pair[0])
    return pairs


# ----------------------------------------------------------------------- scoring


def _ratio(num: int, den: int, other_den: int) -> float:
    if den:
        return num / den
    return 1.0 if other_den == 0 else 0.0


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = _ratio(tp_pred, n_pred, n_gold)
    r = _ratio(tp_gold, n_gold, n_pred)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 6), "r": round(r, 6), "f1": round(f1, 6)}


def _counts(tp: int, n_gold: int, n_pred: int) -> dict[str, Any]:
    return {**_prf(tp, n_pred, tp, n_gold), "tp": tp, "n_gold": n_gold, "n_pred": n_pred}


def _section(row: Mapping[str, Any]) -> str:
    value = row.get("section")
    if _is_wildcard(value):
        return NO_SECTION
    return _as_text(value) or NO_SECTION


def _key_view(spec: TableSpec, row: Mapping[str, Any]) -> dict[str, Any]:
    return {column: _plain(row.get(column)) for column, _ in spec.key}


def _shown(spec: TableSpec, row: Mapping[str, Any]) -> dict[str, Any]:
    values = {c: _plain(row.get(c)) for c in spec.shown}
    return {c: v for c, v in values.items() if v is not None and v != []}


def _as_raw(value: Any) -> str | None:
    """Text as written (evidence, notes): not NFKC-folded, only trimmed."""
    if value is None or _is_missing(value):
        return None
    return str(value).strip() or None


@dataclass
class _Tally:
    spec: TableSpec
    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    strict: int = 0
    unmatched_pred: int = 0
    field_scored: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    field_gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sections: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add_document(self, doc_id: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, int]:
        spec = self.spec
        pairs = _match(spec, gold, pred)
        strict_names = [rule.name for rule in spec.fields if rule.strict]
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.matched += len(pairs)
        self.unmatched_pred += len(pred) - len(pairs)
        for row in gold:
            self.sections[_section(row)][0] += 1
            for rule in spec.fields:
                # A gold row scores a field if it would against a prediction echoing it.
                if _field_agrees(rule, row, row) is not None:
                    self.field_gold[rule.name] += 1
        for row in pred:
            self.sections[_section(row)][1] += 1
        strict_here = 0
        paired_g = {gi: (pi, checks) for gi, pi, checks in pairs}
        paired_p = {pi for _, pi, _ in pairs}
        for gi, row in enumerate(gold):
            if gi not in paired_g:
                miss = self._miss("missing", doc_id, row, key_row=row, shown=_shown(spec, row))
                near = _near_miss(spec, row, [r for pi, r in enumerate(pred) if pi not in paired_p])
                if near is not None:
                    miss["nearest"] = {"key": _key_view(spec, near), "evidence": _as_raw(near.get("evidence"))}
                self.misses.append(miss)
                continue
            pi, checks = paired_g[gi]
            for name, ok in checks.items():
                self.field_scored[name] += 1
                self.field_correct[name] += ok
            wrong = [name for name in strict_names if checks.get(name) is False]
            if wrong:
                errors = [
                    {"field": name, "gold": _plain(_gold_value(row, name)), "pred": _plain(_pred_value(pred[pi], name))}
                    for name in wrong
                ]
                self.misses.append(self._miss("wrong", doc_id, row, key_row=row, errors=errors, pred=pred[pi]))
                continue
            strict_here += 1
            self.sections[_section(row)][2] += 1
            self.sections[_section(pred[pi])][3] += 1
        for pi, row in enumerate(pred):
            if pi not in paired_p:
                self.misses.append(self._miss("spurious", doc_id, row, key_row=row, shown=_shown(spec, row), pred=row))
        self.strict += strict_here
        return {"n_gold": len(gold), "n_pred": len(pred), "matched": len(pairs), "strict": strict_here}

    def _miss(
        self,
        kind: str,
        doc_id: str,
        row: Mapping[str, Any],
        *,
        key_row: Mapping[str, Any],
        shown: dict[str, Any] | None = None,
        errors: list[dict[str, Any]] | None = None,
        pred: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        miss: dict[str, Any] = {"type": kind, "doc_id": doc_id, "section": _section(row), "key": _key_view(self.spec, key_row)}
        if shown:
            miss["row"] = shown
        if errors:
            miss["errors"] = errors
        note = _as_raw(row.get("note")) if kind != "spurious" else None
        if note:
            miss["note"] = note
        evidence = _as_raw(pred.get("evidence")) if pred is not None else None
        if evidence:
            miss["evidence"] = evidence
        return miss

    def result(self) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for rule in self.spec.fields:
            scored = self.field_scored.get(rule.name, 0)
            n_gold = self.field_gold.get(rule.name, 0)
            if not scored and not n_gold:
                continue
            correct = self.field_correct.get(rule.name, 0)
            fields[rule.name] = {
                "strict": rule.strict,
                "scored": scored,
                "correct": correct,
                "accuracy": round(correct / scored, 6) if scored else None,
                "n_gold": n_gold,
                **_prf(correct, scored + self.unmatched_pred, correct, n_gold),
            }
        sections = {
            name: {"n_gold": g, "n_pred": p, "tp_gold": tg, "tp_pred": tp, **_prf(tp, p, tg, g)}
            for name, (g, p, tg, tp) in sorted(self.sections.items())
        }
        return {
            "matched": _counts(self.matched, self.n_gold, self.n_pred),
            "strict": _counts(self.strict, self.n_gold, self.n_pred),
            "fields": fields,
            "sections": sections,
            "misses": self.misses,
        }


def _near_miss(spec: TableSpec, gold: Mapping[str, Any], unmatched: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The unmatched prediction whose key differs from the gold row's in one part only."""
    gkey = _key(spec, gold, gold=True)
    best: tuple[int, Mapping[str, Any]] | None = None
    for pred in unmatched:
        pkey = _key(spec, pred, gold=False)
        same = [g is _ANY or g == p for g, p in zip(gkey, pkey)]
        if sum(same) < len(same) - 1 or not all(same[i] for i in spec.near_needs):
            continue
        agree = sum(_check_pair(spec, gold, pred).values())
        if best is None or agree > best[0]:
            best = (agree, pred)
    return best[1] if best else None


def _gold_value(row: Mapping[str, Any], name: str) -> Any:
    if name == "topic" and "topics" in row and not _is_wildcard(row["topics"]):
        return row["topics"]  # the any-of set is what the prediction was judged against
    return row.get(name)


def _pred_value(row: Mapping[str, Any], name: str) -> Any:
    return _pred_topic(row) if name == "topic" else row.get(name)


def _rows(frame: pd.DataFrame | None, *, gold: bool) -> list[dict[str, Any]]:
    """Records of a frame; in gold a NaN cell is an absent column, in predictions a null."""
    if frame is None or frame.empty:
        return []
    rows = []
    for record in frame.to_dict("records"):
        if gold:
            rows.append({k: v for k, v in record.items() if not _is_missing(v)})
        else:
            rows.append({k: (None if _is_missing(v) else v) for k, v in record.items()})
    return rows


def _group(rows: Iterable[dict[str, Any]]) -> dict[str | None, list[dict[str, Any]]]:
    grouped: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[_doc_of(row)].append(row)
    return grouped


def _covered(frame: pd.DataFrame | None, rows: list[dict[str, Any]]) -> set[str] | None:
    """Documents a gold table covers; None when there is no gold for the table at all."""
    if frame is None:
        return None
    if "doc_ids" in frame.attrs:
        if not frame.attrs.get("found", True):
            return None
        return set(frame.attrs["doc_ids"])
    docs = {d for d in (_doc_of(r) for r in rows) if d}
    return docs or None


def evaluate_frames(
    gold_events: pd.DataFrame | None,
    gold_facts: pd.DataFrame | None,
    pred_events: pd.DataFrame | None,
    pred_facts: pd.DataFrame | None,
    *,
    pred_documents: Iterable[str] = (),
) -> dict[str, Any]:
    """Metrics for in-memory tables (e.g. ``extract_text(...).events`` against ``load_gold``).

    The gold frames' ``attrs["doc_ids"]`` (set by ``load_gold``) name the documents
    scored; without it, the documents with gold rows. A table is None in the result
    when there is no gold for it.
    """
    gold_frames = {"events": gold_events, "facts": gold_facts}
    pred_frames = {"events": pred_events, "facts": pred_facts}
    metrics: dict[str, Any] = {}
    per_doc: dict[str, dict[str, Any]] = {}
    ignored_docs: set[str] = set()
    ignored_rows: dict[str, int] = {}
    seen_pred_docs: set[str] = set(pred_documents)
    all_gold_docs: set[str] = set()
    for table in TABLES:
        gold_rows = _rows(gold_frames[table], gold=True)
        pred_rows = _rows(pred_frames[table], gold=False)
        seen_pred_docs.update(d for d in (_doc_of(r) for r in pred_rows) if d)
        docs = _covered(gold_frames[table], gold_rows)
        if docs is None:
            metrics[table] = None
            ignored_rows[table] = 0
            continue
        all_gold_docs |= docs
        gold_by_doc, pred_by_doc = _group(gold_rows), _group(pred_rows)
        tally = _Tally(SPECS[table])
        for doc_id in sorted(docs):
            counts = tally.add_document(doc_id, gold_by_doc.get(doc_id, []), pred_by_doc.get(doc_id, []))
            per_doc.setdefault(doc_id, {"doc_id": doc_id})[table] = counts
        outside = {d: rows for d, rows in pred_by_doc.items() if d not in docs}
        ignored_rows[table] = sum(len(rows) for rows in outside.values())
        ignored_docs.update(d or "(no doc_id)" for d in outside)
        metrics[table] = tally.result()
    ignored_docs -= all_gold_docs
    metrics["documents"] = [per_doc[d] for d in sorted(per_doc)]
    metrics["ignored"] = {"documents": len(ignored_docs), "doc_ids": sorted(ignored_docs), **ignored_rows}
    metrics["unpredicted_documents"] = sorted(all_gold_docs - seen_pred_docs)
    return metrics


def evaluate(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """Score the predictions in ``pred_dir`` against the gold in ``gold_dir`` (JSON-serialisable)."""
    gold = _load_gold_tables(Path(gold_dir))
    pred = _read_dir(Path(pred_dir), "predictions")
    for table in TABLES:
        if gold[table].found and gold[table].doc_ids and not pred[table].found:
            raise EvalInputError(
                f"predictions directory {pred_dir} has no {table}.jsonl but the gold has {table}; "
                f"re-run `bulletin-extract run PATH --out {pred_dir} --force`"
            )
    metrics = evaluate_frames(
        _frame(gold["events"]),
        _frame(gold["facts"]),
        _frame(pred["events"]),
        _frame(pred["facts"]),
        pred_documents=_pred_documents(Path(pred_dir)),
    )
    return {"gold_dir": str(gold_dir), "pred_dir": str(pred_dir), **metrics}


# ------------------------------------------------------------------------ report


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return str(value)


def _figure_row(label: str, counts: Mapping[str, Any], width: int = 24) -> str:
    return (
        f"  {_pad(label, width)}{counts['n_gold']:>6}{counts['n_pred']:>6}{counts['tp']:>6}"
        f"{counts['p']:>8.3f}{counts['r']:>8.3f}{counts['f1']:>8.3f}"
    )


def _miss_line(miss: Mapping[str, Any]) -> list[str]:
    mark = {"missing": "- missing ", "spurious": "+ spurious", "wrong": "~ wrong   "}[miss["type"]]
    key = " | ".join(_fmt(v) for v in miss["key"].values())
    head = f"    {mark} {miss['doc_id']} [{miss['section']}] {key}"
    if miss.get("errors"):
        head += ": " + "; ".join(f"{e['field']} {_fmt(e['gold'])} ≠ {_fmt(e['pred'])}" for e in miss["errors"])
    elif miss.get("row"):
        head += "  (" + ", ".join(f"{k}={_fmt(v)}" for k, v in miss["row"].items()) + ")"
    lines = [head]
    if miss.get("nearest"):
        near = " | ".join(_fmt(v) for v in miss["nearest"]["key"].values())
        lines.append(f"        nearest unmatched prediction: {near}")
    if miss.get("note"):
        lines.append(f"        note: {_clip(str(miss['note']))}")
    if miss.get("evidence"):
        lines.append(f"        evidence: {_clip(str(miss['evidence']))}")
    return lines


def _table_report(name: str, result: Mapping[str, Any] | None, max_misses: int) -> list[str]:
    if result is None:
        return [f"{name.upper()}: not scored (no gold {name} files)"]
    lines = [f"{_pad(name.upper(), 26)}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    lines.append(_figure_row("matched", result["matched"]))
    lines.append(_figure_row("strict", result["strict"]))
    if result["fields"]:
        lines.append(f"  {_pad('fields', 24)}{'scored':>7}{'right':>6}{'acc':>7}{'P':>8}{'R':>8}{'F1':>8}")
        for strict in (True, False):
            chosen = {k: v for k, v in result["fields"].items() if v["strict"] is strict}
            if chosen and not strict:
                lines.append("    (not part of strict)")
            for fname, f in chosen.items():
                acc = "-" if f["accuracy"] is None else f"{f['accuracy']:.3f}"
                lines.append(
                    f"    {_pad(fname, 22)}{f['scored']:>7}{f['correct']:>6}{acc:>7}"
                    f"{f['p']:>8.3f}{f['r']:>8.3f}{f['f1']:>8.3f}"
                )
    if result["sections"]:
        lines.append(f"  {_pad('sections (strict)', 24)}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for sname, s in result["sections"].items():
            lines.append(
                f"    {_pad(_clip(sname, 20), 22)}{s['n_gold']:>6}{s['n_pred']:>6}{s['tp_gold']:>6}"
                f"{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}"
            )
    misses = result["misses"]
    kinds = {k: sum(m["type"] == k for m in misses) for k in ("missing", "spurious", "wrong")}
    lines.append(f"  misses: {kinds['missing']} missing, {kinds['spurious']} spurious, {kinds['wrong']} wrong fields")
    for miss in misses[:max_misses]:
        lines.extend(_miss_line(miss))
    if len(misses) > max_misses:
        lines.append(f"    … {len(misses) - max_misses} more (all are in the --metrics JSON)")
    return lines


def format_report(metrics: Mapping[str, Any], *, max_misses: int = 50) -> str:
    """A compact text report: overall, per field, per section, then the misses."""
    n_docs = len(metrics.get("documents", []))
    head = f"eval: {n_docs} gold document(s)"
    if metrics.get("gold_dir"):
        head += f"; gold {metrics['gold_dir']}, predictions {metrics['pred_dir']}"
    lines = [head]
    ignored = metrics.get("ignored", {})
    if ignored.get("documents"):
        lines.append(
            f"ignored: predictions for {ignored['documents']} document(s) without gold "
            f"({ignored.get('events', 0)} events, {ignored.get('facts', 0)} facts)"
        )
    missing_docs = metrics.get("unpredicted_documents", [])
    if missing_docs:
        shown = ", ".join(missing_docs[:5]) + (" …" if len(missing_docs) > 5 else "")
        lines.append(
            f"warning: no predictions at all for {len(missing_docs)} gold document(s): {shown} "
            "(were they run? do the doc_ids match?)"
        )
    for table in TABLES:
        lines.append("")
        lines.extend(_table_report(table, metrics.get(table), max_misses))
    return "\n".join(lines) + "\n"
