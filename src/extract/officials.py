"""Officials: a title chain followed by a person's name (市委副书记、市长陈爱林),
and given-name references to superiors (伟明省长, 习近平总书记).

The title grammar is data (``gazetteers/title_*.tsv|txt``):
``[jurisdiction or body][organ]*[modifier]*rank``, e.g. 永州市|政协|副|主席,
江永县|委|常委, 管委会|常务副|主任, 市委|统战部|部长; units joined by 、 or 和
form one chain that belongs to the name after it. A name is a surname (single
or compound) plus one or two given characters; it ends where a word that
typically follows a name starts (就, 赴, 出席, 第一时间 …) or at a non-Han
character (秦志军10月8日).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from extract.gazetteer import LEVEL_RANK, Division, Gazetteer, Place, get_gazetteer
from extract.firstchars import compile_skipping, second_char_guard
from extract.records import Record, slot_init
from extract.resources import read_table, read_words
from extract.segment import jieba

# units joined by these before one name are that person's chain (县长，县政府党组书记赵刚)
# 兼 joins concurrent posts (副市长兼公安局长)
JOINERS = ("、", "和", "兼", "", "，", ",")
COMMAS = ("，", ",")
HAN = re.compile(r"[\u4e00-\u9fff]")
# middle dots between the parts of a foreign name (罗伯特·马尔登, 罗伯特•马尔登, 罗伯特．马尔登)
DOTS = frozenset("·•．")
TRANSLIT_MAX = 16
JOINER_IN_NAMES = "和"  # a joiner that also ends given names (王春和, 孟和)
NAME_JOINERS = frozenset("和与及、")  # letters and dots of one foreign name, all parts
NUMERALS = frozenset("一二三四五六七八九十两几百千万")
NAME_NUMERALS = frozenset("一万千")  # numerals that open two-character given names
JAPAN = ("日本", "日")  # the country before a title whose holder has a Japanese name
JAPANESE_MAX = 5  # 桥本龙太郎


@dataclass(frozen=True, slots=True)
class Official(Record):
    """A person with the title chain written next to the name."""

    name: str
    title: str | None  # None: listed without a title (甲、乙等县处级领导)
    jurisdiction: str | None
    jurisdictions: tuple[str, ...]
    jurisdiction_codes: tuple[str, ...]
    is_reference: bool
    name_start: int
    name_end: int
    title_start: int
    title_end: int


@slot_init  # one per rank word read: built through the slots' setters
@dataclass(frozen=True, slots=True)
class _Unit:
    """One [jurisdiction][organ][modifier]rank unit of a title chain."""

    start: int
    end: int
    place: Place | None
    prefix_level: str | None  # level of a bare prefix (市 -> city)
    implied_level: str | None  # level the rank names (市长 -> city)
    has_organ: bool
    person: int  # 1: follows a given name (剑锋书记); 0: a full name only; -1: never
    foreign: bool  # a title mostly held abroad (总统): a transliterated name comes first


class TitleGrammar:
    """Compiled word lists of the title grammar and of personal names."""

    def __init__(self) -> None:
        ranks = read_table("title_ranks.tsv")
        self.rank_implies = {r[0]: (r[1] or None) for r in ranks}
        self.rank_person = {r[0]: int(r[2] or 0) for r in ranks}
        self.rank_foreign = frozenset(r[0] for r in ranks if len(r) > 3 and r[3] == "1")
        mods = sorted(read_words("title_modifiers.txt"), key=len, reverse=True)
        # the rank words as one alternation, longest first (other patterns reuse it)
        self.rank_alt = rank_alt = "|".join(map(re.escape, sorted(self.rank_implies, key=len,
                                                                  reverse=True)))
        mod_alt = "|".join(map(re.escape, mods))
        # 委员 must not be read inside 委员会 (an organ, not a rank); 总理会见 is a rank + verb
        # skipping positions where no modifier or rank can begin: six times faster; the
        # ranks tried only where the next character can be a rank's second (twice as fast)
        self.rank_re = compile_skipping(
            f"(?:{mod_alt})*{second_char_guard(self.rank_implies)}(?P<rank>{rank_alt})(?!会(?!见|晤|谈))")
        organs = set(read_words("title_organs.txt"))
        bodies = read_words("org_bodies.txt")
        for body in bodies:
            for suffix in ("局", "厅", "委", "办", "委员会", "支队", "大队", "中心", "部"):
                organs.add(body + suffix)
        self.organs = frozenset(organs)
        self.organ_lengths = sorted({len(o) for o in organs}, reverse=True)
        self.prefixes = {r[0]: r[1] for r in read_table("title_jurisdictions.tsv")}
        self.prefix_lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
        # the same lengths per last character: the title walk asks at every rank whether an
        # organ or prefix ends here, and most characters end none (or only a few lengths)
        self._organ_ends = _lengths_by_last(self.organs)
        self._prefix_ends = _lengths_by_last(self.prefixes)
        surnames = read_words("person_surnames.txt")
        self.compound_surnames = frozenset(s for s in surnames if len(s) == 2)
        self.surnames = frozenset(s for s in surnames if len(s) == 1)
        self.follow = tuple(sorted(read_words("person_follow_words.txt"), key=len, reverse=True))
        self.follow_long = tuple(w for w in self.follow if len(w) >= 2)
        self.follow_single = frozenset(w for w in self.follow if len(w) == 1)
        # 园区, 社区 before a title: a body, not the bare prefix 区
        self.generic_places = frozenset(read_words("place_stopwords.txt"))
        self.nonname = frozenset(read_words("person_nonname_chars.txt"))
        self.first_given = frozenset(read_words("person_first_given_chars.txt"))
        self.ref_cues = tuple(sorted(read_words("person_reference_cues.txt"), key=len, reverse=True))
        self.leads = tuple(sorted(set(read_words("person_lead_words.txt")) | set(self.ref_cues),
                                  key=len, reverse=True))
        self.address = tuple(read_words("person_address_words.txt"))
        self.not_before_title = frozenset(read_words("person_not_before_title.txt"))
        self.pre_modifiers = tuple(sorted(read_words("title_pre_modifiers.txt"), key=len, reverse=True))
        self.translit = frozenset("".join(read_words("person_translit_chars.txt"))) - DOTS
        self.minority = frozenset("".join(read_words("person_minority_chars.txt")))
        self.translit_wide = self.translit | self.minority
        self.country_shorts = frozenset(read_words("title_country_shorts.txt"))
        self.countries = frozenset(read_words("place_countries.txt"))
        self.party_prefixes = tuple(read_words("title_party_prefixes.txt"))
        self.name_chars = self.surnames | self.translit  # a name may run on through these
        self.rank_suffixes = tuple(read_words("title_rank_suffixes.txt"))
        groups = "|".join(map(re.escape, sorted(read_words("title_untitled_groups.txt"), key=len, reverse=True)))
        # 等 + up to 12 characters of rank, kind or body (县处级, 市直部门, 常州经开区党政班子) + the group word
        self.untitled_re = compile_skipping(f"等[^，。；：、\\s,;:]{{0,12}}?(?:{groups})")
        # the text last read and the names read in it by (position, foreign): the chains,
        # the lists, the shared titles and the organisations ask at the same positions
        # (one pair, replaced whole, so another thread never sees one text's answers under another's)
        self._names: tuple[str | None, dict[tuple[int, bool], tuple[int, int] | None]] = (None, {})

    # ---- names ---------------------------------------------------------
    def _given_ok(self, s: str) -> bool:
        # 一, 万, 千 open many given names (沈一鸣, 田万东, 李千里); other numerals, and these
        # alone, are not names; 在, 为 … open given names (郭在根, 王为民) but end none (李明|在会上)
        return all(HAN.match(ch) and ch not in self.nonname
                   and (ch not in NUMERALS or (ch in NAME_NUMERALS and i == 0 and len(s) == 2)
                        or (ch == "一" and i == len(s) - 1))
                   and (ch not in self.first_given or (i == 0 and len(s) == 2))
                   for i, ch in enumerate(s))

    def _ends_name(self, text: str, pos: int) -> bool:
        if pos < len(text) and text[pos] == "·":
            return False  # 罗朗·雷斯: the name goes on
        return pos >= len(text) or not HAN.match(text[pos]) or text.startswith(self.follow, pos)

    def read_name(self, text: str, pos: int, foreign: bool = False) -> tuple[int, int] | None:
        """The name starting at ``pos`` as (start, end), or None (``_read_name``), read once
        per text, position and ``foreign``."""
        held, answers = self._names
        if held is not text:
            answers = {}
            self._names = (text, answers)
        key = (pos, foreign)
        if key in answers:  # None is an answer too
            return answers[key]
        found = answers[key] = self._read_name(text, pos, foreign)
        return found

    def _read_name(self, text: str, pos: int, foreign: bool = False) -> tuple[int, int] | None:
        """The name starting at ``pos`` as (start, end), or None: a Chinese name
        whose end is clear, else a transliterated foreign name, else a 3-character
        name that jieba segments the same way. After a foreign title (``foreign``:
        总统, 日本首相) the transliteration is read first when it is at least as long,
        or when the Chinese reading has no clear end and jieba reads the transliteration
        as one word (普京|批准, not the surname 普 with 京批). A minority name (阿不都热依木, 乌力吉木仁) wins over a Chinese reading that fails
        or is shorter."""
        if text.startswith(self.follow_long, pos):
            return None  # 强调, 指出: a verb, not a surname
        chinese, clear = self._read_chinese(text, pos)
        translit = self._read_translit(text, pos)
        if foreign and translit is not None and not self._ends_name(text, translit[1]):
            translit = _cut_at_word(text, translit)
        minority = self._minority_reading(text, pos)
        if minority is not None and (translit is None or minority[1] > translit[1]) \
                and (chinese is None or minority[1] > chinese[1]):
            return minority
        if translit is not None and (
                (foreign and (chinese is None or translit[1] >= chinese[1]
                              or (not clear and _first_word(text, pos) == text[pos:translit[1]])))
                or any(ch in DOTS for ch in text[pos:translit[1]])
                or (not clear and (chinese is None or translit[1] > chinese[1]))):
            return translit
        if chinese is not None and clear:
            if chinese[1] - chinese[0] == 2 and (text.startswith("的", chinese[1]) or text.startswith(
                    self.follow_long, chinese[1])) and _common_word(text[chinese[0]:chinese[1]]):
                return None  # 国王任命|的, 县长明确|指出: a common word before 的 or a verb
            return chinese
        # an unclear end: trust a 3-character name only when jieba reads the same
        # word there (张敬涛|召集 yes; 满意|地说, 周二|晚 no)
        if chinese is not None and chinese[1] - chinese[0] == 3 \
                and not NUMERALS.intersection(text[chinese[0]:chinese[1]]) \
                and (_first_word(text, pos) == text[chinese[0]:chinese[1]]
                     or _word_after(text, pos, chinese[1])):
            return chinese
        if chinese is not None and chinese[1] - chinese[0] == 3 and not foreign \
                and text[pos:pos + 2] not in self.compound_surnames \
                and self._given_ok(text[pos + 1]) and not text.startswith(self.follow, pos + 1):
            return _two_then_word(text, chinese[0])  # (日本首相|官邸发言人, 王|在会上: no name)
        return None

    def _read_translit(self, text: str, pos: int, wide: bool = False) -> tuple[int, int] | None:
        """A foreign name: the longest run of the transliteration alphabet from ``pos``
        (``wide``: with the letters of minority names), parts joined by a middle dot,
        ending before any other character or a word that follows names (叶利钦|今天,
        哈塔米|希望). A part after a dot is read to its clear end even past the alphabet
        (买买提江·吾守尔|出席). Two letters at least."""
        alphabet = self.translit_wide if wide else self.translit
        end, part = pos, 0
        while end < len(text) and end - pos < TRANSLIT_MAX:
            ch = text[end]
            if ch in DOTS:
                if part == 0 or end + 1 >= len(text) or text[end + 1] in self.nonname:
                    break
                if text[end + 1] not in alphabet:
                    # 艾尔肯·吐尼亚孜: the part after the dot is read to its end
                    after = self._dotted_part_end(text, end + 1, end + 1)
                    end = after if after > end + 1 else end
                    break
                part = 0
            elif ch not in alphabet or (ch in self.nonname and not (wide and ch in self.minority)) \
                    or (part >= 2 and text.startswith(self.follow, end)):
                if part == 1 and any(c in DOTS for c in text[pos:end]):
                    end = self._dotted_part_end(text, end - part, end)  # 买买提江·吾守尔
                break
            else:
                part += 1
            end += 1
        if end - pos < 2 or text[end - 1] in DOTS:
            return None
        return pos, end

    def _dotted_part_end(self, text: str, part_start: int, end: int) -> int:
        """The end of the last part of a dotted name (吾守尔, 吐尼亚孜): Han characters on
        to a clear end (a word that follows names, punctuation) within six letters;
        ``end`` (the alphabet's end) when none comes."""
        for e in range(end, min(len(text), part_start + 6) + 1):
            if e > part_start + 1 and self._ends_name(text, e):
                return e
            if e < len(text) and (not HAN.match(text[e]) or text[e] in self.nonname):
                break
        return end

    def _minority_reading(self, text: str, pos: int) -> tuple[int, int] | None:
        """A minority name without a dot (阿不都热依木, 阿拉腾宝力格, 次仁央宗): a run of the
        wide alphabet of three letters or more that ends clearly (出席, 等, 、) and does not
        start with a function word (和, 都)."""
        if text[pos:pos + 1] in NAME_JOINERS or text[pos:pos + 1] in self.nonname - self.minority:
            return None
        span = self._read_translit(text, pos, wide=True)
        if span is None or sum(ch not in DOTS for ch in text[span[0]:span[1]]) < 3 \
                or not self._ends_name(text, span[1]):
            return None
        return span

    def translit_before(self, text: str, pos: int) -> tuple[int, int] | None:
        """A foreign name written right before a title (克林顿|总统, 若斯潘|总理): a run of
        the alphabet (and dots) back to a character outside it; three letters at least,
        or two after punctuation; never a country or place name."""
        start = pos
        while start > 0 and pos - start < TRANSLIT_MAX and (
                text[start - 1] in self.translit and text[start - 1] not in self.nonname
                or (text[start - 1] in DOTS and start < pos)):
            start -= 1
        while start < pos and text[start] in DOTS:
            start += 1
        n = sum(ch not in DOTS for ch in text[start:pos])
        if n < 2 or (n < 3 and start > 0 and HAN.match(text[start - 1])):
            return None
        if self._not_a_name(text[start:pos]):
            return None
        return start, pos

    def foreign_before(self, text: str, pos: int) -> bool:
        """A country named right before a title chain (俄罗斯总统, 美国国务卿, 叙总统, 印度前总理)."""
        for w in self.pre_modifiers:
            if text.endswith(w, 0, pos):
                pos -= len(w)
                break
        if text[pos - 1:pos] in self.country_shorts:
            return True
        return any(text[pos - n:pos] in self.countries or text[pos - n:pos].endswith("国")
                   for n in (2, 3, 4) if pos - n >= 0 and HAN.match(text[pos - n]))

    def japanese_before(self, text: str, pos: int) -> bool:
        """日本首相, 日外相, 日本前首相: the name after the title is written in Chinese
        characters but is no surname + given name (桥本龙太郎, 岸田文雄)."""
        for w in self.pre_modifiers:
            if text.endswith(w, 0, pos):
                pos -= len(w)
                break
        return text.endswith(JAPAN, 0, pos)

    def read_japanese(self, text: str, pos: int) -> tuple[int, int] | None:
        """A Japanese name after a Japanese title: the longest run of three to five Han
        characters, up to the first word that follows names (小渊惠三|说), that ends
        clearly (a follow word, punctuation) or where jieba ends a word and reads a word
        of two or more characters next (岸田文雄|领导); no part of it an everyday word
        (官邸|发言人) and no verb first (表示)."""
        if text.startswith(self.follow_long, pos):
            return None
        limit = next((k for k in range(2, JAPANESE_MAX + 1) if text.startswith(self.follow, pos + k)),
                     JAPANESE_MAX)
        ends, at = {}, pos
        for word in jieba().cut(text[pos:pos + JAPANESE_MAX + 4]):
            at += len(word)
            ends[at] = word
        for n in range(limit, 2, -1):
            end = pos + n
            run = text[pos:end]
            if len(run) < n or not all(HAN.match(c) and c not in self.nonname for c in run) \
                    or any(e <= end and len(w) >= 2 and _common_word(w) for e, w in ends.items()):
                continue
            nxt = next((w for e, w in ends.items() if e - len(w) == end), "")
            if self._ends_name(text, end) or (end in ends and len(nxt) >= 2 and HAN.match(nxt)):
                return pos, end
        return None

    def _read_chinese(self, text: str, pos: int) -> tuple[tuple[int, int] | None, bool]:
        """(span, clear): a surname + 1-2 given characters; ``clear`` when a
        follow word, a non-Han character or the end of text closes it."""
        if text[pos:pos + 1] in self.nonname:
            return None, False  # 和, 与: a joiner, not a surname here
        if text[pos:pos + 2] in self.compound_surnames:
            s = 2
        elif text[pos:pos + 1] in self.surnames:
            s = 1
        else:
            return None, False
        if text[pos] in self.first_given and text.startswith(self.follow_long, pos + s):
            return None, False  # 于|会上, 于|近日: the preposition, not the surname 于
        if text.startswith(self.address, pos + s):
            return None, False  # 施|先生, 张|女士: a surname with a form of address, no name
        ends_he = self._ends_with_joiner_char(text, pos + s)
        if ends_he is not None:
            return (pos, ends_he), True
        fallback = None
        for g in (2, 1):
            end = pos + s + g
            if end > len(text) or not self._given_ok(text[pos + s:end]):
                continue
            if g == 1 and text[pos + s] in self.follow:
                continue  # 曾来到: 曾 + a verb, not a name
            if g == 2 and text.startswith(self.follow_long, end - 1) \
                    and self._given_ok(text[pos + s:end - 1]):
                return (pos, end - 1), True  # 周雄陪同: a two-character follow word starts inside
            if self._ends_name(text, end):
                if g == 2 and text[end - 1] in self.follow_single and not text.startswith(self.follow, end) \
                        and text[end:end + 1] != "、" and self._given_ok(text[pos + s:end - 1]):
                    return (pos, end - 1), True  # 杨华到。: the verb ends the name (李青来、: a list item)
                return (pos, end), True
            if fallback is None and g == 2:
                fallback = (pos, end)
        return fallback, False

    def _ends_with_joiner_char(self, text: str, given: int) -> int | None:
        """The end of a name whose given part ends with 和 (王春和, 孟和), or None: 和 ends
        the name only when what follows it ends a name (a verb, punctuation); before a
        title or another name it joins two people (王春和副市长李四, 王春和李四)."""
        for g in (2, 1):
            end = given + g
            if text[end - 1:end] != JOINER_IN_NAMES or not self._given_ok(text[given:end - 1]):
                continue
            if end >= len(text) or not HAN.match(text[end]) \
                    or (text.startswith(self.follow, end) and text[end] not in NAME_JOINERS):
                return end
        return None

    def name_before(self, text: str, pos: int, person: int = 1) -> tuple[int, int] | None:
        """A name written right before a title: a full name (习近平总书记, 高清副市长,
        欧阳明辉副县长), a given name alone before a form of address (伟明省长) after a
        cue, or a surname alone before a form of address (江主席, 汤局长) after a lead."""
        if person < 0:
            return None
        for n0 in (pos - 4, pos - 3, pos - 2):
            if n0 >= 0 and self._full_name_before(text, n0, pos):
                return n0, pos
        if person > 0 and pos >= 2 and self._given_ok(text[pos - 2:pos]) and self._cue_before(text, pos - 2) \
                and not self._not_a_name(text[pos - 2:pos]):
            return pos - 2, pos
        if person > 0 and pos >= 1 and text[pos - 1] in self.surnames and text[pos - 1] not in self.not_before_title \
                and self._lead_before(text, pos - 1):
            return pos - 1, pos
        return None

    def _full_name_before(self, text: str, n0: int, pos: int) -> bool:
        """text[n0:pos] is a surname + 1-2 given characters standing alone: jieba reads a
        3-character one as one word, or a lead (punctuation, 由, 了) stands before it."""
        word = text[n0:pos]
        s = 2 if word[:2] in self.compound_surnames else 1 if word[:1] in self.surnames else 0
        if not s or not 1 <= len(word) - s <= 2 or word[0] in self.not_before_title \
                or word.endswith(self.pre_modifiers) or word.startswith(self.leads) \
                or not self._given_ok(word[s:]) or self._not_a_name(word):
            return False
        if self._lead_before(text, n0):
            return True
        return len(word) == 3 and s == 1 and _first_word(text, n0) == word

    def _lead_before(self, text: str, pos: int) -> bool:
        """A name can start at ``pos``: the text starts there, or punctuation or a lead
        word (由, 了, 对, 落实) stands before it."""
        return pos == 0 or not HAN.match(text[pos - 1]) or text.endswith(self.leads, 0, pos)

    def reference_before(self, text: str, n0: int, n1: int) -> bool:
        """A name before a title is a reference (not an actor) when it is a given name
        alone (伟明省长) or a surname alone (江主席), or follows a cue (学习习近平总书记)."""
        word = text[n0:n1]
        full = (word[:2] in self.compound_surnames and len(word) > 2) \
            or (word[:1] in self.surnames and len(word) > 1)
        return not full or self._cue_before(text, n0)

    def _not_a_name(self, word: str) -> bool:
        """落实, 湖北, 伊拉克, 法国: words that stand before titles but are not names."""
        # 美国, 法国: a two-character word in 国 is a country; 邹宏国, 张建国 are names
        return (word in self.countries or (len(word) <= 2 and word.endswith("国")) or word in self.follow
                or word in self.ref_cues or get_gazetteer().names_a_place(word))

    def _cue_before(self, text: str, pos: int) -> bool:
        """A reference follows punctuation or a cue word (落实, 学习, 和)."""
        return text.endswith(self.ref_cues, 0, pos)

    # ---- titles --------------------------------------------------------
    def organ_before(self, text: str, pos: int) -> int:
        for n in self._organ_ends.get(text[pos - 1:pos], ()):
            if pos - n >= 0 and text[pos - n:pos] in self.organs:
                return n
        return 0

    def organ_through(self, text: str, pos: int) -> int:
        """An organ whose last character is the rank's first (公安局|长 for 公安局局长,
        财政厅|长): how many characters it starts before ``pos``; 0 when none."""
        for n in self._organ_ends.get(text[pos:pos + 1], ()):
            if n >= 2 and pos + 1 - n >= 0 and text[pos + 1 - n:pos + 1] in self.organs:
                return n - 1
        return 0

    def prefix_before(self, text: str, pos: int) -> str | None:
        for n in self._prefix_ends.get(text[pos - 1:pos], ()):
            if pos - n >= 0 and text[pos - n:pos] in self.prefixes:
                return text[pos - n:pos]
        return None


def _first_word(text: str, pos: int) -> str:
    """jieba's first word at ``pos`` (a secondary signal; jieba loads on first use)."""
    return next(iter(jieba().cut(text[pos:pos + 8])), "")


def _cut_at_word(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A run of the alphabet with no clear end is cut where jieba reads a dictionary word
    that starts inside it and runs past it (普京|通电话: 通 is not the name's; a word jieba
    only guessed, 马克|龙互, cuts nothing); None when that leaves fewer than two letters."""
    start, end = span
    if any(ch in DOTS for ch in text[start:end]):
        return span  # a dotted name's last part is read by its own rule (_dotted_part_end)
    at = start
    seg = jieba()
    for word in seg.cut(text[start:end + 4]):
        if at > start and at + len(word) > end and seg.dt.FREQ.get(word, 0) > 0:
            return (start, at) if at - start >= 2 else None
        at += len(word)
        if at >= end:
            break
    return span


def _two_then_word(text: str, pos: int) -> tuple[int, int] | None:
    """王健|汇报, 姚健|的: a 3-character reading with no clear end whose third character
    starts the next word is a 2-character name, when jieba reads the two characters as one
    word and what follows as a dictionary word of two or more characters, or 的."""
    seg = jieba()
    words = list(seg.cut(text[pos:pos + 8]))
    if len(words) < 2 or len(words[0]) != 2 or not HAN.match(words[1]) or _common_word(words[0]):
        return None  # 全面|实行, 任命|的: a common word, not a name
    if words[1] == "的" or (len(words[1]) >= 2 and seg.dt.FREQ.get(words[1], 0) > 0):
        return pos, pos + 2
    return None


def _word_after(text: str, pos: int, end: int) -> bool:
    """jieba ends a word at ``end`` and reads a word of two or more characters from there
    (何建新|专门, 张建国|专程): what follows the name, not its last character, is a word."""
    n = 0
    for i, w in enumerate(jieba().cut(text[pos:end + 6])):
        if n == end - pos:
            return len(w) >= 2 and HAN.match(w) is not None
        if i == 0 and len(w) != 1:
            return False  # 任期|中, 王诚|做: jieba reads a word across the surname
        n += len(w)
        if n > end - pos:
            return False
    return False


def _lengths_by_last(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each last character, the lengths of the words ending in it, longest first."""
    found: dict[str, set[int]] = {}
    for w in words:
        if w:
            found.setdefault(w[-1], set()).add(len(w))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in found.items()}


@lru_cache(maxsize=1)
def get_grammar() -> TitleGrammar:
    return TitleGrammar()


def _units(text: str, g: TitleGrammar, places: list[Place]) -> list[_Unit]:
    from extract.orgs import org_spans  # noqa: PLC0415 - orgs imports this module

    by_end = {p.end: p for p in places if p.level != "township" or p.form != "short"}
    by_start = {p.start: p for p in by_end.values()}
    org_by_end = {e: s for s, e, _ in org_spans(text, places)}
    units: list[_Unit] = []
    for m in g.rank_re.finditer(text):
        start, organ = m.start(), False
        walk = [start]
        n = g.organ_before(text, start)  # asked once here, not again by the loop below
        if not n and (through := g.organ_through(text, start)):
            start -= through  # 公安局长: the organ's 局 is the rank's 局, written once
            organ = True
            walk.append(start)
            n = g.organ_before(text, start)
        while n:
            start -= n
            organ = True
            walk.append(start)
            n = g.organ_before(text, start)
        # 市安委办|主任, 市文化广播电视和旅游局|党组|书记: an organisation ending inside the
        # organs read (or at the rank) is read whole below, not its piece 委办 or 局党组
        cut = next((p for p in walk if org_by_end.get(p, p) < start), None) if org_by_end else None
        if cut is not None and cut > start and start not in by_end \
                and not _in_generic_place(text, org_by_end[cut], g):
            start = cut
        place = by_end.get(start)
        prefix_level = None
        if place is None and org_by_end.get(start, start) < start:
            # an organisation written out before the rank (区城市更新中心|主任)
            start, organ = org_by_end[start], True
            place = by_start.get(start)
            prefix = next((p for p in g.prefixes if text.startswith(p, start)), None)
            if place is None and prefix is not None:
                prefix_level = g.prefixes[prefix]
        elif place is None:
            prefix = g.prefix_before(text, start)
            # a bare prefix only counts when an organ or rank follows it directly
            if prefix is not None:
                prefix_level = g.prefixes[prefix]
                start -= len(prefix)
                place = by_end.get(start)
                # 全县|安办主任 reads the generic word whole; 乙和|县安办主任 keeps the joiner out
                generic = next((w for n in (3, 2) if (w := text[max(0, start + len(prefix) - n):start + len(prefix)])
                                in g.generic_places and len(w) == n and w[0] not in NAME_JOINERS), None)
                if place is None and generic is not None:
                    start, prefix_level = start + len(prefix) - len(generic), None
                    if not generic.startswith("全") and (named := by_end.get(start)) is not None:
                        start = _outer_places_start(named, by_end)  # 常州|经开区党工委书记: the zone's name
        if place is not None:
            start = _outer_places_start(place, by_end)
        # one tuple test each before the word-by-word reads below: most ranks have neither
        if text.endswith(g.party_prefixes, 0, start) and \
                (party := next((p for p in g.party_prefixes if text.endswith(p, 0, start)), None)):
            start -= len(party)  # 中共|永州市委书记: the party's name is written as part of it
        end = m.end()
        if text.startswith(g.rank_suffixes, end):
            for suffix in g.rank_suffixes:
                if text.startswith(suffix, end):
                    end += len(suffix)
        rank = m.group("rank")
        units.append(_Unit(start, end, place, prefix_level, g.rank_implies[rank],
                           organ, g.rank_person[rank], rank in g.rank_foreign))
    return units


def _outer_places_start(place: Place, by_end: dict[int, Place]) -> int:
    """北京市怀柔区委书记, 盐城阜宁县委书记: the divisions written right before the
    title's own place, each enclosing the next, are part of the title as written."""
    start = place.start
    while (outer := by_end.get(start)) is not None and _encloses(outer, place):
        start, place = outer.start, outer
    return start


def _encloses(outer: Place, inner: Place) -> bool:
    digits = {"province": 2, "city": 4}.get(outer.level)
    return digits is not None and LEVEL_RANK[inner.level] > LEVEL_RANK[outer.level] \
        and inner.code[:digits] == outer.code[:digits]


def _in_generic_place(text: str, pos: int, g: "TitleGrammar") -> bool:
    """园区党工委: the organisation match began inside a generic place word (园区)."""
    return any(text[max(0, pos - k):pos + 1] in g.generic_places for k in (1, 2))


def _chains(text: str, units: list[_Unit], g: TitleGrammar) -> list[list[_Unit]]:
    """Units joined by 、, 和 or nothing form one chain; across a comma only when the
    units after it again end in a rank right before a name (局长，市安委办主任李阳): two
    bare titles in a row (县委书记，县长) stay apart."""
    chains: list[list[_Unit]] = []
    for i, u in enumerate(units):
        joiner = text[chains[-1][-1].end:u.start] if chains else None
        if joiner in JOINERS and (joiner not in COMMAS or _named_after(text, units, i, g)):
            chains[-1].append(u)
        else:
            chains.append([u])
    return chains


def _named_after(text: str, units: list[_Unit], i: int, g: TitleGrammar) -> bool:
    """A name follows the run of units from ``i`` joined without a comma."""
    end = units[i].end
    for u in units[i + 1:]:
        if text[end:u.start] not in JOINERS or text[end:u.start] in COMMAS:
            break
        end = u.end
    return g.read_name(text, end) is not None


def _level_div(gaz: Gazetteer, reg: Division | None, level: str | None) -> Division | None:
    if reg is None or level is None or level == "country":
        return None
    if level == "city":
        if reg.level == "county" and reg.name.endswith("市"):
            return reg  # 市委 in a county-level city's bulletin (武夷山市) is that city
        return gaz.city_of(reg.code) if reg.level != "province" else None
    if level == "province":
        return gaz.ancestor(reg.code, "province")
    if level == "county":
        return gaz.county_of(reg.code) if reg.level in ("county", "township") else None
    return reg if reg.level == "township" else None


def _jurisdictions(gaz: Gazetteer, reg: Division | None, chain: list[_Unit]) -> list[Division]:
    out: list[Division] = []
    prev: Division | None = None
    for u in chain:
        div: Division | None = None
        if u.place is not None:
            div = gaz.division(u.place.code)
        else:
            level = u.prefix_level or u.implied_level
            if prev is not None and (level is None or prev.level == level):
                div = prev
            else:
                div = _level_div(gaz, reg, level) or (prev if level in ("county", "township") else None)
        if div is not None and div not in out:
            out.append(div)
        prev = div or prev
    return out


@dataclass(frozen=True, slots=True)
class Title(Record):
    """A title chain, with or without a name next to it (市委副书记、市长)."""

    jurisdiction: str | None
    jurisdictions: tuple[str, ...]


def parse_titles(text: str, *, region: str | Division | None = None) -> list[Title]:
    """Every title chain in ``text`` in text order, named person or not."""
    gaz, g = get_gazetteer(), get_grammar()
    reg = region if isinstance(region, Division) else gaz.resolve_region(region)
    out = []
    for chain in _chains(text, _units(text, g, gaz.parse_places(text, region=reg)), g):
        names = tuple(d.name for d in _jurisdictions(gaz, reg, chain))
        s, e = chain[0].start, chain[-1].end
        out.append(Title(s, e, text[s:e], names[0] if names else None, names))
    return out


def parse_officials(text: str, *, region: str | Division | None = None,
                    places: list[Place] | None = None) -> list["Official"]:
    """Officials named in ``text`` in text order: title chain + name, or a
    given-name reference (伟明省长, is_reference=True). ``places`` (parse_places of the
    same text and region) saves reading the places again."""
    gaz, g = get_gazetteer(), get_grammar()
    reg = region if isinstance(region, Division) else gaz.resolve_region(region)
    if places is None:
        places = gaz.parse_places(text, region=reg)
    out: list[Official] = []
    for chain in _chains(text, _units(text, g, places), g):
        t_start, t_end = chain[0].start, chain[-1].end
        divs = _jurisdictions(gaz, reg, chain)
        names = tuple(d.name for d in divs)
        codes = tuple(d.code for d in divs)
        foreign = any(u.foreign for u in chain) or g.foreign_before(text, t_start)
        span = g.read_name(text, t_end, foreign)
        if span is None and foreign and g.japanese_before(text, t_start):
            span = g.read_japanese(text, t_end)
        if span is not None:
            n0, n1 = span
            out.append(Official(t_start, n1, text[t_start:n1], text[n0:n1], text[t_start:t_end],
                                names[0] if names else None, names, codes, False,
                                n0, n1, t_start, t_end))
            continue
        bare = len(chain) == 1 and chain[0].place is None and not chain[0].has_organ \
            and chain[0].prefix_level is None
        if bare:
            before = g.name_before(text, t_start, chain[0].person)
            if before is None and chain[0].person >= 0:
                before = g.translit_before(text, t_start)
            if before is not None and (not out or out[-1].end <= before[0]):
                n0, n1 = before
                out.append(Official(n0, t_end, text[n0:t_end], text[n0:n1], text[t_start:t_end],
                                    names[0] if names else None, names, codes,
                                    g.reference_before(text, n0, n1), n0, n1, t_start, t_end))
    out = _with_shared_titles(text, out, get_grammar())
    out = _with_untitled_lists(text, out, g)
    out = _with_given_mentions(text, out, g)
    out = _with_local_units(text, out, places)
    out = _with_named_county(out, places, reg, g)
    out = _with_zone_region(out, reg)
    return _with_listed_peers(text, _with_repeats(text, out), g)


def _with_listed_peers(text: str, found: list[Official], g: TitleGrammar) -> list[Official]:
    """王敏、韩建中、包嘉颖、陈健赴…; 李志龙、钟孚一行: names listed with officials read
    already are officials too, their titles not written here (title None)."""
    taken = _Taken([(o.start, o.end) for o in found])
    extra: list[Official] = []
    for o in found:
        if o.is_reference:
            continue
        peers = _names_listed_before(text, o.start - 1, g) if text[o.start - 1:o.start] == "、" else []
        peers += _names_listed_after(text, o.end, g)
        for n0, n1 in peers:
            if taken.holds(n0) or any(e.start == n0 for e in extra):
                continue
            if _common_word(text[n0:n1]) and not _surname_and_given(text[n0:n1], g):
                continue  # 自然资源、林业: departments, not people
            extra.append(Official(n0, n1, text[n0:n1], text[n0:n1], None, None, (), (), False,
                                  n0, n1, n0, n0))
    return sorted(found + extra, key=lambda x: x.start) if extra else found


def _names_listed_after(text: str, end: int, g: TitleGrammar) -> list[tuple[int, int]]:
    """The names of a 、-list going on after ``end``, one whole name each; the list stops at
    the first item that is not a name (县长甲 is read by its title)."""
    out: list[tuple[int, int]] = []
    while text[end:end + 1] == "、":
        span = g.read_name(text, end + 1)
        if span is None or span[0] != end + 1:
            break
        if text[span[1]:span[1] + 1] != "、" and g.rank_re.search(text, span[1], _clause_stop(text, span[1])):
            break  # 萨拉托、斐济驻华大使李振凡: the item opens the next title chain
        out.append(span)
        end = span[1]
    return out


def _clause_stop(text: str, pos: int) -> int:
    m = _CLAUSE_MARK.search(text, pos)
    return m.start() if m else len(text)


_CLAUSE_MARK = re.compile("[，。；：！？,;:!?\n]")


def _with_shared_titles(text: str, found: list[Official], g: TitleGrammar) -> list[Official]:
    """副市长韩文博、杜晓燕: names listed after one title share it."""
    extra: list[Official] = []
    for o in found:
        pos = o.end
        while not o.is_reference and text.startswith("、", pos):
            span = g.read_name(text, pos + 1)
            if span is None or any(f.start <= span[0] < f.end for f in found) \
                    or g._not_a_name(text[span[0]:span[1]]):
                break  # 大使甲、斐济驻华大使乙: a country opens the next title, no name
            n0, n1 = span
            extra.append(Official(n0, n1, text[n0:n1], text[n0:n1], o.title, o.jurisdiction,
                                  o.jurisdictions, o.jurisdiction_codes, False, n0, n1,
                                  o.title_start, o.title_end))
            pos = n1
    return sorted(found + extra, key=lambda x: x.start) if extra else found


def _given_part(name: str, g: TitleGrammar) -> str:
    s = 2 if name[:2] in g.compound_surnames and len(name) > 3 else 1
    return name[s:]


def _with_given_mentions(text: str, found: list[Official], g: TitleGrammar) -> list[Official]:
    """小兰、衍志同志 / 建华书记 after 副县长王小兰 … 李衍志: a two-character given name of an
    official already named with a title is that official (full name, first title). A
    reference read there (建华书记 as a superior) gives way to it."""
    known: dict[str, Official] = {}
    for o in found:
        given = _given_part(o.name, g)
        if not o.is_reference and o.title and len(given) == 2:
            known.setdefault(given, o)
    if not known:
        return found
    replaced: set[int] = set()
    extra: list[Official] = []
    refs = {(f.name_start, f.name_end): f for f in found if f.is_reference}
    name_chars = g.name_chars
    spans = sorted((f.start, f.end) for f in found)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    for a, given in _occurrences(text, known):
        first = known[given]
        b = a + len(given)
        ref = refs.get((a, b))
        if a < first.end or text[a - 1:a] in name_chars \
                or (ref is None and _inside_any(reach, starts, a)) \
                or not _given_mention_ends(text, b, g):
            continue
        t0, t1 = (ref.title_start, ref.title_end) if ref else (a, a)
        if ref is not None:
            replaced.add(id(ref))
        extra.append(Official(a, max(b, t1), text[a:max(b, t1)], first.name, first.title, first.jurisdiction,
                              first.jurisdictions, first.jurisdiction_codes, False, a, b, t0, t1))
    if not extra:
        return found
    return sorted([f for f in found if id(f) not in replaced] + extra, key=lambda x: x.start)


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """(start, word) of the words in ``text`` as ``finditer`` of their alternation, longest
    first, reads them: leftmost first, the longest at one start, none overlapping the one
    taken before. Found with ``str.find``: a regex built of each document's names would
    be compiled anew for every document."""
    found: list[tuple[int, int, str]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append((at, -len(word), word))
            at = text.find(word, at + 1)
    found.sort()  # at one start, the longest first (two words of one length differ there)
    out: list[tuple[int, str]] = []
    end = 0
    for at, _, word in found:
        if at >= end:
            out.append((at, word))
            end = at + len(word)
    return out


def _inside_any(reach: list[int], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the spans sorted by start: the furthest end of
    those starting at or before it (``reach``, a running maximum) passes it."""
    i = bisect_right(starts, pos)
    return i > 0 and reach[i - 1] > pos


def _given_mention_ends(text: str, pos: int, g: TitleGrammar) -> bool:
    """A given name stands alone: punctuation, 、, 同志 or a title follows it."""
    return pos >= len(text) or not HAN.match(text[pos]) or text.startswith(("同志", "、"), pos) \
        or g.rank_re.match(text, pos) is not None


def _with_untitled_lists(text: str, found: list[Official], g: TitleGrammar) -> list[Official]:
    """甲、乙等县处级领导出席: names listed before 等…领导 with no title are officials whose
    title is not written (title None); names already read with a title keep theirs."""
    extra: list[Official] = []
    lists = [_names_listed_before(text, m.start(), g) for m in g.untitled_re.finditer(text)]
    for m in _UNTITLED_ACT.finditer(text):
        # 乙、丙出席; 会议由甲主持: names with no title right before a meeting verb — two or
        # more listed, or one after 由 — are officials whose title is not written
        if not _may_list_untitled(text, m):
            continue  # most meeting verbs follow a titled name: no list is read there
        # 甲、乙等出席: the list may close with 等 before the verb
        names = _names_listed_before(text, m.start() - (text[m.start() - 1:m.start()] == "等"), g)
        if len(names) >= 2 or (len(names) == 1 and (
                text[names[0][0] - 1:names[0][0]] == "由" or _chairs_alone(text, names[0], m))):
            lists.append(names)
    for names in lists:
        for n0, n1 in names:
            if _common_word(text[n0:n1]) and not _surname_and_given(text[n0:n1], g):
                continue  # 自然资源、林业、公安等有关领导: departments, not people
            if not any(f.start < n1 and n0 < f.end for f in found + extra):
                extra.append(Official(n0, n1, text[n0:n1], text[n0:n1], None, None, (), (), False,
                                      n0, n1, n0, n0))
    return sorted(found + extra, key=lambda x: x.start) if extra else found


_UNTITLED_ACT = re.compile("主持|出席|列席|参加")
# a name before a verb is at most 8 characters long, so what vouches for it (the 、 after
# an earlier item, 由 before it) lies in the 9 characters before the verb
_UNTITLED_REACH = 9


def _may_list_untitled(text: str, verb: re.Match[str]) -> bool:
    """Whether names before the verb could count without titles: a 、 or 由 close enough
    before it, or 主持 closing its clause (``_chairs_alone``). Cheaper than reading the names."""
    window = text[max(0, verb.start() - _UNTITLED_REACH - 1):verb.start()]
    if "、" in window or "由" in window:
        return True
    after = verb.end() + (2 if text.startswith("会议", verb.end()) else 0)
    return verb.group() == "主持" and text[after:after + 1] in ("，", ",", "。", "；", ";")
_CLAUSE_OPENERS = "，。；：\n,;:"


def _chairs_alone(text: str, name: tuple[int, int], verb: re.Match[str]) -> bool:
    """甲主持，乙、丙出席 (or 甲主持会议，…): one name alone as a clause, chairing; the clause
    before told of the meeting, so the name needs no title to be an official."""
    n0, _ = name
    after = verb.end() + (2 if text.startswith("会议", verb.end()) else 0)  # 甲主持会议，
    return verb.group() == "主持" and (n0 == 0 or text[n0 - 1] in _CLAUSE_OPENERS) \
        and text[after:after + 1] in ("，", ",", "。", "；", ";")
# a name with no title to vouch for it must not be an ordinary word: jieba's dictionary
# counts 林业 1032 and 公安 2800 times, personal names hardly ever reach this
COMMON_WORD_FREQ = 500


def _surname_and_given(word: str, g: TitleGrammar) -> bool:
    """A surname and a two-character given name (王晓东): jieba's dictionary knows some
    such names well, but no department is written this way."""
    return len(word) == 3 and word[0] in g.surnames


def _common_word(word: str) -> bool:
    return (jieba().get_FREQ(word) or 0) >= COMMON_WORD_FREQ


def _names_listed_before(text: str, end: int, g: TitleGrammar) -> list[tuple[int, int]]:
    """The names of a 、-list ending at ``end`` (back to the clause start), each item one
    whole name; the list stops at the first item that is not (县长甲 is read by its title)."""
    out: list[tuple[int, int]] = []
    while True:
        start = end
        while start > 0 and end - start < 8 and text[start - 1] not in "、，,。；;：:\n（(“":
            start -= 1
        span = _whole_name(text, start, end, g, text[start - 1:start] == "、") \
            or _vouched_name(text, start, end, out)
        if span is None:
            return out
        out.insert(0, span)
        if start == 0 or text[start - 1] != "、":
            return out
        end = start - 1


# a list read as names vouches for an item the name reader does not know (才让太, a
# Tibetan name, among 甲、乙、丙出席) when two names of it were read after that item
VOUCHING_NAMES = 2
_PLAIN_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _vouched_name(text: str, start: int, end: int, listed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A whole list item of two to four characters, not an ordinary word, among names."""
    if len(listed) < VOUCHING_NAMES or not _PLAIN_ITEM.fullmatch(text, start, end) \
            or (start > 0 and text[start - 1] not in "、，,。；;：:\n") or _common_word(text[start:end]):
        return None
    return start, end


def _whole_name(text: str, start: int, end: int, g: TitleGrammar, whole: bool) -> tuple[int, int] | None:
    """text[start:end] read as exactly one name; unless ``whole``, the name may be the
    item's tail (会议由|张建华)."""
    tails = [start] if end - start <= 4 else []
    if text[end - 4:end - 2] in g.compound_surnames:
        tails.append(end - 4)  # 会议由|欧阳明辉
    for s in ([start] if whole else tails + [end - 3, end - 2, end - 4]):
        if s < start or end - s < 2:
            continue
        span = g.read_name(text, s)
        if span is not None and span[1] == end:
            return span
    return None


_ZONE_TITLE = re.compile(r"开发区|园区|高新区|经开区|管委会|党工委")


def _with_zone_region(found: list[Official], reg: Division | None) -> list[Official]:
    """平遥经济技术开发区党工委书记 in a 平遥县 bulletin: a zone the division table lacks
    lies in the bulletin's own county."""
    if reg is None or reg.level != "county":
        return found
    return [Official(o.start, o.end, o.text, o.name, o.title, reg.name, (reg.name,), (reg.code,),
                     o.is_reference, o.name_start, o.name_end, o.title_start, o.title_end)
            if not o.jurisdictions and not o.is_reference and _ZONE_TITLE.search(o.title or "") else o
            for o in found]


_TOWNSHIP_TITLE = re.compile(r"(?:镇|乡|街道)(?:党委|党工委|人大|政府|办事处)?")


_SENTENCE_STOP = re.compile("[。！？!?\n]")


def _with_local_units(text: str, found: list[Official], places: list[Place]) -> list[Official]:
    """镇长X after 三江镇党委书记Y in one sentence: the bare 镇 is the township just named."""
    out = []
    # looked up by bisection: scanning back through the text and every place for each
    # official made long texts quadratic
    towns = [p for p in places if p.level == "township"]
    starts = [p.start for p in towns]
    stops: list[int] | None = None
    for o in found:
        if o.jurisdictions or o.is_reference or not _TOWNSHIP_TITLE.match(o.title or ""):
            out.append(o)
            continue
        if stops is None:
            stops = [m.start() for m in _SENTENCE_STOP.finditer(text)]
            stops.sort()
        k = bisect_left(stops, o.start) - 1
        sentence_start = stops[k] + 1 if k >= 0 else 0
        i = bisect_left(starts, o.start) - 1
        if i < 0 or starts[i] < sentence_start:
            out.append(o)
            continue
        p = towns[i]
        out.append(Official(o.start, o.end, o.text, o.name, o.title, p.name, (p.name,), (p.code,),
                            o.is_reference, o.name_start, o.name_end, o.title_start, o.title_end))
    return out


def _with_named_county(found: list[Official], places: list[Place], reg: Division | None,
                       g: TitleGrammar) -> list[Official]:
    """县委书记 in a city's bulletin: the county of the region the text named last before the
    title (else the only one it names), of the kind the prefix says (县, 区, 旗)."""
    if reg is None or reg.level not in ("city", "province"):
        return found
    gaz = get_gazetteer()
    # per kind (县, 区, 旗): the region's counties named, in text order, with their ends
    kinds: dict[str, list[Place]] = {}
    for p in places:
        if p.level == "county" and p.name[-1:] in g.prefixes and gaz.contains(reg, p.code):
            kinds.setdefault(p.name[-1], []).append(p)
    ends = {k: [p.end for p in named] for k, named in kinds.items()}
    out = []
    for o in found:
        prefix = (o.title or "")[:1] if not (o.jurisdictions or o.is_reference) else ""
        kind = kinds.get(prefix, [])
        if not kind or g.prefixes.get(prefix) != "county":
            out.append(o)
            continue
        i = bisect_right(ends[prefix], o.title_start) - 1
        named = kind[i] if i >= 0 else (kind[0] if len({p.code for p in kind}) == 1 else None)
        out.append(o if named is None else Official(
            o.start, o.end, o.text, o.name, o.title, named.name, (named.name,), (named.code,),
            o.is_reference, o.name_start, o.name_end, o.title_start, o.title_end))
    return out


_REPEAT_END = re.compile(r"[^\u4e00-\u9fff]|同志")


class _Taken:
    """Spans already read, answering "does one hold this offset?" by bisection (a scan
    per name written again made long texts quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def holds(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


def _with_repeats(text: str, found: list[Official]) -> list[Official]:
    """A full name seen with its title, written again alone (…何川主持): the same official.
    The title is the one written before the name earlier; only 3-character names, or names
    followed by a word that ends a name, count, so a 2-character name inside a word cannot."""
    known: dict[str, Official] = {}
    for o in found:
        if not o.is_reference and len(o.name) >= 2:
            known.setdefault(o.name, o)  # the first titled mention
    if not known:
        return found
    taken = _Taken([(o.start, o.end) for o in found])
    extra: list[Official] = []
    for start, name in _occurrences(text, known):
        end = start + len(name)
        if taken.holds(start) or not _ends_name(text, end, name):
            continue
        first = known[name]
        if start < first.start:
            continue  # only a later mention refers back
        extra.append(Official(start, end, name, name, first.title,
                              first.jurisdiction, first.jurisdictions, first.jurisdiction_codes,
                              False, start, end, start, start))
    return sorted(found + extra, key=lambda o: o.start) if extra else found


def _ends_name(text: str, pos: int, name: str) -> bool:
    if pos >= len(text) or _REPEAT_END.match(text, pos):
        return True
    g = get_grammar()
    # 戴欢大队长, 高清副市长: a title written after the name ends it
    return len(name) >= 3 or text.startswith(g.follow, pos) or g.rank_re.match(text, pos) is not None
