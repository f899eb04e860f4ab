"""A package double-clicked while the program runs goes to that program (ui/shell/single_instance.py):
a real local server, a real second process handing over, a real main window opening the preview."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync.export import export_package
from sanxiang_desktop.sync.trust import ensure_own_key, trust_peer
from sanxiang_desktop.ui.shell.single_instance import InstanceServer, hand_over, open_packages, package_arguments, server_name

from .window_support import app_settings_in, make_demo, make_empty, open_window  # noqa: F401


def dispose(qtbot, *servers) -> None:
    """Close and delete servers inside Qt's event loop (not when Python drops them at the test's end)."""
    for server in servers:
        server.close()
        with qtbot.waitSignal(server.destroyed, timeout=10000):
            server.deleteLater()


def test_the_name_is_per_user_and_data_folder(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a, "zhang") == server_name(a, "zhang")
    assert len({server_name(a, "zhang"), server_name(b, "zhang"), server_name(a, "li")}) == 3


def test_package_arguments_are_told_from_qt_arguments(tmp_path):
    files, rest = package_arguments(["-platform", "offscreen", str(tmp_path / "x.SXPKG"), "-style", "fusion"])
    assert files == [str((tmp_path / "x.SXPKG").resolve())] and rest == ["-platform", "offscreen", "-style", "fusion"]


@pytest.fixture
def name(tmp_path):
    return server_name(tmp_path, "test")


def test_nobody_running_means_no_hand_over(qapp, name):
    assert hand_over(name, ["/tmp/a.sxpkg"]) is False


def test_a_second_process_hands_its_files_to_the_running_one(qtbot, name, tmp_path):
    server = InstanceServer(name)
    assert server.listen()
    files = [str(tmp_path / "640104100-640104-000001.sxpkg"), str(tmp_path / "第二个.sxpkg")]
    code = ("import sys; from sanxiang_desktop.ui.shell.single_instance import hand_over; "
            f"sys.exit(0 if hand_over({name!r}, {files!r}) else 5)")
    with qtbot.waitSignal(server.files_received, timeout=20000) as got:
        proc = subprocess.Popen([sys.executable, "-c", code], env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)
    assert got.args == [files] and proc.returncode == 0
    dispose(qtbot, server)


def test_a_later_start_does_not_take_the_name_of_the_running_one(qtbot, name):
    first, second = InstanceServer(name), InstanceServer(name)
    assert first.listen()
    assert second.listen() is False
    assert first.server.isListening()
    dispose(qtbot, first, second)


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_a_stale_socket_from_a_crash_is_replaced(qapp, name):
    path = os.path.join(QDir.tempPath(), name)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)      # a socket file nobody listens on, as a killed program leaves it
    dead.close()
    assert Path(path).exists()
    server = InstanceServer(name)
    assert server.listen()
    server.close()
    server.deleteLater()


def test_a_handed_over_package_opens_the_import_preview(qtbot, tmp_path, app_settings_in, runner):  # noqa: F811
    township = make_demo(tmp_path / "t", "640104100", "township")
    county = make_empty(tmp_path / "c", "640104")
    t, c = open_database(township), open_database(county)
    trust_peer(c, "640104100", ensure_own_key(t).public_bytes, "enrolment")
    trust_peer(t, "640104", ensure_own_key(c).public_bytes, "enrolment")
    written = export_package(t, tmp_path / "usb")
    t.close()
    c.close()
    window = open_window(qtbot, county, app_settings_in, runner)
    page = window.page("exchange")
    assert open_packages(window, [str(p) for p in written.paths])
    qtbot.waitUntil(lambda: getattr(page, "import_dialog", None) is not None and page.import_dialog.isVisible(),
                    timeout=20000)
    assert window.current_page() is page
    page.import_dialog.reject()

