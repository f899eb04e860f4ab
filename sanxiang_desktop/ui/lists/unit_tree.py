"""The tree of units on the left of the main window: the home unit and everything below it.

Children are read when a node is first expanded, on the database worker, so a city's 400-odd
villages cost nothing until the clerk opens a township. The filter box searches the whole
subtree in the database (name, pinyin initials, full pinyin, code), not only what is loaded.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from sanxiang_desktop.services import tree as tree_service
from sanxiang_desktop.services.tree import TreeSearch, UnitNode
from sanxiang_desktop.store.database import Database
from sanxiang_desktop.ui.lists.undo_keys import is_undo_override

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_DEBOUNCE_MS = 250


class _Node:
    __slots__ = ("unit", "parent", "children", "loading")

    def __init__(self, unit: UnitNode | None, parent: "_Node | None"):
        self.unit = unit
        self.parent = parent
        self.children: list[_Node] | None = None     # None: not read yet
        self.loading = False

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class UnitTreeModel(QAbstractItemModel):
    """One column: the unit's name. Nodes keep the UnitNode the service returned."""

    def __init__(self, db: Database, run: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._run = run                      # TaskRunner.run
        self._root = _Node(None, None)
        self._root.children = []
        self._by_code: dict[str, _Node] = {}

    # -- loading -----------------------------------------------------------------------------
    def set_home(self, home: UnitNode, children: list[UnitNode]) -> None:
        self.beginResetModel()
        self._by_code.clear()
        node = self._add(home, self._root)
        self._root.children = [node]
        node.children = [self._add(c, node) for c in children]
        self.endResetModel()

    def _add(self, unit: UnitNode, parent: _Node) -> _Node:
        node = _Node(unit, parent)
        self._by_code[unit.code] = node
        return node

    def merge(self, children_by_parent: dict[str, list[UnitNode]]) -> None:
        """Insert children read by the service under parents that are shown but not read yet."""
        for code, units in children_by_parent.items():
            node = self._by_code.get(code)
            if node is None or node.children is not None:
                continue
            node.loading = False
            if units:
                self.beginInsertRows(self._index_of_node(node), 0, len(units) - 1)
                node.children = [self._add(u, node) for u in units]
                self.endInsertRows()
            else:
                node.children = []
                index = self._index_of_node(node)
                self.dataChanged.emit(index, index)

    def loaded_parents(self) -> list[str]:
        return [code for code, node in self._by_code.items() if node.children is not None]

    def replace_all(self, home: UnitNode, children_by_parent: dict[str, list[UnitNode]]) -> None:
        """Rebuild from fresh service data (after units changed), keeping what was read before."""
        self.beginResetModel()
        self._by_code.clear()
        node = self._add(home, self._root)
        self._root.children = [node]
        pending = [node]
        while pending:
            current = pending.pop()
            units = children_by_parent.get(current.unit.code)
            if units is not None:
                current.children = [self._add(u, current) for u in units]
                pending.extend(current.children)
        self.endResetModel()

    def has_code(self, code: str) -> bool:
        return code in self._by_code

    def unit(self, code: str) -> UnitNode | None:
        node = self._by_code.get(code)
        return node.unit if node else None

    def home(self) -> UnitNode | None:
        return self._root.children[0].unit if self._root.children else None

    def index_of(self, code: str) -> QModelIndex:
        node = self._by_code.get(code)
        return self._index_of_node(node) if node is not None else QModelIndex()

    def _index_of_node(self, node: _Node) -> QModelIndex:
        return self.createIndex(node.row(), 0, node) if node.parent is not None else QModelIndex()

    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    # -- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self._index_of_node(parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        children = self._node(parent).children
        return len(children) if children is not None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        node = self._node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.unit is not None and node.unit.child_count > 0

    def canFetchMore(self, parent: QModelIndex) -> bool:
        node = self._node(parent)
        return node.children is None and not node.loading and node.unit is not None and node.unit.child_count > 0

    def fetchMore(self, parent: QModelIndex) -> None:
        node = self._node(parent)
        if not self.canFetchMore(parent):
            return
        node.loading = True
        db, code = self._db, node.unit.code
        self._run(lambda: tree_service.children(db, [code]), self.merge, owner=self)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit: UnitNode = index.internalPointer().unit
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.name}\n{unit.code}"
        if role == CODE_ROLE:
            return unit.code
        if role == LEVEL_ROLE:
            return unit.level
        return None


class _FilterProxy(QSortFilterProxyModel):
    """Shows the matches, their ancestors (recursive filtering) and everything below a match."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.matches: set[str] | None = None
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_matches(self, matches: set[str] | None) -> None:
        if hasattr(self, "endFilterChange"):          # Qt 6.10+ (6.9 has only the begin half)
            self.beginFilterChange()
            self.matches = matches
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.matches = matches
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.matches is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return index.data(CODE_ROLE) in self.matches


class UnitTree(QWidget):
    """Filter box over the tree view; speaks in unit codes."""

    unit_selected = Signal(str, str)          # code, level

    def __init__(self, db: Database, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._search_generation = 0
        self._answered_generation = 0
        self._pending_select: str | None = None
        self.model = UnitTreeModel(db, tasks.run, self)
        self.proxy = _FilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("unit_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self._ordered_matches: list[str] = []      # the last search's matches, best first
        self._select_first = False                 # Enter/Down came before the search's answer
        self.view = QTreeView(self)
        self.view.setObjectName("unit_tree")
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._reselect)

        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)
        self.filter_edit.textChanged.connect(lambda _text: self._debounce.start())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._current: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Find a unit…"))
        self.filter_edit.setToolTip(self.tr("Type a name, pinyin initials such as zzz, or a code; Esc clears."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        """查找单位: Enter or Down takes the clerk to the first match (selected, focus in the tree)."""
        if watched is self.filter_edit and is_undo_override(event):
            return True
        if (watched is self.filter_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
                and self.filter_edit.text().strip()):
            if self._debounce.isActive() or self._searching():
                self._select_first = True
                if self._debounce.isActive():
                    self._debounce.stop()
                    self._start_search()
            else:
                self.select_first_match()
            return True
        return super().eventFilter(watched, event)

    def _searching(self) -> bool:
        return self._answered_generation != self._search_generation

    def select_first_match(self) -> None:
        self._select_first = False
        if self._ordered_matches:
            self._select_loaded(self._ordered_matches[0])
            self.view.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            return
        super().keyPressEvent(event)

    # -- loading and selecting ------------------------------------------------------------------
    def set_home(self, home: UnitNode, children: list[UnitNode]) -> None:
        self.model.set_home(home, children)
        self.view.expand(self.proxy.mapFromSource(self.model.index_of(home.code)))

    def current_code(self) -> str | None:
        return self._current

    def select_code(self, code: str) -> None:
        """Select a unit, reading the nodes on the way down to it first when needed."""
        if self.proxy.matches is not None and code not in self.proxy.matches:
            self.filter_edit.clear()
            self._debounce.stop()
            self.proxy.set_matches(None)
        if self.model.has_code(code):
            self._select_loaded(code)
            return
        self._pending_select = code
        db, home = self._db, self.model.home().code

        def done(children: dict) -> None:
            self.model.merge(children)
            if self._pending_select == code and self.model.has_code(code):
                self._pending_select = None
                self._select_loaded(code)
        self._tasks.run(lambda: tree_service.load_paths(db, home, [code]), done, owner=self)

    def _select_loaded(self, code: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(code))
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE)
        if code and code != self._current:
            self._current = code
            self.unit_selected.emit(code, current.data(LEVEL_ROLE))

    def _reselect(self) -> None:
        # after a rebuild the same unit is selected again; _current is unchanged, so pages do not reload
        if self._current and self.model.has_code(self._current):
            self._select_loaded(self._current)

    # -- refreshing after units changed -----------------------------------------------------------
    def refresh(self) -> None:
        home = self.model.home()
        if home is None:
            return
        db, parents = self._db, self.model.loaded_parents()
        expanded = [c for c in parents if self.view.isExpanded(self.proxy.mapFromSource(self.model.index_of(c)))]

        def job():
            return tree_service.unit_node(db, home.code), tree_service.children(db, parents)

        def done(result) -> None:
            fresh_home, children = result
            if fresh_home is None:
                return
            self.model.replace_all(fresh_home, children)
            for code in expanded:
                self.view.expand(self.proxy.mapFromSource(self.model.index_of(code)))
            if self.proxy.matches is not None:
                self._start_search()
        self._tasks.run(job, done, owner=self)

    # -- filtering ---------------------------------------------------------------------------------
    def _start_search(self) -> None:
        text = self.filter_edit.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self._answered_generation = generation
            self._ordered_matches = []
            self.proxy.set_matches(None)
            if self._current:
                self._select_loaded(self._current)
            return
        db, home = self._db, self.model.home().code
        self._tasks.run(lambda: tree_service.search(db, home, text),
                        lambda result: self._show_search(generation, result), owner=self)

    def _show_search(self, generation: int, result: TreeSearch) -> None:
        if generation != self._search_generation:
            return                                   # the clerk typed on; a newer search is coming
        self._answered_generation = generation
        self._ordered_matches = list(result.matches)
        self.model.merge(result.children)
        self.proxy.set_matches(set(result.matches))
        for code in result.matches:
            index = self.proxy.mapFromSource(self.model.index_of(code)).parent()
            while index.isValid() and not self.view.isExpanded(index):
                self.view.expand(index)
                index = index.parent()
        if result.matches:
            first = self.proxy.mapFromSource(self.model.index_of(result.matches[0]))
            self.view.scrollTo(first)
        if self._select_first:
            self.select_first_match()

    def search_matches(self) -> set[str] | None:
        return self.proxy.matches
