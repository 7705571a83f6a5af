"""Reductions: ``sum``, ``max``, ``min`` (primitives) and ``mean`` (composed from ``sum``).

``axis`` is ``None`` (all axes), an int or a tuple of ints (negative counts from the end);
``keepdims`` keeps reduced axes as size 1.

>>> import typedflux as tf
>>> tf.sum(tf.ones(2, 3), axis=0)
Tensor[3] float32
[2. 2. 2.]
"""

from __future__ import annotations

import math
from typing import Any, Tuple, Union

import numpy as np
from typing_extensions import Unpack

from typedflux.ops.nn import _keep
from typedflux.ops.registry import Primitive, composite_rule, norm_axis, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["sum", "mean"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
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
        r = np.empty(x.shape, dtype=np.result_type(g))
        r.fill(g)
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

_mean_rule = composite_rule("mean")


def sum(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:  # noqa: A001
    """``sum(Tensor[*X], axis=None, keepdims=False)``: the sum over ``axis`` (all axes by
    default).

    >>> import typedflux as tf
    >>> tf.sum(tf.ones(2, 3)).item()
    6.0
    """
    return p_sum.invoke(x, axis, keepdims)


def mean(x: TensorLike, axis: Axis = None, keepdims: bool = False) -> AnyTensor:
    """``mean(Tensor[*X], axis=None, keepdims=False)``: the mean over ``axis`` (all axes by
    default): ``sum(x, axis) / count``. Integer tensors give float32 means.

    >>> import typedflux as tf
    >>> tf.mean(tf.arange(6).reshape(2, 3), axis=1)
    Tensor[2] float32
    [1. 4.]
    """
    axis = norm_axis(axis)
    shape = x.data.shape if isinstance(x, Tensor) else np.shape(x)
    out = _mean_rule(shape, axis, keepdims)
    n = math.prod(shape) // max(math.prod(out), 1) if math.prod(out) else 0
    total = p_sum.invoke(x, axis, keepdims)
    return total * (1.0 / n) if n else total * float("nan")
