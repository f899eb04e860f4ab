"""Ledgers out to .xlsx and lists back in: real files, real database, the command line."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.services import records
from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.services.imports import apply_import, counts, preview
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.spreadsheets.importing import load_rows, marked_copy_path
from sanxiang_desktop.spreadsheets.ledgers import HEADER_ROW, export_ledger
from sanxiang_desktop.spreadsheets.template import write_template
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.serialize import dump_lines

TOWNSHIP = "640104100"
ID_X = "64010419900307009X"     # a valid 18-digit ID ending in X
LANDLINE = "0951-5012345-8021"


@pytest.fixture
def db(tmp_path):
    d = open_database(tmp_path / "t.db", create=True)
    build_demo(d, TOWNSHIP)
    yield d
    d.close()


def _dump(db) -> list[str]:
    with db.session() as s:
        return list(dump_lines(s))


def _audit_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


def _add_person(db, **fields) -> str:
    ws = Workspace.open(db)
    r = records.create(ws, "people", {"unit_code": TOWNSHIP, "name": "测试人", **fields}, allow_duplicate=True)
    assert r.ok, r.message_en()
    return r.record_id


def test_export_then_import_changes_nothing(db, tmp_path):
    pid = _add_person(db, id_number=ID_X, phone=LANDLINE, notes="=SUM(A1:A3)", employer="+86 科协", job="@所有人")
    before = _dump(db)
    for what in ("people", "posts", "activities"):
        for full in (True, False):           # a masked export round-trips too: masks stand for the stored value
            path = tmp_path / f"{what}-{full}.xlsx"
            assert export_ledger(db, what, path, full_pii=full) > 0
            loaded = load_rows(path, what)
            plans = preview(Workspace.open(db), what, loaded.rows)
            assert counts(plans)["error"] == 0, [p.problems for p in plans if p.problems][:3]
            assert counts(plans)["new"] == counts(plans)["update"] == 0
            assert main(["import-xlsx", "--db", str(db.path), "--what", what, str(path)]) == 0
    assert _dump(db) == before
    rows = CalamineWorkbook.from_path(str(tmp_path / "people-True.xlsx")).get_sheet_by_index(0).to_python()
    mine = next(r for r in rows if r[-1] == pid)
    assert ID_X in mine and LANDLINE in mine and "=SUM(A1:A3)" in mine and "+86 科协" in mine and "@所有人" in mine


def test_the_sheet_is_a_ledger_an_office_can_use(db, tmp_path):
    _add_person(db, id_number=ID_X, phone="13812345678", notes="=1+1")
    path = tmp_path / "people.xlsx"
    export_ledger(db, "people", path)
    ws = openpyxl.load_workbook(path).active
    assert "人员台账" in ws["A1"].value and "导出" in ws["A2"].value
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:3] == ["所属单位", "单位代码", "姓名"] and ws.cell(HEADER_ROW, 1).font.b
    col = {name: i + 1 for i, name in enumerate(header)}
    row = next(r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, col["备注"]).value == "=1+1")
    notes = ws.cell(row, col["备注"])
    assert notes.data_type == "s" and notes.quotePrefix           # text, never a formula
    assert ws.cell(row, col["身份证号"]).value == "640104********009X"   # masked by default
    assert ws.cell(row, col["联系电话"]).value == "138****5678"
    assert ws.cell(row, col["身份证号"]).number_format == "@"
    assert isinstance(ws.cell(row, col["出生日期"]).value, dt.datetime)  # a real date
    assert ws.column_dimensions["A"].width >= 8


def test_full_pii_export_is_audited_without_values(db, tmp_path):
    _add_person(db, id_number=ID_X)
    assert main(["export-xlsx", "--db", str(db.path), "--what", "people", "--full-pii",
                 "--out", str(tmp_path / "p.xlsx")]) == 0
    with db.session() as s:
        entry = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq.desc())).first()
    assert entry.action == "export:full_pii" and "人员台账" in entry.label and ID_X not in entry.label
    assert ID_X in [c.value for row in openpyxl.load_workbook(tmp_path / "p.xlsx").active.iter_rows() for c in row]


def _fill(path, rows: list[dict]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["导入数据"]
    header = [str(c.value).lstrip("* ") for c in ws[HEADER_ROW]]
    for r, row in enumerate(rows, start=HEADER_ROW + 2):      # below the example row
        for name, value in row.items():
            cell = ws.cell(r, header.index(name) + 1, value=value)
            if name == "身份证号" and isinstance(value, str):
                cell.number_format = "@"
    wb.save(path)


def test_a_template_with_a_bad_row_is_refused_whole_and_marked(db, tmp_path):
    path = tmp_path / "people.xlsx"
    write_template("people", path)
    _fill(path, [{"姓名": "李四", "性别": "男", "身份证号": "640104198506070011", "联系电话": "13912345678"},
                 {"姓名": "王五", "身份证号": "640104198506070017"},                    # wrong check digit
                 {"姓名": "赵六", "性别": "不详"},                                         # not a choice
                 {"姓名": "钱七", "出生日期": 31000}])                                     # an Excel serial date
    before, audits = _dump(db), _audit_count(db)
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path), "--json"]) == 2
    assert _dump(db) == before and _audit_count(db) == audits            # nothing applied
    marked = openpyxl.load_workbook(marked_copy_path(path))["导入数据"]
    header = [str(c.value).lstrip("* ") for c in marked[HEADER_ROW]]
    bad_id = marked.cell(HEADER_ROW + 3, header.index("身份证号") + 1)
    bad_gender = marked.cell(HEADER_ROW + 4, header.index("性别") + 1)
    assert bad_id.fill.fgColor.rgb.endswith("FF9999") and "校验" in bad_id.comment.text
    assert bad_gender.fill.fgColor.rgb.endswith("FF9999") and bad_gender.comment
    good = marked.cell(HEADER_ROW + 2, header.index("身份证号") + 1)
    assert good.comment is None
    # The GUI's explicit choice: the good rows only, as one action (one audit entry).
    result = apply_import(Workspace.open(db), "people", load_rows(path, "people").rows, good_only=True)
    assert result.ok and "新增 2 条" in result.label and _audit_count(db) == audits + 1
    with db.session() as s:
        names = set(s.scalars(select(m.Person.name).where(m.Person.name.in_(["李四", "王五", "赵六", "钱七", "张三"]))))
        born = s.scalar(select(m.Person.birth_date).where(m.Person.name == "钱七"))
    assert names == {"李四", "钱七"}                       # the example row (张三) was never imported
    assert born == dt.date(1984, 11, 14)


def test_a_gbk_csv_with_headers_in_another_order_imports(db, tmp_path):
    path = tmp_path / "名单.csv"
    text = ("联系电话,备注,姓名,出生日期,性别,身份证号,不认识的列\n"
            f"{LANDLINE},一号,孙八,1990-03-07,男,{ID_X},x\n"
            "13700001111,二号,周九,1975年6月1日,男,,y\n")
    path.write_bytes(text.encode("gbk"))
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 0
    with db.session() as s:
        p = s.scalar(select(m.Person).where(m.Person.name == "孙八"))
        q = s.scalar(select(m.Person).where(m.Person.name == "周九"))
    assert (p.id_number, p.phone, p.notes, p.unit_code) == (ID_X, LANDLINE, "一号", TOWNSHIP)
    assert q.birth_date == dt.date(1975, 6, 1)
    path.write_bytes(("\ufeff" + text.replace("孙八", "吴十").replace(ID_X, "")).encode("utf-8"))
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path), "--dry-run"]) == 0


def test_an_id_number_stored_as_a_number_is_refused_with_the_excel_message(db, tmp_path, capsys):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号"])
    ws.append(["郑一", 640104199003070020])          # Excel keeps 15 digits: the rest are lost
    wb.save(path)
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Excel" in err and "文本" in err


@pytest.mark.parametrize("name,content,words", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password"),
    ("macro.xlsm", b"PK\x03\x04", "macro"),
    ("broken.xlsx", b"PK\x03\x04 this is not a zip", "damaged"),
    ("wps.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls/.et"),
    ("list.docx", b"PK", ".xlsx and .csv"),
])
def test_files_we_must_not_open_are_refused_clearly(db, tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "错误" in err and "Traceback" not in err


def test_defusedxml_guards_openpyxl():
    import openpyxl.xml
    assert openpyxl.xml.DEFUSEDXML


def test_template_has_drop_downs_instructions_and_an_example(tmp_path, db):
    path = tmp_path / "t.xlsx"
    assert main(["template", "--db", str(db.path), "--what", "activities", "--out", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["导入数据", "填写说明"] and wb["选项"].sheet_state == "hidden"
    formulas = [dv.formula1 for dv in wb["导入数据"].data_validations.dataValidation]
    assert any("选项" in f for f in formulas) and len(formulas) >= 4
    lists = wb["选项"]
    assert "掌政镇" in [c.value for col in lists.iter_cols() for c in col]     # units of the database
    assert main(["template", "--what", "people", "--out", str(tmp_path / "p.xlsx")]) == 0   # no --db needed


def test_summary_and_other_ledgers_export(tmp_path):
    d = open_database(tmp_path / "c.db", create=True)
    build_demo(d, "640104", scale="county")
    for what in ("visits", "venues", "summary"):
        assert main(["export-xlsx", "--db", str(d.path), "--what", what, "--out", str(tmp_path / f"{what}.xlsx")]) == 0
    rows = CalamineWorkbook.from_path(str(tmp_path / "summary.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[HEADER_ROW - 1][0] == "乡镇（街道）" and rows[-1][0] == "合计"
    d.close()


def test_import_json_reports_counts(db, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text("活动名称,活动日期,服务领域,参与人数\n健康讲座,2026-03-01,健康中国,30\n", encoding="utf-8")
    assert main(["import-xlsx", "--db", str(db.path), "--what", "activities", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "applied" and out["counts"]["new"] == 1


def test_an_import_is_undone_and_redone_as_one_step(db, tmp_path):
    from sanxiang_desktop.services.imports import redo_import, undo_import
    pid = _add_person(db, id_number=ID_X)
    path = tmp_path / "p.csv"
    path.write_text(f"姓名,身份证号,职务,记录编号\n甲一,,医生,\n测试人,{ID_X},站长,{pid}\n", encoding="utf-8")
    ws = Workspace.open(db)
    result = apply_import(ws, "people", load_rows(path, "people").rows)
    assert result.ok and "新增 1 条，更新 1 条" in result.label
    audits = _audit_count(db)
    assert undo_import(ws, "people", result).ok and _audit_count(db) == audits + 1
    with db.session() as s:
        assert s.get(m.Person, pid).job == "" and s.scalar(select(m.Person.deleted).where(m.Person.name == "甲一"))
    assert redo_import(ws, "people", result).ok
    with db.session() as s:
        assert s.get(m.Person, pid).job == "站长"
        assert s.scalar(select(m.Person.deleted).where(m.Person.name == "甲一")) is False


def test_oversized_and_bomb_files_are_refused(db, tmp_path, monkeypatch, capsys):
    from sanxiang_desktop.spreadsheets import reading
    path = tmp_path / "p.xlsx"
    write_template("people", path)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 2
    assert "MB" in capsys.readouterr().err
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10**8)
    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 1000)
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 2
    assert "解压后过大" in capsys.readouterr().err


def test_a_cancelled_export_leaves_no_file(tmp_path):
    from sanxiang_desktop.spreadsheets.ledgers import Cancelled, Col, write_sheet
    target = tmp_path / "big.xlsx"
    rows = ((i, f"行{i}") for i in range(5000))
    with pytest.raises(Cancelled):
        write_sheet(target, "标题", "说明", [Col("序号", "int"), Col("名称")], rows, progress=lambda n: n < 2000)
    assert not target.exists() and not list(tmp_path.iterdir())
