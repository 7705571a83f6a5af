"""What every layer kernel shares: the dtype a kernel computes in (:func:`as_param`,
:func:`as_float`, :class:`PrecisionWarning`), buffers made from an argument (:func:`empty`,
:func:`zeros`, so ``tf.compile`` sees them made), cached ones for column sums (:func:`ones`)
and the activations fused into dense, conv and recurrent kernels (``_act``, ``_act_grad``,
``_sigmoid``).

Input dtypes (Flux's rule): a kernel with parameters computes in their float dtype, so an
integer, bool or other-precision float input is converted to it first (:func:`as_param`;
float64 into float32 parameters warns once per layer, as Flux's "Layer with Float32
parameters got Float64 input"); mean pooling computes in float32 for integer or bool input
(:func:`as_float`); max pooling keeps an integer input's dtype (the maximum is exact).
Nothing is ever truncated to an integer result. The tape casts each input's gradient back to
the input's own dtype.

>>> as_param(np.array([1, 2]), np.zeros(2, np.float32)).dtype
dtype('float32')
"""

from __future__ import annotations

import functools
import sys
import warnings
import weakref
from typing import Any, Dict, Optional, Tuple

import numpy as np
import numpy.typing as npt

from typedflux.ops.kernels.relu import relu_

__all__ = ["ones", "PrecisionWarning", "as_param", "as_float", "empty", "zeros"]


Array = npt.NDArray[Any]
Pair = Tuple[int, int]


_F32 = np.dtype(np.float32)
_F64 = np.dtype(np.float64)
_ONES: Dict[Tuple[int, Any], Array] = {}


def ones(n: int, dtype: Any) -> Array:
    """A read-only vector of ``n`` ones, cached per length and dtype: the left operand of the
    GEMVs that sum columns (``np.ones`` is a Python-level call costing ~1 us per use).

    >>> ones(3, np.float32)
    array([1., 1., 1.], dtype=float32)
    """
    key = (n, dtype)
    a = _ONES.get(key)
    if a is None:
        if len(_ONES) >= 256:
            _ONES.clear()
        a = np.ones(n, dtype=dtype)
        a.flags.writeable = False
        _ONES[key] = a
    return a


class PrecisionWarning(UserWarning):
    """A layer's float input was converted to its parameters' lower precision."""


# id(parameter array) -> weak reference to it: parameters whose layer already warned.
_WARNED: Dict[int, Any] = {}


def as_param(x: Array, w: Array) -> Array:
    """``x`` in the parameters' dtype (``w``'s), the dtype a layer kernel computes in. As
    Flux does, a float input of higher precision (float64 into float32 parameters) is
    converted with a :class:`PrecisionWarning`, once per parameter array (so once per
    layer); integer and bool input is converted silently.

    >>> as_param(np.array([1, 2]), np.zeros(2, np.float32)).dtype
    dtype('float32')
    """
    if x.dtype is w.dtype:
        return x
    if x.dtype.kind == "f" and x.dtype.itemsize > w.dtype.itemsize and id(w) not in _WARNED:
        _warn_precision(x, w)
    return x.astype(w.dtype)


def _warn_precision(x: Array, w: Array) -> None:
    key = id(w)
    _WARNED[key] = weakref.ref(w, functools.partial(_unwarn, key))
    dims = ", ".join(map(str, w.shape))
    warnings.warn(
        f"A layer with {w.dtype} parameters (Tensor[{dims}]) got {x.dtype} input; the input "
        f"is converted to {w.dtype}. Make the input {w.dtype} (tf.tensor(x, "
        f"dtype=tf.{w.dtype})) to silence this warning, shown once per layer.",
        PrecisionWarning,
        stacklevel=_caller_level(),
    )


def _unwarn(key: int, ref: Any, warned: Dict[int, Any] = _WARNED) -> None:
    # (The table is bound as a default: at interpreter exit, module globals may be gone.)
    if warned.get(key) is ref:
        del warned[key]


def _caller_level() -> int:
    # The warning points at the first frame outside typedflux: the user's layer call.
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("typedflux"):
        frame = frame.f_back  # type: ignore[assignment, unused-ignore]
        level += 1
    return level


def as_float(x: Array) -> Array:
    """``x`` as floats for a kernel without parameters: a float input as it is, integer and
    bool input as float32 (typedflux's default float).

    >>> as_float(np.array([1, 2])).dtype, as_float(np.zeros(1, np.float64)).dtype
    (dtype('float32'), dtype('float64'))
    """
    return x if x.dtype.kind in "fc" else x.astype(_F32)


def empty(like: Array, shape: Tuple[int, ...]) -> Array:
    """A new C-order array of ``shape`` with ``like``'s dtype. Kernels make their buffers from
    an argument this way (not ``np.empty(shape)``): while ``tf.compile`` records a step it
    sees the buffer made, and can replay writes into it.

    >>> empty(np.zeros(2, np.float32), (3,)).dtype
    dtype('float32')
    """
    out: Array = np.empty_like(like, shape=shape, order="C")
    return out


def zeros(like: Array, shape: Tuple[int, ...]) -> Array:
    """Like :func:`empty`, filled with zeros.

    >>> zeros(np.ones(2), (2, 1)).tolist()
    [[0.0], [0.0]]
    """
    if type(like) is np.ndarray:
        # (Not recording: np.zeros, whose calloc clears the bytes ~1.6x faster than
        # zeros_like's fill: 4.0 against 6.9 us for a conv's 230 kB padded input, 8.6 against
        # 13.8 for 524 kB; benchmarks/PROFILE.md, eleventh pass.)
        made: Array = np.zeros(shape, like.dtype)
        return made
    out: Array = np.zeros_like(like, shape=shape, order="C")
    return out


def _sigmoid(a: Array, out: Optional[Array] = None) -> Array:
    """``0.5*(tanh(a/2) + 1)``: overflow-free for any ``|a|`` and three passes, in place
    into ``out`` when given."""
    r: Array = np.multiply(a, a.dtype.type(0.5), out=out)
    np.tanh(r, out=r)
    r += 1
    r *= a.dtype.type(0.5)
    return r


def _act(pre: Array, activation: str) -> Array:
    if activation == "identity":
        return pre
    if activation == "relu":
        return relu_(pre)
    if activation == "tanh":
        np.tanh(pre, out=pre)
        return pre
    if activation == "sigmoid":
        return _sigmoid(pre, out=pre)
    raise ValueError(f"dense: activation {activation!r} is not fused")


def _act_grad(g: Array, out: Array, activation: str) -> Array:
    """``g * act'(pre)`` written in terms of the output (all four fused activations allow it)."""
    if activation == "identity":
        return g
    if activation == "relu":
        return g * (out > 0)
    if activation == "tanh":
        r: Array = g * (1 - out * out)
        return r
    if activation == "sigmoid":
        s: Array = g * out * (1 - out)
        return s
    raise ValueError(f"dense: activation {activation!r} is not fused")
