"""The pages after the dashboard stand in the window as entries (ui/pages/base.py PageEntry) until first
built, so their modules load then, not with the window (issue 12, startup). An entry must say what its
class says: key, levels, tables, and the same translated title."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack

from sanxiang_desktop.ui.pages.base import PAGE_ENTRIES, PAGE_FACTORIES, PageContext, PageEntry, PageStandIn


def test_each_entry_says_what_its_page_class_declares_in_both_languages(qapp, chinese):
    context = PageContext(ws=None, undo_stack=QUndoStack())
    titles = []
    for entry in PAGE_ENTRIES:
        page = entry.load()
        assert (page.__name__, page.key, page.levels, page.tables) == (entry.name, entry.key, entry.levels,
                                                                      entry.tables), entry
        # the stand-in made from the entry titles its tab as the class's own title() does (zh_CN here)
        from_entry, from_class = PageStandIn.for_page(entry, context), PageStandIn.for_page(page, context)
        assert from_entry.title() == from_class.title() != entry.title_text, entry
        titles.append(from_entry.title())
    assert len(set(titles)) == len(titles) and "人员库" in titles and "数据交换" in titles


def test_the_loaded_modules_put_their_classes_in_their_entries_places_with_the_dashboard_first(qapp):
    from sanxiang_desktop.ui.dashboard.page import DashboardPage
    for entry in PAGE_ENTRIES:
        entry.load()
    ours = [f for f in PAGE_FACTORIES if isinstance(f, PageEntry) or getattr(f, "__module__", "").startswith("sanxiang_desktop.")]
    assert not any(isinstance(f, PageEntry) for f in ours)
    assert ours[0] is DashboardPage and [f.key for f in ours[1:]] == [e.key for e in PAGE_ENTRIES]
    assert [f.__name__ for f in ours[1:]] == [e.name for e in PAGE_ENTRIES]
