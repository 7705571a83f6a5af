"""Indexing: ``x[key]`` with ints, slices, ``None``, ``...`` (and integer/boolean tensors), and
picking along an axis with an index tensor: ``take_along_axis`` (a primitive) and torch's
``gather`` (a slice, then ``take_along_axis``).

The VJP scatters the output gradient back into zeros shaped like ``x``: a plain assignment
for basic keys (no element is picked twice), ``np.add.at`` for advanced keys, where repeated
indices must accumulate.

>>> import typedflux as tf
>>> x = tf.arange(12).reshape(3, 4)
>>> x[1:, ::2]
Tensor[2, 2] int64
[[ 4  6]
 [ 8 10]]
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.operands import int_param
from typedflux.ops.examples import normal, rng
from typedflux.ops.registry import Primitive, composite, composite_rule, operand, primitive
from typedflux.shapes.messages import fmt_shape
from typedflux.tensor import Tensor, TensorLike

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

__all__ = ["take_along_axis", "gather"]


def _basic(key: Any) -> bool:
    items = key if isinstance(key, tuple) else (key,)
    return all(
        it is None or it is Ellipsis or isinstance(it, (int, np.integer, slice)) for it in items
    )


def _getitem_forward(x: Any, key: Any) -> Any:
    try:
        return x[key]
    except IndexError as err:
        # An index tensor (or list) the shape rule cannot judge: numpy's words, with the op
        # and the tensor named.
        raise IndexError(f'Invalid index for "getitem": x has {fmt_shape(x.shape)}; '
                         f"{err}") from None


p_getitem: Primitive = primitive("getitem")(_getitem_forward)


@p_getitem.vjp
def _getitem_vjp(g: Any, out: Any, x: Any, key: Any) -> Tuple[Any, ...]:
    z = np.zeros_like(x, dtype=np.result_type(g), order="C")
    if _basic(key):
        z[key] = g
    else:
        np.add.at(z, key, g)  # repeated indices accumulate
    return (z,)


@p_getitem.examples
def _getitem_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    x = normal((4, 5), r)
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
    return [(x, k) for k in keys] + [(normal((2, 3, 4), r), (0, slice(1, None), None))]


def _check_indices(x: Any, idx: Any, axis: int, op: str, arg: str) -> None:
    dt = np.result_type(idx)
    if dt.kind not in "iu":
        raise TypeError(f'"{op}" needs an integer tensor for {arg}, got {dt}')
    n = np.shape(x)[axis]
    if np.size(idx) and (np.min(idx) < -n or np.max(idx) >= n):
        bad = np.min(idx) if np.min(idx) < -n else np.max(idx)
        raise IndexError(
            f'"{op}": {arg} holds {bad}; need -{n} <= index < {n} along axis {axis} '
            f"(x has size {n} there)"
        )


def _take_forward(x: Any, indices: Any, axis: int) -> Any:
    _check_indices(x, indices, axis, "take_along_axis", "indices")
    return np.take_along_axis(x, indices, axis=axis)


p_take_along_axis: Primitive = primitive("take_along_axis")(_take_forward)


@p_take_along_axis.vjp
def _take_vjp(g: Any, out: Any, x: Any, indices: Any, axis: int) -> Tuple[Any, ...]:
    # The position in x of every output element: indices along the axis, and elsewhere the
    # output's own position (0 where x has size 1 and was broadcast); repeats accumulate.
    shape = np.shape(x)
    n = len(shape)
    i = axis % n
    where = []
    for k in range(n):
        if k == i:
            where.append(np.broadcast_to(indices, np.shape(g)))
        else:
            pos = np.arange(np.shape(g)[k]) if shape[k] != 1 else np.zeros(1, dtype=np.intp)
            where.append(pos.reshape((-1,) + (1,) * (n - k - 1)))
    z = np.zeros_like(g, shape=shape, order="C")
    np.add.at(z, tuple(where), g)
    return (z, None)


@p_take_along_axis.examples
def _take_examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(1234)
    return [
        (r.standard_normal((3, 4)), np.array([[0, 3], [1, 1], [2, 0]]), 1),  # a repeat
        (r.standard_normal((3, 4)), np.array([[2, 0, 1, 2]]), 0),  # broadcast rows
        (r.standard_normal((1, 4)), np.array([[0], [3], [-1]]), 1),  # x broadcast
        (r.standard_normal((2, 3, 4)), r.integers(0, 3, (2, 5, 4)), 1),
    ]


def take_along_axis(x: TensorLike, indices: TensorLike, axis: int) -> AnyTensor:
    """``take_along_axis(x, indices, axis)``: ``out[..., j, ...] = x[..., indices[..., j,
    ...], ...]`` along ``axis`` (numpy's, and torch's ``take_along_dim``): ``indices`` is an
    integer tensor of ``x``'s rank whose other axes broadcast against ``x``'s. Picks the
    scores of the labels, or the top-k values after an ``argsort``; the gradient flows back
    to the picked elements (summed where one is picked twice).

    >>> import typedflux as tf
    >>> x = tf.tensor([[10.0, 11.0, 12.0], [20.0, 21.0, 22.0]])
    >>> tf.take_along_axis(x, tf.tensor([[2], [0]]), axis=1)
    Tensor[2, 1] float32
    [[12.]
     [20.]]
    """
    return p_take_along_axis.invoke(x, indices, int_param(axis, "take_along_axis", "axis"))


_gather_rule = composite_rule("gather")


@composite("gather")
def gather(x: TensorLike, axis: int, index: TensorLike) -> AnyTensor:
    """``gather(x, axis, index)``: torch's ``gather(input, dim, index)``, in torch's argument
    order: ``out[i][j] = x[i][index[i][j]]`` for ``axis=1``. ``index`` has ``x``'s rank and
    sizes at most ``x``'s off the axis (the leading part of ``x`` is used, no broadcasting);
    the output has ``index``'s shape.

    >>> import typedflux as tf
    >>> tf.gather(tf.tensor([[1.0, 2.0], [3.0, 4.0]]), 1, tf.tensor([[0, 0], [1, 0]]))
    Tensor[2, 2] float32
    [[1. 1.]
     [4. 3.]]
    """
    axis = int_param(axis, "gather", "axis")
    _gather_rule(x, axis, index)
    (xd, xs), (ixd, ixs) = operand(x, "gather", "x"), operand(index, "gather", "index")
    i = axis % len(xs)
    _check_indices(xd, ixd, i, "gather", "index")  # in gather's words, before take_along_axis
    key = tuple(slice(None) if k == i else slice(0, ixs[k]) for k in range(len(xs)))
    if any(ixs[k] != xs[k] for k in range(len(xs)) if k != i):
        x = p_getitem.invoke(x, key)
    return p_take_along_axis.invoke(x, index, axis)
