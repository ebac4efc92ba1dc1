"""Reading inputs: type detection, encodings, HTML pages, PDFs and stdin."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from inspectcheck.errors import InputError
from inspectcheck.extract import read_source
from inspectcheck.load import decode, load, looks_html
from inspectcheck.load_html import clean_paragraphs
from inspectcheck.load_pdf import normalise, paragraphs
from inspectcheck.records import Figure
from inspectcheck.segment import segment

from .conftest import ROOT

INPUTS = ROOT / "fixtures" / "inputs"
BBC_HTML = INPUTS / "bbc-hampshire.html"
LOCAL_HTML = INPUTS / "local-paper-hampshire.html"
INLINE_TXT = INPUTS / "ofsted-story-inline-furniture.txt"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
QUOTED = "Costs rose to £1.2m, the report said: “It’s ½ done.” ‘Inadequate’ – again.\n"


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


# ---- PDFs made in the tests -----------------------------------------------------------


def pdf_bytes(pages: list[list[str]], font: Path | None = None) -> bytes:
    """One line per cell; an empty string leaves a paragraph gap."""
    pdf = FPDF()
    if font is None:
        pdf.set_font("Helvetica", size=11)
    else:
        pdf.add_font("Body", fname=str(font))
        pdf.set_font("Body", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if line:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(6)
    return bytes(pdf.output())


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


HYPHENATED_PAGE = [
    "Inspectors found that only 54 per cent of priority incidents were attended within an",
    "hour, according to the report published by the inspec-",
    "tion team after it visited the control room for five days in the summer.",
    "",
    "The force has introduced 200 champions, who lead its child-centred policing work",
    "across the county, and it says the approach is now embedded in every child-",
    "centred team that deals with missing children and with exploitation.",
]


@pytest.fixture
def hyphenated_doc(tmp_path):
    return load(write(tmp_path, "report.pdf", pdf_bytes([HYPHENATED_PAGE])), "a")


def test_pdf_rejoins_a_word_hyphenated_across_a_line_end(hyphenated_doc):
    assert hyphenated_doc.kind == "pdf"
    assert "by the inspection team after it visited" in hyphenated_doc.text
    assert "inspec-" not in hyphenated_doc.text
    assert "inspec tion" not in hyphenated_doc.text


def test_pdf_keeps_the_hyphen_of_a_compound_the_document_writes_whole(hyphenated_doc):
    assert "in every child-centred team" in hyphenated_doc.text
    assert "childcentred" not in hyphenated_doc.text


def test_pdf_paragraphs_are_joined_lines_separated_by_blank_lines(hyphenated_doc):
    paragraphs = paragraphs_of(hyphenated_doc.text)
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Inspectors found that only 54 per cent")
    assert paragraphs[0].endswith("for five days in the summer.")
    assert "\n" not in paragraphs[0]
    sentences = [s.text for s in segment(hyphenated_doc).sentences]
    assert sentences[0] == " ".join(HYPHENATED_PAGE[:3]).replace("inspec- tion", "inspection")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs the DejaVu Sans font for ligature glyphs")
def test_pdf_ligatures_come_out_as_plain_letters(tmp_path):
    line = "The ﬁnal report found signiﬁcant ﬂaws in the oﬃce, and ½ of cases were late."
    doc = load(write(tmp_path, "lig.pdf", pdf_bytes([[line]], font=DEJAVU)), "a")
    assert doc.text.strip() == (
        "The final report found significant flaws in the office, and ½ of cases were late."
    )


def test_normalise_applies_nfkc_but_keeps_vulgar_fractions():
    assert normalise("ﬁnal ﬂaw oﬃce ½ ¾\u00a0cases ⅓") == "final flaw office ½ ¾ cases ⅓"


LONG = "The inspectors examined a sample of cases in the control room and they found that"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["in the inspec-", "tion team"], "in the inspection team"),
        (["an Anglo-", "Saxon name"], "an Anglo-Saxon name"),
        (["in the 2021-", "22 budget"], "in the 2021-22 budget"),
        (["a well\u00ad", "being check"], "a wellbeing check"),
        (["every child-", "centred team"], "every child-centred team"),
        (["the force -", "a large one"], "the force - a large one"),
    ],
)
def test_lines_join_and_mend_line_end_hyphens(lines, expected):
    assert paragraphs(lines, {"child-centred"}) == [expected]


def test_headings_and_bullets_start_paragraphs_without_a_gap():
    lines = [
        "Summary",
        LONG,
        "most were handled well.",
        "Findings:",
        "• 54 per cent of the priority incidents were attended within an hour of the call",
        "• 696 incidents were open",
    ]
    assert paragraphs(lines, set()) == [
        "Summary",
        f"{LONG} most were handled well.",
        "Findings:",
        "• 54 per cent of the priority incidents were attended within an hour of the call",
        "• 696 incidents were open",
    ]


def two_column_pdf() -> bytes:
    left = (
        "Left column: the force attended 54 per cent of priority incidents within an hour, "
        "well short of its target of 75 per cent, and inspectors said this left children at risk."
    )
    right = (
        "Right column: the resolution centre held 696 open incidents, the oldest of them 23 "
        "days old, and callers waited five days for initial contact from an officer."
    )
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 6, "Summary of findings across the whole inspection", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    pdf.set_xy(10, top)
    pdf.multi_cell(85, 6, left)
    pdf.set_xy(110, top)
    pdf.multi_cell(85, 6, right)
    return bytes(pdf.output())


def test_pdf_two_columns_are_read_column_by_column(tmp_path):
    doc = load(write(tmp_path, "columns.pdf", two_column_pdf()), "a")
    assert paragraphs_of(doc.text) == [
        "Summary of findings across the whole inspection",
        "Left column: the force attended 54 per cent of priority incidents within an hour, "
        "well short of its target of 75 per cent, and inspectors said this left children at risk.",
        "Right column: the resolution centre held 696 open incidents, the oldest of them 23 "
        "days old, and callers waited five days for initial contact from an officer.",
    ]


THREE_PAGES = [
    ["Page one says the force met 54 per cent of its target."],
    ["Page two says the resolution centre had 696 open incidents."],
    ["Page three says callers waited five days."],
]


def test_pdf_pages_record_where_each_page_starts(tmp_path):
    doc = load(write(tmp_path, "three.pdf", pdf_bytes(THREE_PAGES)), "a")
    assert len(doc.pages) == 3
    assert doc.pages[0] == 0
    for start, lines in zip(doc.pages, THREE_PAGES, strict=True):
        assert doc.text[start:].startswith(lines[0])
    figures = [c for c in read_source(doc).claims if isinstance(c, Figure)]
    open_incidents = next(f for f in figures if f.value == 696)
    assert doc.pages[1] <= open_incidents.start < doc.pages[2]
    assert doc.page_of(open_incidents.start) == 2
    assert doc.page_of(next(f for f in figures if f.value == 54).start) == 1


def cases(page: int, k: int) -> int:
    return (page * 37 + k * 11) % 90 + 10


def running_report(pages: int) -> bytes:
    class Report(FPDF):
        def header(self) -> None:
            self.cell(0, 6, "Hampshire Constabulary: PEEL 2023-25", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 6, f"Page {self.page_no()} of {pages}", align="C")

    pdf = Report()
    pdf.set_font("Helvetica", size=11)
    for n in range(1, pages + 1):
        pdf.add_page()
        for k in range(4):
            pdf.ln(4)
            pdf.cell(0, 6, f"Finding {k}: inspectors audited {cases(n, k)} cases.")
            pdf.ln(6)
    return bytes(pdf.output())


def test_pdf_drops_running_headers_and_page_numbers(tmp_path):
    doc = load(write(tmp_path, "report.pdf", running_report(4)), "a")
    assert "PEEL" not in doc.text
    assert "Page 2 of 4" not in doc.text
    assert paragraphs_of(doc.text[doc.pages[1] : doc.pages[2]]) == [
        f"Finding {k}: inspectors audited {cases(2, k)} cases." for k in range(4)
    ]


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(THREE_PAGES))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_a_password_is_a_clear_error(tmp_path):
    path = write(tmp_path, "locked.pdf", encrypted("secret"))
    with pytest.raises(InputError) as err:
        load(path, "a")
    assert str(err.value) == f"{path}: PDF is encrypted; remove the password first"


def test_pdf_encrypted_only_against_editing_still_reads(tmp_path):
    doc = load(write(tmp_path, "restricted.pdf", encrypted("")), "a")
    assert doc.text.startswith(THREE_PAGES[0][0])
    assert len(doc.pages) == 3


def test_pdf_needing_a_missing_crypto_library_says_so(tmp_path, monkeypatch):
    from pypdf.errors import DependencyError

    def no_aes(self, password):
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", no_aes)
    path = write(tmp_path, "aes.pdf", encrypted(""))
    with pytest.raises(InputError, match="encrypted with AES; pip install cryptography"):
        load(path, "a")


def test_pdf_without_text_needs_ocr(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")  # a scanned page is an image: no text layer either
    path = write(tmp_path, "scan.pdf", bytes(pdf.output()))
    with pytest.raises(InputError) as err:
        load(path, "a")
    assert str(err.value) == f"{path}: no text layer: run OCR first"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="first half"),
        pytest.param(lambda b: b[: len(b) // 2] + b"\n%%EOF\n", id="first half, end marker"),
        pytest.param(lambda b: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"%%EOF", id="garbage"),
        pytest.param(lambda b: b"%PDF-1.4\n%%EOF", id="header only"),
    ],
)
def test_malformed_pdf_is_an_input_error(tmp_path, damage):
    path = write(tmp_path, "bad.pdf", damage(pdf_bytes(THREE_PAGES)))
    with pytest.raises(InputError) as err:
        load(path, "a")
    assert str(err.value).startswith(f"{path}: not a readable PDF (")
    assert "\n" not in str(err.value)


def test_any_parser_exception_becomes_an_input_error(tmp_path, monkeypatch):
    import pypdf

    def broken(*args, **kwargs):
        raise KeyError("/Root")

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    path = write(tmp_path, "odd.pdf", pdf_bytes(THREE_PAGES))
    with pytest.raises(InputError, match=r"not a readable PDF \(KeyError: '/Root'\)"):
        load(path, "a")


def test_pdf_is_detected_by_content_not_extension(tmp_path):
    doc = load(write(tmp_path, "report.txt", pdf_bytes(THREE_PAGES)), "a")
    assert doc.kind == "pdf"
    assert doc.text.startswith("Page one says")


def test_pdf_name_without_pdf_content_is_an_error(tmp_path):
    path = write(tmp_path, "report.pdf", b"<html><body>Access denied</body></html>")
    with pytest.raises(InputError, match="not a readable PDF \\(no %PDF- header\\)"):
        load(path, "a")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def long_pdf(tmp_path):
    pages = [[f"Page {n} records {n + 100} open incidents."] for n in range(25)]
    return write(tmp_path, "long.pdf", pdf_bytes(pages))


def test_progress_bar_on_a_terminal(long_pdf, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    doc = load(long_pdf, "a", progress=True)
    assert "Reading long.pdf" in terminal.getvalue() and "100%" in terminal.getvalue()
    assert len(doc.pages) == 25


@pytest.mark.parametrize("progress", [True, False])
def test_progress_is_silent_off_a_terminal(long_pdf, capsys, progress):
    doc = load(long_pdf, "a", progress=progress)
    assert capsys.readouterr().err == ""
    assert doc.text[doc.pages[24] :].startswith("Page 24 records 124 open incidents.")


def test_library_is_quiet_on_a_terminal_by_default(long_pdf, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    load(long_pdf, "a")
    assert terminal.getvalue() == ""


# ---- HTML ----------------------------------------------------------------------------

BBC_BODY = [
    "Hampshire police child protection review finds more work needed",
    "A report into how children are dealt with by police has found that while outcomes are "
    "improving, young people are still at risk.",
    "Of 30 child protection cases audited, 18 were found to either require improvement or be "
    "inadequate.",
    'It said the force had committed a "great deal of resources, time and energy" to making '
    "improvements to the service it provides to children since the last inspection in June 2021.",
    "The watchdog found 54% of priority incidents had been attended within that time.",
    "'Closer scrutiny'",
    'He added the force continued "to build and maintain strong relationships with safeguarding '
    "partners to address recommendations made and ensure those most at risk are given the care "
    'and support they need".',
]


def test_bbc_page_keeps_the_article_and_drops_the_furniture():
    doc = load(str(BBC_HTML), "b")
    assert doc.kind == "html"
    paragraphs = paragraphs_of(doc.text)
    positions = [paragraphs.index(p) for p in BBC_BODY]
    assert positions == sorted(positions) and positions[0] == 0
    assert len(paragraphs) == 19
    for furniture in [
        ", external",  # the hidden link suffix
        "agree to cookies",
        "iPlayer",  # navigation
        "Share this page",
        "Image caption",
        "Related internet links",
        "1 in 3 vulnerable children",  # related stories
        "Tracking pixel 4242",  # inline script data
        "31337",  # script at the end of the page
        "Follow BBC South",
        "Copyright",
    ]:
        assert furniture not in doc.text, furniture


LOCAL_BODY = [
    "POLICE in Hampshire were delayed in attending priority incidents involving children, a new "
    "report has revealed.",
    "As part of a review into the Constabulary’s protection of children, it has been revealed "
    "that only 54 per cent of priority incidents were attended within an hour in the past year.",
    "“There is a clear commitment from senior officers to child protection and this was evident "
    "throughout our inspection.”",
    "But the review also found that public protection notices relating to children at risk "
    "weren’t being prioritised and reviewed within 24 hours.",
    "The report concluded: “We are, however, confident that the force understands where it "
    "needs to improve.”",
]


def test_local_paper_page_drops_read_more_comments_and_scripts():
    doc = load(str(LOCAL_HTML), "a")
    paragraphs = paragraphs_of(doc.text)
    positions = [paragraphs.index(p) for p in LOCAL_BODY]
    assert positions == sorted(positions)
    assert paragraphs[0] == (
        "Hampshire police delayed in attending priority incidents involving children"
    )
    assert len(paragraphs) == 14
    for furniture in [
        "READ MORE",
        "jailed for 18 months",  # a READ MORE link's headline carries figures
        "OldTimer99",
        "99 per cent",  # reader comments carry figures too
        "38 per cent",
        "Report this comment",
        "cookie",
        "Share on",
        "Sign up",
        "top 10 stories",
        "£2.4m",  # related articles
        "googletag",
        "dataLayer",
        "Advertisement",
    ]:
        assert furniture.lower() not in doc.text.lower(), furniture


def test_html_saved_as_txt_is_read_as_html():
    doc = load(str(INLINE_TXT), "a")
    assert doc.kind == "html"
    assert paragraphs_of(doc.text) == [
        "Children's home rated inadequate after inspection",
        "By Sam Writer, Education correspondent",
        "A children's home in Anytown has been rated inadequate by Ofsted after inspectors found "
        "staff had not completed safeguarding training for 11 of the 14 young people living there.",
        "The watchdog said the home, run by the county council, was inadequate overall and "
        "requires improvement for leadership and management.",
        "Inspectors said: “Children do not always receive the help and protection they need, and "
        "leaders have been too slow to act on concerns.”",
        "The report found that two thirds of the staff team were agency workers, and that one "
        "child had gone missing 23 times in six months.",
        "A council spokesperson said an action plan costing £250,000 had been agreed and that "
        "“improvements are already under way”.",
    ]


def test_html_paragraphs_reach_the_segmenter_as_paragraphs():
    doc = load(str(BBC_HTML), "b")
    sentences = [s.text for s in segment(doc).sentences]
    assert "The watchdog found 54% of priority incidents had been attended within that time." in (
        sentences
    )
    assert len({s.paragraph for s in segment(doc).sentences}) == 19


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Southampton man jailed for 18 months",
        "Read more: Eastleigh pub closes",
        "Read more",
        "Share",
        "Share this article",
        "Share on WhatsApp",
        "Facebook Twitter WhatsApp Email",
        "Copy link",
        "We use cookies to give you the best online experience.",
        "Accept all cookies",
        "This website uses cookies. By continuing you agree to our cookie policy.",
    ],
)
def test_furniture_lines_are_filtered(line):
    assert clean_paragraphs(f"The report found 54 per cent.\n{line}\nIt added more.") == [
        "The report found 54 per cent.",
        "It added more.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 5% after the report.",
        "Read more widely, the report found 12 gaps.",
        "An external review found 12 failings.",
        "The report, external to the force, found gaps.",
        "Cookies were not mentioned in the 54-page report.",
    ],
)
def test_prose_that_resembles_furniture_is_kept(line):
    assert clean_paragraphs(line) == [line]


def test_hidden_external_suffix_is_removed_from_text():
    assert clean_paragraphs("The last inspection was in June 2021, external.") == [
        "The last inspection was in June 2021."
    ]


def test_hidden_external_link_text_is_dropped_mid_sentence(tmp_path):
    link = '<a href="https://example.org">report<span class="visually-hidden">, external</span></a>'
    page = (
        "<html><body><article>"
        f"<p>The {link} found 54% of priority incidents were attended within an hour.</p>"
        "<p>Inspectors said the force had a target of 75% and 696 incidents were open.</p>"
        "<p>The force said it had already made changes to its control room.</p>"
        "</article></body></html>"
    )
    doc = load(write(tmp_path, "page.html", page.encode()), "a")
    assert paragraphs_of(doc.text)[0] == (
        "The report found 54% of priority incidents were attended within an hour."
    )


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p></p></body></html>",
        "<html><<<>>><p",
        "<!doctype html><title>x</title><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>",
    ],
)
def test_html_without_an_article_is_an_input_error(tmp_path, html):
    path = write(tmp_path, "page.html", html.encode())
    with pytest.raises(InputError) as err:
        load(path, "a")
    assert str(err.value) == f"{path}: no article text found in the HTML"


@pytest.mark.parametrize("share", [0.2, 0.45, 0.7])
def test_truncated_html_reads_or_is_an_input_error(tmp_path, share):
    data = LOCAL_HTML.read_bytes()
    path = write(tmp_path, "cut.html", data[: int(len(data) * share)])
    try:
        doc = load(path, "a")
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
    else:
        assert doc.kind == "html"
        assert "<" not in doc.text


def test_extractor_failure_becomes_an_input_error(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("lxml choked")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(InputError, match=r"page.html: not readable HTML \(ValueError\)"):
        load(write(tmp_path, "page.html", LOCAL_HTML.read_bytes()), "a")


def test_cp1252_html_page_decodes_without_mojibake(tmp_path):
    page = LOCAL_HTML.read_text(encoding="utf-8").replace(
        'charset="UTF-8"', 'charset="windows-1252"'
    )
    doc = load(write(tmp_path, "page.htm", page.encode("cp1252", errors="replace")), "a")
    assert LOCAL_BODY[1] in doc.text
    assert "â€" not in doc.text


@pytest.mark.parametrize(
    ("text", "name", "html"),
    [
        ("<!DOCTYPE html><p>one</p>", "a.txt", True),
        ("<!-- saved from url -->\n<html><body>x</body></html>", "a.md", True),
        ("<p>one</p><p>two</p><p>three</p>", "a.txt", True),
        ("<div>one</div>", "a.html", True),
        ("<div>one</div>", "a.txt", False),
        ("Costs < £5m and > £2m, the report said.", "a.html", False),
        ("# Heading\n\nA paragraph with <b>bold</b> text.", "a.md", False),
    ],
)
def test_html_detection(text, name, html):
    assert looks_html(text, name) is html


# ---- text encodings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("cp1252", b""),
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_text_encodings_decode_without_mojibake(tmp_path, encoding, bom):
    doc = load(write(tmp_path, "story.txt", bom + QUOTED.encode(encoding)), "a")
    assert doc.text == QUOTED
    assert doc.kind == "text"


@pytest.mark.parametrize("text", ["£", "Only ½", "“Quoted”", "£1.2m"])
def test_short_cp1252_text_is_not_misread_as_utf16(text):
    assert decode("x.txt", text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 4, id="every byte"),
        pytest.param(b"\x00" * 4000, id="all NUL"),
        pytest.param(b"\x01\x00\x02\x00\x03\x00" * 500, id="UTF-16-like controls"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 31)) * 50, id="control heavy"),
    ],
)
def test_binary_files_are_still_binary(tmp_path, data):
    path = write(tmp_path, "blob.txt", data)
    with pytest.raises(InputError) as err:
        load(path, "a")
    assert str(err.value) == f"{path}: looks like a binary file, not text"


def test_whitespace_only_utf16_is_empty(tmp_path):
    path = write(tmp_path, "blank.txt", b"\xff\xfe" + " \n\t".encode("utf-16-le"))
    with pytest.raises(InputError, match="file is empty"):
        load(path, "a")


# ---- stdin ---------------------------------------------------------------------------


class Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", Stdin(QUOTED.encode("cp1252")))
    doc = load("-", "a")
    assert doc.text == QUOTED
    assert doc.path == "<stdin>"
    assert doc.kind == "text"


def test_stdin_html_and_pdf_are_detected(monkeypatch):
    monkeypatch.setattr(sys, "stdin", Stdin(BBC_HTML.read_bytes()))
    assert load("-", "a", "bbc page").path == "bbc page"
    monkeypatch.setattr(sys, "stdin", Stdin(BBC_HTML.read_bytes()))
    assert paragraphs_of(load("-", "a").text)[:2] == BBC_BODY[:2]
    monkeypatch.setattr(sys, "stdin", Stdin(pdf_bytes(THREE_PAGES)))
    doc = load("-", "a")
    assert doc.kind == "pdf" and len(doc.pages) == 3


def test_empty_stdin_is_an_input_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", Stdin(b""))
    with pytest.raises(InputError) as err:
        load("-", "a")
    assert str(err.value) == "-: file is empty"


# ---- cost ----------------------------------------------------------------------------


def test_heavy_libraries_load_only_when_needed():
    """--help and plain-text input must not pay for trafilatura or pypdf."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from inspectcheck.cli import cli\n"
        "CliRunner().invoke(cli, ['--help'])\n"
        f"from inspectcheck.load import load; load({str(ROOT / 'seeds' / 'bbc.txt')!r}, 'a')\n"
        "print(sorted(m for m in ('trafilatura', 'pypdf', 'fpdf', 'charset_normalizer')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_question_and_its_short_answer_are_one_sentence():
    from inspectcheck.load import from_text
    from inspectcheck.segment import segment

    found = segment(
        from_text("Are services safe? Inadequate\n\nIs it safe? We found it was not.\n", "a")
    )
    assert [s.text for s in found.sentences] == [
        "Are services safe? Inadequate",
        "Is it safe?",
        "We found it was not.",
    ]


def test_short_lines_and_label_lines_of_a_report_table_are_paragraphs_of_their_own():
    from inspectcheck.load import from_text
    from inspectcheck.segment import segment

    table = (
        "Unique reference number: SC487213\n"
        "Inspection dates: 11 and 12 February 2025\n"
        "\n"
        "Date of last inspection: 9 May 2024\n"
        "Overall judgement at last inspection: good\n"
        "Protecting the public through fire regulation and the safety of buildings: Requires improvement\n"
        "Inspectors found that the service had not audited enough of its high-risk premises in\n"
        "the last year.\n"
    )
    found = segment(from_text(table, "a"))
    assert [s.text for s in found.sentences] == [
        "Unique reference number: SC487213",
        "Inspection dates: 11 and 12 February 2025",
        "Date of last inspection: 9 May 2024",
        "Overall judgement at last inspection: good",
        "Protecting the public through fire regulation and the safety of buildings: Requires improvement",
        "Inspectors found that the service had not audited enough of its high-risk premises in the last year.",
    ]


def test_rows_of_a_table_laid_out_with_spaces_are_paragraphs_of_their_own():
    from inspectcheck.load import from_text
    from inspectcheck.segment import segment

    table = (
        "Judgement                                                   Grade\n"
        "The impact of leaders on social work practice with children  Requires improvement\n"
        "The experiences and progress of children in care             Inadequate\n"
    )
    found = [" ".join(s.text.split()) for s in segment(from_text(table, "a")).sentences]
    assert found == [
        "Judgement Grade",
        "The impact of leaders on social work practice with children Requires improvement",
        "The experiences and progress of children in care Inadequate",
    ]


def test_bulleted_and_numbered_lines_are_items_of_their_own():
    from inspectcheck.load import from_text
    from inspectcheck.segment import segment

    text = (
        "Key points:\n"
        "- Of 101 stalking reports checked, one in four had been recorded as a lesser offence\n"
        "- Calls to the 101 non-emergency number rose by 25% last year\n"
        "1. The first recommendation is long enough to be more than sixty characters wide\n"
        "2. The second\n"
        "It grew by 12. Then it fell.\n"
    )
    assert [s.text for s in segment(from_text(text, "a")).sentences] == [
        "Key points:",
        "- Of 101 stalking reports checked, one in four had been recorded as a lesser offence",
        "- Calls to the 101 non-emergency number rose by 25% last year",
        "1. The first recommendation is long enough to be more than sixty characters wide",
        "2. The second",
        "It grew by 12.",
        "Then it fell.",
    ]


def test_a_broadcast_scripts_clip_cues_are_furniture():
    from inspectcheck.segment import strip_furniture

    script = (
        'IN: "Far too many men..."\nOUT: "...simply not acceptable."\nDUR: 0\'14"\n'
        'TRANSCRIPT: "Far too many men are locked up."\nIn: the morning, 14 staff left.\nENDS\n'
    )
    kept = [line.strip() for line in strip_furniture(script).split("\n") if line.strip()]
    assert kept == [
        'TRANSCRIPT: "Far too many men are locked up."',
        "In: the morning, 14 staff left.",
    ]
