"""Issue 8, kind 5: environment faults and odd input on the command line are input errors
(exit 2, both languages, nothing changed), never tracebacks, hangs or stray files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sanxiang_desktop.__main__ import first_word, looks_like_a_file
from sanxiang_desktop.cli.main import main

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sanxiang_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ, PYTHONPATH=str(REPO), **(env or {})))


def assert_input_error(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "错误" in done.stderr, done.stderr
    for w in words:
        assert w in done.stderr, done.stderr


@pytest.fixture(scope="module")
def township(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "t.db"
    assert main(["demo", "--db", str(path), "--unit", "640104100", "--scale", "township", "--seed", "2"]) == 0
    return path


def test_a_mistyped_command_names_the_nearest_one():
    done = cli("stat", "--db", "x.db")
    assert_input_error(done, "unknown command 'stat'", "stats")
    assert first_word(["--db", "my.db", "--lang", "en"]) is None
    assert first_word(["-platform", "offscreen", "stats"]) == "stats"
    assert looks_like_a_file("640104100-640104-000001.sxpkg") and not looks_like_a_file("stat")


def test_a_package_file_still_opens_the_window(tmp_path):
    pkg = tmp_path / "640104100-640104-000001.sxpkg"
    pkg.write_bytes(b"x")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", str(pkg)], capture_output=True, text=True,
                          timeout=120, env=dict(env, PYTHONPATH=str(REPO)))
    assert "unknown command" not in done.stderr and "graphical display" in done.stderr   # the GUI path


def test_a_url_is_never_taken_as_a_file_name(tmp_path):
    for args in (["dump"], ["init", "--unit", "640104100"], ["stats"]):
        done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", args[0], "--db",
                               "postgresql+psycopg://clerk@hub/sanxiang", *args[1:]], capture_output=True, text=True,
                              cwd=tmp_path, timeout=120, env=dict(os.environ, PYTHONPATH=str(REPO)))
        assert_input_error(done, "postgresql+psycopg")
    assert list(tmp_path.iterdir()) == []                  # no folder named "postgresql+psycopg:"


def test_numbers_are_range_checked(township, tmp_path):
    for args in (["stats", "--db", str(township), "--year", "-5"],
                 ["stats", "--db", str(township), "--year", "10000"],
                 ["export-package", "--db", str(township), "--out", str(tmp_path), "--limit-mb", "nan"],
                 ["export-package", "--db", str(township), "--out", str(tmp_path), "--limit-mb", "inf"]):
        assert main(args) == 2, args
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_too_long_is_exit_2(township, tmp_path):
    long = "x" * 300
    assert_input_error(cli("init", "--db", str(tmp_path / f"{long}.db"), "--unit", "640104100"), "too long")
    assert_input_error(cli("backup", "--db", str(township), "--out", str(tmp_path / f"{long}.db")), "too long")


def test_a_package_path_must_be_a_regular_file(township, tmp_path):
    done = cli("import-package", "--db", str(township), "/dev/zero", timeout=60)
    assert_input_error(done, "not a regular file")
    fifo = tmp_path / "pipe.sxpkg"
    os.mkfifo(fifo)
    done = cli("import-package", "--db", str(township), str(fifo), timeout=60)     # never hangs
    assert_input_error(done, "not a regular file")


def test_dump_into_a_closed_pipe_is_quiet(township):
    proc = subprocess.Popen([sys.executable, "-m", "sanxiang_desktop", "dump", "--db", str(township)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()                                   # `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_a_read_only_command_never_writes_an_empty_file(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    for command in ("dump", "stats", "check"):
        assert_input_error(cli(command, "--db", str(empty)), "not a database of this program")
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    assert main(["init", "--db", str(empty), "--unit", "640104100"]) == 0         # still usable


def test_a_slip_that_cannot_be_written_uses_no_number(township, tmp_path):
    out = tmp_path / "usb"
    done = cli("export-package", "--db", str(township), "--out", str(out), "--slip", str(tmp_path / "no" / "s.pdf"))
    assert_input_error(done, "--slip")
    assert not out.exists()
    assert main(["export-package", "--db", str(township), "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["640104100-640104-000001.sxpkg"]
