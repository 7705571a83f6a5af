"""Resampling layers over NCHW images: Upsample (nearest, bilinear) and PixelShuffle.

Both are composed from differentiable primitives (no kernels of their own): nearest
upsampling is a broadcast against ones and a reshape (its gradient sums each block), bilinear
upsampling two matmuls with constant interpolation matrices (separable: rows, then columns;
its gradient is the transposed matrices), pixel shuffling one ``rearrange``.

>>> import typedflux as tf
>>> Upsample(2)(tf.ones(1, 3, 4, 5)).shape, PixelShuffle(2)(tf.ones(1, 8, 4, 5)).shape
((1, 3, 8, 10), (1, 2, 8, 10))
"""

from __future__ import annotations

from typing import Any, Dict, Generic, Optional, Sequence, Tuple, Union

import numpy as np
from typing_extensions import TypeVar, Unpack

from typedflux.layers.core import Layer
from typedflux.ops.linalg import matmul
from typedflux.ops.movement import reshape
from typedflux.ops.rearrange import rearrange
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["Upsample", "PixelShuffle", "interpolation_matrix"]

# Size parameters are covariant, as the other layers' (a list of layers joins to unknown sizes).
R = TypeVar("R", bound=int, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
C = TypeVar("C", bound=int, default=Any)
H = TypeVar("H", bound=int, default=Any)
W = TypeVar("W", bound=int, default=Any)

IntOrPair = Union[int, Sequence[int]]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
Array = np.ndarray[Any, Any]

_MATRICES: Dict[Tuple[int, int, bool, Any], Array] = {}


def interpolation_matrix(n_in: int, n_out: int, align_corners: bool, dtype: Any) -> Array:
    """The ``(n_out, n_in)`` matrix of linear interpolation along one axis (PyTorch's and
    NNlib's source positions): with ``align_corners`` the first and last samples of input
    and output coincide (``src = dst*(n_in-1)/(n_out-1)``); without it pixel centres are
    scaled (``src = (dst+0.5)*n_in/n_out - 0.5``, clamped at 0). Read-only, cached.

    >>> interpolation_matrix(2, 3, True, np.float64).tolist()
    [[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]]
    >>> interpolation_matrix(2, 4, False, np.float64).tolist()
    [[1.0, 0.0], [0.75, 0.25], [0.25, 0.75], [0.0, 1.0]]
    """
    key = (n_in, n_out, align_corners, np.dtype(dtype))
    a = _MATRICES.get(key)
    if a is not None:
        return a
    dst = np.arange(n_out, dtype=np.float64)
    if align_corners:
        src = dst * ((n_in - 1) / (n_out - 1)) if n_out > 1 else np.zeros(n_out)
    else:
        src = np.maximum((dst + 0.5) * (n_in / n_out) - 0.5, 0.0)
    i0 = np.minimum(np.floor(src).astype(np.int64), max(n_in - 1, 0))
    i1 = np.minimum(i0 + 1, max(n_in - 1, 0))
    lam = src - i0
    m = np.zeros((n_out, n_in))
    rows = np.arange(n_out)
    np.add.at(m, (rows, i0), 1 - lam)
    np.add.at(m, (rows, i1), lam)
    out = m.astype(dtype)
    out.flags.writeable = False
    if len(_MATRICES) >= 64:
        _MATRICES.clear()
    _MATRICES[key] = out
    return out


def _data(x: Any) -> Any:
    return x.data if isinstance(x, Tensor) else np.asarray(x)


class Upsample(Layer):
    """``Upsample(scale=None, mode="nearest", size=None, align_corners=True)``:
    ``Tensor[B, C, H, W] -> Tensor[B, C, H*sh, W*sw]`` (``scale``, an int or an (h, w) pair)
    or ``Tensor[B, C, oh, ow]`` (``size``); exactly one of the two.

    - ``mode="nearest"``: each pixel repeated ``sh x sw`` times (with ``size``, a whole
      multiple of the input on each axis, as NNlib's ``upsample_nearest``); an integer input
      keeps its dtype (the copies are exact).
    - ``mode="bilinear"``: ``y = A_h @ x @ A_w^T`` with linear interpolation matrices; any
      ``size``. ``align_corners=True`` is Flux's (NNlib's) only behaviour; ``False`` is
      PyTorch's default.

    >>> import typedflux as tf
    >>> x = tf.tensor([[[[1.0, 2.0]]]])
    >>> Upsample(2)(x).numpy().tolist()
    [[[[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0]]]]
    >>> Upsample(mode="bilinear", size=(1, 3))(x).numpy().tolist()
    [[[[1.0, 1.5, 2.0]]]]
    >>> Upsample(size=(3, 3))(x)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot fit the input of "Upsample(size=(3, 3))": x has Tensor[1, 1, 1, 2]; need the output size at axis 3 a multiple of the input size for "nearest" (3 % 2 = 1)
    """

    spec = LAYERS["Upsample"]

    def __init__(
        self,
        scale: Optional[IntOrPair] = None,
        mode: str = "nearest",
        size: Optional[IntOrPair] = None,
        align_corners: bool = True,
    ) -> None:
        a = self._configure(scale, mode, size, align_corners)
        self.scale: Optional[Tuple[int, int]] = a["scale"]
        self.mode: str = a["mode"]
        self.size: Optional[Tuple[int, int]] = a["size"]
        self.align_corners: bool = a["align_corners"]

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.scale, self.mode, self.size, self.align_corners)

    def _out_size(self, h: int, w: int) -> Tuple[int, int]:
        if self.size is not None:
            return self.size
        assert self.scale is not None  # the spec requires one of the two
        return (h * self.scale[0], w * self.scale[1])

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, Any, Any]:
        self.check(x)
        n, c, h, w = _data(x).shape
        oh, ow = self._out_size(h, w)
        if self.mode == "nearest":
            sh, sw = oh // h if h else 1, ow // w if w else 1
            # Each pixel against a (sh, sw) block of ones of its own dtype (copies are exact,
            # so integers stay integers, as in NNlib); the gradient sums each block.
            ones = np.ones((1, 1, 1, sh, 1, sw), dtype=_data(x).dtype)
            y = reshape(x, n, c, h, 1, w, 1) * Tensor(ones, ones.dtype)
            return reshape(y, n, c, oh, ow)
        dt = _float_dtype(x)
        if _data(x).dtype != dt:
            # Integer or bool input (never differentiable): float32 first, as the layers
            # without parameters compute (numpy would mix it with the matrices in float64).
            x = Tensor(_data(x).astype(dt), dt)
        rows: AnyTensor = Tensor(interpolation_matrix(h, oh, self.align_corners, dt), dt)
        cols: AnyTensor = Tensor(interpolation_matrix(w, ow, self.align_corners, dt).T, dt)
        return matmul(matmul(rows, x), cols)


def _float_dtype(x: Any) -> Any:
    dt = _data(x).dtype
    return dt if dt.kind == "f" else np.dtype(np.float32)


class PixelShuffle(Layer, Generic[R]):
    """``PixelShuffle(r)``: ``Tensor[B, C*r^2, H, W] -> Tensor[B, C, H*r, W*r]``,
    ``y[b, c, h*r + i, w*r + j] = x[b, c*r^2 + i*r + j, h, w]`` (PyTorch's
    ``pixel_shuffle``; Flux's on the same memory). The channels must divide by ``r^2``.

    >>> import typedflux as tf
    >>> PixelShuffle(2)(tf.arange(4.0).reshape(1, 4, 1, 1)).numpy().tolist()
    [[[[0.0, 1.0], [2.0, 3.0]]]]
    >>> PixelShuffle(2)(tf.ones(1, 6, 3, 3))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot fit the input of "PixelShuffle(2)": x has Tensor[1, 6, 3, 3]; need the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)
    """

    spec = LAYERS["PixelShuffle"]

    def __init__(self, r: int) -> None:
        self.r: int = self._configure(r)["r"]

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.r,)

    def __call__(self, x: Tensor[B, Any, H, W]) -> Tensor[B, Any, Any, Any]:
        self.check(x)
        return rearrange(x, "b (c r1 r2) h w -> b c (h r1) (w r2)", r1=self.r, r2=self.r)
