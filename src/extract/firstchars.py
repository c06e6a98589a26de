"""Regexes that skip, in C, the positions where no match can begin.

Python's regex engine tries every branch of a large alternation at every position.
Prefixing a lookahead on the set of characters a match can start with lets it jump
over the rest with one set test; the matches are the same. The set is read off the
parsed pattern; where it cannot be known (a class like \\d, a negated class, ``.``, a
pattern that can match nothing) the pattern is compiled as it is.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _compiler  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_MAX_RANGE = 512  # a wider range (a CJK block) says nothing useful


class _Unknown(Exception):
    """Any character could start a match here."""


def _class_chars(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, value in items:
        if op is C.LITERAL:
            chars.add(chr(value))
        elif op is C.RANGE and value[1] - value[0] < _MAX_RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # NEGATE, CATEGORY (\d, \s), a wide range
            raise _Unknown
    return chars


def _item(op: Any, value: Any) -> tuple[set[str], bool]:
    """(first characters, can match the empty string) of one parsed item."""
    if op is C.LITERAL:
        return {chr(value)}, False
    if op is C.IN:
        return _class_chars(value), False
    if op in _ZERO_WIDTH:
        return set(), True  # a lookaround or anchor consumes nothing: look past it
    if op is C.BRANCH:
        chars, empty = set(), False
        for alternative in value[1]:
            c, e = _sequence(alternative)
            chars |= c
            empty = empty or e
        return chars, empty
    if op is C.SUBPATTERN:
        if value[1] or value[2]:  # inline flags such as (?i) change what a letter matches
            raise _Unknown
        return _sequence(value[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(value)
    if op in _REPEATS:
        chars, empty = _sequence(value[2])
        return chars, empty or value[0] == 0
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, conditional groups


def _sequence(items: Any) -> tuple[set[str], bool]:
    chars: set[str] = set()
    for op, value in items:
        c, empty = _item(op, value)
        chars |= c
        if not empty:
            return chars, False
    return chars, True


def first_chars(source: str) -> set[str] | None:
    """The characters a match of ``source`` can begin with; None when any can."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None  # a letter would match its other case too
    try:
        chars, empty = _sequence(parsed)
    except _Unknown:
        return None
    return None if empty or not chars else chars


def compile_nonempty_skipping(source: str) -> re.Pattern[str]:
    """``source`` compiled to skip the positions where no match that consumes characters
    can begin: for a pattern of optional parts, which a search would otherwise try at
    every position before settling on an empty match at the end. The matches that
    consume characters are the same; an empty match may be lost."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return re.compile(source)
    try:
        chars, _ = _sequence(parsed)
    except _Unknown:
        return re.compile(source)
    if not chars:
        return re.compile(f"(?!)(?:{source})")  # it can only match the empty string
    charset = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"(?=[{charset}])(?:{source})")


def _engine_skips(source: str) -> bool:
    """Whether the engine itself reads the characters a match starts with off the pattern:
    one that opens with a character, a class, or alternatives each opening with a
    character (as CPython's compiler looks for them). It then scans for them in a tighter
    loop than a lookahead gives, about twice as fast."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE or parsed.getwidth()[0] == 0:
        return False
    items = parsed.data
    while items and items[0][0] is C.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = items[0][1][3].data
    if not items:
        return False
    op, value = items[0]
    if op is C.BRANCH:
        return all(alt.data and alt.data[0][0] is C.LITERAL for alt in value[1])
    return op is C.LITERAL or op is C.IN


def _with_charset(source: str, chars: set[str], shown: str) -> re.Pattern[str] | None:
    """``source`` compiled with ``chars`` as the set its matches start with, in the
    pattern's own information block: where CPython's compiler finds such a set itself (a
    pattern opening with a class) the search steps over other characters in a tight C loop
    and tries the pattern only where one stands. The code after the block is the compiler's
    own, so what matches is unchanged. The pattern's text is ``shown``: the lookahead form,
    which matches the same (what a pickle or a pattern built from this one's text reads).
    None where the private compiler is not as expected (another Python): the caller
    compiles ``shown``."""
    try:
        parsed = _parser.parse(source)
        flags = parsed.state.flags
        lo, hi = parsed.getwidth()
        if lo == 0:
            return None  # an empty match could begin anywhere
        top = _compiler.MAXCODE
        code = [C.INFO, 0, C.SRE_INFO_CHARSET, min(lo, top), min(hi, top)]
        charset, _ = _compiler._optimize_charset([(C.LITERAL, ord(c)) for c in sorted(chars)])
        _compiler._compile_charset(charset, flags, code)
        code[1] = len(code) - 1  # the block's length, as _compile_info writes it
        _compiler._compile(code, parsed.data, flags)
        code.append(C.SUCCESS)
        names = parsed.state.groupdict
        index: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            index[number] = name
        return _compiler._sre.compile(shown, flags, code, parsed.state.groups - 1,
                                      names, tuple(index))
    except Exception:  # noqa: BLE001 - any surprise in the private API: the public route
        return None


@lru_cache(maxsize=1024)  # some patterns are built per document (the names already read)
def compile_skipping(source: str) -> re.Pattern[str]:
    """``source`` compiled to skip, in C, the positions where no match can begin, when the
    characters a match starts with are known and the engine does not find them itself:
    with those characters in the pattern's information block, else with a lookahead on
    them (the text the pattern shows either way). Group numbers and names are unchanged
    (the lookahead and the wrapper capture nothing)."""
    chars = first_chars(source)
    if chars is None or _engine_skips(source):
        return re.compile(source)
    charset = "".join(re.escape(c) for c in sorted(chars))
    shown = f"(?=[{charset}])(?:{source})"
    return _with_charset(source, chars, shown) or re.compile(shown)


def word_alternation(words: list[str]) -> str:
    """An alternation of the literal ``words`` with shared leading characters written once
    (主(?:要负责人|任(?:委员|科员|)|席) for 主要负责人|主任委员|主任科员|主任|主席): the engine
    then tests one character where it tested every word. It tries the words in the given
    order: two words that differ at the character after their shared part cannot both
    match, and the ones left keep their order. A word ending where others go on is only
    folded in when it comes after them (the longest-first order of a word list)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    if "" in groups and words[-1] != "" and len(groups) > 1:
        return "|".join(map(re.escape, words))  # an ended word before longer ones: as written
    parts = []
    for first, rests in groups.items():
        if len(rests) == 1 or not first:
            parts += [re.escape(first + rest) for rest in rests]
        else:
            parts.append(f"{re.escape(first)}(?:{word_alternation(rests)})")
    return "|".join(parts)


# ---------------------------------------------------------------- characters a match must hold

def _needed_item(op: Any, value: Any) -> frozenset[str] | None:
    """Characters one of which every match of the item consumes; None when none need be."""
    if op is C.LITERAL:
        return frozenset(chr(value))
    if op is C.IN:
        try:
            return frozenset(_class_chars(value))
        except _Unknown:
            return None
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in value[1]:
            needed = _needed_sequence(alternative)
            if needed is None:
                return None
            union |= needed
        return frozenset(union)
    if op is C.SUBPATTERN:
        return _needed_sequence(value[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _needed_sequence(value)
    if op in _REPEATS and value[0] >= 1:
        return _needed_sequence(value[2])
    return None  # optional, zero-width (a lookaround reads, it does not consume), ., \1


def _needed_sequence(items: Any) -> frozenset[str] | None:
    """Every item of a sequence is consumed: the smallest set any of them needs."""
    best: frozenset[str] | None = None
    for op, value in items:
        needed = _needed_item(op, value)
        if needed is not None and (best is None or len(needed) < len(best)):
            best = needed
    return best


def needed_chars(source: str) -> frozenset[str] | None:
    """Characters of which every match of ``source`` holds at least one (a text without
    any of them has no match); None when no such set is known."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _needed_sequence(parsed)


# ---------------------------------------------------------------- characters a match consumes

def _consumed(items: Any, chars: set[str]) -> None:
    for op, value in items:
        if op is C.LITERAL:
            chars.add(chr(value))
        elif op is C.IN:
            chars |= _class_chars(value)
        elif op is C.BRANCH:
            for alternative in value[1]:
                _consumed(alternative, chars)
        elif op is C.SUBPATTERN:
            if value[1] or value[2]:
                raise _Unknown
            _consumed(value[3], chars)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            _consumed(value, chars)
        elif op in _REPEATS:
            _consumed(value[2], chars)
        elif op not in _ZERO_WIDTH and op is not C.GROUPREF:  # a back reference repeats a group
            raise _Unknown  # ., [^…]: any character may be consumed


def consumed_chars(source: str) -> frozenset[str] | None:
    """Every character a match of ``source`` can consume (a lookaround reads, it does not
    consume); None when that is no known set. No match spans a character outside it."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    chars: set[str] = set()
    try:
        _consumed(parsed, chars)
    except _Unknown:
        return None
    return frozenset(chars)
