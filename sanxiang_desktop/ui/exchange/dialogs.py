"""The dialogs of the 数据交换 page: the package just written (check code, 报送单), a new
sender's fingerprint to compare by phone, and the import (preview, then the results).

They open with open(), not exec(): the page (and a test) keeps running while they are up."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from sanxiang_desktop.sync import service
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.shell.errors import show_error
from sanxiang_desktop.ui.exchange.model import RowsView, in_language, numbers
from sanxiang_desktop.ui.shell.operations import run_long_operation
from sanxiang_desktop.ui.shell.tasks import Progress
from sanxiang_desktop.ui.shell import screen_fit

if TYPE_CHECKING:     # the importer loads with the first import, not with the page (sync/service.py)
    from sanxiang_desktop.sync.importer import ImportResult

ERROR_COLOUR = "#b00020"


def big_font(widget: QWidget, scale: float = 2.0, fixed: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if fixed else QFont(widget.font())
    font.setPointSizeF(widget.font().pointSizeF() * scale)
    font.setBold(True)
    return font


def big_label(text: str, parent: QWidget, name: str, scale: float = 2.0, fixed: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setFont(big_font(parent, scale, fixed))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def wrapped(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def kind_text(kind: str | None) -> str:
    texts = {"data": QCoreApplication.translate("exchange", "Data package"),
             "receipt": QCoreApplication.translate("exchange", "Receipt"),
             "reference": QCoreApplication.translate("exchange", "Reference data"),
             "enrolment": QCoreApplication.translate("exchange", "Enrolment file")}
    return texts.get(kind or "", kind or "")



def imported_changes(out: list[tuple[int, list[ImportResult]]]) -> Changes:
    """What the imports of one run wrote, for the pages (each ImportResult.changes, joined)."""
    changes = Changes()
    for _i, results in out:
        for r in results:
            changes = changes | r.changes
    return changes

class ExportDoneDialog(QDialog):
    """What was written, the check code to read over the phone, and the 报送单."""

    def __init__(self, written: service.Written, slip: dict[str, Any], doc, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("export_done_dialog")
        self.setWindowTitle(self.tr("Package Written"))
        self.written, self.doc, self.context = written, doc, context
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("Data package no. {seq} for {recipient} was written with {total} "
                                         "records.").format(seq=written.seq, recipient=slip["recipient_name"],
                                                            total=slip["total"]), self, "summary_label"))
        files = wrapped("\n".join(str(p) for p in written.paths), self, "files_label")
        files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(files)
        layout.addWidget(QLabel(self.tr("Check code:"), self))
        self.code_label = big_label(written.check_code, self, "check_code_label", 2.6, fixed=True)
        layout.addWidget(self.code_label)
        layout.addWidget(wrapped(self.tr("Hand the file over together with the printed transmittal slip, and read "
                                         "the check code to the clerk of {recipient} over the phone: after "
                                         "importing, their screen shows the same code.").format(
            recipient=slip["recipient_name"]), self))
        if not written.encrypted:
            warning = wrapped(self.tr("Note: this computer does not hold the key of {recipient} yet, so the package "
                                      "is not encrypted. Import a receipt or reference data from {recipient} first; "
                                      "until then keep the file safe.").format(recipient=slip["recipient_name"]),
                              self, "unencrypted_label")
            warning.setStyleSheet(f"color: {ERROR_COLOUR};")
            layout.addWidget(warning)
        self.saved_label = wrapped("", self, "saved_label")
        layout.addWidget(self.saved_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = self.buttons.addButton(self.tr("&Print Slip…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = self.buttons.addButton(self.tr("&Save Slip as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_slip)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def print_slip(self) -> None:
        from sanxiang_desktop.ui.printing.render import print_preview
        print_preview(self.doc, self)

    def save_pdf(self) -> None:
        stem = self.written.paths[0].name.split(".")[0]
        suggested = str(self.written.paths[0].parent / self.tr("Slip-{name}.pdf").format(name=stem))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Transmittal Slip"), suggested, "PDF (*.pdf)")
        if not path:
            return
        doc = self.doc

        def job() -> str:
            from sanxiang_desktop.ui.printing.render import render_pdf
            render_pdf(doc, path)
            return path

        def failed(exc: BaseException) -> None:
            show_error(self, self.tr("Save Transmittal Slip"), self.tr(
                "The slip could not be saved: {error}").format(error=getattr(exc, "strerror", None) or exc))
        self.pdf_button.setEnabled(False)
        self.context.tasks.run(job, lambda p: self._saved(p), failed, owner=self)

    def _saved(self, path: str) -> None:
        self.pdf_button.setEnabled(True)
        self.saved_label.setText(self.tr("Slip saved to {path}").format(path=path))


class TrustDialog(QDialog):
    """A sender never seen before: its fingerprint, to compare by phone before anything is imported."""

    def __init__(self, name: str, code: str, fingerprint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trust_dialog")
        self.setWindowTitle(self.tr("Confirm a New Sender"))
        self.code, self.fingerprint = code, fingerprint
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("This computer has never received anything from this unit:"), self))
        layout.addWidget(big_label(f"{name}（{code}）", self, "sender_label", 1.5))
        layout.addWidget(wrapped(self.tr("Call its clerk and ask them to read out “This computer's key fingerprint” "
                                         "from their Data Exchange page. Compare it, character by character, with:"),
                                 self))
        layout.addWidget(big_label(fingerprint, self, "fingerprint_label", 2.4, fixed=True))
        warning = wrapped(self.tr("Import only if every character is the same. If it differs, do not import: the "
                                  "file may not come from {name}. Tell the upper level.").format(name=name), self)
        warning.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.trust_button = self.buttons.addButton(self.tr("&Trust and Import"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setAutoDefault(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)     # Enter must not trust a key nobody compared
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.cancel_button.setFocus()


class ImportDialog(QDialog):
    """Preview first (dry run, per package), then 导入 imports; the same table shows the results.
    New senders are asked about one by one (TrustDialog) when 导入 is pressed."""

    imported = Signal(list)          # the ImportResults of the real import

    def __init__(self, context, paths: list[Path], previews: list[ImportResult], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import Packages"))
        self.context = context
        self.previews = list(previews)
        self.outcomes: list[ImportResult | None] = [None] * len(previews)
        self.trusted: dict[str, str] = {}              # sender code -> fingerprint the clerk confirmed
        self._to_ask: list[ImportResult] = []
        self.trust_dialog: TrustDialog | None = None
        self.finished_import = False
        self.resize(screen_fit.bounded(self, QSize(980, 360)))     # 150 % scaling: 911×512
        layout = QVBoxLayout(self)
        self.intro = wrapped("", self, "intro_label")
        layout.addWidget(self.intro)
        self.table = RowsView("import_table", self)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        importable = [r for r in self.previews if r.status in ("applied", "untrusted")]
        self.import_button.setEnabled(bool(importable))
        self.import_button.setDefault(bool(importable))
        if not importable:
            self.close_button.setText(self.tr("&Close"))
            self.close_button.setDefault(True)
        self.table.rows_model.set_columns([
            ("file", self.tr("File")), ("sender", self.tr("Sender")), ("seq", self.tr("No.")),
            ("kind", self.tr("Kind")), ("inserted", self.tr("New")), ("updated", self.tr("Updated")),
            ("unchanged", self.tr("Unchanged")), ("conflicts", self.tr("Conflicts")),
            ("check_code", self.tr("Check code")), ("outcome", self.tr("Result"))])
        self._show()

    # -- texts --------------------------------------------------------------------------------------
    def outcome_text(self, r: ImportResult) -> str:
        if r.status == "duplicate":
            return self.tr("Imported before ({date})").format(date=r.already_imported_at or "?")
        if r.status == "rejected":
            reason = in_language(r.message_zh, r.message_en)
            return (self.tr("Cannot be imported: {reason}") if r.dry_run else
                    self.tr("Rejected: {reason}")).format(reason=reason)
        if r.status == "untrusted":
            return (self.tr("New sender: its fingerprint is compared when importing") if r.dry_run else
                    self.tr("Not imported: the sender was not confirmed"))
        text = self.tr("Ready to import") if r.dry_run else self.tr("Imported")
        if r.kind == "receipt" and not r.dry_run:
            text += self.tr(": {message}").format(message=in_language(r.message_zh, r.message_en))
        if r.missing:
            text += self.tr("; package {numbers} missing").format(numbers=numbers(r.missing))
        if r.refused:
            text += self.tr("; {count} record(s) refused: the sender may not change them").format(
                count=len(r.refused))
        if r.clock_ahead:
            text += self.tr("; the clock of {units} is ahead").format(units=", ".join(sorted(r.clock_ahead)))
        return text

    def _row(self, r: ImportResult) -> dict[str, Any]:
        counted = r.status == "applied" and r.kind != "receipt"
        row: dict[str, Any] = {"file": r.file, "sender": r.sender_name or r.sender or "", "seq": r.seq or "",
                               "kind": kind_text(r.kind), "check_code": r.check_code or "",
                               "outcome": self.outcome_text(r), "status": r.status,
                               "_align": ("seq", "inserted", "updated", "unchanged", "conflicts")}
        for key in ("inserted", "updated", "unchanged", "conflicts"):
            row[key] = r.counts.get(key, 0) if counted else ""
        tips = [row["outcome"], *r.notes]
        row["_tip"] = "\n".join(t for t in tips if t)
        return row

    def _show(self) -> None:
        results = [o or p for o, p in zip(self.outcomes, self.previews)]
        self.table.set_rows([self._row(r) for r in results])
        if self.finished_import:
            applied = sum(1 for o in self.outcomes if o is not None and o.status == "applied")
            self.intro.setText(self.tr("Import finished: {applied} of {total} packages imported.").format(
                applied=applied, total=len(results)))
        elif any(r.status in ("applied", "untrusted") for r in self.previews):
            self.intro.setText(self.tr("Nothing has been imported yet. Check the list (compare the check codes "
                                       "with the transmittal slips), then press Import."))
        else:
            self.intro.setText(self.tr("There is nothing to import in these files."))

    # -- importing ------------------------------------------------------------------------------------
    def start_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        seen: set[str] = set()
        self._to_ask = []
        for r in self.previews:
            if r.status == "untrusted" and r.sender and r.sender not in seen:
                seen.add(r.sender)
                self._to_ask.append(r)
        self._ask_next()

    def _ask_next(self) -> None:
        if not self._to_ask:
            self.trust_dialog = None
            self._run()
            return
        r = self._to_ask.pop(0)
        dialog = self.trust_dialog = TrustDialog(r.sender_name or r.sender, r.sender, r.fingerprint or "", self)
        dialog.finished.connect(lambda code, r=r: self._answered(r, code))
        dialog.open()

    def _answered(self, r: ImportResult, code: int) -> None:
        if code == QDialog.DialogCode.Accepted and r.fingerprint:
            self.trusted[r.sender] = r.fingerprint
        self._ask_next()

    def _run(self) -> None:
        jobs: list[tuple[int, list[Path], bool, str | None]] = []
        for i, r in enumerate(self.previews):
            if r.status == "untrusted" and r.sender not in self.trusted:
                continue
            fingerprint = self.trusted.get(r.sender) if r.status == "untrusted" else None
            jobs.append((i, [Path(f) for f in r.paths], fingerprint is not None, fingerprint))
        db, ws = self.context.ws.db, self.context.ws

        def work():
            out: list[tuple[int, list[ImportResult]]] = []
            for n, (i, paths, trust, fingerprint) in enumerate(jobs):
                yield Progress(n, len(jobs), paths[0].name if paths else "")
                if paths:
                    out.append((i, service.import_files(db, paths, trust=trust, fingerprint=fingerprint,
                                                        clock=ws.clock, actor=ws.actor)))
            return out
        run_long_operation(self.context, self.tr("Importing packages…"), work, parent=self,
                           changes_of=imported_changes, done=self._finished, failed=self._failed,
                           cancelled=lambda: self._finished([]))

    def _finished(self, out: list[tuple[int, list[ImportResult]]]) -> None:
        for i, results in out:
            if results:
                self.outcomes[i] = results[0]
        for i, r in enumerate(self.previews):
            if self.outcomes[i] is None and r.status == "untrusted":
                self.outcomes[i] = service.ImportResult(r.file, status="untrusted", kind=r.kind, sender=r.sender,
                                                        sender_name=r.sender_name, seq=r.seq)
        self.finished_import = True
        self._show()
        self.import_button.hide()
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.imported.emit([o for o in self.outcomes if o is not None])

    def _failed(self, exc: BaseException) -> None:
        from sanxiang_desktop.ui.shell.errors import report_exception
        report_exception(self, exc, self.tr("Importing the packages failed."))
        self._finished([])
