"""The UOS / Kylin .deb that `make deb` leaves in dist/: layout, control fields, desktop entry,
MIME type, maintainer scripts, and the bundled program's own selftest.

Building the .deb takes minutes, so the suite does not build it: these tests check the file when
it is there and are skipped when it is not, except under CI=true, where .ci/run builds it first
and a missing .deb is a failure. The source files behind it are checked always (first tests)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
APPID = "org.sanxiang.desktop"
DEB_SRC = REPO / "installer" / "deb"
DESKTOP = DEB_SRC / f"{APPID}.desktop"
MIME = DEB_SRC / f"{APPID}.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
QT_SYSTEM_PACKAGES = {"libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
                      "libxcb-cursor0", "libx11-xcb1", "libdbus-1-3"}
CACHE_TOOLS = {"update-desktop-database", "update-mime-database", "gtk-update-icon-cache"}


def desktop_entry(path: Path) -> dict[str, str]:
    cp = ConfigParser(interpolation=None, strict=False)
    cp.optionxform = str
    cp.read(path, encoding="utf-8")
    return dict(cp["Desktop Entry"])


def test_the_appid_is_lower_case_reverse_domain():
    assert re.fullmatch(r"[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*){2,}", APPID)


def test_desktop_entry_opens_packages_and_names_the_icon():
    entry = desktop_entry(DESKTOP)
    assert entry["Exec"] == f"/opt/apps/{APPID}/files/sanxiang-desktop %f"
    assert entry["Icon"] == APPID and entry["Terminal"] == "false"
    mime_types = {e.get("type") for e in ET.parse(MIME).getroot().iter(f"{MIME_NS}mime-type")}
    assert set(filter(None, entry["MimeType"].split(";"))) == mime_types == {"application/x-sxpkg"}
    glob = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type/{MIME_NS}glob")
    assert glob.get("pattern") == "*.sxpkg"
    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_maintainer_scripts_only_refresh_the_desktop_caches():
    for name in ("postinst", "postrm"):
        text = (DEB_SRC / name).read_text()
        commands = set(re.findall(r"\b(update-[a-z-]+|gtk-update-icon-cache|rm|mv|cp|chmod|chown|sed|useradd)\b",
                                  text))
        assert commands <= CACHE_TOOLS, (name, commands)
        assert "/home" not in text and "$HOME" not in text   # users' data is never touched


def _newest_source() -> float:
    return max(p.stat().st_mtime for top in ("sanxiang_desktop", "installer", "resources")
               for p in (REPO / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _deb() -> Path:
    debs = sorted((REPO / "dist").glob(f"{APPID}_*.deb"), key=lambda p: p.stat().st_mtime)
    if os.environ.get("CI") == "true":
        if not debs:
            pytest.fail("CI=true but dist/ has no .deb: .ci/run must run `make deb` before the tests")
        return debs[-1]
    if not debs:
        pytest.skip("no .deb in dist/ (make deb builds it)")
    if debs[-1].stat().st_mtime < _newest_source():
        pytest.skip(f"{debs[-1].name} is older than the sources (make deb rebuilds it)")
    return debs[-1]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    deb = _deb()
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(root / "DEBIAN")], check=True)
    return root


def test_control_names_the_appid_and_the_qt_system_libraries(unpacked):
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", (unpacked / "DEBIAN" / "control").read_text(), re.M))
    assert fields["Package"] == APPID
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert QT_SYSTEM_PACKAGES <= {alt.split()[0] for d in depends for alt in d.split("|")}
    floor = re.fullmatch(r"libc6 \(>= (\d+)\.(\d+)\)", depends[0])
    assert floor, depends[0]
    assert sorted(p.name for p in (unpacked / "DEBIAN").iterdir()) == ["control", "md5sums", "postinst", "postrm"]


def test_uos_layout(unpacked):
    app = unpacked / "opt" / "apps" / APPID
    program = app / "files" / "sanxiang-desktop"
    assert program.is_file() and os.access(program, os.X_OK)
    info = json.loads((app / "info").read_text(encoding="utf-8"))
    assert info["appid"] == APPID and info["version"] and info["arch"]
    entry = app / "entries" / "applications" / f"{APPID}.desktop"
    assert entry.read_bytes() == DESKTOP.read_bytes()
    exec_path = desktop_entry(entry)["Exec"].split()[0]
    assert (unpacked / exec_path.lstrip("/")).resolve() == program.resolve()
    for n in (16, 32, 48, 128, 256):
        assert (app / "entries" / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APPID}.png").is_file()
    assert (app / "entries" / "mime" / "packages" / f"{APPID}.xml").read_bytes() == MIME.read_bytes()
    # Kylin and Debian read /usr/share: the links there resolve inside the package
    for link in [unpacked / "usr/share/applications" / f"{APPID}.desktop",
                 unpacked / "usr/share/mime/packages" / f"{APPID}.xml", unpacked / "usr/bin/sanxiang-desktop"]:
        assert link.is_symlink() and link.resolve().is_relative_to(app.resolve())
    outside = {p.relative_to(unpacked).parts[:2] for p in unpacked.rglob("*")
               if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.parts}
    assert outside <= {("opt", "apps")}   # real files only under /opt/apps, elsewhere links


def test_the_bundled_program_passes_its_selftest(unpacked, tmp_path):
    program = unpacked / "opt" / "apps" / APPID / "files" / "sanxiang-desktop"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH")}
    proc = subprocess.run([str(program), "selftest"], capture_output=True, text=True, timeout=600,
                          env=env | {"TMPDIR": str(tmp_path)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from sanxiang_desktop.cli.selftest import STEPS
    assert [line.startswith("ok   ") for line in proc.stdout.splitlines()[:len(STEPS)]] == [True] * len(STEPS)
    assert "selftest passed" in proc.stdout
