"""The seven official forms from the county demo database: PDF text, pages, pixels, Word."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document as read_docx
from sqlalchemy import select

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.documents.forms import FORM_TITLES, FormOptions, form_builder
from sanxiang_desktop.documents.model import Document, Paragraph, Table, Column
from sanxiang_desktop.documents.to_docx import write_docx
from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

from .conftest import pdf_pages, pdf_text, requires_poppler

COUNTY, TOWNSHIP = "640104", "640104100"
pytestmark = requires_poppler


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    path = tmp_path_factory.mktemp("county") / "county.db"
    db = open_database(path, create=True)
    build_demo(db, COUNTY, scale="county")
    yield db
    db.close()


def _unit_for(form: str) -> str:
    return COUNTY if form in ("bulletin", "summary") else TOWNSHIP


def _one_line(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _expected_value(db, form: str) -> str:
    """A value the form must show, read from the database independently of the form code."""
    with db.session() as s:
        if form == "registration":
            return TOWNSHIP
        if form in ("leadership", "vice-chairs"):
            post = s.scalar(select(m.Post).where(m.Post.unit_code == TOWNSHIP, m.Post.role == "part_time_vice_chair",
                                                 m.Post.deleted.is_(False), m.Post.end_on.is_(None)))
            return s.get(m.Person, post.person_id).name
        if form == "activity-ledger":     # the totals row: participants of the township and its villages
            from sqlalchemy import func
            from sanxiang_desktop.core import clock
            year = clock.today().year
            return str(s.scalar(select(func.sum(m.Activity.participants)).where(
                m.Activity.unit_code.like(f"{TOWNSHIP}%"), m.Activity.deleted.is_(False),
                func.strftime("%Y", m.Activity.held_on) == str(year))))
        if form == "visit-record":
            return s.scalar(select(m.Visit.visitors).where(m.Visit.visited_unit_code == TOWNSHIP))[:6]
        return "掌政镇"


@pytest.mark.parametrize("form", list(FORM_TITLES))
def test_every_form_prints_from_the_county_database(qapp, county, tmp_path, form):
    from sanxiang_desktop.ui.printing.render import render_pdf
    doc = form_builder(form)(county, FormOptions(unit=_unit_for(form)))
    pdf = tmp_path / f"{form}.pdf"
    pages = render_pdf(doc, pdf)
    text = _one_line(pdf_text(pdf))
    assert pages == pdf_pages(pdf) >= 1
    assert _one_line(FORM_TITLES[form]) in text
    assert _one_line(_expected_value(county, form)) in text
    assert "—1—" in text                                  # GB/T 9704 page number
    blank = form_builder(form)(county, FormOptions(unit=_unit_for(form), blank=True))
    render_pdf(blank, tmp_path / "blank.pdf")
    assert _one_line(FORM_TITLES[form]) in _one_line(pdf_text(tmp_path / "blank.pdf"))


def test_phones_and_ids_are_masked_unless_asked(qapp, county, tmp_path):
    from sanxiang_desktop.ui.printing.render import render_pdf
    with county.session() as s:
        post = s.scalar(select(m.Post).where(m.Post.unit_code == TOWNSHIP, m.Post.role == "part_time_vice_chair"))
        person = s.get(m.Person, post.person_id)
        full_id, phone = person.id_number, person.phone
    render_pdf(form_builder("vice-chairs")(county, FormOptions(unit=TOWNSHIP)), tmp_path / "m.pdf")
    masked = _one_line(pdf_text(tmp_path / "m.pdf"))
    assert full_id not in masked and phone not in masked and "********" in masked
    render_pdf(form_builder("vice-chairs")(county, FormOptions(unit=TOWNSHIP, full_pii=True)), tmp_path / "f.pdf")
    assert full_id in _one_line(pdf_text(tmp_path / "f.pdf"))


def test_a_long_ledger_repeats_its_header_on_every_page(qapp, county, tmp_path):
    from sanxiang_desktop.ui.printing.render import render_pdf
    pdf = tmp_path / "ledger.pdf"
    pages = render_pdf(form_builder("activity-ledger")(county, FormOptions(unit=COUNTY)), pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = _one_line(pdf_text(pdf, page))
        assert "活动名称" in text and "牵头人" in text, page
        assert f"—{page}—" in text
    assert "填表人" in _one_line(pdf_text(pdf, pages))      # the sign-off stays with the last rows


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_a_rasterised_page_is_not_blank(qapp, county, tmp_path):
    from sanxiang_desktop.ui.printing.render import render_pdf
    pdf = tmp_path / "summary.pdf"
    render_pdf(form_builder("summary")(county, FormOptions(unit=COUNTY)), pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    pgm = next(tmp_path.glob("p*.pgm")).read_bytes()
    header_end = [i for i, b in enumerate(pgm) if b == 0x0A][2] + 1   # P5, size, maxval
    pixels = pgm[header_end:]
    dark = sum(1 for b in pixels if b < 128)
    assert dark > len(pixels) * 0.005          # ink on the page: text and rules


def test_a_rare_character_is_drawn_from_the_extension_font(qapp, tmp_path):
    from PySide6.QtGui import QFontDatabase
    from sanxiang_desktop.ui.printing.render import render_pdf
    if not {"HanaMinB", "SimSun-ExtB"} & set(QFontDatabase.families()):
        pytest.skip("no extension-B font installed (fonts-hanazono)")
    doc = Document(title="名单", blocks=[Paragraph("王\U00020001明")])     # Extension B, not in Noto CJK
    render_pdf(doc, tmp_path / "rare.pdf")
    fonts = subprocess.run(["pdffonts", str(tmp_path / "rare.pdf")], capture_output=True, text=True).stdout
    assert "HanaMinB" in fonts or "SimSun-ExtB" in fonts


@pytest.mark.parametrize("form", ["bulletin", "summary"])
def test_bulletin_and_summary_come_out_as_word_files(county, tmp_path, form):
    doc = form_builder(form)(county, FormOptions(unit=COUNTY))
    path = tmp_path / f"{form}.docx"
    write_docx(doc, path)
    d = read_docx(str(path))
    paragraphs = [p.text for p in d.paragraphs]
    assert paragraphs[0] == doc.title
    for heading in (b.text for b in doc.blocks if type(b).__name__ == "Heading"):
        assert heading in paragraphs
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(d.tables) == len(tables)
    first, model = d.tables[0], tables[0]
    cells = {c.text for row in first.rows for c in row.cells}
    assert {c.title for c in model.columns} <= cells
    assert str(model.body_rows()[0][0].value) in cells
    header_rows = [r for r in first.rows if r._tr.trPr is not None and r._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None]
    assert len(header_rows) == model.header_row_count          # repeated at the top of each page
    assert "PAGE" in d.sections[0].footer._element.xml


def test_print_command_writes_pdf_and_docx_and_audits_full_pii(qapp, county, tmp_path):
    assert main(["print", "summary", "--db", str(county.path), "--unit", COUNTY, "--docx",
                 str(tmp_path / "s.docx")]) == 0
    assert main(["print", "vice-chairs", "--db", str(county.path), "--unit", TOWNSHIP, "--full-pii", "--pdf",
                 str(tmp_path / "v.pdf")]) == 0
    with county.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "export:full_pii")).all()[-1]
    assert "三长" in entry.label and not re.search(r"\d{6}", entry.label)
    assert main(["print", "summary", "--db", str(county.path), "--unit", TOWNSHIP, "--pdf",
                 str(tmp_path / "x.pdf")]) == 2                   # a summary is made for a county
    assert not (tmp_path / "x.pdf").exists()
    assert main(["print", "activity-ledger", "--db", str(county.path), "--unit", TOWNSHIP, "--from", "2026-05-01",
                 "--to", "2026-01-01", "--pdf", str(tmp_path / "y.pdf")]) == 2


def test_a_wide_table_model_keeps_a_landscape_ledger(county):
    doc = form_builder("activity-ledger")(county, FormOptions(unit=TOWNSHIP))
    assert doc.orientation == "landscape" and doc.page_numbers == "dash"
    assert isinstance(doc.blocks[0], Table) and isinstance(doc.blocks[0].columns[0], Column)


def test_the_sign_off_never_stands_alone_on_a_page(qapp, tmp_path):
    """Whatever the table length, the page with the signers also holds the table's last rows."""
    from sanxiang_desktop.documents.model import SignatureLine
    from sanxiang_desktop.ui.printing.render import render_pdf
    for n in range(20, 40):      # around the length at which the table fills page 1
        doc = Document(title="测试台账", blocks=[
            Table([Column("序号", 4), Column("名称", 20)], [[i + 1, "活动"] for i in range(n)], totals_row=["合计", n]),
            SignatureLine()])
        pages = render_pdf(doc, tmp_path / "o.pdf")
        last = _one_line(pdf_text(tmp_path / "o.pdf", pages))
        assert "填表人" in last and "合计" in last, n


def test_print_refuses_a_missing_folder_and_an_unknown_unit(qapp, county, tmp_path, capsys):
    assert main(["print", "registration", "--db", str(county.path), "--unit", TOWNSHIP,
                 "--pdf", str(tmp_path / "no" / "x.pdf")]) == 2
    assert main(["print", "registration", "--db", str(county.path), "--unit", "999999",
                 "--pdf", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "不存在" in err and "没有单位" in err and "Traceback" not in err
