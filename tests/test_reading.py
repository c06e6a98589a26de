"""Reading: every encoding and format the archives hold, and every bad input."""
from __future__ import annotations

import random
import zipfile
from io import BytesIO

import pytest

from extract.errors import ReadError
from extract.reading import html_to_text, read_bytes, read_path

TRAD = "【領導動態】\n10月11日，市委書記到寧遠縣調度火災救援處置工作。市長主持召開消防安全監管座談會。\n"


@pytest.mark.parametrize("encode, expected_encoding", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("gb18030"), "gb18030"),
    (lambda t: t.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
])
def test_real_bulletin_reads_identically_in_every_encoding(real_text, encode, expected_encoding):
    decoded = read_bytes(encode(real_text))
    assert decoded.encoding == expected_encoding
    assert decoded.text == real_text


def test_big5_is_told_from_gb18030():
    decoded = read_bytes(TRAD.encode("big5"))
    assert decoded.encoding == "big5"
    assert decoded.text == TRAD


def test_forced_encoding_wins(real_text):
    decoded = read_bytes(real_text.encode("gb18030"), encoding="gbk")
    assert decoded.encoding == "gbk" and decoded.text == real_text


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"  \r\n\t\n", "empty"),
    (random.Random(7).randbytes(3000), "binary"),
    (b"PK\x03\x04" + bytes(200), "binary"),
    ("十月十一日，市长调研。".encode("utf-8")[:-2], "truncated"),
    ("十月十一日，市长调研工作".encode("gb18030")[:-1], "truncated"),
    (bytes(range(0x80, 0x100)) * 10, "undecodable"),
])
def test_bad_input_gets_a_code_and_advice(data, code):
    with pytest.raises(ReadError) as info:
        read_bytes(data, name="bad.txt")
    assert info.value.code == code
    assert "bad.txt" in info.value.message


def test_undecodable_under_forced_encoding_says_what_to_try():
    with pytest.raises(ReadError) as info:
        read_bytes("市长调研".encode("gb18030"), encoding="utf-8", name="x.txt")
    assert info.value.code == "undecodable"
    assert "--encoding" in info.value.message


def test_html_keeps_paragraphs_and_drops_boilerplate(real_text):
    paragraphs = [line for line in real_text.split("\n") if line.strip()]
    body = "".join(f"<p>{p.strip()}</p>\n" for p in paragraphs[:4])
    html = ("<html><head><title>标题不算正文</title><style>p{color:red}</style>"
            "<script>var a='脚本';</script></head><body>"
            "<div class=\"nav\">首页 | 返回列表</div>" + body.replace("，", "&#65292;", 1) +
            "<div id=\"footer\">版权所有</div></body></html>")
    decoded = read_bytes(html.encode("utf-8"), suffix=".html")
    assert decoded.encoding == "html"
    assert decoded.text.splitlines() == [p.strip() for p in paragraphs[:4]]
    for junk in ("标题不算正文", "脚本", "首页", "版权所有", "color"):
        assert junk not in decoded.text


def test_html_declared_gbk_charset_is_honoured():
    html = '<html><head><meta charset="gbk"></head><body><p>市长调研消防安全工作。</p></body></html>'
    decoded = read_bytes(html.encode("gb18030"), suffix=".htm")
    assert decoded.text == "市长调研消防安全工作。\n"


def test_html_line_breaks_split_paragraphs():
    assert html_to_text("<p>第一段<br>第二段</p>") == "第一段\n第二段\n"


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs(real_text):
    lines = [line.strip() for line in real_text.split("\n") if line.strip()][:3]
    decoded = read_bytes(_docx_bytes(lines), suffix=".docx")
    assert decoded.encoding == "docx"
    assert decoded.text.splitlines() == lines


def test_broken_docx_is_truncated():
    data = _docx_bytes(["市长调研。"])
    with pytest.raises(ReadError) as info:
        read_bytes(data[: len(data) // 2], suffix=".docx")
    assert info.value.code in ("truncated", "undecodable")
    assert not zipfile.is_zipfile(BytesIO(data[: len(data) // 2]))


def test_too_large_and_missing_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("市长调研。" * 100, encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_path(big, max_bytes=100)
    assert info.value.code == "too_large" and "--max-bytes" in info.value.message
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ReadError) as info:
        read_path(link)
    assert info.value.code == "unreadable"


def test_utf16_with_bom_is_read(real_text):
    decoded = read_bytes(real_text.encode("utf-16"))
    assert decoded.encoding == "utf-16" and decoded.text == real_text


@pytest.mark.parametrize("html, text", [
    ("<nav><ul><li>首页<li>返回</ul></nav><p>正文一段。</p>", "正文一段。\n"),
    ('<div class="menu"><p>菜单</div><p>正文一段。', "正文一段。\n"),
    ("<p>第一段<p>第二段</p>", "第一段\n第二段\n"),
])
def test_unclosed_tags_never_hide_the_page(html, text):
    assert html_to_text(html) == text


def test_page_without_visible_text_is_an_empty_error():
    with pytest.raises(ReadError) as info:
        read_bytes(b"<html><body><p>&nbsp;</p><script>var x=1;</script></body></html>", suffix=".html")
    assert info.value.code == "empty"


def test_wrongly_declared_charset_falls_back_to_detection():
    page = '<meta charset="utf-8"><p>市长调研消防安全工作。</p>'.encode("gb18030")
    assert read_bytes(page, suffix=".html").text == "市长调研消防安全工作。\n"
