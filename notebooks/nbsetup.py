"""What the notebooks share: the run they read and a font that draws Chinese labels.

``corpus_output()`` gives the output folder of a run of the bundled corpus: the folder named
by the environment variable BULLETIN_OUT when set (the tests run the pipeline once and pass
it), else a fresh run of ``../corpus`` into a temporary folder, so a notebook works on a
fresh clone. ``use_cjk_font()`` makes matplotlib draw Chinese: the Noto Sans CJK SC file
that the ``mplfonts`` package carries (installed with the ``notebooks`` extra), else a
CJK font already known to matplotlib (e.g. Debian's fonts-noto-cjk).
"""
from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# families tried, in order, when mplfonts is absent; any one of them covers the bulletins
SYSTEM_CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                       "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei", "Microsoft YaHei")
PACKAGED_FONT = ("mplfonts", "fonts/NotoSansCJKsc-Regular.otf")


def corpus_output() -> Path:
    """The output folder of a run of the bundled corpus (with text and Parquet)."""
    given = os.environ.get("BULLETIN_OUT")
    if given:
        return Path(given)
    from extract.cli import main
    out = Path(tempfile.mkdtemp(prefix="bulletin-out-")) / "out"
    code = main(["run", str(REPO / "corpus"), "--out", str(out), "--format", "parquet",
                 "--with-text", "--quiet"])
    if code not in (0, 1):
        raise RuntimeError(f"bulletin-extract run {REPO / 'corpus'} exited {code}")
    return out


def packaged_font_file() -> Path | None:
    package, name = PACKAGED_FONT
    try:
        path = Path(str(resources.files(package) / name))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def use_cjk_font() -> str:
    """Make matplotlib's default family one that draws Chinese; returns its name."""
    import matplotlib
    from matplotlib import font_manager
    path = packaged_font_file()
    if path is not None:
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
    else:
        known = {f.name for f in font_manager.fontManager.ttflist}
        family = next((f for f in SYSTEM_CJK_FAMILIES if f in known), "")
        if not family:
            raise RuntimeError("no CJK font for the charts: pip install 'bulletin-extract"
                               "[notebooks]' (brings mplfonts) or install fonts-noto-cjk")
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212
    return family
