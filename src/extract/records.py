"""Base record type shared by every recognizer.

Records are frozen dataclasses so they are hashable and safe to share across
threads; ``record["field"]`` works too because notebooks and the contract use
mapping-style access.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from types import MemberDescriptorType
from typing import Any, Callable


def _slot_setter_init(cls: type) -> Callable[..., None] | None:
    """An ``__init__`` for a frozen, slotted record that stores each argument through its
    slot's own setter. The dataclass one calls ``object.__setattr__`` by name per field
    (the frozen ``__setattr__`` refuses the plain way): about 40% slower, and recognizers
    make thousands of records per text. None when the class is not that simple shape
    (defaults, keyword-only fields, ``__post_init__``, fields without a slot)."""
    own = cls.__dict__.get("__dataclass_fields__")
    params = cls.__dict__.get("__dataclass_params__")
    if own is None or params is None or not params.frozen or "__init__" not in cls.__dict__ \
            or hasattr(cls, "__post_init__"):
        return None
    names = [f.name for f in fields(cls)]
    if len(names) != len(own) or any(
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            or not f.init or f.kw_only for f in fields(cls)):
        return None
    setters = {}
    for n, name in enumerate(names):
        slot = getattr(cls, name, None)
        if not isinstance(slot, MemberDescriptorType) or not name.isidentifier():
            return None
        setters[f"_set{n}"] = slot.__set__
    body = "".join(f"    _set{n}(self, {name})\n" for n, name in enumerate(names))
    namespace: dict[str, Any] = dict(setters)
    exec(f"def __init__(self, {', '.join(names)}):\n{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__dict__["__init__"].__annotations__)
    init.__doc__ = cls.__dict__["__init__"].__doc__
    return init


def slot_init(cls: type) -> type:
    """Class decorator, above ``@dataclass(frozen=True, slots=True)``: the class's
    ``__init__`` stores through its slots' setters (Record subclasses get this anyway)."""
    init = _slot_setter_init(cls)
    if init is not None:
        cls.__init__ = init  # type: ignore[misc]
    return cls


@dataclass(frozen=True, slots=True)
class Record:
    """A span of the text as read: half-open ``[start, end)`` and its ``text``."""

    start: int
    end: int
    text: str

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # @dataclass(slots=True) builds the final class anew, with its generated __init__
        # already in place: that class gets the faster one (the first, unslotted class
        # has no fields of its own yet and is left alone)
        super(Record, cls).__init_subclass__(**kwargs)  # no bare super(): slots=True rebuilt Record
        init = _slot_setter_init(cls)
        if init is not None:
            cls.__init__ = init  # type: ignore[misc]

    def __getitem__(self, key: str) -> Any:
        if key not in self.keys():
            raise KeyError(key)
        return getattr(self, key)

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.keys() else default
