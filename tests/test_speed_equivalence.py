"""Rewritten hot paths of the assembly find what their plain first versions found, on
the bundled corpus's sentences."""
from __future__ import annotations

from datetime import date

import pytest

from extract import discourse, events
from extract.document import build_context, DocInput
from extract.patterns import P

from conftest import CORPUS


def _contexts() -> list:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("**/*.txt"))]
    return [build_context(t, DocInput(doc_id=str(n), path="x", encoding="utf-8",
                                      option_date=date(2025, 3, 1)))
            for n, t in enumerate(texts)]


@pytest.fixture(scope="module")
def contexts() -> list:
    return _contexts()


def _sentences(contexts):
    for ctx in contexts:
        for sent in ctx.layout.sentences:
            yield ctx, sent


# ---------------------------------------------------------------- plain references

def masked_reference(text: str, start: int, end: int) -> str:
    chunk = list(text[start:end])
    for pattern, group in ((P.quoted, 0), (P.meeting, 1), (P.heard, 1)):
        for m in pattern.finditer(text, start, end):
            for i in range(m.start(group) - start, m.end(group) - start):
                chunk[i] = events.MASK
    return "".join(chunk)


def _named_masked(ctx, start: int, end: int) -> str:
    """The reference view with officials' titles and names and organisations blanked."""
    view = list(masked_reference(ctx.text, start, end))
    names = ctx.mentions.officials.within(start, end) + ctx.mentions.orgs.within(start, end)
    for m in names:
        for i in range(m.start - start, getattr(m, "title_end", m.end) - start):
            view[i] = events.MASK
    return "".join(view)


def hits_reference(ctx, start: int, end: int) -> list[tuple[int, int, str]]:
    """The triggers' raw matches on the view as every trigger is run over it."""
    view = _named_masked(ctx, start, end)
    return sorted((start + m.start(), start + m.end(), t.action)
                  for t in events._triggers() for m in t.pattern.finditer(view))


def test_masked_matches_reference(contexts):
    for ctx, sent in _sentences(contexts):
        assert events.masked(ctx.text, sent.start, sent.end) == \
            masked_reference(ctx.text, sent.start, sent.end)


def test_find_hits_keeps_reference_matches(contexts):
    for ctx, sent in _sentences(contexts):
        raw = hits_reference(ctx, sent.start, sent.end)
        kept = events.find_hits(ctx, sent.start, sent.end)
        assert {(h.start, h.end, h.trigger.action) for h in kept} <= set(raw)
        if not raw:
            assert kept == []


def find_hits_reference(ctx, start: int, end: int) -> list:
    """find_hits as first written: every trigger over the view once any matches."""
    view = _named_masked(ctx, start, end)
    if not events._any_trigger_re().search(view):
        return []
    return [events.Hit(start + m.start(), start + m.end(), t)
            for t in events._triggers() for m in t.pattern.finditer(view)]


# ---------------------------------------------------------------- first characters in the info block

def _project_sources() -> list[str]:
    """Sources the project compiles with compile_skipping: triggers, speech, assembly."""
    from extract.patterns import _sources
    sources = [t.pattern.pattern for t in events._triggers()]
    sources += [discourse._speech_re(None).pattern, discourse._speech_re("directive").pattern]
    sources += list(_sources().values())
    return sources


def _plain(source: str) -> str:
    return source[source.index("])(?:") + 5:-1] if source.startswith("(?=[") else source


def test_info_block_charset_matches_what_the_plain_pattern_matches():
    from extract.firstchars import compile_skipping, _compiled, first_chars
    import re
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("**/*.txt")))
    used = 0
    for source in map(_plain, _project_sources()):
        fast, plain = compile_skipping(source), re.compile(source)
        assert fast.groupindex == plain.groupindex and fast.flags == plain.flags
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]
        chars = first_chars(source)
        used += chars is not None and _compiled(source, chars, source) is not None
    assert used > 10  # the private compiler took the block on this Python


def test_records_built_through_their_slots_are_the_dataclass_records():
    import dataclasses
    import pickle
    from extract.timex import DateMention
    from extract.quantity import Quantity
    values = dict(start=1, end=5, text="2024年", date_start="2024-01-01", date_end="2024-12-31",
                  grain="year", is_range=False, kind="absolute", has_year=True)
    d = DateMention(**values)
    assert DateMention.__init__.__code__.co_filename == "<string>"
    assert dataclasses.asdict(d) == values and d == DateMention(*values.values())
    assert hash(d) == hash(DateMention(*values.values())) and d["grain"] == "year"
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.start = 2  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(d)) == d
    assert dataclasses.replace(d, start=2).start == 2
    with pytest.raises(TypeError):
        Quantity(1, 2, "x")  # type: ignore[call-arg]


@pytest.mark.parametrize("source", [
    "主任委员|主任科员|主任|主席|副主任|副",
    "(?:a|ab|abc|b)(?!c)",               # an ended word before longer ones
    "(?:ab|a|abc)(?=b)",                 # an ended word between longer ones
    "(?:abc|abd|ab|a|ac|b)$",
    "(?:ab|[ab]c|ac|(?<!x)ad|a)",         # a class and a lookbehind between the words
    "(?P<w>ab|ac)(?:x|xy|(?P<z>xz))?",   # groups inside and after the branches
    "(?:a(?:b|c)|ad)+?c",
    "x(?:ab|ac)|(?=a)ab|y",
])
def test_factored_branches_match_what_the_alternation_matches(source):
    import itertools
    import re
    from extract.firstchars import _compiled, compile_skipping
    assert _compiled(source, None, source) is not None  # the private compiler took it
    plain, fast = re.compile(source), compile_skipping(source)
    for n in range(1, 6):
        for chars in itertools.product("abcdxyz主任委员科席副", repeat=n) if n < 5 else \
                itertools.product("abcdxy", repeat=n):
            text = "".join(chars)
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], (source, text)
