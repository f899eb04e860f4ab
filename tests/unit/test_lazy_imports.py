"""Start-up stays quick because heavy modules load only when needed (issue 12: cli_startup,
startup). Checked by what a fresh interpreter has imported, not by time."""
from __future__ import annotations

import subprocess
import sys


def imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_help_loads_neither_sqlalchemy_nor_the_sync_layer():
    code = ("from sanxiang_desktop.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    loaded = imported_after(code)
    assert "sqlalchemy" not in loaded and "alembic" not in loaded and "nacl" not in loaded
    assert "sanxiang_desktop.cli.commands" not in loaded


def test_the_main_window_and_its_pages_load_no_demo_documents_or_spreadsheets():
    # what the first window imports (launcher, main window, every page module); the demo generator,
    # the printed-form layer, Excel and Word load when the clerk asks for them (issue 12: startup)
    code = ("from sanxiang_desktop.ui.shell.launcher import Launcher\n"
            "from sanxiang_desktop.ui.shell.main_window import load_page_modules\n"
            "assert len(load_page_modules()) == 3")
    loaded = imported_after(code)
    assert "sanxiang_desktop.ui.dashboard.page" in loaded        # the probe did load the pages
    for heavy in ("sanxiang_desktop.services.demo", "sanxiang_desktop.documents.model",
                  "sanxiang_desktop.documents.forms.common", "sanxiang_desktop.spreadsheets",
                  "sanxiang_desktop.ui.printing", "openpyxl", "docx"):
        assert heavy not in loaded, heavy
