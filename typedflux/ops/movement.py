"""Movement: ``reshape`` and ``transpose`` (primitives) and the composites built on them:
``T``, ``swapaxes``, ``squeeze``, ``unsqueeze``, ``flatten``.

A composite runs its own shape rule first, so an error names the op the user called.

>>> import typedflux as tf
>>> tf.flatten(tf.zeros(8, 1, 28, 28)).shape
(8, 784)
"""

from __future__ import annotations

from typing import Any, List, Tuple, Union

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.operands import dims_arg
from typedflux.ops.examples import normal, rng
from typedflux.ops.registry import Primitive, composite, composite_rule, primitive
from typedflux.tensor import Tensor

__all__ = ["reshape", "transpose", "T", "swapaxes", "squeeze", "unsqueeze", "flatten"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _reshape_forward(x: Any, shape: Tuple[int, ...]) -> Any:
    return x.reshape(shape)


p_reshape: Primitive = primitive("reshape")(_reshape_forward)


@p_reshape.vjp
def _reshape_vjp(g: Any, out: Any, x: Any, shape: Tuple[int, ...]) -> Tuple[Any, ...]:
    return (np.reshape(g, np.shape(x)),)


@p_reshape.examples
def _reshape_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        (normal((3, 4), r), (2, 6)),
        (normal((3, 4), r), (2, -1)),
        (normal((2, 3, 4), r), (-1,)),
        (normal((), r), (1, 1)),
    ]


def _transpose_forward(x: Any, axes: Tuple[int, ...]) -> Any:
    return x.transpose(axes or None)


p_transpose: Primitive = primitive("transpose")(_transpose_forward)


@p_transpose.vjp
def _transpose_vjp(g: Any, out: Any, x: Any, axes: Tuple[int, ...]) -> Tuple[Any, ...]:
    if not axes:
        return (np.transpose(g),)
    n = np.ndim(x)
    return (np.transpose(g, np.argsort([a % n for a in axes])),)


@p_transpose.examples
def _transpose_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        (normal((2, 3, 4), r), ()),
        (normal((2, 3, 4), r), (1, 0, 2)),
        (normal((2, 3, 4), r), (-1, 0, 1)),
        (normal((3, 2), r), (1, 0)),
    ]


def reshape(x: Tensor[Unpack[Tuple[Any, ...]]], *shape: Any) -> AnyTensor:
    """``reshape(x, *shape)``: the same elements in a new shape; one size may be ``-1``.

    >>> import typedflux as tf
    >>> tf.reshape(tf.arange(6), 3, -1).shape
    (3, 2)
    """
    return p_reshape.invoke(x, dims_arg(shape))


def transpose(x: Tensor[Unpack[Tuple[Any, ...]]], *axes: Any) -> AnyTensor:
    """``transpose(x, *axes)``: permute axes (reverse them when none are given).

    >>> import typedflux as tf
    >>> tf.transpose(tf.zeros(2, 3, 4), 1, 0, 2).shape
    (3, 2, 4)
    """
    return p_transpose.invoke(x, dims_arg(axes))


@composite("T")
def T(x: Tensor[Unpack[Tuple[Any, ...]]]) -> AnyTensor:
    """``x.T``: all axes reversed (numpy's ``.T``).

    >>> import typedflux as tf
    >>> T(tf.zeros(2, 3)).shape
    (3, 2)
    """
    return p_transpose.invoke(x, ())


_swapaxes_rule = composite_rule("swapaxes")
_squeeze_rule = composite_rule("squeeze")
_unsqueeze_rule = composite_rule("unsqueeze")
_flatten_rule = composite_rule("flatten")


@composite("swapaxes")
def swapaxes(x: Tensor[Unpack[Tuple[Any, ...]]], axis1: int, axis2: int) -> AnyTensor:
    """``swapaxes(x, axis1, axis2)``: exchange two axes.

    >>> import typedflux as tf
    >>> tf.swapaxes(tf.zeros(2, 3, 4), 1, 2).shape
    (2, 4, 3)
    """
    n = len(_swapaxes_rule(x, axis1, axis2))
    perm = list(range(n))
    perm[axis1 % n], perm[axis2 % n] = perm[axis2 % n], perm[axis1 % n]
    return p_transpose.invoke(x, tuple(perm))


@composite("squeeze")
def squeeze(
    x: Tensor[Unpack[Tuple[Any, ...]]], axis: Union[None, int, Tuple[int, ...]] = None
) -> AnyTensor:
    """``squeeze(x, axis=None)``: drop size-1 axes (all, or those named by ``axis``; naming
    an axis whose size is not 1 is a ``ShapeError``).

    >>> import typedflux as tf
    >>> tf.squeeze(tf.zeros(1, 3, 1), axis=0).shape
    (3, 1)
    """
    return p_reshape.invoke(x, _squeeze_rule(x, axis))


@composite("unsqueeze")
def unsqueeze(x: Tensor[Unpack[Tuple[Any, ...]]], axis: int) -> AnyTensor:
    """``unsqueeze(x, axis)``: insert a size-1 axis at ``axis`` (negative counts from the end
    of the result, as numpy's ``expand_dims``).

    >>> import typedflux as tf
    >>> tf.unsqueeze(tf.zeros(2, 3), -1).shape
    (2, 3, 1)
    """
    return p_reshape.invoke(x, _unsqueeze_rule(x, axis))


def flatten(x: Tensor[Unpack[Tuple[Any, ...]]]) -> AnyTensor:
    """``flatten(Tensor[B, *R]) -> Tensor[B, prod(R)]``: keep the batch axis, flatten the rest.

    >>> import typedflux as tf
    >>> tf.flatten(tf.zeros(2, 3, 4)).shape
    (2, 12)
    """
    return p_reshape.invoke(x, _flatten_rule(x))
