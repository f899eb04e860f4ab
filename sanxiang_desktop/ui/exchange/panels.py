"""The lists on the 数据交换 page: units below (with receipts, reference data and enrolment
files for the one selected), packages sent and received, conflicts, duplicate people.

Each panel shows its part of the page's snapshot (show()) and runs its actions on the
database worker; the page reloads afterwards (page.after_action)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.sync import service
from sanxiang_desktop.ui.exchange.dialogs import kind_text, wrapped
from sanxiang_desktop.ui.exchange.model import RowsView, field_diff, in_language, local_time, numbers, record_type
from sanxiang_desktop.ui.pages.panel import Retranslating


def _without_name(message: str, name: str) -> str:
    """"掌政镇：缺第 5 包" in the row of 掌政镇 is "缺第 5 包"."""
    for sep in ("：", ": "):
        if message.startswith(name + sep):
            return message[len(name + sep):]
    return message


class Panel(Retranslating, QWidget):
    """A list with buttons under it; `page` is the ExchangePage (worker, folders, notices, reload)."""

    def __init__(self, page, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.data: Any = None
        self.intro = wrapped("", self)
        self.view = RowsView(name, self)
        self.button_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.button_row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())

    def button(self, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(lambda _checked=False: slot())
        self.button_row.addWidget(button)
        return button

    def show_data(self, data: Any) -> None:
        self.data = data
        self.fill()

    def fill(self) -> None:
        pass

    def retranslate(self) -> None:
        if self.data is not None:
            self.fill()

    def update_buttons(self) -> None:
        pass

    def selected(self) -> dict[str, Any] | None:
        return self.view.current_row()


class ChildrenPanel(Panel):
    """Per unit below: the last package, gaps, what still needs a receipt."""
    # 退回更正… for the selected unit (code, name): the page opens the dialog (exchange.returns).
    return_requested = Signal(str, str)

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(page, "children_view", parent)
        self.receipt_button = self.button(lambda: self.write_down("receipt"))
        self.reference_button = self.button(lambda: self.write_down("reference"))
        self.enrolment_button = self.button(lambda: self.write_down("enrolment"))
        self.return_button = self.button(self.return_record)
        self.button_row.addStretch(1)
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Packages received from each unit below. Send a receipt after importing: it "
                                   "tells the unit what arrived, and its next package starts from there."))
        self.receipt_button.setText(self.tr("Write &Receipt…"))
        self.reference_button.setText(self.tr("Send Reference &Data…"))
        self.enrolment_button.setText(self.tr("Enrolment File for a &New Installation…"))
        self.receipt_button.setToolTip(self.tr("Tell the selected unit which of its packages arrived"))
        self.reference_button.setToolTip(self.tr("Villages, deadlines and the upper levels' keys for the "
                                                 "selected unit"))
        self.enrolment_button.setToolTip(self.tr("For setting up the program at the selected unit: its first "
                                                 "package is then accepted without asking"))
        self.return_button.setText(self.tr("Return for Correc&tion…"))
        self.return_button.setToolTip(self.tr("Send a record received from the selected unit back to the unit "
                                              "that entered it, with the reason, in the next receipt"))
        self.view.rows_model.set_columns([
            ("name", self.tr("Unit below")), ("last", self.tr("Last package received")), ("at", self.tr("Received")),
            ("state", self.tr("State")), ("due", self.tr("Receipt due for")), ("receipt", self.tr("Last receipt"))])
        super().retranslate()

    def fill(self) -> None:
        rows = []
        for c in self.data:
            rows.append({"unit": c["unit"], "name": c["name"],
                         "last": self.tr("No. {seq}").format(seq=c["last_seq"]) if c["last_seq"] else "—",
                         "at": local_time(c["last_received_at"]) or "—",
                         "state": _without_name(in_language(c["message_zh"], c["message_en"]), c["name"]),
                         "due": self.tr("No. {numbers}").format(numbers=numbers(c["unacknowledged"]))
                         if c["unacknowledged"] else "—",
                         "receipt": local_time(c["last_receipt_at"]) or "—",
                         "_tip": f"{c['name']}（{c['unit']}）"})
        self.view.set_rows(rows, keep_key="unit")

    def update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.receipt_button, self.reference_button, self.enrolment_button, self.return_button):
            button.setEnabled(chosen)

    def select_unit(self, code: str) -> bool:
        return self.view.select_where("unit", code)

    def return_record(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.return_requested.emit(row["unit"], row["name"])

    def write_down(self, what: str) -> None:
        row = self.selected()
        if row is None:
            return
        titles = {"receipt": self.tr("Folder for the Receipt"), "reference": self.tr("Folder for the Reference Data"),
                  "enrolment": self.tr("Folder for the Enrolment File")}
        folder = self.page.choose_folder(titles[what])
        if folder is None:
            return
        fn = {"receipt": service.export_receipt, "reference": service.export_reference,
              "enrolment": service.export_enrolment}[what]
        db, code, name = self.page.context.ws.db, row["unit"], row["name"]
        self.page.run(lambda: fn(db, code, folder), lambda written: self._written(what, name, written),
                      self.tr("Writing the file…"))

    def _written(self, what: str, name: str, written: service.Written) -> None:
        files = ", ".join(str(p) for p in written.paths)
        if what == "receipt":
            text = self.tr("Receipt for {name} written: {files}").format(name=name, files=files)
        elif what == "reference":
            text = self.tr("Reference data for {name} written: {files}").format(name=name, files=files)
        else:
            text = self.tr("Enrolment file for {name} written: {files}. Set up the new installation with it and "
                           "read this computer's key fingerprint {fingerprint} to its clerk to compare.").format(
                name=name, files=files, fingerprint=self.page.fingerprint)
        self.page.after_action(text)


class HistoryPanel(Panel):
    """Packages sent and received, newest first."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(page, "history_view", parent)
        self.intro.hide()
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.view.rows_model.set_columns([
            ("at", self.tr("Time")), ("direction", self.tr("Direction")), ("kind", self.tr("Kind")),
            ("unit", self.tr("Other unit")), ("seq", self.tr("No.")), ("records", self.tr("Records")),
            ("status", self.tr("Status"))])
        super().retranslate()

    def fill(self) -> None:
        rows = []
        for p in self.data.sent:
            total = sum(p.counts.values())
            if p.kind == "data":
                status = self.tr("Acknowledged") if p.acknowledged else self.tr("Waiting for the receipt")
            else:
                status = self.tr("Written")
            rows.append({"stamp": p.created_at, "direction": self.tr("Sent"), "kind_code": p.kind,
                         "unit": p.recipient_name, "seq": p.seq, "records": total if p.kind == "data" else "",
                         "status": status, "_tip": "\n".join(p.files)})
        for p in self.data.received:
            c = p.counts
            status = self.tr("Imported: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} "
                             "conflicts").format(new=c.get("inserted", 0), updated=c.get("updated", 0),
                                                 unchanged=c.get("unchanged", 0), conflicts=c.get("conflicts", 0))
            if p.duplicate_count:
                status += self.tr(" (delivered again {times}×)").format(times=p.duplicate_count)
            records = sum(c.get(k, 0) for k in ("inserted", "updated", "unchanged"))
            rows.append({"stamp": p.received_at, "direction": self.tr("Received"), "kind_code": p.kind,
                         "unit": p.sender_name, "seq": p.seq, "records": records, "status": status,
                         "_tip": self.tr("Written by the sender at {time}").format(time=local_time(p.created_at))})
        for r in self.data.receipts:
            rows.append({"stamp": r.received_at, "direction": self.tr("Received"), "kind_code": "receipt",
                         "unit": r.sender_name, "seq": r.seq, "records": "",
                         "status": self.tr("Acknowledges up to package {seq}").format(seq=r.acked_seq)})
        rows.sort(key=lambda r: r["stamp"] or "", reverse=True)
        for r in rows:
            r["at"] = local_time(r["stamp"])
            r["kind"] = kind_text(r["kind_code"])
            r["_align"] = ("seq", "records")
        self.view.set_rows(rows)


class ConflictsPanel(Panel):
    """Two versions of one record: the rule chose one; the clerk keeps it or takes the other."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(page, "conflicts_view", parent)
        self.local_button = self.button(lambda: self.resolve("local"))
        self.incoming_button = self.button(lambda: self.resolve("incoming"))
        self.button_row.addStretch(1)
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The same record was changed in two places. The newer version is in use; check "
                                   "the differences and keep the right one."))
        self.local_button.setText(self.tr("Keep &Local Version"))
        self.incoming_button.setText(self.tr("&Use Incoming Version"))
        self.view.rows_model.set_columns([
            ("type", self.tr("Record")), ("owner", self.tr("Owner")), ("sender", self.tr("Came from")),
            ("local", self.tr("Local version")), ("incoming", self.tr("Incoming version")),
            ("in_use", self.tr("In use")), ("diff", self.tr("Differences"))])
        super().retranslate()

    def _stamp(self, state: dict) -> str:
        who = state.get("updated_by") or ""
        return f"{local_time(state.get('updated_at'))} {who}".strip()

    def fill(self) -> None:
        names = self.data["names"]
        rows = []
        for c in self.data["conflicts"]:
            diff = field_diff(c.table, c.local, c.incoming, self.tr("(changed)"))
            if c.local.get("deleted") != c.incoming.get("deleted"):
                diff.insert(0, self.tr("deleted in one version"))
            rows.append({"id": c.id, "table": c.table, "record_id": c.record_id,
                         "type": record_type(c.table), "owner": c.owner_name,
                         "sender": names.get(c.sender, c.sender or ""),
                         "local": self._stamp(c.local), "incoming": self._stamp(c.incoming),
                         "in_use": self.tr("Local") if c.result == "local" else self.tr("Incoming"),
                         "diff": "；".join(diff[:4]) + ("…" if len(diff) > 4 else ""),
                         "_tip": "\n".join(diff)})
        self.view.set_rows(rows, keep_key="id")

    def update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.local_button.setEnabled(chosen)
        self.incoming_button.setEnabled(chosen)

    def resolve(self, keep: str) -> None:
        """sync.status.resolve_conflict as one operation on the worker (one transaction, one audit entry);
        its Changes (the record, when the choice changed it) go to the pages."""
        row = self.selected()
        if row is None:
            return
        ws, conflict_id = self.page.context.ws, row["id"]
        self.local_button.setEnabled(False)
        self.incoming_button.setEnabled(False)
        self.page.operation(lambda: service.resolve(ws.db, conflict_id, keep, actor=ws.actor, clock=ws.clock),
                            lambda _resolved: self.page.after_action(self.tr("Conflict resolved.")))


class DuplicatesPanel(Panel):
    """One ID number under two people: listed (masked) for the clerk, never merged."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(page, "duplicates_view", parent)
        self.dismiss_button = self.button(self.dismiss)
        self.button_row.addStretch(1)
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Two records that may be one person: the same ID number, or the same name (however "
                                   "it is written) and birth date. Ask the unit that entered the wrong one to "
                                   "correct it; dismiss the entry once checked."))
        self.dismiss_button.setText(self.tr("I&gnore"))
        self.view.rows_model.set_columns([
            ("reason", self.tr("Reason")), ("id_number", self.tr("ID number")), ("first", self.tr("First person")),
            ("second", self.tr("Other person")), ("at", self.tr("Found"))])
        super().retranslate()

    def fill(self) -> None:
        names = self.data["names"]
        rows = []
        for d in self.data["duplicates"]:
            people = [f"{p['name']}（{names.get(p['unit_code'], p['unit_code'])}）" for p in d["people"]]
            people += ["", ""]
            reason = self.tr("Same ID number") if d["reason"] == "id_number" else self.tr("Same name and birth date")
            rows.append({"id": d["id"], "reason": reason,
                         "id_number": d["people"][0]["id_number_masked"] if d["people"] else "",
                         "first": people[0], "second": people[1], "at": local_time(d["detected_at"])})
        self.view.set_rows(rows, keep_key="id")

    def update_buttons(self) -> None:
        self.dismiss_button.setEnabled(self.selected() is not None)

    def dismiss(self) -> None:
        row = self.selected()
        if row is None:
            return
        ws, duplicate_id = self.page.context.ws, row["id"]
        self.dismiss_button.setEnabled(False)
        self.page.operation(lambda: service.dismiss_duplicate(ws.db, duplicate_id, ws.actor),
                            lambda _dismissed: self.page.after_action(""))

