"""退回更正 on the 数据交换 page: the city returns a township's activity through the dialog; after
the receipts go down, the township lists it under 待更正, opens the record and dismisses it."""
from __future__ import annotations

from sanxiang_desktop.sync import service
from sanxiang_desktop.ui.pages import records as _pages  # noqa: F401  (loaded as the main window loads them)
from tests.gui.test_exchange import Pages, pages, templates, world  # noqa: F401  (fixtures)
from tests.sync.world import COUNTY, TOWN1


def test_the_city_returns_a_record_and_the_township_lists_it(pages, world):
    t1, c, y = world["t1"], world["c"], world["y"]
    c.take(t1.export())
    y.take(c.export())
    city = pages.open(y, "city")
    assert city.children_panel.select_unit(COUNTY)
    assert not city.tabs.isTabVisible(4)                     # the top level gets nothing returned
    city.children_panel.return_button.click()
    pages.qtbot.waitUntil(lambda: city.return_dialog is not None and city.return_dialog.loads >= 1, timeout=10000)
    dialog = city.return_dialog
    assert dialog.table_combo.currentData() == "activities" and dialog.table_combo.currentText() == "活动"
    assert dialog.records_list.count() > 1 and not dialog.return_button.isEnabled()
    wanted = dialog.rows[1]
    loads = dialog.loads
    dialog.filter_edit.setText(wanted["title"])
    pages.qtbot.waitUntil(lambda: dialog.loads > loads, timeout=10000)
    assert all(wanted["title"] in r["title"] for r in dialog.rows) and wanted in dialog.rows
    dialog.records_list.setCurrentRow(dialog.rows.index(wanted))
    assert not dialog.return_button.isEnabled()              # a reason is needed
    dialog.reason_edit.setText("活动日期有误")
    assert dialog.return_button.isEnabled()
    dialog.return_button.click()
    pages.qtbot.waitUntil(lambda: city.notice.isVisible(), timeout=10000)
    assert "退回更正" in city.notice.text() and "兴庆区" in city.notice.text() and not dialog.isVisible()
    (sent,) = service.returns_sent(y.db)
    assert sent.record_id == wanted["id"] and sent.owner == TOWN1
    pages.settle()

    c.take(y.receipt_for(c))
    t1.take(c.receipt_for(t1))
    town = pages.open(t1, "township")
    assert town.tabs.isTabVisible(4) and town.tabs.tabText(4) == "待更正（1）(&S)"
    panel = town.corrections_panel
    (row,) = panel.view.rows_model.rows
    assert (row["type"], row["title"], row["reason"], row["from"]) == ("活动", wanted["title"], "活动日期有误", "银川市")
    opened = []
    town.context.open_records = lambda *args: opened.append(args)
    panel.view.selectRow(0)
    panel.update_buttons()
    assert panel.open_button.text() == "打开记录(&E)" and panel.open_button.isEnabled()
    panel.open_button.click()
    assert opened == [(TOWN1, "activities", {"id": wanted["id"]})]
    panel.dismiss_button.click()
    pages.qtbot.waitUntil(lambda: panel.view.rows_model.rows == [], timeout=10000)
    assert town.tabs.tabText(4) == "待更正（0）(&S)" and service.corrections_due(t1.db) == []
