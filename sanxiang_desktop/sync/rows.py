"""What the exchange services hand to the 数据交换 page and the command line: typed, frozen rows
instead of string-keyed dicts, so a misspelt key is an AttributeError at the first test, not a
blank cell. `to_json()` gives the plain dict the command line prints (its keys are the field names,
as before). Record states (a conflict's two versions) stay dicts: they are whole records of any table.

The outcomes of the exchange *actions* (Resolved, Dismissed, Returned) carry the audit label and
the Changes the action made, which the GUI routes to the pages like a service Result's."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from ..services.result import Changes


class _Json:
    def to_json(self) -> dict[str, Any]:
        """The row as a plain dict (JSON-ready; Changes as sorted lists)."""
        out = asdict(self)     # type: ignore[call-overload]
        if "changes" in out:
            out["changes"] = {"tables": sorted(self.changes.tables), "ids": sorted(self.changes.ids)}  # type: ignore[attr-defined]
        return out


@dataclass(frozen=True)
class ConflictRow(_Json):
    """Two versions of one record that diverged (sync_conflicts): which the rule kept, both states."""
    id: str
    table: str
    record_id: str
    owner: str
    owner_name: str
    local: Mapping[str, Any]          # the record state that was here (canonical JSON fields)
    incoming: Mapping[str, Any]       # the record state the package brought
    result: str                       # "local" | "incoming" | "merged": the version in use
    package_id: str | None
    sender: str | None
    detected_at: str                  # UTC storage stamp
    status: str                       # "open" | "resolved"
    resolved_keep: str | None = None
    resolved_at: str | None = None


@dataclass(frozen=True)
class SentRow(_Json):
    """A package or receipt written here (sync_sent)."""
    package_id: str
    kind: str                         # data | receipt | reference | enrolment
    recipient: str
    recipient_name: str
    seq: int
    created_at: str
    files: tuple[str, ...]
    size: int
    counts: Mapping[str, int]
    acknowledged: bool                # a data package the recipient's receipt covers


@dataclass(frozen=True)
class ReceivedRow(_Json):
    """A data or reference package imported here (sync_received)."""
    package_id: str
    kind: str
    sender: str
    sender_name: str
    seq: int
    created_at: str
    received_at: str
    counts: Mapping[str, int]         # inserted / updated / unchanged / conflicts / duplicates
    duplicate_count: int              # how often it was delivered again


@dataclass(frozen=True)
class ReceiptRow(_Json):
    """A receipt received from the upper level (sync_receipts)."""
    package_id: str
    sender: str
    sender_name: str
    seq: int
    acked_seq: int
    issued_at: str
    received_at: str


@dataclass(frozen=True)
class History(_Json):
    """Packages sent and received and receipts received, newest first."""
    sent: tuple[SentRow, ...] = ()
    received: tuple[ReceivedRow, ...] = ()
    receipts: tuple[ReceiptRow, ...] = ()


@dataclass(frozen=True)
class ReturnRow(_Json):
    """A record returned for correction (sync_returns), as listed on either side."""
    id: str
    table: str
    type_zh: str
    type_en: str
    record_id: str
    title: str
    owner: str
    owner_name: str
    reason: str
    from_unit: str
    from_name: str
    returned_at: str
    received_at: str | None
    status: str                       # open | corrected | dismissed
    direction: str                    # sent | relay | due
    open_table: str                   # the record to open for it (a child record opens its parent)
    open_id: str


@dataclass(frozen=True)
class Resolved(_Json):
    """resolve_conflict's outcome: the version kept, whether the record itself changed."""
    id: str
    table: str
    record_id: str
    kept: str
    record_changed: bool
    label: str = ""
    changes: Changes = field(default_factory=Changes)
    ok: bool = True


@dataclass(frozen=True)
class Dismissed(_Json):
    """dismiss_duplicate / dismiss_correction: `dismissed` False when it was no longer open (nothing changed)."""
    id: str
    dismissed: bool
    label: str = ""
    changes: Changes = field(default_factory=Changes)
    ok: bool = True


@dataclass(frozen=True)
class Returned(_Json):
    """return_for_correction's outcome: the return as listed, and the unit below it goes to first."""
    row: ReturnRow
    to: str
    to_name: str
    label: str = ""
    changes: Changes = field(default_factory=Changes)
    ok: bool = True

    def to_json(self) -> dict[str, Any]:
        """The return's fields with `to` and `to_name` (the command line's shape)."""
        return self.row.to_json() | {"to": self.to, "to_name": self.to_name, "label": self.label}
