"""Paper, Word and Excel on the command line: print, export-xlsx, template, import-xlsx.

Only `print --pdf` needs Qt (QtGui's PDF writer, offscreen); everything else is Qt-free.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .common import OK, fail, print_json

DOCUMENT_COMMANDS = ("print", "export-xlsx", "template", "import-xlsx")
LEDGERS = ("people", "posts", "activities", "visits", "venues", "summary")
IMPORTABLE = ("people", "posts", "activities")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        import argparse
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def add_parsers(cmd) -> None:
    """Add the document subcommands; `cmd(name, help)` makes a subparser with --db."""
    from ..documents.forms import FORM_TITLES
    c = cmd("print", "print an official form to PDF or Word / 打印标准表格（PDF 或 Word）")
    c.add_argument("form", choices=tuple(FORM_TITLES), help="form / 表格")
    c.add_argument("--unit", required=True, help="unit code / 单位代码")
    c.add_argument("--year", type=int)
    c.add_argument("--from", dest="date_from", type=_date, help="period start YYYY-MM-DD / 起始日期")
    c.add_argument("--to", dest="date_to", type=_date, help="period end YYYY-MM-DD / 截止日期")
    c.add_argument("--full-pii", action="store_true", help="ID numbers and phones in full / 显示完整身份证号和电话")
    c.add_argument("--blank", action="store_true", help="an empty form to fill by hand / 空白表")
    out = c.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", help="PDF file to write / 输出 PDF")
    out.add_argument("--docx", help="Word file to write / 输出 Word 文档")
    c = cmd("export-xlsx", "export a ledger to Excel / 导出台账（Excel）")
    c.add_argument("--what", required=True, choices=LEDGERS)
    c.add_argument("--unit", help="unit code (default: home unit) / 单位代码")
    c.add_argument("--year", type=int)
    c.add_argument("--full-pii", action="store_true", help="ID numbers and phones in full / 显示完整身份证号和电话")
    c.add_argument("--out", required=True)
    c = cmd("template", "write an Excel import template / 生成导入模板")
    for action in c._actions:      # --db is optional here: with it, the units become a drop-down too
        if action.dest == "db":
            action.required = False
            action.help = "database whose units fill the 所属单位 drop-down (optional) / 数据库（可选）"
    c.add_argument("--what", required=True, choices=IMPORTABLE)
    c.add_argument("--out", required=True)
    c = cmd("import-xlsx", "import people, posts or activities from .xlsx or .csv / 从 Excel 或 CSV 导入")
    c.add_argument("--what", required=True, choices=IMPORTABLE)
    c.add_argument("file", metavar="FILE")
    c.add_argument("--dry-run", action="store_true", help="check only, change nothing / 仅检查")
    c.add_argument("--json", action="store_true")


def _open(path: str):
    from .common import open_existing
    return open_existing(path)


def _writable_target(path: str) -> Path:
    target = Path(path)
    if not target.parent.exists():
        raise fail(f"folder {target.parent} does not exist", f"文件夹 {target.parent} 不存在")
    if target.is_dir():
        raise fail(f"{target} is a folder; give a file name", f"{target} 是文件夹，请给出文件名")
    return target


def _os_error(err: OSError, target: Path):
    return fail(f"cannot write {target}: {err.strerror or err}", f"无法写入 {target}：{err.strerror or err}")


def _audit_full_pii(db, what: str, where: str) -> None:
    from ..services.disclosure import record_full_pii_export
    from ..services.workspace import Workspace
    record_full_pii_export(Workspace.open(db), what, where)


def _qt_app():
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..ui.printing import render as print_render   # the CLI's only Qt: QtGui's PDF writer
    return print_render.QGuiApplication.instance() or print_render.QGuiApplication([])


def cmd_print(args) -> int:
    from ..documents.forms import FORM_TITLES, FormError, FormOptions, form_builder
    target = _writable_target(args.pdf or args.docx)
    db = _open(args.db)
    try:
        opt = FormOptions(unit=args.unit, year=args.year, date_from=args.date_from, date_to=args.date_to,
                          full_pii=args.full_pii, blank=args.blank)
        try:
            opt.period()
            doc = form_builder(args.form)(db, opt)
        except FormError as err:
            raise fail(err.message_en, err.message_zh) from None
        if args.full_pii and not args.blank:
            _audit_full_pii(db, FORM_TITLES[args.form], "PDF" if args.pdf else "Word")
        try:
            if args.docx:
                from ..documents.to_docx import write_docx
                write_docx(doc, target)
                pages = None
            else:
                app = _qt_app()
                from ..ui.printing.render import render_pdf
                pages = render_pdf(doc, target)
                del app
        except OSError as err:
            raise _os_error(err, target) from None
    finally:
        db.close()
    print(f"{target}" + (f" ({pages} pages / {pages} 页)" if pages else ""))
    return OK


def cmd_export_xlsx(args) -> int:
    from ..spreadsheets.ledgers import LEDGER_TITLES, export_ledger
    target = _writable_target(args.out)
    db = _open(args.db)
    try:
        if args.full_pii and args.what != "summary":
            _audit_full_pii(db, LEDGER_TITLES[args.what], "Excel")
        try:
            n = export_ledger(db, args.what, target, unit=args.unit, year=args.year, full_pii=args.full_pii)
        except KeyError:
            raise fail(f"unit {args.unit} is not in this database", f"本数据库中没有单位 {args.unit}") from None
        except OSError as err:
            raise _os_error(err, target) from None
    finally:
        db.close()
    print(f"{target}: {n} rows / {n} 行")
    return OK


def cmd_template(args) -> int:
    from ..spreadsheets.template import write_template
    target = _writable_target(args.out)
    units: list[str] = []
    if args.db:
        db = _open(args.db)
        try:
            from ..spreadsheets.template import unit_choices
            units = unit_choices(db)
        finally:
            db.close()
    try:
        write_template(args.what, target, units=units)
    except OSError as err:
        raise _os_error(err, target) from None
    print(target)
    return OK


def _plan_json(plans) -> list[dict]:
    return [{"row": p.row, "action": p.action, "note": p.note,
             "problems": [{"column": k, "zh": zh, "en": en} for k, zh, en in p.problems]}
            for p in plans if p.action in ("error", "duplicate")]


def cmd_import_xlsx(args) -> int:
    from ..services.imports import apply_import, counts, preview
    from ..services.workspace import Workspace
    from ..spreadsheets.importing import load_rows, write_marked_copy
    from ..spreadsheets.reading import SheetError
    try:
        loaded = load_rows(args.file, args.what)
    except SheetError as err:
        raise fail(err.message_en, err.message_zh) from None
    db = _open(args.db)
    try:
        ws = Workspace.open(db)
        plans: list = []
        if args.dry_run:
            plans = preview(ws, args.what, loaded.rows)
            status = "checked"
        else:   # planned once, inside the transaction that applies it (all or nothing)
            result = apply_import(ws, args.what, loaded.rows, plans_out=plans)
            status = "applied" if result.ok else "rejected"
        n = counts(plans)
        if n["error"]:
            status = "rejected"
        elif status == "applied" and not n["new"] and not n["update"]:
            status = "unchanged"
        out = {"file": str(args.file), "what": args.what, "counts": n, "rows": _plan_json(plans), "status": status}
        if n["error"]:
            try:
                out["marked_copy"] = str(write_marked_copy(loaded, plans))
            except OSError as err:
                out["marked_copy"] = None
                out["marked_copy_error"] = err.strerror or str(err)
    finally:
        db.close()
    if args.json:
        print_json(out)
    else:
        print(f"{out['status']}: new {n['new']}, updated {n['update']}, unchanged {n['unchanged']}, "
              f"duplicate {n['duplicate']}, errors {n['error']} / 新增 {n['new']}，更新 {n['update']}，"
              f"未变 {n['unchanged']}，重复 {n['duplicate']}，有误 {n['error']}")
    if out["status"] == "rejected":
        bad = [p for p in plans if p.action == "error"]
        lines_en = "; ".join(f"row {p.row}: {p.problems[0][2]}" for p in bad[:5])
        lines_zh = "；".join(f"第 {p.row} 行：{p.problems[0][1]}" for p in bad[:5])
        where = out.get("marked_copy")
        raise fail(f"{n['error']} row(s) have errors, nothing was imported ({lines_en})"
                   + (f"; the marked-up copy is {where}" if where else ""),
                   f"有 {n['error']} 行数据有误，全部未导入（{lines_zh}）" + (f"；已生成标注副本：{where}" if where else ""))
    return OK
