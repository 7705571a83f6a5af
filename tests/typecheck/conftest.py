"""Runs mypy ONCE per pytest session over every case file; ``--update-snapshots`` rewrites.

Case files (``case_*.py``) are not imported by pytest's doctest collection: they raise
ShapeError at run time by design.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List

import pytest

from program_lines import mypy_cache
from typecheck_snapshots import CASES, Expectation, parse_mypy_output

HERE = Path(__file__).resolve().parent

collect_ignore_glob = ["case_*.py"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite the # E: / # N: expectations of tests/typecheck/case_*.py from mypy",
    )


@pytest.fixture(scope="session")
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    """Whether to rewrite expectations: the flag or ``TYPEDFLUX_UPDATE=1``."""
    flag = bool(request.config.getoption("--update-snapshots", default=False))
    return flag or os.environ.get("TYPEDFLUX_UPDATE") == "1"


@pytest.fixture(scope="session")
def mypy_results() -> Dict[Path, Dict[int, List[Expectation]]]:
    """mypy's messages for every case file, by file and line (one mypy run)."""
    from mypy import api

    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(HERE / "mypy.ini"),
            "--cache-dir",
            str(mypy_cache("typecheck")),
            "--no-error-summary",
            "--hide-error-context",
            "--no-pretty",
            "--no-color-output",
            *map(str, CASES),
        ]
    )
    if status not in (0, 1) or "Traceback" in stderr or "INTERNAL ERROR" in stdout:
        raise RuntimeError(f"mypy crashed (status {status}):\n{stdout}\n{stderr}")
    return parse_mypy_output(stdout, CASES)
