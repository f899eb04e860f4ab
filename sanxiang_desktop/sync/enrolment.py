"""Enrolment: the upper level writes a file for a new child installation; the child
is set up from it (`init --enrolment FILE`).

The file holds the child's unit, the upper levels' keys, reference data (villages,
milestones) and a random token. The child trusts the upper level's key from the
file (the clerk chose the file; its fingerprint is shown to compare by phone). The
child's packages then carry a proof made from the token and the child's own key,
so the upper level accepts the child's first package without asking: the pairing
is pre-authorised. The file is not encrypted (the child has no key yet): hand it
over like the stick it travels on.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..core.divisions import DivisionTree
from ..core.ids import new_id
from ..store.database import Database
from ..store.sync_models import Enrolment, ReceivedPackage
from .apply import apply_records, json_counts
from .container import open_package, open_payload, peek_manifest
from .errors import PackageError
from .keys import fingerprint
from .outbox import ExchangeError, Written, next_seq, write_package
from .publish import publish
from .records import Incoming, decode_record, encode_line, parse_lines
from .reference import apply_keys, check_reference_items, reference_lines
from .trust import add_peer, ensure_own_key, is_below, new_token, unit_name, utc_stamp

MAX_ENROLMENT = 16 * 1024 * 1024


def export_enrolment(db: Database, for_unit: str, folder: str | Path) -> Written:
    """Write the enrolment file for child unit `for_unit` (a new token each time).
    Returns what was written. Raises ExchangeError when `for_unit` is not below this unit."""
    home = db.home_unit
    signer = ensure_own_key(db)
    def build(s, package_id: str) -> Written:
        if not is_below(s, for_unit, home):
            raise ExchangeError("not_child", f"Unit {for_unit} is not below {unit_name(s, home)}.",
                                f"单位 {for_unit} 不是{unit_name(s, home)}的下级。")
        token = new_token()
        now = utc_stamp()
        s.add(Enrolment(id=new_id(), direction="issued", unit_code=for_unit, token=token, issued_at=now))
        lines, counts = reference_lines(s, home, for_unit, signer.public_bytes)
        info = {"unit": for_unit, "unit_name": unit_name(s, for_unit), "parent": home,
                "parent_name": unit_name(s, home), "token": token, "issued_at": now}
        return write_package(s, kind="enrolment", sender=home, recipient=for_unit,
                             seq=next_seq(s, for_unit, "enrolment"), acked_seq=0,
                             body_lines=[encode_line({"enrolment": info}), *lines], counts=counts, signer=signer,
                             folder=Path(folder), encrypt=False, package_id=package_id)
    return publish(db, folder, build)


@dataclass
class EnrolmentFile:
    unit: str
    parent: str
    parent_name: str
    parent_public: bytes
    parent_fingerprint: str
    token: str
    manifest: dict[str, Any]
    keys: Any = None
    items: list[Incoming] = field(default_factory=list)
    sha256: str = ""


def _refuse(en: str, zh: str, code: str = "bad_enrolment") -> PackageError:
    return PackageError(code, f"Enrolment file refused: {en}.", f"注册文件无效：{zh}。")


def read_enrolment(path: str | Path, unit: str | None = None) -> EnrolmentFile:
    """Verify an enrolment file (for `unit`, when given) completely, without touching any database.
    Returns the EnrolmentFile."""
    path = Path(path)
    from .inbox import read_regular
    try:
        data = read_regular(path, MAX_ENROLMENT)
    except PackageError as err:
        raise _refuse(err.message_en.rstrip("."), err.message_zh.rstrip("。"), err.code) from None
    manifest = peek_manifest(data)
    if manifest.get("kind") != "enrolment":
        raise _refuse("this is not an enrolment file", "该文件不是注册文件")
    sender = manifest["sender_unit"]
    unit = unit or manifest.get("recipient_unit")
    if not isinstance(unit, str) or DivisionTree.builtin().get(unit) is None:
        raise _refuse("it names no known unit", "文件中的单位代码无效")
    if manifest.get("recipient_unit") != unit:
        raise _refuse(f"it was issued for unit {manifest.get('recipient_unit')}, not {unit}",
                      f"该文件是为单位 {manifest.get('recipient_unit')} 签发的，不是 {unit}", "wrong_recipient")
    tree = DivisionTree.builtin()
    if sender not in {d.code for d in tree.ancestors(unit)}:
        raise _refuse(f"its issuer {sender} is not above {unit}", f"签发单位 {sender} 不是 {unit} 的上级")
    # The file's own key is trusted here (the clerk chose the file and compares the fingerprint).
    embedded = base64.b64decode(manifest["sender_public"])
    opened = open_package(data, trusted_key_for=lambda code: embedded if code == sender else None)
    plain = open_payload(opened, None)
    info, keys, items = None, None, []
    for number, obj in parse_lines(plain):
        if number == 1:
            expected = {"package_id": manifest["package_id"], "sender": sender, "recipient": unit,
                        "kind": "enrolment"}
            if {k: obj.get(k) for k in expected} != expected:
                raise _refuse("its content does not match its signed manifest", "内容与签名清单不符")
        elif "enrolment" in obj:
            info = obj["enrolment"]
        elif "keys" in obj:
            keys = obj["keys"]
        elif "record" in obj:
            items.append(decode_record(obj, f"line {number}"))
    if not isinstance(info, dict) or info.get("unit") != unit or info.get("parent") != sender \
            or not isinstance(info.get("token"), str) or len(info["token"]) != 44:
        raise _refuse("its enrolment details are missing or wrong", "注册信息缺失或错误")
    return EnrolmentFile(unit, sender, str(info.get("parent_name") or sender), opened.sender_public,
                         fingerprint(opened.sender_public), info["token"], manifest, keys, items, opened.sha256)


def apply_enrolment(db: Database, enr: EnrolmentFile) -> dict[str, Any]:
    """On a freshly initialised database of enr.unit: trust the upper levels, keep the token,
    take the reference data. One transaction.
    Returns a summary for the clerk. Raises ExchangeError when the file was already used here."""
    ensure_own_key(db)
    now = utc_stamp()
    with db.session() as s, s.begin():
        if s.scalar(select(ReceivedPackage.package_id).where(
                ReceivedPackage.package_id == enr.manifest["package_id"])):
            raise ExchangeError("already", "This enrolment file was already used here.", "该注册文件已在本机使用过。")
        add_peer(s, enr.parent, enr.parent_public, "enrolment")
        notes = apply_keys(s, enr.keys, enr.unit, enr.parent)
        s.add(Enrolment(id=new_id(), direction="received", unit_code=enr.parent, token=enr.token,
                        issued_at=enr.manifest["created_at"][:32], used_at=now))
        check_reference_items(s, enr.items, enr.unit, enr.parent)
        counts = apply_records(s, enr.items, {}, package_id=enr.manifest["package_id"], sender=enr.parent, now=now)
        s.add(ReceivedPackage(package_id=enr.manifest["package_id"], kind="enrolment", sender=enr.parent,
                              seq=enr.manifest["seq"], acked_seq=0, sha256=enr.sha256,
                              created_at=enr.manifest["created_at"][:32], received_at=now,
                              counts=json_counts(counts)))
    return {"parent": enr.parent, "parent_name": enr.parent_name, "fingerprint": enr.parent_fingerprint,
            "counts": counts.to_json(), "notes": notes}
