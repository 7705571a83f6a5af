"""Creating tensors: ``tensor``, ``zeros``, ``ones``, ``full``, ``randn``, ``rand``, ``arange``,
and ``seed`` for the module-level random generator.

Sizes are separate ints (``tf.zeros(32, 784)``) or one tuple. Floats are float32 unless a
``dtype`` is given; integer data is int64.

>>> import typedflux as tf
>>> tf.zeros(2, 3).dtype, tf.arange(3).dtype, tf.arange(0.0, 1.0, 0.5).dtype
(dtype('float32'), dtype('int64'), dtype('float32'))
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.ops.registry import composite_rule
from typedflux.tensor import Tensor, as_array

__all__ = ["tensor", "zeros", "ones", "full", "randn", "rand", "arange", "seed", "rng"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

_RNG = [np.random.default_rng()]


def seed(n: int) -> None:
    """Reseed typedflux's random generator (``randn``, ``rand``, layer initialisers,
    shuffling): the same seed gives the same numbers.

    >>> import typedflux as tf
    >>> tf.seed(0); a = tf.randn(3)
    >>> tf.seed(0); b = tf.randn(3)
    >>> bool((a == b).numpy().all())
    True
    """
    _RNG[0] = np.random.default_rng(n)


def rng() -> np.random.Generator:
    """The generator behind ``randn``/``rand`` (reseeded by :func:`seed`); layers and data
    loaders draw from it so one ``tf.seed`` makes a whole run reproducible.

    >>> isinstance(rng(), np.random.Generator)
    True
    """
    return _RNG[0]


def _wrap(arr: Any) -> AnyTensor:
    t: AnyTensor = Tensor.__new__(Tensor)
    t.data = arr
    t._tape = None
    return t


def _sizes(shape: Tuple[Any, ...]) -> Tuple[int, ...]:
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    for d in shape:
        if isinstance(d, bool) or not isinstance(d, (int, np.integer)):
            raise TypeError(f"tensor sizes must be ints, got {d!r} in {shape!r}")
    return tuple(int(d) for d in shape)


def _float(dtype: Any) -> Any:
    return np.float32 if dtype is None else dtype


_zeros_rule = composite_rule("zeros")
_ones_rule = composite_rule("ones")
_full_rule = composite_rule("full")
_randn_rule = composite_rule("randn")
_rand_rule = composite_rule("rand")
_arange_rule = composite_rule("arange")


def tensor(data: Any, dtype: Any = None) -> AnyTensor:
    """A tensor holding a copy of ``data`` (nested lists, numbers, numpy arrays, tensors).
    Floats become float32 and ints int64 unless ``dtype`` is given.

    >>> import typedflux as tf
    >>> tf.tensor([[1, 2], [3, 4]])
    Tensor[2, 2] int64
    [[1 2]
     [3 4]]
    >>> tf.tensor(0.5).shape
    ()
    """
    return _wrap(as_array(data, dtype))


def zeros(*shape: int, dtype: Any = None) -> AnyTensor:
    """``zeros(*sizes) -> Tensor[sizes]`` filled with 0 (float32 by default).

    >>> import typedflux as tf
    >>> tf.zeros(2, 3).shape
    (2, 3)
    """
    s = _sizes(shape)
    _zeros_rule(s)
    return _wrap(np.zeros(s, dtype=_float(dtype)))


def ones(*shape: int, dtype: Any = None) -> AnyTensor:
    """``ones(*sizes) -> Tensor[sizes]`` filled with 1 (float32 by default).

    >>> import typedflux as tf
    >>> tf.ones(2)
    Tensor[2] float32
    [1. 1.]
    """
    s = _sizes(shape)
    _ones_rule(s)
    return _wrap(np.ones(s, dtype=_float(dtype)))


def full(*shape: int, value: Any, dtype: Any = None) -> AnyTensor:
    """``full(*sizes, value=v) -> Tensor[sizes]`` filled with ``v``; ``value`` is keyword-only
    (the sizes take every positional argument). The dtype follows ``value``: float32 for a
    float, int64 for an int, bool for a bool, unless ``dtype`` is given.

    >>> import typedflux as tf
    >>> tf.full(2, 2, value=7)
    Tensor[2, 2] int64
    [[7 7]
     [7 7]]
    """
    s = _sizes(shape)
    _full_rule(s)
    if dtype is None:
        dtype = as_array(value).dtype
    return _wrap(np.full(s, value, dtype=dtype))


def randn(*shape: int, dtype: Any = None) -> AnyTensor:
    """``randn(*sizes) -> Tensor[sizes]`` of standard normal samples (float32 by default),
    from the generator :func:`seed` resets.

    >>> import typedflux as tf
    >>> tf.randn(2, 3).dtype
    dtype('float32')
    """
    s = _sizes(shape)
    _randn_rule(s)
    dt = np.dtype(_float(dtype))
    if dt in (np.float32, np.float64):
        return _wrap(_RNG[0].standard_normal(s, dtype=dt))
    return _wrap(_RNG[0].standard_normal(s).astype(dt))


def rand(*shape: int, dtype: Any = None) -> AnyTensor:
    """``rand(*sizes) -> Tensor[sizes]`` of uniform samples in ``[0, 1)`` (float32 by default).

    >>> import typedflux as tf
    >>> x = tf.rand(100)
    >>> bool((x.numpy() >= 0).all() and (x.numpy() < 1).all())
    True
    """
    s = _sizes(shape)
    _rand_rule(s)
    dt = np.dtype(_float(dtype))
    if dt in (np.float32, np.float64):
        return _wrap(_RNG[0].random(s, dtype=dt))
    return _wrap(_RNG[0].random(s).astype(dt))


def arange(start: Any, stop: Optional[Any] = None, step: Any = 1, dtype: Any = None) -> AnyTensor:
    """``arange(start, stop=None, step=1)`` as numpy's (``arange(n)`` is ``0 .. n-1``):
    int64 for int arguments, float32 when any is a float, unless ``dtype`` is given.

    >>> import typedflux as tf
    >>> tf.arange(4), tf.arange(1, 7, 2).shape
    (Tensor[4] int64
    [0 1 2 3], (3,))
    """
    if all(isinstance(v, (int, np.integer)) for v in (start, stop, step) if v is not None):
        _arange_rule(start, stop, step)
        default: Any = np.int64
    else:
        default = np.float32
    args = (start,) if stop is None else (start, stop, step)
    if stop is None and step != 1:
        args = (0, start, step)
    return _wrap(np.arange(*args, dtype=dtype or default))
