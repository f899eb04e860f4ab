"""Word (.docx) renderer for documents.model, for the forms an office edits before sending
(the bulletin, the statistical summary): same title, headings, tables and page numbers as
the PDF, in named Word styles so a clerk can restyle the whole document in WPS or Word.

A .docx carries font names, not fonts: the names are the ones every Chinese Windows, WPS and
UOS/Kylin install has (宋体, 黑体, 仿宋), with the Latin face Times New Roman. Header rows are
marked "repeat at top of each page" (w:tblHeader) and rows may not break across pages.
"""
from __future__ import annotations

import os

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..core.files import atomic_write
from .model import (STYLES, Cell, Document, Heading, KeyValueGrid, PAGE_SIZES_MM, PageBreak, Paragraph, Rule,
                    SignatureLine, Spacer, Table, TextStyle, cell_positions, format_value)

DOCX_FONTS = {"title": "宋体", "heading": "黑体", "body": "仿宋"}
LATIN_FONT = "Times New Roman"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
HEADER_SHADE, LABEL_SHADE = "D9D9D9", "F2F2F2"
DEFAULT_MARGINS_MM = (25.0, 20.0, 25.0, 20.0)


def _set_fonts(rpr_owner, east_asian: str) -> None:
    """Latin and East-Asian font names on a style or run (python-docx only sets the Latin one)."""
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", east_asian)):
        fonts.set(qn(attr), value)


def _style_name(name: str) -> str:
    return {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2", "heading3": "Heading 3"}.get(
        name, f"SX {name}")


def _define_styles(docx) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    for name, style in STYLES.items():
        sname = _style_name(name)
        try:
            st = docx.styles[sname]
        except KeyError:
            st = docx.styles.add_style(sname, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = docx.styles["Normal"]
        st.font.size = Pt(style.size_pt)
        st.font.bold = style.bold
        st.font.italic = False
        st.font.name = LATIN_FONT
        st.font.color.rgb = None
        _set_fonts(st, DOCX_FONTS[style.font])
        pf = st.paragraph_format
        pf.alignment = _ALIGN[style.align]
        pf.space_before, pf.space_after = Pt(style.space_before_pt), Pt(style.space_after_pt)
        pf.first_line_indent = Pt(style.size_pt * style.indent_em) if style.indent_em else None
        pf.line_spacing = 1.25 if name in ("body", "note") else 1.0
    normal = docx.styles["Normal"]
    normal.font.name, normal.font.size = LATIN_FONT, Pt(STYLES["body"].size_pt)
    _set_fonts(normal, DOCX_FONTS["body"])
    title = docx.styles["Title"].element.get_or_add_pPr()
    for border in title.findall(qn("w:pBdr")):      # the stock template underlines titles in blue
        title.remove(border)
    for lang in docx.styles.element.iter(qn("w:lang")):   # Chinese text, so WPS/Word pick CJK fonts
        lang.set(qn("w:eastAsia"), "zh-CN")


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_flags(row, header: bool) -> None:
    trpr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)
    if header:
        el = OxmlElement("w:tblHeader")
        trpr.append(el)


def _write_cell(cell, text: str, style: str, align: str | None = None, bold: bool | None = None,
                fill: str | None = None) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    para.style = _style_name(style)
    para.paragraph_format.first_line_indent = None
    if align:
        para.alignment = _ALIGN[align]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        if bold is not None:
            run.bold = bold
        if i < len(lines) - 1:
            run.add_break()
    if fill:
        _shade(cell, fill)


class _Writer:
    def __init__(self, doc: Document):
        self.doc, self.d = doc, new_docx()
        _define_styles(self.d)

    def page(self) -> None:
        sec = self.d.sections[0]
        w, h = PAGE_SIZES_MM[self.doc.page]
        if self.doc.orientation == "landscape":
            w, h = h, w
            sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(w), Mm(h)
        top, right, bottom, left = self.doc.margins_mm or DEFAULT_MARGINS_MM
        sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = Mm(top), Mm(right), Mm(bottom), Mm(left)
        sec.footer_distance = Mm(min(bottom * 0.5, 20))
        para = sec.footer.paragraphs[0]
        para.style = _style_name("footer")
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.doc.page_numbers == "dash":
            para.add_run("— ")
            self._field(para, "PAGE")
            para.add_run(" —")
        else:
            para.add_run("第 ")
            self._field(para, "PAGE")
            para.add_run(" 页 共 ")
            self._field(para, "NUMPAGES")
            para.add_run(" 页")
        if self.doc.footer_text:
            sec.footer.add_paragraph(self.doc.footer_text, style=_style_name("footer"))

    @staticmethod
    def _field(para, code: str) -> None:
        run = para.add_run()
        for tag, text in (("w:fldChar", "begin"), ("w:instrText", code), ("w:fldChar", "separate")):
            el = OxmlElement(tag)
            if tag == "w:fldChar":
                el.set(qn("w:fldCharType"), text)
            else:
                el.set(qn("xml:space"), "preserve")
                el.text = f" {text} "
            run._r.append(el)
        shown = OxmlElement("w:t")
        shown.text = "1"
        run._r.append(shown)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run._r.append(end)

    def para(self, text: str, style: str):
        return self.d.add_paragraph(text, style=_style_name(style))

    def _table(self, rows: int, cols: int, widths: list[float] | None = None):
        t = self.d.add_table(rows=rows, cols=cols)
        t.style = self.d.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        margins = OxmlElement("w:tblCellMar")         # breathing room inside ruled cells (twips)
        for side, twips in (("top", 40), ("left", 70), ("bottom", 40), ("right", 70)):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), str(twips))
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        t._tbl.tblPr.append(margins)
        if widths:
            sec = self.d.sections[0]
            usable = sec.page_width - sec.left_margin - sec.right_margin
            total = sum(widths) or 1
            for i, col in enumerate(t.columns):
                width = int(usable * widths[i] / total)
                col.width = width
                for cell in col.cells:
                    cell.width = width
        return t

    def table(self, table: Table) -> None:
        if table.caption:
            self.para(table.caption, "caption").paragraph_format.keep_with_next = True
        head = table.header_row_count
        extra, body, totals = table.extra_header_rows(), table.body_rows(), table.totals()
        n = head + len(body) + (1 if totals else 0)
        t = self._table(n, len(table.columns), [float(w) for w in table.widths()])
        for h in table.header_cells():
            cell = t.cell(h.row, h.col)
            if h.rowspan > 1 or h.colspan > 1:
                cell = cell.merge(t.cell(h.row + h.rowspan - 1, h.col + h.colspan - 1))
            _write_cell(cell, h.text, table.header_style, fill=HEADER_SHADE)
        aligns = [c.align for c in table.columns]
        rows: list[tuple[list[Cell], str]] = [(r, "header") for r in extra] + [(r, "body") for r in body]
        if totals:
            rows.append((totals, "totals"))
        for r, (cells, kind) in enumerate(rows, start=table.title_rows):
            for col, c in cell_positions(cells):
                cell = t.cell(r, col)
                if c.colspan > 1:
                    cell = cell.merge(t.cell(r, col + c.colspan - 1))
                if kind == "header":
                    _write_cell(cell, format_value(c.value), table.header_style, fill=HEADER_SHADE)
                else:
                    _write_cell(cell, format_value(c.value), table.cell_style, align=aligns[col], bold=kind == "totals" or None)
        for i, row in enumerate(t.rows):
            _row_flags(row, header=i < head)

    def grid(self, grid: KeyValueGrid) -> None:
        lines = grid.lines()
        t = self._table(len(lines), 2 * grid.columns, [1.0, 1.6] * grid.columns)
        for r, line in enumerate(lines):
            col = 0
            for f in line:
                _write_cell(t.cell(r, col), f.label, "label", fill=LABEL_SHADE)
                cell = t.cell(r, col + 1)
                if f.span > 1:
                    cell = cell.merge(t.cell(r, col + 2 * f.span - 1))
                _write_cell(cell, format_value(f.value, "prose") + "\n" * (max(1, f.min_lines) - 1), "cell",
                            align="left")
                col += 2 * f.span
            _row_flags(t.rows[r], header=False)

    def rule(self, rule: Rule) -> None:
        """An empty paragraph with a bottom border: Word's own way of drawing a rule."""
        p = self.para("", "note")
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for attr, value in (("w:val", "single"), ("w:sz", str(int(rule.width_pt * 8))), ("w:space", "1"),
                            ("w:color", rule.color.lstrip("#"))):
            bottom.set(qn(attr), value)
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)

    def signatures(self, sig: SignatureLine) -> None:
        p = self.para("　　".join(label + (value or "　" * 6) for label, value in sig.items()), "signature")
        p.paragraph_format.keep_together = True

    def write(self) -> None:
        self.page()
        self.para(self.doc.title, "title")
        if self.doc.subtitle:
            self.para(self.doc.subtitle, "subtitle")
        previous = None
        for block in self.doc.blocks:
            if isinstance(block, Heading):
                self.para(block.text, block.style).paragraph_format.keep_with_next = True
            elif isinstance(block, Paragraph):
                self.para(format_value(block.text, "prose"), block.style)
            elif isinstance(block, KeyValueGrid):
                self.grid(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Spacer):
                for _ in range(block.lines):
                    self.para("", "body")
            elif isinstance(block, PageBreak):
                self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif isinstance(block, Rule):
                self.rule(block)
            elif isinstance(block, SignatureLine):
                if isinstance(previous, Paragraph):   # keep the signers on the page of what they sign
                    self.d.paragraphs[-1].paragraph_format.keep_with_next = True
                self.signatures(block)
            previous = block
        props = self.d.core_properties
        props.title, props.author = self.doc.title, "sanxiang-desktop"


def document_to_docx(doc: Document):
    """`doc` as a python-docx Document (not yet saved)."""
    w = _Writer(doc)
    w.write()
    return w.d


def write_docx(doc: Document, path: str | os.PathLike[str]) -> None:
    """Save `doc` as .docx atomically (temp file beside the target, then rename).
    Raises OSError when the folder is not writable or the disk is full."""
    d = document_to_docx(doc)
    atomic_write(path, lambda tmp: d.save(str(tmp)))


__all__ = ["document_to_docx", "write_docx", "DOCX_FONTS", "TextStyle"]
