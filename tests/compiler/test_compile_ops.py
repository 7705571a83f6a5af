"""Every primitive in the registry records and replays: on each gradient-check example, a
compiled ``withgradient`` (forward, VJP, the tape's accumulation) gives the eager value and
gradients bit for bit, on the recording's inputs and on new ones. Driven by the registry, so
a primitive added later is held to it at once (a kernel that turns a recorded array into a
plain one fails here, naming the file and line)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ops"))
from test_gradcheck import _call, _cases, _slots, _value  # noqa: E402

from typedflux.ops.registry import Primitive  # noqa: E402


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return a.dtype == b.dtype and a.shape == b.shape and bool(
        np.array_equal(a.numpy(), b.numpy(), equal_nan=True))


@pytest.mark.parametrize("prim, args", _cases())
def test_compiled_primitive_equals_eager(prim: Primitive, args: Tuple[Any, ...]) -> None:
    slots = _slots(prim, args)
    base = [_value(args[i] if j < 0 else args[i][j]) for i, j in slots]
    rng = np.random.default_rng(11)
    probe = _call(prim, args, slots, [tf.Tensor(b, dtype=np.float64) for b in base])
    weight = tf.Tensor(rng.standard_normal(probe.shape), dtype=np.float64)

    def loss(*xs: Any) -> Any:
        out = _call(prim, args, slots, list(xs))
        if out.dtype.kind != "f":
            return out
        return (out * weight).sum()

    if prim.spec.differentiable:
        def run(*xs: Any) -> Any:
            return tf.withgradient(loss, *xs)
    else:
        run = loss
    compiled = tf.compile(run, fallback=False)
    for shift in (0.0, 0.25):
        xs: List[Any] = [tf.Tensor(b + shift, dtype=np.float64) for b in base]
        want = run(*xs)
        got = compiled(*xs)
        if prim.spec.differentiable:
            assert _same(got[0], want[0])
            assert all(_same(g, w) for g, w in zip(got[1], want[1]))
        else:
            assert _same(got, want)
    assert compiled.stats()["replays"] == 1
