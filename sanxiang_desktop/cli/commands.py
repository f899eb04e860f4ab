"""One function per subcommand; each returns the exit code."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from .. import services  # noqa: F401  (registers the service rules)
from ..core import clock
from ..services.demo import DemoError, build_demo
from ..services.indicators import unit_indicators
from ..services.search_keys import stale_key_problems
from ..services.units import InitError, init_home
from ..store import models as m
from ..store.backup import backup_file
from ..store.errors import StoreError
from ..store.integrity import integrity_problems
from ..store.location import is_server_target
from ..store.server import server_backup
from ..store.serialize import dump_lines
from ..sync.trust import ensure_own_key
from .common import OK, REJECTED, discard as _discard, fail, new_database as _new_database, open_existing, print_json
from .document_commands import cmd_export_xlsx, cmd_import_xlsx, cmd_print, cmd_template  # noqa: F401
from .people_commands import cmd_add_person, cmd_find_person  # noqa: F401
from .selftest import cmd_selftest  # noqa: F401
from .sync_commands import (cmd_conflicts, cmd_export_enrolment, cmd_export_package, cmd_export_receipt,  # noqa: F401
                            cmd_export_reference, cmd_import_package, cmd_keys, cmd_sync_status,
                            cmd_return_record, cmd_corrections, init_with_enrolment)

COUNTED = {"units": m.Unit, "people": m.Person, "posts": m.Post, "activities": m.Activity, "visits": m.Visit,
           "venues": m.Venue, "associations": m.Association, "volunteer_teams": m.VolunteerTeam,
           "attachments": m.Attachment, "work_plans": m.WorkPlan, "milestones": m.Milestone,
           "bulletins": m.Bulletin}


def cmd_init(args) -> int:
    if args.enrolment:
        return init_with_enrolment(args, _new_database)
    if not args.unit:
        raise fail("init needs --unit CODE (or --enrolment FILE)", "init 需要 --unit 单位代码（或 --enrolment 注册文件）")
    from ..services.units import resolve_home_code
    try:
        resolve_home_code(args.unit)
    except InitError as err:
        raise fail(err.message_en, err.message_zh) from None
    db = _new_database(args.db)
    try:
        home = init_home(db, args.unit, args.clerk)
        ensure_own_key(db)   # the installation's key pair is made at its first start
    except InitError as err:
        _discard(db)
        raise fail(err.message_en, err.message_zh) from None
    except BaseException:
        _discard(db)
        raise
    print(f"created {args.db} for unit {home} / 已为单位 {home} 创建数据库 {args.db}")
    db.close()
    return OK


def cmd_demo(args) -> int:
    from ..services.units import resolve_home_code
    try:
        resolve_home_code(args.unit)
    except InitError as err:
        raise fail(err.message_en, err.message_zh) from None
    db = _new_database(args.db)
    started = time.monotonic()
    try:
        summary = build_demo(db, args.unit, scale=args.scale, seed=args.seed, year=args.year,
                             progress=lambda done, total, code: print(f"  {done}/{total} {code}", file=sys.stderr))
    except (DemoError, InitError) as err:
        _discard(db)
        raise fail(err.message_en, err.message_zh) from None
    except BaseException:
        _discard(db)
        raise
    db.close()
    seconds = time.monotonic() - started
    total = sum(summary["counts"].values())
    print(f"demo database {args.db}: unit {summary['home_unit']}, scale {summary['scale']}, seed {summary['seed']}, "
          f"{total} records in {seconds:.1f} s / 演示数据已生成")
    return OK


def cmd_stats(args) -> int:
    db = open_existing(args.db)
    try:
        year = args.year or clock.today().year
        unit = args.unit or db.home_unit
        with db.session() as s:
            if s.scalar(select(m.Unit.id).where(m.Unit.code == unit)) is None:
                raise fail(f"unit {unit} is not in this database", f"本数据库中没有单位 {unit}")
            counts = {name: s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
                      for name, model in COUNTED.items()}
            counts["villages"] = s.scalar(select(func.count()).select_from(m.Unit).where(
                m.Unit.level == "village", m.Unit.deleted.is_(False)))
            counts["townships"] = s.scalar(select(func.count()).select_from(m.Unit).where(
                m.Unit.level == "township", m.Unit.deleted.is_(False)))
        print_json({"home_unit": db.home_unit, "unit": unit, "year": year, "counts": counts,
                    "indicators": unit_indicators(db, unit, year).to_json()})
    finally:
        db.close()
    return OK


def cmd_dump(args) -> int:
    db = open_existing(args.db)
    try:
        out = sys.stdout
        with db.session() as s:
            for line in dump_lines(s):
                out.write(line + "\n")
    finally:
        db.close()
    return OK


def cmd_check(args) -> int:
    db = open_existing(args.db)
    try:
        problems = integrity_problems(db.engine)
        with db.session() as s:     # keys carried in packages, or left by an older release (a sample)
            problems += stale_key_problems(s)
    finally:
        db.close()
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s) found / 发现 {len(problems)} 处问题", file=sys.stderr)
        return REJECTED
    print("ok: integrity, foreign keys and search keys (sample) clean / 完整性检查通过")
    return OK


def cmd_backup(args) -> int:
    db = open_existing(args.db)
    out = Path(args.out)
    try:
        if not is_server_target(args.db) and out.resolve() == Path(args.db).resolve():
            raise fail("the backup must not overwrite the database itself", "备份文件不能覆盖数据库本身")
        if out.is_dir():
            raise fail(f"{out} is a folder; give a file name", f"{out} 是文件夹，请给出文件名")
        try:
            if db.is_server:
                server_backup(db.engine, out)    # pg_dump, custom format (issue 13)
            else:
                backup_file(db.engine, out)
        except StoreError as err:
            raise fail(err.message_en, err.message_zh) from None
        except OSError as err:
            raise fail(f"cannot write {out}: {err.strerror}", f"无法写入 {out}：{err.strerror}") from None
    finally:
        db.close()
    print(f"backup written to {out} ({out.stat().st_size} bytes) / 备份已写入 {out}")
    return OK


def cmd_server_setup(args) -> int:
    from ..store.models import RECORD_MODELS
    from ..store.server_setup import server_setup
    if not is_server_target(args.db):
        raise fail("server-setup is for a PostgreSQL server (--db postgresql+psycopg://...); a file needs no setup",
                   "server-setup 仅用于 PostgreSQL 服务器；本机数据库文件无需此步骤")
    clerks: dict[str, str] = {}
    missing = [name for name in args.exchange if name not in {c.partition("=")[0].strip() for c in args.clerk}]
    if missing:
        raise fail(f"--exchange {missing[0]}: name the clerk with --clerk {missing[0]}=CODE too",
                   f"--exchange {missing[0]}：请同时用 --clerk 指定该录入员的单位")
    for item in args.clerk:
        name, _, code = item.partition("=")
        if not name or not code:
            raise fail(f"--clerk {item}: write NAME=CODE", f"--clerk {item}：格式应为 账号=单位代码")
        clerks[name.strip()] = code.strip()
    db = open_existing(args.db)
    try:
        with db.session() as s:
            for code in [*args.host, *clerks.values()]:
                if s.scalar(select(m.Unit.id).where(m.Unit.code == code)) is None:
                    raise fail(f"unit {code} is not in this database", f"本数据库中没有单位 {code}")
        try:
            report = server_setup(db.engine, db.home_unit, args.host, clerks,
                                  [model.__tablename__ for model in RECORD_MODELS], args.exchange)
        except StoreError as err:
            raise fail(err.message_en, err.message_zh) from None
    finally:
        db.close()
    print(f"server set up: units {', '.join(report.units)}; {report.tables} tables under row-level security; "
          f"roles created: {', '.join(report.roles_created) or 'none (already there)'} / 服务器已设置")
    if clerks:
        print("give each clerk a password in psql: \\password NAME (never on a command line) / "
              "请在 psql 中用 \\password 账号 为录入员设置密码")
    return OK


__all__ = ["cmd_init", "cmd_server_setup", "cmd_demo", "cmd_stats", "cmd_dump", "cmd_check", "cmd_backup", "json"]
