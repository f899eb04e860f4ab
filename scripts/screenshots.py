#!/usr/bin/env python3
"""Screenshots for the README: the main window at 1366×768 in Chinese on a city demo database.

    make screenshots      # = xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py

Builds the demo database in a temporary data folder (nothing of the user's is touched), opens the
program through the same Launcher as `sanxiang-desktop`, and writes docs/screenshots/
main-window.png (the city's dashboard), dashboard-county.png, entry-form.png (a new activity) and
exchange.png (兴庆区 after importing the packages of two of its townships, each a demo database,
with a person both entered: a duplicate).
It prints how long the program took from start to a filled dashboard.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
WIDTH, HEIGHT = 1366, 768


def wait_until(app, condition: Callable[[], bool], timeout_s: float = 60.0, what: str = "") -> None:
    from PySide6.QtCore import QEventLoop
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what or condition}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(app, seconds: float = 0.4) -> None:
    wait_until(app, lambda s=time.monotonic() + seconds: time.monotonic() > s)


def grab(window, dialogs=()):
    """The window with its dialogs painted over it, each in a plain frame with its title: under
    xvfb there is no window manager to draw one."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter, QPen
    pixmap = window.grab()
    painter = QPainter(pixmap)
    for dialog in dialogs:
        body = QRect(dialog.geometry().topLeft() - window.geometry().topLeft(), dialog.size())
        bar = QRect(body.left(), body.top() - 30, body.width(), 30)
        painter.fillRect(bar, QColor("#dfe3e8"))
        painter.setPen(QColor("#1f2933"))
        painter.drawText(bar.adjusted(12, 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), dialog.windowTitle())
        painter.drawPixmap(body.topLeft(), dialog.grab())
        painter.setPen(QPen(QColor("#7b8794"), 1))
        painter.drawRect(bar.united(body).adjusted(0, 0, -1, -1))
    painter.end()
    return pixmap


def build_city_demo(folder: Path) -> Path:
    from sanxiang_desktop.services.demo import build_demo
    from sanxiang_desktop.store.database import open_database
    path = folder / "demo-city.db"
    started = time.perf_counter()
    db = open_database(path, create=True)
    build_demo(db, "640100", scale="city")
    db.close()
    print(f"city demo database built in {time.perf_counter() - started:.1f} s ({path.stat().st_size // 1024} KB)")
    return path


def build_exchange_world(folder: Path) -> Path:
    """A county (兴庆区) that enrolled two townships and imported a data package from each (a receipt
    sent back to 掌政镇), one person entered by both with the same ID number (a duplicate for the county)."""
    from stdnum.cn import ric
    from sanxiang_desktop.services import records
    from sanxiang_desktop.services.demo import build_demo
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.services.workspace import Workspace
    from sanxiang_desktop.store.database import open_database
    from sanxiang_desktop.sync.export import export_package
    from sanxiang_desktop.sync.importer import import_files
    from sanxiang_desktop.sync.receipts import export_receipt
    from sanxiang_desktop.sync.trust import ensure_own_key, trust_peer
    folder.mkdir(parents=True)
    county = open_database(folder / "county.db", create=True)
    init_home(county, "640104", "马晓梅")
    county_key = ensure_own_key(county).public_bytes
    body = "64010419800307231"
    same_person = {"name": "马志远", "gender": "male", "id_number": body + ric.calc_check_digit(body + "0")}
    packages = []
    for seed, code in enumerate(("640104100", "640104001"), start=1):
        town = open_database(folder / f"{code}.db", create=True)
        build_demo(town, code, scale="township", seed=seed)
        trust_peer(county, code, ensure_own_key(town).public_bytes, "enrolment")
        trust_peer(town, "640104", county_key, "enrolment")
        ws = Workspace.open(town)
        records.create(ws, "people", {**same_person, "unit_code": code}, allow_duplicate=True)
        packages += list(export_package(town, folder / code).paths)
        town.close()
    import_files(county, packages)
    export_receipt(county, "640104100", folder / "receipts")
    county.close()
    return folder / "county.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sanxiang-shots-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        os.environ["SANXIANG_DATA_DIR"] = str(data)
        db_path = build_city_demo(data)
        county = build_exchange_world(Path(tmp) / "exchange")
        return take(db_path, data, args.out, county)


def take(db_path: Path, data: Path, out: Path, county: Path | None = None) -> int:
    from sanxiang_desktop.ui.shell.application import create_application
    from sanxiang_desktop.ui.shell.launcher import Launcher
    from sanxiang_desktop.ui.shell.settings import Settings
    from sanxiang_desktop.ui.shell.tasks import default_runner

    app_started = time.perf_counter()
    settings = Settings(data / "sanxiang.ini")
    settings.set("language", "zh_CN")
    settings.set("clerk_name", "马晓梅")
    app = create_application([sys.argv[0]], settings)
    app.setQuitOnLastWindowClosed(False)
    launcher = Launcher(settings)
    ready: list = []
    launcher.ready.connect(lambda window, seconds: ready.append((window, seconds, time.perf_counter())))
    launcher.start(db=db_path)
    wait_until(app, lambda: bool(ready), what="the main window")
    window, from_launch, at = ready[0]
    print(f"start-up: {at - app_started:.2f} s from creating the application to the first show and a filled "
          f"dashboard ({from_launch:.2f} s from opening the database)")

    window.move(0, 0)
    window.resize(WIDTH, HEIGHT)
    dashboard = window.page("dashboard")
    shown = lambda code: dashboard.data is not None and dashboard.data.unit == code  # noqa: E731
    window.tree.select_code("640100")
    wait_until(app, lambda: shown("640100"), what="the city dashboard")
    # the start's daily backup ends on the worker and rewrites the status bar: shoot after it
    wait_until(app, lambda: default_runner().pending == 0, what="the start-up backup")
    settle(app)
    grab(window).save(str(out / "main-window.png"))

    window.tree.select_code("640104")
    wait_until(app, lambda: shown("640104"), what="the county dashboard")
    settle(app)
    grab(window).save(str(out / "dashboard-county.png"))

    entry_form(app, window, out)
    window.close()
    wait_until(app, lambda: default_runner().pending == 0, what="the exit backup")
    if county is not None:
        exchange(app, county, settings, out)
    default_runner().shutdown()
    for name in ("main-window.png", "dashboard-county.png", "entry-form.png", "exchange.png"):
        path = out / name
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
              f"{path.stat().st_size // 1024} KB" if path.exists() else f"{name}: not written")
    return 0


def entry_form(app, window, out: Path) -> None:
    """A new activity for 掌政镇, with a few fields typed, over its activities page."""
    window.open_records("640104100", "activities", {})
    page = window.page("activities")
    if page is None or not hasattr(page, "panel"):
        print("entry-form.png: no activities page in this build")
        return
    wait_until(app, lambda: window.current_page() is page, what="the activities page")
    settle(app, 0.8)
    dialog = page.panel.open_dialog(None)
    wait_until(app, dialog.isVisible, what="the entry form")
    typed = {"title": "“健康讲堂”进村：高血压防治", "place": "掌政镇卫生院会议室", "domain": "health",
             "type": "health_lecture", "participants": 86, "volunteers": 6}
    for name, value in typed.items():
        widget = getattr(dialog, "widgets", {}).get(name)
        if widget is not None:
            widget.set_value(value)
    settle(app, 0.6)
    grab(window, [dialog]).save(str(out / "entry-form.png"))
    dialog.done(0)          # not reject(): that asks whether to discard what was typed
    settle(app, 0.2)


def exchange(app, county: Path, settings, out: Path) -> None:
    """数据交换 of the county that imported its townships' packages."""
    from sanxiang_desktop.ui.shell.main_window import MainWindow, open_workspace
    from sanxiang_desktop.ui.shell.tasks import default_runner
    window = MainWindow(open_workspace(county), settings, default_runner())
    window.move(0, 0)
    window.resize(WIDTH, HEIGHT)
    window.show()
    dashboard = window.page("dashboard")
    wait_until(app, lambda: dashboard.data is not None, what="the county window")
    page = window.page("exchange")
    window.tabs.setCurrentWidget(page)
    settle(app, 1.5)
    grab(window).save(str(out / "exchange.png"))
    window.close()
    wait_until(app, lambda: default_runner().pending == 0, what="the exit backup")


if __name__ == "__main__":
    sys.exit(main())
