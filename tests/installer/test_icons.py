"""The application icon: every PNG size the desktops want and a Windows .ico with its sizes,
rendered from the SVG by scripts/build_icons.py and shipped as package data."""
from __future__ import annotations

import importlib.resources
import struct

ICONS = importlib.resources.files("sanxiang_desktop.resources") / "icons"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_png_size_is_there_and_square():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):   # hicolor sizes the .deb installs
        assert png_size((ICONS / "png" / f"{size}.png").read_bytes()) == (size, size)


def test_the_ico_holds_png_images_of_each_size():
    data = (ICONS / "sanxiang-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        image = data[offset:offset + length]
        assert png_size(image) == ((w or 256), (h or 256)) and bits == 32
        sizes.append(w or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_the_svg_is_there():
    assert (ICONS / "sanxiang-desktop.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_application_icon_has_every_size(qapp):  # the window's icon (app.py)
    from sanxiang_desktop.app import ICON_SIZES, application_icon
    icon = application_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
