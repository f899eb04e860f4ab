"""The GUI entry point: `sanxiang-desktop [--db PATH|URL] [--demo township|county|city] [--lang zh_CN|en]`.

What opens first (wizard, demo build, main window) is the Launcher's business (ui/shell/launcher.py)."""
from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer

from sanxiang_desktop.ui.shell.application import create_application
from sanxiang_desktop.ui.shell.i18n import LANGUAGES, install_translators
from sanxiang_desktop.ui.shell.launcher import DEMO_UNITS, Launcher
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell.tasks import default_runner


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="sanxiang-desktop", description="基层科协“3+1”工作 / Science association 3+1 work")
    parser.add_argument("--db", help="database file (default: sanxiang.db in the data folder), or the office "
                        "server postgresql://ROLE@HOST/DB (no password) / 数据库文件或办公室服务器地址")
    parser.add_argument("--demo", choices=sorted(DEMO_UNITS),
                        help="open a demo database, made in the data folder if missing / 打开演示数据库")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language for this run / 本次运行的界面语言")
    return parser.parse_known_args(argv)   # the rest is Qt's (-platform, -style ...)


def no_display() -> bool:
    """On Linux without X11/Wayland (a server, an SSH session) Qt would abort with a core dump."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if no_display() and not any(a.startswith("-platform") for a in qt_args):
        print("error: no graphical display found; start the program on a desktop, or use the command line "
              "(sanxiang-desktop --help)\n错误：未找到图形界面显示。请在桌面环境中启动本程序，或使用命令行"
              "（sanxiang-desktop --help）。", file=sys.stderr)
        return 2
    settings = Settings()
    app = create_application([sys.argv[0], *qt_args], settings)
    if args.lang:
        install_translators(app, args.lang)
    # The launcher ends the program; closing the main window to reopen a restored database must not.
    app.setQuitOnLastWindowClosed(False)
    launcher = Launcher(settings)
    launcher.finished.connect(app.exit)
    QTimer.singleShot(0, lambda: launcher.start(db=args.db, demo=args.demo))
    code = app.exec()
    default_runner().shutdown()
    return code
