"""Make Chinese text in PDFs written by Qt copy and search correctly.

Qt builds an embedded font's ToUnicode map by taking, for every glyph, the lowest code point
that maps to it. CJK fonts (Noto/Source Han here; Meiryo and others on Windows) give Kangxi
radicals and radical-supplement code points the same glyphs as everyday ideographs, so 日, 一,
人, 长, 页 come back out of the PDF as ⽇, ⼀, ⼈, ⻓, ⻚: the page looks right, but searching
and copying fail (the same Qt code is discussed in wkhtmltopdf issue #4414).

Qt writes those maps uncompressed with four hex digits per code, so replacing codes in place
keeps every byte offset, and the PDF's cross-reference table stays valid.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

# Code points below the main ideograph block that fonts may alias to ideograph glyphs.
_SUSPECTS = range(0x2E80, 0x3400)
# Where the intended character lives, in order of preference.
_IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0), range(0xF900, 0xFB00))
_cache: dict[tuple[str, bool], dict[int, int]] = {}


def _substitutes_for(family: str, bold: bool) -> dict[int, int]:
    key = (family, bold)
    if key not in _cache:
        font = QFont(family)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        found: dict[int, int] = {}
        if raw.isValid():
            suspects = {g: cp for cp, g in zip(_SUSPECTS, raw.glyphIndexesForString(
                "".join(map(chr, _SUSPECTS)))) if g}
            for block in _IDEOGRAPHS:
                for cp, g in zip(block, raw.glyphIndexesForString("".join(map(chr, block)))):
                    radical = suspects.get(g)
                    if radical is not None and radical not in found:
                        found[radical] = cp
        _cache[key] = found
    return _cache[key]


def radical_substitutes(families: set[str]) -> dict[int, int]:
    """{code point Qt would pick: the ideograph meant} for glyphs shared in these fonts."""
    merged: dict[int, int] = {}
    for family in sorted(families):
        for bold in (False, True):
            for radical, ideograph in _substitutes_for(family, bold).items():
                merged.setdefault(radical, ideograph)
    return merged


_RANGES = re.compile(rb"beginbfrange\n(.*?)endbfrange", re.S)
_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (.*)$", re.M)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def fix_pdf_text(path: str | Path, substitutes: dict[int, int]) -> int:
    """Rewrite the ToUnicode maps of the PDF at `path` in place; returns codes changed."""
    if not substitutes:
        return 0
    data = Path(path).read_bytes()
    changed = 0

    def swap(code: re.Match) -> bytes:
        nonlocal changed
        cp = int(code.group(1), 16)
        if cp in substitutes:
            changed += 1
            return b"<%04X>" % substitutes[cp]
        return code.group(0)

    def fix_line(line: re.Match) -> bytes:
        start, end, target = line.group(1), line.group(2), line.group(3)
        if target.startswith(b"[") or start.lower() == end.lower():
            target = _CODE.sub(swap, target)
        # A linear range (<a> <b> <u>) starting at a radical cannot be fixed without growing
        # the file; Qt only writes those for 10+ consecutive code points, which text never has.
        return b"<%s> <%s> %s" % (start, end, target)

    def fix_block(block: re.Match) -> bytes:
        return b"beginbfrange\n" + _LINE.sub(fix_line, block.group(1)) + b"endbfrange"

    fixed = _RANGES.sub(fix_block, data)
    if changed:
        if len(fixed) != len(data):  # offsets in the xref table must stay true
            raise RuntimeError("ToUnicode fix changed the PDF's length / 修正PDF文字映射时文件长度改变")
        Path(path).write_bytes(fixed)
    return changed
