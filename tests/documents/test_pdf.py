"""PDF through Qt: real files read back with poppler (pdfinfo, pdftotext)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPdfWriter, QTextTable

from sanxiang_desktop.documents.model import Column, Document, Heading, Table
from sanxiang_desktop.ui.printing.pdf_text import fix_pdf_text, radical_substitutes
from sanxiang_desktop.ui.printing.render import (
    page_layout, document_to_qtextdocument, make_print_preview, pick_family, render_pdf)

from .conftest import ledger, pdf_pages, pdf_text, requires_poppler

pytestmark = requires_poppler
RADICALS = re.compile("[\u2e80-\u2fdf]")


@pytest.fixture(scope="module")
def ledger_pdf(tmp_path_factory, qapp):
    path = tmp_path_factory.mktemp("pdf") / "台账.pdf"
    pages = render_pdf(ledger(), path)
    return path, pages


def test_a_long_table_spans_pages_with_its_header_on_each(ledger_pdf):
    path, pages = ledger_pdf
    assert path.read_bytes().startswith(b"%PDF-")
    assert pdf_pages(path) == pages >= 3
    first = pdf_text(path, 1)
    assert "2026年度科普活动台账" in first and "单位名称" in first and "表1 活动明细" in first
    for page in range(2, pages + 1):
        text = pdf_text(path, page)
        assert all(title in text for title in ("序号", "活动名称", "主办单位", "参加人数")), page
        assert f"第{page}页共{pages}页" in re.sub(r"\s", "", text)
        assert "掌政镇科协 编制" in text
    last = pdf_text(path, pages)
    assert "合计" in last and "填表人" in last


def test_every_row_is_printed_once(ledger_pdf):
    text = pdf_text(ledger_pdf[0])
    for n in range(1, 121):
        assert len(re.findall(f"科普讲座第{n}期", text)) == 1, n


def test_chinese_text_reads_back_as_the_characters_written(ledger_pdf):
    """Not as look-alike Kangxi radicals (日 → ⽇), and digits in Latin runs not lost."""
    text = pdf_text(ledger_pdf[0])
    assert not RADICALS.findall(text)
    for word in ("一、活动明细", "日期", "参加人数", "640104100", "2026年11月28日", "经费（元）"):
        assert word in text


def test_no_table_row_is_broken_across_pages(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(ledger()))
    qdoc = document_to_qtextdocument(ledger(), writer)
    layout, page = qdoc.documentLayout(), qdoc.pageSize().height()
    tables = [f for f in qdoc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) >= 4          # the grid, then the ledger cut into one table per page
    for table in tables:
        pages_of_rows = set()
        for r in range(table.rows()):
            cell = table.cellAt(r, table.columns() - 1)
            top = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
            bottom = layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
            assert int(top // page) == int((bottom - 1) // page)
            pages_of_rows.add(int(top // page))
        assert len(pages_of_rows) == 1


def test_grouped_headers_and_the_column_number_row_repeat(qapp, tmp_path):
    columns = [Column("乡镇", 10), Column("医院院长", 8, group="“三长”到位"),
               Column("中小学校长", 10, group="“三长”到位"), Column("农技站站长", 10, group="“三长”到位"),
               Column("活动次数", 8, "right")]
    rows = [["甲", "1", "2", "3", "4"]] + [[f"第{i}乡镇", "是", "是", "否", i] for i in range(90)]
    doc = Document("统计汇总表", orientation="landscape",
                   blocks=[Heading("各乡镇“三长”到位情况"), Table(columns, rows, header_rows=2)])
    path = tmp_path / "summary.pdf"
    pages = render_pdf(doc, path)
    assert pages >= 3
    for page in (1, pages):
        text = pdf_text(path, page)
        assert "“三长”到位" in text and "中小学校长" in text
        assert re.search(r"甲\s+1\s+2\s+3\s+4", text)


def test_a_failed_save_leaves_no_stray_file(qapp, tmp_path):
    target = tmp_path / "occupied"
    target.mkdir()                   # the rename onto a folder fails after rendering
    with pytest.raises(OSError):
        render_pdf(ledger(rows=5), target)
    assert target.is_dir() and list(tmp_path.iterdir()) == [target]
    with pytest.raises(OSError):
        render_pdf(ledger(rows=5), tmp_path / "missing" / "x.pdf")


def test_the_screen_layout_paginates_without_a_device(qapp):
    assert document_to_qtextdocument(ledger()).pageCount() >= 3


def test_print_preview_paints_the_document(qtbot):
    dialog = make_print_preview(ledger(rows=40))
    qtbot.addWidget(dialog)
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout().pageSize().id()))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    dialog.close()


def test_tounicode_maps_are_fixed_in_place(tmp_path):
    cmap = (b"%PDF-1.4\nstream\n2 beginbfrange\n"
            b"<0001> <0003> [<2F47> <0041> <2EDA> ]\n"
            b"<2F47> <2F47> <2F00>\n"        # a glyph id that looks like a radical stays as it is
            b"<0010> <0019> <2F00>\n"        # linear ranges cannot be fixed in place
            b"endbfrange\nendstream\n")
    path = tmp_path / "t.pdf"
    path.write_bytes(cmap)
    changed = fix_pdf_text(path, {0x2F47: 0x65E5, 0x2EDA: 0x9875, 0x2F00: 0x4E00})
    fixed = path.read_bytes()
    assert changed == 3 and len(fixed) == len(cmap)
    assert b"<0001> <0003> [<65E5> <0041> <9875> ]" in fixed
    assert b"<2F47> <2F47> <4E00>" in fixed and b"<0010> <0019> <2F00>" in fixed


def test_radicals_are_traced_to_the_ideographs_sharing_their_glyph(qapp):
    subs = radical_substitutes({pick_family("body")})
    if not subs:
        pytest.skip("the body font maps no radical to an ideograph glyph")
    assert all(0x2E80 <= r < 0x3400 and (0x3400 <= i < 0xA000 or 0xF900 <= i < 0xFB00)
               for r, i in subs.items())
    assert subs.get(0x2F47, 0x65E5) == 0x65E5     # ⽇ → 日 wherever the font aliases them
