"""The fused ``logitcrossentropy`` primitive: stable log-softmax + cross-entropy + mean/sum
in one forward, with a hand-written VJP (``softmax(yhat) * sum(y) - y``, scaled).

The public function is ``tf.losses.logitcrossentropy``; this module only binds the runtime
half (forward, VJP, gradient-check examples) to ``SPECS["logitcrossentropy"]``.

>>> import typedflux as tf
>>> logits = tf.tensor([[2.0, 0.0, -1.0]])
>>> round(p_logitcrossentropy(logits, tf.tensor([[1.0, 0.0, 0.0]]), "mean").item(), 4)
0.1698
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np

from typedflux.dtypes import floating
from typedflux.engine.tape import needed
from typedflux.ops.kernels.common import ones as cached_ones
from typedflux.ops.layers_nn import _save, _saved
from typedflux.ops.registry import Primitive, primitive

__all__ = ["p_logitcrossentropy"]


_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_max = np.maximum.reduce
_add = np.add.reduce


def _logsoftmax(x: Any) -> Any:
    # ufunc reductions directly: np.max/np.sum's Python wrappers cost more than the maths
    # on a [batch, classes] array.
    shifted = x - _max(x, axis=-1, keepdims=True)
    return shifted - np.log(_add(np.exp(shifted), axis=-1, keepdims=True))


def _rows(x: Any) -> int:
    # The number of samples: everything but the class axis (1 for a single vector).
    return int(x.size // x.shape[-1]) if x.shape[-1] else 0


def _array(v: Any) -> Any:
    # A full reduction gives a numpy scalar: the op's output is a 0-d array. (isinstance, not
    # np.asarray: an array recorded by tf.compile must stay what it is.)
    return v if isinstance(v, np.ndarray) else np.asarray(v)


def _check_agg(agg: Any) -> None:
    if agg not in ("mean", "sum"):
        raise ValueError(f'logitcrossentropy: the fused op reduces by "mean" or "sum", got {agg!r}')


def _rowmax(x2: Any) -> Any:
    # numpy reduces a short last axis row by row (~70 ns a row: 18 us for [256, 10]); over
    # a column-major copy the same max is one vectorised pass per class (~4 us).
    if x2.shape[1] <= 32:
        return _max(x2 if x2.flags.f_contiguous else x2.copy(order="F"), axis=1)
    return _max(x2, axis=1)


def _fast(yhat: Any, y: Any) -> bool:
    # Same-shape, same-float-dtype arrays (the usual logits and one-hot or soft targets):
    # row sums as a GEMV (BLAS float32/float64 only: a float16 matmul would also sum in
    # float16), no [N, C] log-softmax. Anything else takes the general path.
    dt = yhat.dtype
    return (
        isinstance(y, np.ndarray)
        and y.dtype is dt
        and (dt is _F32 or dt is _F64)
        and y.shape == yhat.shape
        and yhat.size > 0
    )


def _parts(yhat: Any, y: Any) -> Tuple[Any, ...]:
    """``(shifted, log(s), e, s, sum_k y)`` over rows ``[R, C]``: ``shifted = x - max``,
    ``e = exp(shifted)``, ``s = sum_k e``; ``logsoftmax = shifted - log(s)``."""
    c = yhat.shape[-1]
    x2 = yhat.reshape(-1, c)
    ones = cached_ones(c, yhat.dtype)
    shifted = x2 - _rowmax(x2)[:, None]
    e = np.exp(shifted)
    s = e @ ones
    return shifted, np.log(s), e, s, y.reshape(-1, c) @ ones


def _forward(yhat: Any, y: Any, agg: str) -> Any:
    if agg != "mean" and agg != "sum":
        _check_agg(agg)
    # Integer or bool logits as floats: unsigned ones would wrap in yhat - max, bools
    # cannot be subtracted, small ones would give float16.
    yhat = floating(yhat)
    if _fast(yhat, y):
        parts = _parts(yhat, y)
        shifted, logs, _, _, ysum = parts
        # -sum(y * (shifted - log s)) as two dot products (no [N, C] temporary); both
        # terms are >= 0 (shifted <= 0, s >= 1), so nothing cancels.
        total = np.dot(ysum, logs) - np.dot(y.reshape(-1), shifted.reshape(-1))
        out = _array(total if agg == "sum" else total / logs.shape[0])  # [rows]
        _save(out, parts)  # kept while a tape records, so the VJP does not recompute
        return out
    lsm = _logsoftmax(yhat)
    if isinstance(y, np.ndarray) and y.shape == lsm.shape:
        # sum(y * lsm) over everything as one dot product (no [N, C] temporary).
        total = -np.dot(y.reshape(-1), lsm.reshape(-1))
    else:
        total = -_add(y * lsm, axis=None)
    out = _array(total if agg == "sum" else total / _rows(lsm))
    # Kept with the output while a tape records, so the VJP does not recompute it.
    _save(out, lsm)
    return out


p_logitcrossentropy: Primitive = primitive("logitcrossentropy")(_forward)


@p_logitcrossentropy.vjp
def _vjp(g: Any, out: Any, yhat: Any, y: Any, agg: str) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None and _fast(yhat, y):
        saved = _parts(yhat, y)
    if type(saved) is tuple:
        shifted, logs, e, s, ysum = saved
        scale = g / s.shape[0] if agg == "mean" else g  # s: one sum per row (>= 1 row)
        dyhat = dy = None
        if needed(0):
            # softmax * sum(y) - y, with the per-row factor sum(y) / s on the [R] vector.
            p = e * (ysum / s)[:, None]
            p -= y.reshape(p.shape)
            p *= scale
            dyhat = p.reshape(yhat.shape).astype(yhat.dtype, copy=False)
        if needed(1):
            lsm = shifted - logs[:, None]
            dy = (-scale * lsm).reshape(y.shape).astype(y.dtype, copy=False)
        return dyhat, dy
    scale = g / max(_rows(yhat), 1) if agg == "mean" else g
    lsm = saved
    if lsm is None:
        lsm = _logsoftmax(yhat)
    dyhat = dy = None
    if needed(0):
        p = np.exp(lsm)
        p *= _add(y, axis=-1, keepdims=True) if np.ndim(y) else y
        p -= y
        p *= scale
        dyhat = p.astype(yhat.dtype, copy=False)
    if needed(1):  # the targets are usually data: no gradient wanted
        dy = (-scale * lsm).astype(np.result_type(y), copy=False)
    return dyhat, dy


@p_logitcrossentropy.examples
def _examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(7)
    onehot = np.eye(4)[r.integers(0, 4, size=5)]
    soft = r.random((2, 3, 4))
    return [
        (r.standard_normal((5, 4)), onehot, "mean"),
        (r.standard_normal((5, 4)) * 30, onehot, "sum"),  # large logits: stability
        (r.standard_normal(4), soft[0, 0] / soft[0, 0].sum(), "mean"),
        (r.standard_normal((2, 3, 4)), soft, "mean"),
    ]
