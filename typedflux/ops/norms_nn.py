"""Group normalisation: the ``groupnorm`` primitive (a forward and a hand-written VJP), used by
``GroupNorm`` and, with one channel per group, by ``InstanceNorm``.

Statistics are per sample over each block of ``C/groups`` channels and every later axis
(biased variance, as Flux, NNlib and PyTorch use for the normalisation itself), then an
optional per-channel scale and shift. The shape rule is in
``typedflux/shapes/rules_norms.py``.

>>> import typedflux as tf
>>> y = groupnorm(tf.tensor([[[1.0, 3.0], [5.0, 9.0]]]), tf.ones(2), tf.zeros(2), 2)
>>> [round(v, 3) for v in y.numpy().ravel().tolist()]
[-1.0, 1.0, -1.0, 1.0]
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

from typedflux.ops.kernels.common import as_float, as_param
from typedflux.ops.layers_nn import _save, _saved
from typedflux.ops.registry import primitive
from typedflux.tensor import Tensor

__all__ = ["groupnorm", "groupnorm_forward", "groupnorm_backward"]

Array = npt.NDArray[Any]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _vector(v: Any) -> Optional[Array]:
    # A layer without an affine part passes numbers (1.0, 0.0): nothing to apply or train.
    return v if isinstance(v, np.ndarray) and v.ndim == 1 else None


def _channel_view(v: Array, ndim: int) -> Array:
    return v.reshape((1, -1) + (1,) * (ndim - 2))


def _stats(x: Array, groups: int, eps: float) -> Tuple[Array, Array]:
    """``xhat`` (x normalised per sample and group, x's shape) and ``1/sqrt(var + eps)``
    per (sample, group)."""
    n = x.shape[0]
    if x.size == 0:  # an empty batch (or empty axes): nothing to normalise
        return x.copy(), np.ones_like(x, shape=(n, groups, 1))
    xg = x.reshape(n, groups, -1)
    mu = xg.mean(axis=-1, keepdims=True)
    inv = 1 / np.sqrt(xg.var(axis=-1, keepdims=True) + eps)
    xhat: Array = ((xg - mu) * inv).reshape(x.shape)
    return xhat, inv


def groupnorm_forward(x: Array, w: Any, b: Any, groups: int, eps: float
                      ) -> Tuple[Array, Array, Array]:
    """``w[c] * (x - mean) / sqrt(var + eps) + b[c]`` with the statistics of each sample's
    channel block. Returns the output, ``xhat`` and the inverse deviations (for the VJP).
    Computes in the parameters' dtype (the input's float dtype without them)."""
    wv, bv = _vector(w), _vector(b)
    x = as_param(x, wv) if wv is not None else as_float(x)
    xhat, inv = _stats(x, groups, eps)
    y = xhat
    if wv is not None:
        y = y * _channel_view(wv, x.ndim)
    if bv is not None:
        y = y + _channel_view(bv, x.ndim)
    if y is xhat:
        y = xhat.copy()
    return y.astype(x.dtype, copy=False), xhat, inv


def groupnorm_backward(g: Array, xhat: Array, inv: Array, w: Any, b: Any, groups: int
                       ) -> Tuple[Array, Optional[Array], Optional[Array]]:
    """Gradients for (x, weight, bias); ``None`` for a weight or bias that is a number."""
    wv, bv = _vector(w), _vector(b)
    axes = (0,) + tuple(range(2, g.ndim))
    gw = (g * xhat).sum(axis=axes) if wv is not None else None
    gb = g.sum(axis=axes) if bv is not None else None
    gxhat = g * _channel_view(wv, g.ndim) if wv is not None else g
    n = g.shape[0]
    if g.size == 0:
        return g.astype(xhat.dtype), gw, gb
    gg = gxhat.reshape(n, groups, -1)
    xh = xhat.reshape(n, groups, -1)
    gx = inv * (gg - gg.mean(axis=-1, keepdims=True)
                - xh * (gg * xh).mean(axis=-1, keepdims=True))
    return gx.reshape(g.shape).astype(xhat.dtype, copy=False), gw, gb


@primitive("groupnorm")
def p_groupnorm(x: Any, weight: Any, bias: Any, groups: int, eps: float) -> Any:
    out, xhat, inv = groupnorm_forward(x, weight, bias, groups, eps)
    _save(out, (xhat, inv))
    return out


@p_groupnorm.vjp
def _groupnorm_vjp(g: Any, out: Any, x: Any, weight: Any, bias: Any, groups: int,
                   eps: float) -> Tuple[Any, ...]:
    saved = _saved(out)
    if saved is None:
        saved = groupnorm_forward(x, weight, bias, groups, eps)[1:]
    return groupnorm_backward(g, saved[0], saved[1], weight, bias, groups)


_rng = np.random.default_rng(2468)


@p_groupnorm.examples
def _groupnorm_examples() -> List[Tuple[Any, ...]]:
    r = _rng.standard_normal
    return [
        (r((2, 6, 3, 2)), r(6), r(6), 3, 1e-5),
        (r((3, 4, 5)), r(4), r(4), 4, 1e-5),         # one channel per group (InstanceNorm)
        (r((2, 4)), 1.0, 0.0, 2, 1e-3),             # no affine part, no spatial axes
        (r((2, 3, 2, 2, 2)), r(3), 0.0, 1, 1e-5),   # one group over everything (5-D)
    ]


def groupnorm(x: Any, weight: Any = 1.0, bias: Any = 0.0, groups: int = 1,
              eps: float = 1e-5) -> AnyTensor:
    """Group normalisation over axis 1 in ``groups`` blocks: ``Tensor[B, C, *S] ->
    Tensor[B, C, *S]``, ``weight``/``bias`` ``Tensor[C]`` (or numbers for none).

    >>> import typedflux as tf
    >>> groupnorm(tf.ones(2, 4, 3), groups=2).shape
    (2, 4, 3)
    """
    return p_groupnorm.invoke(x, weight, bias, groups, eps)
