"""Importing packages: data, receipts and reference data.

Order of work for each file (ARCHITECTURE.md): read it (parts joined and checked)
→ signature checked by the container before anything else is parsed → addressed
here, from a unit in the right place of the tree → sender trusted (or confirmed,
or pre-authorised by an enrolment) → decrypt, decompress, decode, validate every
line → then ONE transaction applies every record and records the package as
received. Anything wrong before the commit leaves the database as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy.orm import Session

from ..core.hlc import MAX_SKEW_MS, HybridClock, ahead_ms
from ..core.clock import format_local, now_ms
from ..store.database import Database
from ..store.models import Meta
from ..services.audit import audit_entry
from ..services.result import Changes
from ..store.sync_models import (Conflict, PersonDuplicate, ReceivedPackage, ReceivedReceipt, Rejection,
                                 ReturnedRecord)
from .apply import Counts, apply_records, json_counts
from .container import open_package, open_payload_pieces, peek_manifest
from .errors import PackageError, UntrustedSender
from .source import Source
from .keys import fingerprint_matches
from .outbox import CAPABILITIES, KINDS, check_code
from .ownership import Refusal, screen
from .inbox import CAPS, Decoded, Loader, decode_payload, read_inputs
from .receipts import apply_receipt, sequence_state
from .records import CODE_RE, PAYLOAD_VERSION, UUID_RE, RecordProblem
from .reference import apply_keys, check_reference_items, note_catalogues
from .trust import add_peer, ancestors, check_proof, is_below, own_key, peer_key, subtree, unit_name, utc_stamp


@dataclass
class ImportResult:
    """One package's outcome, shaped for `import-package --json` and the GUI."""
    file: str
    status: str = "rejected"                 # applied | duplicate | rejected | untrusted
    kind: str | None = None
    package_id: str | None = None
    sender: str | None = None
    sender_name: str | None = None
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=lambda: {"inserted": 0, "updated": 0, "unchanged": 0,
                                                            "conflicts": 0, "duplicates": 0})
    error: str | None = None                 # English / Chinese message when not applied
    code: str | None = None
    message_en: str = ""
    message_zh: str = ""
    fingerprint: str | None = None           # the sender's, when it needs confirming
    check_code: str | None = None            # compare with the transmittal slip
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    already_imported_at: str | None = None   # ISO date of the earlier import, for a duplicate
    paths: list[str] = field(default_factory=list)   # the files this result covers (every part)
    refused: list[dict[str, str]] = field(default_factory=list)   # records refused alone (ownership)
    clock_ahead: dict[str, int] = field(default_factory=dict)     # unit -> days its clock is ahead
    # What the import wrote, built from what it applied (record tables and ids, and the sync tables
    # it added rows to); empty for a preview and for anything not applied. Not in to_json().
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "status": self.status, "kind": self.kind, "package_id": self.package_id,
                "sender": self.sender, "sender_name": self.sender_name, "seq": self.seq, "counts": self.counts,
                "error": self.error, "code": self.code, "message_en": self.message_en,
                "message_zh": self.message_zh, "fingerprint": self.fingerprint, "check_code": self.check_code,
                "dry_run": self.dry_run,
                "notes": self.notes, "missing": self.missing, "already_imported_at": self.already_imported_at,
                "paths": self.paths, "refused": self.refused,
                "clock_ahead": self.clock_ahead}

    def fail(self, err: PackageError, status: str = "rejected") -> "ImportResult":
        self.status, self.code = status, err.code
        self.message_en, self.message_zh = err.message_en, err.message_zh
        self.error = f"{err.message_en} / {err.message_zh}"
        return self


class _DryRun(Exception):
    pass


class _AlreadyApplied(Exception):
    def __init__(self, at: str):
        super().__init__(at)
        self.at = at


def import_files(db: Database, paths: Iterable[str | Path], *, trust: bool = False, fingerprint: str | None = None,
                 dry_run: bool = False, clock: HybridClock | None = None, actor: str = "") -> list[ImportResult]:
    """Import every file given (packages, receipts, reference data; parts of split packages together).
    Returns one ImportResult per package, in order. Each package that is applied is one transaction with one
    audit entry ("import:data" / "import:reference" / "import:receipt", listing the package id) and
    its ImportResult.changes names the tables and records it wrote; a package delivered again
    ("import:duplicate") or refused for its content ("reject:<kind>") writes one entry too; a preview
    (dry_run) or a damaged, forged or untrusted file writes nothing. Problems with a file are its
    result's status and message, never an exception; OSError and database errors propagate."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    results = []
    for name, load, files in read_inputs(paths):
        res = _import_one(db, load, name, trust=trust, fingerprint=fingerprint, dry_run=dry_run,
                          clock=clock, actor=actor)
        res.paths = files
        results.append(res)
    return results


def preview(db: Database, paths: Iterable[str | Path], *, trust: bool = False) -> list[ImportResult]:
    """Returns what an import would do (counts), changing nothing."""
    return import_files(db, paths, trust=trust, dry_run=True)


def _bad_manifest(what: str, zh: str) -> PackageError:
    return PackageError("bad_manifest", f"The package manifest is invalid: {what}.", f"数据包清单无效：{zh}。")


def _check_manifest(manifest: dict) -> None:
    def count(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2 ** 31
    if manifest.get("kind") not in KINDS:
        raise _bad_manifest("unknown kind", "未知的数据包类型")
    pid, rec = manifest.get("package_id"), manifest.get("recipient_unit")
    if not (isinstance(pid, str) and UUID_RE.match(pid)) or not (isinstance(rec, str) and CODE_RE.match(rec)):
        raise _bad_manifest("package id or recipient missing", "缺少包编号或接收单位")
    if not CODE_RE.match(manifest["sender_unit"]) or not count(manifest.get("seq")) or manifest["seq"] < 1 \
            or not count(manifest.get("acked_seq")) or not isinstance(manifest.get("created_at"), str):
        raise _bad_manifest("sender, sequence or date missing", "缺少发送单位、序号或日期")


def _newer(what_en: str, what_zh: str) -> PackageError:
    return PackageError("newer_format", f"This package needs a newer version of the program ({what_en}); please "
                        "upgrade the program.", f"该数据包需要更新版本的程序（{what_zh}），请升级程序。")


def import_bytes(db: Database, data: bytes, name: str = "package", **options) -> ImportResult:
    """Import one package given as bytes (see import_files for the options).
    Returns its ImportResult."""
    return _import_one(db, lambda: data, name, **options)


def _import_one(db: Database, load: Loader, name: str, **options) -> ImportResult:
    opened: list[Source] = []

    def tracked() -> bytes | Source:
        data = load()
        if isinstance(data, Source):
            opened.append(data)
        return data
    try:
        return _import_loaded(db, tracked, name, **options)
    finally:
        for source in opened:        # the package file, or the temporary file its parts were joined in
            source.close()


def _import_loaded(db: Database, load: Loader, name: str, *, trust: bool = False, fingerprint: str | None = None,
                   dry_run: bool = False, clock: HybridClock | None = None, actor: str = "") -> ImportResult:
    res = ImportResult(name, dry_run=dry_run)
    try:
        data = load()
        manifest = peek_manifest(data, caps=CAPS)
        _check_manifest(manifest)
    except PackageError as err:
        return res.fail(err)
    kind, sender = manifest["kind"], manifest["sender_unit"]
    res.kind, res.package_id, res.sender, res.seq = kind, manifest["package_id"], sender, manifest["seq"]
    home = db.home_unit
    with db.session() as s:
        res.sender_name = unit_name(s, sender)
        try:
            opened, new_peer = _authenticate(s, data, manifest, home, trust, fingerprint, res)
        except UntrustedSender as err:
            res.fingerprint = err.fingerprint
            return res.fail(err, "untrusted")
        except PackageError as err:
            return res.fail(err)
    res.check_code = check_code(opened.sha256)
    try:
        if done := _already(db, manifest):
            day = format_local(done, date_only=True)   # the office's date, not UTC's (issue 9)
            res.status, res.already_imported_at = "duplicate", day
            res.message_en = f"already imported on {day}"
            res.message_zh = f"该数据包已于 {day} 导入，无需重复导入"
            if not dry_run:
                res.changes = _count_duplicate(db, manifest, kind, actor)
            return res
        required = manifest.get("required_capabilities") or []
        version = manifest.get("payload_version", 1)
        if not isinstance(required, list) or not isinstance(version, int) or isinstance(version, bool):
            raise _bad_manifest("capabilities or payload version", "功能或载荷版本")
        missing_caps = {str(c) for c in required} - set(CAPABILITIES)
        if missing_caps or version > PAYLOAD_VERSION:
            raise _newer(", ".join(sorted(map(str, missing_caps))) or "payload version", "数据格式")
        with db.session() as s:
            me = own_key(s)
        sha = opened.sha256
        del data
        pieces = open_payload_pieces(opened, me, caps=CAPS)
        del opened               # the stored payload goes as soon as it is decrypted
        # Inflated piece by piece, never whole; attachments spooled to a temporary file. Every chunk,
        # hash and line is checked here, to the end, before _apply writes anything.
        decoded = decode_payload(pieces, manifest)
        del pieces
        try:
            _apply(db, manifest, sha, decoded, new_peer, res, dry_run=dry_run, clock=clock, actor=actor)
        finally:
            decoded.blobs.close()
    except PackageError as err:
        res.fail(err)
        # Only a refusal of authenticated content is noted (for the receipt: the sender must fix
        # its records); a damaged or forged file leaves the database exactly as it was.
        if not dry_run and isinstance(err, RecordProblem):
            _log_rejection(db, manifest, err, actor)
    return res


def _authenticate(s: Session, data: bytes, manifest: dict, home: str, trust: bool, fingerprint: str | None,
                  res: ImportResult):
    """Where the package comes from and whether its key is trusted.
    Returns (the verified package, a peer to add or None)."""
    kind, sender, recipient = manifest["kind"], manifest["sender_unit"], manifest["recipient_unit"]
    if kind == "enrolment":
        raise PackageError("wrong_kind", "This is an enrolment file: use it when setting up a new database "
                           "(init --enrolment).", "这是注册文件，请在新建数据库时使用（init --enrolment）。")
    if recipient != home:
        raise PackageError("wrong_recipient", f"This package is addressed to unit {recipient} "
                           f"({unit_name(s, recipient)}), not to this unit ({home}).",
                           f"该数据包的接收单位是 {unit_name(s, recipient)}（{recipient}），不是本单位（{home}）。")
    if kind == "data" and not is_below(s, sender, home):
        raise PackageError("wrong_sender", f"Data packages come from lower units; {sender} is not below {home}.",
                           f"数据包只能来自下级单位；{sender} 不是本单位的下级。")
    if kind in ("receipt", "reference") and sender not in ancestors(s, home):
        raise PackageError("wrong_sender", f"Receipts and reference data come from upper units; {sender} is not "
                           f"above {home}.", f"回执和基础数据只能来自上级单位；{sender} 不是本单位的上级。")
    known = peer_key(s, sender)
    try:
        return open_package(data, caps=CAPS, trusted_key_for=lambda unit: known), None
    except UntrustedSender as err:
        public = err.sender_public
        opened = open_package(data, caps=CAPS, trusted_key_for=lambda unit: public)
        if kind == "data" and check_proof(s, sender, public, manifest.get("enrolment_proof")):
            res.notes.append(f"sender trusted through the enrolment issued for {sender}")
            return opened, (sender, public, "enrolment")
        if not trust:
            raise
        if fingerprint and not fingerprint_matches(err.sender_public, fingerprint):
            raise PackageError("fingerprint_mismatch", f"The sender's key fingerprint is {err.fingerprint}, not "
                               f"{fingerprint}: do not import it.",
                               f"发送方密钥指纹为 {err.fingerprint}，与 {fingerprint} 不符，请勿导入。") from None
        res.notes.append(f"new sender {sender} trusted with fingerprint {err.fingerprint}")
        return opened, (sender, public, "confirmed")


def _already(db: Database, manifest: dict) -> str | None:
    with db.session() as s:
        return _received_in(s, manifest)


def _received_in(s: Session, manifest: dict) -> str | None:
    model = ReceivedReceipt if manifest["kind"] == "receipt" else ReceivedPackage
    row = s.get(model, manifest["package_id"])
    return row.received_at if row is not None else None


def _count_duplicate(db: Database, manifest: dict, kind: str, actor: str = "") -> Changes:
    """A package delivered again: counted (for the sender's receipt), one audit entry."""
    if kind == "receipt":
        return Changes()
    with db.session() as s, s.begin():
        row = s.get(ReceivedPackage, manifest["package_id"])
        row.duplicate_count += 1
        row.last_duplicate_at = utc_stamp()
        changes = Changes(frozenset({ReceivedPackage.__tablename__}), frozenset({manifest["package_id"]}))
        audit_entry(s, "import:duplicate", f"重复导入：{_package_label(s, manifest)}", changes, actor=actor)
    return changes


def _log_rejection(db: Database, manifest: dict, err: PackageError, actor: str = "") -> None:
    """Authenticated content refused: noted for the receipt (no personal data), one audit entry."""
    with db.session() as s, s.begin():
        s.add(Rejection(at=utc_stamp(), sender=manifest["sender_unit"], kind=manifest["kind"],
                        package_id=manifest["package_id"], seq=manifest["seq"], code=err.code[:32],
                        message_en=err.message_en, message_zh=err.message_zh))
        audit_entry(s, f"reject:{manifest['kind']}", f"拒收：{_package_label(s, manifest)}",
                    Changes(frozenset({Rejection.__tablename__}), frozenset({manifest["package_id"]})), actor=actor)


KIND_ZH = {"data": "数据包", "receipt": "回执", "reference": "基础数据包"}


def _package_label(s: Session, manifest: dict) -> str:
    """"掌政镇 数据包 第 3 号": what the audit log calls a package (codes and numbers only)."""
    return (f"{unit_name(s, manifest['sender_unit'])} {KIND_ZH.get(manifest['kind'], manifest['kind'])} "
            f"第 {manifest['seq']} 号")


def _apply(db: Database, manifest: dict, sha: str, decoded: Decoded, new_peer, res: ImportResult, *,
           dry_run: bool, clock: HybridClock | None, actor: str) -> None:
    """The one transaction: peer (if newly trusted), records, the package as received, the clock."""
    kind, sender, home = manifest["kind"], manifest["sender_unit"], db.home_unit
    now = utc_stamp()
    counts = Counts()
    try:
        with db.session() as s, s.begin():
            # Two imports of one package at the same moment (two clerks, or a clerk and a
            # scheduled hub import): the second waits here, then finds it received (issue 13).
            db.lock(s, f"package:{manifest['package_id']}")
            if db.is_server and (received := _received_in(s, manifest)):
                raise _AlreadyApplied(received)
            if new_peer:
                add_peer(s, new_peer[0], new_peer[1], new_peer[2], actor)
            if kind == "receipt":
                summary = apply_receipt(s, manifest, decoded.receipt, sha, now)
                changes = Changes(frozenset({ReceivedReceipt.__tablename__} |
                                            ({ReturnedRecord.__tablename__} if summary["returns"] else set())),
                                  frozenset({manifest["package_id"]}))
                res.message_en, res.message_zh = summary["message_en"], summary["message_zh"]
                if summary["returns"]:
                    res.notes.append(f"{summary['returns']} record(s) returned for correction / "
                                     f"退回更正 {summary['returns']} 条")
            else:
                if kind == "data":
                    decoded.items, refused = screen(s, decoded.items, subtree(s, sender))
                else:
                    check_reference_items(s, decoded.items, home, sender)
                    decoded.items, refused = screen(s, decoded.items, set(), check_units=False)
                    res.notes += apply_keys(s, decoded.keys, home, sender)
                    res.notes += note_catalogues(s, decoded.catalogues)
                _note_refused(s, manifest, refused, res, log=not dry_run)
                counts = apply_records(s, decoded.items, decoded.blobs, package_id=manifest["package_id"],
                                       sender=sender, now=now)
                s.add(ReceivedPackage(package_id=manifest["package_id"], kind=kind, sender=sender,
                                      seq=manifest["seq"], acked_seq=manifest["acked_seq"], sha256=sha,
                                      created_at=manifest["created_at"][:32], received_at=now,
                                      counts=json_counts(counts)))
                _advance_clock(s, counts.max_hlc, None if dry_run else clock)
                _flag_fast_clocks(s, decoded.items, res, counts.max_hlc)
                if kind == "data":
                    _note_receipt_seq(s, sender, manifest.get("receipt_seq"))
                changes = _applied(counts, manifest["package_id"], refused)
            s.flush()
            if kind == "data":
                st = sequence_state(s, sender)
                res.missing = st.missing
                if st.missing:
                    en, zh = st.missing_text(res.sender_name or sender)
                    res.notes.append(f"{en} / {zh}")
            if dry_run:
                raise _DryRun
            audit_entry(s, f"import:{kind}", f"导入{_package_label(s, manifest)}" + (
                "" if kind == "receipt" else f"：新增 {counts.inserted}，更新 {counts.updated}，冲突 {counts.conflicts}"),
                changes, actor=actor, record_ids=[manifest["package_id"]])
            res.changes = changes
    except _DryRun:
        pass
    except _AlreadyApplied as done:
        res.status, res.already_imported_at = "duplicate", done.at[:10]
        res.message_en = f"already imported on {done.at[:10]}"
        res.message_zh = f"该数据包已于 {done.at[:10]} 导入，无需重复导入"
        return
    res.status = "applied"
    res.counts = counts.to_json()
    if kind != "receipt":
        verb = "would be applied" if dry_run else "applied"
        res.message_en = (f"{verb}: {counts.inserted} new, {counts.updated} updated, {counts.unchanged} unchanged, "
                          f"{counts.conflicts} conflicts")
        res.message_zh = (f"{'预览' if dry_run else '已导入'}：新增 {counts.inserted}，更新 {counts.updated}，"
                          f"未变 {counts.unchanged}，冲突 {counts.conflicts}")


MAX_REFUSALS_LOGGED = 200


def _applied(counts: Counts, package_id: str, refused: list[Refusal]) -> Changes:
    """The Changes of an applied package: the record tables and ids it wrote, and the sync tables
    it added rows to (the package as received; conflicts, duplicates, rejections when there were)."""
    tables = set(counts.by_table) | {ReceivedPackage.__tablename__}
    if counts.conflicts:
        tables.add(Conflict.__tablename__)
    if counts.duplicates:
        tables.add(PersonDuplicate.__tablename__)
    if refused:
        tables.add(Rejection.__tablename__)
    return Changes(frozenset(tables), frozenset(counts.written | {package_id}))


def _note_refused(s: Session, manifest: dict, refused: list[Refusal], res: ImportResult, *, log: bool) -> None:
    """Refused records: listed in the result (preview) and, for the receipt, as rejections of
    this package (table, id and reason: no personal data)."""
    res.refused = [r.to_json() for r in refused]
    if not refused:
        return
    res.notes.append(f"{len(refused)} record(s) refused: the sender may not change them / "
                     f"{len(refused)} 条记录被拒收：发送单位无权更改")
    if not log:
        return
    for r in refused[:MAX_REFUSALS_LOGGED]:
        s.add(Rejection(at=utc_stamp(), sender=manifest["sender_unit"], kind=manifest["kind"],
                        package_id=manifest["package_id"], seq=manifest["seq"], code=r.code[:32],
                        message_en=f"{r.table} {r.id}: {r.message_en}", message_zh=f"{r.table} {r.id}：{r.message_zh}"))


def _note_receipt_seq(s: Session, sender: str, seen: Any) -> None:
    """The highest receipt number the child says it holds: receipts to it are numbered past it, so a
    restored upper level never issues a receipt number twice (older senders do not send it)."""
    if not isinstance(seen, int) or isinstance(seen, bool) or not 0 < seen < 2 ** 31:
        return
    key = f"receipt_seq_seen:{sender}"
    row = s.get(Meta, key)
    if row is None:
        s.add(Meta(key=key, value=str(seen)))
    elif int(row.value or 0) < seen:
        row.value = str(seen)


def _flag_fast_clocks(s: Session, items: list, res: ImportResult, newest: str) -> None:
    """Records stamped more than MAX_SKEW_MS ahead of this PC's clock: name the unit whose clock is
    wrong. The stamps are kept as they are (every level must pick the same winner).
    `newest`: the newest stamp among the items (Counts.max_hlc): when it is not ahead, none is."""
    ahead: dict[str, int] = {}
    wall = now_ms()           # once: the clock is read per call otherwise
    if not newest or ahead_ms(newest, wall) <= MAX_SKEW_MS:
        return
    for it in items:
        gap = ahead_ms(it.hlc, wall)
        if gap > MAX_SKEW_MS:
            unit = (it.origin or {}).get("unit") or it.owner
            ahead[unit] = max(ahead.get(unit, 0), gap)
    for unit, gap in sorted(ahead.items()):
        days = round(gap / (24 * 3600 * 1000))
        name = unit_name(s, unit)
        res.clock_ahead[unit] = days
        res.notes.append(f"warning: the computer clock of {name} ({unit}) is about {days} days ahead; its records "
                         f"keep their time stamps, this computer's clock does not follow. Ask {name} to correct "
                         f"its computer's date and time. / 警告：{name}（{unit}）的电脑时钟快了约 {days} 天，"
                         f"其记录的时间戳保持不变，本机时钟不随之调整。请通知{name}校正电脑的日期和时间。")


def _advance_clock(s: Session, stamp: str, clock: HybridClock | None) -> None:
    """Move this installation's clock past every stamp received (meta, and the caller's clock)."""
    if not stamp:
        return
    row = s.get(Meta, "hlc_last")
    current = row.value if row else ""
    local = HybridClock(None, current or None)
    local.observe(stamp)                  # limited: a far-future stamp does not drag this PC along
    if clock is not None:
        clock.observe(stamp)
        local.observe(clock.last)
    if local.last != current:
        if row is None:
            s.add(Meta(key="hlc_last", value=local.last))
        else:
            row.value = local.last
