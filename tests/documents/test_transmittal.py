"""The 报送单 printed with each sync package, as text, PDF and Excel."""
from __future__ import annotations

import subprocess
import sys

import openpyxl

from sanxiang_desktop.documents.forms.transmittal import transmittal_slip
from sanxiang_desktop.documents.model import Paragraph, Table, to_plain_text
from sanxiang_desktop.spreadsheets.from_document import write_xlsx
from sanxiang_desktop.ui.printing.render import render_pdf

from .conftest import pdf_pages, pdf_text, requires_poppler


def test_the_slip_names_both_units_the_file_and_the_counts(transmittal_data):
    doc = transmittal_slip(transmittal_data)
    text = to_plain_text(doc)
    assert doc.title == "数据报送单" and "第 17 号" in text
    assert "报送单位：掌政镇科协    单位代码：640104100" in text
    assert "接收单位：兴庆区科协    单位代码：640104" in text
    assert "生成时间：2026年11月28日 14:05" in text
    assert "数据包文件：640104100-640104-000017.sxpkg" in text
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [r[0] for r in table.rows] == ["人员", "任职", "活动", "newer_kind"]   # known kinds first, in order
    assert table.totals_row == ["合计", 97]
    code = next(b for b in doc.blocks if isinstance(b, Paragraph) and b.style == "large")
    assert code.text == "7KQ2-M9XD"
    assert "接收方导入后请电话核对此校验码" in text
    assert "报送人：" in text and "接收人：" in text


@requires_poppler
def test_the_slip_prints_on_one_page(qapp, tmp_path, transmittal_data):
    path = tmp_path / "报送单.pdf"
    assert render_pdf(transmittal_slip(transmittal_data), path) == 1 == pdf_pages(path)
    text = pdf_text(path)
    for words in ("数据报送单", "掌政镇科协", "兴庆区科协", "640104100-640104-000017.sxpkg",
                  "7KQ2-M9XD", "接收方导入后请电话核对此校验码", "人员", "任职", "合计", "97"):
        assert words in text, words


def test_the_slip_exports_to_excel(tmp_path, transmittal_data):
    path = tmp_path / "报送单.xlsx"
    write_xlsx(transmittal_slip(transmittal_data), path)
    ws = openpyxl.load_workbook(path).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert "7KQ2-M9XD" in values and "640104100-640104-000017.sxpkg" in values
    assert values[values.index("活动") + 1] == 48
    assert ws.freeze_panes is None          # a short form: nothing to freeze


def test_the_document_and_excel_layers_load_without_qt():
    code = ("import sys\n"
            "import sanxiang_desktop.documents.model, sanxiang_desktop.documents.forms.transmittal\n"
            "import sanxiang_desktop.spreadsheets.from_document\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)
