"""Reductions: ``sum``, ``max``, ``min``, ``var`` (primitives), ``mean`` and ``std`` (composed
from them), the index reductions ``argmax``/``argmin`` and the running sum ``cumsum``.

``axis`` is ``None`` (all axes), an int or a tuple of ints (negative counts from the end);
``keepdims`` keeps reduced axes as size 1.

>>> import typedflux as tf
>>> tf.sum(tf.ones(2, 3), axis=0)
Tensor[3] float32
[2. 2. 2.]
"""

from __future__ import annotations

import builtins
import itertools
import math
from typing import Any, List, Optional, Tuple, Union

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.operands import real_param
from typedflux.ops.elementwise import p_sqrt, p_where
from typedflux.ops.nn import _keep
from typedflux.ops.examples import distinct, rng
from typedflux.ops.registry import Primitive, composite, composite_rule, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["sum", "mean", "max", "min", "var", "std", "argmax", "argmin", "cumsum"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
max_ = builtins.max  # this module defines its own max
Axis = Union[None, int, Tuple[int, ...]]


def _sum_forward(x: Any, axis: Axis, keepdims: bool) -> Any:
    return x.sum(axis=axis, keepdims=keepdims)


p_sum: Primitive = primitive("sum")(_sum_forward)


# Up to this many elements, the gradient of a full sum is a filled array: np.broadcast_to
# (Python code building an nditer) costs several microseconds, more than filling a small one.
_FILL_LIMIT = 4096


@p_sum.vjp
def _sum_vjp(g: Any, out: Any, x: Any, axis: Axis, keepdims: bool) -> Tuple[Any, ...]:
    if axis is None and not keepdims and x.size <= _FILL_LIMIT:  # g is 0-d
        r = np.empty_like(x, dtype=np.result_type(g), order="C")
        r[...] = g  # (np.copyto's call costs ~0.3 us more on a small array)
        return (r,)
    # A read-only broadcast view: the tape copies before it ever accumulates into it.
    return (np.broadcast_to(_keep(g, x.ndim, axis, keepdims), x.shape),)


def _extreme_vjp(g: Any, out: Any, x: Any, axis: Axis, keepdims: bool) -> Tuple[Any, ...]:
    # Ties split the gradient evenly between the positions holding the extreme value.
    n = np.ndim(x)
    hit = np.equal(x, _keep(out, n, axis, keepdims))
    count = np.sum(hit, axis=axis, keepdims=True).astype(np.result_type(g))
    return (np.where(hit, _keep(g, n, axis, keepdims) / count, 0),)


def _max_forward(x: Any, axis: Axis, keepdims: bool) -> Any:
    return x.max(axis=axis, keepdims=keepdims)


p_max: Primitive = primitive("max")(_max_forward)


p_max.vjp(_extreme_vjp)


def _min_forward(x: Any, axis: Axis, keepdims: bool) -> Any:
    return x.min(axis=axis, keepdims=keepdims)


p_min: Primitive = primitive("min")(_min_forward)


p_min.vjp(_extreme_vjp)


@p_sum.examples
def _reduction_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    out: List[Tuple[Any, ...]] = []
    for axis, keep in itertools.product([None, 0, -1, (0, 1)], [False, True]):
        out.append((distinct((3, 4), r), axis, keep))
    out.append((distinct((2, 3, 4), r), (0, 2), False))
    out.append((distinct((5,), r), None, False))
    return out


p_max.examples(_reduction_examples)
p_min.examples(_reduction_examples)

def _var_forward(x: Any, axis: Axis, keepdims: bool, correction: Any) -> Any:
    correction = real_param(correction, "var", "correction")
    return np.var(x, axis=axis, keepdims=keepdims, ddof=correction)


p_var: Primitive = primitive("var")(_var_forward)


@p_var.vjp
def _var_vjp(g: Any, out: Any, x: Any, axis: Axis, keepdims: bool, correction: Any) -> Tuple[Any, ...]:
    n = np.ndim(x)
    count = np.size(x) // max_(np.size(out), 1) if np.size(out) else 0
    centred = x - np.mean(x, axis=axis, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # no degrees of freedom: inf/nan
        # (A numpy division: Python's 2.0 / 0 raised ZeroDivisionError for correction == n.)
        scale = np.asarray(np.float64(2.0) / (count - correction), dtype=np.result_type(g))
    return (_keep(g, n, axis, keepdims) * scale * centred,)


def _distinct(*shape: int) -> Any:
    # Well-separated values: max/min have one winner, which finite differences can see.
    r = np.random.default_rng(1234)
    n = int(np.prod(shape))
    return r.permutation(n).reshape(shape).astype(np.float64) + r.uniform(0, 0.1, shape)


@p_var.examples
def _var_examples() -> List[Tuple[Any, ...]]:
    cases: List[Tuple[Any, ...]] = []
    for axis, keep, corr in [(None, False, 1), (0, False, 1), (-1, True, 0), ((0, 1), False, 1),
                             (1, False, 0), ((0, 2), True, 1)]:
        shape = (2, 3, 4) if axis == (0, 2) else (3, 4)
        cases.append((_distinct(*shape), axis, keep, corr))
    return cases


def _argmax_forward(x: Any, axis: Any, keepdims: bool) -> Any:
    return np.argmax(x, axis=_one_axis(axis, "argmax"), keepdims=keepdims)


def _argmin_forward(x: Any, axis: Any, keepdims: bool) -> Any:
    return np.argmin(x, axis=_one_axis(axis, "argmin"), keepdims=keepdims)


p_argmax: Primitive = primitive("argmax")(_argmax_forward)
p_argmin: Primitive = primitive("argmin")(_argmin_forward)


def _cumsum_forward(x: Any, axis: int) -> Any:
    return np.cumsum(x, axis=axis)


p_cumsum: Primitive = primitive("cumsum")(_cumsum_forward)


@p_cumsum.examples
def _cumsum_examples() -> List[Tuple[Any, ...]]:
    return [(_distinct(3, 4), 0), (_distinct(3, 4), -1), (_distinct(2, 3, 4), 1),
            (_distinct(5), 0)]


def _argmax_examples() -> List[Tuple[Any, ...]]:
    return [(_distinct(3, 4), None, False), (_distinct(3, 4), 1, True), (_distinct(5), 0, False)]


p_argmax.examples(_argmax_examples)
p_argmin.examples(_argmax_examples)


@p_cumsum.vjp
def _cumsum_vjp(g: Any, out: Any, x: Any, axis: int) -> Tuple[Any, ...]:
    # Each input feeds every later running sum: the gradient is the reversed running sum.
    return (np.flip(np.cumsum(np.flip(g, axis), axis=axis), axis),)


_mean_rule = composite_rule("mean")
_std_rule = composite_rule("std")


def sum(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:  # noqa: A001
    """``sum(Tensor[*X], axis=None, keepdims=False)``: the sum over ``axis`` (all axes by
    default).

    >>> import typedflux as tf
    >>> tf.sum(tf.ones(2, 3)).item()
    6.0
    """
    return p_sum.invoke(x, axis, keepdims)


@composite("mean")
def mean(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:
    """``mean(Tensor[*X], axis=None, keepdims=False)``: the mean over ``axis`` (all axes by
    default): ``sum(x, axis) / count``. Integer tensors give float32 means.

    >>> import typedflux as tf
    >>> tf.mean(tf.arange(6).reshape(2, 3), axis=1)
    Tensor[2] float32
    [1. 4.]
    """
    out = _mean_rule(x, axis, keepdims)
    shape = _shape_of(x)
    n = math.prod(shape) // max_(math.prod(out), 1) if math.prod(out) else 0
    total = p_sum.invoke(x, axis, keepdims)
    return total * (1.0 / n) if n else total * float("nan")


def max(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:  # noqa: A001
    """``max(Tensor[*X], axis=None, keepdims=False)``: the largest element over ``axis`` (all
    axes by default); the gradient splits evenly between tied maxima. Values only: for the
    positions (torch's ``max(x, dim)`` also returns them) use ``argmax``.

    >>> import typedflux as tf
    >>> tf.max(tf.tensor([[1.0, 5.0], [7.0, 2.0]]), axis=1)
    Tensor[2] float32
    [5. 7.]
    """
    return p_max.invoke(x, axis, keepdims)


def min(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:  # noqa: A001
    """``min(Tensor[*X], axis=None, keepdims=False)``: the smallest element over ``axis``
    (all axes by default); values only, as ``max``.

    >>> import typedflux as tf
    >>> tf.min(tf.tensor([[1.0, 5.0], [7.0, 2.0]]), axis=0)
    Tensor[2] float32
    [1. 2.]
    """
    return p_min.invoke(x, axis, keepdims)


def var(x: TensorLike, axis: Axis = None, keepdims: bool = False, correction: int = 1) -> AnyTensor:
    """``var(Tensor[*X], axis=None, keepdims=False, correction=1)``: the variance over
    ``axis``, ``sum((x - mean)**2) / (n - correction)``. The default ``correction=1`` is the
    unbiased estimate, as in Julia's ``var`` and torch's (numpy's default is 0: pass
    ``correction=0`` for the population variance).

    >>> import typedflux as tf
    >>> tf.var(tf.tensor([1.0, 2.0, 3.0, 4.0])).item(), tf.var(tf.tensor([1.0, 3.0]), correction=0).item()
    (1.6666666269302368, 1.0)
    """
    return p_var.invoke(x, axis, keepdims, correction)


@composite("std")
def std(x: TensorLike, axis: Axis = None, keepdims: bool = False, correction: int = 1) -> AnyTensor:
    """``std(Tensor[*X], axis=None, keepdims=False, correction=1)``: ``sqrt(var(...))``, the
    standard deviation with the same ``correction`` default (unbiased).

    >>> import typedflux as tf
    >>> tf.std(tf.tensor([[1.0, 3.0], [2.0, 2.0]]), axis=1)
    Tensor[2] float32
    [1.4142 0.    ]
    """
    _std_rule(x, axis, keepdims)
    real_param(correction, "std", "correction")
    v = p_var.invoke(x, axis, keepdims, correction)
    # Where the variance is 0 the gradient is 0, as torch's std gives (sqrt's own, 1/(2*0),
    # times var's 0 would be NaN): sqrt sees 1 there, and the result is the 0 itself.
    spread = v != 0
    return p_where.invoke(spread, p_sqrt.invoke(p_where.invoke(spread, v, 1.0)), v)


def _shape_of(x: Any) -> Tuple[int, ...]:
    return x.data.shape if isinstance(x, Tensor) else np.shape(x)


def _one_axis(axis: Any, op: str) -> Any:
    if isinstance(axis, (tuple, list)):
        raise TypeError(f'"{op}" takes one axis (an int or None) for axis, got {axis!r}')
    return axis


def argmax(x: TensorLike, axis: Optional[int] = None, keepdims: bool = False) -> AnyTensor:
    """``argmax(Tensor[*X], axis=None, keepdims=False)``: int64 positions of the largest
    elements along ``axis`` (the first one on ties); with ``axis=None`` the position in the
    flattened tensor. No gradient.

    >>> import typedflux as tf
    >>> tf.argmax(tf.tensor([[1.0, 5.0], [7.0, 2.0]]), axis=1)
    Tensor[2] int64
    [1 0]
    """
    return p_argmax.invoke(x, axis, keepdims)


def argmin(x: TensorLike, axis: Optional[int] = None, keepdims: bool = False) -> AnyTensor:
    """``argmin(Tensor[*X], axis=None, keepdims=False)``: as ``argmax``, for the smallest.

    >>> import typedflux as tf
    >>> tf.argmin(tf.tensor([[1.0, 5.0], [7.0, 2.0]])).item()
    0
    """
    return p_argmin.invoke(x, axis, keepdims)


def cumsum(x: TensorLike, axis: int) -> AnyTensor:
    """``cumsum(Tensor[*X], axis) -> Tensor[*X]``: running sums along ``axis`` (required, as
    in torch; numpy's ``axis=None`` flattening has no counterpart).

    >>> import typedflux as tf
    >>> tf.cumsum(tf.tensor([[1.0, 2.0, 3.0]]), axis=1)
    Tensor[1, 3] float32
    [[1. 3. 6.]]
    """
    return p_cumsum.invoke(x, axis)
