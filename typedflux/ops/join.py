"""Joining tensors: ``concat`` and ``stack`` (primitives), the connection functions
``cat(*xs)``, ``add(*xs)``, ``mul(*xs)`` used by ``SkipConnection`` and ``Parallel``, and the
inverse, ``split``/``chunk``: several outputs, each a slice (``getitem``) of the input, so
each output's gradient flows back through the slice's own VJP.

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

from typedflux.engine.operands import int_param
from typedflux.ops.elementwise import p_add, p_mul
from typedflux.ops.index import p_getitem
from typedflux.ops.examples import normal, rng
from typedflux.ops.registry import Primitive, composite, composite_rule, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["concat", "stack", "cat", "add", "mul", "split", "chunk"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _concat_forward(xs: List[Any], axis: int) -> Any:
    return np.concatenate(xs, axis=axis)


p_concat: Primitive = primitive("concat")(_concat_forward)


@p_concat.vjp
def _concat_vjp(g: Any, out: Any, xs: List[Any], axis: int) -> Tuple[Any, ...]:
    cuts = np.cumsum([np.shape(x)[axis] for x in xs])[:-1]
    return (np.split(g, cuts, axis=axis),)


@p_concat.examples
def _concat_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        ([normal((2, 3), r), normal((2, 1), r)], -1),
        ([normal((1, 3), r), normal((2, 3), r), normal((3, 3), r)], 0),
        ([normal((2, 3), r)], 1),
    ]


def _stack_forward(xs: List[Any], axis: int) -> Any:
    return np.stack(xs, axis=axis)


p_stack: Primitive = primitive("stack")(_stack_forward)


@p_stack.vjp
def _stack_vjp(g: Any, out: Any, xs: List[Any], axis: int) -> Tuple[Any, ...]:
    return (list(np.moveaxis(g, axis, 0)),)


@p_stack.examples
def _stack_examples() -> List[Tuple[Any, ...]]:
    r = rng()
    return [
        ([normal((2, 3), r) for _ in range(3)], 0),
        ([normal((2, 3), r) for _ in range(2)], -1),
        ([normal((4,), r)], 1),
    ]


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


def cat(*xs: TensorLike, axis: int = -1) -> AnyTensor:
    """``cat(*xs, axis=-1)``: ``concat`` as a connection (``SkipConnection(layer, tf.cat)``).

    >>> import typedflux as tf
    >>> tf.cat(tf.ones(2, 3), tf.ones(2, 2)).shape
    (2, 5)
    """
    _cat_rule(xs, axis)
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
    _add_n_rule(xs)
    return _fold(p_add.invoke, xs, "add")


def mul(*xs: TensorLike) -> AnyTensor:
    """``mul(*xs)``: the broadcast product of all arguments.

    >>> import typedflux as tf
    >>> tf.mul(tf.full(2, value=3.0), tf.full(2, value=2.0))
    Tensor[2] float32
    [6. 6.]
    """
    _mul_n_rule(xs)
    return _fold(p_mul.invoke, xs, "mul")


_split_rule = composite_rule("split")
_chunk_rule = composite_rule("chunk")


def _pieces(x: TensorLike, shapes: Sequence[Tuple[int, ...]], axis: int) -> Tuple[AnyTensor, ...]:
    n = len(shapes[0])
    i = axis + n if axis < 0 else axis
    out: List[AnyTensor] = []
    start = 0
    for shape in shapes:
        stop = start + shape[i]
        out.append(p_getitem.invoke(x, (slice(None),) * i + (slice(start, stop),)))
        start = stop
    return tuple(out)


@composite("split")
def split(x: TensorLike, sizes: Sequence[int], axis: int = -1) -> Tuple[AnyTensor, ...]:
    """``split(Tensor[..., n, ...], sizes, axis=-1)``: a tuple of tensors, one per size, cut
    along ``axis`` in order; the sizes must add up to ``n`` (the inverse of ``concat``). With
    the plugin, ``q, k, v = tf.split(qkv, (D, D, D))`` gives each its own type, and sizes that
    do not add up are a ``[shape]`` error.

    - ``sizes``: a tuple or list of sizes (torch's list form; for ``n`` equal parts use
      ``chunk``).
    - ``axis``: the axis to cut, the last by default (as ``concat`` joins).

    >>> import typedflux as tf
    >>> a, b = tf.split(tf.arange(10).reshape(2, 5), (2, 3))
    >>> a.shape, b.shape
    ((2, 2), (2, 3))
    """
    if isinstance(sizes, (int, Tensor)) or not isinstance(sizes, (tuple, list)):
        raise TypeError(
            f'"split" needs a tuple or list of sizes for sizes, got {type(sizes).__name__} '
            "(for n equal parts use chunk(x, n))"
        )
    sizes_t = tuple(int_param(v, "split", f"sizes[{k}]") for k, v in enumerate(sizes))
    shapes: Any = _split_rule(x, sizes_t, axis)
    return _pieces(x, shapes, axis)


@composite("chunk")
def chunk(x: TensorLike, chunks: int, axis: int = -1) -> Tuple[AnyTensor, ...]:
    """``chunk(Tensor[..., n, ...], chunks, axis=-1)``: ``chunks`` equal parts of ``axis`` as
    a tuple of tensors; ``n`` must divide evenly (numpy's ``split(x, chunks)``; torch's
    ``chunk`` would return fewer, uneven parts). ``q, k, v = tf.chunk(qkv, 3)`` splits a
    fused projection.

    >>> import typedflux as tf
    >>> [t.shape for t in tf.chunk(tf.zeros(2, 12), 3)]
    [(2, 4), (2, 4), (2, 4)]
    """
    # One shape per output (a several-output spec).
    shapes: Any = _chunk_rule(x, int_param(chunks, "chunk", "chunks"), axis)
    return _pieces(x, shapes, axis)

