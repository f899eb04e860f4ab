"""Exchange subcommands: packages up, receipts and reference data down, enrolment, keys.

Exit codes (ARCHITECTURE.md): 0 success (also "already imported"); 2 rejected,
nothing changed; 3 an unknown sender must be confirmed, nothing changed."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the parser needs is imported here: `--help` must not load SQLAlchemy and the sync layer
# (tests/bench/run.py: cli_startup). The commands import their modules when they run.
from ..core.clock import format_local
from ..sync import parts
from ..sync.errors import PackageError
from .common import (NEEDS_CONFIRMATION, OK, REJECTED, bounded_float, discard, environment_error, fail,
                     open_existing, print_json)

if TYPE_CHECKING:
    from ..store.database import Database
    from ..sync.outbox import Written

SYNC_COMMANDS = ("export-package", "import-package", "export-receipt", "export-reference", "export-enrolment",
                 "keys", "sync-status", "conflicts", "return-record", "corrections")


def add_parsers(cmd) -> None:
    """Add the exchange subcommands; `cmd(name, help)` makes a subparser with --db."""
    c = cmd("export-package", "write the data package for the upper level / 生成报送上级的数据包")
    c.add_argument("--out", required=True, help="folder to write into / 输出文件夹")
    c.add_argument("--limit-mb", type=bounded_float(0.01, 2048), default=parts.DEFAULT_LIMIT / 1024 / 1024,
                   help="split into parts above this size (MB) / 超过此大小（MB）分卷")
    c.add_argument("--slip", help="also print the transmittal slip to this PDF / 同时生成报送单 PDF")
    c.add_argument("--json", action="store_true")
    c = cmd("import-package", "import data packages, receipts or reference data / 导入数据包、回执或基础数据")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--trust-new-sender", action="store_true",
                   help="accept a sender seen for the first time (confirm its fingerprint first) / 信任新的发送单位")
    c.add_argument("--fingerprint", help="the new sender's fingerprint as confirmed by phone / 电话核对的密钥指纹")
    c.add_argument("--dry-run", action="store_true", help="show what would change, change nothing / 仅预览")
    c.add_argument("--json", action="store_true")
    for name, what in (("export-receipt", "write the receipt for a lower unit / 生成给下级的回执"),
                       ("export-reference", "write reference data for a lower unit / 生成给下级的基础数据包")):
        c = cmd(name, what)
        c.add_argument("--to", required=True, help="the lower unit's code / 下级单位代码")
        c.add_argument("--out", required=True, help="folder to write into / 输出文件夹")
        c.add_argument("--json", action="store_true")
    c = cmd("export-enrolment", "write the enrolment file for a new lower installation / 生成下级注册文件")
    c.add_argument("--for", dest="for_unit", required=True, help="the lower unit's code / 下级单位代码")
    c.add_argument("--out", required=True, help="folder to write into / 输出文件夹")
    c.add_argument("--json", action="store_true")
    c = cmd("keys", "this installation's key fingerprint and the trusted units / 本机密钥指纹与已信任单位")
    c.add_argument("--json", action="store_true")
    c.add_argument("--export-key", metavar="FILE",
                   help="save this installation's private key to FILE (keep it safe) / 导出本机私钥到文件（请妥善保管）")
    c.add_argument("--import-key", metavar="FILE",
                   help="take this database's private key from FILE (after restoring on another computer) / "
                        "从文件导入本数据库的私钥（在其他电脑上恢复备份后）")
    c = cmd("sync-status", "packages sent and received, gaps, receipts / 数据交换状态")
    c.add_argument("--json", action="store_true")
    c = cmd("conflicts", "list or resolve conflicting versions / 查看或处理冲突")
    c.add_argument("--resolve", metavar="ID")
    c.add_argument("--keep", choices=("local", "incoming"))
    c.add_argument("--json", action="store_true")
    c = cmd("return-record", "return a record of a lower unit for correction (sent in the next receipt) / 退回更正")
    c.add_argument("--table", required=True, help="record type, e.g. activities / 记录类型")
    c.add_argument("--id", dest="record_id", required=True, help="the record's id / 记录编号")
    c.add_argument("--reason", required=True,
                   help="what is wrong - no names, ID or phone numbers / 退回原因（勿填写姓名、身份证号、电话）")
    c.add_argument("--json", action="store_true")
    c = cmd("corrections", "records returned for correction by the upper level / 待更正记录")
    c.add_argument("--dismiss", metavar="ID", help="remove one from the list / 忽略")
    c.add_argument("--sent", action="store_true", help="the returns made here instead / 本单位退回的记录")
    c.add_argument("--json", action="store_true")


def _exchange(fn, *args, **kw):
    from ..sync.outbox import ExchangeError
    try:
        return fn(*args, **kw)
    except ExchangeError as err:
        raise fail(err.message_en, err.message_zh) from None
    except PackageError as err:
        raise fail(err.message_en, err.message_zh) from None
    except OSError as err:
        raise environment_error(err) from None


def _print_written(w: Written, as_json: bool, extra: dict | None = None) -> None:
    if as_json:
        print_json(w.to_json() | (extra or {}))
        return
    for p in w.paths:
        print(p)
    print(f"{w.kind} #{w.seq} for {w.recipient}: {sum(w.counts.values())} item(s), check code {w.check_code}"
          f" / 已生成第 {w.seq} 号，校验码 {w.check_code}", file=sys.stderr)
    if w.kind == "data" and not w.encrypted:
        print(f"note: not encrypted - the key of {w.recipient} is not known here yet (import one of its receipts "
              "first); keep the file safe.\n注意：未加密——本机尚无接收单位的密钥（请先导入其回执），请妥善保管该文件。",
              file=sys.stderr)


def _open(path: str) -> Database:
    return open_existing(path)


def cmd_export_package(args) -> int:
    from ..sync.export import export_package
    if args.slip:
        _check_slip_target(Path(args.slip))       # before a number is used: exit 2 changes nothing
    db = _open(args.db)
    try:
        written = _exchange(export_package, db, Path(args.out), limit=int(args.limit_mb * 1024 * 1024))
        extra = {}
        if args.slip:
            # The package is written and its number used: a slip that fails now is a warning, not
            # exit 2 ("nothing changed" would be untrue); the slip can be printed again in the window.
            try:
                _render_slip(db, written, Path(args.slip))
                extra["slip"] = args.slip
            except Exception as exc:                # noqa: BLE001 - reported, never a traceback
                from .common import CliError
                why = exc if isinstance(exc, CliError) else None
                print(f"warning: package #{written.seq} was written, but the transmittal slip was not"
                      f"{': ' + why.message_en if why else ''}; print it from 数据交换 in the program\n"
                      f"警告：第 {written.seq} 号数据包已生成，但报送单未能生成"
                      f"{'：' + why.message_zh if why else ''}；请在程序“数据交换”中打印。", file=sys.stderr)
                extra["slip_error"] = why.message_en if why else type(exc).__name__
        _print_written(written, args.json, extra)
    finally:
        db.close()
    return OK


def _check_slip_target(pdf: Path) -> None:
    if pdf.is_dir():
        raise fail(f"--slip {pdf} is a folder; give a PDF file name", f"--slip {pdf} 是文件夹，请给出 PDF 文件名")
    folder = pdf.parent if str(pdf.parent) else Path(".")
    if not folder.is_dir():
        raise fail(f"the folder of --slip does not exist: {folder}", f"--slip 的文件夹不存在：{folder}")
    if not os.access(folder, os.W_OK) or (pdf.exists() and not os.access(pdf, os.W_OK)):
        raise fail(f"--slip cannot be written: {pdf}", f"--slip 无法写入：{pdf}")


def _render_slip(db: Database, written: Written, pdf: Path) -> None:
    """The only Qt in the command line: the PDF renderer, imported for --slip alone."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..sync.slip import slip_document
    try:
        doc = slip_document(db, written)
    except ImportError:
        raise fail("the package was written, but this build cannot print transmittal slips",
                   "数据包已生成，但本版本无法打印报送单") from None
    from ..ui.printing import render as print_render
    app = print_render.QGuiApplication.instance() or print_render.QGuiApplication([])
    try:
        print_render.render_pdf(doc, pdf)
    except OSError as err:
        raise fail(f"the package was written, but the slip could not be: {err.strerror}",
                   f"数据包已生成，但报送单无法写入：{err.strerror}") from None
    del app


def cmd_import_package(args) -> int:
    from ..sync.importer import import_files
    db = _open(args.db)
    try:
        results = import_files(db, args.files, trust=args.trust_new_sender, fingerprint=args.fingerprint,
                               dry_run=args.dry_run, actor=db.get_meta("clerk") or "")
    finally:
        db.close()
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        for r in results:
            _print_result(r)
    if any(r.status == "rejected" for r in results):
        return REJECTED
    if any(r.status == "untrusted" for r in results):
        return NEEDS_CONFIRMATION
    return OK


def _print_result(r) -> None:
    who = f"{r.sender_name or r.sender or '?'} #{r.seq}" if r.sender else r.file
    if r.status == "applied":
        print(f"{r.file}: {who}: {r.message_en} / {r.message_zh}; check code / 校验码 {r.check_code}")
    elif r.status == "duplicate":
        print(f"{r.file}: {who}: {r.message_en} / {r.message_zh}")
    elif r.status == "untrusted":
        print(f"{r.file}: {r.message_en}\n  If the fingerprint is right, run again with --trust-new-sender "
              f"(and --fingerprint {r.fingerprint}).\n{r.message_zh}\n  核对无误后，加上 --trust-new-sender 重新导入。",
              file=sys.stderr)
    else:
        print(f"error: {r.file}: {r.message_en}\n错误：{r.file}：{r.message_zh}", file=sys.stderr)
    for note in r.notes:
        print(f"  {note}", file=sys.stderr)


def cmd_export_receipt(args) -> int:
    from ..sync.receipts import export_receipt
    return _export_down(args, export_receipt, args.to)


def cmd_export_reference(args) -> int:
    from ..sync.reference import export_reference
    return _export_down(args, export_reference, args.to)


def cmd_export_enrolment(args) -> int:
    from ..sync.enrolment import export_enrolment
    return _export_down(args, export_enrolment, args.for_unit)


def _export_down(args, fn, unit: str) -> int:
    from ..core.divisions import normalize_code
    code = normalize_code(unit or "") or unit
    db = _open(args.db)
    try:
        _print_written(_exchange(fn, db, code, Path(args.out)), args.json)
    finally:
        db.close()
    return OK


def cmd_keys(args) -> int:
    from ..sync.trust import ensure_own_key, export_private_key, import_private_key, peers
    db = _open(args.db)
    try:
        if args.import_key:
            key_id = _exchange(import_private_key, db, Path(args.import_key))
            print(f"private key {key_id} imported into this computer's key store / 已导入私钥 {key_id}")
        if args.export_key:
            _exchange(export_private_key, db, Path(args.export_key))
            print(f"private key saved to {args.export_key}: keep it as safe as the office seal / "
                  f"私钥已保存到 {args.export_key}，请像公章一样妥善保管")
        pair = _exchange(ensure_own_key, db)
        trusted = peers(db)
    finally:
        db.close()
    if args.json:
        print_json({"unit": db.home_unit, "fingerprint": pair.fingerprint, "key_id": pair.key_id,
                    "peers": [p.__dict__ for p in trusted]})
        return OK
    print(f"this installation ({db.home_unit}) / 本机密钥指纹: {pair.fingerprint}  (key id {pair.key_id})")
    for p in trusted:
        print(f"  {p.unit_code} {p.name}: {p.fingerprint} ({p.how}, {format_local(p.trusted_at, date_only=True)})")
    return OK


def cmd_sync_status(args) -> int:
    from ..sync.status import history, status
    db = _open(args.db)
    try:
        info = status(db) | {"history": history(db, limit=50).to_json()}
    finally:
        db.close()
    if args.json:
        print_json(info)
        return OK
    upper = info["upper"]
    if upper:
        print(f"{upper['message_en']} / {upper['message_zh']}; last sent #{upper['last_sent_seq']}")
    for c in info["children"]:
        print(f"{c['message_en']} / {c['message_zh']}")
    print(f"open conflicts {info['open_conflicts']}, duplicate people {info['open_duplicates']}"
          f" / 待处理冲突 {info['open_conflicts']}，重复人员 {info['open_duplicates']}")
    return OK


def cmd_conflicts(args) -> int:
    from ..sync.status import conflicts, resolve_conflict
    db = _open(args.db)
    try:
        if args.resolve:
            if not args.keep:
                raise fail("--resolve needs --keep local|incoming", "--resolve 需要同时指定 --keep local|incoming")
            print_json(_exchange(resolve_conflict, db, args.resolve, args.keep,
                                 actor=db.get_meta("clerk") or "").to_json())
            return OK
        rows = conflicts(db)
    finally:
        db.close()
    if args.json:
        print_json([c.to_json() for c in rows])
    else:
        for c in rows:
            print(f"{c.id}  {c.table} {c.record_id}  owner {c.owner}  kept {c.result}")
        print(f"{len(rows)} open conflict(s) / 待处理冲突 {len(rows)} 条")
    return OK


def cmd_return_record(args) -> int:
    from ..sync.returns import return_for_correction
    db = _open(args.db)
    try:
        out = _exchange(return_for_correction, db, args.table, args.record_id, args.reason,
                        actor=db.get_meta("clerk") or "")
    finally:
        db.close()
    if args.json:
        print_json(out.to_json())
    else:
        r = out.row
        print(f"{r.type_en} \"{r.title}\" of {r.owner} returned for correction; it goes to "
              f"{out.to} in the next receipt / 已退回更正：{r.owner_name}的{r.type_zh}“{r.title}”，"
              f"随下一份给{out.to_name}的回执发出")
    return OK


def cmd_corrections(args) -> int:
    from ..sync.returns import corrections_due, dismiss_correction, returns_sent
    db = _open(args.db)
    try:
        if args.dismiss:
            if not dismiss_correction(db, args.dismiss, actor=db.get_meta("clerk") or "").dismissed:
                raise fail(f"no open correction {args.dismiss}", f"没有该待更正记录：{args.dismiss}")
            print(f"dismissed / 已忽略 {args.dismiss}")
            return OK
        rows = returns_sent(db) if args.sent else corrections_due(db)
    finally:
        db.close()
    if args.json:
        print_json([r.to_json() for r in rows])
        return OK
    for r in rows:
        print(f"{r.id}  {r.type_zh}  {r.title}  {r.owner_name}  {r.reason}  "
              f"{r.from_name} {format_local(r.returned_at, date_only=True)}  {r.status}")
    print(f"{len(rows)} record(s) / 共 {len(rows)} 条")
    return OK


def init_with_enrolment(args, create_db) -> int:
    """`init --unit CODE --enrolment FILE`: verify the file first, then create the database from it."""
    from ..services.units import InitError, init_home, resolve_home_code
    from ..sync.enrolment import apply_enrolment, read_enrolment
    try:
        unit = resolve_home_code(args.unit) if args.unit else None
        enr = read_enrolment(Path(args.enrolment), unit)
        unit = resolve_home_code(enr.unit)
    except InitError as err:
        raise fail(err.message_en, err.message_zh) from None
    except PackageError as err:
        raise fail(err.message_en, err.message_zh) from None
    db = create_db(args.db)
    try:
        init_home(db, unit, args.clerk)
        summary = _exchange(apply_enrolment, db, enr)
        from ..sync.trust import ensure_own_key
        mine = ensure_own_key(db).fingerprint
    except BaseException:
        discard(db)
        raise
    db.close()
    print(f"created {args.db} for unit {unit}, enrolled under {enr.parent} ({enr.parent_name}).\n"
          f"  Upper level's key fingerprint: {enr.parent_fingerprint} - compare it by phone.\n"
          f"  This installation's fingerprint: {mine}\n"
          f"已为单位 {unit} 创建数据库并完成注册（上级：{enr.parent_name}）。请电话核对上级密钥指纹 {enr.parent_fingerprint}。")
    return OK
