"""Odd but valid programs through the mypy plugin: no crash, no message, and they run.

Each file of ``odd_programs/`` is a correct program written against the modules the plugin
gained for list counts, DataLoader batches, replaced layers, index tensors, data made from
tensors, union operands, attribute owners and ``@tf.shapecheck`` on ``async def``, in the
shapes Python allows but models rarely take (walrus, ``match``, star targets, nested and
recursive classes, metaclasses, class decorators, ``TYPE_CHECKING``, overloads, ``del``,
``global``/``nonlocal``, comprehensions shadowing names, slice assignment, ``super()`` in odd
places). mypy with the plugin must report nothing (an ``INTERNAL ERROR``, a
``shape-internal`` note or any false alarm fails), and each program must run, so "nothing
to report" is the right answer.
"""

from __future__ import annotations

import contextlib
import io
import os
import runpy
import typing
from pathlib import Path

import pytest
from mypy import api

from program_lines import mypy_cache

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PROGRAMS = sorted((HERE / "odd_programs").glob("*.py"))


def test_there_are_programs() -> None:
    assert len(PROGRAMS) >= 40


def test_the_plugin_reports_nothing() -> None:
    old = os.environ.get("MYPYPATH")
    os.environ["MYPYPATH"] = str(HERE / "odd_programs")
    try:
        stdout, stderr, status = api.run([
            "--config-file", str(ROOT / "tests" / "corpus" / "mypy.ini"),
            "--cache-dir", str(mypy_cache("odd-programs")),
            "--no-error-summary", "--show-error-codes", "--hide-error-context",
            *map(str, PROGRAMS)])
    finally:
        if old is None:
            del os.environ["MYPYPATH"]
        else:
            os.environ["MYPYPATH"] = old
    assert "Traceback" not in stderr and "INTERNAL ERROR" not in stdout, stdout + stderr
    assert (stdout, status) == ("", 0), stdout


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_the_program_runs(program: Path) -> None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            runpy.run_path(str(program), run_name="__main__")
    finally:
        registry = getattr(typing, "_overload_registry", None)
        if isinstance(registry, dict):  # each program's @overloads live under __main__
            registry.pop("__main__", None)
