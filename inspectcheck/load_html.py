"""HTML input: a saved web page -> its article text, paragraphs separated by blank lines.

trafilatura finds the article (measured best in shared/NOTES-dependencies.md); it is
imported here only, because it costs about 130-200 ms to import. Offsets of claims from
an HTML source point into the extracted text, not into the markup.
"""

from __future__ import annotations

import regex

from .errors import InputError
from .load import quiet

# The BBC's screen-reader-only link suffix: drop it from the markup, where it is unambiguous.
_HIDDEN_EXTERNAL = regex.compile(
    r"<span\b[^>]*>\s*,\s*external\s*</span>", regex.IGNORECASE | regex.DOTALL
)
# ... and whatever survived as text, only where it cannot be real prose (before . or at the end).
_EXTERNAL_SUFFIX = regex.compile(r"\s*,\s*external\b(?=\s*(?:[.;:!?]|$))", regex.IGNORECASE)
# Whole paragraphs that extractors keep although they are not the article.
_SOCIAL = r"(?:Facebook|Twitter|X|WhatsApp|Email|LinkedIn|Pinterest|Reddit|Messenger|Copy\ link)"
_FURNITURE = regex.compile(
    rf"""^(?:
        (?:READ\ MORE|READ\ ALSO|MORE\ ON\ THIS)\b.*
      | Read\ (?:more|also)\b\s*(?:[:|–-].*)?
      | Share(?:\ this\ (?:article|story|page)|\ (?:on|via)\ {_SOCIAL})?
      | {_SOCIAL}(?:[\s,|·•/]+{_SOCIAL})*
    )$""",
    regex.VERBOSE,
)
_COOKIE = regex.compile(
    r"\bcookies?\b.{0,80}\b(?:consent|settings|preferences|policy|agree|accept|reject|manage)"
    r"|\b(?:we|this\ (?:web)?site)\ uses?\ cookies\b"
    r"|\b(?:accept|reject|manage)\b.{0,20}\bcookies?\b",
    regex.IGNORECASE | regex.VERBOSE,
)
_WORD = regex.compile(r"\p{L}+")
_MIN_WORDS = 5  # fewer is a menu or an error page, not an article
_COOKIE_MAX = 400  # longer paragraphs that mention cookies are prose, not a banner
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def is_furniture(paragraph: str) -> bool:
    """Related-story links, share buttons and cookie banners that survive extraction."""
    if _FURNITURE.match(paragraph):
        return True
    return len(paragraph) <= _COOKIE_MAX and bool(_COOKIE.search(paragraph))


def clean_paragraphs(extracted: str) -> list[str]:
    """Extractor output (one block a line) -> article paragraphs without furniture."""
    paragraphs = []
    for line in extracted.splitlines():
        paragraph = _EXTERNAL_SUFFIX.sub("", " ".join(line.split()))
        if paragraph and not is_furniture(paragraph):
            paragraphs.append(paragraph)
    return paragraphs


def _extract(html: str) -> tuple[str | None, str | None]:
    """(title, body text) as trafilatura finds them; body is None when there is no article."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, include_comments=False, favor_precision=True, with_metadata=True
    )
    if found is None:
        return None, None
    return getattr(found, "title", None), getattr(found, "text", None)


def html_to_text(path: str, html: str) -> str:
    """Article text of a web page: headline first, then one paragraph per block.

    Raises InputError for markup the extractor cannot read or a page with no article.
    """
    html = _HIDDEN_EXTERNAL.sub("", html)
    try:
        with quiet(_LOGGERS):
            title, body = _extract(html)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise InputError(path, f"not readable HTML ({type(exc).__name__})") from None
    paragraphs = clean_paragraphs(body or "")
    if sum(len(_WORD.findall(p)) for p in paragraphs) < _MIN_WORDS:
        raise InputError(path, "no article text found in the HTML")
    headline = " ".join((title or "").split())
    # Headlines carry claims too; trafilatura's text leaves the title out.
    if headline and headline != paragraphs[0] and not is_furniture(headline):
        paragraphs.insert(0, headline)
    return "\n\n".join(paragraphs) + "\n"
