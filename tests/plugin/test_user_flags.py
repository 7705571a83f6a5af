"""Flags users turn on (``--strict``) add no error that only the plugin makes: a correct
shaped program is clean under ``mypy --strict`` with the plugin (plain mypy cannot read
``Tensor[2, 5, 32]`` at all, so it is no baseline here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROGRAM = """from typing import TypeVar, cast

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def batch(x: Tensor[B, 4]) -> int:
    return x.shape[0]


x = tf.randn(2, 5, 32)
# Redundant only because the plugin computed the shape: written for plain mypy and editors.
y = cast(Tensor[2, 5, 32], Dense(32, 32)(x))
z = cast("Tensor[2, 5, 32] | None", Dense(32, 32)(x))
print(y.shape, z is None, batch(tf.randn(3, 4)))
"""


def _mypy(tmp: Path) -> subprocess.CompletedProcess[str]:
    (tmp / "mypy.ini").write_text(
        "[mypy]\nplugins = mypy_plugin\n[mypy-typedflux.*]\nfollow_imports = silent\n")
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "program.py"], cwd=tmp, capture_output=True, text=True, timeout=300)


def test_a_correct_shaped_program_is_clean_under_strict(tmp_path: Path) -> None:
    (tmp_path / "program.py").write_text(PROGRAM)
    run = _mypy(tmp_path)
    assert run.returncode == 0, run.stdout


def test_a_cast_that_is_redundant_without_the_plugin_is_still_reported(tmp_path: Path) -> None:
    # Only casts to Tensor types are let through: mypy's own redundant casts stay.
    (tmp_path / "program.py").write_text("from typing import cast\n\nn = cast(int, 3)\n")
    run = _mypy(tmp_path)
    assert "Redundant cast to \"int\"  [redundant-cast]" in run.stdout, run.stdout
