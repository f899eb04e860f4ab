"""The audit log: one line per user action, written inside that action's transaction.

Workspace.run writes it for every service; the exchange actions of sync/ (resolve a conflict,
dismiss, return for correction, import) write theirs through audit_entry too, so "one action =
one transaction = one audit entry" holds for them as well. The label is Chinese, as the undo label;
record_ids lists the ids the action changed (for an import: the package id, not every record it
brought, which may be hundreds of thousands). Never personal data."""
from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy.orm import Session

from ..core import clock
from ..store.models import AuditEntry
from .result import Changes


def audit_entry(s: Session, action: str, label: str, changes: Changes, *, actor: str = "",
                at: str | None = None, record_ids: Iterable[str] | None = None) -> AuditEntry:
    """Add one audit line to the caller's transaction (flushed with it) and return it.
    `action` like "resolve:sync_conflicts" (at most 64 characters), `label` at most 200 (cut),
    `at` a UTC storage stamp (core.clock.utc_stamp; now by default), `record_ids` the ids listed
    (Changes.ids by default). Raises nothing of its own; the transaction's errors propagate."""
    ids = sorted(changes.ids if record_ids is None else set(record_ids))
    entry = AuditEntry(at=at or clock.utc_stamp(), actor=(actor or "")[:64], action=action[:64],
                       label=(label or "")[:200], tables=",".join(sorted(changes.tables))[:200],
                       record_ids=json.dumps(ids))
    s.add(entry)
    return entry
