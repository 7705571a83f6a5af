"""Normalisation kernels: batch norm (statistics over the batch and spatial axes) and layer
norm (over the last axis), forwards and hand-written backwards.

>>> import numpy as np
>>> x = np.arange(6, dtype=np.float64).reshape(2, 3)
>>> layernorm_forward(x, np.ones(3), np.zeros(3), 1e-5).sum(axis=-1).round(6).tolist()
[0.0, 0.0]
"""

from __future__ import annotations

from typing import Tuple

import numpy as np

from typedflux.ops.kernels.common import Array, as_param

__all__ = ["batchnorm_forward", "batchnorm_backward", "layernorm_forward", "layernorm_backward"]


def _bn_axes(x: Array) -> Tuple[int, ...]:
    return (0,) + tuple(range(2, x.ndim))


def _bn_view(v: Array, ndim: int) -> Array:
    return v.reshape((1, -1) + (1,) * (ndim - 2))


def batchnorm_forward(
    x: Array, w: Array, b: Array, mean: Array, var: Array, training: bool, eps: float
) -> Array:
    """``w * (x - mu) / sqrt(var + eps) + b`` per channel (axis 1); batch statistics when
    ``training`` (biased variance), else the given running ``mean``/``var``."""
    x = as_param(x, w)
    if training:
        axes = _bn_axes(x)
        mu = x.mean(axis=axes, keepdims=True)
        sig2 = x.var(axis=axes, keepdims=True)
    else:
        mu, sig2 = _bn_view(mean, x.ndim), _bn_view(var, x.ndim)
    inv = 1 / np.sqrt(sig2 + eps)
    out: Array = (x - mu) * (inv * _bn_view(w, x.ndim)) + _bn_view(b, x.ndim)
    return out.astype(x.dtype, copy=False)


def batchnorm_backward(
    g: Array, x: Array, w: Array, mean: Array, var: Array, training: bool, eps: float
) -> Tuple[Array, Array, Array]:
    """Gradients for (x, weight, bias); in training the batch statistics depend on x."""
    x = as_param(x, w)
    axes = _bn_axes(x)
    if training:
        mu = x.mean(axis=axes, keepdims=True)
        sig2 = x.var(axis=axes, keepdims=True)
    else:
        mu, sig2 = _bn_view(mean, x.ndim), _bn_view(var, x.ndim)
    inv = 1 / np.sqrt(sig2 + eps)
    xhat = (x - mu) * inv
    gw = (g * xhat).sum(axis=axes)
    gb = g.sum(axis=axes)
    gxhat = g * _bn_view(w, x.ndim)
    if training:
        m = x.size // x.shape[1]
        gx = inv * (gxhat - gxhat.sum(axis=axes, keepdims=True) / m
                    - xhat * (gxhat * xhat).sum(axis=axes, keepdims=True) / m)
    else:
        gx = gxhat * inv
    return gx.astype(x.dtype, copy=False), gw, gb


def layernorm_forward(x: Array, w: Array, b: Array, eps: float) -> Array:
    """``w * (x - mean) / sqrt(var + eps) + b`` over the last axis."""
    x = as_param(x, w)
    mu = x.mean(axis=-1, keepdims=True)
    inv = 1 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    out: Array = (x - mu) * inv * w + b
    return out.astype(x.dtype, copy=False)


def layernorm_backward(
    g: Array, x: Array, w: Array, eps: float
) -> Tuple[Array, Array, Array]:
    """Gradients for (x, weight, bias)."""
    x = as_param(x, w)
    mu = x.mean(axis=-1, keepdims=True)
    inv = 1 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    xhat = (x - mu) * inv
    lead = tuple(range(x.ndim - 1))
    gw = (g * xhat).sum(axis=lead)
    gb = g.sum(axis=lead)
    gxhat = g * w
    d = x.shape[-1]
    gx = inv * (gxhat - gxhat.sum(axis=-1, keepdims=True) / d
                - xhat * (gxhat * xhat).sum(axis=-1, keepdims=True) / d)
    return gx.astype(x.dtype, copy=False), gw, gb
