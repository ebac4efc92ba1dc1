"""A golden `check` case: a draft misstates a figure and a quote from a two-page report PDF."""

from __future__ import annotations

import json

import pytest
from fpdf import FPDF

PAGE_ONE = (
    "We inspected how Hampshire Constabulary responds to children at risk. "
    "The force attended 54 per cent of priority incidents within an hour, against a target "
    "of 75 per cent. We found that 30 child protection cases had been audited."
)
PAGE_TWO = (
    "The resolution centre had 696 open incidents during our inspection. "
    "We are, however, confident that the force understands where it needs to improve. "
    "The force has introduced 200 child-centred policing champions."
)
DRAFT = """Police attend too few urgent calls, report finds

Hampshire police attended 45 per cent of priority incidents within an hour, inspectors found.

The resolution centre had 696 open incidents.

The report said: "We are, however, certain that the force understands where it needs to improve."

The force has introduced 200 child-centred policing champions.
"""


@pytest.fixture
def report_pdf(tmp_path):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in (PAGE_ONE, PAGE_TWO):
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    return path


def test_draft_checked_against_pdf_cites_pages(run, tmp_path, report_pdf):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run("check", str(draft), "--against", str(report_pdf), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["sources"][0]["format"] == "pdf"
    claims = {c["claim"]["text"]: c for c in data["claims"]}

    figure = claims["45 per cent"]
    assert figure["status"] == "contradicted"
    evidence = figure["evidence"][0]
    assert evidence["claim"]["text"] == "54 per cent"
    assert evidence["claim"]["page"] == 1
    assert "page 1" in figure["reason"]

    quote = next(c for t, c in claims.items() if t.startswith("We are, however, certain"))
    assert quote["status"] == "contradicted"
    assert quote["evidence"][0]["claim"]["page"] == 2
    assert quote["evidence"][0]["match"] == "altered"
    assert '"certain" → "confident"' in quote["reason"]

    assert claims["696"]["status"] == "supported"
    assert claims["696"]["evidence"][0]["claim"]["page"] == 2
    assert claims["200"]["status"] == "supported"


def test_text_report_cites_the_page(run, tmp_path, report_pdf, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # long temporary paths must not wrap mid-citation
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run("check", str(draft), "--against", str(report_pdf))
    assert "report.pdf page 1" in result.stdout
    assert "report.pdf page 2" in result.stdout
