"""The library entry points: compare two sources without the CLI."""

from __future__ import annotations

from .classify import classify
from .extract import read_source
from .load import load
from .pair import align_sentences, pair_claims
from .records import Document, Report, Settings


def compare_documents(a: Document, b: Document, settings: Settings | None = None) -> Report:
    settings = settings or Settings()
    source_a, source_b = read_source(a), read_source(b)
    pairs = pair_claims(source_a, source_b, settings)
    findings = classify(source_a, source_b, pairs, settings)
    alignment = align_sentences(source_a, source_b, settings)
    return Report(a=source_a, b=source_b, alignment=tuple(alignment), findings=findings)


def compare(
    path_a: str,
    path_b: str,
    settings: Settings | None = None,
    names: tuple[str, str] | None = None,
    progress: bool = False,
) -> Report:
    """Compare two files. Raises InputError naming the file when one cannot be read.

    `names` are what reports call the two files; by default, their paths as given.
    `progress` shows a bar on stderr while a long PDF is read, if stderr is a terminal.
    """
    name_a, name_b = names or (None, None)
    a = load(path_a, "a", name_a, progress=progress)
    b = load(path_b, "b", name_b, progress=progress)
    return compare_documents(a, b, settings)
