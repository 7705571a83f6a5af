"""The plugin under the mypy daemon and incremental mode: edits are re-checked, not cached stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUG = "import typedflux as tf\ny = tf.zeros(3, 4) @ tf.zeros(5, 6)\n"
FIXED = "import typedflux as tf\ny = tf.zeros(3, 4) @ tf.zeros(4, 6)\n"
MESSAGE = 'Inner dimensions differ for "matmul"'


def _write_config(tmp: Path) -> None:
    (tmp / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n")


def test_daemon_rechecks_an_edited_file(tmp_path: Path) -> None:
    _write_config(tmp_path)
    target = tmp_path / "model.py"
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    try:
        target.write_text(BUG)
        first = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=180)
        assert MESSAGE in first.stdout, first.stdout + first.stderr
        target.write_text(FIXED)
        second = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=180)
        assert second.returncode == 0 and MESSAGE not in second.stdout, second.stdout
    finally:
        subprocess.run([*dmypy, "stop"], cwd=tmp_path, capture_output=True, timeout=60)


def test_incremental_cache_reports_again_on_a_warm_run(tmp_path: Path) -> None:
    _write_config(tmp_path)
    (tmp_path / "model.py").write_text(BUG)
    cmd = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "model.py"]
    cold = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    warm = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert MESSAGE in cold.stdout and cold.stdout == warm.stdout


def test_daemon_reads_a_class_turned_into_a_tensor_alias(tmp_path: Path) -> None:
    # The plugin keeps "no hook" for a plain class's name for one build (mypy asks for every
    # name in every annotation); an edit that makes the name a Tensor alias must be read anew.
    _write_config(tmp_path)
    target = tmp_path / "model.py"
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    header = "from typing import TypeVar\nimport typedflux as tf\nfrom typedflux import Tensor\n"
    try:
        target.write_text(header + "class Vec:\n    pass\n\ndef f(x: Vec) -> None: ...\n")
        first = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=180)
        assert first.returncode == 0, first.stdout + first.stderr
        target.write_text(header + 'N = TypeVar("N", bound=int)\nVec = Tensor[N]\n\n'
                          "def f(x: Vec[4]) -> None: ...\n\nf(tf.zeros(4))\n")
        second = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=180)
        assert second.returncode == 0, second.stdout + second.stderr
    finally:
        subprocess.run([*dmypy, "stop"], cwd=tmp_path, capture_output=True, timeout=60)


def test_daemon_reads_a_class_turned_into_one_over_dims(tmp_path: Path) -> None:
    # The plugin keeps per build which parameter types hold no class over dims (calls.py,
    # generic_dims.py: asked at every call); an edit that bounds the class's TypeVar by int
    # makes the same annotations a class over dims, whose calls bind their dims.
    _write_config(tmp_path)
    target = tmp_path / "model.py"
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    source = ("from typing import Generic, Literal, TypeVar\n{tvar}\n\n"
              "class Box(Generic[N]):\n    pass\n\n"
              "def put(a: Box[N], b: Box[N]) -> None: ...\n\n"
              "x: Box[Literal[3]] = Box()\ny: Box[Literal[4]] = Box()\nput(x, y)\n")
    try:
        target.write_text(source.format(tvar='N = TypeVar("N", covariant=True)'))
        first = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=180)
        assert first.returncode == 0, first.stdout + first.stderr
        target.write_text(source.format(tvar='N = TypeVar("N", bound=int, covariant=True)'))
        second = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=180)
        assert 'Dim "N" differs' in second.stdout, second.stdout + second.stderr
    finally:
        subprocess.run([*dmypy, "stop"], cwd=tmp_path, capture_output=True, timeout=60)


def test_daemon_reads_a_function_turned_into_an_overload(tmp_path: Path) -> None:
    # The plugin keeps one signature hook per function name and its getters' answers per
    # build; an edit that makes the function an overload (one item takes the call's shapes)
    # must be read anew, not checked as the single signature it was.
    _write_config(tmp_path)
    target = tmp_path / "model.py"
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    header = ("from typing import TypeVar, overload\nimport typedflux as tf\n"
              "from typedflux import Tensor\n\nN = TypeVar('N', bound=int)\n\n")
    single = "def head(x: Tensor[N, 4]) -> Tensor[N]: ...\n"
    overloaded = ("@overload\ndef head(x: Tensor[N, 4]) -> Tensor[N]: ...\n"
                  "@overload\ndef head(x: Tensor[N, 5]) -> Tensor[N]: ...\n"
                  "def head(x: Tensor) -> Tensor:\n    return x\n")
    call = "\nhead(tf.zeros(3, 5))\n"
    try:
        target.write_text(header + single + call)
        first = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=180)
        assert "[shape]" in first.stdout, first.stdout + first.stderr
        target.write_text(header + overloaded + call)
        second = subprocess.run([*dmypy, "run", "--", "model.py"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=180)
        assert second.returncode == 0, second.stdout + second.stderr
    finally:
        subprocess.run([*dmypy, "stop"], cwd=tmp_path, capture_output=True, timeout=60)


def test_getters_answer_from_a_memo_forgotten_each_build() -> None:
    # mypy calls the getters on the instance: each is a per-build dict's lookup
    # (mypy_plugin._PerBuild), emptied by set_modules (a new build, the daemon after an edit).
    from mypy.options import Options

    import mypy_plugin

    plugin = mypy_plugin.TypedfluxPlugin(Options())
    plugin.set_modules({})
    hook = plugin.get_function_hook("pkg.helper")
    assert hook is not None and plugin.get_function_hook("pkg.helper") is hook
    memo = plugin._per_build["get_function_hook"]
    assert memo.get("pkg.helper") is hook
    plugin.set_modules({})
    assert "pkg.helper" not in memo
