"""The core knows nothing of the GUI toolkit; the package list is complete."""
import ast
import pathlib
import tomllib

REPO = pathlib.Path(__file__).resolve().parents[2]
PKG = REPO / "sanxiang_desktop"
GUI_ALLOWED = ("ui/", "app.py", "__main__.py")


def imported_modules(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_the_gui_layer():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        if rel.startswith(GUI_ALLOWED) or rel in GUI_ALLOWED:
            continue
        qt = {n for n in imported_modules(path) if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")}
        if qt:
            offenders.append(f"{rel}: {sorted(qt)}")
    assert offenders == []


def test_the_check_itself_catches_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in PKG.rglob("__init__.py")}
    assert found - listed == set()
