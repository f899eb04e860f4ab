"""The layer contract (pyproject.toml [tool.importlinter]) holds, checked by import-linter;
ui.printing stays QtGui-only; the package list is complete."""
import ast
import pathlib
import subprocess
import sys
import tomllib

REPO = pathlib.Path(__file__).resolve().parents[2]
PKG = REPO / "sanxiang_desktop"

LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True))")


def lint_imports(config: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LINT, str(config)], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


def test_the_import_contracts_are_kept():
    run = lint_imports(REPO / "pyproject.toml")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_import_linter_catches_a_broken_layer(tmp_path):
    """The same tool on a contract the code cannot keep (core above ui) must fail, or the test above proves nothing."""
    config = tmp_path / "upside_down.toml"
    config.write_text('[tool.importlinter]\nroot_package = "sanxiang_desktop"\n\n'
                      '[[tool.importlinter.contracts]]\nname = "upside down"\ntype = "layers"\n'
                      'containers = ["sanxiang_desktop"]\nlayers = ["core", "ui"]\n')
    run = lint_imports(config)
    assert run.returncode != 0 and "BROKEN" in run.stdout


def imported_modules(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_printing_uses_no_widgets():
    """The command line imports ui.printing: it must not need QtWidgets (import-linter cannot
    forbid one sub-module of an outside package, so this one is checked here)."""
    offenders = {p.name: sorted(n for n in imported_modules(p) if n.startswith("PySide6.QtWidgets"))
                 for p in (PKG / "ui" / "printing").glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_itself_catches_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in imported_modules(sample)


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in PKG.rglob("__init__.py")}
    assert found - listed == set()
