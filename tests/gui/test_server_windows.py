"""Two copies of the program on one PostgreSQL server (issue 13): a save in one window appears in the
other's list without a restart (LISTEN/NOTIFY, no polling); a save over a record the other changed
since its form opened is refused and the form shows the newer values. Also the first-start wizard's
"connect to the office server"."""
from __future__ import annotations

from PySide6.QtWidgets import QWizard

from sanxiang_desktop.services import records
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.ui.setup.wizard import FirstStartWizard
from tests.gui.record_support import drain_list_queries, list_values, zh  # noqa: F401  (zh: autouse, needed by list_values)
from tests.gui.window_support import answer_modal, app_settings_in, close_window, open_window  # noqa: F401

TOWNSHIP = "640104100"


def _server_with_a_person(pg_server, pg_schema) -> tuple[str, str]:
    url = pg_server.url(pg_server.new_database("gui", pg_schema))
    db = open_database(url)
    init_home(db, TOWNSHIP, "李娜")
    made = records.create(Workspace.open(db), "people", {"unit_code": TOWNSHIP, "name": "单雪梅"})
    db.close()
    assert made.ok
    return url, made.record_id


def _shown_names(view) -> list[str]:
    model = view.model
    if model.busy:
        return []
    column = model.column_of("name")
    return [model.row(r).values[column] for r in range(model.rowCount())]


def test_two_windows_on_one_server_see_each_others_saves_and_stale_saves_are_refused(
        qtbot, pg_server, pg_schema, app_settings_in, runner, chinese):  # noqa: F811
    url, pid = _server_with_a_person(pg_server, pg_schema)
    a = open_window(qtbot, url, app_settings_in, runner)
    b = open_window(qtbot, url, app_settings_in, runner)
    try:
        for w in (a, b):
            w.open_records(TOWNSHIP, "people", {})
        page_a, page_b = a.page("people"), b.page("people")
        assert list_values(page_b.panel.view, "name") == ["单雪梅"]
        form_b = page_b.panel.open_dialog(pid)                       # b opens the record first ...
        qtbot.waitUntil(form_b.isVisible)
        form_a = page_a.panel.open_dialog(pid)                       # ... a opens it too and saves a change
        qtbot.waitUntil(form_a.isVisible)
        form_a.widgets["name"].set_value("单雪琴")
        with qtbot.waitSignal(form_a.save_done, timeout=10000) as done:
            assert form_a.save()                                     # saves on the worker
        assert done.args == [True]
        # b's list hears of it from the server, no restart, no reload pressed
        qtbot.waitUntil(lambda: _shown_names(page_b.panel.view) == ["单雪琴"], timeout=10000)
        # b's form still holds the old revision: its save is refused, nothing overwritten, newer values shown
        form_b.widgets["employer"].set_value("掌政镇卫生院")
        with qtbot.waitSignal(form_b.save_done, timeout=10000) as done:
            assert form_b.save()
        assert done.args == [False]
        assert "已被他人修改" in form_b.general_error.text()
        assert form_b.widgets["name"].value() == "单雪琴" and form_b.rev == 2
        assert records.get(a.ws, "people", pid)["name"] == "单雪琴"
        form_b.widgets["employer"].set_value("掌政镇卫生院")        # the clerk re-applies the change: saved
        with qtbot.waitSignal(form_b.save_done, timeout=10000) as done:
            assert form_b.save()
        assert done.args == [True]
        qtbot.waitUntil(lambda: records.get(a.ws, "people", pid)["employer"] == "掌政镇卫生院")
        assert records.get(a.ws, "people", pid)["name"] == "单雪琴"
    finally:
        # no more news from the server; let the refreshes it asked for finish while the worker runs
        for w in (a, b):
            w.remote.close()
        for w in (a, b):
            qtbot.waitUntil(lambda w=w: not w.page("dashboard")._refresh_timer.isActive(), timeout=10000)
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
        drain_list_queries(qtbot)
        close_window(qtbot, a, runner)
        close_window(qtbot, b, runner)


def test_the_first_start_wizard_connects_to_the_office_server(qtbot, pg_server, pg_schema, settings, runner):
    url, _pid = _server_with_a_person(pg_server, pg_schema)
    wizard = FirstStartWizard(pg_server.folder / "unused.db", settings, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.home_page
    page.server_edit.setText(url.replace("postgresql+psycopg://postgres@", "postgresql://postgres:secret@"))
    seen = []
    answer_modal(lambda box: (seen.append(box.text()), box.done(0)))
    page.server_button.click()                                       # a password in the address: refused
    qtbot.waitUntil(lambda: bool(seen) and not wizard._creating, timeout=10000)
    assert "密码" in seen[0] or "password" in seen[0]
    assert wizard.database is None and wizard.isVisible()
    page.server_edit.setText(url)
    with qtbot.waitSignal(wizard.finished, timeout=10000) as done:
        page.server_button.click()
    assert done.args == [QWizard.DialogCode.Accepted.value] or wizard.result() == 1
    assert wizard.database is not None and wizard.database.home_unit == TOWNSHIP
    assert settings.get("office_server") == url
    assert not (pg_server.folder / "unused.db").exists()
    wizard.database.close()
