"""Generators of gradient-check examples, for ``@p.examples`` next to a primitive's forward
and VJP (tests/ops/test_gradcheck.py checks every primitive on its examples).

Examples are argument tuples in spec order, with float64 numpy arrays for the inputs to
differentiate. These helpers draw values from a fixed seed, so every run checks the same
examples, and keep away from kinks and ties where finite differences mislead.

>>> [tuple(a.shape for a in args if hasattr(a, "shape")) for args in unary()][:2]
[((),), ((3,),)]
>>> len(grid()), grid()[-1][0]
(18, 1.5)
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, List, Tuple

import numpy as np

__all__ = ["GRID_SHAPES", "rng", "normal", "positive", "separated", "distinct", "grid", "unary"]

Args = Tuple[Any, ...]
Gen = Callable[[Tuple[int, ...], np.random.Generator], Any]

# Operand shapes of binary ops: every broadcast-compatible pair of them is an example.
GRID_SHAPES = [(), (2,), (3, 2), (1, 2)]


def rng() -> np.random.Generator:
    """A generator with typedflux's fixed example seed.

    >>> rng().standard_normal() == rng().standard_normal()
    True
    """
    return np.random.default_rng(1234)


def normal(shape: Tuple[int, ...], r: np.random.Generator) -> Any:
    """Standard normal values.

    >>> normal((2,), rng()).shape
    (2,)
    """
    return np.asarray(r.standard_normal(shape))


def positive(shape: Tuple[int, ...], r: np.random.Generator) -> Any:
    """Values in [0.5, 2): for logarithms, roots and divisors.

    >>> bool((positive((5,), rng()) >= 0.5).all())
    True
    """
    return np.asarray(r.uniform(0.5, 2.0, shape))


def separated(shape: Tuple[int, ...], r: np.random.Generator) -> Any:
    """Values at least 0.1 away from 0, where relu-like kinks would spoil finite differences.

    >>> bool((abs(separated((5,), rng())) >= 0.1).all())
    True
    """
    v = r.uniform(0.1, 2.0, shape)
    return np.asarray(v * r.choice([-1.0, 1.0], shape))


def distinct(shape: Tuple[int, ...], r: np.random.Generator) -> Any:
    """Well-separated values, so a max or min has one winner finite differences see.

    >>> len(set(distinct((6,), rng()).round(0)))
    6
    """
    n = int(np.prod(shape))
    return r.permutation(n).reshape(shape).astype(np.float64) + r.uniform(0, 0.1, shape)


def grid(x_gen: Gen = normal, y_gen: Gen = normal) -> List[Args]:
    """A binary op's examples: every pair of broadcast-compatible shapes from GRID_SHAPES,
    plus a Python number on each side.

    >>> [(np.shape(x), np.shape(y)) for x, y in grid()][:3]
    [((), ()), ((), (2,)), ((), (3, 2))]
    """
    r = rng()
    out: List[Args] = []
    for xs, ys in itertools.product(GRID_SHAPES, GRID_SHAPES):
        try:
            np.broadcast_shapes(xs, ys)
        except ValueError:
            continue
        out.append((x_gen(xs, r), y_gen(ys, r)))
    out.append((x_gen((3, 2), r), 1.5))
    out.append((1.5, y_gen((3, 2), r)))
    return out


def unary(gen: Gen = normal) -> List[Args]:
    """A unary op's examples: one array of each rank from 0 to 3.

    >>> [np.shape(x) for (x,) in unary(positive)]
    [(), (3,), (3, 2), (2, 3, 4)]
    """
    r = rng()
    return [(gen(s, r),) for s in [(), (3,), (3, 2), (2, 3, 4)]]
