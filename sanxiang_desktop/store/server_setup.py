"""`server-setup`: roles and row-level security on an office's PostgreSQL server (issue 13).

Run once by the office's administrator, connected as the role that owns the schema
(the one that ran `init`). It makes:

- `sx_office`  (no login): every clerk; may read everything and insert/update rows, may
  not create, alter or drop anything (the administrator's role owns the schema);
- `sx_import`  (no login): may write rows of units that are NOT hosted on this server,
  i.e. what arrives in packages from units with their own PC; granted to the office's
  own clerks;
- `sx_unit_<code>` (no login), one per unit hosted here (the home unit and each township
  that works on the server instead of sending packages): may write rows it owns;
- `sx_exchange` (no login): may read the unit's signing key (sync_own_keys), which nobody
  else but the administrator can: the clerk who exports and imports packages for the unit
  (`--exchange NAME`) gets it, so the key is used from that clerk's PC only;
- optionally login roles for clerks (`--clerk NAME=CODE`), members of the above, without
  a password: the administrator gives them one with psql's `\\password NAME` (never on a
  command line) or uses certificate/peer authentication.

Row-level security on every record table then lets a role insert or update a row only
when `sx_may_write(owner)` holds (for the old row: the trigger sx_guard_owner); nobody but the administrator may delete (records are
never hard-deleted; deletions are tombstones). The table owner (the administrator) is
not subject to the policies: it migrates and repairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from .errors import StoreError

OFFICE, IMPORT, EXCHANGE = "sx_office", "sx_import", "sx_exchange"
ROLE_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def unit_role(code: str) -> str:
    return f"sx_unit_{code}"


MAY_WRITE_SQL = f"""
CREATE OR REPLACE FUNCTION sx_may_write(row_owner text) RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT CASE
    WHEN pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'alembic_version'::regclass),
                     'USAGE') THEN true
    WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sx_unit_' || row_owner)
      THEN pg_has_role(current_user, 'sx_unit_' || row_owner, 'MEMBER')
    ELSE pg_has_role(current_user, '{IMPORT}', 'MEMBER')
  END
$$"""


# RLS would silently skip another unit's row in an UPDATE; this trigger refuses it out loud, and
# keeps a clerk from moving a row out of another unit by rewriting its owner.
GUARD_SQL = """
CREATE OR REPLACE FUNCTION sx_guard_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT sx_may_write(OLD.owner) THEN
    RAISE EXCEPTION 'rows of unit % are read-only for role %', OLD.owner, current_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$"""


@dataclass
class SetupReport:
    roles_created: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    tables: int = 0


def _ensure_role(conn, name: str, login: bool, report: SetupReport) -> None:
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar() is None:
        conn.exec_driver_sql(f'CREATE ROLE "{name}" {"LOGIN" if login else "NOLOGIN"} '
                             "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS")
        report.roles_created.append(name)


def server_setup(engine: Engine, home: str, hosted: list[str], clerks: dict[str, str],
                 record_tables: list[str], exchange: list[str] = ()) -> SetupReport:
    """Create the roles and policies (idempotent: running it again adds what is missing).

    home: the office's unit code; hosted: further unit codes working on this server;
    clerks: login role name -> unit code; exchange: clerks of the home unit who export and
    import packages (they may read the signing key). Raises StoreError when the connected role does not
    own the schema or may not create roles, or a name is not a plain lower-case identifier."""
    with engine.connect() as conn:       # units hosted by an earlier run stay hosted
        earlier = [r[0] for r in conn.exec_driver_sql(
            "SELECT substr(rolname, 9) FROM pg_roles WHERE starts_with(rolname, 'sx_unit_') ORDER BY rolname")]
    report = SetupReport(units=list(dict.fromkeys([home, *hosted, *earlier])))
    for name, unit in clerks.items():
        if not ROLE_RE.match(name):
            raise StoreError("bad_role", f"clerk name {name!r}: use lower-case letters, digits and _",
                             f"录入员账号 {name!r} 只能由小写字母、数字和下划线组成")
        if name in exchange and unit != home:
            raise StoreError("bad_role", f"--exchange {name}: only a clerk of the office's own unit {home} "
                             "exchanges packages", f"只有本单位（{home}）的录入员可以负责数据包交换")
        if unit not in report.units:
            raise StoreError("bad_role", f"clerk {name}: unit {unit} is not hosted on this server "
                             f"(add it with --host {unit})", f"录入员 {name} 的单位 {unit} 不在本服务器上")
    with engine.begin() as conn:
        owner = conn.exec_driver_sql(
            "SELECT pg_has_role(session_user, tableowner, 'USAGE') FROM pg_tables "
            "WHERE tablename = 'alembic_version' AND schemaname = current_schema()").scalar()
        may_create_roles = conn.exec_driver_sql(
            "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = session_user").scalar()
        if not owner or not may_create_roles:
            raise StoreError("needs_admin", "server-setup must run as the administrator: the role that owns the "
                             "schema (it ran init) and may create roles",
                             "server-setup 必须由管理员运行：即创建数据（运行 init）且可以创建账号的数据库角色")
        schema = conn.exec_driver_sql("SELECT current_schema()").scalar()
        database = conn.exec_driver_sql("SELECT current_database()").scalar()
        for name in (OFFICE, IMPORT, EXCHANGE, *[unit_role(u) for u in report.units]):
            _ensure_role(conn, name, False, report)
        for unit in report.units:
            conn.exec_driver_sql(f'GRANT "{OFFICE}" TO "{unit_role(unit)}"')
        for name, unit in clerks.items():
            _ensure_role(conn, name, True, report)
            conn.exec_driver_sql(f'GRANT "{unit_role(unit)}", "{OFFICE}" TO "{name}"')
            if unit == home:
                conn.exec_driver_sql(f'GRANT "{IMPORT}" TO "{name}"')
            if name in exchange:
                conn.exec_driver_sql(f'GRANT "{EXCHANGE}" TO "{name}"')
        # Nobody but the owner creates anything in the schema or the database.
        conn.exec_driver_sql(f'REVOKE CREATE ON SCHEMA "{schema}" FROM PUBLIC')
        conn.exec_driver_sql(f'REVOKE CREATE, TEMPORARY ON DATABASE "{database}" FROM PUBLIC')
        conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO "{OFFICE}"')
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{OFFICE}"')
        conn.exec_driver_sql(f'GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA "{schema}" TO "{OFFICE}"')
        conn.exec_driver_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{OFFICE}"')
        # The exchange tables (not records) are rewritten by imports and conflict resolution.
        conn.exec_driver_sql('GRANT DELETE ON sync_origins, sync_conflicts, sync_duplicates, sync_returns, '
                             f'sync_changes TO "{OFFICE}"')
        conn.exec_driver_sql(f'REVOKE INSERT, UPDATE ON alembic_version FROM "{OFFICE}"')
        # Derived counts (store.activity_counts): read by every clerk, written only by the triggers on
        # activities, whose function runs as the owner (SECURITY DEFINER, like the change log's).
        conn.exec_driver_sql(f'REVOKE INSERT, UPDATE ON activity_counts FROM "{OFFICE}"')
        # The unit's private signing key: the administrator and the exchange clerk only.
        conn.exec_driver_sql(f'REVOKE ALL ON sync_own_keys FROM "{OFFICE}"')
        conn.exec_driver_sql(f'GRANT SELECT ON sync_own_keys TO "{EXCHANGE}"')
        conn.exec_driver_sql(MAY_WRITE_SQL)
        conn.exec_driver_sql(GUARD_SQL.replace("%", "%%"))   # RAISE's % placeholders are not the driver's
        for table in record_tables:
            conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{table}_guard ON {table}")
            conn.exec_driver_sql(f"CREATE TRIGGER trg_{table}_guard BEFORE UPDATE ON {table} "
                                 "FOR EACH ROW EXECUTE FUNCTION sx_guard_owner()")
            for policy, clause in (
                    ("sx_read", "FOR SELECT USING (true)"),
                    ("sx_insert", "FOR INSERT WITH CHECK (sx_may_write(owner))"),
                    ("sx_update", "FOR UPDATE USING (true) WITH CHECK (sx_may_write(owner))")):
                conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
                conn.exec_driver_sql(f"CREATE POLICY {policy} ON {table} {clause}")
            report.tables += 1
    return report


def role_units(engine: Engine) -> list[str]:
    """The units whose rows the logged-in role may write (sx_unit_* roles it belongs to)."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT substr(rolname, 9) FROM pg_roles WHERE starts_with(rolname, 'sx_unit_') "
            "AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY rolname").all()
    return [r[0] for r in rows]
