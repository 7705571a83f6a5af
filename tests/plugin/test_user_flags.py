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


# Sizes read from a known tensor's shape, as correct programs use them: rank-guarded reads and
# unpacking, size tests (--strict's strict equality), a shape of unknown rank given where a
# sized one was inferred. Plain mypy types every shape ``tuple[Any, ...]``; the plugin's sized
# tuples must add none of these errors of mypy's (reworded.py's _RANK_GUARDED and _ANY_RANK).
SIZES = """import typedflux as tf

x = tf.randn(4, 8)
if x.ndim > 2:
    channels = x.shape[2]
h = x.shape[-3] if x.ndim >= 3 else 1
if x.ndim == 3:
    b, t, d = x.shape
if x.shape[1] != 16:
    x = tf.pad(x, ((0, 0), (0, 8)))
g = tf.zeros(2, 8)
for i in range(2):
    g = g.reshape(2, 2, -1)
n, m, k = g.shape


class Stats:
    def __init__(self) -> None:
        self.last = x.shape

    def see(self, u: tf.Tensor) -> None:
        self.last = u.shape


s = Stats()
s.see(tf.randn(2, 3, 4))
print(h, s.last, n, m, k)
"""


def test_sizes_read_from_shapes_add_no_error_of_mypys(tmp_path: Path) -> None:
    (tmp_path / "program.py").write_text(SIZES)
    run = _mypy(tmp_path)
    assert run.returncode == 0, run.stdout
    done = subprocess.run([sys.executable, "program.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_a_tuple_of_the_users_own_keeps_mypys_errors(tmp_path: Path) -> None:
    (tmp_path / "program.py").write_text(
        "import typedflux as tf\n\nt = (1, 2)\nc = t[2]\na, b, d = t\n"
        "x = tf.randn(4, 8)\nn = x.shape[2]\n")
    run = _mypy(tmp_path)
    assert "program.py:4: error: Tuple index out of range" in run.stdout, run.stdout
    assert "program.py:5: error: Need more than 2 values to unpack" in run.stdout, run.stdout
    # (An unguarded read past a known rank is not mypy's error with the plugin: the run time
    # raises there; a guard mypy cannot narrow by looks the same.)
    assert "program.py:7" not in run.stdout, run.stdout
