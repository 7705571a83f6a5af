"""einops-style ``rearrange``: one reshape, one transpose and one reshape, planned from the
pattern by the same binding the shape rule runs; its VJP is the inverse rearrangement.

>>> import typedflux as tf
>>> tf.rearrange(tf.zeros(2, 10, 512), "b t (h d) -> b h t d", h=8).shape
(2, 8, 10, 64)
"""

from __future__ import annotations

import operator
from typing import Any, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.ops.registry import Primitive, primitive
from typedflux.shapes.rules_rearrange import Sizes, recipe
from typedflux.tensor import Tensor, TensorLike

__all__ = ["rearrange"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _rearrange_forward(x: Any, pattern: str, sizes: Sizes) -> Any:
    single, perm, out = recipe(pattern, np.shape(x), sizes)
    return np.reshape(np.transpose(np.reshape(x, single), perm), out)


p_rearrange: Primitive = primitive("rearrange")(_rearrange_forward)


@p_rearrange.vjp
def _rearrange_vjp(g: Any, out: Any, x: Any, pattern: str, sizes: Sizes) -> Tuple[Any, ...]:
    single, perm, _ = recipe(pattern, np.shape(x), sizes)
    moved = np.reshape(g, tuple(single[p] for p in perm))
    return (np.reshape(np.transpose(moved, np.argsort(perm)), np.shape(x)),)


@p_rearrange.examples
def _examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(1234)

    def n(*shape: int) -> Any:
        return r.standard_normal(shape)

    return [
        (n(2, 3, 8), "b t (h d) -> b h t d", (("h", 2),)),
        (n(2, 2, 3, 4), "b h t d -> b t (h d)", ()),
        (n(2, 3, 4, 5), "b ... d -> b d ...", ()),
        (n(2, 3, 4), "b ... -> b (...)", ()),
        (n(3, 1, 4), "a 1 c -> c () a", ()),
        (n(6, 4), "(a b) c -> (b c) a", (("a", 2),)),
        (n(5), "a -> a", ()),
    ]


def rearrange(x: TensorLike, pattern: str, **sizes: int) -> AnyTensor:
    """``rearrange(x, pattern, **sizes)``: einops' ``rearrange``: axes moved, split and merged
    as a pattern ``"left -> right"`` says, e.g. ``"b t (h d) -> b h t d"`` splits the last
    axis into heads. Names are single axes; ``(h d)`` is one axis of size ``h*d``; ``1`` and
    ``()`` are axes of size 1; ``...`` stands for the axes not named. Keyword sizes fix names
    (``h=8``); in a group on the left all names but one need a size. The mypy plugin reads the
    pattern: a pattern that does not fit the tensor's type is a ``[shape]`` error, and the
    result's dims are computed (``(h d)`` of 512 with ``h=8`` gives ``d = 64``).

    - ``x``: the tensor; its rank must match the left side (at least, with ``...``).
    - ``pattern``: a string (a literal or a ``Final`` name, so the checker can read it).
    - ``sizes``: ints (or dims) for names the shape alone does not fix.

    >>> import typedflux as tf
    >>> x = tf.arange(6).reshape(1, 2, 3)
    >>> tf.rearrange(x, "b h w -> b w h").shape, tf.rearrange(x, "b h w -> b (h w)").shape
    ((1, 3, 2), (1, 6))
    >>> tf.rearrange(tf.zeros(2, 10, 500), "b t (h d) -> b h t d", h=8)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot split axis for "rearrange": x has Tensor[2, 10, 500], pattern "b t (h d) -> b h t d" with h=8; need 500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)
    """
    if not isinstance(pattern, str):
        raise TypeError(f'"rearrange" needs a string for pattern, got {type(pattern).__name__}')
    dims: List[Tuple[str, int]] = []
    for name, size in sizes.items():
        try:
            dims.append((name, operator.index(size)))
        except TypeError:
            raise TypeError(
                f'"rearrange" needs an int for the size {name}=, got {type(size).__name__}'
            ) from None
    return p_rearrange.invoke(x, pattern, tuple(dims))
