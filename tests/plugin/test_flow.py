"""Values followed through loops and conditions (mypy_plugin/flow.py): the evaluator computes
what Python does (the snapshot case under ``--strict``: test_boundaries.py's strict cases); and
what flow follows is the same whether mypy's cache holds the modules or not."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import List, Tuple

from mypy.nodes import ARG_POS, CallExpr, IndexExpr, IntExpr, ListExpr, NameExpr, OpExpr, SliceExpr

from mypy_plugin.flow_values import NOT_STATIC, Seq, evaluate, iterate


def _builtin(name: str) -> NameExpr:
    n = NameExpr(name)
    n.fullname = f"builtins.{name}"
    return n


def test_zip_of_a_list_and_its_tail_pairs_neighbours() -> None:
    sizes = ListExpr([IntExpr(784), IntExpr(256), IntExpr(10)])
    tail = IndexExpr(sizes, SliceExpr(IntExpr(1), None, None))
    pairs = evaluate(CallExpr(_builtin("zip"), [sizes, tail], [ARG_POS, ARG_POS], [None, None]), {},
                     lambda e: NOT_STATIC, set())
    assert pairs == ((784, 256), (256, 10))
    assert iterate(pairs) == pairs


def test_what_is_not_known_stays_unknown() -> None:
    unknown = NameExpr("n")
    assert evaluate(OpExpr("+", unknown, IntExpr(1)), {}, lambda e: NOT_STATIC, set()) is NOT_STATIC
    r = CallExpr(_builtin("range"), [unknown], [ARG_POS], [None])
    assert iterate(evaluate(r, {}, lambda e: NOT_STATIC, set())) is None
    assert evaluate(OpExpr("//", IntExpr(1), IntExpr(0)), {}, lambda e: NOT_STATIC, set()) is NOT_STATIC


def test_a_list_grows_by_concatenation() -> None:
    v = evaluate(OpExpr("+", ListExpr([IntExpr(1)]), ListExpr([IntExpr(2)])), {},
                 lambda e: NOT_STATIC, set())
    assert v == Seq((1, 2))


# A model split across modules: the classes and helpers in models.py, the script in train.py.
MODELS = """
    import typedflux as tf
    from typedflux import Dense, relu


    class MLP:
        def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
            self.body = Dense(d_in, hidden, relu)
            self.head = Dense(hidden, n_out)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.head(self.body(x))


    def encode(x: tf.Tensor) -> tf.Tensor:
        return Dense(30, 16)(x)


    def positions(n: int, d: int) -> tf.Tensor:
        return tf.zeros(n, d)


    model = MLP(6, 16, 3)
"""
TRAIN = """
    import typedflux as tf
    from typedflux import Dense, relu

    from models import MLP, encode, model, positions


    class Local:
        def __init__(self, d_in: int, n_out: int) -> None:
            self.head = Dense(d_in, n_out, relu)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.head(x)


    def local_positions(n: int, d: int) -> tf.Tensor:
        return tf.zeros(n, d)


    Dense(4, 2)(Local(6, 3)(tf.randn(5, 6)))
    tf.randn(3, 8) + local_positions(4, 8)
    Dense(4, 2)(MLP(6, 16, 3)(tf.randn(5, 6)))
    Dense(4, 2)(model(tf.randn(5, 6)))
    Dense(4, 2)(encode(tf.randn(5, 30)))
    tf.randn(3, 8) + positions(4, 8)
"""


def _mypy_run(tmp: Path) -> Tuple[List[str], str]:
    from mypy import api

    out, err, _ = api.run(["--config-file", str(tmp / "mypy.ini"), "--cache-dir",
                           str(tmp / "cache"), "--show-error-codes", "--no-error-summary", "-v",
                           str(tmp / "train.py"), str(tmp / "models.py")])
    return [line.replace(f"{tmp}{os.sep}", "") for line in out.splitlines()], err


def test_modules_split_give_the_same_output_with_and_without_a_cache(tmp_path: Path) -> None:
    # Flow follows bodies in the module being checked only (mypy's cache keeps no bodies of an
    # unchanged module): what it reports must not depend on whether models.py comes from the
    # cache (an incremental run after an edit of train.py) or is parsed afresh.
    (tmp_path / "models.py").write_text(textwrap.dedent(MODELS).lstrip())
    (tmp_path / "train.py").write_text(textwrap.dedent(TRAIN).lstrip())
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n")
    cold, _ = _mypy_run(tmp_path)
    with (tmp_path / "train.py").open("a") as f:
        f.write("# an edit: train.py is checked again, models.py read from the cache\n")
    warm, log = _mypy_run(tmp_path)
    assert "Metadata fresh for models" in log
    assert cold == warm
    # The same-module instance and def are followed (so the comparison is not of two silences).
    assert cold == [
        "train.py:19: error: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[5, 3]; "
        "need size 4 at axis -1 (got 3)  [shape]",
        'train.py:20: error: Cannot broadcast for "add": x has Tensor[3, 8], y has '
        "Tensor[4, 8]; need equal sizes or 1 at axis -2 (3 vs 4)  [shape]",
    ]
