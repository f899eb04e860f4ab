"""Build the UOS / Kylin .deb from the PyInstaller bundle (dist/sanxiang-desktop/): `make deb`.

Layout (the UOS application layout, which Kylin and Debian install as any .deb):

    /opt/apps/<APPID>/info                                 UOS app metadata (JSON)
    /opt/apps/<APPID>/files/                               the one-folder bundle
    /opt/apps/<APPID>/entries/applications/<APPID>.desktop
    /opt/apps/<APPID>/entries/icons/hicolor/<n>x<n>/apps/<APPID>.png (+ scalable SVG)
    /opt/apps/<APPID>/entries/mime/packages/<APPID>.xml    .sxpkg = application/x-sxpkg

UOS reads the entries from /opt/apps itself; Kylin and plain Debian only look in /usr/share, so the
same entries are also linked there (and /usr/bin/sanxiang-desktop for the command line). Depends
is computed, not written by hand: every library the bundle needs and does not carry must map to a
package in SONAME_PACKAGES (named as on Debian 10 *and* later, alternatives where they differ), or
the build fails. `libc6 (>= floor)` comes from the newest GLIBC_x.y symbol version any bundled file
needs (objdump -T), so dpkg refuses the package on a system too old to run it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from importlib.metadata import version as package_version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APPID = "org.sanxiang.desktop"          # lower-case reverse domain: package name, folder and entries
PROGRAM = "sanxiang-desktop"
DEB = REPO / "installer" / "deb"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# soname -> Debian package(s) that provide it on Debian 10 (UOS 20, Kylin V10) and later.
SONAME_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libresolv.so.2": "libc6", "libutil.so.1": "libc6", "libcrypt.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1 | libgcc1",
    "libz.so.1": "zlib1g", "libbz2.so.1.0": "libbz2-1.0", "liblzma.so.5": "liblzma5", "libzstd.so.1": "libzstd1",
    "libuuid.so.1": "libuuid1", "libexpat.so.1": "libexpat1",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0", "libgobject-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3", "libcups.so.2": "libcups2", "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xinput.so.0": "libxcb-xinput0",
}
# Not linked, but wanted on a desktop: Chinese glyphs for forms, and what the caches need.
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei, shared-mime-info, desktop-file-utils"


def elf_files(root: Path) -> list[Path]:
    out = []
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def _objdump(flag: str, path: Path) -> str:
    return subprocess.run(["objdump", flag, str(path)], capture_output=True, text=True, check=False).stdout


def needed_outside(root: Path) -> dict[str, list[str]]:
    """soname -> bundle files needing it, for every library the bundle does not carry."""
    files = elf_files(root)
    carried = {p.name for p in root.rglob("*.so*")}
    need: dict[str, list[str]] = {}
    for f in files:
        for so in re.findall(r"^\s*NEEDED\s+(\S+)", _objdump("-p", f), re.M):
            if so not in carried:
                need.setdefault(so, []).append(str(f.relative_to(root)))
    return need


def glibc_floor(root: Path) -> tuple[tuple[int, ...], str]:
    """The newest GLIBC_x.y[.z] symbol version any bundled ELF file needs, and one file needing it."""
    best, where = (0,), ""
    for f in elf_files(root):
        for v in set(re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", _objdump("-T", f))):
            t = tuple(int(x) for x in v.split("."))
            if t > best:
                best, where = t, str(f.relative_to(root))
    return best, where


def depends(root: Path) -> tuple[str, tuple[int, ...], str]:
    need = needed_outside(root)
    unknown = sorted(set(need) - set(SONAME_PACKAGES))
    if unknown:
        detail = "; ".join(f"{so} (needed by {need[so][0]})" for so in unknown)
        raise SystemExit(f"build_deb: no Debian package known for {detail}: add it to SONAME_PACKAGES "
                         "or bundle it (installer/sanxiang-desktop.spec)")
    floor, where = glibc_floor(root)
    pkgs = sorted({SONAME_PACKAGES[so] for so in need} - {"libc6"})
    return ", ".join([f"libc6 (>= {'.'.join(map(str, floor))})", *pkgs]), floor, where


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def _tree_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def stage(bundle: Path, staging: Path, ver: str, arch: str, depends_line: str) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    app = staging / "opt" / "apps" / APPID
    shutil.copytree(bundle, app / "files", symlinks=True)
    entries = app / "entries"
    (entries / "applications").mkdir(parents=True)
    shutil.copy(DEB / f"{APPID}.desktop", entries / "applications" / f"{APPID}.desktop")
    (entries / "mime" / "packages").mkdir(parents=True)
    shutil.copy(DEB / f"{APPID}.xml", entries / "mime" / "packages" / f"{APPID}.xml")
    icons = REPO / "resources" / "icons"
    for n in ICON_SIZES:
        d = entries / "icons" / "hicolor" / f"{n}x{n}" / "apps"
        d.mkdir(parents=True)
        shutil.copy(icons / "png" / f"{n}.png", d / f"{APPID}.png")
    d = entries / "icons" / "hicolor" / "scalable" / "apps"
    d.mkdir(parents=True)
    shutil.copy(icons / "sanxiang-desktop.svg", d / f"{APPID}.svg")
    (app / "info").write_text(json.dumps({
        "appid": APPID, "name": "基层科协“3+1”工作", "version": ver, "arch": [arch],
        "permissions": {"autostart": False, "notification": False, "trayicon": False, "clipboard": True,
                        "account": False, "bluetooth": False, "camera": False, "audio_record": False,
                        "installed_apps": False}}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    # Links for desktops that only read /usr/share (Kylin, Debian); relative, so the tree can move.
    for rel in [f"applications/{APPID}.desktop", f"mime/packages/{APPID}.xml",
                *(f"icons/hicolor/{n}x{n}/apps/{APPID}.png" for n in ICON_SIZES),
                f"icons/hicolor/scalable/apps/{APPID}.svg"]:
        link = staging / "usr" / "share" / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(entries / rel, link.parent))
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / PROGRAM).symlink_to(f"../../opt/apps/{APPID}/files/{PROGRAM}")

    control = staging / "DEBIAN"
    control.mkdir()
    installed_kb = (_tree_size(staging) + 1023) // 1024
    (control / "control").write_text(
        f"Package: {APPID}\nVersion: {ver}\nArchitecture: {arch}\nMaintainer: sanxiang-desktop maintainers "
        f"<noreply@sanxiang.invalid>\nInstalled-Size: {installed_kb}\nDepends: {depends_line}\n"
        f"Recommends: {RECOMMENDS}\nSection: office\nPriority: optional\n"
        "Description: Grassroots science associations' 3+1 work (基层科协“3+1”工作)\n"
        " Offline records for township, county and city science associations: organisation,\n"
        " the three key persons, activities and guidance visits; data packages (.sxpkg)\n"
        " travel upward, receipts back down. Installs under /opt/apps/" + APPID + ".\n", encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy(DEB / script, control / script)
        (control / script).chmod(0o755)
    sums = []
    for p in sorted(staging.rglob("*")):
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.relative_to(staging).parts:
            sums.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(staging).as_posix()}")
    (control / "md5sums").write_text("\n".join(sums) + "\n")
    for p in staging.rglob("*"):   # dpkg-deb wants sane modes whatever the umask was
        if not p.is_symlink():
            p.chmod(0o755 if p.is_dir() or os.access(p, os.X_OK) else 0o644)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", default=str(REPO / "dist" / PROGRAM))
    ap.add_argument("--out", default=str(REPO / "dist"))
    ap.add_argument("--xz-level", type=int, default=int(os.environ.get("DEB_XZ_LEVEL", "6")),
                    help="xz level: 6 for releases (~41 MB); CI uses 1 (~45 MB, 2 minutes faster on 2 cores)")
    args = ap.parse_args(argv)
    bundle = Path(args.bundle)
    if not (bundle / PROGRAM).exists():
        print(f"build_deb: no bundle at {bundle}; run PyInstaller first (make deb does)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    ver, arch = package_version(PROGRAM), deb_arch()
    depends_line, floor, where = depends(bundle)
    staging = REPO / "build" / "deb-root"
    stage(bundle, staging, ver, arch, depends_line)
    out = Path(args.out) / f"{APPID}_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{args.xz_level}", "--build", str(staging), str(out)],
                   check=True,
                   stdout=subprocess.DEVNULL)
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB; bundle {_tree_size(bundle) / 1e6:.1f} MB unpacked)")
    print(f"glibc floor: {'.'.join(map(str, floor))} (from {where})")
    print(f"Depends: {depends_line}")
    print(f"build_deb: {time.perf_counter() - started:.0f} s (libraries checked, staged, compressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
