"""``matmul`` with numpy semantics (1-D operands, batched broadcasting) and a VJP that stays
in BLAS: every gradient is one or two ``matmul`` calls, never an elementwise outer product
summed in Python.

>>> import typedflux as tf
>>> (tf.ones(5, 2, 3) @ tf.ones(3, 4)).shape
(5, 2, 4)
>>> tf.tensor([[1.0, 2.0]]) @ tf.zeros(3, 4)
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: ...
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.dtypes import not_for_bools
from typedflux.engine.operands import int_param
from typedflux.engine.tape import needed
from typedflux.ops.examples import normal, rng
from typedflux.ops.registry import Primitive, primitive
from typedflux.tensor import Tensor, TensorLike

__all__ = ["matmul", "tril", "triu"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

_BOOL = np.dtype(np.bool_)


def _matmul_forward(x: Any, w: Any) -> Any:
    # numpy's product of two bool arrays is a logical one (True, not a count): refused.
    if type(x) is np.ndarray and type(w) is np.ndarray and x.dtype is _BOOL and w.dtype is _BOOL:
        raise not_for_bools("matmul", x, w)
    return np.matmul(x, w)


p_matmul: Primitive = primitive("matmul")(_matmul_forward)


@p_matmul.vjp
def _matmul_vjp(g: Any, out: Any, x: Any, w: Any) -> Tuple[Any, ...]:
    if not isinstance(x, np.ndarray):
        x = np.asarray(x)
    if not isinstance(w, np.ndarray):
        w = np.asarray(w)
    want_x, want_w = needed(0), needed(1)  # skip the GEMM of an input off the tape
    if x.ndim == 1 and w.ndim == 1:  # a dot product: g is a scalar
        return g * w, g * x
    # Lift 1-D operands to matrices (a row x, a column w) as numpy does, and put the
    # removed axes back into g.
    x2 = x[None, :] if x.ndim == 1 else x
    w2 = w[:, None] if w.ndim == 1 else w
    g2 = g
    if x.ndim == 1:
        g2 = np.expand_dims(g2, -2)
    if w.ndim == 1:
        g2 = np.expand_dims(g2, -1)
    gx: Any = None
    gw: Any = None
    if w2.ndim == 2 and x2.ndim > 2:
        # A shared weight under a batch: fold the batch into rows, one GEMM for dW.
        k, m = w2.shape
        if want_w:
            gw = x2.reshape(-1, k).T @ g2.reshape(-1, m)
        if want_x:
            gx = g2 @ w2.T
    elif x2.ndim == 2 and w2.ndim > 2:
        n, k = x2.shape
        if want_x:
            # dX = sum_b g_b @ w_b^T = [g_1 .. g_B] (n, B*m) @ [w_1^T; ..; w_B^T] (B*m, k).
            gx = np.moveaxis(g2, -2, 0).reshape(n, -1) @ np.swapaxes(w2, -1, -2).reshape(-1, k)
        if want_w:
            gw = x2.T @ g2
    else:
        if want_x:
            gx = g2 @ np.swapaxes(w2, -1, -2)
        if want_w:
            gw = np.swapaxes(x2, -1, -2) @ g2
    if x.ndim == 1 and gx is not None:
        gx = gx[..., 0, :]
    if w.ndim == 1 and gw is not None:
        gw = gw[..., 0]
    return gx, gw


@p_matmul.examples
def _matmul_examples() -> List[Tuple[Any, ...]]:
    r = rng()
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
    return [(normal(a, r), normal(b, r)) for a, b in pairs]


def matmul(x: TensorLike, w: TensorLike) -> AnyTensor:
    """``matmul(Tensor[*A, n, k], Tensor[*B, k, m]) -> Tensor[broadcast(A, B), n, m]``
    (``x @ w``; a 1-D ``x`` is a row, a 1-D ``w`` a column, as in numpy).

    >>> import typedflux as tf
    >>> tf.matmul(tf.ones(2, 3), tf.ones(3)).shape
    (2,)
    """
    return p_matmul.invoke(x, w)


def _tril_forward(x: Any, k: int) -> Any:
    return np.tril(x, int_param(k, "tril", "k"))


def _triu_forward(x: Any, k: int) -> Any:
    return np.triu(x, int_param(k, "triu", "k"))


p_tril: Primitive = primitive("tril")(_tril_forward)
p_triu: Primitive = primitive("triu")(_triu_forward)


@p_tril.vjp
def _tril_vjp(g: Any, out: Any, x: Any, k: int) -> Tuple[Any, ...]:
    return (np.tril(g, k),)


@p_triu.vjp
def _triu_vjp(g: Any, out: Any, x: Any, k: int) -> Tuple[Any, ...]:
    return (np.triu(g, k),)


def _triangle_examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(1234)
    return [(r.standard_normal((3, 4)), 0), (r.standard_normal((3, 4)), 1),
            (r.standard_normal((4, 3)), -1), (r.standard_normal((2, 3, 3)), 0)]


p_tril.examples(_triangle_examples)
p_triu.examples(_triangle_examples)


def tril(x: TensorLike, k: int = 0) -> AnyTensor:
    """``tril(Tensor[*B, n, m], k=0) -> Tensor[*B, n, m]``: the lower triangle of the last two
    axes (``x[..., i, j]`` where ``j <= i + k``), zeros above. ``k > 0`` keeps diagonals above
    the main one, ``k < 0`` drops some below (numpy's ``k``, torch's ``diagonal``).
    Bool tensors give a causal mask: ``tf.tril(tf.ones(T, T)) > 0``.

    >>> import typedflux as tf
    >>> tf.tril(tf.ones(3, 3))
    Tensor[3, 3] float32
    [[1. 0. 0.]
     [1. 1. 0.]
     [1. 1. 1.]]
    """
    return p_tril.invoke(x, k)


def triu(x: TensorLike, k: int = 0) -> AnyTensor:
    """``triu(Tensor[*B, n, m], k=0) -> Tensor[*B, n, m]``: the upper triangle of the last two
    axes (``j >= i + k``), zeros below; ``triu(x, 1)`` marks the future positions a causal
    attention mask hides.

    >>> import typedflux as tf
    >>> tf.triu(tf.ones(2, 3), k=1)
    Tensor[2, 3] float32
    [[0. 1. 1.]
     [0. 0. 1.]]
    """
    return p_triu.invoke(x, k)
