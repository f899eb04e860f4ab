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

import importlib
from typing import TYPE_CHECKING

# Each name is loaded from its module on first use (PEP 562 module __getattr__): the 数据交换 page
# imports this facade when the main window is built, but the package code (nacl, the container, the
# importer, about 45 ms of imports) is needed only once the page is opened or a command runs.
_WHERE = {
    "apply_enrolment": ("enrolment", "apply_enrolment"), "export_enrolment": ("enrolment", "export_enrolment"),
    "read_enrolment": ("enrolment", "read_enrolment"),
    "export": ("export", "export_package"),
    "ImportResult": ("importer", "ImportResult"), "import_files": ("importer", "import_files"),
    "preview": ("importer", "preview"),
    "ExchangeError": ("outbox", "ExchangeError"), "Written": ("outbox", "Written"),
    "export_receipt": ("receipts", "export_receipt"), "upper_status": ("receipts", "upper_status"),
    "export_reference": ("reference", "export_reference"),
    "corrections_due": ("returns", "corrections_due"), "dismiss_correction": ("returns", "dismiss_correction"),
    "return_for_correction": ("returns", "return_for_correction"), "returns_sent": ("returns", "returns_sent"),
    "slip_data": ("slip", "slip_data"),
    "children": ("status", "children"), "conflicts": ("status", "conflicts"),
    "dismiss_duplicate": ("status", "dismiss_duplicate"), "duplicates": ("status", "duplicates"),
    "history": ("status", "history"), "received_records": ("status", "received_records"),
    "resolve": ("status", "resolve_conflict"), "status": ("status", "status"),
    "own_key": ("trust", "ensure_own_key"), "forget_peer": ("trust", "forget_peer"), "peers": ("trust", "peers"),
    "trust_peer": ("trust", "trust_peer"),
}

__all__ = ["export", "preview", "import_files", "ImportResult", "history", "status", "children", "upper_status",
           "conflicts", "resolve", "duplicates", "dismiss_duplicate", "export_receipt", "export_reference",
           "export_enrolment", "read_enrolment", "apply_enrolment", "own_key", "peers", "trust_peer",
           "forget_peer", "slip_data", "ExchangeError", "Written", "return_for_correction", "returns_sent",
           "corrections_due", "dismiss_correction", "received_records"]


def __getattr__(name: str):
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
    globals()[name] = value          # later look-ups are plain module attributes
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:     # what type checkers and editors see: the same names, imported eagerly
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
