"""Load stage: bytes on disk (or stdin) -> Document."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .errors import InputError
from .records import Document

MAX_BYTES = 50 * 1024 * 1024
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


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


def decode(path: str, data: bytes) -> str:
    """Decode article bytes: a BOM wins, then strict UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"bytes are not valid {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 100)


def load(path: str, label: str, display: str | None = None) -> Document:
    """Read one source. Raises InputError naming the file on any problem.

    `display` is the name reports show for the file; by default, the path as given.
    """
    data = read_bytes(path)
    text = decode(path, data)
    if not text.strip():
        raise InputError(path, "file is empty")
    if _looks_binary(text):
        raise InputError(path, "looks like a binary file, not text")
    shown = display or ("<stdin>" if path == "-" else os.fspath(path))
    return Document(path=shown, label=label, text=text, sha256=hashlib.sha256(data).hexdigest())


def from_text(text: str, label: str, path: str = "<text>") -> Document:
    """Build a Document from a string already in memory (library use and tests)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=path, label=label, text=text, sha256=digest)
