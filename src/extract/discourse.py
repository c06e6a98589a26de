"""What events and facts both read off a sentence: clause bounds, reported speech,
and whether a sentence opens a new report (a date or a named official at its start)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .firstchars import compile_skipping
from .context import DocContext
from .patterns import P
from .resources import read_table
from .sections import Layout, Paragraph, Sentence

CLAUSE_BREAK = "，,；;：:。！？!?"
OPEN_WINDOW = 24  # a date or official this close to a sentence's start opens a new report


@lru_cache(maxsize=2)
def _speech_re(kind: str | None = None) -> re.Pattern[str]:
    words = sorted((w for w, k in read_table("event_speech_markers.tsv") if kind in (None, k)),
                   key=len, reverse=True)
    # 要求对…, 要求各地…: a requirement with its object, not only before punctuation
    # …的工作要求，6月27日，…: a requirement named as a noun is not speech
    return compile_skipping(f"(?<![的按照上级工作提出])(?:{'|'.join(map(re.escape, words))})(?=[，,：:]|要)"
                      f"|(?<![按照的上级工作提出])要求(?![的和与及是为上下中，,。；;])"
                      f"|(?:{P.speaker.pattern})(?P<said>)(?={'|'.join(map(re.escape, words))})")


# The text last read and what was found in it. Events and facts ask the same questions of
# every sentence (where speech starts; where the clauses around a position break): the
# answers are kept for the document being read, one at a time. The pair is replaced whole,
# so a reader on another thread never sees one text's answers under another's.
_speech_memo: tuple[str | None, dict[tuple[int, int, str | None], int]] = (None, {})
_breaks_memo: tuple[str | None, list[int]] = (None, [])
_BREAK_RE = re.compile(f"[{re.escape(CLAUSE_BREAK)}]")


def speech_start(text: str, start: int, end: int, kind: str | None = None) -> int:
    """Where reported speech (of one kind, or any) begins in a sentence; its end when none.
    A marker governed in its clause by 结合, 按照, 根据… (结合…建设要求，对…进行了部署) is a
    noun, not speech."""
    global _speech_memo
    held, answers = _speech_memo
    if held is not text:
        answers = {}
        _speech_memo = (text, answers)
    key = (start, end, kind)
    found = answers.get(key)
    if found is None:
        found = answers[key] = _speech_start(text, start, end, kind)
    return found


def _speech_start(text: str, start: int, end: int, kind: str | None) -> int:
    for m in _speech_re(kind).finditer(text, start, end):
        begin = clause_start(text, start, m.start())
        if P.noun_governor.search(text, begin, m.start()):
            continue
        if P.demand_made.search(text, begin, m.end()) and text[m.end():m.end() + 1] in CLAUSE_BREAK:
            continue  # 出席会议并提出具体要求，乙主持会议: the demands are named, not said here
        if m.group("said") is None and any(r.end() == m.end() for r in P.meeting_report.finditer(
                text, max(begin, m.start() - 8), m.end())):
            if P.coordinated_act.match(text, m.end()):
                continue  # 作出安排部署，并对…进行调度: the actor's next act follows
            return m.end()  # 对…进行了部署，…: the deploying is an act; what follows is speech
        return m.start("said") if m.group("said") is not None else m.start()  # 会议|强调
    return end


def _breaks(text: str) -> list[int]:
    """Offsets of the clause marks in ``text``, ascending (found once per document)."""
    global _breaks_memo
    held, breaks = _breaks_memo
    if held is not text:
        breaks = [m.start() for m in _BREAK_RE.finditer(text)]
        _breaks_memo = (text, breaks)
    return breaks


def clause_start(text: str, floor: int, pos: int) -> int:
    """Just after the last clause mark before ``pos``, not before ``floor``."""
    if pos <= floor:
        return pos
    breaks = _breaks(text)
    i = bisect_left(breaks, pos)
    return breaks[i - 1] + 1 if i and breaks[i - 1] >= floor else floor


SINCE_WINDOW = 6  # characters after a date that may say "since" (今年|以来, 8月|初以来, 今年|年初以来)


def said_since(text: str, end: int) -> bool:
    """A date ending at ``end`` followed by 以来 (8月初以来): a period from it on."""
    return bool(P.since.match(text[end:end + SINCE_WINDOW]))


def clause_end(text: str, pos: int, stop: int) -> int:
    """End of the clause holding ``pos``: the trigger and its object (主持召开…会议)."""
    if pos >= stop:
        return pos
    breaks = _breaks(text)
    i = bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) and breaks[i] < stop else stop


# The text last asked about and its answers by mention span: events and facts ask of the
# same mentions (replaced whole, like the memos above)
_dateline_memo: tuple[str | None, dict[tuple[int, int], bool]] = (None, {})


def is_dateline(text: str, mention: Any) -> bool:
    """红网…11月25日讯, 新华社北京3月5日电: the day the story was filed, not the day of the
    acts it tells."""
    global _dateline_memo
    held, answers = _dateline_memo
    if held is not text:
        answers = {}
        _dateline_memo = (text, answers)
    key = (mention.start, mention.end)
    found = answers.get(key)
    if found is None:
        found = answers[key] = bool(
            P.dateline_after.match(text, mention.end)
            or P.clock_time.search(text, mention.start, mention.end))  # 2023-12-27 14:27:11
    return found


def opens_report(ctx: DocContext, sent: Sentence) -> bool:
    """A date or a named official (not a reference) near the sentence's start; events and
    facts both ask of every sentence, so the answer is kept in the context."""
    key = ("opens", sent.start, sent.end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _opens_report(ctx, sent.start, sent.end)
    return found


def _opens_report(ctx: DocContext, start: int, end: int) -> bool:
    window = start + OPEN_WINDOW
    dates = ctx.mentions.dates.within(start, end)
    if dates and dates[0].start < window:  # in order of start: the first is the earliest
        return True
    for o in ctx.mentions.officials.within(start, end):
        if o.start >= window:
            break
        if not o.is_reference:
            return True
    return _org_opens(ctx, start, end)


def _org_opens(ctx: DocContext, start: int, end: int) -> bool:
    """省水利厅派出4个工作组… after a meeting's 部署: an organisation opening the sentence as
    the subject of a stated act is a new report; 县应急局要… (a modal in its clause) is
    still the instructions."""
    orgs = ctx.mentions.orgs.within(start, end)
    if not orgs or not P.org_opener.fullmatch(ctx.text, start, orgs[0].start):
        return False
    stop = clause_end(ctx.text, orgs[0].end, end)
    return not (P.directive_in_clause.search(ctx.text, orgs[0].end, stop)
                or speech_start(ctx.text, orgs[0].end, stop) < stop)


def sentences_by_paragraph(layout: Layout) -> dict[int, list[Sentence]]:
    """The layout's sentences grouped under their paragraph index."""
    grouped: dict[int, list[Sentence]] = {}
    for sent in layout.sentences:
        grouped.setdefault(sent.paragraph, []).append(sent)
    return grouped


HEADLINE_MAX = 40
LIST_MARKS = r"[•·●◆■□▪▶►\-\*\s]*"


@lru_cache(maxsize=2)
def _debris_re(meta: bool) -> re.Pattern[str]:
    """The debris patterns of metadata lines (``meta``) or of the other kinds."""
    kinds = [pattern for kind, pattern in read_table("story_debris.tsv") if (kind == "meta") == meta]
    # a list mark before the line (• 下一篇:…, ◆ 来源:…) does not hide it
    return compile_skipping(LIST_MARKS + "(?:" + "|".join(f"(?:{p})" for p in kinds) + ")")


def is_debris(text: str, start: int, end: int) -> bool:
    """A page line that is not the story: 发布时间/来源 metadata, 图为 captions, footers,
    navigation, e-paper page labels, lines without a Chinese character. A metadata opening
    followed by the story's own sentences on the same line ((记者:甲)9月27日，…。; …责任编辑:乙12月22日，…。)
    is not: the page ran the byline into the lead."""
    if _debris_re(False).match(text, start, end):
        return True
    return bool(_debris_re(True).match(text, start, end)) and not P.sentence_end.search(text, start, end)


def is_headline(ctx: DocContext, para: Paragraph) -> bool:
    """A short line with no sentence end that another paragraph follows: the item's
    headline (县委书记调研森林防火工作), which the paragraph below tells in full. A line
    ending with a colon introduces what follows (有关情况如下：): not a headline."""
    chunk = ctx.text[para.start:para.end].rstrip()
    if not chunk or chunk[-1] in "。！？!?；;：:”’）)" or len(chunk) > HEADLINE_MAX:
        return False
    paragraphs = ctx.layout.paragraphs
    return para.index + 1 < len(paragraphs) and \
        paragraphs[para.index + 1].section == para.section


def report_paragraphs(ctx: DocContext) -> Iterator[tuple[Paragraph, list[Sentence], bool]]:
    """The paragraphs events and facts read, with their sentences, headlines and page
    debris left out; the flag says a new (section, subsection) begins, where nothing
    carries over. Found once per document (events and facts both walk them); each walk
    gets its own sentence lists."""
    found = ctx.memo.get("report_paragraphs")
    if found is None:
        found = ctx.memo["report_paragraphs"] = tuple(_report_paragraphs(ctx))
    for para, sentences, fresh in found:
        yield para, list(sentences), fresh


def _report_paragraphs(ctx: DocContext) -> Iterator[tuple[Paragraph, list[Sentence], bool]]:
    by_para = sentences_by_paragraph(ctx.layout)
    place: tuple[str | None, str | None] | None = None
    for para in ctx.layout.paragraphs:
        if is_headline(ctx, para) or is_debris(ctx.text, para.start, para.end):
            continue  # a headline restates the item below it; debris is no story
        fresh = (para.section, para.subsection) != place
        place = (para.section, para.subsection)
        yield para, by_para.get(para.index, []), fresh


def headline_sentences(ctx: DocContext) -> list[Sentence]:
    """Headline lines whose numbers are facts (the contract): the title and short lines
    above the story, and headline paragraphs; no debris, dates, issue numbers or
    office lines."""
    layout = ctx.layout
    spans = [s for s in layout.masthead if s != layout.masthead_date
             and not _masthead_only(ctx.text[s[0]:s[1]])]
    spans += [(p.start, p.end) for p in layout.paragraphs if is_headline(ctx, p)]
    return [Sentence(s, e, -1, None, None) for s, e in sorted(set(spans))
            if not is_debris(ctx.text, s, e)]


def _masthead_only(line: str) -> bool:
    """Issue numbers and issuing offices of a bulletin's masthead state no facts."""
    return bool(P.masthead_line.search(line))
