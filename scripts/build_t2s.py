#!/usr/bin/env python3
"""Build gazetteers/t2s_chars.tsv: one Traditional character to its Simplified one.

    pip install opencc-python-reimplemented && python scripts/build_t2s.py

Source: OpenCC's TSCharacters table (Apache-2.0), as shipped by the
opencc-python-reimplemented package. Only one-to-one pairs are kept, so a text's
normalized view has the same length and offsets; a character that is also a
Simplified character of its own (its first reading differs) is left alone.
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "gazetteers" / "t2s_chars.tsv"
HEADER = ("# Traditional -> Simplified characters, one to one; built by scripts/build_t2s.py from\n"
          "# OpenCC's TSCharacters table (Apache-2.0). Used to read damaged and Traditional text.\n"
          "traditional\tsimplified\n")


def _table(name: str) -> list[list[str]]:
    path = resources.files("opencc") / "dictionary" / name
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    simplified = {key for key, _ in _table("STCharacters.txt")}
    rows = []
    for trad, simp in _table("TSCharacters.txt"):
        first = simp.split(" ")[0]
        if len(trad) == 1 and len(first) == 1 and trad != first and trad not in simplified:
            rows.append(f"{trad}\t{first}\n")
    OUT.write_text(HEADER + "".join(sorted(rows)), encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
