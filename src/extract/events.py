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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

from .firstchars import compile_skipping
from .context import DocContext
from .orgs import COLLECTIVE_AFTER
from .discourse import (CLAUSE_BREAK, clause_end, clause_start, is_dateline, opens_report,
                        report_paragraphs, said_since, speech_start)
from .gazetteer import get_gazetteer
from .timex import DateMention
from .zones import Zone, find_zones
from .patterns import P
from .resources import read_table, read_words
from .sections import Paragraph, Sentence
from .topics import OTHER, topics_in

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
class Frame:
    """One act told over several sentences (design: frames, not sentences): a visit whose
    stops and checks follow its lead predicate, or a meeting whose attendees, reporters
    and content follow the sentence that convened it. Lives until the (sub)section ends."""

    visits: dict[tuple[str, Any, str], dict[str, Any]] = field(default_factory=dict)
    visit: dict[str, Any] | None = None  # the visit the story is telling now
    joined: list[dict[str, Any]] = field(default_factory=list)  # 一同参加: their own rows
    meeting_rows: list[dict[str, Any]] = field(default_factory=list)
    # a visit led earlier in the sentence being read (甲到乙县巡林，丙、丁参加): where its verb
    # starts and its action, for those who join it in the same sentence
    sentence_visit: tuple[int, str] | None = None


@dataclass
class ParaState:
    """What carries from sentence to sentence within one paragraph."""

    speech: bool = False
    date: Any = None
    last_official: Any = None
    meeting: Meeting | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    frame: Frame = field(default_factory=Frame)


_DROP_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")  # 鎮(zhèn) -> 鎮
_CONVENED = Trigger("召开会议", re.compile("召开"), "any", "主持会议")  # a passive 会议召开


@lru_cache(maxsize=1)
def _triggers() -> tuple[Trigger, ...]:
    return tuple(Trigger(action, compile_skipping(pattern), actor, official or None, minor == "yes")
                 for action, pattern, actor, official, minor in read_table("event_triggers.tsv"))


@lru_cache(maxsize=1)
def _any_trigger_re() -> re.Pattern[str]:
    """Matches where any trigger matches (an alternation finds a match wherever one of
    its branches would)."""
    return compile_skipping("|".join(f"(?:{t.pattern.pattern})" for t in _triggers()))


@lru_cache(maxsize=1)
def _movement_re() -> re.Pattern[str]:
    words = sorted(read_words("event_movement_verbs.txt"), key=len, reverse=True)
    return compile_skipping("|".join(map(re.escape, words)))


@lru_cache(maxsize=1)
def _directive_re() -> re.Pattern[str]:
    words = sorted(read_words("event_directive_words.txt"), key=len, reverse=True)
    return compile_skipping(f"(?:{'|'.join(map(re.escape, words))})$")


@lru_cache(maxsize=1)
def _coactor_re() -> re.Pattern[str]:
    words = sorted(read_words("event_coactor_words.txt"), key=len, reverse=True)
    return compile_skipping(f"(?:{'|'.join(map(re.escape, words))})$")


def iso(value: str | None) -> date_type | None:
    return date_type.fromisoformat(value) if value else None


def _mask_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotes, titles and meeting names in ``text[start:end]`` (absolute offsets)."""
    spans = []
    for pattern, group in ((P.quoted, 0), (P.meeting, 1), (P.heard, 1)):
        for m in pattern.finditer(text, start, end):
            spans.append(m.span(group))
    return spans


def _blanked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the spans replaced by MASK, same length: slices joined,
    not a list of characters set one by one. Empty or reversed spans blank nothing."""
    spans = sorted(s for s in spans if s[0] < s[1])
    if not spans:
        return text[start:end]
    parts, at = [], start
    for a, b in spans:
        if b <= at:
            continue  # inside a span already blanked
        if a > at:
            parts.append(text[at:a])
        else:
            a = at
        parts.append(MASK * (b - a))
        at = b
    parts.append(text[at:end])
    return "".join(parts)


def masked(text: str, start: int, end: int) -> str:
    """The sentence with quotes, titles and meeting names blanked, same length."""
    return _blanked(text, start, end, _mask_spans(text, start, end))


@lru_cache(maxsize=1)
def _trigger_chars() -> tuple[re.Pattern[str], int, dict[str, int]]:
    """A class of the characters one of which each trigger's matches hold; the triggers
    (bit i: the i-th) searched in any sentence; and for each character the triggers that
    need it. A trigger whose characters a sentence lacks cannot match there."""
    from .firstchars import needed_chars  # noqa: PLC0415 - here, not in the shared imports

    always, by_char = 0, {}
    for i, trig in enumerate(_triggers()):
        chars = needed_chars(trig.pattern.pattern)
        if chars is None or MASK in chars:  # a blank could make what the text lacks
            always |= 1 << i
        for c in chars or ():
            by_char[c] = by_char.get(c, 0) | 1 << i
    charset = "".join(re.escape(c) for c in sorted(by_char))
    return re.compile(f"[{charset}]" if charset else "(?!)"), always, by_char


@lru_cache(maxsize=4096)
def _chosen(mask: int) -> tuple[Trigger, ...]:
    """The triggers of a bit mask, in the table's order (ties in the sort keep it)."""
    return tuple(t for i, t in enumerate(_triggers()) if mask >> i & 1)


def _candidates(text: str, start: int, end: int) -> tuple[Trigger, ...]:
    """The triggers whose needed characters occur in the sentence. The class finds them in
    C and hands back only those few characters (a set of the whole sentence makes a string
    of every character); most sentences hold those of none or a few triggers."""
    chars, mask, by_char = _trigger_chars()
    for c in chars.findall(text, start, end):
        mask |= by_char[c]
    return _chosen(mask)


def find_hits(ctx: DocContext, start: int, end: int) -> list[Hit]:
    """Non-overlapping trigger matches, longest first where two overlap; words inside
    a title chain or an organisation's name (防灭火指挥部指挥长) never trigger."""
    text = ctx.text
    triggers = _candidates(text, start, end)  # blanking only hides characters: a subset
    if not triggers:
        return []  # most sentences hold no trigger's characters: no view is built
    spans = _mask_spans(text, start, end)
    names = ctx.mentions.officials.within(start, end) + ctx.mentions.orgs.within(start, end)
    spans += [(m.start, getattr(m, "title_end", m.end)) for m in names]
    view = _blanked(text, start, end, spans)
    found = [Hit(start + m.start(), start + m.end(), trig)
             for trig in triggers for m in trig.pattern.finditer(view)]
    if not found:
        return []
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in found:
        if kept and hit.start < kept[-1].end:
            continue
        if _directive_re().search(text[max(start, hit.start - 4):hit.start]) or _planned(text, start, hit):
            continue
        if _is_passive(text, hit, end) or text.startswith("的", hit.end):
            continue  # 来天水考察的客商: the verb describes the guests, it is not an act
        if text.endswith("陪同", 0, hit.start) or _nominal(text, start, hit):
            continue  # 等陪同检查: the escorts' verb; 对…巡查工作给予肯定: a noun
        kept.append(hit)
    inner = _acts_inside_campaigns(kept, found)
    return sorted(kept + inner, key=lambda h: h.start) if inner else kept


def _planned(text: str, start: int, hit: Hit) -> bool:
    """A modal or 将 earlier in the act's clause (县应急局将开展…), or 将 in the clause before
    when this one opens with the act (…将在节前采取暗访方式，督导检查各地…): a plan."""
    begin = clause_start(text, start, hit.start)
    if P.directive_in_clause.search(text, begin, hit.start) or P.not_yet.match(text, hit.end):
        return True  # …将开展; 两会召开在即: not yet done
    return begin == hit.start and begin > start and bool(
        P.plan_carried.search(text, clause_start(text, start, begin - 1), begin - 1))


INNER_ACTS = ("慰问", "调研", "督导检查")  # what an official does inside 开展…活动


STORY_HEAD = 200  # characters of an item's head (headline, lead) that say what kind of story it is


def _condolence_story(ctx: DocContext) -> bool:
    """An item whose head tells a 慰问 (春节走访慰问困难群众): its calls (走访, 看望) are 慰问."""
    return bool(P.condolence_head.search(ctx.text, 0, min(len(ctx.text), STORY_HEAD)))


def _acts_inside_campaigns(kept: list[Hit], found: list[Hit]) -> list[Hit]:
    """开展春节慰问走访活动 by an official: a campaign is a body's act, the official's is the
    visit or check named inside it (for officials only; a body keeps its 开展行动)."""
    out = []
    for hit in kept:
        if hit.trigger.actor != "other":
            continue
        inner = next((f for f in found if hit.start <= f.start and f.end <= hit.end and f is not hit
                      and f.trigger.actor != "other"
                      and (f.trigger.official_action or f.trigger.action) in INNER_ACTS), None)
        if inner is not None:
            out.append(Hit(inner.start, inner.end, replace(inner.trigger, actor="official")))
    return out


def _nominal(text: str, floor: int, hit: Hit) -> bool:
    """对首轮安全生产巡查工作给予肯定: a trigger word inside the object of 对 names work,
    and 检查表, 检查点 name things: neither reports an act."""
    if P.noun_suffix.match(text, hit.end):
        return True  # 安全检查表, 防火检查点, 检查站: a thing named by the act, not the act
    return bool(P.nominal_after.match(text, hit.end)) and \
        "对" in text[clause_start(text, floor, hit.start):hit.start]


def _is_passive(text: str, hit: Hit, end: int) -> bool:
    """会议召开 / 会议在…召开 closing a clause: the meeting is the subject, not an actor's act."""
    if text[hit.start:hit.end] != "召开":
        return False
    if hit.end < end and text[hit.end] not in CLAUSE_BREAK:
        return False
    return bool(P.meeting_before.search(text, max(0, hit.start - 32), hit.start))


def _collective(actor: Actor) -> bool:
    """全省各级党委政府, 新疆各地消防部门: many bodies told as one; their counted acts are a tally."""
    return actor.kind == "org" and actor.org is not None and any(
        "各" + c in actor.org for c in COLLECTIVE_AFTER)


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
    if P.companion.match(text, official.end, end) or P.listed_companion.match(text, official.end, end):
        return True  # 局长甲、副局长乙、丙等陪同检查: everyone listed before 陪同
    below = text.find("陪同下", official.end, end)
    opened = text.rfind("在", max(0, official.start - 40), official.start)
    return below != -1 and opened != -1 and "陪同下" not in text[opened:official.start]


def _overlaps(span: Any, others: list[Any]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def actors_in(ctx: DocContext, start: int, end: int) -> list[Actor]:
    """Candidate actors of a sentence stretch, in text order."""
    named = ctx.mentions.officials.within(start, end)
    cited = _cited(ctx.text, named)
    officials = [o for o in named if not o.is_reference and o.start not in cited]
    refs = [o for o in named if o.is_reference or o.start in cited]
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


def _cited(text: str, named: list[Any]) -> set[int]:
    """学习贯彻习近平总书记、韩正书记重要讲话精神: the starts of officials whose speech or
    instruction is cited (a list of them, the last followed by 重要讲话…): they do not act."""
    cited: set[int] = set()
    run: list[Any] = []
    for o in named:
        if run and not P.cited_join.fullmatch(text, run[-1].end, o.start):
            run = []
        run.append(o)
        if P.cited_words.match(text, o.end):
            cited.update(r.start for r in run)
            run = []
    return cited


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
        return _host_of(ctx, hit, before)
    label = _label_actor(ctx, para)
    if label:
        return label
    if state.last_official is not None and P.pronoun.match(ctx.text, sent.start, hit.start):
        return Actor("official", official=state.last_official)
    return Actor("none")




def _host_of(ctx: DocContext, hit: Hit, before: list[Actor]) -> Actor:
    """The actor of the act: the last named before it, except after one who leads the team
    the later bodies make up, and in a meeting or signing
    between two sides (甲与乙行长丙举行会谈, 甲与乙签订…), which is told from the first
    side's view: the guest named after 与/同 is not the actor."""
    i = len(before) - 1
    leader = next((a for a in before[:-1] if P.leads_team.match(ctx.text, a.end)), None)
    if leader is not None and all(a.kind == "org" for a in before[before.index(leader) + 1:]):
        return leader  # 由县长甲带队，县应急局等部门组成检查组…: the bodies make up his team
    if P.one_row_acts.fullmatch(hit.trigger.action):
        while i > 0 and P.guest_side.fullmatch(ctx.text, before[i - 1].end, before[i].start):
            i -= 1
    return before[i]


def _attendees(ctx: DocContext, hit: Hit, hits: list[Hit], actors: list[Actor],
               sent: Sentence) -> list[Actor]:
    """市领导甲、乙…，军分区司令员丙，市政府秘书长丁参加会议: every official listed before an
    attendance verb since the sentence's previous act attends, whatever else the list names
    (…主持会议，副市长甲，市应急局等部门负责人参加会议: 甲 attends, the bodies' heads are unnamed)."""
    if not P.attend_verb.match(ctx.text, hit.start, hit.end):
        return []
    floor = max((h.end for h in hits if h.end <= hit.start), default=sent.start)
    listed = [a for a in actors if a.kind == "official" and floor <= a.start and a.end <= hit.start]
    return listed


def _with_partners(ctx: DocContext, actor: Actor, actors: list[Actor],
                   hit: Hit | None = None) -> list[Actor]:
    """黄丽和副区长杨帆一同…看望慰问: officials joined by 和/、 share the act, one row each;
    bodies listed before 分别 (区建管委、区消防救援支队分别通报…) each did it."""
    if actor.kind != "official":
        return _each_listed(ctx, actor, hit)
    if actor not in actors:
        return [actor]
    group = [actor]
    i = actors.index(actor)
    while i > 0 and actors[i - 1].kind == "official" and \
            P.partner_join.fullmatch(ctx.text, actors[i - 1].end, actors[i].start):
        i -= 1
        group.insert(0, actors[i])
    return group


def _each_listed(ctx: DocContext, actor: Actor, hit: Hit | None) -> list[Actor]:
    """The bodies listed after ``actor`` (one joiner apart) when 分别 stands between the
    list and its act: 区建管委、区消防救援支队分别通报… gives each its row."""
    if hit is None or actor.kind != "org":
        return [actor]
    group, end = [actor], actor.end
    for org in ctx.mentions.orgs.within(actor.end, hit.start):
        if not P.list_join_only.fullmatch(ctx.text, end, org.start):
            break
        group.append(Actor("org", org.start, org.end, org=org.name))
        end = org.end
    if len(group) == 1 or "分别" not in ctx.text[end:hit.start]:
        return [actor]
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


def _speaks(text: str, hit: Hit) -> bool:
    """An official at the meeting who speaks or reports there (出席并讲话, 在会上强调, 通报),
    not one who only attends (参加会议): the contract's chair-or-speaker."""
    if hit.trigger is _REPORTED:
        return True
    return bool(P.speaks.search(text, hit.start, clause_end(text, hit.end, len(text))))


def _drop_redundant(pairs: list[tuple[Hit, Actor, str]], text: str) -> list[tuple[Hit, Actor, str]]:
    """A movement verb (带队赴, 深入) gives way to the action that follows it in its clause;
    after 印发 a stated purpose (在全市开展…行动) is part of that event; one row per actor x action."""
    out: list[tuple[Hit, Actor, str]] = []
    issued = False
    pairs = _one_check_a_clause(pairs, text)
    pairs = [p for p in pairs if not (p[0].statistic and any(
        a.key == p[1].key and not h.statistic and h is not p[0] for h, a, _ in pairs))]
    official_acts = {action for _, actor, action in pairs if actor.kind == "official"}
    chaired = any(actor.kind == "official" and (action == "主持会议" or (
        action == "出席会议" and _speaks(text, hit))) for hit, actor, action in pairs)
    for i, (hit, actor, action) in enumerate(pairs):
        if issued and action in ("开展行动", "督导检查"):
            continue
        if actor.kind != "official" and action in official_acts and P.one_row_acts.fullmatch(action):
            continue  # 市政府与该集团签订协议，X代表市政府签约: the official's row
        if action == "召开会议" and chaired and _place_itself(actor):
            continue  # X镇召开…会议，镇长Y主持: a named chair or speaker makes it theirs
        if hit.trigger.minor and any(a.key == actor.key and not h.trigger.minor
                                     for h, a, _ in pairs):
            continue
        issued = issued or action == "印发文件"
        verb = text[hit.start:hit.end]
        # the actor's next act that stands (partners listed together interleave their
        # pairs; a step such as 走访 gives way itself)
        nxt = next((p for p in pairs[i + 1:] if p[1].key == actor.key
                    and not p[0].trigger.minor), None)
        if verb.startswith(("深入", "带队", "率队")):
            if nxt and not any(
                    c in text[hit.end:nxt[0].start] for c in "。；;"):
                continue
        if verb.startswith("参加") and nxt and nxt[0].start - hit.end <= JOINED_GAP:
            continue  # 参加检查: joining the check is the check, one row (参加走访: the 参加)
        if any(a.key == actor.key and act == action for _, a, act in out):
            continue
        out.append((hit, actor, action))
    return out


def _one_check_a_clause(pairs: list[tuple[Hit, Actor, str]],
                        text: str) -> list[tuple[Hit, Actor, str]]:
    """组织人员对…进行排查检查: a 开展行动 whose object is only a check (排查, 清查), told in
    the same clause as the actor's check, is that check."""
    def merged(hit: Hit, actor: Actor, action: str) -> bool:
        return action == "开展行动" and P.check_object.search(text, hit.start, hit.end) is not None \
            and any(a.key == actor.key and act == "督导检查" and _same_clause(text, hit, h)
                    for h, a, act in pairs)
    return [p for p in pairs if not merged(*p)]


def _same_clause(text: str, a: Hit, b: Hit) -> bool:
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    return clause_end(text, lo, hi) == hi


JOINED_GAP = 2  # characters between 参加 and the act it joins (参加|检查, 参加了|调研)


def _place_itself(actor: Actor) -> bool:
    """我县, X镇, 县政府, 市委: the place convenes, so its named chair owns the meeting; a
    named body (市防汛抗旱指挥部, 县应急局) convening keeps a row of its own."""
    if actor.kind == "org":
        return bool(P.place_government.fullmatch(actor.org or ""))
    return actor.kind != "official"


def _counts_in_clause(ctx: DocContext, hit: Hit, stop: int) -> bool:
    return bool(ctx.mentions.quantities.within(hit.end, clause_end(ctx.text, hit.end, stop)))


def _tallied(ctx: DocContext, sent: Sentence, hit: Hit, stop: int) -> bool:
    """A body's acts counted up rather than told: a total word before the act and either
    the times it was done (共出动检查人员27132人次) or a running period the sentence sums
    over (今年以来，甘谷县共开展…大检查8次; 截至目前，…共检查企业1400余家). A team's one
    round (检查组…共抽查14家企业) and a campaign told by its count alone (今年以来…开展…
    行动97次) stay acts."""
    text = ctx.text
    end = clause_end(text, hit.end, stop)
    units = [q.unit or "" for q in ctx.mentions.quantities.within(hit.end, end)]
    if any(P.object_times_unit.fullmatch(u) for u in units):
        return True  # 开展执法检查338人次: the objects visited are counted, not an act told
    total = _total_before(ctx, sent, clause_start(text, sent.start, hit.start), hit.start)
    if total is None:
        return False
    if total == "list" or any(P.times_unit.fullmatch(u) for u in units):
        return True
    return bool(P.running_lead.match(text, sent.start))


def _total_before(ctx: DocContext, sent: Sentence, begin: int, at: int) -> str | None:
    """Where a total word before the act stands: "own" in its clause, "list" in an earlier
    clause of the list of counts it continues (共出动检查人员27132人次，检查企业11339家: every
    count of the list is summed up), None when there is none."""
    text, where = ctx.text, "own"
    while True:
        if P.total_before_act.search(text, begin, at):
            return where
        if begin <= sent.start:
            return None
        before = clause_start(text, sent.start, begin - 1)
        if not ctx.mentions.quantities.within(before, begin):
            return None
        begin, at, where = before, begin, "list"


def _stretches(ctx: DocContext, start: int, stop: int,
               pairs: list[tuple[Hit, Actor, str]]) -> list[tuple[int, int]]:
    """Each event's stretch of the sentence: from the clause that holds its trigger, or
    its actor when named in an earlier clause (…；省长乙赴甲县…，专题调研…), or the sentence
    start for the first, to where the next event's stretch begins."""
    text = ctx.text
    hits = list(dict.fromkeys(h for h, _, _ in pairs))  # partners share one hit
    actor_at = {}
    for hit, actor, _ in pairs:
        actor_at.setdefault(hit, actor.start)
    begins = [start]
    for prev, hit in zip(hits, hits[1:]):
        at = actor_at[hit] if prev.end <= actor_at[hit] < hit.start else hit.start
        begins.append(max(prev.end, clause_start(text, prev.end, at)))
    spans = dict(zip(hits, zip(begins, begins[1:] + [_last_end(ctx, hits[-1], stop)])))
    return [spans[h] for h, _, _ in pairs]


def _last_end(ctx: DocContext, hit: Hit, stop: int) -> int:
    """The last event's stretch ends at a ； after which another body or place is the
    subject (…分别通报…；梅陇镇、七宝镇…汇报了…): what follows is theirs, not its places."""
    text = ctx.text
    at = hit.end
    while (semi := _next_semicolon(text, at, stop)) >= 0:
        after = semi + 1
        if any(m.start == after for m in ctx.mentions.orgs.within(after, min(stop, after + 24))) or \
                any(m.start == after for m in ctx.mentions.places.within(after, min(stop, after + 24))):
            return semi
        at = after
    return stop


def _next_semicolon(text: str, start: int, stop: int) -> int:
    found = [i for i in (text.find("；", start, stop), text.find(";", start, stop)) if i >= 0]
    return min(found) if found else -1


SINCE_REACH = 8  # characters before a heading 今年以来 (据悉，|据了解，)


def _governing_date(ctx: DocContext, start: int, end: int) -> Any:
    since = None
    dates = ctx.mentions.dates.within(start, end)
    quoted = [m.span() for m in P.quoted.finditer(ctx.text, start, end)] if dates else []
    if quoted:  # “今天有多少工人在井下作业？”: a quote's own time (the speaker's, a title's) dates no act
        dates = [d for d in dates if not any(a <= d.start < b for a, b in quoted)]
    for d in dates:
        if (d.grain in ("day", "week", "dekad") or d.is_range) and not is_dateline(ctx.text, d):
            return d
        if since is None and d.grain in ("year", "month") and _heads(ctx.text, start, d) \
                and (said_since(ctx.text, d.end) or _from_on(ctx.text, d)):
            since = d  # heading the sentence (据悉，今年以来，…), not inside what it reports
    if since is not None and ctx.issue_date is not None and \
            since.date_start <= ctx.issue_date.isoformat():
        # 今年以来，甲县开展…; 自8月初以来，…开展…: acts from that start to the issue date
        return replace(since, date_end=ctx.issue_date.isoformat())
    return _year_start_since(ctx, start, end) if since is None else None


def _heads(text: str, start: int, d: Any) -> bool:
    """The date heads the sentence: near its start, or after only the source it names
    (据省林业局透露，从九月开始，…)."""
    if d.start - start <= SINCE_REACH:
        return True
    m = P.source_lead.match(text, start, d.start)
    return m is not None and d.start - m.end() <= SINCE_REACH


def _from_on(text: str, d: Any) -> bool:
    """从九月开始, 自3月起: a start the acts run on from, like 以来."""
    return bool(P.since_start.search(text, max(0, d.start - 3), d.start)
                and P.from_on_after.match(text, d.end))


def _year_start_since(ctx: DocContext, start: int, end: int) -> Any:
    """年初以来，甲市相继开展了…: the year so far, like 今年以来 (年初 alone names no day)."""
    m = P.year_start_since.search(ctx.text, start, min(end, start + SINCE_REACH + 6))
    if m is None or ctx.issue_date is None:
        return None
    year = ctx.issue_date.year
    return DateMention(m.start(), m.end(), m.group(), f"{year}-01-01", ctx.issue_date.isoformat(),
                       "year", True, "relative", False)


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
              if not (actor.kind in ("official", "org") and actor.start <= p.start < actor.end)
              and not (p.level == "township" and P.enterprise_unit.search(p.name))]
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
    for zone in _zones_named(ctx, actor, start, end):
        add_county(zone.name, None)
    for p in places:
        if p.name not in names:
            names.append(p.name)
            codes.append(p.code)
        if p.level == "county":
            add_county(p.name, p.code)
        elif p.level == "township":
            if not _in_a_zone(counties):
                add_county(p.county_name, p.county_code)
            if p.name not in townships:
                townships.append(p.name)
    for name, county, code in _unlisted_townships(ctx, places, start, end):
        add_county(county, code)
        if name not in townships:
            townships.append(name)
    return {"places": names, "place_codes": codes, "county": counties[0] if counties else None,
            "counties": counties, "county_codes": [c for c in county_codes if c],
            "townships": townships}


def _unlisted_townships(ctx: DocContext, places: list[Any], start: int,
                        end: int) -> list[tuple[str, str | None, str | None]]:
    """Townships the division table does not list (renamed or merged since: 廉贻镇, 王峰镇),
    read only where their county is certain: written right after it (东台市廉贻镇) or listed
    with a township of it (王峰镇、桑树坪镇). Names as written, with that county."""
    text, found = ctx.text, []
    for p in places:
        if p.level == "county":
            spots = [(p.end, p.name, p.code)]
        elif p.level == "township":
            spots = [(p.end + 1, p.county_name, p.county_code)] if text[p.end:p.end + 1] == "、" else []
            before = P.unlisted_township_before.search(text, max(start, p.start - 8), p.start)
            if before is not None:
                spots.append((before.start(1), p.county_name, p.county_code))
        else:
            continue
        for at, county, code in spots:
            m = P.unlisted_township.match(text, at, end)
            if m is not None and not any(q.start < m.end() and at < q.end for q in places):
                found.append((m.group(), county, code))  # 易门县在绿汁镇: a known place, not 在绿汁镇
    return found


def _zones_named(ctx: DocContext, actor: Actor, start: int, end: int) -> list[Zone]:
    """Functional zones the division table lacks, named in the event's stretch or in its
    actor's title or name (常州经开区党工委书记, 咸宁高新区管委会)."""
    zones = ctx.memo.get("zones")
    if zones is None:
        zones = ctx.memo["zones"] = find_zones(ctx.text, list(ctx.mentions.places.within(0, len(ctx.text))))
    lo = min(start, actor.start) if actor.start >= 0 else start
    return [z for z in zones if lo <= z.start < end and (
        z.start >= start or actor.start <= z.start < actor.end)]


def _in_a_zone(counties: list[str]) -> bool:
    """The contract: a township named in an event led by a functional zone counts under
    that zone, not under the county the table lists it in."""
    return any(P.zone_region.fullmatch(name) for name in counties)


def _topics_unnamed(ctx: DocContext, start: int, end: int, body: Any) -> list[str]:
    """Topics of text[start:end] with officials' titles and names, and the acting body's
    name when given, masked; only that slice is copied (linear on long texts)."""
    piece = list(ctx.text[start:end])
    spans = [(o.start, o.end) for o in ctx.mentions.officials.within(start, end)]
    if body is not None:
        spans.append((body.start, body.end))
    for a, b in spans:
        for i in range(max(a, start) - start, min(b, end) - start):
            piece[i] = MASK
    return topics_in("".join(piece))


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
    elif official is not None:
        organization = _team_led(ctx, actor, hit)
    # an acting body's own name (区消防救援支队) says what it acted on only when the
    # clause says nothing else (区应急管理局印发《…方案》 -> 安全生产); officials' titles
    # (市教育局局长) never say what the act is about
    body = actor if actor.kind == "org" and actor.start >= 0 else None

    def own(start: int, end: int) -> list[str]:
        return _topics_unnamed(ctx, start, end, body)

    def named(start: int, end: int) -> list[str]:
        # without a body, own() of the same stretch read it already (and found nothing)
        return _topics_unnamed(ctx, start, end, None) if body is not None else []

    def named_from(start: int, end: int) -> list[str]:
        same = body is None and start == topic_text_start
        return [] if same else _topics_unnamed(ctx, start, end, None)

    clause_stop = clause_end(ctx.text, hit.end, span[1])
    hit_clause = clause_start(ctx.text, sent.start, hit.start)  # where the act's clause opens
    topics = (_named_work(ctx.text, hit.end, clause_stop)
              or _predicate_work(ctx.text, span[0], hit.start, clause_stop, own)
              or own(span[0], clause_stop)
              or named(span[0], clause_stop)
              or own(topic_text_start, span[1])
              or named_from(sent.start, span[1])
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
        "_states_subject": _states_subject(ctx.text, hit, clause_stop)
        or _object_before(ctx.text, clause_start(ctx.text, span[0], hit.start), hit.start),
        "_place_convened": action == "召开会议" and _place_itself(actor),
        "_speaker": action == "主持会议" or (action == "出席会议" and _speaks(ctx.text, hit)),
        "_minor": hit.trigger.minor,
        "_hit": hit.start,  # partners listed together share one hit, and so one trip
        "_apart": bool(P.split_up.search(ctx.text, hit_clause, hit.start)),
        "_joins": action == "出席会议" or bool(P.joined_act.match(ctx.text, max(0, hit.start - 2), hit.start)),
        "_higher": bool(P.higher_actor.match(ctx.text, hit_clause)),
    }
    row.update(_places_rows(ctx, actor, *span))
    return row


def _team_led(ctx: DocContext, actor: Actor, hit: Hit) -> str | None:
    """副市长甲带领市政府考核组考核…: the team an official leads to the act is the body
    whose team it is (the contract's organization for an official)."""
    for org in ctx.mentions.orgs.within(actor.end, hit.start):
        if org.kind == "team" and P.leads.search(ctx.text, actor.end, org.start) \
                and clause_start(ctx.text, actor.end, org.start) == actor.end:
            return org.name
    return None


def _predicate_work(text: str, start: int, at: int, stop: int,
                    read: Callable[[int, int], list[str]]) -> list[str]:
    """深入机关、学校等开展安全生产督导检查, 前往学校开展安全生产检查: after a site (a list
    closed by 等, or a place the actor goes to), the work the predicate itself names is what
    the act is about, not the site (学校 is no 教育 here)."""
    before = text[start:at]
    if "等" not in before and not P.site_lead.search(before):
        return []
    return read(at, stop)


def _named_work(text: str, start: int, stop: int) -> list[str]:
    """检查项目施工现场、燃气站等安全生产工作: the work after 等 is what is checked; the
    sites listed before it are examples, not the subject."""
    found = [m for m in P.named_work.finditer(text, start, stop)]
    return topics_in(text, found[-1].start(1), found[-1].end(1)) if found else []


def _object_before(text: str, start: int, at: int) -> bool:
    """就乡村振兴工作进行调研, 围绕…开展督导: the act's subject written before the verb."""
    m = P.object_before.search(text, start, at)
    if m is None:
        return False
    rest = P.generic_object.sub("", m.group("obj"))
    return len(P.cjk.findall(rest)) >= 2


def _states_subject(text: str, hit: Hit, stop: int) -> bool:
    """The clause names what the act is about (调研乡村振兴工作, 慰问困难群众), so a
    topic outside the vocabulary is 其他 rather than none."""
    rest = P.generic_object.sub("", text[hit.end:stop])
    return len(P.cjk.findall(rest)) >= 2


def _sentence_events(ctx: DocContext, para: Paragraph, sent: Sentence,
                     state: ParaState) -> None:
    text = ctx.text
    if opens_report(ctx, sent):
        state.speech = False
    if state.speech:
        return
    stop = speech_start(text, sent.start, sent.end)
    if P.meeting_content.match(text, sent.start, stop):
        _meeting_content(ctx, sent, stop, state.frame)
        stop = sent.start  # 会议对…进行了明确, 会议听取…: what the meeting dealt with
    date = _governing_date(ctx, sent.start, stop)
    if date is not None and state.frame.visit is not None and \
            iso(date.date_start) != state.frame.visit["date_start"]:
        state.frame.visit = None  # a new dated act: the trip told so far is over
    if date is not None and state.frame.meeting_rows and \
            iso(date.date_start) != state.frame.meeting_rows[0]["date_start"]:
        state.frame.meeting_rows = []  # and so is the meeting
    state.date = date or state.date
    hits = _meeting_reports(ctx, sent, stop, state.frame, find_hits(ctx, sent.start, stop))
    hits = hits or _hosted(ctx, sent, stop)
    if hits:
        pairs = _paired(ctx, para, sent, state, hits, stop)
    else:  # most sentences hold no act: no visit led, no actors read, nothing paired
        state.frame.sentence_visit, pairs = None, []
    # most sentences pair no act with an actor: nothing to weed out or stretch
    pairs = _drop_redundant(pairs, text) if pairs else pairs
    made: dict[str, dict[str, Any]] = {}
    for (hit, actor, action), span in zip(pairs, _stretches(ctx, sent.start, stop, pairs)
                                          if pairs else ()):
        row = _row(ctx, sent, hit, actor, action, span, state.date, state, para)
        earlier = made.get(actor.key)
        if earlier is not None and not row["counties"] and not row["townships"]:
            # a second act on the same trip happens where the first did
            row.update(county=earlier["county"], counties=list(earlier["counties"]),
                       county_codes=list(earlier["county_codes"]))
        made.setdefault(actor.key, row)
        if actor.kind == "official":
            state.last_official = actor.official
        if _fold_into_frame(row, actor, state.frame, joined=text.startswith("参加", hit.start)):
            continue
        state.rows.append(row)
    if not pairs and state.frame.visit is not None:  # only a visit being told has stops
        _fold_stops(ctx, sent, stop, state.frame)
    if state.meeting is not None:  # most sentences follow no passive meeting
        _close_meeting(ctx, para, state, sent)
    if not pairs and P.passive_meeting.search(text, sent.start, stop):
        orgs = ctx.mentions.orgs.within(sent.start, stop)
        state.meeting = Meeting(sent, orgs[0].name if orgs else None)
    state.speech = stop < sent.end


def _paired(ctx: DocContext, para: Paragraph, sent: Sentence, state: ParaState,
            hits: list[Hit], stop: int) -> list[tuple[Hit, Actor, str]]:
    """The sentence's acts, each with its actor and action (the visit it leads noted in
    the frame first); ``_sentence_events`` asks only when the sentence holds an act."""
    text = ctx.text
    state.frame.sentence_visit = next(
        ((h.start, act) for h in hits if (act := h.trigger.official_action or h.trigger.action)
         in VISIT_ACTS and h.trigger.actor != "other"), None)
    actors = actors_in(ctx, sent.start, stop)
    pairs = []
    for hit, actor in ((h, a) for h in hits for a in _joiners(ctx, h, actors, state.frame, stop)
                       or _host(ctx, h, sent)
                       or _attendees(ctx, h, hits, actors, sent)
                       or _with_partners(ctx, choose_actor(ctx, h, actors, para, state, sent),
                                         actors, h)):
        action = _occasion(ctx, hit, _frame_action(ctx, hit, _action_for(hit, actor),
                                                   state.frame, stop), stop)
        if action is None or (actor.kind != "official" and P.person_acts.fullmatch(action)
                              and not (hit.trigger is _REPORTED and actor.kind == "org")):
            continue  # a named body reporting to a meeting attends it (会上，区应急局通报…)
        if actor.kind == "none" and not P.subjectless_acts.fullmatch(action):
            continue  # 通过对…的监督检查, 发现隐患…: a check with no one doing it is no event
        if actor.kind == "county" and text.startswith("举行", hit.start):
            continue  # 青岩古镇举行…演练: where it is held, not who holds it
        if action == "慰问" and P.greeting.search(text, clause_start(text, sent.start, hit.start), hit.start):
            continue  # 向…表示诚挚的慰问: a greeting said, not a visit made
        if action == "调研" and P.calling_verb.match(text, hit.start, hit.end) and (
                P.condolence_sign.search(text, sent.start, sent.end) or _condolence_story(ctx)):
            action = "慰问"  # 走访…，送去慰问金; calls in a story told as 慰问: 慰问
        if _counts_in_clause(ctx, hit, stop):
            if actor.kind == "none" or _collective(actor) or (
                    actor.kind != "official" and _tallied(ctx, sent, hit, stop)):
                continue  # 市、县两级抽查检查企业26073家, 各级党委政府召开部署会5000余场: a tally
            hit = Hit(hit.start, hit.end, hit.trigger, statistic=True)
        pairs.append((hit, actor, action))
    return pairs


# acts told stop by stop: one row per official, day and kind of trip
VISIT_KIND = {"调研": "visit", "督导检查": "visit", "慰问": "condolence"}
VISIT_ACTS = tuple(VISIT_KIND)
MEETING_ACTS = ("主持会议", "召开会议", "出席会议")


def _occasion(ctx: DocContext, hit: Hit, action: str | None, stop: int) -> str | None:
    """出席签约仪式: attending a signing is signing (its occasion names the act); 参加活动 in an
    item told as a 慰问 is taking part in the 慰问."""
    if action == "主持会议" and P.visit_hosted.match(ctx.text, hit.start):
        return "慰问"  # 主持看望活动: hosting a visit to people is that visit, no meeting
    if action != "出席会议":
        return action
    end = clause_end(ctx.text, hit.end, stop)
    if P.attended_by_object.match(ctx.text, hit.end, end):
        return None  # 看望出席…会议的人大代表: the attending is the visited people's
    if P.signing_occasion.search(ctx.text, hit.end, end):
        return "签约"
    if P.activity_joined.match(ctx.text, hit.start, end) and _condolence_story(ctx):
        return "慰问"
    return action


def _frame_action(ctx: DocContext, hit: Hit, action: str | None, frame: Frame,
                  stop: int) -> str | None:
    """参加 / 一同参加 inside a visit (told before, or led earlier in the same sentence) is
    joining the visit, not attending a meeting."""
    visit = _visit_action(frame, hit)
    if action != "出席会议" or visit is None or not ctx.text.startswith("参加", hit.start):
        return action
    if "会" in ctx.text[hit.end:clause_end(ctx.text, hit.end, stop)]:
        return action
    return visit


def _visit_action(frame: Frame, hit: Hit) -> str | None:
    if frame.visit is not None:
        return str(frame.visit["action"])
    lead = frame.sentence_visit
    return lead[1] if lead is not None and lead[0] < hit.start else None


SPEECH_VERB_LEN = 3  # 指出， / 强调：: a speech verb and the mark after it
_REPORTED = Trigger("出席会议", re.compile("通报"), "any", "出席会议")


def _meeting_reports(ctx: DocContext, sent: Sentence, stop: int, frame: Frame,
                     hits: list[Hit]) -> list[Hit]:
    """会上，副县长乙通报了…; …召开汇报会，副市长乙听取…汇报: reporting to a meeting or
    hearing it is attending it (the contract), read only while a meeting is being told.
    An act named after the report verb in its clause (乙汇报了首轮巡查情况) is what was
    reported, not an act. The sentence's other acts must all be meeting acts (副县长乙
    调研…，听取…汇报 is a visit). Returns the sentence's hits."""
    text = ctx.text
    # 乙强调，…: the verb opening an official's speech is where the speech begins (stop)
    verbs = list(P.meeting_report.finditer(text, sent.start, min(sent.end, stop + SPEECH_VERB_LEN)))
    if not frame.meeting_rows:
        # 在去年召开的…会议上，甲强调: a speech cited from some meeting, not the one being told
        verbs = [m for m in verbs if not P.speech_verb.fullmatch(m.group())]
    if not verbs:
        return hits  # most sentences report nothing: no meeting names to read
    named = [m.span(1) for m in P.meeting.finditer(text, sent.start, stop)]

    def in_name(m: re.Match[str]) -> bool:  # …工作部署电视电话会议: a meeting's name
        return any(a <= m.start() < b for a, b in named)

    reports = [m for m in verbs if not in_name(m) and _named_in_clause(ctx, sent, m.start())]
    acts = [h for h in hits if h.trigger.action in MEETING_ACTS or not any(
        r.end() <= h.start and r.start() >= clause_start(text, sent.start, h.start)
        for r in reports)]
    if any(h.trigger.action not in MEETING_ACTS for h in acts):
        return hits
    convened = bool(acts) and P.meeting.search(text, acts[0].start, stop)
    if not (frame.meeting_rows or convened or P.at_meeting.search(text, sent.start, stop)):
        return hits
    after = acts[-1].end if acts else sent.start
    return acts + [Hit(m.start(), m.end(), _REPORTED) for m in verbs
                   if m.start() >= after and not in_name(m)
                   and _named_in_clause(ctx, sent, m.start(), after)]


_HOSTED = Trigger("开展行动", re.compile("主办"), "other", None)


def _hosted(ctx: DocContext, sent: Sentence, stop: int) -> list[Hit]:
    """本次演练由甲、乙主办，丙承办 / 由甲主办的…演练在…举行: a campaign or drill held by a
    body named after 由 is that body's act (the first named), told passively."""
    m = P.hosted.search(ctx.text, sent.start, stop)
    if m is None or not P.campaign_noun.search(ctx.text, sent.start, stop):
        return []
    return [Hit(m.start(1), m.end(1), _HOSTED)]


def _host(ctx: DocContext, hit: Hit, sent: Sentence) -> list[Actor]:
    """The first body named between 由 and 主办."""
    if hit.trigger is not _HOSTED:
        return []
    opened = ctx.text.rfind("由", sent.start, hit.start)
    orgs = ctx.mentions.orgs.within(opened, hit.start) if opened >= 0 else []
    return [Actor("org", orgs[0].start, orgs[0].end, org=orgs[0].name)] if orgs else []


SUBJECT_REACH = 6  # characters before a clause's subject (大队|戴欢大队长, 会上，|乙…)


def _named_in_clause(ctx: DocContext, sent: Sentence, pos: int, floor: int | None = None) -> bool:
    """An official or a body named in the clause before ``pos`` (副市长乙听取…, 区应急局通报…),
    so the verb is theirs, not the chair's own 传达学习 carried on from the clause before."""
    begin = clause_start(ctx.text, sent.start, pos)
    if any(not o.is_reference for o in ctx.mentions.officials.within(begin, pos)) or \
            ctx.mentions.orgs.within(begin, pos):
        return True
    # 乙结合…要求，对…进行了部署: the last official named after the sentence's acts
    # (``floor``), heading an earlier clause with no one named after them, is the subject
    if floor is None:
        return False
    named = [o for o in ctx.mentions.officials.within(floor, pos) if not o.is_reference]
    if not named:
        return False
    last = named[-1]
    return last.start - clause_start(ctx.text, sent.start, last.start) <= SUBJECT_REACH \
        and not ctx.mentions.orgs.within(last.end, pos)


def _joiners(ctx: DocContext, hit: Hit, actors: list[Actor], frame: Frame,
             stop: int) -> list[Actor]:
    """副县长乙，县应急局…负责人一同参加: every official named before 参加 joins the
    visit, whatever bodies are listed between them and the verb."""
    if _frame_action(ctx, hit, "出席会议", frame, stop) == "出席会议":
        return []
    if frame.visit is not None:
        return [a for a in actors if a.kind == "official" and a.end <= hit.start
                and a.official.name != frame.visit["official"]]
    lead = frame.sentence_visit[0] if frame.sentence_visit else hit.start
    return [a for a in actors if a.kind == "official" and lead < a.start and a.end <= hit.start]


def _fold_into_frame(row: dict[str, Any], actor: Actor, frame: Frame, joined: bool) -> bool:
    """Fold a row into the act the story is telling; True when it was folded away.
    One official, one day, one trip: one row, with the places of all its stops."""
    visit = frame.visit
    if joined and visit is not None and row["action"] == visit["action"]:
        _join_visit(row, visit, frame)
        return False
    if row["action"] in VISIT_ACTS and (actor.kind == "official" or (
            visit is not None and _the_visiting_team(actor))):
        return _fold_visit(row, actor, frame)
    # steps of the trip being told: 期间，检查组在…召开座谈会; 来到…指挥大厅，通过视频系统调度
    if (row["action"] == "召开会议" and visit is not None and _the_visiting_team(actor)
            and row["date_start"] in (None, visit["date_start"])) or \
            (row["action"] == "调度" and _on_the_trip(row, actor, visit)):
        for into in _trip_rows(frame, visit):
            _merge_places(into, row)
        return True
    if row["action"] == "调度" and row["official"] is not None:
        return _fold_dispatch(row, frame)
    if row["action"] in MEETING_ACTS:
        if _fold_meeting(row, frame):
            return True
    else:
        frame.meeting_rows = []
    if row["action"] in VISIT_ACTS and actor.kind == "org":
        # 督导组到哈尔滨市开展督导。在松北区，督导组…: a body's trip heads the story, and
        # the stops told next are its own
        frame.visit, frame.joined = row, []
    elif row["official"] is None or frame.visit is None or frame.visit["official"] != row["official"]:
        frame.visit = None  # another actor takes the story's head
    return False


def _fold_dispatch(row: dict[str, Any], frame: Frame) -> bool:
    """…调度全区防汛工作。甲先后视频连线五市…: one official dispatching on one day is one
    act told over several sentences (True when folded into the first row)."""
    key = (row["official"], row["date_start"], "dispatch")
    first = frame.visits.get(key)
    if first is None:
        frame.visits[key] = row
        return False
    _merge_places(first, row)
    if not first["topics"] and row["topics"]:
        first.update(topics=list(row["topics"]), topic=row["topic"])
    return True


def _trip_rows(frame: Frame, visit: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows a stop of the trip belongs to: the visit's, those who joined it, and the
    official's other rows of that day's trip (调研…，并看望慰问…: the 慰问 row too).
    Officials who split up (分六路走访) share none of each other's stops."""
    rows = [visit] if visit["_apart"] else [visit, *frame.joined]
    for (official, day, _), row in frame.visits.items():
        if row is not visit and official == visit["official"] and official is not None \
                and day == visit["date_start"] and row["action"] in VISIT_ACTS:
            rows.append(row)
    return rows


def _on_the_trip(row: dict[str, Any], actor: Actor, visit: dict[str, Any] | None) -> bool:
    """The official of the visit being told, on its day."""
    return visit is not None and actor.kind == "official" and row["official"] is not None \
        and visit["official"] == row["official"] and visit["date_start"] == row["date_start"]


def _join_visit(row: dict[str, Any], visit: dict[str, Any], frame: Frame) -> None:
    """乙一同参加: a row of their own for the same trip, about the same work."""
    if not row["topics"]:
        row.update(topics=list(visit["topics"]), topic=visit["topic"])
    _merge_places(row, visit)
    frame.joined.append(row)


def _fold_visit(row: dict[str, Any], actor: Actor, frame: Frame) -> bool:
    """A visit's later step folds into the row of that official, day and kind of trip
    (True); a new trip opens the frame (False)."""
    kind = VISIT_KIND[row["action"]]
    key = (row["official"], row["date_start"], kind) if actor.kind == "official" else None
    if key and row["_minor"]:
        # 走访, 先后来到…察看 on a trip told as 慰问 (or 调研) are its steps, whatever their kind
        trip = next((v for (o, d, _), v in frame.visits.items() if (o, d) == key[:2]), None)
        if trip is not None:
            for into in _trip_rows(frame, trip):
                _merge_places(into, row)
            return True
    visit = frame.visits.get(key) if key else frame.visit
    if visit is not None and VISIT_KIND[visit["action"]] == kind:
        for into in _trip_rows(frame, visit):
            _merge_places(into, row)
        if not visit["topics"] and row["topics"] and not visit["_states_subject"]:
            # 带领慰问团…，慰问了困难群众; a trip whose telling named what it was about
            # (走访慰问困难群众) keeps that, whatever a later step's sentence mentions
            visit.update(topics=list(row["topics"]), topic=row["topic"])
        visit["_states_subject"] = visit["_states_subject"] or row["_states_subject"]
        frame.visit = visit
        return True
    if key:
        previous = frame.visit
        partners = [] if previous is None or _other_trip(previous, row) \
            else [previous, *frame.joined]  # 甲、乙深入…: later stops are both officials'
        frame.visits[key] = frame.visit = row
        frame.joined = partners
    frame.meeting_rows = []
    return False


def _other_trip(previous: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether a new visit row opens a trip of its own, not one told for partners listed
    together before one verb (the same hit in the same sentence)."""
    return (previous["char_start"], previous["_hit"], previous["date_start"]) != \
        (row["char_start"], row["_hit"], row["date_start"])


def _fold_meeting(row: dict[str, Any], frame: Frame) -> bool:
    """A row of the meeting being told: one row per person (True when folded away), a
    chair named after the place convened owns it, and all its rows share one topic."""
    convened = _chairless(frame, row)
    if convened is not None:
        convened["_drop"] = True  # 我区召开…会。区长乙主持: the named chair owns the meeting
    if row["action"] == "出席会议" and any(r["official"] == row["official"] and r["official"]
                                         for r in frame.meeting_rows):
        return True  # 出席并通报…, 主持并讲话: one row for one person at one meeting
    attended = next((r for r in frame.meeting_rows if r["official"] and r["official"] == row["official"]
                     and r["action"] == "出席会议"), None)
    if attended is not None and row["action"] == "主持会议" and not P.convenes.search(row["evidence"]):
        attended["action"] = "主持会议"  # 甲、乙出席会议。…乙主持会议: the attendee chairs it
        return True
    if convened is None and row["action"] != "出席会议":
        if not row["topics"] and frame.meeting_rows:
            # …会议召开，省长丙出席。甲主持，乙出席: a chair told after the meeting's first
            # row is of the same meeting and carries its topics
            row.update(topics=list(frame.meeting_rows[0]["topics"]), topic=frame.meeting_rows[0]["topic"])
        frame.meeting_rows = [r for r in frame.meeting_rows if r["char_start"] == row["char_start"]]
    first = frame.meeting_rows[0] if frame.meeting_rows else None
    if first is not None and (not row["topics"] or (
            row["action"] == "出席会议" and first["topics"])):
        # every row of a meeting carries its topics (the contract), whatever a reporter's
        # own clause names (乙就消防和道路交通工作作部署 at a safety meeting)
        row.update(topics=list(first["topics"]), topic=first["topic"])
        # …召开全体会议，学习贯彻…精神: a subject no label covers is the meeting's too,
        # kept when the place's own row gives way to a speaker named later
        row["_states_subject"] = row["_states_subject"] or first["_states_subject"]
    frame.meeting_rows.append(row)
    return False


def _the_visiting_team(actor: Actor) -> bool:
    """检查中, 检查组对…进行检查, 督导组一行还前往…: the team of the visit being told."""
    return actor.kind == "none" or (actor.kind == "org" and bool(
        P.team_noun.fullmatch(actor.org or "")))


def _chairless(frame: Frame, row: dict[str, Any]) -> dict[str, Any] | None:
    """The place's own 召开会议 row told in an earlier sentence, when this row names a
    person who chairs or speaks at it (the contract: no separate 召开会议 row then)."""
    if row["official"] is None or not frame.meeting_rows:
        return None
    if not row["_speaker"]:
        return None  # an attendee who only 出席/参加 leaves the meeting its own row
    first = frame.meeting_rows[0]
    if P.convenes.search(row["evidence"]):
        return None  # …黄石港区召开会商会，区领导乙出席: a meeting of its own
    if first["action"] == "召开会议" and first["_place_convened"] and \
            first["char_start"] != row["char_start"] and first["date_start"] == row["date_start"]:
        return first
    return None


def _merge_places(into: dict[str, Any], row: dict[str, Any]) -> None:
    for name, code in zip(row["places"], row["place_codes"]):
        if name not in into["places"]:
            into["places"].append(name)
            into["place_codes"].append(code)
    codes = dict(zip(row["counties"], row["county_codes"])) \
        if len(row["counties"]) == len(row["county_codes"]) else {}
    zoned = _in_a_zone(into["counties"])
    for name in row["counties"]:
        if zoned and name not in row["places"] and not _in_a_zone([name]):
            continue  # a stop's township counts under the zone leading the event
        if name not in into["counties"]:
            into["counties"].append(name)
            if codes.get(name):
                into["county_codes"].append(codes[name])
    into["townships"] += [t for t in row["townships"] if t not in into["townships"]]
    into["county"] = into["counties"][0] if into["counties"] else None


def _fold_stops(ctx: DocContext, sent: Sentence, stop: int, frame: Frame) -> None:
    """A sentence with no act of its own that tells the visit's stops (在金罗镇…查看):
    its places belong to the visit, unless another official heads it."""
    visit = frame.visit
    if visit is None or stop <= sent.start:
        return
    others = {o.name for o in ctx.mentions.officials.within(sent.start, stop)
              if not o.is_reference and o.name != visit["official"]
              and not _companion(ctx.text, o, stop)}
    if others:
        visit = _own_visit(frame, visit, others)
        if visit is None:
            return
    stops = _places_rows(ctx, Actor("none"), sent.start, stop)
    for into in _trip_rows(frame, visit):
        _merge_places(into, stops)


def _own_visit(frame: Frame, visit: dict[str, Any], names: set[str]) -> dict[str, Any] | None:
    """甲、乙分六路走访…。甲首先来到…: a stop told for one official of the visit's day
    who has a visit of their own belongs to that visit."""
    if len(names) != 1:
        return None
    name = next(iter(names))
    return next((v for (official, day, _), v in frame.visits.items()
                 if official == name and day == visit["date_start"]), None)


def _meeting_content(ctx: DocContext, sent: Sentence, stop: int, frame: Frame) -> None:
    """会议听取…汇报, 研究…工作: a meeting whose own clause names no topic takes it
    from what it heard and decided (the contract), for every row of that meeting."""
    if not P.meeting_heard.match(ctx.text, sent.start, stop):
        return
    topics = topics_in(ctx.text, sent.start, stop)
    for row in frame.meeting_rows:
        if not row["topics"] or row["topics"] == [OTHER]:
            row.update(topics=list(topics), topic=topics[0] if topics else None)


def _own_county(ctx: DocContext, rows: list[dict[str, Any]]) -> None:
    """A county's own items: with a county as the bulletin's region, an event that names
    no county happens in it (县…局, 我县, an unnamed actor)."""
    region = get_gazetteer().division(ctx.region_code) if ctx.region_code else None
    if region is not None and region.level == "county":
        name, codes = region.name, [region.code]
    elif region is None and ctx.region and P.zone_region.fullmatch(ctx.region):
        name, codes = ctx.region, []  # a functional zone the division table does not list
    else:
        return
    for row in rows:
        # 全市召开…, 市长甲主持召开全市…会议: the city's act, not the county's
        if not row["counties"] and not row["_higher"] and not (
                _higher_official(row) and not P.own_place_word.search(row["evidence"])):
            row.update(county=name, counties=[name], county_codes=list(codes))


def _higher_official(row: dict[str, Any]) -> bool:
    """An official whose title belongs only to a city or province over the county: the
    county's own only where the sentence says so (来到我区, 对我市…督导检查)."""
    gaz = get_gazetteer()
    levels = {div.level for name in row["jurisdictions"] if (div := gaz.resolve_region(name))}
    return bool(levels) and levels <= {"city", "province"}


def _own_township(ctx: DocContext, rows: list[dict[str, Any]]) -> None:
    """镇党委副书记甲, 镇应急中心: a title or body of an unnamed 镇/乡/街道 in an item that
    names one township only is that township's (the story's own, like a county's)."""
    towns = {p.name: p for p in ctx.mentions.places if p.level == "township"}
    if len(towns) != 1:
        return
    town = next(iter(towns.values()))
    for row in rows:
        actor = row["title"] if row["official"] else row["organization"]
        if row["townships"] or not actor or not P.generic_town.match(_DROP_GLOSS.sub("", actor)):
            continue
        row["townships"] = [town.name]
        if not row["counties"] and town.county_name:
            row.update(county=town.county_name, counties=[town.county_name],
                       county_codes=[town.county_code] if town.county_code else [])


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
        row = _row(ctx, s, hit, actor, "召开会议", (s.start, s.end), state.date, ParaState(), para)
        state.rows.append(row)
        state.frame.meeting_rows = [row]  # attendees named later take its topic
    state.meeting = None


def extract_events(ctx: DocContext) -> list[dict[str, Any]]:
    """Every event row of one document, with event_id in text order."""
    rows: list[dict[str, Any]] = []
    carried = None
    frame = Frame()
    for para, sentences, fresh in report_paragraphs(ctx):
        # a date carries on to later paragraphs of the same (sub)section (会上，…)
        frame = Frame() if fresh else frame
        state = ParaState(date=None if fresh else carried, frame=frame)
        for sent in sentences:
            _sentence_events(ctx, para, sent, state)
        if state.meeting is not None:
            _close_meeting(ctx, para, state, Sentence(-1, -1, -1, None, None))
        rows += state.rows
        carried = state.date
    _own_county(ctx, rows)
    _own_township(ctx, rows)
    rows = [row for row in rows if not row.pop("_drop", False)]
    for row in rows:
        del row["_higher"], row["_place_convened"]
        if (row.pop("_states_subject") or P.people_acts.fullmatch(row["action"])) \
                and not row["topics"]:
            row.update(topics=[OTHER], topic=OTHER)
    rows.sort(key=lambda r: r["char_start"])
    rows = _told_again_dated(_one_trip_a_day(rows))
    _joined_topics(rows)
    for row in rows:
        del row["_joins"], row["_speaker"], row["_minor"], row["_hit"], row["_apart"]
    for n, row in enumerate(rows, 1):
        row["event_id"] = f"e{n:05d}"  # fixed width: string order is text order
    return rows


def _one_trip_a_day(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One official, one day, one kind of trip: one row, even when the item tells the trip
    again in a later paragraph (…参加活动。…甲、乙分别走访慰问…); the places join the first."""
    first: dict[tuple[str, Any, str], dict[str, Any]] = {}
    out = []
    for row in rows:
        key = (row["official"], row["date_start"], row["action"])
        if row["official"] is None or row["date_start"] is None or row["action"] not in VISIT_ACTS:
            out.append(row)
            continue
        if key in first:
            _merge_places(first[key], row)
            continue
        first[key] = row
        out.append(row)
    return out


def _told_again_dated(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """连日来，甲、乙…分别前往…走访 and then 2月8日下午，甲…走访: an undated lead that sums up
    what the item then tells day by day is the same act; the dated telling is its row."""
    dated = {(r["official"], r["action"]) for r in rows
             if r["official"] is not None and r["date_start"] is not None}
    return [r for r in rows if r["official"] is None or r["date_start"] is not None
            or (r["official"], r["action"]) not in dated]


def _joined_topics(rows: list[dict[str, Any]]) -> None:
    """Those who attend or join the act told before (乙、丙参加; 丁一同慰问), or do the same
    act again on the same day (…签订备忘录。甲、乙见证签约), naming no work of their own,
    are there for the same work: the contract gives every row of an occasion its topics.
    The act is the last one of the same (sub)section and day."""
    last: dict[str, Any] | None = None
    for row in rows:
        joins = row["_joins"] or (last is not None and last["action"] == row["action"])
        if joins and not row["topics"] and last is not None and last["topics"] and \
                (last["section"], last["subsection"], last["date_start"]) == \
                (row["section"], row["subsection"], row["date_start"]):
            row.update(topics=list(last["topics"]), topic=last["topic"])
        if row["topics"]:
            last = row


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
