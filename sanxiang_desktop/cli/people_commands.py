"""People on the command line: add one (the same service and checks as the GUI form and the
Excel import) and find people however their name or phone was typed.

``add-person`` exits 3 when the clerk must confirm something (a possible duplicate, an ID
number ending in 000 to compare with the card) and nothing was saved; the flags that confirm
are ``--allow-duplicate`` and ``--confirm-excel-id``."""
from __future__ import annotations

from .common import NEEDS_CONFIRMATION, OK, fail, open_existing, print_json

# The services (SQLAlchemy, the models) are imported by the commands when they run: `--help` stays quick.

PEOPLE_COMMANDS = ("add-person", "find-person")


def add_parsers(cmd) -> None:
    c = cmd("add-person", "add a person to the roster / 新增人员")
    c.add_argument("--name", required=True, help="name as on the ID card / 姓名")
    c.add_argument("--unit", help="unit whose roster the person joins (default: home unit) / 所属单位")
    c.add_argument("--id-number", help="resident ID number / 身份证号")
    c.add_argument("--phone", help="mobile or landline, any usual form / 联系电话")
    c.add_argument("--birth-date", help="birth date / 出生日期")
    c.add_argument("--gender", choices=("male", "female"))
    c.add_argument("--confirm-excel-id", action="store_true",
                   help="the ID number ends in 000 and was compared with the card / 已与身份证原件核对")
    c.add_argument("--allow-duplicate", action="store_true",
                   help="save although a similar person exists / 确认不是同一人，仍然新增")
    c.add_argument("--json", action="store_true")
    c = cmd("find-person", "find people by name (any spelling), pinyin, ID number or phone / 查找人员")
    c.add_argument("text", help="what to look for / 查找内容")
    c.add_argument("--limit", type=int, default=20)
    c.add_argument("--json", action="store_true")


def cmd_add_person(args) -> int:
    from ..core.validation import ID_EXCEL_CONFIRM
    from ..services import records
    from ..services.workspace import Workspace
    db = open_existing(args.db)
    try:
        ws = Workspace.open(db)
        fields = {"unit_code": args.unit or ws.home_unit, "name": args.name}
        for key in ("id_number", "phone", "birth_date", "gender"):
            if getattr(args, key) is not None:
                fields[key] = getattr(args, key)
        result = records.create(ws, "people", fields, allow_duplicate=args.allow_duplicate,
                                confirm=(ID_EXCEL_CONFIRM,) if args.confirm_excel_id else ())
    finally:
        db.close()
    if args.json:
        print_json({"ok": result.ok, "id": result.record_id,
                    "problems": [{"field": p.field, "severity": p.severity, "code": p.code,
                                  "message_en": p.message_en, "message_zh": p.message_zh} for p in result.problems],
                    "duplicates": [{"id": d.person_id, "name": d.name, "unit": d.unit_code, "reason": d.reason}
                                   for d in result.duplicates]})
    if result.ok:
        if not args.json:
            print(f"added {result.record_id} / 已新增")
            for p in result.warnings:
                print(f"  note: {p.message_en} / 提示：{p.message_zh}")
        return OK
    if result.duplicates:
        shown = "; ".join(f"{d.name} ({d.unit_code}, {d.reason})" for d in result.duplicates)
        shown_zh = "；".join(f"{d.name}（{d.unit_code}，{d.reason_zh}）" for d in result.duplicates)
        raise fail(f"this person may already exist: {shown}; nothing saved (--allow-duplicate to add anyway)",
                   f"可能与已有人员重复：{shown_zh}；未保存（确认不是同一人请加 --allow-duplicate）",
                   NEEDS_CONFIRMATION)
    if result.errors and all(p.code == ID_EXCEL_CONFIRM for p in result.errors):
        p = result.errors[0]
        raise fail(f"{p.message_en}; nothing saved (--confirm-excel-id once compared with the card)",
                   f"{p.message_zh}；未保存（核对无误后加 --confirm-excel-id）", NEEDS_CONFIRMATION)
    raise fail(result.message_en(), result.message_zh())


def cmd_find_person(args) -> int:
    from ..services.lists_people import search_people
    from ..services.workspace import Workspace
    db = open_existing(args.db)
    try:
        found = search_people(Workspace.open(db), args.text, limit=max(1, min(args.limit, 500)))
    finally:
        db.close()
    if args.json:
        print_json([{"id": c.id, "name": c.name, "unit": c.unit_code, "unit_name": c.unit_name,
                     "employer": c.employer, "job": c.job} for c in found])
    else:
        for c in found:
            print(f"{c.id}  {c.display()}")
        if not found:
            print("nobody found / 未找到")
    return OK
