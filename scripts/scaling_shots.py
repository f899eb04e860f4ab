#!/usr/bin/env python3
"""Screenshots at a display scaling (125 %, 150 %) to look at what is cut or overlapping (issue 11, item 18).

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/scaling_shots.py --scale 1.5 --out DIR

QT_SCALE_FACTOR must be set before the QApplication exists, so each factor is its own run. Writes
<out>/<scale>-{main-window,overview,entry-form,entry-errors,wizard,wizard-clerk,settings,file-dialog}.png, each
as big as the 1366×768 screen shows it, on a township demo database in a temporary data folder.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import grab, settle, wait_until  # noqa: E402

TOWNSHIP = "640104100"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (1, 1.25, 1.5)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--unit", default=TOWNSHIP, help="home unit of the demo database (640104: a county)")
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sanxiang-scale-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        os.environ["SANXIANG_DATA_DIR"] = str(data)
        from sanxiang_desktop.services.demo import build_demo
        from sanxiang_desktop.store.database import open_database
        db_path = data / "demo.db"
        db = open_database(db_path, create=True)
        level = {9: "township", 6: "county"}.get(len(args.unit), "city")
        build_demo(db, args.unit, scale=level)
        db.close()
        return take(db_path, data, args.out, args.scale if args.unit == TOWNSHIP else f"{args.scale}-{args.unit}")


def take(db_path: Path, data: Path, out: Path, scale: str) -> int:
    from PySide6.QtWidgets import QFileDialog
    from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog
    from sanxiang_desktop.ui.setup.wizard import FirstStartWizard
    from sanxiang_desktop.ui.shell.application import create_application
    from sanxiang_desktop.ui.shell.launcher import Launcher
    from sanxiang_desktop.ui.shell.settings import Settings
    from sanxiang_desktop.ui.shell.tasks import default_runner

    settings = Settings(data / "sanxiang.ini")
    settings.set("language", "zh_CN")
    settings.set("clerk_name", "马晓梅")
    app = create_application([sys.argv[0]], settings)
    app.setQuitOnLastWindowClosed(False)
    screen = app.primaryScreen().availableGeometry()
    print(f"scale {scale}: screen {screen.width()}×{screen.height()} device-independent pixels")
    launcher = Launcher(settings)
    ready: list = []
    launcher.ready.connect(lambda window, seconds: ready.append(window))
    launcher.start(db=db_path)
    wait_until(app, lambda: bool(ready), what="the main window")
    window = ready[0]
    window.setGeometry(screen)
    settle(app, 1.0)
    grab(window).save(str(out / f"{scale}-main-window.png"))
    window.open_records(window.home.code, "association", {})
    wait_until(app, lambda: window.current_page() is window.page("association"), what="概况")
    settle(app, 0.6)
    grab(window).save(str(out / f"{scale}-overview.png"))

    window.open_records(window.home.code, "activities", {})
    page = window.page("activities")
    wait_until(app, lambda: window.current_page() is page, what="the activities page")
    settle(app, 0.8)
    dialog = page.panel.open_dialog(None)
    wait_until(app, dialog.isVisible, what="the entry form")
    settle(app, 0.4)
    grab(window, [dialog]).save(str(out / f"{scale}-entry-form.png"))
    dialog.widgets["participants"].editor().setFocus()
    dialog.save()                      # empty: every required field says what is missing
    settle(app, 0.6)
    grab(window, [dialog]).save(str(out / f"{scale}-entry-errors.png"))
    dialog.done(0)

    settings_dialog = SettingsDialog(settings, window)
    settings_dialog.show()
    settle(app, 0.4)
    grab(window, [settings_dialog]).save(str(out / f"{scale}-settings.png"))
    settings_dialog.done(0)

    files = QFileDialog(window, "导出到…", str(data))
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setNameFilter("Excel (*.xlsx)")
    files.show()
    settle(app, 0.6)
    grab(window, [files]).save(str(out / f"{scale}-file-dialog.png"))
    files.done(0)

    wizard = FirstStartWizard(data / "new.db", settings, default_runner())
    wizard.show()
    wizard.move(screen.center() - wizard.rect().center())
    settle(app, 1.0)
    wizard.grab().save(str(out / f"{scale}-wizard.png"))
    wizard.home_page.select_code(TOWNSHIP)
    wizard.next()
    settle(app, 0.4)
    wizard.grab().save(str(out / f"{scale}-wizard-clerk.png"))
    wizard.done(0)

    window.close()
    wait_until(app, lambda: default_runner().pending == 0, what="the exit backup")
    default_runner().shutdown()
    for png in sorted(out.glob(f"{scale}-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
