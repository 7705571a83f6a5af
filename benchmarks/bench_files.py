"""The files ``bench_mypy`` type-checks in a tree: ``examples/*.py`` and
``tests/typecheck/case_*.py``, less those plain mypy crashes on. Shared by run.py's
``mypy_targets`` and plugin_ab.py (which lists them in each tree it times), so the two
measure the same files. No imports beyond the standard library: plugin_ab.py reads another
revision's constants without importing its run.py.

>>> from pathlib import Path
>>> bench_files(Path("/nonexistent"), frozenset())
[]
"""

from __future__ import annotations

from pathlib import Path
from typing import AbstractSet, List


def bench_files(root: Path, crashes: AbstractSet[str]) -> List[str]:
    """bench_mypy's files in the tree ``root`` (paths under it, sorted), less the case files
    named in ``crashes``."""
    files = sorted(str(p) for p in (root / "examples").glob("*.py"))
    files += sorted(str(p) for p in (root / "tests" / "typecheck").glob("case_*.py")
                    if p.name not in crashes)
    return files
