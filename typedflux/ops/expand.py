"""Ops that make a tensor larger: ``tile``/``repeat`` (whole axes copied), ``repeat_interleave``
(each element copied in place) and ``pad``. Every VJP sums the copies' gradients back onto
the element they came from.

>>> import typedflux as tf
>>> tf.tile(tf.tensor([1.0, 2.0]), 2)
Tensor[4] float32
[1. 2. 1. 2.]
"""

from __future__ import annotations

import math
import operator
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.operands import int_fits, int_param, real_param
from typedflux.ops.registry import Primitive, composite, composite_rule, primitive
from typedflux.shapes.rules_expand import PAD_MODES
from typedflux.tensor import Tensor, TensorLike

__all__ = ["tile", "repeat", "repeat_interleave", "pad"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _rng() -> Any:
    return np.random.default_rng(1234)


# -- tile ----------------------------------------------------------------------------------------
def _tile_forward(x: Any, reps: Tuple[int, ...]) -> Any:
    return np.tile(x, reps)


p_tile: Primitive = primitive("tile")(_tile_forward)


@p_tile.vjp
def _tile_vjp(g: Any, out: Any, x: Any, reps: Tuple[int, ...]) -> Tuple[Any, ...]:
    shape = np.shape(x)
    n = max(len(shape), len(reps))
    xs = (1,) * (n - len(shape)) + tuple(shape)
    rs = (1,) * (n - len(reps)) + tuple(reps)
    # out[..., r*d + j, ...] = x[..., j, ...]: split each axis into (copy, element) and sum
    # over the copies.
    split = [v for pair in zip(rs, xs) for v in pair]
    total = np.reshape(g, split).sum(axis=tuple(range(0, 2 * n, 2)))
    return (np.reshape(total, shape),)


@p_tile.examples
def _tile_examples() -> List[Tuple[Any, ...]]:
    r = _rng()
    return [(r.standard_normal((2, 3)), (2, 1)), (r.standard_normal((2, 3)), (3,)),
            (r.standard_normal((3,)), (2, 2)), (r.standard_normal((2, 1, 3)), (1, 4, 2))]


# -- repeat_interleave ---------------------------------------------------------------------------
def _interleave_forward(x: Any, repeats: int, axis: Optional[int]) -> Any:
    r = int_param(repeats, "repeat_interleave", "repeats")
    if axis is not None:
        if isinstance(axis, (tuple, list)):
            raise TypeError(f'"repeat_interleave" takes one axis (an int or None), got {axis!r}')
        axis = int_param(axis, "repeat_interleave", "axis")
    return np.repeat(x, r, axis=axis)


p_repeat_interleave: Primitive = primitive("repeat_interleave")(_interleave_forward)


@p_repeat_interleave.vjp
def _interleave_vjp(g: Any, out: Any, x: Any, repeats: int, axis: Optional[int]) -> Tuple[Any, ...]:
    shape = np.shape(x)
    if axis is None:
        return (np.reshape(np.reshape(g, (-1, repeats)).sum(axis=1), shape),)
    i = axis % len(shape)
    parts = np.reshape(g, shape[:i] + (shape[i], repeats) + shape[i + 1:])
    return (parts.sum(axis=i + 1),)


@p_repeat_interleave.examples
def _interleave_examples() -> List[Tuple[Any, ...]]:
    r = _rng()
    return [(r.standard_normal((2, 3)), 2, 1), (r.standard_normal((2, 3)), 3, 0),
            (r.standard_normal((2, 3)), 2, None), (r.standard_normal((2, 3, 2)), 2, -1)]


# -- pad -----------------------------------------------------------------------------------------
_NUMPY_MODES: Dict[str, Any] = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def _pad_forward(x: Any, widths: Tuple[Tuple[int, int], ...], mode: str, value: float) -> Any:
    if mode == "constant":
        if isinstance(x, np.ndarray) and x.dtype.kind in "iub":
            _fits(value, x)
        return np.pad(x, widths, mode="constant", constant_values=value)
    return np.pad(x, widths, mode=_NUMPY_MODES[mode])


def _fits(value: Any, x: Any) -> None:
    # numpy's own errors for a fill an integer array cannot hold are a bare OverflowError
    # (300 into int8) or ValueError (nan); a fraction is truncated, as tf.full's is.
    if isinstance(value, float) and not (math.isfinite(value) and abs(value) < 2.0**63):
        raise ValueError(f'"pad": value = {value}, which {x.dtype} cannot hold; pad a float tensor')
    if x.dtype.kind != "b":
        int_fits(int(value), x, "pad", "value")


p_pad: Primitive = primitive("pad")(_pad_forward)


@p_pad.vjp
def _pad_vjp(g: Any, out: Any, x: Any, widths: Tuple[Tuple[int, int], ...], mode: str,
             value: float) -> Tuple[Any, ...]:
    shape = np.shape(x)
    if mode == "constant":
        return (g[tuple(slice(b, b + n) for (b, _), n in zip(widths, shape))],)
    # Each padded position copies one input position: per axis, scatter-add the gradient of
    # every output position onto the input position it was copied from.
    for i, ((b, e), n) in enumerate(zip(widths, shape)):
        source = np.pad(np.arange(n), (b, e), mode=_NUMPY_MODES[mode])
        folded = np.zeros_like(g, shape=g.shape[:i] + (n,) + g.shape[i + 1:], order="C")
        where: Any = (slice(None),) * i + (source,)
        np.add.at(folded, where, g)
        g = folded
    return (g,)


@p_pad.examples
def _pad_examples() -> List[Tuple[Any, ...]]:
    r = _rng()
    x = r.standard_normal((3, 4))
    return [(x, ((1, 2), (0, 1)), "constant", 0.0), (x, ((0, 0), (2, 1)), "constant", 1.5),
            (x, ((2, 1), (3, 2)), "reflect", 0.0), (x, ((2, 2), (1, 5)), "replicate", 0.0),
            (x, ((3, 1), (4, 2)), "circular", 0.0), (r.standard_normal((2,)), ((0, 0),),
                                                     "reflect", 0.0)]


# -- public functions ----------------------------------------------------------------------------
def _ints(values: Tuple[Any, ...], op: str, arg: str) -> Tuple[int, ...]:
    if len(values) == 1 and isinstance(values[0], (tuple, list)):
        values = tuple(values[0])
    out = []
    for k, v in enumerate(values):
        if isinstance(v, bool):
            raise TypeError(f'"{op}" needs ints for {arg}, got bool at position {k}')
        try:
            out.append(operator.index(v))
        except TypeError:
            raise TypeError(
                f'"{op}" needs ints for {arg}, got {type(v).__name__} at position {k}'
            ) from None
    return tuple(out)


def tile(x: TensorLike, *reps: int) -> AnyTensor:
    """``tile(x, *reps)``: ``x`` copied ``reps[k]`` times along each axis (numpy's and torch's
    ``tile``). Counts line up with the last axes: fewer counts than axes leave the leading
    axes alone, more add leading axes. Counts are separate ints or one tuple.

    >>> import typedflux as tf
    >>> tf.tile(tf.tensor([[1.0, 2.0]]), 2, 1)
    Tensor[2, 2] float32
    [[1. 2.]
     [1. 2.]]
    """
    return p_tile.invoke(x, _ints(reps, "tile", "reps"))


_repeat_rule = composite_rule("repeat")


@composite("repeat")
def repeat(x: TensorLike, *counts: int) -> AnyTensor:
    """``repeat(x, *counts)``: torch's ``x.repeat(*sizes)`` and Julia's ``repeat``: a count for
    every axis (extra counts add leading axes), each axis copied whole that many times; the
    same result as ``tile`` with a count per axis. (numpy's ``repeat``, which copies each
    element in place, is ``repeat_interleave``.)

    >>> import typedflux as tf
    >>> tf.repeat(tf.tensor([[1.0, 2.0]]), 2, 2)
    Tensor[2, 4] float32
    [[1. 2. 1. 2.]
     [1. 2. 1. 2.]]
    """
    reps = _ints(counts, "repeat", "counts")
    _repeat_rule(x, reps)
    return p_tile.invoke(x, reps)


def repeat_interleave(x: TensorLike, repeats: int, axis: Optional[int] = None) -> AnyTensor:
    """``repeat_interleave(x, repeats, axis=None)``: each element ``repeats`` times in a row
    along ``axis`` (torch's ``repeat_interleave``, numpy's ``repeat``); ``axis=None``
    flattens first. ``repeats`` is one count for every element.

    >>> import typedflux as tf
    >>> tf.repeat_interleave(tf.tensor([1.0, 2.0]), 2)
    Tensor[4] float32
    [1. 1. 2. 2.]
    """
    return p_repeat_interleave.invoke(x, repeats, axis)


def pad(x: TensorLike, widths: Sequence[Tuple[int, int]], mode: str = "constant",
        value: float = 0.0) -> AnyTensor:
    """``pad(x, widths, mode="constant", value=0.0)``: ``x`` grown by ``widths[k] = (before,
    after)`` elements on each side of axis ``k``: one pair per axis, in axis order (numpy's
    ``pad_width``; torch's ``F.pad`` lists pairs from the last axis backwards, flattened).

    - ``mode``: ``"constant"`` (``value``), ``"reflect"`` (mirrored, the edge not repeated),
      ``"replicate"`` (the edge repeated) or ``"circular"`` (wrapped around), as in torch.

    >>> import typedflux as tf
    >>> tf.pad(tf.tensor([[1.0, 2.0, 3.0]]), ((0, 0), (2, 1)), mode="reflect")
    Tensor[1, 6] float32
    [[3. 2. 1. 2. 3. 2.]]
    """
    if not isinstance(mode, str) or mode not in PAD_MODES:
        raise ValueError(f'"pad" needs one of {", ".join(PAD_MODES)} for mode, got {mode!r}')
    if isinstance(widths, (str, bytes)) or not isinstance(widths, (tuple, list)):
        raise TypeError(
            f'"pad" needs one (before, after) pair per axis for widths, got {type(widths).__name__}'
        )
    pairs = []
    for k, p in enumerate(widths):
        if not isinstance(p, (tuple, list)) or len(p) != 2:
            raise TypeError(f'"pad" needs a (before, after) pair for widths[{k}], got {p!r}')
        pairs.append(_ints(tuple(p), "pad", f"widths[{k}]"))
    return p_pad.invoke(x, tuple(pairs), mode, real_param(value, "pad", "value"))
