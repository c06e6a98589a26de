"""Bulletin layout: masthead, section headers, lead labels, paragraphs, sentences.

Everything is a character span into the text as read. Header forms:
【领导动态】, 一、领导活动, 第一部分 …, and second-level （一）… under them;
subsection lead labels such as ``安全生产 10月11日，…`` may also stand in the
middle of a line after a sentence end (the real bulletin's 部门动态 does that).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .metadata import full_dates, is_date_line
from .records import slot_init
from .resources import read_words

_CN_NUM = "一二三四五六七八九十"
_BRACKET = re.compile(r"【([^【】\n]{1,24})】")
_ENUM1 = re.compile(rf"([{_CN_NUM}]{{1,3}})[、．.]\s*")
_PART = re.compile(rf"第([{_CN_NUM}\d]{{1,3}})部分[：:、\s\u3000]*")
_ENUM2 = re.compile(rf"[（(]([{_CN_NUM}]{{1,3}})[)）]\s*")
# 二、三季度…, 一、二月份…: a list of numerals before a period word, not an enumerator
_NUMERAL_LIST = re.compile(rf"[{_CN_NUM}]+(?:季度|月|年|个|次|期)")
_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*")
# the text up to and including the next _SENT_END, leading blanks apart (\s is str.isspace)
_SENTENCE = re.compile(r"\s*([^。！？!?]*[。！？!?]+[”’」』）)]*)")
# through the last sentence end and its closing quotes: past it _SENTENCE matches nowhere,
# yet a search would try it at every position left, each try reading to the end
_LAST_SENTENCE_END = re.compile(r"(?s:.*)[。！？!?][”’」』）)]*")
# A lead label: 2-12 characters of a name, then a space before the text it heads.
_LEAD = re.compile(r"([\u4e00-\u9fff（）()]{2,12})[ \u3000\t]+(?=\S)")
_DATEISH = re.compile(r"[0-9０-９一二三四五六七八九十〇零]|今年|去年|近日|近期|日前|本周|上周|本月|上月|当天|今天|昨天|昨日|连日")
_ISSUE_NO = re.compile(r"第\s*[\d０-９一二三四五六七八九十百零〇]+\s*期|总第\s*\d+\s*期|〔\d{4}〕\s*\d+\s*号")
_MAX_HEADER = 30


@slot_init  # thousands a text: built through the slots' setters
@dataclass(frozen=True, slots=True)
class Header:
    """A section (level 1) or subsection (level 2) header line."""

    start: int
    end: int
    name: str
    level: int
    kind: str  # bracket | enum | part | paren | lead


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of content under one section and subsection."""

    start: int
    end: int
    index: int
    section: str | None
    subsection: str | None
    label_start: int | None = None  # where a lead label opened this paragraph


@slot_init  # thousands a text: built through the slots' setters
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ends at 。！？ (with closing quotes) or a line end."""

    start: int
    end: int
    paragraph: int
    section: str | None
    subsection: str | None


@dataclass
class Layout:
    """The bulletin's structure as spans of the text as read."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    masthead: list[tuple[int, int]] = field(default_factory=list)
    masthead_date: tuple[int, int] | None = None
    headers: list[Header] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def sections(self) -> list[str]:
        return [h.name for h in self.headers if h.level == 1]

    @property
    def subsections(self) -> list[str]:
        return [h.name for h in self.headers if h.level == 2]

    @property
    def n_sections(self) -> int:
        return max(1, len(self.sections))


@lru_cache(maxsize=1)
def _title_words() -> tuple[str, ...]:
    return tuple(read_words("section_title_words.txt"))


@lru_cache(maxsize=1)
def _masthead_words() -> tuple[str, ...]:
    return tuple(read_words("section_masthead_words.txt"))


@lru_cache(maxsize=1)
def _not_labels() -> tuple[str, ...]:
    return tuple(read_words("section_not_label_endings.txt"))


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _header_name(raw: str) -> str:
    return raw.strip().rstrip("。：:；;，, \u3000")


def _split_enum(text: str, start: int, end: int, match: re.Match[str]) -> tuple[str, int] | None:
    """Name and content start of an enumerated header line, or None for a numbered paragraph."""
    body_start = start + match.end()
    body = text[body_start:end]
    if len(body) <= _MAX_HEADER and not _SENT_END.search(body.rstrip("。")):
        return _header_name(body), end
    first = re.search(r"[。：:]", body)
    if first and 1 < first.start() <= 20:
        return _header_name(body[: first.start()]), body_start + first.end()
    return None


def _match_header(text: str, start: int, end: int, in_section: bool) -> tuple[Header, int] | None:
    """A header at the start of a stripped line; returns it and where content resumes."""
    line = text[start:end]
    m = _BRACKET.match(line)
    if m:
        rest = start + m.end()
        if not text[rest:end].strip():
            return Header(start, end, _header_name(m.group(1)), 1, "bracket"), end
        if in_section:  # 【安全生产】10月11日，… inside a section is a lead label
            return Header(start, rest, _header_name(m.group(1)), 2, "lead"), rest
        return Header(start, rest, _header_name(m.group(1)), 1, "bracket"), rest
    m = _PART.match(line)
    if m:
        name = _header_name(line[m.end():]) if end - start - m.end() <= _MAX_HEADER else ""
        label = name or line[: m.end()].strip()
        return Header(start, end, label, 1, "part"), end
    for pattern, level, kind in ((_ENUM1, 1, "enum"), (_ENUM2, 2, "paren")):
        m = pattern.match(line)
        if m and not _NUMERAL_LIST.match(line, m.end() - len(m.group()) + len(m.group(1)) + 1):
            split = _split_enum(text, start, end, m)
            if split:
                name, resume = split
                return Header(start, resume if resume < end else end, name, level, kind), resume
    return None


def _is_masthead_line(line: str) -> bool:
    # a sentence is content, even before any header; nor is it a date line (a date holds
    # neither mark), so the first paragraph of a text is not run through the date patterns
    if "。" in line or "，" in line:
        return False
    if is_date_line(line):
        return True
    return bool(_ISSUE_NO.search(line)) or (
        len(line) <= 40 and any(w in line for w in _masthead_words()))


def _is_title_line(line: str) -> bool:
    return len(line) <= 30 and "。" not in line and any(w in line for w in _title_words())


def _lead_labels(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Lead labels in a content line: at its start, or right after a sentence end."""
    found: list[tuple[int, int, str]] = []
    anchors = [start] + [m.end() for m in _SENT_END.finditer(text, start, end)]
    for anchor in anchors:
        m = _LEAD.match(text, anchor, end)
        if not m:
            continue
        label = m.group(1)
        if label.endswith(_not_labels()):
            continue
        # Mid-line, a label must head a dated report, or it is just a spaced phrase.
        if anchor != start and not _DATEISH.match(text, m.end()):
            continue
        found.append((m.start(), m.end(), label))
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # one match a sentence, its leading blanks skipped (it ends on a mark, never a blank);
    # it fails only where no mark is left, so the matches run on one from the other
    last = _LAST_SENTENCE_END.match(text, start, end)
    matches = list(_SENTENCE.finditer(text, start, last.end())) if last else []
    spans = [(m.start(1), m.end()) for m in matches]
    s, e = _strip_span(text, matches[-1].end() if matches else start, end)
    if e > s:
        spans.append((s, e))
    return spans


class _Builder:
    """Walks the lines once, tracking the current section and subsection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.layout = Layout()
        self.section: str | None = None
        self.subsection: str | None = None
        self.seen_header = False
        self.seen_content = False
        self.last_plain: tuple[int, int] | None = None  # the last plain masthead line

    def add_paragraph(self, start: int, end: int, label_start: int | None = None) -> None:
        start, end = _strip_span(self.text, start, end)
        if end <= start:
            return
        index = len(self.layout.paragraphs)
        self.layout.paragraphs.append(
            Paragraph(start, end, index, self.section, self.subsection, label_start))
        section, subsection = self.section, self.subsection
        self.layout.sentences.extend([Sentence(s, e, index, section, subsection)
                                      for s, e in _sentences(self.text, start, end)])
        self.seen_content = True

    def preamble(self, start: int, end: int) -> bool:
        """Masthead and title lines before the first header and the first content."""
        if self.seen_header or self.seen_content:
            return False
        line = self.text[start:end]
        if _is_masthead_line(line):
            self.layout.masthead.append((start, end))
            if self.layout.masthead_date is None and full_dates(line):
                self.layout.masthead_date = (start, end)
            return True
        if self.layout.title is None and _is_title_line(line):
            title_start = start
            prev = self.layout.masthead[-1] if self.layout.masthead else None
            if prev and prev == self.last_plain and self.text[prev[1]:start].strip() == "":
                title_start = prev[0]  # 唐山市应急管理局 / 工作动态: a title over two lines
            self.layout.title = "".join(self.text[title_start:end].split())
            self.layout.title_span = (title_start, end)
            self.layout.masthead.append((start, end))
            return True
        if len(line) <= 30 and not re.search(r"[。，；！？]", line):
            # a short line before any header and content: the issuing office, a subtitle
            self.layout.masthead.append((start, end))
            self.last_plain = (start, end)
            if self.layout.masthead_date is None and full_dates(line):
                self.layout.masthead_date = (start, end)
            return True
        if re.fullmatch(r"[-—_=＝*·•\s]+", line):  # a rule under the masthead
            self.layout.masthead.append((start, end))
            return True
        return False

    def header(self, head: Header) -> None:
        self.layout.headers.append(head)
        if head.level == 1:
            self.section, self.subsection = head.name, None
        else:
            self.subsection = head.name
        self.seen_header = True

    def content_line(self, start: int, end: int) -> None:
        labels = _lead_labels(self.text, start, end) if self.seen_header else []
        if not labels:
            self.add_paragraph(start, end)
            return
        self.add_paragraph(start, labels[0][0])
        for i, (lstart, lend, name) in enumerate(labels):
            stop = labels[i + 1][0] if i + 1 < len(labels) else end
            self.header(Header(lstart, lend, name, 2, "lead"))
            self.add_paragraph(lend, stop, lstart)

    def line(self, start: int, end: int) -> None:
        start, end = _strip_span(self.text, start, end)
        if end <= start:
            return
        found = _match_header(self.text, start, end, self.section is not None)
        if not found and self.preamble(start, end):
            return
        if found:
            head, resume = found
            self.header(head)
            if resume < end:
                self.content_line(resume, end)
            return
        self.content_line(start, end)


def split_layout(text: str) -> Layout:
    """Find the masthead, headers, paragraphs and sentences of a bulletin."""
    builder = _Builder(text)
    for start, end in _lines(text):
        builder.line(start, end)
    return builder.layout
