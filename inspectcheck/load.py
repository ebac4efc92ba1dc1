"""Load stage: bytes on disk (or stdin) -> Document.

The type is read from the content, not only the extension: `%PDF-` means PDF, markup
means HTML (even saved as .txt), anything else is text or markdown. The HTML and PDF
readers live in `load_html` and `load_pdf` and import their heavy libraries only there.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from .errors import InputError
from .records import Document

MAX_BYTES = 50 * 1024 * 1024
_SAMPLE = 8192
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Restricting the candidates matters: unrestricted, charset_normalizer read cp1252 as
# cp1250 and turned "£" into "Ł" (see shared/NOTES-dependencies.md).
_CANDIDATES = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1252"]
_HTML_START = regex.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_HTML_TAG = regex.compile(r"<(?:p|div|br|article|section|span|a|h[1-6])\b[^>]*>", regex.IGNORECASE)
_PARAGRAPH_TAG = regex.compile(r"<p\b[^>]*>", regex.IGNORECASE)


def read_bytes(path: str) -> bytes:
    """Read a file (or stdin for "-"), turning every OS failure into an InputError."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return p.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None


@contextmanager
def quiet(loggers: Iterable[str]) -> Iterator[None]:
    """Keep a library's log records and warnings off stderr, where the CLI promises one line.

    Raising the parent logger's level also silences its children ("pypdf._reader"), which
    would otherwise reach logging's last-resort handler on stderr.
    """
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


def _utf16_without_bom(data: bytes) -> str | None:
    """Latin text in UTF-16 has a NUL in every other byte; binary files do not keep to one side."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    nul_odd = sample[1::2].count(0) / half  # little-endian: the high byte comes second
    nul_even = sample[0::2].count(0) / half
    for encoding, high, low in (("utf-16-le", nul_odd, nul_even), ("utf-16-be", nul_even, nul_odd)):
        if high >= 0.25 and low <= 0.02:
            try:
                return data[: len(data) - len(data) % 2].decode(encoding)  # a stray last byte
            except UnicodeDecodeError:
                return None
    return None


def _guess_legacy(data: bytes) -> str | None:
    """Bytes that are not UTF-8: ask charset_normalizer, and fall back to cp1252."""
    from charset_normalizer import from_bytes  # only files that are not UTF-8 pay for it

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    # UTF-16 without NULs would be non-Latin script: on short input that is a misfire,
    # since the UTF-16 news copy this tool reads was already caught by its NULs.
    if best is not None and not best.encoding.startswith("utf_16"):
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def decode(path: str, data: bytes) -> str:
    """Decode article bytes: a BOM wins, then UTF-16 by its NULs, strict UTF-8, cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"bytes are not valid {encoding}") from None
    text = _utf16_without_bom(data) if b"\x00" in data[:_SAMPLE] else None
    if text is not None:
        return text
    if b"\x00" in data[:_SAMPLE]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guessed = _guess_legacy(data)
    if guessed is None:
        raise InputError(path, "not valid UTF-8, UTF-16 or Windows-1252; re-save the file as UTF-8")
    return guessed


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 100)


def is_pdf(data: bytes) -> bool:
    """The PDF header may follow a little junk (mail or HTTP headers), as readers allow."""
    at = data[:1024].find(b"%PDF-")
    return at == 0 or (at > 0 and data[at - 1 : at] in (b"\n", b"\r"))


def looks_html(text: str, path: str) -> bool:
    """Markup at the start, several <p> tags, or an .html name with any tags at all."""
    head = text[:65536]
    if _HTML_START.match(head) or len(_PARAGRAPH_TAG.findall(head)) >= 3:
        return True
    return Path(path).suffix.lower() in (".html", ".htm") and bool(_HTML_TAG.search(head))


def _read_text(path: str, data: bytes) -> tuple[str, str]:
    """Text or HTML bytes -> (kind, text)."""
    text = decode(path, data)
    if not text.strip():
        raise InputError(path, "file is empty")
    if _looks_binary(text):
        raise InputError(path, "looks like a binary file, not text")
    if looks_html(text, path):
        from .load_html import html_to_text

        return "html", html_to_text(path, text)
    return "text", text


def load(path: str, label: str, display: str | None = None, *, progress: bool = False) -> Document:
    """Read one source. Raises InputError naming the file on any problem.

    `display` is the name reports show for the file; by default, the path as given.
    `progress` shows a bar on stderr while a long PDF is read, if stderr is a terminal.

    Offsets in the Document point into `Document.text`. For text and markdown that is the
    file as decoded; for HTML it is the article text the extractor kept, paragraphs
    separated by blank lines; for PDF it is the extracted text of every page, pages
    separated by a blank line, with `Document.pages` giving where each page starts.
    """
    data = read_bytes(path)
    if not data.strip():
        raise InputError(path, "file is empty")
    pages: tuple[int, ...] = ()
    if is_pdf(data):
        from .load_pdf import pdf_to_text

        kind = "pdf"
        text, pages = pdf_to_text(path, data, progress=progress)
    elif Path(path).suffix.lower() == ".pdf":
        raise InputError(path, "not a readable PDF (no %PDF- header)")
    else:
        kind, text = _read_text(path, data)
    shown = display or ("<stdin>" if path == "-" else os.fspath(path))
    digest = hashlib.sha256(data).hexdigest()
    return Document(path=shown, label=label, text=text, sha256=digest, pages=pages, kind=kind)


def from_text(text: str, label: str, path: str = "<text>") -> Document:
    """Build a Document from a string already in memory (library use and tests)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=path, label=label, text=text, sha256=digest)
