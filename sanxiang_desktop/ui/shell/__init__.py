"""The window frame: application, launcher, main window and its actions, settings (INI), i18n, errors, the database worker, undo.

Importing this package pauses the cyclic garbage collector until the application is created
(:func:`resume_collection`, called by create_application and Launcher.start). Start-up imports build
about a million long-lived objects (modules, classes, SQLAlchemy mappers, Qt wrappers) and almost no
garbage, yet the collector's passes over that growing heap took ≈ 0.05 s of the first window (issue 12,
startup). Resuming freezes what the imports made (gc.freeze: left out of every later full pass), so the
window is built and filled with the collector running as usual. The command line never imports this
package; a process that imports it without creating the application calls resume_collection itself
(tests/conftest.py does, after collecting the tests)."""
from __future__ import annotations

import gc as _gc

_paused = _gc.isenabled()
if _paused:
    _gc.disable()


def resume_collection() -> None:
    """Freeze what start-up has made and switch the collector back on (once; later calls do nothing)."""
    global _paused
    if _paused:
        _paused = False
        _gc.freeze()
        _gc.enable()
