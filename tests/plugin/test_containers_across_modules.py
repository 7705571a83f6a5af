"""A module's inferred list or dict of layers or tensors, grown from another module.

``lib.heads["c"] = Dense(8, 4)`` on ``heads = {"a": Dense(8, 2)}`` defined in ``lib`` is as
legal as the same assignment in ``lib`` itself: no annotation was written, so the plugin must
not report one (it said ``Assigned layer ... annotation Dense[8, 2] of "lib.heads[...]"``).
A container declared in the other module still holds its type.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List

LIB = """
    from typing import Dict
    import typedflux as tf
    from typedflux import Dense, Tensor

    heads = {"a": Dense(8, 2)}
    feats = [tf.randn(2, 8)]
    fixed: Dict[str, Tensor[2, 8]] = {}
"""

MAIN = """
    import lib
    from lib import feats, heads
    import typedflux as tf
    from typedflux import Dense

    heads["b"] = Dense(8, 3)
    lib.heads["c"] = Dense(8, 4)
    lib.heads.update(d=Dense(8, 5))
    feats.append(tf.randn(2, 5))
    lib.feats.append(tf.randn(2, 6))
    lib.feats[0] = tf.randn(2, 7)
    print(Dense(18, 1)(tf.cat(*lib.feats, axis=1)).shape)
    for k in lib.heads:
        print(lib.heads[k](tf.randn(1, 8)).shape)
    print(Dense(5, 1)(feats[1]).shape)
    lib.fixed["x"] = tf.randn(2, 9)
"""


def _write(tmp: Path) -> Path:
    (tmp / "lib.py").write_text(textwrap.dedent(LIB).lstrip())
    (tmp / "main.py").write_text(textwrap.dedent(MAIN).lstrip())
    (tmp / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n")
    return tmp / "main.py"


def _mypy(tmp: Path, main: Path) -> List[str]:
    from mypy import api

    stdout, _, _ = api.run(
        ["--config-file", str(tmp / "mypy.ini"), "--cache-dir", str(tmp / "cache"),
         "--show-error-codes", "--no-error-summary", str(main)]
    )
    return [line.replace(f"{tmp}{os.sep}", "") for line in stdout.splitlines()]


def test_another_modules_inferred_containers_take_any_size(tmp_path: Path) -> None:
    main = _write(tmp_path)
    said = _mypy(tmp_path, main)
    assert said == [
        'main.py:16: error: Assigned shape Tensor[2, 9] does not match the annotation '
        'Tensor[2, 8] of "lib.fixed[...]": axis 1 is 9, expected 8  [shape]'
    ]
    # The program runs: every line mypy accepted is legal.
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    ran = subprocess.run([sys.executable, str(main)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    assert ran.stdout.splitlines()[0] == "(2, 1)"
