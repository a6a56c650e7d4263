"""PDF files: the text layer through pypdf; truncated, encrypted, damaged and image-only PDFs fail clearly."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from claimgraph.errors import InputError
from claimgraph.ingest import iter_documents
from claimgraph.model import Document

BODY = ("The monitoring team reported two attacks on the northern road in May.\n"
        "Local officials disputed the figures given by the group.")


def write_pdf(path: Path, text: str | None = BODY, **encryption: str) -> Path:
    pdf = FPDF()
    pdf.set_title("Monitoring report")
    pdf.set_author("Field Desk")
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    if text is None:
        pdf.rect(20, 20, 80, 40)
    else:
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def read_one(path: Path) -> Document | InputError:
    results = list(iter_documents([path]))
    assert len(results) == 1, results
    return results[0]


def error_text(path: Path) -> str:
    error = read_one(path)
    assert isinstance(error, InputError), error
    return str(error)


def test_text_layer_and_metadata_are_read(tmp_path: Path) -> None:
    doc = read_one(write_pdf(tmp_path / "report.pdf"))
    assert isinstance(doc, Document), doc
    assert doc.text == BODY
    assert (doc.title, doc.author) == ("Monitoring report", "Field Desk")


def test_pdf_cut_in_half_is_truncated(tmp_path: Path) -> None:
    whole = write_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert error_text(path) == f"{path}: truncated PDF (no %%EOF marker at the end)"


def test_pdf_locked_with_a_user_password_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", owner_password="owner-secret", user_password="reader-secret")
    assert error_text(path) == f"{path}: encrypted PDF (a password is needed to read it)"


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    doc = read_one(write_pdf(tmp_path / "restricted.pdf", owner_password="owner-secret"))
    assert isinstance(doc, Document), doc
    assert doc.text == BODY


def test_pdf_without_text_layer_is_an_error(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", text=None)
    assert error_text(path) == f"{path}: no text layer in PDF (a scanned PDF needs OCR first)"


def test_damaged_pdf_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n")
    assert error_text(path).startswith(f"{path}: damaged PDF (")


def test_other_file_named_pdf_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_text("Dear editor, this is plain text.", encoding="utf-8")
    assert error_text(path) == f"{path}: not a PDF file (no %PDF- header)"
