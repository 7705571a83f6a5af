"""Gradient-check examples for the engine's own primitives: argument tuples in spec order.

Float numpy arrays are the differentiated inputs (float64); integer/bool arrays become
constant tensors; anything else is passed as is. Primitives registered elsewhere attach
their examples with ``@prim.examples`` next to their forward and VJP.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Dict, List, Tuple

import numpy as np

Args = Tuple[Any, ...]

GRID_SHAPES = [(), (2,), (3, 2), (1, 2)]


def _rng() -> np.random.Generator:
    return np.random.default_rng(1234)


def _normal(shape: Tuple[int, ...], rng: np.random.Generator) -> Any:
    return np.asarray(rng.standard_normal(shape))


def _positive(shape: Tuple[int, ...], rng: np.random.Generator) -> Any:
    return np.asarray(rng.uniform(0.5, 2.0, shape))


def _grid(x_gen: Callable[..., Any] = _normal, y_gen: Callable[..., Any] = _normal) -> List[Args]:
    """Every pair of broadcast-compatible shapes from GRID_SHAPES, plus Python-scalar
    operands on each side."""
    rng = _rng()
    out: List[Args] = []
    for xs, ys in itertools.product(GRID_SHAPES, GRID_SHAPES):
        try:
            np.broadcast_shapes(xs, ys)
        except ValueError:
            continue
        out.append((x_gen(xs, rng), y_gen(ys, rng)))
    out.append((x_gen((3, 2), rng), 1.5))
    out.append((1.5, y_gen((3, 2), rng)))
    return out


def _unary(gen: Callable[..., Any] = _normal) -> List[Args]:
    rng = _rng()
    return [(gen(s, rng),) for s in [(), (3,), (3, 2), (2, 3, 4)]]


def _separated(shape: Tuple[int, ...], rng: np.random.Generator) -> Any:
    # Values at least 0.1 away from 0, where relu-like kinks would spoil finite differences.
    v = rng.uniform(0.1, 2.0, shape)
    return np.asarray(v * rng.choice([-1.0, 1.0], shape))


def _distinct(shape: Tuple[int, ...], rng: np.random.Generator) -> Any:
    # Well-separated values, so max/min have a unique winner that finite differences see.
    n = int(np.prod(shape))
    return rng.permutation(n).reshape(shape).astype(np.float64) + rng.uniform(0, 0.1, shape)


def _reductions() -> List[Args]:
    rng = _rng()
    out: List[Args] = []
    for axis, keep in itertools.product([None, 0, -1, (0, 1)], [False, True]):
        out.append((_distinct((3, 4), rng), axis, keep))
    out.append((_distinct((2, 3, 4), rng), (0, 2), False))
    out.append((_distinct((5,), rng), None, False))
    return out


def _softmaxes() -> List[Args]:
    rng = _rng()
    return [(_normal((3, 4), rng), -1), (_normal((3, 4), rng), 0), (_normal((2, 3, 4), rng), 1)]


def _logsumexp() -> List[Args]:
    rng = _rng()
    return [
        (_normal((3, 4), rng), None, False),
        (_normal((3, 4), rng), 1, True),
        (_normal((3, 4), rng), 0, False),
        (_normal((2, 3, 4), rng), (0, 2), False),
        (_normal((2, 3, 4), rng), (-1,), True),
    ]


def _matmul() -> List[Args]:
    rng = _rng()
    pairs = [
        ((3, 4), (4, 2)),
        ((4,), (4, 2)),
        ((3, 4), (4,)),
        ((4,), (4,)),
        ((2, 3, 4), (4, 5)),
        ((3, 4), (2, 4, 5)),
        ((2, 3, 4), (2, 4, 5)),
        ((2, 1, 3, 4), (5, 4, 2)),
        ((4,), (2, 4, 5)),
        ((2, 3, 4), (4,)),
    ]
    return [(_normal(a, rng), _normal(b, rng)) for a, b in pairs]


def _getitem() -> List[Args]:
    rng = _rng()
    x = _normal((4, 5), rng)
    keys: List[Any] = [
        1,
        -1,
        slice(1, 3),
        (slice(None), slice(None, None, 2)),
        (None, Ellipsis, 0),
        (Ellipsis, slice(None, None, -1)),
        (2, 3),
        np.array([0, 0, 2]),  # repeated rows: the VJP must accumulate
        (slice(None), np.array([4, 1, 4])),
        x > 0,  # a boolean mask
    ]
    return [(x, k) for k in keys] + [(_normal((2, 3, 4), rng), (0, slice(1, None), None))]


def _joins() -> Dict[str, List[Args]]:
    rng = _rng()
    concat = [
        ([_normal((2, 3), rng), _normal((2, 1), rng)], -1),
        ([_normal((1, 3), rng), _normal((2, 3), rng), _normal((3, 3), rng)], 0),
        ([_normal((2, 3), rng)], 1),
    ]
    stack = [
        ([_normal((2, 3), rng) for _ in range(3)], 0),
        ([_normal((2, 3), rng) for _ in range(2)], -1),
        ([_normal((4,), rng)], 1),
    ]
    return {"concat": concat, "stack": stack}


def _where() -> List[Args]:
    rng = _rng()
    return [
        (rng.random((3, 2)) > 0.5, _normal((3, 2), rng), _normal((2,), rng)),
        (rng.random((2,)) > 0.5, _normal((), rng), _normal((3, 2), rng)),
        (np.array([True, False]), _normal((3, 1), rng), 0.0),
    ]


def _movement() -> Dict[str, List[Args]]:
    rng = _rng()
    return {
        "reshape": [
            (_normal((3, 4), rng), (2, 6)),
            (_normal((3, 4), rng), (2, -1)),
            (_normal((2, 3, 4), rng), (-1,)),
            (_normal((), rng), (1, 1)),
        ],
        "transpose": [
            (_normal((2, 3, 4), rng), ()),
            (_normal((2, 3, 4), rng), (1, 0, 2)),
            (_normal((2, 3, 4), rng), (-1, 0, 1)),
            (_normal((3, 2), rng), (1, 0)),
        ],
    }


def _build() -> Dict[str, List[Args]]:
    rng = _rng()
    ex: Dict[str, List[Args]] = {}
    for name in ["add", "sub", "mul", "maximum", "minimum"]:
        ex[name] = _grid()
    for name in ["eq", "ne", "lt", "le", "gt", "ge"]:
        ex[name] = _grid()
    ex["div"] = _grid(_normal, _positive)
    ex["pow"] = _grid(_positive, _normal)
    ex["where"] = _where()
    for name in ["neg", "exp", "tanh", "sigmoid", "gelu", "swish", "softplus"]:
        ex[name] = _unary()
    for name in ["log", "sqrt"]:
        ex[name] = _unary(_positive)
    for name in ["relu", "abs"]:
        ex[name] = _unary(_separated)
    ex["leakyrelu"] = [(_separated((3, 2), rng), 0.01), (_separated((4,), rng), 0.2)]
    ex["elu"] = [(_separated((3, 2), rng), 1.0), (_separated((4,), rng), 0.5)]
    ex["matmul"] = _matmul()
    for name in ["sum", "max", "min"]:
        ex[name] = _reductions()
    ex.update(_movement())
    ex["getitem"] = _getitem()
    ex.update(_joins())
    ex["softmax"] = _softmaxes()
    ex["logsoftmax"] = _softmaxes()
    ex["logsumexp"] = _logsumexp()
    return ex


EXAMPLES: Dict[str, List[Args]] = _build()
