"""The exchange services the 数据交换 page (and the command line) call. Qt-free; listings return
the typed rows of sync/rows.py. Each action that writes (import, resolve, dismiss, return) is one
transaction with one audit entry and returns what it changed (`.changes`). Long calls (export,
import, preview) belong in a worker.

    export(db, folder, limit=...)            -> Written (paths, seq, counts, check_code ...)
    preview(db, files, trust=False)          -> [ImportResult] (dry run: counts, nothing changed)
    import_files(db, files, trust=False, fingerprint=None, clock=ws.clock, actor=clerk)
                                             -> [ImportResult] (.changes: what each package wrote)
    history(db)                              -> History (sent, received, receipts: SentRow ...)
    status(db) / children(db) / upper_status(db)
    conflicts(db) -> [ConflictRow] / resolve(db, conflict_id, keep="local"|"incoming", actor=..., clock=...)
                                             -> Resolved
    duplicates(db) / dismiss_duplicate(db, duplicate_id) -> Dismissed
    export_receipt(db, child, folder) / export_reference(db, child, folder) / export_enrolment(db, child, folder)
    own_key(db) / peers(db) / trust_peer(db, unit, public_key) / forget_peer(db, unit)
    slip_data(db, written)                   -> TransmittalData-ready dict for the printed 报送单
    return_for_correction(db, table, record_id, reason, actor="") -> Returned (退回更正; carried by receipts)
    returns_sent(db) / corrections_due(db) -> [ReturnRow] / dismiss_correction(db, id) -> Dismissed
    received_records(db, child, table, text="") -> records of a unit below, for choosing one to return
"""
from __future__ import annotations

from .enrolment import apply_enrolment, export_enrolment, read_enrolment
from .export import export_package as export
from .importer import ImportResult, import_files, preview
from .outbox import ExchangeError, Written
from .receipts import export_receipt, upper_status
from .reference import export_reference
from .returns import corrections_due, dismiss_correction, return_for_correction, returns_sent
from .slip import slip_data
from .status import (children, conflicts, dismiss_duplicate, duplicates, history, received_records,
                     resolve_conflict as resolve, status)
from .trust import ensure_own_key as own_key, forget_peer, peers, trust_peer

__all__ = ["export", "preview", "import_files", "ImportResult", "history", "status", "children", "upper_status",
           "conflicts", "resolve", "duplicates", "dismiss_duplicate", "export_receipt", "export_reference",
           "export_enrolment", "read_enrolment", "apply_enrolment", "own_key", "peers", "trust_peer",
           "forget_peer", "slip_data", "ExchangeError", "Written", "return_for_correction", "returns_sent",
           "corrections_due", "dismiss_correction", "received_records"]
