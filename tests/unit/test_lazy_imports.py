"""Start-up stays quick because heavy modules load only when needed (issue 12: cli_startup,
startup). Checked by what a fresh interpreter has imported, not by time."""
from __future__ import annotations

import os
import subprocess
import sys


def imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_gui_package_pauses_the_collector_for_the_imports_and_the_application_resumes_it(tmp_path):
    code = ("import gc\nimport sanxiang_desktop.ui.shell\npaused = not gc.isenabled()\n"
            "from sanxiang_desktop.ui.shell.application import create_application\n"
            "from sanxiang_desktop.ui.shell.settings import Settings\n"
            f"create_application(['probe'], Settings({str(tmp_path / 'settings.ini')!r}))\nprint('PAUSED' if paused else 'RUNNING', 'ON' if gc.isenabled() else 'OFF')")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANXIANG_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-2:] == ["PAUSED", "ON"]


def test_help_loads_neither_sqlalchemy_nor_the_sync_layer():
    code = ("from sanxiang_desktop.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    loaded = imported_after(code)
    assert "sqlalchemy" not in loaded and "alembic" not in loaded and "nacl" not in loaded
    assert "sanxiang_desktop.cli.commands" not in loaded
    # the version is written in the package, not read back from its metadata (≈ 12 ms: importlib.metadata
    # and the email parser); the installed metadata still says the same (pyproject reads it from there)
    assert "importlib.metadata" not in loaded and "email.parser" not in loaded


def test_the_installed_metadata_carries_the_version_the_program_shows():
    from importlib.metadata import version

    import sanxiang_desktop
    assert version("sanxiang-desktop") == sanxiang_desktop.__version__


def test_the_models_give_sqlalchemy_their_column_types_as_objects_not_strings_to_evaluate():
    # SQLAlchemy evaluates string annotations (from __future__ import annotations) one by one: ≈ 7 ms
    # of every start for the 32 classes (issue 12, startup)
    from sanxiang_desktop.store import base, models, sync_models
    for module in (base, models, sync_models):
        classes = [c for c in vars(module).values() if isinstance(c, type) and c.__module__ == module.__name__
                   and "__annotations__" in vars(c)]
        assert classes, module
        for cls in classes:
            strings = [k for k, v in vars(cls)["__annotations__"].items() if isinstance(v, str)]
            assert strings == [], (cls, strings)


def test_the_main_window_and_its_pages_load_no_demo_documents_or_spreadsheets():
    # what the pages import (launcher, main window, every page module); the demo generator, the
    # printed-form layer, Excel and Word load when the clerk asks for them (issue 12: startup)
    code = ("from sanxiang_desktop.ui.shell.launcher import Launcher\n"
            "from sanxiang_desktop.ui.shell.main_window import load_page_modules\n"
            "assert len(load_page_modules()) == 1\n"
            "from sanxiang_desktop.ui.pages.base import PAGE_FACTORIES, PageEntry\n"
            "for entry in [f for f in PAGE_FACTORIES if isinstance(f, PageEntry)]:\n"
            "    entry.load()")
    loaded = imported_after(code)
    assert "sanxiang_desktop.ui.dashboard.page" in loaded        # the probe did load the pages
    assert "sanxiang_desktop.ui.pages.records" in loaded and "sanxiang_desktop.ui.exchange.pages" in loaded
    for heavy in ("sanxiang_desktop.services.demo", "sanxiang_desktop.documents.model",
                  "sanxiang_desktop.documents.forms.common", "sanxiang_desktop.spreadsheets",
                  "sanxiang_desktop.ui.printing", "openpyxl", "docx"):
        assert heavy not in loaded, heavy


# The real launcher opens a database offscreen; once the main window is shown with its dashboard filled
# (the `ready` signal: what the startup benchmark times), the child lists what it has imported.
READY_PROBE = r"""
import gc, sys
from PySide6.QtCore import QTimer
from sanxiang_desktop.ui.shell.application import create_application
from sanxiang_desktop.ui.shell.launcher import Launcher
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell.tasks import default_runner
settings = Settings(sys.argv[2])
app = create_application([sys.argv[0]], settings)
app.setQuitOnLastWindowClosed(False)
launcher = Launcher(settings)
def ready(window, _seconds):
    # a row per township; the collector paused for the imports runs again (ui/shell/__init__.py)
    print("READY", window.isVisible(), window.page("dashboard").model.rowCount() > 0, gc.isenabled())
    print(" ".join(sorted(sys.modules)), flush=True)
    window.close()
    app.exit(0)
launcher.ready.connect(ready)
launcher.finished.connect(app.exit)
QTimer.singleShot(0, lambda: launcher.start(db=sys.argv[1]))
QTimer.singleShot(60000, lambda: app.exit(3))
code = app.exec()
default_runner().shutdown()
sys.exit(code)
"""

# What the first window must not need: each loads when the clerk first uses what needs it
# (package exchange, printing, Word and Excel, pinyin search keys, phone and ID checks, migrations).
NOT_AT_START = ("alembic", "openpyxl", "docx", "pypinyin", "opencc", "nacl", "phonenumbers", "stdnum",
                "sanxiang_desktop.sync.importer", "sanxiang_desktop.sync.container", "sanxiang_desktop.sync.publish",
                "sanxiang_desktop.sync.status", "sanxiang_desktop.sync.export", "sanxiang_desktop.services.demo",
                "sanxiang_desktop.documents.model", "sanxiang_desktop.spreadsheets", "sanxiang_desktop.ui.printing",
                "sanxiang_desktop.sync.rows", "sanxiang_desktop.ui.setup.wizard", "sanxiang_desktop.ui.setup.settings_dialog",
                "PySide6.QtPrintSupport",
                # the pages after the dashboard (stand-ins until first shown, ui/pages/base.py PageEntry) and
                # what only they use: lists, entry forms, undo of record edits, package exchange
                "sanxiang_desktop.ui.pages.records", "sanxiang_desktop.ui.pages.panel", "sanxiang_desktop.ui.exchange.pages",
                "sanxiang_desktop.ui.forms.record_form", "sanxiang_desktop.services.lists", "sanxiang_desktop.sync.service",
                "sanxiang_desktop.ui.shell.undo",
                # the list view (the unit tree takes its undo keys from ui/lists/undo_keys.py)
                "sanxiang_desktop.ui.lists.list_view", "sanxiang_desktop.ui.lists.table_model")


def test_the_shown_main_window_with_its_dashboard_filled_has_not_loaded_what_it_does_not_show(tmp_path):
    db = tmp_path / "county.db"
    made = subprocess.run([sys.executable, "-m", "sanxiang_desktop", "demo", "--db", str(db), "--unit", "640104",
                           "--scale", "county", "--seed", "1"], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANXIANG_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", READY_PROBE, str(db), str(tmp_path / "settings.ini")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    ready, modules = done.stdout.splitlines()[-2:]
    assert ready == "READY True True True"
    loaded = set(modules.split())
    assert "sanxiang_desktop.ui.dashboard.page" in loaded and "sqlalchemy" in loaded   # the probe is real
    assert [m for m in NOT_AT_START if m in loaded] == []
