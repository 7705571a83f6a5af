"""The dense kernel: ``act(x @ w.T + b)`` and its VJP (two GEMMs, a GEMV for the bias).

>>> import numpy as np
>>> dense_forward(np.ones((2, 3), np.float32), np.ones((4, 3), np.float32), 0.0, "relu").shape
(2, 4)
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

import numpy as np

from typedflux.ops.kernels.common import Array, _F32, _F64, _ONES, _act, _act_grad, as_param, ones
from typedflux.ops.kernels.relu import relu_

__all__ = ["dense_forward", "dense_vjp", "dense_vjp_parts", "dense_backward", "transposed",
           "weight_grad", "weight_layout"]


def dense_forward(
    x: Array, w: Array, b: Any, activation: str, grad_x: bool = True
) -> Array:
    """``act(x @ w.T + b)`` over any leading dims of ``x``; ``b`` is an array or anything
    else for no bias (a layer without one passes ``0.0``). Takes the dense primitive's
    arguments (``grad_x`` is unused here) so it is bound as the forward directly."""
    if x.dtype is not w.dtype:
        x = as_param(x, w)
    rows = x.size // x.shape[-1] if x.shape[-1] else 0
    if x.ndim == 2 and 0 < rows < w.shape[0] and w.flags.c_contiguous:
        # Fewer samples than output features (a small batch into a wide layer) and a weight
        # given in C order: OpenBLAS runs ``w @ x.T`` up to ~1.5x faster than ``x @ w.T``
        # (measured: 784->256 at batch 32, 184 us vs 122 us including the transposing copy
        # back to C order, which keeps the elementwise passes that follow running along
        # memory). A Fortran-ordered weight (``w.T`` in C order, assigned by a user) runs
        # ``x @ w.T`` as fast without the copy.
        pre: Array = (w @ x.T).T.copy()
    else:
        pre = x @ w.T
    if isinstance(b, np.ndarray):
        pre += b
    if activation == "relu":  # the common cases without another call
        return relu_(pre)
    if activation == "identity":
        return pre
    return _act(pre, activation)


def dense_vjp(
    g: Array, out: Array, x: Array, w: Array, b: Any, activation: str, grad_x: bool
) -> Tuple[Optional[Array], Array, Optional[Array]]:
    """The dense primitive's VJP: gradients for (x, w, b), two GEMMs on the flattened batch
    (one when ``x`` needs no gradient, e.g. the data fed to a first layer); ``None`` for a
    bias that is not an array."""
    gx, g2, x2, gb = dense_vjp_parts(g, out, x, w, b, activation, grad_x)
    return gx, weight_grad(g2, x2, transposed(w)), gb


def transposed(w: Array) -> bool:
    """Whether the weight ``w`` lies ``[in, out]`` in memory (Fortran-ordered ``[out, in]``,
    as :func:`weight_layout` makes Dense's), so its gradient is made in that layout too
    (:func:`weight_grad`).

    >>> transposed(np.ones((3, 2), order="F")), transposed(np.ones((3, 2)))
    (True, False)
    """
    f = w.flags
    return bool(f.f_contiguous and not f.c_contiguous)


def weight_grad(g2: Array, x2: Array, t: bool) -> Array:
    """The weight gradient ``g2.T @ x2`` from the flattened output gradient and input, in
    the weight's layout: when ``t`` (a Fortran-ordered weight, see :func:`transposed`) a
    Fortran-ordered array of its own whose transpose is the product ``x2.T @ g2``, so that
    the update ``w -= eta * g`` runs along both arrays' memory. The two orders multiply
    the same numbers, but OpenBLAS may round them differently: a weight's layout is part of
    what its numbers are.

    >>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> gw = weight_grad(g2, x2, True)
    >>> gw.shape, gw.flags.f_contiguous, gw.base is None
    ((3, 4), True, True)
    """
    if not t:
        made: Array = g2.T @ x2
        return made
    dt = g2.dtype if g2.dtype == x2.dtype else np.promote_types(g2.dtype, x2.dtype)
    # (empty_like: tf.compile records it as a buffer of this layout; the product written
    # through out= is matmul's own, bit for bit.)
    gw = np.empty_like(g2, dt, "F", shape=(g2.shape[1], x2.shape[1]))
    np.matmul(x2.T, g2, out=gw.T)
    return gw


def weight_layout(w: Array) -> Array:
    """``w`` (``[out, in]``) as Dense keeps its weight: C-ordered, PyTorch's layout. On
    OpenBLAS's AVX-512 (SkylakeX) kernels it gives the eager MLP 784-256-128-10 step ~5 %
    less time at batch 32 and no more at 256 than the Fortran order (``[in, out]`` in memory,
    the reference's ``x @ W`` operands) Dense kept from 2026-12-06 12:00 to 22:00, which had
    been measured ~1 % faster at batch 256 on the AVX2 (Haswell) kernels
    (benchmarks/PROFILE.md, "twelfth pass"). A weight in either order works: its gradient and
    optimiser state follow its layout (:func:`transposed`). The values and the shape are
    ``w``'s.

    >>> weight_layout(np.ones((3, 2), np.float32, order="F")).flags.c_contiguous
    True
    """
    return np.ascontiguousarray(w)


def dense_vjp_parts(
    g: Array, out: Array, x: Array, w: Array, b: Any, activation: str, grad_x: bool
) -> Tuple[Optional[Array], Array, Array, Optional[Array]]:
    """:func:`dense_vjp` with the weight gradient left as its two factors: ``(gx, g2, x2,
    gb)``, the weight gradient being ``g2.T @ x2`` (``tf.train`` folds a Descent step into
    that GEMM: typedflux/engine/proven.py), or ``(x2.T @ g2).T`` for a Fortran-ordered weight
    (:func:`weight_grad`)."""
    if x.dtype is not w.dtype:
        x = as_param(x, w)
    if activation == "relu":  # the common cases without another call
        gp = g * (out > 0)
    elif activation == "identity":
        gp = g
    else:
        gp = _act_grad(g, out, activation)
    g2 = gp if gp.ndim == 2 else gp.reshape(-1, gp.shape[-1])
    x2 = x if x.ndim == 2 else x.reshape(-1, x.shape[-1])
    gb: Optional[Array] = None
    if isinstance(b, np.ndarray):
        # The bias gradient (a column sum) as a BLAS GEMV with ones: 2-4x faster than
        # numpy's axis-0 reduction (measured [256, 256] float32: 6 us vs 15 us). Other
        # dtypes (float16 would also sum in float16 in a matmul) keep the ufunc reduction.
        dt = g2.dtype
        if dt is _F32 or dt is _F64:
            n = g2.shape[0]
            o = _ONES.get((n, dt))
            gb = (o if o is not None else ones(n, dt)) @ g2
        else:
            gb = np.add.reduce(g2, axis=0)
    if not grad_x:
        gx: Optional[Array] = None
    elif gp.ndim == 2 and 0 < gp.shape[0] <= _NN_ROWS and w.shape[0] >= _NN_OUT and transposed(w):
        # A small batch out of a wide layer, through a Fortran-ordered weight: ``gp @ w`` hands
        # OpenBLAS the weight as a transposed operand, and its small-matrix path runs that
        # 1.3-1.9x slower than the product of the transposes (AVX-512 kernels, batch 8-32,
        # 128 or more outputs; 1.0-1.35x on the AVX2 ones; benchmarks/PROFILE.md, eleventh
        # pass). The copy gives the C-ordered array the elementwise passes after it read.
        gx = (w.T @ gp.T).T.copy()
    else:
        gx = gp @ w
    return gx, g2, x2, gb


# dense_vjp_parts' input gradient through a Fortran-ordered weight is the transposes'
# product up to this many rows and from this many output features (measured: at 64 rows, or
# with 10 or 64 outputs, it is slower that way).
_NN_ROWS = 32
_NN_OUT = 128


def dense_backward(
    g: Array, out: Array, x: Array, w: Array, activation: str, grad_x: bool = True
) -> Tuple[Optional[Array], Array, Array]:
    """Gradients for (x, w, b) of :func:`dense_forward` with a bias (see :func:`dense_vjp`)."""
    gx, gw, gb = dense_vjp(g, out, x, w, _HAS_BIAS, activation, grad_x)
    assert gb is not None
    return gx, gw, gb


# Stands for "a bias array" in dense_backward (only its type is read).
_HAS_BIAS = np.zeros(0)
