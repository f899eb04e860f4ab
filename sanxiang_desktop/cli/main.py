"""The command line (ARCHITECTURE.md): stable, scripts and tests depend on it.

Exit codes: 0 success; 2 input rejected, nothing changed; 3 confirmation needed,
nothing changed; 1 a real bug. No traceback is ever shown for bad input."""
from __future__ import annotations

import argparse
import difflib
import logging
import os
import sys
import traceback

from .. import __version__
from .common import OK, BUG, CliError, bounded_int, environment_error, print_error, year_arg
from .people_commands import PEOPLE_COMMANDS, add_parsers as add_people_parsers
from .sync_commands import SYNC_COMMANDS, add_parsers as add_sync_parsers
from .document_commands import DOCUMENT_COMMANDS, add_parsers as add_document_parsers
from .selftest import SELFTEST_COMMANDS, add_parsers as add_selftest_parsers

COMMANDS = ("init", "demo", "stats", "dump", "check", "backup", "server-setup") + SYNC_COMMANDS + DOCUMENT_COMMANDS \
    + PEOPLE_COMMANDS + SELFTEST_COMMANDS


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors, made bilingual, exit 2
        self.print_usage(sys.stderr)
        raise CliError(message, f"命令行参数有误：{message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sanxiang-desktop", description="基层科协“3+1”工作桌面程序 / grassroots science association records")
    p.add_argument("--version", action="version", version=f"sanxiang-desktop {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_text, description=help_text)
        c.add_argument("--db", required=True, help="database file or postgresql+psycopg://user@host/db "
                       "(no password: PGPASSFILE or ?service=) / 数据库文件或服务器地址")
        return c

    c = cmd("init", "create a database for a home unit / 为本单位创建数据库")
    c.add_argument("--unit", help="6-, 9- or 12-digit unit code (taken from --enrolment if omitted) / 单位代码")
    c.add_argument("--clerk", default="", help="clerk's name for the audit log / 录入员姓名")
    c.add_argument("--enrolment", help="enrolment file from the upper level / 上级下发的注册文件")
    c = cmd("demo", "create a database filled with demo data / 生成演示数据库")
    c.add_argument("--unit", required=True)
    c.add_argument("--scale", choices=("township", "county", "city"))
    c.add_argument("--seed", type=bounded_int(0, 2 ** 31 - 1), default=1)
    c.add_argument("--year", type=year_arg)
    c = cmd("stats", "counts and indicators as JSON / 统计与指标")
    c.add_argument("--year", type=year_arg)
    c.add_argument("--unit", help="unit to report on (default: home unit)")
    c.add_argument("--json", action="store_true", help="print JSON (the only format for now)")
    cmd("dump", "canonical JSON Lines of every record / 导出全部记录（JSON Lines）")
    cmd("check", "integrity, foreign-key and search-key (sample) check / 完整性检查（含检索键抽查）")
    c = cmd("backup", "online backup / 在线备份")
    c.add_argument("--out", required=True, help="backup file to write / 备份文件")
    c = cmd("server-setup", "once per PostgreSQL server, as its administrator: roles and row-level security / "
                            "服务器初始化：账号与行级权限")
    c.add_argument("--host", action="append", default=[], metavar="CODE",
                   help="a township (or other unit) that works on this server instead of sending packages / "
                        "在本服务器上录入的下级单位")
    c.add_argument("--clerk", action="append", default=[], metavar="NAME=CODE",
                   help="make a login role for a clerk of unit CODE (no password: set it with psql \\password) / "
                        "为录入员创建账号")
    c.add_argument("--exchange", action="append", default=[], metavar="NAME",
                   help="the clerk (of the office's own unit) who exports and imports packages: the only clerk "
                        "who may use the unit's signing key / 负责数据包交换的录入员")
    add_sync_parsers(cmd)
    add_document_parsers(cmd)
    add_people_parsers(cmd)
    add_selftest_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
        if not args.command:
            build_parser().print_help()
            return 0
        from . import commands   # here, not at the top: `--help` and argument errors stay quick
        return getattr(commands, f"cmd_{args.command.replace('-', '_')}")(args)
    except CliError as err:
        print_error(err)
        return err.code
    except KeyboardInterrupt:
        print("interrupted / 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `dump | head -1`: the reader has gone; stop quietly (and keep Python's exit-time flush quiet)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return OK
    except Exception as exc:  # the environment (locked, read-only, full, too long) is input; the rest a bug
        err = environment_error(exc)
        if err is not None:
            print_error(err)
            return err.code
        traceback.print_exc()
        print("internal error: please report this with the text above / 程序内部错误，请将以上信息报告给维护人员",
              file=sys.stderr)
        return BUG


def unknown_command(word: str) -> int:
    """`sanxiang-desktop stat`: exit 2 naming the nearest command, instead of starting the window."""
    near = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
    hint_en = f"; did you mean '{near[0]}'?" if near else "; see 'sanxiang-desktop --help'"
    hint_zh = f"，您是否要输入“{near[0]}”？" if near else "，请查看 sanxiang-desktop --help"
    print_error(CliError(f"unknown command '{word}'{hint_en}", f"未知命令“{word}”{hint_zh}"))
    return 2

