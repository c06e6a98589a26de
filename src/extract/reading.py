"""Bytes to text: encoding detection, HTML and .docx to paragraphs.

Every later stage indexes the text returned here, so this module fixes the
"text as read" of the contract: decoded, BOM removed, line ends normalised to
``\\n``, full-width characters kept.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import ReadError

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".htm", ".html")
DOCX_SUFFIXES = (".docx",)
BULLETIN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES

# Encodings tried after UTF-8, in this order; GB18030 is a superset of GBK/GB2312.
_CJK_CANDIDATES = ("gb18030", "big5")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A bulletin's text as read and how it was read."""

    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(data: bytes, *, suffix: str = ".txt", encoding: str | None = None,
               name: str = "<input>") -> Decoded:
    """Decode one bulletin's bytes; raise ReadError with a code and advice."""
    if not data.strip():
        raise ReadError("empty", f"{name}: the file is empty; remove it or re-export the bulletin")
    suffix = suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return Decoded(_docx_text(data, name), "docx")
    if suffix in HTML_SUFFIXES:
        raw = _decode_html(data, encoding, name)
        text = html_to_text(raw.text)
        if not text.strip():
            raise ReadError("empty", f"{name}: the page has no visible paragraph text; "
                            "check that it is the bulletin and not a frame or index page")
        return Decoded(text, "html")
    return decode_text(data, encoding=encoding, name=name)


def _decode_html(data: bytes, encoding: str | None, name: str) -> Decoded:
    """--encoding wins; a page's declared charset is tried, then detection, because
    government pages often declare utf-8 and are GBK (or the other way round)."""
    if encoding:
        return decode_text(data, encoding=encoding, name=name)
    declared = _html_declared(data)
    if declared:
        try:
            return decode_text(data, encoding=declared, name=name)
        except ReadError:
            pass
    return decode_text(data, name=name)


def decode_text(data: bytes, *, encoding: str | None = None, name: str = "<input>") -> Decoded:
    """Plain text: the given encoding, else UTF-8 (with or without BOM), GB18030 or Big5."""
    if encoding:
        return _decode_forced(data, encoding, name)
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_finish(_strict(data[3:], "utf-8", name), name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows "Unicode" text
        return Decoded(_finish(_strict(data, "utf-16", name), name), "utf-16")
    _reject_binary(data, name)
    try:
        return Decoded(_finish(data.decode("utf-8"), name), "utf-8")
    except UnicodeDecodeError as exc:
        if _truncated_at_end(exc, data):
            raise ReadError("truncated", f"{name}: the file ends inside a UTF-8 character; "
                            "it looks cut short — copy it again from the source") from None
    return Decoded(*_decode_cjk(data, name))


def _decode_forced(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError("undecodable", f"{name}: unknown encoding {encoding!r}; "
                        "use e.g. utf-8, gb18030 or big5") from None
    text = _strict(data, codec, name)
    label = "utf-8-sig" if codec == "utf-8" and text.startswith("\ufeff") else codec
    return Decoded(_finish(text, name), label)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        code = "truncated" if _truncated_at_end(exc, data) else "undecodable"
        raise ReadError(code, f"{name}: not valid {codec} at byte {exc.start}; "
                        "try --encoding gb18030 (or big5, utf-8)") from None


def _decode_cjk(data: bytes, name: str) -> tuple[str, str]:
    decoded = {}
    for codec in _CJK_CANDIDATES:
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if not decoded and any(_decodes(data[:-k], "gb18030") for k in (1, 2, 3)):
        raise ReadError("truncated", f"{name}: the file ends inside a GB18030 character; "
                        "it looks cut short — copy it again from the source")
    if not decoded:
        raise ReadError("undecodable", f"{name}: not UTF-8, GB18030 or Big5; "
                        "find the encoding and pass it with --encoding")
    if len(decoded) == 1:
        codec = next(iter(decoded))
    else:
        codec = _best_cjk(data, decoded)
    return _finish(decoded[codec], name), codec


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _best_cjk(data: bytes, decoded: dict[str, str]) -> str:
    """Both GB18030 and Big5 decode the bytes: ask charset-normalizer which reads as Chinese."""
    best = from_bytes(data, cp_isolation=list(decoded)).best()
    if best is not None and codecs.lookup(best.encoding).name in decoded:
        return codecs.lookup(best.encoding).name
    return "gb18030"


def _truncated_at_end(exc: UnicodeDecodeError, data: bytes) -> bool:
    """A multi-byte character cut off by the end of the file (copy or download cut short)."""
    return exc.end >= len(data) and exc.start >= len(data) - 3 and "end" in exc.reason


def _reject_binary(data: bytes, name: str) -> None:
    sample = data[:4096]
    if b"\x00" in sample:
        raise ReadError("binary", f"{name}: contains NUL bytes, so it is a binary file, "
                        "not a text bulletin; export it as .txt, .html or .docx")


def check_text(text: str, name: str = "<text>") -> str:
    """A text given as a string, held to the same rules as a file's: line ends
    normalised; empty or mostly control characters is a ReadError."""
    return _finish(text, name)


def _finish(text: str, name: str) -> str:
    """Normalise line ends and refuse text that is mostly control characters."""
    text = normalize_newlines(text)
    if not text.strip():
        raise ReadError("empty", f"{name}: the file holds only white space; "
                        "remove it or re-export the bulletin")
    controls = len(_CONTROL.findall(text[:4096]))
    if controls > max(8, len(text[:4096]) // 50):
        raise ReadError("binary", f"{name}: mostly control characters, so it is not a text "
                        "bulletin; export it as .txt, .html or .docx")
    return text


def _html_declared(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # gb2312/gbk pages often hold characters beyond their declared set.
    return "gb18030" if codec in ("gb2312", "gbk") else codec


class _ParagraphParser(HTMLParser):
    """Collects visible paragraph text, one block element a line."""

    SKIP = {"script", "style", "title", "head", "nav", "header", "footer", "aside",
            "noscript", "template", "iframe", "select", "button", "form"}
    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section",
             "article", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "center"}
    BOILERPLATE = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share|copyright", re.I)
    VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "wbr"}

    # elements HTML lets authors leave open: a new one closes the last of its kind
    SELF_CLOSING = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content?)

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK:
            self._flush()
        if tag in self.VOID:
            return
        if tag in self.SELF_CLOSING and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        self.stack.append((tag, tag in self.SKIP or bool(marks and self.BOILERPLATE.search(marks))))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        # pop down to the matching element; an end tag never opened is ignored, so an
        # unclosed <li> inside a menu cannot hide the rest of the page
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.current.append(data)

    def _flush(self) -> None:
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> str:
    """Visible paragraph text of an HTML page, one paragraph a line."""
    parser = _ParagraphParser()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines) + "\n" if parser.lines else ""


def _docx_text(data: bytes, name: str) -> str:
    try:
        import docx  # python-docx; imported here so plain-text runs never pay for it
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError("truncated", f"{name}: not a complete .docx (zip) file; "
                        "save it again from the word processor") from None
    except Exception as exc:  # python-docx raises several types for broken packages
        raise ReadError("undecodable", f"{name}: cannot read as .docx ({exc}); "
                        "save it again or export as .txt") from None
    lines = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    if not lines:
        raise ReadError("empty", f"{name}: the .docx holds no text paragraphs")
    return normalize_newlines("\n".join(lines) + "\n")


def read_path(path: Path, *, encoding: str | None = None, max_bytes: int = 20_000_000,
              name: str | None = None) -> Decoded:
    """Read one bulletin file, mapping I/O problems to ReadError codes."""
    label = name or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("unreadable", f"{label}: the file does not exist (a broken link?); "
                        "fix the link or remove it") from None
    except OSError as exc:
        raise ReadError("unreadable", f"{label}: cannot read ({exc.strerror}); "
                        "check the file's permissions") from None
    if size > max_bytes:
        raise ReadError("too_large", f"{label}: {size} bytes is over the limit of {max_bytes}; "
                        "split the file or raise --max-bytes")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", f"{label}: cannot read ({exc.strerror}); "
                        "check the file's permissions") from None
    return read_bytes(data, suffix=path.suffix, encoding=encoding, name=label)
