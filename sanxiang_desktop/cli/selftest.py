"""`sanxiang-desktop selftest`: the whole stack, offscreen, in a temporary folder.

What an installed bundle runs to prove it is complete (CI runs it on the unpacked
.deb): a frozen program that lost a Qt plugin, a migration script, the division
tree or openpyxl's templates fails here rather than in a clerk's office. Every step
uses the real code on real files; nothing outside the temporary folder is touched,
and nothing under tests/ or ../shared is needed (the oldest schema comes from
resources/selftest/). One line per step; exit 0 only when every step worked.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.resources
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from .common import BUG, OK

SELFTEST_COMMANDS = ("selftest",)
TOWNSHIP, COUNTY = "640104100", "640104"   # 掌政镇 and its county 兴庆区 (Yinchuan)
OLDEST_SCHEMA = "schema_0001.db.gz"        # the oldest database file a release wrote


def add_parsers(sub) -> None:
    """Add `selftest` to the subparsers (it takes no --db: it makes its own databases)."""
    c = sub.add_parser("selftest", help="check this installation offscreen / 自检（无需图形界面）",
                       description="exercise the whole program in a temporary folder / 在临时文件夹中自检整个程序")
    c.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path / 保留临时文件夹")


class _State:
    """What one step hands to the next (databases, the written package)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.township = self.county = self.written = self.document = None


def _resources(st: _State) -> str:
    """Package data a frozen bundle can lose: the division tree, translations, icons."""
    from ..core.divisions import DivisionTree
    tree = DivisionTree.builtin()
    town = tree.get(TOWNSHIP)
    if town is None or tree.parent(TOWNSHIP).code != COUNTY:
        raise AssertionError(f"division {TOWNSHIP} missing from the built-in tree")
    res = importlib.resources.files("sanxiang_desktop.resources")
    needed = [res / "i18n" / "sanxiang_zh_CN.qm", res / "icons" / "png" / "48.png", res / "selftest" / OLDEST_SCHEMA]
    missing = [str(p) for p in needed if not p.is_file() or not p.read_bytes()]
    if missing:
        raise AssertionError(f"missing: {', '.join(missing)}")
    # data that libraries load by name at run time (a frozen bundle must have collected it)
    from ..core.names import to_simplified
    from ..core.phones import check_mobile
    from ..core.pinyin import _EXTRA_TABLES
    for table in _EXTRA_TABLES:
        importlib.import_module(f"pypinyin_dict.pinyin_data.{table}")
    if to_simplified("張") != "张":
        raise AssertionError("OpenCC did not convert 張 to 张")
    number, problems = check_mobile("13951012345")
    if number is None or problems:
        raise AssertionError("phonenumbers rejected a valid mobile number")
    return (f"division tree ({town.name}, {len(tree.children(COUNTY))} under {COUNTY}), translations, icons, "
            "OpenCC, phone plan, pinyin tables")


def _demo(st: _State) -> str:
    from .. import services  # noqa: F401  (registers the service rules)
    from ..services.demo import build_demo
    from ..services.units import init_home
    from ..store.database import open_database
    from ..store.integrity import integrity_problems
    from ..sync.trust import ensure_own_key, trust_peer
    st.township = open_database(st.folder / "township.db", create=True)
    summary = build_demo(st.township, TOWNSHIP, scale="township", seed=1)
    st.county = open_database(st.folder / "county.db", create=True)
    init_home(st.county, COUNTY, "selftest")
    town_key, county_key = ensure_own_key(st.township), ensure_own_key(st.county)
    trust_peer(st.county, TOWNSHIP, town_key.public_bytes, "enrolment")   # as an enrolment file would
    trust_peer(st.township, COUNTY, county_key.public_bytes, "enrolment")
    problems = integrity_problems(st.township.engine)
    if problems:
        raise AssertionError(f"integrity: {problems[:3]}")
    return f"{sum(summary['counts'].values())} records for {TOWNSHIP}"


def _migrate(st: _State) -> str:
    from ..store.database import open_database
    from ..store.integrity import integrity_problems
    from ..store.migrate import current_revision, head_revision
    from ..store.serialize import dump_lines
    old = st.folder / "oldest.db"
    source = importlib.resources.files("sanxiang_desktop.resources") / "selftest" / OLDEST_SCHEMA
    with source.open("rb") as raw, gzip.open(raw) as unzipped, old.open("wb") as out:
        shutil.copyfileobj(unzipped, out)
    from sqlalchemy import create_engine
    engine = create_engine(f"sqlite:///{old}")
    start = current_revision(engine)
    engine.dispose()
    db = open_database(old)
    try:
        if current_revision(db.engine) != head_revision():
            raise AssertionError(f"at {current_revision(db.engine)}, head is {head_revision()}")
        if db.migration_backup is None or not db.migration_backup.exists():
            raise AssertionError("no backup was made before migrating")
        problems = integrity_problems(db.engine)
        if problems:
            raise AssertionError(f"integrity after migrating: {problems[:3]}")
        with db.session() as s:
            records = sum(1 for _ in dump_lines(s))
    finally:
        db.close()
    return f"schema {start} -> {head_revision()}, {records} records kept"


def _exchange(st: _State) -> str:
    from ..sync.export import export_package
    from ..sync.importer import import_files
    st.written = export_package(st.township, st.folder / "out")
    results = import_files(st.county, st.written.paths)
    bad = [r for r in results if r.status != "applied"]
    if bad:
        raise AssertionError(f"import: {bad[0].status}: {bad[0].message_en}")
    again = import_files(st.county, st.written.paths)
    if [r.status for r in again] != ["duplicate"] * len(again):
        raise AssertionError("importing the same package twice was not a duplicate")
    inserted = sum(r.counts["inserted"] for r in results)
    if inserted == 0:
        raise AssertionError("the package carried no records")
    return f"{st.written.paths[0].name}: {inserted} records applied, second import a duplicate"


def _pdf(st: _State) -> str:
    from ..sync.slip import slip_document
    from .sync_commands import _render_slip   # the command line's one PDF path (Qt, offscreen)
    pdf = st.folder / "slip.pdf"
    _render_slip(st.township, st.written, pdf)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise AssertionError("not a complete PDF")
    st.document = slip_document(st.township, st.written)
    return f"报送单 {len(data)} bytes"


def _form(st: _State) -> str:
    """A printed form (科协组织建设情况登记表) to PDF and to Word: python-docx's template must be in the bundle."""
    from docx import Document as WordDocument
    from ..documents.forms import FormOptions, form_builder
    from ..documents.to_docx import write_docx
    from ..ui.printing.render import render_pdf   # QtGui only; the application exists since the slip step
    doc = form_builder("registration")(st.township, FormOptions(unit=TOWNSHIP))
    pdf, word = st.folder / "registration.pdf", st.folder / "registration.docx"
    pages = render_pdf(doc, pdf)
    if pages < 1 or not pdf.read_bytes().startswith(b"%PDF-"):
        raise AssertionError("no PDF pages")
    write_docx(doc, word)
    text = "\n".join(p.text for p in WordDocument(str(word)).paragraphs)
    if doc.title not in text:
        raise AssertionError("the form's title is not in the Word file")
    return f"{doc.title}: {pages} PDF page(s), .docx read back"


def _xlsx(st: _State) -> str:
    from openpyxl import load_workbook
    from ..spreadsheets.from_document import write_xlsx
    path = st.folder / "slip.xlsx"
    write_xlsx(st.document, path)
    wb = load_workbook(path, read_only=True)
    try:
        cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
    finally:
        wb.close()
    if st.written.check_code not in " ".join(cells):
        raise AssertionError("the check code did not come back from the workbook")
    return f"{len(cells)} cells written and read back"


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("resources", _resources),
    ("demo database", _demo),
    ("migration from the oldest schema", _migrate),
    ("package export and import", _exchange),
    ("transmittal slip to PDF", _pdf),
    ("registration form to PDF and Word", _form),
    ("spreadsheet .xlsx", _xlsx),
)


def run_selftest(folder: Path, out=sys.stdout) -> bool:
    """Run every step in folder (an empty directory); print one line each; True when all passed.

    A failing step prints its reason and later steps that depend on it are skipped."""
    st = _State(folder)
    ok = True
    try:
        for name, step in STEPS:
            if not ok:
                print(f"SKIP {name}", file=out)
                continue
            started = time.perf_counter()
            try:
                detail = step(st)
            except Exception as err:   # a failed step is a finding, not a crash: report it and go on
                ok = False
                print(f"FAIL {name}: {type(err).__name__}: {err}", file=out)
                traceback.print_exc(file=sys.stderr)
                continue
            print(f"ok   {name}: {detail} ({time.perf_counter() - started:.1f} s)", file=out, flush=True)
    finally:
        for db in (st.township, st.county):
            if db is not None:
                db.close()
    return ok


def cmd_selftest(args: argparse.Namespace) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"   # no display needed, even on a desktop
    folder = Path(tempfile.mkdtemp(prefix="sanxiang-selftest-"))
    try:
        ok = run_selftest(folder)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    from .. import __version__
    if ok:
        print(f"selftest passed (sanxiang-desktop {__version__}) / 自检通过")
        return OK
    print(f"selftest FAILED (sanxiang-desktop {__version__}) / 自检未通过", file=sys.stderr)
    return BUG
