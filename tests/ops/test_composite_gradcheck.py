"""Finite-difference gradient checks of issue 14's composite ops (float64).

``tests/ops/test_gradcheck.py`` walks the registry of primitives; the ops below are
composites (``@composite``: built from primitives, with a shape rule of their own), so their
gradients are the primitives' VJPs put together. This checks the whole, as a user calls it:
for a random cotangent ``u`` of each output and a random direction ``v``, ``<grad <u, f>, v>``
equals the central difference of ``<u, f>`` along ``v``.
"""

from __future__ import annotations

from typing import Any, Callable, List, Sequence, Tuple

import numpy as np
import pytest

import typedflux as tf

EPS = 1e-6
R = np.random.default_rng(14)


def _outputs(y: Any) -> List[Any]:
    return list(y) if isinstance(y, (tuple, list)) else [y]


CASES: List[Tuple[str, Callable[..., Any], Sequence[Tuple[int, ...]]]] = [
    ("split", lambda x: tf.split(x, (1, 3, 2)), [(4, 6)]),
    ("split-axis0", lambda x: tf.split(x, (2, 1), axis=0), [(3, 5)]),
    ("chunk", lambda x: tf.chunk(x, 3, axis=0), [(6, 2)]),
    ("repeat", lambda x: tf.repeat(x, 2, 3), [(2, 3)]),
    ("gather", lambda x: tf.gather(x, 1, tf.tensor([[0, 2, 2], [1, 1, 0]])), [(2, 3)]),
    ("std", lambda x: tf.std(x, axis=1), [(3, 5)]),
    ("std-all", lambda x: tf.std(x), [(3, 4)]),
    ("qkv-heads", lambda x: [tf.rearrange(p, "b t (h d) -> b h t d", h=2)
                             for p in tf.split(x, (4, 4, 4))], [(2, 3, 12)]),
]


@pytest.mark.parametrize("name, f, shapes", CASES, ids=[c[0] for c in CASES])
def test_gradient_matches_finite_differences(
    name: str, f: Callable[..., Any], shapes: Sequence[Tuple[int, ...]]
) -> None:
    base = [R.standard_normal(s) for s in shapes]
    first = _outputs(f(*[tf.Tensor(b, dtype=np.float64) for b in base]))
    us = [R.standard_normal(y.shape) for y in first]
    vs = [R.standard_normal(s) for s in shapes]

    def scalar(*xs: Any) -> Any:
        total = None
        for y, u in zip(_outputs(f(*xs)), us):
            term = (y * tf.Tensor(u, dtype=np.float64)).sum()
            total = term if total is None else total + term
        return total

    grads = tf.gradient(scalar, *[tf.Tensor(b, dtype=np.float64) for b in base])
    analytic = sum(float(np.sum(g.numpy() * v)) for g, v in zip(grads, vs))
    for g, b in zip(grads, base):
        assert g.shape == b.shape and g.dtype == np.float64

    def at(sign: float) -> float:
        xs = [tf.Tensor(b + sign * EPS * v, dtype=np.float64) for b, v in zip(base, vs)]
        return float(scalar(*xs).item())

    numeric = (at(1.0) - at(-1.0)) / (2 * EPS)
    assert analytic == pytest.approx(numeric, rel=1e-6, abs=1e-8), name
