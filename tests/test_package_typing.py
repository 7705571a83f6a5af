"""``mypy --strict`` is clean on the package, and plain mypy (no plugin) on the examples."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_package_is_mypy_strict_clean() -> None:
    out, err, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "tests" / "mypy-strict.ini"),
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "strict"),
            str(ROOT / "typedflux"),
            str(ROOT / "mypy_plugin"),
            # The optional PyTorch extra is checked where its dependency is installed (CI).
            *([] if importlib.util.find_spec("torch") else ["--exclude", "typedflux/torch/"]),
        ]
    )
    assert status == 0, out + err
