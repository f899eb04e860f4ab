"""Public functions of services/ and sync/ say what they return and what they raise (issue 7, item 10).

The check reads the source (ast), so it needs no import of the modules and cannot be fooled by a
decorator. A module-level function whose name does not start with "_", in a module whose path has no
part starting with "_" (``__init__.py`` excepted), must have a docstring; when it returns or yields
a value its docstring says "Returns"/"Yields" (or "return"/"yield"); for every exception class it
raises itself (``raise Name(...)``, not re-raises), the docstring names the class or says "raise".
Ruff's pydocstyle rules check presence only, and its pydoclint rules want Google/NumPy sections the
house prose style does not use; this is the house rule, written down once.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "sanxiang_desktop"
PACKAGES = ("services", "sync")


def _own_nodes(fn: ast.AST):
    """The nodes of fn's body, not those of functions, lambdas or classes nested in it."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in ast.iter_child_nodes(node)
                     if not isinstance(c, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)))


def _returns_value(fn) -> bool:
    if isinstance(fn.returns, ast.Constant) and fn.returns.value is None:
        return False
    for node in _own_nodes(fn):
        if isinstance(node, ast.Return) and node.value is not None \
                and not (isinstance(node.value, ast.Constant) and node.value.value is None):
            return True
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
    return False


def _raised(fn) -> set[str]:
    out = set()
    for node in _own_nodes(fn):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
            if name and name[0].isupper():          # a class, not a variable holding a caught exception
                out.add(name)
    return out


def problems_of(path: Path, root: Path = ROOT.parent) -> list[str]:
    """What is missing from the docstrings of the public functions of the module at `path`."""
    found = []
    for fn in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or fn.name.startswith("_"):
            continue
        doc = ast.get_docstring(fn) or ""
        where = f"{path.relative_to(root)}:{fn.lineno} {fn.name}()"
        if not doc:
            found.append(f"{where}: no docstring")
            continue
        if _returns_value(fn) and not re.search(r"return|yield", doc, re.IGNORECASE):
            found.append(f"{where}: the docstring does not say what it returns")
        for name in sorted(_raised(fn)):
            if name not in doc and not re.search(r"raise", doc, re.IGNORECASE):
                found.append(f"{where}: the docstring does not say it raises {name}")
    return found


def modules(package: str) -> list[Path]:
    return [p for p in sorted((ROOT / package).rglob("*.py"))
            if not any(part.startswith("_") and part != "__init__.py" for part in p.relative_to(ROOT).parts)]


@pytest.mark.parametrize("package", PACKAGES)
def test_public_functions_say_what_they_return_and_raise(package):
    found = [problem for path in modules(package) for problem in problems_of(path)]
    assert not found, "\n".join(found)


def test_the_check_catches_what_it_is_for(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text('def a():\n    return 1\n\n'
                      'def b():\n    """Counts."""\n    return 2\n\n'
                      'def c(x):\n    """Returns x."""\n    if not x:\n        raise ValueError(x)\n    return x\n\n'
                      'def d(x):\n    """Returns x; raises ValueError for nothing."""\n    return x\n\n'
                      'def _e():\n    return 3\n', encoding="utf-8")
    found = [p.split(": ", 1)[1] for p in problems_of(module, root=tmp_path)]
    assert found == ["no docstring", "the docstring does not say what it returns",
                     "the docstring does not say it raises ValueError"]
