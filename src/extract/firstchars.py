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
from typing import Any, Iterable

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


def _factor(alternatives: list[Any], state: Any) -> list[Any]:
    """Alternatives of a branch with those that open with the same character written
    under it once (a(?:b|c) for ab|ac), tried in the same order: alternatives opening with
    different characters cannot both match where one stands, so only ones opening with the
    same keep their order among themselves; one that opens otherwise (a class, a
    lookaround, nothing) stays where it stands, and the groups before it are closed."""
    out: list[Any] = []
    run: dict[int, list[Any]] = {}

    def close() -> None:
        for char, group in run.items():
            if len(group) == 1:
                out.append(group[0])
                continue
            rests = _factor([_parser.SubPattern(state, a.data[1:]) for a in group], state)
            if all(len(r.data) == 1 and r.data[0][0] is C.LITERAL for r in rests):
                tail = [(C.IN, [r.data[0] for r in rests])]  # single characters: a class
            elif len(rests) == 1:
                tail = rests[0].data
            else:
                tail = [(C.BRANCH, (None, rests))]
            out.append(_parser.SubPattern(state, [(C.LITERAL, char)] + tail))
        run.clear()

    for alternative in alternatives:
        if alternative.data and alternative.data[0][0] is C.LITERAL:
            run.setdefault(alternative.data[0][1], []).append(alternative)
        else:
            close()
            out.append(alternative)
    close()
    return out


def _folded(items: Any, state: Any) -> list[Any]:
    """A parsed sequence with every branch in it factored (see ``_factor``)."""
    out = []
    for op, value in items:
        if op is C.BRANCH:
            alternatives = [_parser.SubPattern(state, _folded(a, state)) for a in value[1]]
            factored = _factor(alternatives, state)
            if len(factored) == 1:
                out += factored[0].data
                continue
            value = (value[0], factored)
        elif op is C.SUBPATTERN:
            if value[1] & re.IGNORECASE:
                raise _Unknown  # a letter would match its other case too: not exclusive
            value = (*value[:3], _parser.SubPattern(state, _folded(value[3], state)))
        elif op in _REPEATS:
            value = (value[0], value[1], _parser.SubPattern(state, _folded(value[2], state)))
        elif op is C.ASSERT or op is C.ASSERT_NOT:
            value = (value[0], _parser.SubPattern(state, _folded(value[1], state)))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            value = _parser.SubPattern(state, _folded(value, state))
        elif op is C.GROUPREF_EXISTS:
            yes = _parser.SubPattern(state, _folded(value[1], state))
            no = _parser.SubPattern(state, _folded(value[2], state)) if value[2] else value[2]
            value = (value[0], yes, no)
        out.append((op, value))
    return out


def _compiled(source: str, chars: set[str] | None, shown: str) -> re.Pattern[str] | None:
    """``source`` compiled by CPython's own compiler after two rewrites that keep every
    match: the branches factored on their opening characters (``_factor``: the engine
    tests one character where it tested every alternative), and, given ``chars``, the set
    of characters a match starts with put in the pattern's information block (where the
    compiler puts the set it finds itself, for a pattern opening with a class), so the
    search steps over other characters in a tight C loop instead of trying a lookahead
    at each. The pattern's text is ``shown`` (what a pickle or a pattern built from this
    one's text reads; it matches the same). None where the pattern asks for letter case
    folding or the private compiler is not as expected (another Python): the caller
    compiles ``shown`` the public way."""
    try:
        parsed = _parser.parse(source)
        flags = parsed.state.flags
        if flags & re.IGNORECASE:
            return None
        tree = _parser.SubPattern(parsed.state, _folded(parsed.data, parsed.state))
        lo, hi = tree.getwidth()
        if chars is None or lo == 0:
            code = _compiler._code(tree, flags)
        else:
            top = _compiler.MAXCODE
            code = [C.INFO, 0, C.SRE_INFO_CHARSET, min(lo, top), min(hi, top)]
            charset, _ = _compiler._optimize_charset([(C.LITERAL, ord(c)) for c in sorted(chars)])
            _compiler._compile_charset(charset, flags, code)
            code[1] = len(code) - 1  # the block's length, as _compile_info writes it
            _compiler._compile(code, tree.data, flags)
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
    them (the text the pattern shows either way); its branches factored on their opening
    characters. Group numbers and names are unchanged (the lookahead and the wrapper
    capture nothing)."""
    chars = first_chars(source)
    if chars is None or _engine_skips(source):
        return _compiled(source, None, source) or re.compile(source)
    charset = "".join(re.escape(c) for c in sorted(chars))
    shown = f"(?=[{charset}])(?:{source})"
    return _compiled(source, chars, shown) or re.compile(shown)


def second_char_guard(words: Iterable[str]) -> str:
    """A lookahead on the second characters of ``words``, to be written right before their
    alternation: where the first character of the text opens some word (国, 中, 会, 市 open
    ranks) far more often than the first two open one (国家 yes, 国际 no), and the engine
    tests the alternatives of a branch one by one where the guard is one or two set tests.
    A one-character word passes on its own character (局 of the organisation suffixes).
    Empty when no word is longer than one character (no guard says anything then)."""
    words = [w for w in words if w]
    seconds = sorted({w[1] for w in words if len(w) >= 2})
    if not seconds:
        return ""
    second = "(?s:.)[" + "".join(re.escape(c) for c in seconds) + "]"
    singles = sorted({w for w in words if len(w) == 1})
    if not singles:
        return f"(?={second})"
    return "(?=[" + "".join(re.escape(c) for c in singles) + f"]|{second})"


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
