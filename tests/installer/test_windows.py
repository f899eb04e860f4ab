"""The Windows setup cannot be built here: check that installer/windows/sanxiang-desktop.iss and
build.ps1 point at what the PyInstaller spec produces and at files that exist, and that the
setup keeps its promises (per-user, HKCU only, Windows 10+, data left alone on uninstall)."""
from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "installer" / "windows" / "sanxiang-desktop.iss"
BUILD = REPO / "installer" / "windows" / "build.ps1"
SPEC = REPO / "installer" / "sanxiang-desktop.spec"


def spec_outputs() -> dict[str, set[str]]:
    """What the spec builds on Windows: dist/<collect name>/ with its programs and contents folder."""
    text = SPEC.read_text(encoding="utf-8")
    name = re.search(r'^NAME = "([^"]+)"', text, re.M).group(1)
    exes = {name + ".exe"} | {f"{name}{m}.exe" for m in re.findall(r'name=f"\{NAME\}([^"]+)"', text)}
    assert re.search(r"COLLECT\(.*name=NAME\)", text), "the COLLECT folder is no longer dist/NAME"
    contents = re.search(r'contents_directory="([^"]+)"', text).group(1)
    return {"folder": {f"dist/{name}"}, "exes": exes, "contents": {contents}}


def iss_defines(text: str) -> dict[str, str]:
    """#define NAME "text" or NAME + "text" (the ISPP expressions the script uses)."""
    defines: dict[str, str] = {}
    for key, value in re.findall(r'^#define (\w+) (.+)$', text, re.M):
        parts = re.findall(r'"[^"]*"|\w+', value)   # literals and names joined by +
        defines[key] = "".join(p[1:-1] if p.startswith('"') else defines[p] for p in parts)
    return defines


def sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if re.match(r"^\[\w+\]$", line):
            current = line.strip("[]")
            out[current] = []
        elif current and line.strip() and not line.startswith(";"):
            out[current].append(line)
    return out


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), value)   # AppVersion: at build


ISS_TEXT = ISS.read_text(encoding="utf-8")
DEFINES = iss_defines(ISS_TEXT)
SECTIONS = sections(ISS_TEXT)
SETUP = dict(line.split("=", 1) for line in SECTIONS["Setup"] if "=" in line)


def repo_path(iss_relative: str) -> Path:
    """A path written relative to the .iss (Windows separators) as a path in the repository."""
    return (ISS.parent / Path(*PureWindowsPath(iss_relative).parts)).resolve()


def entries(section: str) -> list[dict[str, str]]:
    return [dict((k.strip(), v.strip().strip('"')) for k, v in re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]+)', line))
            for line in SECTIONS.get(section, [])]


def test_files_come_from_the_bundle_the_spec_builds():
    out = spec_outputs()
    bundle = repo_path(DEFINES["Bundle"])
    assert bundle == (REPO / next(iter(out["folder"]))).resolve()
    installed = set()
    for entry in entries("Files"):
        source = repo_path(expand(entry["Source"], DEFINES))
        rel = source.relative_to(bundle)
        if rel.name == "*":
            assert rel.parent.as_posix() in out["contents"], rel
        else:
            assert rel.as_posix() in out["exes"], rel
        installed.add(PureWindowsPath(expand(entry["DestDir"], DEFINES), rel.name).as_posix())
    assert {f"{{app}}/{exe}" for exe in out["exes"]} <= installed
    # every program the setup starts or registers is one it installs
    targets = re.findall(r"\{app\}\\([\w.-]+\.exe)", expand(ISS_TEXT, DEFINES))
    assert targets and set(targets) <= out["exes"]


def test_files_in_the_repository_exist():
    assert repo_path(expand(SETUP["SetupIconFile"], DEFINES)).is_file()
    assert repo_path(expand(SETUP["OutputDir"], DEFINES)) == (REPO / "dist").resolve()
    assert SPEC.exists() and "installer\\sanxiang-desktop.spec" in BUILD.read_text()
    assert "installer\\windows\\sanxiang-desktop.iss" in BUILD.read_text()
    for exe in spec_outputs()["exes"]:
        assert exe in BUILD.read_text()


def test_per_user_windows_10_and_chinese():
    assert SETUP["PrivilegesRequired"] == "lowest" and SETUP["MinVersion"] == "10.0"
    assert "{autopf}" in SETUP["DefaultDirName"]   # = %LOCALAPPDATA%\Programs for a non-admin install
    assert entries("Languages")[0]["MessagesFile"].endswith("ChineseSimplified.isl")
    message = dict(line.split("=", 1) for line in SECTIONS["Messages"])["chinesesimp.WinVersionTooLowError"]
    assert "Windows 10" in message and re.search(r"[\u4e00-\u9fff]", message)
    assert "VersionInfoVersion" in SETUP and "{#AppVersion}" in SETUP["AppVersion"]


def test_association_in_the_users_hive_and_data_left_alone():
    roots = {entry["Root"] for entry in entries("Registry")}
    assert roots == {"HKCU"}
    assert any(e["Subkey"] == r"Software\Classes\.sxpkg" for e in entries("Registry"))
    assert '""%1""' in ISS_TEXT   # the file is passed to the program
    assert "UninstallDelete" not in SECTIONS
    for entry in entries("InstallDelete"):
        assert expand(entry["Name"], DEFINES).startswith("{app}")


def test_signing_only_when_a_certificate_is_configured():
    assert re.search(r"#ifdef SignCert\s+(;.*\s+)?SignTool=sxsign", ISS_TEXT)
    build = BUILD.read_text()
    assert "if ($env:SANXIANG_SIGN_CERT)" in build and "/DSignCert" in build
