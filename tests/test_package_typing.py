"""``mypy --strict`` is clean on the package, and plain mypy (no plugin) on the examples."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from mypy import api

from program_lines import mypy_cache

ROOT = Path(__file__).resolve().parents[1]


def test_package_is_mypy_strict_clean() -> None:
    out, err, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "tests" / "mypy-strict.ini"),
            "--cache-dir",
            str(mypy_cache("strict")),
            str(ROOT / "typedflux"),
            str(ROOT / "mypy_plugin"),
            # The optional PyTorch extra is checked where its dependency is installed (CI).
            *([] if importlib.util.find_spec("torch") else ["--exclude", "typedflux/torch/"]),
        ]
    )
    assert status == 0, out + err


def test_package_is_strict_clean_under_its_own_configuration() -> None:
    # What a maintainer types in the repository: pyproject.toml's settings (the plugin on,
    # Python 3.11), so ignores that only one configuration needs carry ``unused-ignore``.
    out, err, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(mypy_cache("strict-project")),
            "-p",
            "typedflux",
            "-p",
            "mypy_plugin",
            *([] if importlib.util.find_spec("torch") else ["--exclude", "typedflux/torch/"]),
        ]
    )
    assert status == 0, out + err
