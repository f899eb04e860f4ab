"""The main window's menus, tool bar and the commands behind them (backup, restore, settings, about)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolBar

from sanxiang_desktop import __version__
from sanxiang_desktop.store.backup import backup_file
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.store.migrate import schema_version
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.setup.backups import RestoreDialog
from sanxiang_desktop.ui.shell.errors import log_path, report_exception, show_error
from sanxiang_desktop.ui.shell.settings import apply_office_timezone
from sanxiang_desktop.ui.shell.tasks import run_with_progress

DATABASE_NAME = "sanxiang.db"


def store_error_text(exc: StoreError) -> str:
    return exc.message_en if i18n.current_language() == "en" else exc.message_zh


class MainActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        w = window
        menu_bar = w.menuBar()
        self.file_menu = menu_bar.addMenu("")
        self.edit_menu = menu_bar.addMenu("")
        self.view_menu = menu_bar.addMenu("")
        self.help_menu = menu_bar.addMenu("")

        self.import_action = self._action(self.file_menu, lambda: self.exchange("import_packages"),
                                          "import_packages_action")
        self.export_action = self._action(self.file_menu, lambda: self.exchange("export_package"),
                                          "export_package_action")
        self.file_menu.addSeparator()
        self.backup_action = self._action(self.file_menu, self.backup, "backup_action")
        self.restore_action = self._action(self.file_menu, self.restore, "restore_action")
        self.file_menu.addSeparator()
        self.settings_action = self._action(self.file_menu, self.open_settings, "settings_action")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.file_menu.addSeparator()
        self.exit_action = self._action(self.file_menu, w.close, "exit_action")
        self.exit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.exit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self._undo_prefix = ""
        self._make_undo_actions()

        self.refresh_action = self._action(self.view_menu, w.refresh, "refresh_action")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.find_action = self._action(self.view_menu, self.find_unit, "find_unit_action")
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.tree_action = self._action(self.view_menu, None, "tree_action")
        self.tree_action.setCheckable(True)
        self.tree_action.setChecked(True)
        self.tree_action.toggled.connect(w.tree.setVisible)
        self.about_action = self._action(self.help_menu, self.about, "about_action")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        self.toolbar = QToolBar(w)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(w.year_label)
        self.toolbar.addWidget(w.year_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.backup_action)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        w.addToolBar(self.toolbar)

    def _action(self, menu, slot, name: str) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _make_undo_actions(self) -> None:
        """The stack's own actions, whose text names the step ("撤销 新增人员：张三"); their prefix is
        fixed when they are made, so a language switch makes them anew."""
        stack = self.window.undo_stack
        old = (self.undo_action, self.redo_action)
        self._undo_prefix = self.tr("Undo")
        self.undo_action = stack.createUndoAction(self.window, self._undo_prefix)
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self.window, self.tr("Redo"))
        self.redo_action.setObjectName("redo_action")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        if old[0] is None:
            self.edit_menu.addAction(self.undo_action)
            self.edit_menu.addAction(self.redo_action)
            return
        for previous, new in zip(old, (self.undo_action, self.redo_action)):
            self.edit_menu.insertAction(previous, new)
            self.edit_menu.removeAction(previous)
            if self.toolbar_has(previous):
                self.toolbar.insertAction(previous, new)
                self.toolbar.removeAction(previous)
            previous.deleteLater()

    def toolbar_has(self, action: QAction) -> bool:
        return hasattr(self, "toolbar") and action in self.toolbar.actions()

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.import_action.setText(self.tr("&Import Packages…"))
        self.export_action.setText(self.tr("&Export Package for the Upper Level…"))
        self.backup_action.setText(self.tr("&Back Up Now"))
        self.backup_action.setToolTip(self.tr("Save a copy of the database in the backups folder"))
        self.restore_action.setText(self.tr("&Restore from Backup…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.exit_action.setText(self.tr("E&xit"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.find_action.setText(self.tr("&Find Unit"))
        self.tree_action.setText(self.tr("Unit &Tree"))
        self.about_action.setText(self.tr("&About"))
        if self._undo_prefix != self.tr("Undo"):
            self._make_undo_actions()

    # -- commands ------------------------------------------------------------------------------------
    def find_unit(self) -> None:
        self.tree_action.setChecked(True)
        self.window.tree.filter_edit.setFocus()
        self.window.tree.filter_edit.selectAll()

    def exchange(self, method: str) -> None:
        """导入数据包… / 导出上报数据包…: the data exchange page does the work, in front."""
        w = self.window
        page = w.page("exchange")
        if page is None:
            return
        if page in w.shown_pages():
            w.tabs.setCurrentWidget(page)
        getattr(page, method)()

    def backup(self) -> None:
        w = self.window

        def done(info) -> None:
            w.statusBar().showMessage(self.tr("Backed up to {path}").format(path=info.path), 8000)

        def failed(exc: BaseException) -> None:
            show_error(w, self.tr("Backup Failed"), self.tr(
                "The backup could not be written: {error}\n\nCheck that the data folder is on this "
                "computer's disk and has free space, then try again.").format(error=exc))
        w.backups.backup_now("manual", done, failed)

    def restore(self) -> None:
        w = self.window
        dialog = RestoreDialog(w.backups.backups(), w)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, StoreError):
                show_error(w, self.tr("Restore Failed"), store_error_text(exc))
            else:
                report_exception(w, exc, self.tr("Restoring the backup failed; the database was not replaced."))
        run_with_progress(w, self.tr("Restoring the backup…"), w.backups.restore_job(dialog.chosen),
                          w.close_for_reopen, failed, runner=w.tasks)

    def open_settings(self) -> None:
        w = self.window
        from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog    # loaded when first opened
        dialog = SettingsDialog(w.settings, w)
        if not dialog.clerk_edit.text().strip() and w.ws.actor:
            dialog.clerk_edit.setText(w.ws.actor)       # the clerk the status bar shows (from the database)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        changed = dialog.save()
        if "language" in changed:
            i18n.install_translators(QApplication.instance(), w.settings.get("language"))
        if "clerk_name" in changed:
            name = w.settings.get("clerk_name")
            w.set_clerk(name)
            db = w.db
            w.tasks.run(lambda: db.set_meta("clerk", name))
        if "office_timezone" in changed:
            apply_office_timezone(w.settings)
        if "data_folder" in changed:
            self._data_folder_moved(Path(w.settings.get("data_folder")))

    def _data_folder_moved(self, folder: Path) -> None:
        """Offer to copy the open database into the new folder, so the next start finds it there."""
        w = self.window
        target = folder / DATABASE_NAME
        if target.exists() or Path(w.db.path).parent == folder:
            return
        answer = QMessageBox.question(w, self.tr("Data Folder"), self.tr(
            "The next start uses the database in {folder}, and there is none there yet.\n\n"
            "Copy the current database there now?").format(folder=folder))
        if answer != QMessageBox.StandardButton.Yes:
            return
        engine = w.db.engine
        w.tasks.run(lambda: backup_file(engine, target),
                    lambda path: w.statusBar().showMessage(self.tr("Database copied to {path}").format(path=path), 8000),
                    lambda exc: show_error(w, self.tr("Data Folder"), str(exc)))

    def about(self) -> None:
        """Version (package metadata), schema version (read on the database worker) and the folders."""
        w = self.window
        engine = w.db.engine
        w.tasks.run(lambda: schema_version(engine), self._show_about, lambda _exc: self._show_about(None))

    def _show_about(self, schema: str | None) -> None:
        w = self.window
        QMessageBox.about(w, self.tr("About"), self.tr(
            "<h3>Science Association 3+1 Work</h3><p>Version {version}</p>"
            "<p>Database: {db}<br>Schema version: {schema}<br>Data folder: {folder}<br>"
            "Backups: {backups}<br>Log file: {log}</p>").format(
            version=__version__, db=w.db.path, schema=schema or "—", folder=w.settings.get("data_folder"),
            backups=w.backups.folder, log=log_path() or "—"))
