"""The test tree runs piecewise (docs/internals.md, "Running the tests"): any set of test
folders runs together, and every helper module a test imports by name is found, whichever
folders were given."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"


def _imported_names(path: Path) -> Set[str]:
    found: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _helpers() -> Dict[str, List[Path]]:
    """Modules under tests/ that some test file imports by bare name, by that name."""
    files = [p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts]
    imported: Set[str] = set()
    for path in files:
        imported |= _imported_names(path)
    out: Dict[str, List[Path]] = {}
    for path in files:
        if path.stem in imported and path.name != "conftest.py":
            out.setdefault(path.stem, []).append(path)
    return out


def test_helper_folders_are_on_the_pythonpath(pytestconfig: pytest.Config) -> None:
    listed = {Path(p).resolve() for p in pytestconfig.getini("pythonpath")}
    helpers = _helpers()
    assert "mypy_run" in helpers and "zoo" in helpers  # the scan finds what tests import
    missing = sorted({str(p.parent.relative_to(ROOT)) for ps in helpers.values() for p in ps
                      if p.parent.resolve() not in listed})
    assert not missing, f"add to pythonpath in pyproject.toml's [tool.pytest.ini_options]: {missing}"
    twice = {name: [str(p.relative_to(ROOT)) for p in ps] for name, ps in helpers.items()
             if len(ps) > 1}
    assert not twice, f"helper modules share a name (one would shadow the other): {twice}"


def test_two_folders_with_a_conftest_collect_together() -> None:
    # The failure this layout fixes: two conftest.py files in one run were both imported as
    # "conftest" by --doctest-modules ("import file mismatch").
    with_conftest = sorted(p.parent for p in TESTS.glob("*/conftest.py"))
    assert len(with_conftest) >= 2
    args = [str(p.relative_to(ROOT)) for p in with_conftest]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
