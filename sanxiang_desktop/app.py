"""The GUI entry point: `sanxiang-desktop [--db PATH|URL] [--demo township|county|city] [--lang zh_CN|en] [FILE.sxpkg…]`.

Package files (a double-click in the file manager) go to the program already running for this user
and data folder when there is one (ui/shell/single_instance.py), else open in the import preview.

What opens first (wizard, demo build, main window) is the Launcher's business (ui/shell/launcher.py)."""
from __future__ import annotations

import argparse
import importlib.resources
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon

from sanxiang_desktop.ui.shell.application import create_application
from sanxiang_desktop.ui.shell.i18n import LANGUAGES, install_translators
from sanxiang_desktop.ui.shell.launcher import DEMO_UNITS, Launcher
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell.single_instance import (InstanceServer, hand_over, open_packages, package_arguments,
                                                      server_name)
from sanxiang_desktop.ui.shell.tasks import default_runner

log = logging.getLogger(__name__)


APP_ID = "org.sanxiang.desktop"   # the .deb's package, desktop entry and icon name (installer/build_deb.py)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The program's icon in every size shipped (resources/icons/png), for windows and the taskbar."""
    icon = QIcon()
    folder = importlib.resources.files("sanxiang_desktop.resources") / "icons" / "png"
    for n in ICON_SIZES:
        icon.addFile(str(folder / f"{n}.png"), QSize(n, n))
    return icon


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
    files, qt_args = package_arguments(qt_args)
    settings = Settings()
    instance = server_name(Path(settings.get("data_folder")))
    if files and hand_over(instance, files):
        return 0
    app = create_application([sys.argv[0], *qt_args], settings)
    app.setWindowIcon(application_icon())
    QGuiApplication.setDesktopFileName(APP_ID)   # Wayland and the task bar match windows to the entry
    if args.lang:
        install_translators(app, args.lang)
    # The launcher ends the program; closing the main window to reopen a restored database must not.
    app.setQuitOnLastWindowClosed(False)
    launcher = Launcher(settings)
    launcher.finished.connect(app.exit)
    server = InstanceServer(instance, app)
    server.listen()
    pending = list(files)   # until the main window is there (the wizard may come first)

    def deliver(paths: list[str]) -> None:
        pending.extend(paths)
        if launcher.window is not None and pending:
            open_packages(launcher.window, pending[:])
            pending.clear()

    server.files_received.connect(deliver)
    launcher.window_shown.connect(lambda _window: QTimer.singleShot(0, lambda: deliver([])))
    QTimer.singleShot(0, lambda: launcher.start(db=args.db, demo=args.demo))
    code = app.exec()
    server.close()
    if not default_runner().shutdown(2_000):     # an exit backup of a large file is still being written
        log.info("waiting for the database worker to finish before quitting")
        default_runner().shutdown(None)
    return code
