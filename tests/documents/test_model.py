"""The abstract document: values, grids, tables and the plain-text rendering."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sanxiang_desktop.documents.model import (
    Cell, Column, Document, Field, Heading, KeyValueGrid, PageBreak, Paragraph, SignatureLine,
    Table, format_value, text_width, to_plain_text)

from .conftest import ledger


def test_values_are_formatted_for_tables_and_for_prose():
    day = dt.date(2026, 11, 28)
    assert format_value(day) == "2026-11-28"
    assert format_value(day, "prose") == "2026年11月28日"
    assert format_value(dt.date(2026, 1, 5), "prose") == "2026年1月5日"
    assert format_value(dt.datetime(2026, 1, 5, 9, 3)) == "2026-01-05 09:03"
    assert format_value(None) == "" and format_value(None, "prose") == ""
    assert format_value(3.0) == "3" and format_value(2.50) == "2.5" and format_value(Decimal("1.235")) == "1.24"
    assert format_value(True) == "是" and format_value(17) == "17"


def test_chinese_characters_count_double_width():
    assert text_width("掌政镇") == 6
    assert text_width("640104") == 6
    assert text_width("（ａ）") == 6


def test_grid_lines_fill_the_width_and_honour_spans():
    grid = KeyValueGrid([("单位名称", "掌政镇科协"), ("单位代码", "640104100"),
                         Field("地址", "掌政镇", span=2), ("备注", None), ("电话", "0951")], columns=2)
    lines = grid.lines()
    assert [[f.label for f in line] for line in lines] == [["单位名称", "单位代码"], ["地址"], ["备注", "电话"]]
    assert all(sum(f.span for f in line) == 2 for line in lines)
    single = KeyValueGrid([("甲", 1), ("乙", 2), ("丙", 3)], columns=2).lines()
    assert single[-1][0].span == 2      # a lone last field is widened to the full line


def test_grouped_columns_make_two_title_lines_with_merged_cells():
    table = Table(columns=[Column("乡镇"), Column("医院", group="三长"), Column("学校", group="三长"),
                           Column("农技站", group="三长"), Column("备注")],
                  rows=[["甲", "1", "2", "3", "乙"], ["掌政镇", True, True, False, None]], header_rows=2)
    cells = {(h.row, h.col): h for h in table.header_cells()}
    assert cells[(0, 0)].rowspan == 2 and cells[(0, 1)].colspan == 3 and cells[(0, 1)].text == "三长"
    assert [cells[(1, c)].text for c in (1, 2, 3)] == ["医院", "学校", "农技站"]
    assert table.header_row_count == 3          # two title lines and the 栏次 line
    assert [c.value for c in table.extra_header_rows()[0]] == ["甲", "1", "2", "3", "乙"]
    assert len(table.body_rows()) == 1


def test_rows_are_padded_and_overlong_rows_are_refused_in_both_languages():
    table = Table(columns=[Column("甲"), Column("乙"), Column("丙")], rows=[[1], [Cell("合计", colspan=2), 5]])
    assert [len(r) for r in table.body_rows()] == [3, 2]
    with pytest.raises(ValueError, match="row 0 has 4 cells.*第1行"):
        Table(columns=[Column("甲")], rows=[[1, 2, 3, 4]])


def test_bad_document_settings_are_refused():
    with pytest.raises(ValueError, match="unsupported page size.*不支持的纸张"):
        Document("表", page="B5")
    with pytest.raises(ValueError, match="纸张方向"):
        Document("表", orientation="sideways")
    with pytest.raises(ValueError, match="未知段落样式"):
        Paragraph("x", style="shout")
    with pytest.raises(ValueError):
        Heading("x", level=7)


def test_widths_come_from_content_when_not_given():
    table = Table(columns=[Column("名称"), Column("说明", 30)], rows=[["银川市兴庆区掌政镇科协", "x"]])
    assert table.widths() == [22, 30]


def test_plain_text_shows_every_block():
    doc = ledger(rows=3)
    doc.add(PageBreak(), SignatureLine(["审核人："], values=["王五"]))
    text = to_plain_text(doc)
    assert text.startswith("2026年度科普活动台账\n（兴庆区掌政镇）\n")
    assert "单位名称：掌政镇科协    单位代码：640104100" in text
    assert "填报日期：2026年11月28日" in text
    assert "# 一、活动明细" in text
    assert "| 序号 |" in text and "活动名称" in text
    assert "2026-01-01" in text and "| 合计" in text
    assert "填表人：________" in text and "审核人：王五" in text
    assert "\f" in text and text.rstrip().endswith("掌政镇科协 编制")
