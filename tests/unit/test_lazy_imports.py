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
