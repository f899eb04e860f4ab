"""A throwaway PostgreSQL cluster for the test session (issue 13).

initdb + pg_ctl into a temporary folder, on a port of its own, listening on a unix
socket only. PostgreSQL refuses to run as root, so under root the cluster belongs to
the `postgres` system user and its commands run through `runuser`. Databases for
tests are cloned from a template that already holds the schema (CREATE DATABASE ...
TEMPLATE is a file copy inside the server: far cheaper than running the migrations).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"


def _bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(candidate, "pg_ctl")):
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServerError(RuntimeError):
    pass


class PgServer:
    """A running cluster: url(db), admin(sql), new_database(name, template)."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        if self.bindir is None:
            raise PgServerError("PostgreSQL server programs (pg_ctl, initdb) are not installed: "
                                "run `make system-deps` (Debian package postgresql)")
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="sx-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.counter = 0
        self.file_copy = True
        if self.as_root:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise PgServerError("running as root but there is no `postgres` user to own the cluster") from None
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
            os.chmod(self.folder, 0o755)   # the tests (root) reach the socket in here

    def _run(self, *args: str, timeout: float = 120) -> str:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.folder)
        if done.returncode != 0:
            raise PgServerError(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    def start(self) -> "PgServer":
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        # Throwaway settings: no durability (fsync off) makes the suite fast; the socket stays in our folder.
        opts = (f"-c port={self.port} -c listen_addresses='' -c unix_socket_directories={self.folder} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", opts,
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
        except (PgServerError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, dbname: str, user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@/{dbname}?host={self.folder}&port={self.port}"

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host={self.folder} port={self.port} dbname={dbname} user={user}"

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg
        with psycopg.connect(self.conninfo(dbname), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, prefix: str = "t", template: str | None = None) -> str:
        """A fresh database (from template when given); returns its name."""
        self.counter += 1
        name = f"{prefix}_{os.getpid()}_{self.counter}"
        sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        if template and self.file_copy:
            try:   # PostgreSQL 15+: copying the files is twice as fast as WAL-logging small databases
                self.admin(sql + " STRATEGY FILE_COPY")
                return name
            except Exception:  # noqa: BLE001 - an older server: the plain statement below
                self.file_copy = False
        self.admin(sql)
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
