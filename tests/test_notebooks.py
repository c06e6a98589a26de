"""The notebooks in notebooks/ run headless on a run of the bundled corpus and draw their charts
with Chinese labels (a CJK font, not missing-glyph boxes)."""
from __future__ import annotations

import base64
import io
import json
import os
import sys
import warnings
from pathlib import Path

import matplotlib.image
import nbclient
import nbformat
import numpy as np
import pytest
from matplotlib.figure import Figure

from extract.cli import main

from conftest import CORPUS, REPO

NOTEBOOKS = REPO / "notebooks"
NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
# labels of the same length made of different characters: with a font that lacks them
# every character is drawn as the same box, so the two pictures come out identical
CJK_LABELS = ("各县事件数", "隐患整改率")
LATIN_LABEL = "ABCDE"


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("nb") / "out"
    assert main(["run", str(CORPUS), "--out", str(out), "--format", "parquet", "--with-text",
                 "--quiet", "--workers", "2"]) == 0
    before = os.environ.get("BULLETIN_OUT")
    os.environ["BULLETIN_OUT"] = str(out)  # read by notebooks/nbsetup.py in the kernel
    yield out
    if before is None:
        os.environ.pop("BULLETIN_OUT", None)
    else:
        os.environ["BULLETIN_OUT"] = before


def test_there_are_three_notebooks_stored_without_outputs() -> None:
    assert len(NOTEBOOK_FILES) == 3
    for path in NOTEBOOK_FILES:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code), path


def test_readme_links_every_notebook() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOK_FILES:
        assert f"(notebooks/{path.name})" in readme, path.name


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_notebook_runs_and_draws_charts(path: Path, corpus_run: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    pngs = [base64.b64decode(o["data"]["image/png"]) for o in outputs
            if "image/png" in o.get("data", {})]
    assert len(pngs) >= 2
    streams = "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream")
    assert "missing from font" not in streams  # matplotlib's word for a glyph it drew as a box
    assert f"reading {corpus_run}" in streams
    for png in pngs:
        picture = matplotlib.image.imread(io.BytesIO(png), format="png")
        assert picture.shape[0] > 200 and picture.shape[1] > 300
        assert picture.std() > 0.05  # a chart, not a blank canvas


def render(label: str, family: str) -> np.ndarray:
    """The label drawn alone in black on white, read back from the PNG, cropped to its ink."""
    fig = Figure(figsize=(4, 1), dpi=100)
    fig.text(0.02, 0.3, label, fontsize=28, family=family)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", facecolor="white")
    picture = matplotlib.image.imread(io.BytesIO(buf.getvalue()), format="png")
    ink = picture[:, :, :3].mean(axis=2) < 0.5
    cols, rows = np.flatnonzero(ink.any(axis=0)), np.flatnonzero(ink.any(axis=1))
    return ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def cjk_drawn(family: str) -> bool:
    """True when the family draws Chinese: distinct pictures for distinct characters, each
    character wider than a Latin capital and inked like a glyph, not an empty box."""
    first, second = (render(label, family) for label in CJK_LABELS)
    latin = render(LATIN_LABEL, family)
    distinct = first.shape != second.shape or bool((first != second).any())
    wide = first.shape[1] > 1.3 * latin.shape[1]
    return distinct and wide and first.mean() > 0.15


def test_cjk_labels_are_drawn_and_the_check_fires_without_a_cjk_font() -> None:
    sys.path.insert(0, str(NOTEBOOKS))
    try:
        from nbsetup import use_cjk_font
    finally:
        sys.path.remove(str(NOTEBOOKS))
    family = use_cjk_font()
    assert cjk_drawn(family)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the "missing from font" warnings are the point here
        assert not cjk_drawn("DejaVu Sans")
