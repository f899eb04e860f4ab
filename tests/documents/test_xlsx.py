"""Excel through openpyxl: written, then re-opened as a clerk's Excel would read it."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from sanxiang_desktop.documents.model import Column, Document, Table
from sanxiang_desktop.spreadsheets.from_document import document_to_workbook, write_xlsx

from .conftest import ledger


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "台账.xlsx"
    write_xlsx(ledger(), path)
    return openpyxl.load_workbook(path).active


def find_row(ws, text):
    return next(c.row for row in ws.iter_rows() for c in row if c.value == text)


def test_title_is_merged_across_the_table(sheet):
    assert sheet.title == "2026年度科普活动台账"
    assert sheet["A1"].value == "2026年度科普活动台账"
    assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].font.b and sheet["A1"].alignment.horizontal == "center"


def test_header_is_bold_filled_ruled_and_frozen(sheet):
    header = find_row(sheet, "序号")
    cells = sheet[header][:6]
    assert [c.value for c in cells] == ["序号", "活动名称", "主办单位", "日期", "参加人数", "经费（元）"]
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("D9D9D9") for c in cells)
    assert all(c.border.left.style == "thin" and c.border.bottom.style == "thin" for c in cells)
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.print_title_rows == f"${header}:${header}"


def test_values_keep_their_types(sheet):
    first = find_row(sheet, "序号") + 1
    number, name, unit, day, people, money = (c.value for c in sheet[first][:6])
    assert (number, name, people, money) == (1, "科普讲座第1期", 20, 0)
    assert day == dt.datetime(2026, 1, 1) and sheet.cell(first, 4).is_date
    assert sheet.cell(first, 4).number_format == "yyyy-mm-dd"
    assert sheet.cell(first, 6).alignment.horizontal == "right"
    totals = find_row(sheet, "合计")
    assert sheet.cell(totals, 5).value == sum(20 + i % 7 * 5 for i in range(120))
    assert sheet.cell(totals, 1).font.b


def test_column_widths_follow_the_columns(sheet):
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["C"] > widths["B"] > widths["A"]       # 主办单位 18 > 活动名称 16 > 序号 4
    assert widths["C"] == pytest.approx(20)


def test_registration_grid_and_signatures(sheet):
    label = find_row(sheet, "单位名称")
    assert sheet.cell(label, 1).fill.fgColor.rgb.endswith("F2F2F2")
    assert sheet.cell(label, 2).value == "掌政镇科协" and sheet.cell(label, 4).value == "640104100"
    dated = find_row(sheet, "填报日期")
    assert sheet.cell(dated, 2).value == dt.datetime(2026, 11, 28)
    assert find_row(sheet, "填表人：") > find_row(sheet, "合计")


def test_page_setup_prints_a4_fitted_to_width(sheet):
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text and sheet.oddFooter.left.text == "掌政镇科协 编制"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    doc = Document("名单", blocks=[Table([Column("姓名"), Column("备注")],
                                       [["张三", "=HYPERLINK(\"http://x\")"], ["李四", "a\x07b"]])])
    path = tmp_path / "x.xlsx"
    write_xlsx(doc, path)
    ws = openpyxl.load_workbook(path).active
    cell = ws.cell(find_row(ws, "张三"), 2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert ws.cell(find_row(ws, "李四"), 2).value == "ab"
    assert ws.freeze_panes is None          # two rows need no frozen pane


def test_grouped_headers_merge(tmp_path):
    table = Table([Column("乡镇"), Column("医院", group="三长"), Column("学校", group="三长")],
                  [["掌政镇", "是", "否"]])
    ws = document_to_workbook(Document("汇总", orientation="landscape", blocks=[table])).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:A3", "B2:C2"} <= merged
    assert ws["B3"].value == "医院" and ws.print_title_rows == "$2:$3"
    assert ws.page_setup.orientation == "landscape"


def test_a_failed_save_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"the old ledger")

    def broken_save(self, filename):
        with open(filename, "wb") as fh:
            fh.write(b"PK half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx(ledger(rows=3), path)
    assert path.read_bytes() == b"the old ledger"
    assert list(tmp_path.iterdir()) == [path]
