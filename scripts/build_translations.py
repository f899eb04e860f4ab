#!/usr/bin/env python3
"""Build the interface translations: resources/i18n/sanxiang_{zh_CN,en}.ts and their .qm files.

    python scripts/build_translations.py           # refresh .ts, merge the Chinese, write .qm
    python scripts/build_translations.py --check   # only report strings without a Chinese translation

Steps: pyside6-lupdate collects self.tr("...") and QCoreApplication.translate("context", "...")
from sanxiang_desktop/ui/**/*.py (only literal strings in these two forms are found); the titles
of ColumnSpec(...) literals anywhere in sanxiang_desktop/ are added under context "columns"
(the services declare them and may not import Qt); the Chinese comes from scripts/i18n_zh_CN.tsv
(source<TAB>translation, one line per source string, whatever its context; \\n, \\t and \\\\
escaped); pyside6-lrelease writes the .qm files, which are committed so that running the program
needs no build step. Exit status 1 when a string has no Chinese translation.
"""
from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UI_DIR = REPO / "sanxiang_desktop" / "ui"
PACKAGE_DIR = REPO / "sanxiang_desktop"
I18N_DIR = REPO / "resources" / "i18n"
TABLE = REPO / "scripts" / "i18n_zh_CN.tsv"
LANGUAGES = ("zh_CN", "en")
COLUMNS_CONTEXT = "columns"


def qt_tool(name: str) -> list[str]:
    """The Qt tool shipped inside the PySide6 wheel (PySide6-Essentials has lupdate and lrelease)."""
    try:
        import PySide6
        exe = Path(PySide6.__file__).parent / (name + (".exe" if os.name == "nt" else ""))
        if exe.is_file():
            return [str(exe)]
    except ImportError:
        pass
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}", shutil.which(f"pyside6-{name}")):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials / 找不到 pyside6-{name}")


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def column_titles(root: Path = PACKAGE_DIR) -> list[str]:
    """Literal titles of ColumnSpec(key, title, ...) calls, in file order, without repeats."""
    titles: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "ColumnSpec":
                continue
            title = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "title"), None)
            if isinstance(title, ast.Constant) and isinstance(title.value, str):
                titles[title.value] = None
    return list(titles)


def load_table(path: Path = TABLE) -> dict[str, str]:
    table: dict[str, str] = {}
    if not path.exists():
        return table
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        source, sep, translation = line.partition("\t")
        if not sep or not translation.strip():
            raise SystemExit(f"{path}:{number}: expected source<TAB>translation")
        table[_unescape(source)] = _unescape(translation)
    return table


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], "\\" + text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def run_lupdate(ts_path: Path, language: str) -> None:
    rel = [os.path.relpath(p, REPO) for p in ui_sources()]
    command = qt_tool("lupdate") + rel + [
        "-ts", str(ts_path), "-source-language", "en", "-target-language", language,
        # no line numbers: the .ts files change only when the strings do
        "-no-obsolete", "-locations", "none", "-silent"]
    subprocess.run(command, cwd=REPO, check=True)


def add_columns_context(root: ET.Element, titles: list[str]) -> None:
    context = next((c for c in root.iter("context") if c.findtext("name") == COLUMNS_CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = COLUMNS_CONTEXT
    present = {m.findtext("source") for m in context.iter("message")}
    for title in titles:
        if title not in present:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = title
            ET.SubElement(message, "translation", type="unfinished")


def messages(root: ET.Element) -> list[tuple[str, str, ET.Element]]:
    return [(c.findtext("name") or "", m.findtext("source") or "", m)
            for c in root.iter("context") for m in c.iter("message")]


def merge(root: ET.Element, language: str, table: dict[str, str]) -> list[tuple[str, str]]:
    """Fill in translations; returns (context, source) of the strings still without one."""
    missing = []
    for context, source, message in messages(root):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        text = source if language == "en" else table.get(source)
        if text is None:
            translation.text, translation.attrib = None, {"type": "unfinished"}
            missing.append((context, source))
        else:
            translation.text, translation.attrib = text, {}
    return missing


def write_ts(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def build_ts(ts_path: Path, language: str, table: dict[str, str]) -> list[tuple[str, str]]:
    run_lupdate(ts_path, language)
    root = ET.parse(ts_path).getroot()
    add_columns_context(root, column_titles())
    missing = merge(root, language, table)
    write_ts(root, ts_path)
    return missing


def run_lrelease(ts_path: Path, qm_path: Path) -> None:
    subprocess.run(qt_tool("lrelease") + [str(ts_path), "-qm", str(qm_path), "-silent"], check=True)


def check() -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """Strings in the code without a Chinese translation, and all (context, source) pairs found."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "sanxiang_zh_CN.ts"
        missing = build_ts(ts, "zh_CN", load_table())
        found = {(c, s) for c, s, _ in messages(ET.parse(ts).getroot())}
    return missing, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report untranslated strings, write nothing")
    args = parser.parse_args(argv)
    table = load_table()
    if args.check:
        missing, found = check()
    else:
        I18N_DIR.mkdir(parents=True, exist_ok=True)
        missing = []
        for language in LANGUAGES:
            ts = I18N_DIR / f"sanxiang_{language}.ts"
            missing += build_ts(ts, language, table)
            run_lrelease(ts, I18N_DIR / f"sanxiang_{language}.qm")
        found = {(c, s) for c, s, _ in messages(ET.parse(I18N_DIR / "sanxiang_zh_CN.ts").getroot())}
    unused = sorted(set(table) - {s for _, s in found})
    for source in unused:
        print(f"unused in {TABLE.name}: {source!r}")
    for context, source in missing:
        print(f"untranslated [{context}]: {source!r} (add it to {TABLE.name})")
    print(f"{len(found)} strings, {len(missing)} without Chinese translation")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
