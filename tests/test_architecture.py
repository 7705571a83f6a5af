"""Architecture rules that keep the two checkers on one source of truth (DESIGN.md section 5)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
            if node.module.startswith("typedflux"):
                found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "typedflux" / "shapes").glob("*.py")), ids=str)
def test_shapes_package_is_pure_python(path: Path) -> None:
    bad = _imported_modules(path) & {"numpy", "mypy"}
    assert not bad, f"{path.name} imports {sorted(bad)}; typedflux/shapes must stay pure Python"


@pytest.mark.parametrize("path", sorted((ROOT / "mypy_plugin").rglob("*.py")), ids=str)
def test_plugin_imports_only_mypy_and_shapes(path: Path) -> None:
    for module in _imported_modules(path):
        if module.startswith("typedflux"):
            assert module == "typedflux" or module.startswith("typedflux.shapes"), (
                f"{path.name} imports {module}; the plugin may import only typedflux.shapes"
            )
        assert module != "numpy", f"{path.name} imports numpy"


def test_only_translate_knows_both_worlds() -> None:
    both = []
    for path in sorted((ROOT / "mypy_plugin").rglob("*.py")):
        mods = _imported_modules(path)
        if "mypy" in mods and any(m.startswith("typedflux.shapes.dims") for m in mods):
            both.append(path.name)
    assert set(both) <= {"translate.py"}, f"only translate.py may map mypy types to dims: {both}"
