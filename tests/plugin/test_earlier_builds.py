"""A process that runs mypy again and again (the test suite's in-process runs, mypy's
daemon) keeps no earlier build alive through the plugin: every table the plugin keeps of
mypy's trees, symbols or types is emptied at the next build (per_build.forget_each_build).
One tree kept is enough to keep its whole build (every module, symbol and type: ~80 MB for a
case file), and each full garbage collection then walks every build kept."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import List, Tuple

from mypy import api
from mypy.nodes import MypyFile, TypeInfo

# What reads a module's tree once and keeps it (statements.PerTree: module constants, class
# and instance constants, a subclass overriding a method, a name rebound, layer attributes).
PROGRAM = """from typing import Any

import typedflux as tf
from typedflux import Dense, Tensor

WIDTH = 8


class Block:
    def __init__(self, d: int) -> None:
        self.width = 4
        self.up = Dense(d, WIDTH)
        self.down = Dense(WIDTH, d)

    def __call__(self, x: Tensor[Any, Any]) -> Tensor[Any, Any]:
        return self.down(self.up(x))


class Wider(Block):
    def __call__(self, x: Tensor[Any, Any]) -> Tensor[Any, Any]:
        return self.up(x)


x = tf.zeros(2, WIDTH)
x = Block(WIDTH)(x)
y = Wider(WIDTH)(tf.zeros(2, 3))
z = Dense(WIDTH, 3)(tf.zeros(2, 3))
"""


def _alive() -> Tuple[int, int]:
    """How many builds' ``builtins`` module and ``builtins.object`` class are alive."""
    gc.collect()
    objects = gc.get_objects()
    files = sum(1 for o in objects if type(o) is MypyFile and o.fullname == "builtins")
    infos = sum(1 for o in objects if type(o) is TypeInfo and o.fullname == "builtins.object")
    return files, infos


def test_no_earlier_build_is_kept(tmp_path: Path) -> None:
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n")
    model = tmp_path / "model.py"
    args = ["--config-file", str(tmp_path / "mypy.ini"), "--cache-dir", str(tmp_path / "cache"),
            str(model)]
    counts: List[Tuple[int, int]] = []
    for build in range(4):
        # (edited each time: the module is checked again, its imports come from the cache)
        model.write_text(f"# build {build}\n{PROGRAM}")
        stdout, stderr, _status = api.run(args)
        assert "model.py:28: error:" in stdout and "[shape]" in stdout, stdout + stderr
        counts.append(_alive())
    # Only the last build stays alive (until the next one), and whatever this process kept
    # before the first run: each build after the first adds nothing (before the fix: one more
    # build alive after each run, (1, 1), (2, 2), (3, 3), (4, 4) in a fresh process).
    assert all(files <= counts[0][0] and infos <= counts[0][1] for files, infos in counts), counts
