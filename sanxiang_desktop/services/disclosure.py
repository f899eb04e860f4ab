"""Recording that personal data left the program in full (PIPL): what, who, when, never the values."""
from __future__ import annotations

from .result import Result
from .workspace import Workspace


def record_full_pii_export(ws: Workspace, what: str, where: str = "") -> Result:
    """One audit entry "完整个人信息输出：<what>" (action `export:full_pii`), made before a form,
    ledger or Word file with ID numbers and phones in full is written. `what` is the form or
    ledger name (e.g. "活动台账"), `where` the kind of output ("PDF", "Excel"); no values, no
    file names (they may hold names of people). Changes nothing else; returns the Result."""
    label = f"完整个人信息输出：{what}" + (f"（{where}）" if where else "")
    return ws.run("export:full_pii", lambda s: Result(ok=True, label=label))
