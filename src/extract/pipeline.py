"""The spaCy pipeline: blank ``zh`` with the character segmenter (no pkuseg model is
shipped) and thin components over the plain recognizers. This is the only module
that registers components. Each component holds configuration only; the region
comes from the component config or ``doc.user_data["region"]``.
"""
from __future__ import annotations

from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.gazetteer import parse_places
from extract.officials import parse_officials
from extract.orgs import parse_orgs
from extract.quantity import parse_quantities
from extract.timex import parse_dates

CHAR_TOKENIZER = {"nlp": {"tokenizer": {"segmenter": "char"}}}


def _region(doc: Doc, configured: str | None) -> str | None:
    return doc.user_data.get("region") or configured


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class _Recognizer:
    """Calls one recognizer and stores its spans in ``doc.spans[key]``."""

    def __init__(self, key: str, func: Callable, label: str, region: str | None) -> None:
        self.key, self.func, self.label, self.region = key, func, label, region

    def __call__(self, doc: Doc) -> Doc:
        records = self.func(doc.text, region=_region(doc, self.region))
        spans = [s for r in records if (s := _span(doc, r.start, r.end, self.label)) is not None]
        doc.spans[self.key] = spans
        doc.user_data[f"records_{self.key}"] = records
        return doc


@Language.factory("bulletin_places", default_config={"region": None},
                  assigns=["doc.spans"])
def make_places(nlp: Language, name: str, region: str | None) -> _Recognizer:
    return _Recognizer("places", parse_places, "PLACE", region)


@Language.factory("bulletin_officials", default_config={"region": None},
                  assigns=["doc.spans"])
def make_officials(nlp: Language, name: str, region: str | None) -> _Recognizer:
    return _Recognizer("officials", parse_officials, "OFFICIAL", region)


@Language.factory("bulletin_orgs", default_config={"region": None},
                  assigns=["doc.spans"])
def make_orgs(nlp: Language, name: str, region: str | None) -> _Recognizer:
    return _Recognizer("orgs", parse_orgs, "ORG", region)


class _Dates:
    """Date expressions into ``doc.spans["dates"]``; the reference date (the issue date)
    comes from the config or ``doc.user_data["ref_date"]``, never from the clock."""

    def __init__(self, ref_date: str | None) -> None:
        self.ref_date = ref_date

    def __call__(self, doc: Doc) -> Doc:
        ref = doc.user_data.get("ref_date") or self.ref_date
        records = parse_dates(doc.text, ref_date=ref) if ref else []
        doc.spans["dates"] = [s for r in records if (s := _span(doc, r.start, r.end, "DATE"))]
        doc.user_data["records_dates"] = records
        return doc


@Language.factory("bulletin_dates", default_config={"ref_date": None}, assigns=["doc.spans"])
def make_dates(nlp: Language, name: str, ref_date: str | None) -> _Dates:
    return _Dates(ref_date)


@Language.component("bulletin_quantities", assigns=["doc.spans"])
def set_quantities(doc: Doc) -> Doc:
    records = parse_quantities(doc.text)
    doc.spans["quantities"] = [s for r in records if (s := _span(doc, r.start, r.end, "QUANTITY"))]
    doc.user_data["records_quantities"] = records
    return doc


@Language.component("bulletin_ents", requires=["doc.spans"], assigns=["doc.ents"])
def set_ents(doc: Doc) -> Doc:
    """doc.ents from the recognizers: TITLE + PERSON for officials, ORG, PLACE;
    officials first, then organisations, then places, never overlapping."""
    spans: list[Span] = []
    for rec in doc.user_data.get("records_officials", []):
        for s, e, label in ((rec.title_start, rec.title_end, "TITLE"),
                            (rec.name_start, rec.name_end, "PERSON")):
            if (span := _span(doc, s, e, label)) is not None:
                spans.append(span)
    spans += [Span(doc, s.start, s.end, label="ORG") for s in doc.spans.get("orgs", [])]
    spans += [Span(doc, s.start, s.end, label="PLACE") for s in doc.spans.get("places", [])]
    # filter_spans prefers longer spans; keep the recognizers' priority instead
    taken: set[int] = set()
    kept: list[Span] = []
    for span in spans:
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = filter_spans(kept)
    return doc


def build_nlp(region: str | None = None, ref_date: str | None = None) -> Language:
    """Blank Chinese pipeline: places, officials, orgs, entities, then dates and quantities."""
    nlp = spacy.blank("zh", config=CHAR_TOKENIZER)
    for factory in ("bulletin_places", "bulletin_officials", "bulletin_orgs"):
        nlp.add_pipe(factory, config={"region": region})
    nlp.add_pipe("bulletin_ents")
    nlp.add_pipe("bulletin_dates", config={"ref_date": ref_date})
    nlp.add_pipe("bulletin_quantities")
    return nlp
