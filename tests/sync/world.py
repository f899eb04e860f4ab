"""A small exchange world for the sync tests: two townships of 兴庆区 with demo data,
the county (init plus one record of each county type) and the city (init).

Templates are built once per session; each test copies the files, so every test
starts from the same bytes. Trust is already paired (as an enrolment would)."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from sanxiang_desktop import services  # noqa: F401  (registers the service rules)
from sanxiang_desktop.services import records
from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import Database, open_database
from sanxiang_desktop.store.serialize import dump_lines
from sanxiang_desktop.sync.export import export_package
from sanxiang_desktop.sync.importer import import_files
from sanxiang_desktop.sync.receipts import export_receipt
from sanxiang_desktop.sync.trust import ensure_own_key, trust_peer

TOWN1, TOWN2, COUNTY, CITY = "640104100", "640104001", "640104", "640100"
NAMES = {"t1": TOWN1, "t2": TOWN2, "c": COUNTY, "y": CITY}
YEAR = 2026


def photo(seed: int, size: int = 40_000) -> bytes:
    """Incompressible bytes standing in for a JPEG."""
    return hashlib.shake_256(f"photo-{seed}".encode()).digest(size)


def add_attachment(ws: Workspace, activity_id: str, data: bytes, name: str = "scan.jpg") -> str:
    sha = hashlib.sha256(data).hexdigest()
    with ws.db.session() as s, s.begin():
        if s.get(m.Blob, sha) is None:
            s.add(m.Blob(sha256=sha, size=len(data), data=data))
    res = records.create(ws, "attachments", {"activity_id": activity_id, "kind": "photo", "file_name": name,
                                             "mime": "image/jpeg", "sha256": sha, "size": len(data)})
    assert res.ok, res.message_en()
    return res.record_id


def create(ws: Workspace, table: str, **fields) -> str:
    res = records.create(ws, table, fields, allow_duplicate=True)
    assert res.ok, (table, res.message_en())
    return res.record_id


def _township(path: Path, code: str, seed: int) -> None:
    db = open_database(path, create=True)
    build_demo(db, code, scale="township", seed=seed, year=YEAR)
    ws = Workspace.open(db)
    person = create(ws, "people", unit_code=code, name="马志远", gender="male")
    team = create(ws, "volunteer_teams", unit_code=code, name="测试志愿者队", domain="health", leader_id=person)
    create(ws, "team_members", team_id=team, person_id=person)
    with db.session() as s:
        activity = s.scalar(select(m.Activity.id).where(m.Activity.owner == code).order_by(m.Activity.id))
    add_attachment(ws, activity, photo(seed))
    add_attachment(ws, activity, photo(seed), "same-photo-again.jpg")   # deduplicated by hash
    ensure_own_key(db)
    db.close()


def _county(path: Path) -> None:
    db = open_database(path, create=True)
    init_home(db, COUNTY, "县科协录入员")
    ws = Workspace.open(db)
    leader = create(ws, "people", unit_code=COUNTY, name="王建国", gender="male")
    group = create(ws, "leading_groups", unit_code=COUNTY, set_up_on=dt.date(YEAR, 4, 2))
    create(ws, "group_members", group_id=group, person_id=leader, role="leader", department="区政府")
    create(ws, "visits", unit_code=COUNTY, visited_unit_code=TOWN1, visited_on=dt.date(YEAR, 5, 6),
           visitors="区科协主席")
    plan = create(ws, "work_plans", unit_code=COUNTY, year=YEAR, title="“3+1”工作方案")
    create(ws, "plan_tasks", plan_id=plan, title="召开推进会", person_id=leader)
    create(ws, "milestones", unit_code=COUNTY, year=YEAR, code="kickoff", title="召开推进会",
           due_on=dt.date(YEAR, 5, 10))
    create(ws, "bulletins", unit_code=COUNTY, issued_on=dt.date(YEAR, 6, 15), title="工作进展通报（第1期）")
    ensure_own_key(db)
    db.close()


def _city(path: Path) -> None:
    db = open_database(path, create=True)
    init_home(db, CITY, "市科协录入员")
    ensure_own_key(db)
    db.close()


class ServerTemplates(dict):
    """Template databases on the PostgreSQL test server (name -> URL); copies are CREATE DATABASE ... TEMPLATE."""

    def __init__(self, server, names: dict[str, str]):
        super().__init__({k: server.url(v) for k, v in names.items()})
        self.server, self.names = server, names


def build_templates(folder: Path, server=None, schema: str | None = None) -> dict[str, Path]:
    """The four installations, built once: SQLite files in folder, or (server given) databases
    on the PostgreSQL test server cloned from the schema template."""
    folder.mkdir(parents=True, exist_ok=True)
    if server is not None:
        paths = ServerTemplates(server, {k: server.new_database(f"world_{k}", schema) for k in NAMES})
    else:
        paths = {k: folder / f"{k}.db" for k in NAMES}
    _township(paths["t1"], TOWN1, 11)
    _township(paths["t2"], TOWN2, 12)
    _county(paths["c"])
    _city(paths["y"])
    dbs = {k: open_database(p) for k, p in paths.items()}
    keys = {k: ensure_own_key(db).public_bytes for k, db in dbs.items()}
    for child, parent in (("t1", "c"), ("t2", "c"), ("c", "y")):
        trust_peer(dbs[parent], NAMES[child], keys[child], "enrolment")
        trust_peer(dbs[child], NAMES[parent], keys[parent], "enrolment")
    for db in dbs.values():
        db.close()
    return paths


class Node:
    """One installation of the world, opened for the length of a test."""

    def __init__(self, name: str, path: Path, out: Path):
        self.name, self.code, self.path, self.out = name, NAMES[name], path, out
        self.db: Database = open_database(path)

    def export(self, **kw):
        return export_package(self.db, self.out / self.name, **kw)

    def export_to(self, folder, **kw):
        return export_package(self.db, folder, **kw)

    def receipt_for(self, child: "Node"):
        return export_receipt(self.db, child.code, self.out / f"{self.name}-receipts")

    def take(self, *files, **kw):
        """Import; returns the results."""
        flat = []
        for f in files:
            flat += f.paths if hasattr(f, "paths") else [f]
        return import_files(self.db, flat, **kw)

    def dump(self) -> list[str]:
        return records_dump(self.db)

    drop = None   # a server copy is dropped when the test is done with it

    def close(self) -> None:
        self.db.close()
        if self.drop is not None:
            self.drop()
            self.drop = None


def records_dump(db: Database) -> list[str]:
    """The `dump` lines that travel: built-in units (owner "") left out, blobs kept."""
    import json
    with db.session() as s:
        out = []
        for line in dump_lines(s):
            obj = json.loads(line)
            if obj["owner"] or obj["table"] == "blobs":
                out.append(line)
        return out


def file_digest(path: Path) -> str:
    """Every table's content (not the file bytes, which SQLite may reorganise)."""
    con = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for line in con.iterdump():
            h.update(line.encode())
        return h.hexdigest()
    finally:
        con.close()


def copy_world(templates: dict[str, Path], folder: Path) -> dict[str, Node]:
    folder.mkdir(parents=True, exist_ok=True)
    nodes = {}
    if isinstance(templates, ServerTemplates):
        for name, template in templates.names.items():
            copy = templates.server.new_database(f"w{name}", template)
            nodes[name] = Node(name, templates.server.url(copy), folder / "out")
            nodes[name].drop = lambda server=templates.server, copy=copy: server.drop_database(copy)
        return nodes
    for name, src in templates.items():
        dst = folder / f"{name}.db"
        shutil.copyfile(src, dst)
        nodes[name] = Node(name, dst, folder / "out")
    return nodes


def forge(node: Node, lines: list[bytes], *, recipient: str, kind: str = "data", seq: int = 90, acked: int = 0,
          manifest: dict | None = None, header: dict | None = None, encrypt: bool = True) -> bytes:
    """A package signed with the node's real key but with content chosen by the test."""
    from sanxiang_desktop.core.ids import new_id
    from sanxiang_desktop.sync.container import build_package
    from sanxiang_desktop.sync.outbox import CAPABILITIES, REQUIRED, schema_version
    from sanxiang_desktop.sync.records import encode_line
    from sanxiang_desktop.sync.trust import own_key, peer_key
    package_id = new_id()
    head = {"package_id": package_id, "sender": node.code, "recipient": recipient, "kind": kind,
            "payload_version": 1} | (header or {})
    body = {"kind": kind, "package_id": package_id, "sender_unit": node.code, "recipient_unit": recipient,
            "seq": seq, "acked_seq": acked, "schema_version": schema_version(), "capabilities": list(CAPABILITIES),
            "required_capabilities": REQUIRED[kind], "payload_version": 1, "created_at": "2026-06-01T00:00:00Z",
            "counts": {}} | (manifest or {})
    plain = b"\n".join([encode_line(head), *lines]) + b"\n"
    with node.db.session() as s:
        return build_package(body, plain, own_key(s), peer_key(s, recipient) if encrypt else None)


def record_lines(node: Node, table: str, limit: int = 1, **changes) -> list[bytes]:
    """Payload lines of the node's own records of one table, with fields changed."""
    from sanxiang_desktop.sync.records import record_line
    out = []
    for line in node.dump():
        state = __import__("json").loads(line)
        if state["table"] == table and state["owner"] == node.code:
            state.update(changes)
            out.append(record_line(state, {"unit": state["owner"], "package": None, "rev": state["rev"]}))
            if len(out) == limit:
                break
    return out
