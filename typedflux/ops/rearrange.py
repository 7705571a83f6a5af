"""einops-style ``rearrange``: one reshape, one transpose and one reshape, planned from the
pattern by the same binding the shape rule runs; its VJP is the inverse rearrangement. And
einops' ``reduce``: a rearrangement that moves the reduced axes last, a reduction over them,
and a rearrangement into the right side.

>>> import typedflux as tf
>>> tf.rearrange(tf.zeros(2, 10, 512), "b t (h d) -> b h t d", h=8).shape
(2, 8, 10, 64)
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.engine.operands import int_param
from typedflux.ops.reduce import p_max, p_min, p_sum
from typedflux.ops.registry import Primitive, composite_rule, primitive
from typedflux.shapes.rules_rearrange import ELLIPSIS, REDUCTIONS, Sizes, parse_pattern, recipe
from typedflux.tensor import Tensor, TensorLike

__all__ = ["rearrange", "reduce"]

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
    return p_rearrange.invoke(x, _pattern(pattern, "rearrange"), _sizes(sizes, "rearrange"))


def _pattern(pattern: Any, op: str) -> str:
    if not isinstance(pattern, str):
        raise TypeError(f'"{op}" needs a string for pattern, got {type(pattern).__name__}')
    return pattern


def _sizes(sizes: Dict[str, Any], op: str) -> Sizes:
    dims: List[Tuple[str, int]] = []
    for name, size in sizes.items():
        dims.append((name, int_param(size, op, f"the size {name}=")))
    return tuple(dims)


_reduce_rule = composite_rule("reduce")


def reduce(x: TensorLike, pattern: str, reduction: str, **sizes: int) -> AnyTensor:
    """``reduce(x, pattern, reduction, **sizes)``: einops' ``reduce``: the names of the left
    side missing on the right are reduced with ``reduction`` (``"sum"``, ``"mean"``,
    ``"max"`` or ``"min"``); the rest is arranged as in ``rearrange``. ``"b t d -> b d"`` with
    ``"mean"`` averages over time; ``"b (h w) c -> b c"`` pools pixels. Checked statically
    like ``rearrange``.

    >>> import typedflux as tf
    >>> x = tf.arange(12.0).reshape(2, 3, 2)
    >>> tf.reduce(x, "b t d -> b d", "mean")
    Tensor[2, 2] float32
    [[2. 3.]
     [8. 9.]]
    >>> tf.reduce(x, "b (t k) d -> b t", "max", k=3).shape
    (2, 1)
    """
    pattern = _pattern(pattern, "reduce")
    if not isinstance(reduction, str) or reduction not in REDUCTIONS:
        raise ValueError(
            f'"reduce" needs one of {", ".join(REDUCTIONS)} for reduction, got {reduction!r}'
        )
    dims = _sizes(sizes, "reduce")
    _reduce_rule(x, pattern, reduction, dims)
    p = parse_pattern(pattern, "reduce")
    kept = [m for e in p.right for m in e.names]
    gone = [m for e in p.left for m in e.names if m not in kept]
    left = " ".join(e.text for e in p.left)
    moved = p_rearrange.invoke(x, f"{left} -> {' '.join(kept + gone)}", dims)
    n = moved.data.ndim
    axes = tuple(range(n - len(gone), n))
    if reduction == "max":
        out = p_max.invoke(moved, axes, False)
    elif reduction == "min":
        out = p_min.invoke(moved, axes, False)
    else:
        out = p_sum.invoke(moved, axes, False)
        if reduction == "mean":
            count = math.prod(moved.data.shape[n - len(gone):])
            out = out * (1.0 / count) if count else out * float("nan")
    kept_text = " ".join(ELLIPSIS if m == ELLIPSIS else m for m in kept)
    return p_rearrange.invoke(out, f"{kept_text} -> {' '.join(e.text for e in p.right)}", ())
