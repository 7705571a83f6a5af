"""The ``bilinear`` primitive: ``z[..., o] = sum_ij x[..., i] w[o, i, j] y[..., j] + b[o]`` (the
Bilinear layer), a forward and a hand-written VJP, every step a GEMM over the flattened
leading dims. The shape rule is in ``typedflux/shapes/rules_bilinear.py``.

Inputs are converted to the weight's dtype first (Flux's rule for layers, as the other
layer kernels do: :func:`typedflux.ops.kernels.common.as_param`).

>>> import typedflux as tf
>>> bilinear(tf.ones(2, 3), tf.ones(2, 4), tf.ones(5, 3, 4), tf.zeros(5)).shape
(2, 5)
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

from typedflux.ops.kernels.common import as_param
from typedflux.ops.registry import primitive
from typedflux.tensor import Tensor

__all__ = ["bilinear", "bilinear_forward", "bilinear_backward"]

Array = npt.NDArray[Any]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


def _flat(x: Array) -> Array:
    return x.reshape(-1, x.shape[-1]) if x.ndim != 2 else x


def _wy(y2: Array, w: Array) -> Array:
    """``(M, out, in1)``: ``sum_j w[o, i, j] y[m, j]`` for every row ``m``, one GEMM."""
    out, in1, in2 = w.shape
    r: Array = (y2 @ w.reshape(out * in1, in2).T).reshape(-1, out, in1)
    return r


def bilinear_forward(x: Array, y: Array, w: Array, b: Any) -> Array:
    """``x' w[o] y + b[o]`` over any leading dims (``x`` and ``y`` share them); ``b`` an
    array or anything else for none."""
    x, y = as_param(x, w), as_param(y, w)
    x2, y2 = _flat(x), _flat(y)
    z: Array = np.matmul(_wy(y2, w), x2[:, :, None])[:, :, 0]  # (M, out)
    if isinstance(b, np.ndarray):
        z += b
    return z.reshape(x.shape[:-1] + (w.shape[0],))


def bilinear_backward(g: Array, x: Array, y: Array, w: Array, b: Any
                      ) -> Tuple[Array, Array, Array, Optional[Array]]:
    """Gradients for (x, y, w, b): ``gx = g' (w y)``, ``gy = (g x)' w``, ``gw = sum_m
    g x (x) y``; three GEMMs and one batched GEMV."""
    x, y = as_param(x, w), as_param(y, w)
    out, in1, in2 = w.shape
    x2, y2 = _flat(x), _flat(y)
    g2 = g.reshape(-1, out)
    gx = np.matmul(g2[:, None, :], _wy(y2, w))[:, 0, :]  # (M, in1)
    gxo = (g2[:, :, None] * x2[:, None, :]).reshape(-1, out * in1)  # (M, out*in1)
    gy = gxo @ w.reshape(out * in1, in2)
    gw = (gxo.T @ y2).reshape(w.shape)
    gb = g2.sum(axis=0) if isinstance(b, np.ndarray) else None
    return gx.reshape(x.shape), gy.reshape(y.shape), gw, gb


@primitive("bilinear")
def p_bilinear(x: Any, y: Any, w: Any, b: Any) -> Any:
    return bilinear_forward(x, y, w, b)


@p_bilinear.vjp
def _bilinear_vjp(g: Any, out: Any, x: Any, y: Any, w: Any, b: Any) -> Tuple[Any, ...]:
    return bilinear_backward(g, x, y, w, b)


_rng = np.random.default_rng(1357)


@p_bilinear.examples
def _bilinear_examples() -> List[Tuple[Any, ...]]:
    r = _rng.standard_normal
    return [
        (r((4, 3)), r((4, 2)), r((5, 3, 2)), r(5)),
        (r((2, 3, 4)), r((2, 3, 4)), r((2, 4, 4)), 0.0),  # leading dims (B, T), no bias
        (r(3), r(2), r((4, 3, 2)), r(4)),                  # one sample, no batch axis
    ]


def bilinear(x: Any, y: Any, w: Any, b: Any = 0.0) -> AnyTensor:
    """``z[..., o] = sum_ij x[..., i] w[o, i, j] y[..., j] + b[o]``: ``x Tensor[*Bs, in1],
    y Tensor[*Bs, in2], w Tensor[out, in1, in2] -> Tensor[*Bs, out]``.

    >>> import typedflux as tf
    >>> bilinear(tf.tensor([[1.0, 2.0]]), tf.tensor([[3.0]]), tf.ones(1, 2, 1)).numpy().tolist()
    [[9.0]]
    """
    return p_bilinear.invoke(x, y, w, b)
