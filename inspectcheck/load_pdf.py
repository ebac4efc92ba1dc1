"""PDF input: a report PDF -> its text, paragraph by paragraph, and where each page starts.

pypdf's layout mode keeps the page geometry (measured best in
shared/NOTES-dependencies.md); it is imported here only. From its output this module
re-joins words hyphenated across line ends, applies NFKC (ligatures), reads two-column
pages column by column, drops running headers, footers and page numbers, and joins the
wrapped lines of each paragraph onto one line, paragraphs separated by blank lines: the
segmenter would take a short column line for the end of a paragraph.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .errors import InputError
from .load import quiet

if TYPE_CHECKING:
    from pypdf import PdfReader

PROGRESS_MIN_PAGES = 20  # below this a bar would only flicker
_PAGE_SEPARATOR = "\n\n"
# NFKC would turn "½" into "1⁄2"; the figures stage reads the single character.
_KEEP_AS_IS = regex.compile(r"[\u00bc-\u00be\u2150-\u215e]+")
_SOFT_HYPHEN = "\u00ad"
_HYPHENATED = regex.compile(r"\p{L}+(?:-\p{L}+)+")
_SPLIT_WORD = regex.compile(r"(\p{L}+)[-\u00ad]$")
_FIRST_WORD = regex.compile(r"\p{Ll}\p{L}*")
_COMPOUND_END = regex.compile(r"\S-$")
_TERMINAL = regex.compile(r"[.!?:;\"”’)]$")
_BULLET = regex.compile(r"^(?:[•●▪◦■]|\d{1,2}[.)]\s|\([a-z]\)\s)")
_PAGE_NUMBER = regex.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")
_SHORT_LINE = 0.7  # a line under this share of its block's width may end a paragraph
_GUTTER_ROWS = 0.5  # share of a page's lines that must have a gap at one position
_COLUMN_MIN_CHARS = 15  # average text on each side of a gutter: less is a table, not columns
_EDGE_MIN_LINES = 5  # fewer lines on a page leave no room for a header and a footer
_RUNNING_SHARE = 0.5  # a page-edge line on this share of pages is a running header/footer


def normalise(text: str) -> str:
    """NFKC (ligatures such as "ﬁ" -> "fi", no-break spaces), keeping vulgar fractions."""
    pieces = []
    last = 0
    for m in _KEEP_AS_IS.finditer(text):
        pieces.append(unicodedata.normalize("NFKC", text[last : m.start()]))
        pieces.append(m.group())
        last = m.end()
    pieces.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(pieces)


# ---- columns -------------------------------------------------------------------------


def _gap_at(line: str, pos: int) -> bool:
    return line[pos - 1 : pos + 2] == "   " and bool(line[:pos].strip() and line[pos:].strip())


def find_gutter(lines: list[str]) -> int | None:
    """Character position of the gap between two columns of layout-mode text, if any."""
    rows = [line for line in lines if line.strip()]
    if len(rows) < 3:
        return None
    width = max(len(line) for line in rows)
    best, best_rows = None, 0
    for pos in range(width // 4, 3 * width // 4):
        count = sum(1 for line in rows if _gap_at(line, pos))
        if count > best_rows:
            best, best_rows = pos, count
    if best is None or best_rows < max(3, _GUTTER_ROWS * len(rows)):
        return None
    split = [line for line in rows if _gap_at(line, best)]
    left = sum(len(line[:best].strip()) for line in split) / len(split)
    right = sum(len(line[best:].strip()) for line in split) / len(split)
    return best if min(left, right) >= _COLUMN_MIN_CHARS else None


def read_columns(lines: list[str]) -> list[str]:
    """Two-column lines -> the left column, then the right, band by band.

    A line that crosses the gutter (a heading over both columns) closes a band.
    """
    gutter = find_gutter(lines)
    if gutter is None:
        return lines
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        out.extend([*left, "", *right, ""])
        left.clear()
        right.clear()

    for line in lines:
        if len(line) > gutter and not line[gutter - 1 : gutter + 2].isspace() and line.strip():
            flush()
            out.append(line)
            continue
        left.append(line[:gutter])
        right.append(line[gutter:])
    flush()
    return out


# ---- paragraphs ----------------------------------------------------------------------


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    """A short line ends its paragraph when it ends a sentence or the next line starts one."""
    if len(line) >= _SHORT_LINE * width:
        return False
    return bool(_TERMINAL.search(line)) or not following[:1].islower()


def _mend(text: str, line: str, compounds: set[str]) -> str:
    """Add the next line of a paragraph, mending a word split by a hyphen at the line end."""
    split = _SPLIT_WORD.search(text)
    first = _FIRST_WORD.match(line)
    if split and first:
        # Keep the hyphen of a compound the document also writes whole on one line.
        compound = f"{split.group(1)}-{first.group()}".lower() in compounds
        return text[:-1] + ("-" if compound else "") + line
    if text.endswith(_SOFT_HYPHEN):
        return text[:-1] + line
    if _COMPOUND_END.search(text):  # "Anglo-" + "Saxon", "2021-" + "22"
        return text + line
    return f"{text} {line}"


def _join(lines: list[str], compounds: set[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _mend(text, line, compounds)
    return text.replace(_SOFT_HYPHEN, "")


def paragraphs(lines: list[str], compounds: set[str]) -> list[str]:
    """Collapsed lines of one page -> paragraphs (blank lines and short lines end them)."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        width = max((len(x) for x in block), default=0)
        current: list[str] = []
        for i, row in enumerate(block):
            if current and _BULLET.match(row):
                out.append(_join(current, compounds))
                current = []
            current.append(row)
            following = block[i + 1] if i + 1 < len(block) else ""
            if _ends_paragraph(row, following, width):
                out.append(_join(current, compounds))
                current = []
        if current:
            out.append(_join(current, compounds))
        block = []
    return out


# ---- running headers, footers, page numbers ------------------------------------------


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first two and last two non-blank lines of a page.

    A page of only a few lines has no room for a header and a footer: none are edges there.
    """
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < _EDGE_MIN_LINES:
        return []
    return sorted(set(filled[:2] + filled[-2:]))


def _page_numbers(lines: list[str]) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line]
    return {i for i in filled[:1] + filled[-1:] if _PAGE_NUMBER.match(lines[i])}


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Page-edge lines that repeat on most pages, exactly or but for a page number.

    "Page 7 of 40" and "Page 8 of 40" are one footer: some number in them moves in step
    with the page. Lines alike but for other numbers ("Finding 3: 12 cases") are content.
    """
    needed = max(3, _RUNNING_SHARE * len(pages))
    exact: Counter[str] = Counter()
    numbered: dict[tuple[str, int, int], set[str]] = {}
    for index, page in enumerate(pages):
        for line in {page[i] for i in _edges(page)}:
            exact[line] += 1
            key = _DIGITS.sub("#", line)
            for place, number in enumerate(_DIGITS.findall(line)):
                numbered.setdefault((key, place, int(number) - index), set()).add(line)
    running = {line for line, n in exact.items() if n >= needed}
    for lines in numbered.values():
        if len(lines) >= needed:
            running |= lines
    return running


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and the headers and footers repeated at the edges of most pages."""
    running = _running_lines(pages)
    cleaned = []
    for page in pages:
        drop = {i for i in _edges(page) if page[i] in running} | _page_numbers(page)
        cleaned.append([line for i, line in enumerate(page) if i not in drop])
    return cleaned


# ---- reading -------------------------------------------------------------------------


def page_lines(raw: str) -> list[str]:
    """One page of layout-mode text -> its lines in reading order, spaces collapsed."""
    lines = [line.rstrip() for line in normalise(raw).splitlines()]
    return [" ".join(line.split()) for line in read_columns(lines)]


def _compounds(pages: list[list[str]]) -> set[str]:
    """Hyphenated words the document writes whole on one line ("child-centred")."""
    found: set[str] = set()
    for page in pages:
        for line in page:
            found.update(m.group().lower() for m in _HYPHENATED.finditer(line))
    return found


@contextmanager
def _progress(total: int, name: str, enabled: bool) -> Iterator[Callable[[], None]]:
    """A bar on stderr for long PDFs when asked and stderr is a terminal; else a no-op."""
    if not (enabled and total >= PROGRESS_MIN_PAGES and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(f"Reading {Path(name).name}", total=total)
        yield lambda: bar.advance(task)


def _open(path: str, data: bytes) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            # Many published PDFs are encrypted only to restrict printing: an empty
            # user password opens them.
            opened = reader.decrypt("")
        except DependencyError:
            raise InputError(
                path, "PDF is encrypted with AES; pip install cryptography, or remove the password"
            ) from None
        if not opened:
            raise InputError(path, "PDF is encrypted; remove the password first")
    return reader


def _raw_pages(path: str, data: bytes, progress: bool) -> list[str]:
    """Layout-mode text of every page. Any failure of the parser becomes an InputError."""
    try:
        with quiet(["pypdf"]):
            reader = _open(path, data)
            pages = reader.pages
            texts = []
            with _progress(len(pages), path, progress) as tick:
                for page in pages:
                    texts.append(page.extract_text(extraction_mode="layout"))
                    tick()
            return texts
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types (and KeyError, ValueError...) on bad files
        detail = " ".join(str(exc).split())[:80]
        reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        raise InputError(path, f"not a readable PDF ({reason})") from None


def pdf_to_text(path: str, data: bytes, progress: bool = False) -> tuple[str, tuple[int, ...]]:
    """(text, offset where each page starts). Pages are separated by a blank line.

    Raises InputError for a truncated, malformed or encrypted PDF, or one without text.
    """
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "not a readable PDF (truncated: no %%EOF at the end)")
    raw = _raw_pages(path, data, progress)
    if not raw:
        raise InputError(path, "not a readable PDF (it has no pages)")
    pages = drop_running_lines([page_lines(text) for text in raw])
    compounds = _compounds(pages)
    texts = ["\n\n".join(paragraphs(lines, compounds)) for lines in pages]
    if not any(texts):
        raise InputError(path, "no text layer: run OCR first")
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_PAGE_SEPARATOR)
    return _PAGE_SEPARATOR.join(texts) + "\n", tuple(starts)
