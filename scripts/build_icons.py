"""Render the application icon (resources/icons/sanxiang-desktop.svg) to the PNG sizes the Linux
desktops want (hicolor) and to a Windows .ico, with Qt's own SVG renderer: no extra dependency.

The .ico holds PNG-compressed images (read by Windows Vista and later), one per size; Qt's ICO
writer stores a single image, so the file is packed here. Run after changing the SVG; the
outputs are committed (like the .qm files). `tests/unit/test_icons.py` checks every size is there."""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt   # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter   # noqa: E402
from PySide6.QtSvg import QSvgRenderer                        # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "sanxiang-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)   # hicolor/<n>x<n>/apps
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)        # what Explorer and the taskbar pick from


def render(size: int) -> bytes:
    """PNG bytes of the SVG at size x size pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pack_ico(images: dict[int, bytes]) -> bytes:
    """An ICONDIR with one PNG entry per size (width/height byte 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render(size) for size in PNG_SIZES}
    (ICONS / "png").mkdir(exist_ok=True)
    for size, png in pngs.items():
        (ICONS / "png" / f"{size}.png").write_bytes(png)
    (ICONS / "sanxiang-desktop.ico").write_bytes(pack_ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"wrote {len(pngs)} PNG sizes and sanxiang-desktop.ico into {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
