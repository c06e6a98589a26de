"""The batch's shortcuts give what the plain ways give: JSONL tables copied from the chunk
files, the planning done in a forked child, the gazetteer read from its cache, jieba's
dictionary read in one piece."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract import gazetteer as gaz_module
from extract.chunks import merged, merged_lines, write_chunk
from extract.cli import main
from extract.runner import forked
from extract.tables import TABLES, columns
from extract.writers import stream_tables

from conftest import CORPUS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def bulletins(folder: Path, n: int, manifest_ids: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = TEXTS[i % len(TEXTS)].replace("12", str(10 + i % 89), 1)
        (folder / f"b{i:04d}-2024-10-12.txt").write_text(text, encoding="utf-8")
    if manifest_ids:  # ids that do not follow the file names' order
        rows = ["doc_id,path,issue_date,region,source"]
        rows += [f"{d},b{i:04d}-2024-10-12.txt,,," for i, d in enumerate(manifest_ids)]
        (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def chunk_dirs(out: Path) -> list[Path]:
    return [p for p in (out / ".progress" / "chunks").iterdir() if not p.name.startswith(".")]


def rewritten(out: Path, paths: list[Path], with_text: bool) -> dict[str, bytes]:
    """The tables written the plain way (every row merged, parsed and dumped again)."""
    target = out / "plain"
    target.mkdir()
    stream_tables(target, lambda t: merged(paths, t), ("jsonl",), with_text=with_text)
    return files(target)


@pytest.mark.parametrize("with_text", [False, True])
def test_copied_tables_are_the_merged_ones(tmp_path: Path, with_text: bool) -> None:
    folder = bulletins(tmp_path / "in", 40)
    out = tmp_path / "out"
    extra = ["--with-text"] if with_text else []
    assert main(["run", str(folder), "--out", str(out), "--quiet", "--chunk-size", "4",
                 "--workers", "2", *extra]) in (0, 1)
    # the run keeps its chunks in .progress: merge them the plain way, in a sorted order
    # of chunk folders that is not the plan's (so the copy's order check is exercised too)
    paths = sorted(chunk_dirs(out))
    assert len(paths) > 3
    plain = rewritten(tmp_path, paths, with_text)
    assert {k: v for k, v in files(out).items() if k.endswith(".jsonl")} == plain


def test_out_of_order_ids_are_merged(tmp_path: Path) -> None:
    n = 30
    ids = [f"id{(n - i) * 7 % 101:03d}" for i in range(n)]  # not sorted like the files
    folder = bulletins(tmp_path / "in", n, manifest_ids=ids)
    out1, out2 = tmp_path / "one", tmp_path / "two"
    for out, workers in ((out1, "1"), (out2, "2")):
        assert main(["run", str(folder), "--out", str(out), "--quiet", "--chunk-size", "3",
                     "--workers", workers]) in (0, 1)
    docs = [json.loads(line)["doc_id"] for line in (out1 / "documents.jsonl").open()]
    assert docs == sorted(ids)
    assert files(out1) == files(out2)
    assert files(out1) == rewritten(tmp_path, chunk_dirs(out1), False)


def test_merged_lines_in_sequence_and_not(tmp_path: Path) -> None:
    def doc(doc_id: str, text: str | None = None) -> dict[str, object]:
        row = {c: None for c in columns("documents", with_text=True)}
        row.update(doc_id=doc_id, text=text)
        return row

    a, b = tmp_path / "a", tmp_path / "b"
    write_chunk(a, {"documents": [doc("d1"), doc("d2", "kept text")]})
    write_chunk(b, {"documents": [doc("d3")]})
    cols = columns("documents", with_text=False)
    blocks = merged_lines([a, b], "documents", cols)
    assert blocks is not None
    lines = b"".join(text for text, _ in blocks).decode("utf-8").splitlines()
    expected = [json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False)
                for r in merged([a, b], "documents")]
    assert lines == expected and len(lines) == 3
    assert merged_lines([b, a], "documents", cols) is None  # d3 before d1: merged row by row
    assert merged_lines([a, b], "documents", ["doc_id"]) is None  # no shortcut for that


def test_forked_gives_the_result_or_the_exception() -> None:
    assert forked(lambda: [1, "二", None])() == [1, "二", None]

    def fails() -> None:
        raise ValueError("planned badly")

    with pytest.raises(ValueError, match="planned badly"):
        forked(fails)()


def test_forked_runs_here_when_the_child_cannot_answer() -> None:
    parent = os.getpid()

    def dies_in_child() -> int:
        if os.getpid() != parent:
            os._exit(1)  # the child dies without a word
        return 7

    assert forked(dies_in_child)() == 7
    lock = __import__("threading").Lock()
    assert forked(lambda: lock)() is lock  # an answer that cannot be pickled: computed here


def test_cached_gazetteer_is_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaz_module, "cache_dir", lambda: tmp_path)
    key = gaz_module._cache_key()
    gaz_module.get_gazetteer.cache_clear()
    try:
        built = gaz_module.get_gazetteer()  # no cache yet: built, then written
        assert list(tmp_path.glob("gazetteer-*.marshal"))
        cached = gaz_module._read_cache(tmp_path, key)
    finally:
        gaz_module.get_gazetteer.cache_clear()
    assert cached is not None
    plain = {k: v for k, v in vars(built).items() if k not in ("_automaton", "follow_words")}
    assert {k: v for k, v in vars(cached).items() if k not in ("_automaton", "follow_words")} == plain
    assert sorted(cached.follow_words) == sorted(built.follow_words)  # a set's order either way
    texts = TEXTS + ["永州市宁远县和蓝山县", "渝北政务信息\n区委书记到富家桥调研"]
    for text in texts:
        assert cached.parse_places(text) == built.parse_places(text)
        assert cached.infer_region(text) == built.infer_region(text)
    # a damaged file is not read (and the next build writes it again)
    (tmp_path / f"gazetteer-{key}.marshal").write_bytes(b"\x00garbage")
    assert gaz_module._read_cache(tmp_path, key) is None


def test_jieba_read_in_one_piece_is_jiebas_own() -> None:
    import marshal
    import tempfile

    from extract.segment import jieba
    module = jieba()
    cache = Path(tempfile.gettempdir()) / "jieba.cache"
    if not cache.is_file():
        pytest.skip("jieba wrote no cache here")
    with cache.open("rb") as fh:
        freq, total = marshal.load(fh)  # as jieba.initialize reads it
    assert module.dt.total == total and module.dt.FREQ == freq


def test_jieba_imported_without_pkg_resources_opens_its_own_files() -> None:
    import subprocess
    import sys

    code = ("import sys; from extract.runner import _import_jieba_alone; _import_jieba_alone(); "
            "import jieba; plain = jieba.dt.get_dict_file().name; "
            "assert 'pkg_resources' not in sys.modules; "
            "import pkg_resources; print(plain == pkg_resources.resource_filename('jieba', "
            "'dict.txt'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr
