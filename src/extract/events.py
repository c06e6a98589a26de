"""Events: who did what, when, where, about what — one row per actor x action.

Works sentence by sentence inside each paragraph, in text order:
1. speech (after 强调/要求…) is cut off, and later sentences stay speech until
   one opens with a date or a named official;
2. quoted, 《》 and meeting-name spans are masked so words inside them
   (联合检查部署会, “走下去抓帮扶解困”行动) cannot trigger an action;
3. triggers from ``gazetteers/event_triggers.tsv`` are matched, and each is
   given the nearest preceding actor: an official, an organisation or a county
   standing as the clause's subject, else the paragraph's lead label;
4. date, places, counties and topics are read from the event's own stretch of
   the sentence (from the previous trigger to the next one).
"""
from __future__ import annotations

import re
from datetime import date as date_type
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .context import DocContext
from .discourse import (CLAUSE_BREAK, clause_end, clause_start, opens_report, report_paragraphs,
                        speech_start)
from .gazetteer import get_gazetteer
from .patterns import P
from .resources import read_table, read_words
from .sections import Paragraph, Sentence
from .topics import topics_in

MASK = "\u25a1"  # □ keeps offsets while hiding masked characters from the triggers


@dataclass(frozen=True, slots=True)
class Trigger:
    action: str
    pattern: re.Pattern[str]
    actor: str  # official | other | any
    official_action: str | None
    minor: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    trigger: Trigger
    statistic: bool = False  # 签约项目4个, 检查企业26073家: a count follows in the clause


@dataclass
class Actor:
    kind: str  # official | org | county | none
    start: int = -1
    end: int = -1
    official: Any = None
    org: str | None = None
    place: Any = None

    @property
    def key(self) -> str:
        if self.kind == "official":
            return f"p:{self.official.name}"
        if self.kind == "org":
            return f"o:{self.org}"
        if self.kind == "county":
            return f"c:{self.place.name}"
        return "none"


@dataclass
class Meeting:
    """A passive 会议召开 sentence waiting for the officials who chaired or attended it."""

    sentence: Sentence
    org: str | None
    used: bool = False


@dataclass
class ParaState:
    """What carries from sentence to sentence within one paragraph."""

    speech: bool = False
    date: Any = None
    last_official: Any = None
    meeting: Meeting | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)


_CONVENED = Trigger("召开会议", re.compile("召开"), "any", "主持会议")  # a passive 会议召开


@lru_cache(maxsize=1)
def _triggers() -> tuple[Trigger, ...]:
    return tuple(Trigger(action, re.compile(pattern), actor, official or None, minor == "yes")
                 for action, pattern, actor, official, minor in read_table("event_triggers.tsv"))


@lru_cache(maxsize=1)
def _movement_re() -> re.Pattern[str]:
    words = sorted(read_words("event_movement_verbs.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _directive_re() -> re.Pattern[str]:
    words = sorted(read_words("event_directive_words.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


@lru_cache(maxsize=1)
def _coactor_re() -> re.Pattern[str]:
    words = sorted(read_words("event_coactor_words.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


def iso(value: str | None) -> date_type | None:
    return date_type.fromisoformat(value) if value else None


def masked(text: str, start: int, end: int) -> str:
    """The sentence with quotes, titles and meeting names blanked, same length."""
    chunk = list(text[start:end])
    for pattern, group in ((P.quoted, 0), (P.meeting, 1)):
        for m in pattern.finditer(text, start, end):
            for i in range(m.start(group) - start, m.end(group) - start):
                chunk[i] = MASK
    return "".join(chunk)


def find_hits(ctx: DocContext, start: int, end: int) -> list[Hit]:
    """Non-overlapping trigger matches, longest first where two overlap; words inside
    a title chain or an organisation's name (防灭火指挥部指挥长) never trigger."""
    text = ctx.text
    view = list(masked(text, start, end))
    names = ctx.mentions.officials.within(start, end) + ctx.mentions.orgs.within(start, end)
    for m in names:
        for i in range(m.start - start, getattr(m, "title_end", m.end) - start):
            view[i] = MASK
    view = "".join(view)
    found = [Hit(start + m.start(), start + m.end(), trig)
             for trig in _triggers() for m in trig.pattern.finditer(view)]
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in found:
        if kept and hit.start < kept[-1].end:
            continue
        if _directive_re().search(text[max(start, hit.start - 4):hit.start]) or \
                P.directive_in_clause.search(text, clause_start(text, start, hit.start), hit.start):
            continue
        if _is_passive(text, hit, end) or text.startswith("的", hit.end):
            continue  # 来天水考察的客商: the verb describes the guests, it is not an act
        kept.append(hit)
    return kept


def _is_passive(text: str, hit: Hit, end: int) -> bool:
    """会议召开 / 会议在…召开 closing a clause: the meeting is the subject, not an actor's act."""
    if text[hit.start:hit.end] != "召开":
        return False
    if hit.end < end and text[hit.end] not in CLAUSE_BREAK:
        return False
    return bool(P.meeting_before.search(text, max(0, hit.start - 32), hit.start))


def _subject_position(ctx: DocContext, floor: int, start: int) -> bool:
    """Nothing but dates, fillers and labels stands between the clause start and here."""
    text = ctx.text
    begin = clause_start(text, floor, start)
    prefix = list(text[begin:start])
    for d in ctx.mentions.dates.within(begin, start):
        for i in range(d.start - begin, d.end - begin):
            prefix[i] = " "
    return bool(P.filler.match("".join(prefix)))




def _companion(text: str, official: Any, end: int) -> bool:
    """在市委书记X、县长Y等陪同下 / 县长Y陪同: an escort, not the one who visits."""
    if P.companion.match(text, official.end, end):
        return True
    below = text.find("陪同下", official.end, end)
    opened = text.rfind("在", max(0, official.start - 40), official.start)
    return below != -1 and opened != -1 and "陪同下" not in text[opened:official.start]


def _overlaps(span: Any, others: list[Any]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def actors_in(ctx: DocContext, start: int, end: int) -> list[Actor]:
    """Candidate actors of a sentence stretch, in text order."""
    officials = [o for o in ctx.mentions.officials.within(start, end) if not o.is_reference]
    refs = [o for o in ctx.mentions.officials.within(start, end) if o.is_reference]
    out = [Actor("official", o.start, o.end, official=o) for o in officials
           if not _companion(ctx.text, o, end)]
    orgs = [g for g in ctx.mentions.orgs.within(start, end) if not _overlaps(g, officials + refs)]
    for org in orgs:
        if _subject_position(ctx, start, org.start) and not _coactor_re().search(
                ctx.text[max(start, org.start - 2):org.start]):
            out.append(Actor("org", org.start, org.end, org=org.name))
    for place in ctx.mentions.places.within(start, end):
        if place.level == "province" or _overlaps(place, officials + refs + orgs):
            continue
        if _subject_position(ctx, start, place.start):
            out.append(Actor("county", place.start, place.end, place=place))
    out += _anaphors(ctx, start, end)
    return sorted(out, key=lambda a: a.start)


_PLACE_SUFFIXES = ("街道", "镇", "乡", "县", "区", "市")


def _anaphors(ctx: DocContext, start: int, end: int) -> list[Actor]:
    """该局, 该街道 as a subject: the organisation or place of that kind named last."""
    found = []
    for m in P.anaphor.finditer(ctx.text, start, end):
        if not _subject_position(ctx, start, m.start()):
            continue
        suffix = m.group(1)
        if suffix in _PLACE_SUFFIXES:
            places = [p for p in ctx.mentions.places.within(0, m.start()) if p.name.endswith(suffix)]
            if places:
                found.append(Actor("county", m.start(), m.end(), place=places[-1]))
        else:
            orgs = [o for o in ctx.mentions.orgs.within(0, m.start()) if o.name.endswith(suffix)]
            if orgs:
                found.append(Actor("org", m.start(), m.end(), org=orgs[-1].name))
    return found


def _label_actor(ctx: DocContext, para: Paragraph) -> Actor | None:
    if para.label_start is None or not para.subsection:
        return None
    label_end = para.label_start + len(para.subsection)
    for org in ctx.mentions.orgs.within(para.label_start, label_end):
        if org.end - org.start == len(para.subsection):
            return Actor("org", org.start, org.end, org=org.name)
    return None


def choose_actor(ctx: DocContext, hit: Hit, actors: list[Actor], para: Paragraph,
                 state: ParaState, sent: Sentence) -> Actor:
    before = [a for a in actors if a.end <= hit.start]
    if before:
        return before[-1]
    label = _label_actor(ctx, para)
    if label:
        return label
    if state.last_official is not None and P.pronoun.match(ctx.text, sent.start, hit.start):
        return Actor("official", official=state.last_official)
    return Actor("none")




def _with_partners(ctx: DocContext, actor: Actor, actors: list[Actor]) -> list[Actor]:
    """黄丽和副区长杨帆一同…看望慰问: officials joined by 和/、 share the act, one row each."""
    if actor.kind != "official" or actor not in actors:
        return [actor]
    group = [actor]
    i = actors.index(actor)
    while i > 0 and actors[i - 1].kind == "official" and \
            P.partner_join.fullmatch(ctx.text, actors[i - 1].end, actors[i].start):
        i -= 1
        group.insert(0, actors[i])
    return group


def _action_for(hit: Hit, actor: Actor) -> str | None:
    trig = hit.trigger
    if actor.kind == "official":
        if trig.actor == "other":
            return None
        return trig.official_action or trig.action
    if trig.actor == "official":
        return None
    return trig.action


def _action_text(ctx: DocContext, hit: Hit, floor: int) -> str:
    """The predicate as written; a visit keeps its movement verb: 赴…调研."""
    verb = ctx.text[hit.start:hit.end]
    if len(verb) > 8:
        verb = verb[:2] + "…" + verb[-2:]
    clause = clause_start(ctx.text, floor, hit.start)
    moves = list(_movement_re().finditer(ctx.text, clause, hit.start))
    if moves and not verb.startswith(moves[-1].group()):
        return f"{moves[-1].group()}…{verb}"
    return verb


def _drop_redundant(pairs: list[tuple[Hit, Actor, str]], text: str) -> list[tuple[Hit, Actor, str]]:
    """A movement verb (带队赴, 深入) gives way to the action that follows it in its clause;
    after 印发 a stated purpose (在全市开展…行动) is part of that event; one row per actor x action."""
    out: list[tuple[Hit, Actor, str]] = []
    issued = False
    pairs = [p for p in pairs if not (p[0].statistic and any(
        a.key == p[1].key and not h.statistic and h is not p[0] for h, a, _ in pairs))]
    official_acts = {action for _, actor, action in pairs if actor.kind == "official"}
    chaired = bool(official_acts & {"主持会议", "出席会议"})
    for i, (hit, actor, action) in enumerate(pairs):
        if issued and action in ("开展行动", "督导检查"):
            continue
        if actor.kind != "official" and action in official_acts and P.one_row_acts.fullmatch(action):
            continue  # 市政府与该集团签订协议，X代表市政府签约: the official's row
        if actor.kind != "official" and action == "召开会议" and chaired:
            continue  # X镇召开…会议，镇长Y主持: a named chair makes it the chair's meeting
        if hit.trigger.minor and any(a.key == actor.key and not h.trigger.minor
                                     for h, a, _ in pairs):
            continue
        issued = issued or action == "印发文件"
        verb = text[hit.start:hit.end]
        if verb.startswith(("深入", "带队", "率队")):
            nxt = pairs[i + 1] if i + 1 < len(pairs) else None
            if nxt and nxt[1].key == actor.key and not any(
                    c in text[hit.end:nxt[0].start] for c in "。；"):
                continue
        if any(a.key == actor.key and act == action for _, a, act in out):
            continue
        out.append((hit, actor, action))
    return out


def _counts_in_clause(ctx: DocContext, hit: Hit, stop: int) -> bool:
    return bool(ctx.mentions.quantities.within(hit.end, clause_end(ctx.text, hit.end, stop)))


def _stretches(text: str, start: int, stop: int,
               pairs: list[tuple[Hit, Actor, str]]) -> list[tuple[int, int]]:
    """Each event's stretch of the sentence: from the clause that holds its trigger
    (or the sentence start for the first) to where the next event's clause begins."""
    hits = list(dict.fromkeys(h for h, _, _ in pairs))  # partners share one hit
    begins = [start]
    for prev, hit in zip(hits, hits[1:]):
        begins.append(max(prev.end, clause_start(text, prev.end, hit.start)))
    spans = dict(zip(hits, zip(begins, begins[1:] + [stop])))
    return [spans[h] for h, _, _ in pairs]


def _governing_date(ctx: DocContext, start: int, end: int) -> Any:
    for d in ctx.mentions.dates.within(start, end):
        if d.grain in ("day", "dekad") or d.is_range:
            return d
    return None


def _jurisdiction_divisions(official: Any) -> list[Any]:
    """Divisions of an official's jurisdictions (codes when the recognizer gives them)."""
    gaz = get_gazetteer()
    codes = getattr(official, "jurisdiction_codes", None) or ()
    found = [gaz.division(c) for c in codes] if codes else [
        gaz.resolve_region(n) for n in official.jurisdictions]
    return [d for d in found if d is not None]


def _places_rows(ctx: DocContext, actor: Actor, start: int, end: int) -> dict[str, Any]:
    """places, counties and townships of one event's stretch of text."""
    gaz = get_gazetteer()
    places = [p for p in ctx.mentions.places.within(start, end)
              if not (actor.kind in ("official", "org") and actor.start <= p.start < actor.end)]
    names, codes, counties, county_codes, townships = [], [], [], [], []

    def add_county(name: str | None, code: str | None) -> None:
        if name and name not in counties:
            counties.append(name)
            county_codes.append(code or "")

    if actor.kind == "official":
        for div in _jurisdiction_divisions(actor.official):
            if div.level == "county":
                add_county(div.name, div.code)
            elif div.level == "township":
                county = gaz.county_of(div.code)
                add_county(county.name if county else None, county.code if county else None)
                if div.name not in townships:
                    townships.append(div.name)
    if actor.kind == "county" and actor.place.level == "county":
        add_county(actor.place.name, actor.place.code)
    if actor.kind == "county" and actor.place.level == "township" and \
            ctx.text[actor.start:actor.end] != actor.place.text:  # 该街道: the place named earlier
        add_county(actor.place.county_name, actor.place.county_code)
        townships.append(actor.place.name)
    if actor.kind == "org":  # 梓潼县应急管理局 acts in 梓潼县
        for p in ctx.mentions.places.within(actor.start, actor.end):
            if p.level == "county":
                add_county(p.name, p.code)
    for p in places:
        if p.name not in names:
            names.append(p.name)
            codes.append(p.code)
        if p.level == "county":
            add_county(p.name, p.code)
        elif p.level == "township":
            add_county(p.county_name, p.county_code)
            if p.name not in townships:
                townships.append(p.name)
    return {"places": names, "place_codes": codes, "county": counties[0] if counties else None,
            "counties": counties, "county_codes": [c for c in county_codes if c],
            "townships": townships}


def _topics_blanked(text: str, span: Any, start: int, end: int) -> list[str]:
    """Topics of text[start:end] with ``span`` masked; only that slice is copied
    (masking a copy of the whole text per row made long texts quadratic)."""
    piece = text[start:end]
    a, b = max(span.start, start) - start, min(span.end, end) - start
    if a < b:
        piece = piece[:a] + MASK * (b - a) + piece[b:]
    return topics_in(piece)


def _meeting_topics(state: ParaState, action: str) -> list[str]:
    """…出席会议 right after a meeting was chaired or convened: that meeting's topics."""
    if action != "出席会议":
        return []
    for row in reversed(state.rows):
        if row["action"] in ("主持会议", "召开会议"):
            return list(row["topics"])
    return []


def _row(ctx: DocContext, sent: Sentence, hit: Hit, actor: Actor, action: str,
         span: tuple[int, int], date: Any, state: ParaState, para: Paragraph) -> dict[str, Any]:
    official = actor.official if actor.kind == "official" else None
    organization = actor.org if actor.kind == "org" else None
    topic_text_start = span[0]
    if official is not None and state.meeting is not None and action in ("出席会议", "主持会议"):
        organization = state.meeting.org
        state.meeting.used = True
        topic_text_start = state.meeting.sentence.start
    # an acting body's own name (区消防救援支队) says what it acted on only when the
    # clause says nothing else (区应急管理局印发《…方案》 -> 安全生产)
    blank = actor.kind == "org" and actor.start >= 0

    def own(start: int, end: int) -> list[str]:
        return _topics_blanked(ctx.text, actor, start, end) if blank else topics_in(ctx.text, start, end)

    clause_stop = clause_end(ctx.text, hit.end, span[1])
    topics = (own(span[0], clause_stop)
              or topics_in(ctx.text, span[0], clause_stop)
              or own(topic_text_start, span[1])
              or topics_in(ctx.text, sent.start, span[1])
              or _meeting_topics(state, action)
              or topics_in(para.subsection or ""))
    row = {
        "doc_id": ctx.doc_id, "section": sent.section, "subsection": sent.subsection,
        "date_start": iso(date.date_start) if date else None,
        "date_end": iso(date.date_end) if date else None,
        "date_text": date.text if date else None,
        "official": official.name if official else None,
        "title": official.title if official else None,
        "jurisdiction": official.jurisdiction if official else None,
        "jurisdictions": list(official.jurisdictions) if official else [],
        "organization": organization,
        "action": action, "action_text": _action_text(ctx, hit, sent.start),
        "topic": topics[0] if topics else None, "topics": topics,
        "evidence": ctx.text[sent.start:sent.end],
        "char_start": sent.start, "char_end": sent.end,
    }
    row.update(_places_rows(ctx, actor, *span))
    return row


def _sentence_events(ctx: DocContext, para: Paragraph, sent: Sentence,
                     state: ParaState) -> None:
    text = ctx.text
    if opens_report(ctx, sent):
        state.speech = False
    if state.speech:
        return
    stop = speech_start(text, sent.start, sent.end)
    if P.meeting_content.match(text, sent.start, stop):
        stop = sent.start  # 会议对…进行了明确, 会议听取…: what the meeting dealt with
    date = _governing_date(ctx, sent.start, stop)
    state.date = date or state.date
    hits = find_hits(ctx, sent.start, stop)
    actors = actors_in(ctx, sent.start, stop)
    pairs = []
    for hit, actor in ((h, a) for h in hits
                       for a in _with_partners(ctx, choose_actor(ctx, h, actors, para, state, sent),
                                               actors)):
        action = _action_for(hit, actor)
        if action is None or (actor.kind != "official" and P.person_acts.fullmatch(action)):
            continue
        if _counts_in_clause(ctx, hit, stop):
            if actor.kind == "none":
                continue  # 市、县两级抽查检查企业26073家 is a statistic, not an event
            hit = Hit(hit.start, hit.end, hit.trigger, statistic=True)
        pairs.append((hit, actor, action))
    pairs = _drop_redundant(pairs, text)
    made: dict[str, dict[str, Any]] = {}
    for (hit, actor, action), span in zip(pairs, _stretches(text, sent.start, stop, pairs)):
        row = _row(ctx, sent, hit, actor, action, span, state.date, state, para)
        earlier = made.get(actor.key)
        if earlier is not None and not row["counties"] and not row["townships"]:
            # a second act on the same trip happens where the first did
            row.update(county=earlier["county"], counties=list(earlier["counties"]),
                       county_codes=list(earlier["county_codes"]))
        made.setdefault(actor.key, row)
        state.rows.append(row)
        if actor.kind == "official":
            state.last_official = actor.official
    _close_meeting(ctx, para, state, sent)
    if P.passive_meeting.search(text, sent.start, stop) and not pairs:
        orgs = ctx.mentions.orgs.within(sent.start, stop)
        state.meeting = Meeting(sent, orgs[0].name if orgs else None)
    state.speech = stop < sent.end


def _close_meeting(ctx: DocContext, para: Paragraph, state: ParaState, sent: Sentence) -> None:
    """A passive meeting no official was named for becomes a 召开会议 row of its own."""
    meeting = state.meeting
    if meeting is None or meeting.sentence is sent:
        return
    if not meeting.used:
        s = meeting.sentence
        m = P.passive_meeting.search(ctx.text, s.start, s.end)
        hit = Hit(m.end() - 2, m.end(), _CONVENED)
        actor = Actor("org", org=meeting.org) if meeting.org else Actor("none")
        state.rows.append(_row(ctx, s, hit, actor, "召开会议", (s.start, s.end), state.date,
                               ParaState(), para))
    state.meeting = None


def extract_events(ctx: DocContext) -> list[dict[str, Any]]:
    """Every event row of one document, with event_id in text order."""
    rows: list[dict[str, Any]] = []
    carried = None
    for para, sentences, fresh in report_paragraphs(ctx):
        # a date carries on to later paragraphs of the same (sub)section (会上，…)
        state = ParaState(date=None if fresh else carried)
        for sent in sentences:
            _sentence_events(ctx, para, sent, state)
        if state.meeting is not None:
            _close_meeting(ctx, para, state, Sentence(-1, -1, -1, None, None))
        rows += state.rows
        carried = state.date
    rows.sort(key=lambda r: r["char_start"])
    for n, row in enumerate(rows, 1):
        row["event_id"] = f"e{n:05d}"  # fixed width: string order is text order
    return rows


def officials_rows(ctx: DocContext, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per named (non-reference) official of the document."""
    people: dict[str, dict[str, Any]] = {}
    for o in ctx.mentions.officials:
        if o.is_reference:
            continue
        row = people.get(o.name)
        if row is None:
            people[o.name] = {"doc_id": ctx.doc_id, "name": o.name, "title": o.title,
                              "jurisdiction": o.jurisdiction,
                              "jurisdictions": list(o.jurisdictions), "n_events": 0,
                              "first_char": o.start}
        elif len(o.title or "") > len(row["title"] or ""):
            row.update(title=o.title, jurisdiction=o.jurisdiction,
                       jurisdictions=list(o.jurisdictions))
    for ev in events:
        if ev["official"] in people:
            people[ev["official"]]["n_events"] += 1
    return sorted(people.values(), key=lambda r: r["first_char"])
