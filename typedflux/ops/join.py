"""Joining tensors: ``concat`` and ``stack`` (primitives), and the connection functions
``cat(*xs)``, ``add(*xs)``, ``mul(*xs)`` used by ``SkipConnection`` and ``Parallel``.

>>> import typedflux as tf
>>> tf.concat([tf.ones(2, 3), tf.zeros(2, 1)]).shape
(2, 4)
>>> tf.add(tf.ones(2), tf.ones(2), 1.0)
Tensor[2] float32
[3. 3.]
"""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.ops.elementwise import p_add, p_mul
from typedflux.ops.registry import Primitive, composite_rule, operand, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["concat", "stack", "cat", "add", "mul"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _concat_forward(xs: List[Any], axis: int) -> Any:
    return np.concatenate(xs, axis=axis)


p_concat: Primitive = primitive("concat")(_concat_forward)


@p_concat.vjp
def _concat_vjp(g: Any, out: Any, xs: List[Any], axis: int) -> Tuple[Any, ...]:
    cuts = np.cumsum([np.shape(x)[axis] for x in xs])[:-1]
    return (np.split(g, cuts, axis=axis),)


def _stack_forward(xs: List[Any], axis: int) -> Any:
    return np.stack(xs, axis=axis)


p_stack: Primitive = primitive("stack")(_stack_forward)


@p_stack.vjp
def _stack_vjp(g: Any, out: Any, xs: List[Any], axis: int) -> Tuple[Any, ...]:
    return (list(np.moveaxis(g, axis, 0)),)


def concat(xs: Sequence[TensorLike], axis: int = -1) -> AnyTensor:
    """``concat(xs, axis=-1)``: join tensors along an existing axis; all other sizes must
    agree.

    >>> import typedflux as tf
    >>> tf.concat([tf.ones(2, 3), tf.ones(1, 3)], axis=0).shape
    (3, 3)
    """
    return p_concat.invoke(xs, axis)


def stack(xs: Sequence[TensorLike], axis: int = 0) -> AnyTensor:
    """``stack(xs, axis=0)``: join equal-shaped tensors along a new axis.

    >>> import typedflux as tf
    >>> tf.stack([tf.ones(2, 3)] * 4).shape
    (4, 2, 3)
    """
    return p_stack.invoke(xs, axis)


_cat_rule = composite_rule("cat")
_add_n_rule = composite_rule("add_n")
_mul_n_rule = composite_rule("mul_n")


def _shapes(xs: Sequence[Any], op: str) -> Tuple[Tuple[int, ...], ...]:
    return tuple(operand(x, op, f"xs[{i}]")[1] for i, x in enumerate(xs))


def cat(*xs: TensorLike, axis: int = -1) -> AnyTensor:
    """``cat(*xs, axis=-1)``: ``concat`` as a connection (``SkipConnection(layer, tf.cat)``).

    >>> import typedflux as tf
    >>> tf.cat(tf.ones(2, 3), tf.ones(2, 2)).shape
    (2, 5)
    """
    _cat_rule(_shapes(xs, "cat"), axis)
    return p_concat.invoke(list(xs), axis)


def _fold(op: Any, xs: Sequence[TensorLike], name: str) -> AnyTensor:
    if not xs:
        raise TypeError(f'"{name}" needs at least one tensor')
    out = xs[0]
    if len(xs) == 1:
        return out if isinstance(out, Tensor) else Tensor(out)
    for x in xs[1:]:
        out = op(out, x)
    assert isinstance(out, Tensor)
    return out


def add(*xs: TensorLike) -> AnyTensor:
    """``add(*xs)``: the broadcast sum of all arguments (a connection for ``SkipConnection``,
    ``Parallel``).

    >>> import typedflux as tf
    >>> tf.add(tf.ones(2, 3), tf.ones(3)).shape
    (2, 3)
    """
    _add_n_rule(_shapes(xs, "add"))
    return _fold(p_add.invoke, xs, "add")


def mul(*xs: TensorLike) -> AnyTensor:
    """``mul(*xs)``: the broadcast product of all arguments.

    >>> import typedflux as tf
    >>> tf.mul(tf.full(2, value=3.0), tf.full(2, value=2.0))
    Tensor[2] float32
    [6. 6.]
    """
    _mul_n_rule(_shapes(xs, "mul"))
    return _fold(p_mul.invoke, xs, "mul")
