"""The program's call rewrites that keep every bit (compiler/peephole.py): a ReLU's
``np.maximum(a, 0)`` reads a zeros array of ``a``'s shape (numpy's SIMD loop) and gives
exactly the eager bits, special values included; other maximums are left as recorded."""

from __future__ import annotations

from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.compiler.peephole import _maximum_agrees, sharpen
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import CONST, Step, Var


def _specials(dtype: Any, n: int = 40) -> np.ndarray[Any, Any]:
    bits = np.dtype(f"u{np.dtype(dtype).itemsize}")
    nan = np.array([np.nan], dtype).view(bits)
    sign = np.array([-0.0], dtype).view(bits)
    odd = np.concatenate([nan | sign, nan + 3]).view(dtype)  # a negative NaN, a payload
    info = np.finfo(dtype)
    base = np.concatenate([np.array([0.0, -0.0, 2.5, -2.5, np.inf, -np.inf, np.nan,
                                     info.smallest_subnormal, -info.smallest_subnormal,
                                     info.max, -info.max], dtype), odd])
    return np.resize(base, n).reshape(-1, 4 if n % 4 == 0 else 1)


def _maximum_steps(steps: List[Step]) -> List[Step]:
    return [s for s in steps if s.fn is np.maximum]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_relu_reads_a_zeros_array_and_gives_the_eager_bits(dtype: Any) -> None:
    def t(a: np.ndarray[Any, Any]) -> Any:
        return tf.tensor(a, dtype=tf.float64 if dtype is np.float64 else tf.float32)

    x = t(_specials(dtype))
    f = tf.compile(lambda x: tf.relu(x * 1.0), fallback=False)
    with np.errstate(invalid="ignore"):
        first = f(x)
        again = f(t(_specials(dtype)[::-1].copy()))
        want = tf.relu(t(_specials(dtype)[::-1].copy()) * 1.0)
    assert first.data.tobytes() == tf.relu(x * 1.0).data.tobytes()
    assert again.data.tobytes() == want.data.tobytes()
    entry = next(iter(f._entries.values()))[0]
    (step,) = _maximum_steps(entry.program.steps)
    zeros = step.args[1]
    assert isinstance(zeros, Var) and zeros.kind == CONST
    assert zeros.arr.shape == x.shape and not zeros.arr.any() and not zeros.arr.flags.writeable


def test_a_compiled_relu_network_trains_exactly_as_eagerly() -> None:
    def make() -> Any:
        tf.seed(0)
        return tf.Chain(tf.Dense(20, 32, tf.relu), tf.Dense(32, 16, tf.relu), tf.Dense(16, 3))

    def run(compiled: bool) -> Any:
        model = make()
        state = tf.setup(tf.Descent(0.1), model)

        def step(model: Any, x: Any) -> Any:
            loss, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(x), tf.zeros(8, 3)), model)
            tf.update(state, model, g)
            return loss

        f: Callable[..., Any] = tf.compile(step, fallback=False) if compiled else step
        r = np.random.default_rng(4)
        losses = [f(model, tf.tensor(r.standard_normal((8, 20)).astype(np.float32))).item()
                  for _ in range(4)]
        return losses, [p.data.copy() for p in tf.params(model)], f

    eager, compiled = run(False), run(True)
    assert eager[0] == compiled[0]
    assert all(a.tobytes() == b.tobytes() for a, b in zip(eager[1], compiled[1]))
    entry = next(iter(compiled[2]._entries.values()))[0]
    found = _maximum_steps(entry.program.steps)
    assert len(found) == 2 and all(s.args[1].kind == CONST for s in found)


def _recorded(fn: Callable[[Any], Any], x: np.ndarray[Any, Any]) -> List[Step]:
    rec = Recorder()
    with rec:
        fn(rec.input(x, "x"))
    return sharpen(rec, rec.steps)


@pytest.mark.parametrize("fn", [
    lambda a: np.maximum(a * 1.0, 1.0),        # not zero
    lambda a: np.maximum(a * 1.0, -0.0),       # a negative zero: left as written
    lambda a: np.maximum((a * 1.0)[:, ::2], 0),  # not contiguous
    lambda a: np.maximum(a * 1.0, a),          # two arrays already
], ids=["one", "negative-zero", "strided", "arrays"])
def test_other_maximums_are_left_as_recorded(fn: Callable[[Any], Any]) -> None:
    (step,) = _maximum_steps(_recorded(fn, np.ones((4, 6), np.float32)))
    other = step.args[1]
    assert not (isinstance(other, Var) and other.kind == CONST and other.arr.ndim)


def test_integer_and_half_maximums_are_left_as_recorded() -> None:
    for x in (np.ones((4, 6), np.int32), np.ones((4, 6), np.float16)):
        (step,) = _maximum_steps(_recorded(lambda a: np.maximum(a + a, 0), x))
        assert not isinstance(step.args[1], Var) or step.args[1].arr.ndim == 0


def test_both_float_dtypes_agree_on_every_special_value() -> None:
    assert _maximum_agrees(np.dtype(np.float32)) and _maximum_agrees(np.dtype(np.float64))
