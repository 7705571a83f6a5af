"""Creating tensors: ``tensor``, ``zeros``, ``ones``, ``full``, ``randn``, ``rand``, ``arange``,
and ``seed`` for the module-level random generator.

Sizes are separate ints (``tf.zeros(32, 784)``) or one tuple. Floats are float32 unless a
``dtype`` is given; integer data is int64.

Supported dtypes (``typedflux.dtypes.DTYPES``): ``bool``; ``int8/16/32/64``,
``uint8/16/32/64``; ``float16/32/64``. Data and dtypes are checked as ``tf.Tensor(data)``
checks them (``typedflux.dtypes.checked_array``): anything else is a ``TypeError``, a value
the dtype cannot hold a ``ValueError``, never a silent wrap-around or overflow.

>>> import typedflux as tf
>>> tf.zeros(2, 3).dtype, tf.arange(3).dtype, tf.arange(0.0, 1.0, 0.5).dtype
(dtype('float32'), dtype('int64'), dtype('float32'))
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Optional, Tuple, Union

import numpy as np
from typing_extensions import Unpack

from typedflux.compiler.hooks import ACTIVE, current
from typedflux.dtypes import cannot_hold, check_dtype, checked_array
from typedflux.ops.registry import composite_rule
from typedflux.tensor import Tensor

__all__ = ["tensor", "zeros", "ones", "full", "randn", "rand", "arange", "seed", "rng",
           "rng_or", "addressable"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

_RNG = [np.random.default_rng()]



# The sizes a creation function takes: separate ints, or one tuple of them (``tf.zeros(x.shape)``,
# as numpy and torch accept); the plugin reads either form.
Sizes = Union[int, Tuple[int, ...]]

def seed(n: int) -> None:
    """Reseed typedflux's random generator (``randn``, ``rand``, layer initialisers,
    shuffling): the same seed gives the same numbers.

    >>> import typedflux as tf
    >>> tf.seed(0); a = tf.randn(3)
    >>> tf.seed(0); b = tf.randn(3)
    >>> bool((a == b).numpy().all())
    True
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise TypeError(f"seed: n must be a non-negative int, got {n!r}")
    _RNG[0] = np.random.default_rng(int(n))


def rng() -> np.random.Generator:
    """The generator behind ``randn``/``rand`` (reseeded by :func:`seed`); layers and data
    loaders draw from it so one ``tf.seed`` makes a whole run reproducible.

    It is one generator for the whole process, shared by every thread: threads that draw
    from it at once get an interleaving of its numbers that depends on scheduling. A layer
    that must be reproducible in a thread takes its own generator (``tf.Dropout(0.5,
    rng=np.random.default_rng(1))``).

    While ``tf.compile`` records a step, ``rng()`` is a stand-in whose draws are recorded too
    (a replay draws again from whatever generator ``rng()`` is then).

    >>> isinstance(rng(), np.random.Generator)
    True
    """
    if ACTIVE[0]:
        rec = current()
        if rec is not None:
            return rec.generator(_generator)  # type: ignore[no-any-return]
    return _RNG[0]


def _generator() -> np.random.Generator:
    # The generator itself, for replays of recorded draws.
    return _RNG[0]


def rng_or(own: Optional[np.random.Generator]) -> np.random.Generator:
    """The generator a layer with an ``rng`` argument draws from: its own generator ``own``,
    or :func:`rng` when it has none. While ``tf.compile`` records a step, a stand-in whose
    draws are recorded and made again from ``own`` at every replay (the numbers an eager call
    would take from it).

    >>> g = np.random.default_rng(0)
    >>> rng_or(g) is g, rng_or(None) is rng()
    (True, True)
    """
    if own is None:
        return rng()
    if ACTIVE[0]:
        rec = current()
        if rec is not None:
            return rec.generator(lambda: own)  # type: ignore[no-any-return]
    return own


def _wrap(arr: Any) -> AnyTensor:
    t: AnyTensor = Tensor.__new__(Tensor)
    t.data = arr
    t._tape = None
    return t


# The largest array numpy can address, in bytes.
_MAX_BYTES = np.iinfo(np.intp).max


def _sizes(shape: Tuple[Any, ...], fn: str = "tensor") -> Tuple[int, ...]:
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    for d in shape:
        if isinstance(d, bool) or not isinstance(d, (int, np.integer)):
            raise TypeError(f"{fn}: sizes must be ints, got {d!r} in {shape!r}")
    return tuple(int(d) for d in shape)


def addressable(sizes: Tuple[int, ...], dtype: Any, fn: str) -> None:
    """A ``ValueError`` naming ``fn`` when an array of ``sizes`` and ``dtype`` is more than
    numpy can address (numpy's own words name neither the function nor the sizes).

    >>> addressable((2**40, 2**30), np.float32, "onehot")
    Traceback (most recent call last):
    ...
    ValueError: onehot: sizes (1099511627776, 1073741824) hold 1,180,591,620,717,411,303,424 elements, more than one array can address
    """
    # (After the shape rule, which refuses negative sizes in the checker's words.)
    if math.prod(sizes) * np.dtype(dtype).itemsize > _MAX_BYTES:
        raise ValueError(f"{fn}: sizes {sizes} hold {math.prod(sizes):,} elements, more than "
                         f"one array can address")


def _dtype(dtype: Any, fn: str, floats_only: bool = False) -> np.dtype[Any]:
    if dtype is None:
        return np.dtype(np.float32)
    dt = check_dtype(dtype, fn)
    if floats_only and dt.kind != "f":
        raise TypeError(f"{fn}: draws floats; dtype must be float16, float32 or float64, "
                        f"got {dt}")
    return dt


_SHAPE_RULES = {fn: composite_rule(fn) for fn in ("zeros", "ones", "full", "randn", "rand")}
_arange_rule = composite_rule("arange")


def _shape_of_call(shape: Tuple[Any, ...], dtype: Any, fn: str) -> Tuple[int, ...]:
    """The sizes a creation function ``fn`` was given (separate ints or one tuple), checked:
    ints, by ``fn``'s shape rule (negative sizes, in the checker's words), and against what
    one array of ``dtype`` can address."""
    s = _sizes(shape, fn)
    _SHAPE_RULES[fn](s)
    addressable(s, dtype, fn)
    return s


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
    >>> tf.tensor(["a"])
    Traceback (most recent call last):
    ...
    TypeError: tensor: data holds strings (<U1); typedflux tensors hold bool, int8..int64, uint8..uint64, float16, float32, float64
    """
    return _wrap(checked_array(data, dtype))


def zeros(*shape: Sizes, dtype: Any = None) -> AnyTensor:
    """``zeros(*sizes) -> Tensor[sizes]`` filled with 0 (float32 by default).

    >>> import typedflux as tf
    >>> tf.zeros(2, 3).shape
    (2, 3)
    """
    dt = _dtype(dtype, "zeros")
    s = _shape_of_call(shape, dt, "zeros")
    return _wrap(np.zeros(s, dtype=dt))


def ones(*shape: Sizes, dtype: Any = None) -> AnyTensor:
    """``ones(*sizes) -> Tensor[sizes]`` filled with 1 (float32 by default).

    >>> import typedflux as tf
    >>> tf.ones(2)
    Tensor[2] float32
    [1. 1.]
    """
    dt = _dtype(dtype, "ones")
    s = _shape_of_call(shape, dt, "ones")
    return _wrap(np.ones(s, dtype=dt))


def full(*shape: Sizes, value: Any, dtype: Any = None) -> AnyTensor:
    """``full(*sizes, value=v) -> Tensor[sizes]`` filled with ``v``; ``value`` is keyword-only
    (the sizes take every positional argument). The dtype follows ``value``: float32 for a
    float, int64 for an int, bool for a bool, unless ``dtype`` is given.

    >>> import typedflux as tf
    >>> tf.full(2, 2, value=7)
    Tensor[2, 2] int64
    [[7 7]
     [7 7]]
    """
    v = checked_array(value, dtype, "full", "value")
    if v.ndim:
        raise ValueError(f"full: value must be one number, got an array of shape {v.shape}")
    s = _shape_of_call(shape, v.dtype, "full")
    return _wrap(np.full(s, v, dtype=v.dtype))


def randn(*shape: Sizes, dtype: Any = None) -> AnyTensor:
    """``randn(*sizes) -> Tensor[sizes]`` of standard normal samples (float32 by default),
    from the generator :func:`seed` resets.

    >>> import typedflux as tf
    >>> tf.randn(2, 3).dtype
    dtype('float32')
    """
    dt = _dtype(dtype, "randn", floats_only=True)
    s = _shape_of_call(shape, dt, "randn")
    if dt in (np.float32, np.float64):
        return _wrap(rng().standard_normal(s, dtype=dt))
    return _wrap(rng().standard_normal(s).astype(dt))


def rand(*shape: Sizes, dtype: Any = None) -> AnyTensor:
    """``rand(*sizes) -> Tensor[sizes]`` of uniform samples in ``[0, 1)`` (float32 by default).

    >>> import typedflux as tf
    >>> x = tf.rand(100)
    >>> bool((x.numpy() >= 0).all() and (x.numpy() < 1).all())
    True
    """
    dt = _dtype(dtype, "rand", floats_only=True)
    s = _shape_of_call(shape, dt, "rand")
    if dt in (np.float32, np.float64):
        return _wrap(rng().random(s, dtype=dt))
    return _wrap(rng().random(s).astype(dt))


def arange(start: Any, stop: Optional[Any] = None, step: Any = 1, dtype: Any = None) -> AnyTensor:
    """``arange(start, stop=None, step=1)`` as numpy's (``arange(n)`` is ``0 .. n-1``):
    int64 for int arguments, float32 when any is a float, unless ``dtype`` is given.

    >>> import typedflux as tf
    >>> tf.arange(4), tf.arange(1, 7, 2).shape
    (Tensor[4] int64
    [0 1 2 3], (3,))
    """
    for name, v in (("start", start), ("stop", stop), ("step", step)):
        if v is None and name == "stop":
            continue
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise TypeError(f"arange: {name} must be a real number, got {type(v).__name__}")
        if not math.isfinite(v):
            raise ValueError(f"arange: {name} must be finite, got {v}")
    if step == 0:
        raise ValueError("arange: step must not be 0")
    if all(isinstance(v, (int, np.integer)) for v in (start, stop, step) if v is not None):
        _arange_rule(start, stop, step)
        default: Any = np.int64
    else:
        default = np.float32
    dt = default if dtype is None else check_dtype(dtype, "arange")
    if np.dtype(dt).kind == "b":  # numpy makes at most [False, True]; torch has no bool arange
        raise TypeError("arange: dtype must be a number type, got bool")
    args = (start,) if stop is None else (start, stop, step)
    if stop is None and step != 1:
        args = (0, start, step)
    lo, hi, by = (0, args[0], 1) if len(args) == 1 else args
    if isinstance(lo, (int, np.integer)) and isinstance(by, (int, np.integer)):
        n = max(0, -((int(lo) - int(hi)) // int(by)))  # exact for huge ints (no float)
    else:
        n = max(0, math.ceil((hi - lo) / by))
    addressable((n,), dt, "arange")
    if n and np.dtype(dt).kind in "iu":
        # numpy wraps values an integer dtype cannot hold (arange(0, 300, 100, dtype=int8)
        # ends in -56) or raises a bare OverflowError.
        for v in (lo, lo + (n - 1) * by):
            if isinstance(v, (int, np.integer)) and not _holds(np.dtype(dt), int(v)):
                raise cannot_hold(f"arange: the range holds {int(v)}", np.dtype(dt),
                                  "pass a dtype that holds it")
    return _wrap(np.arange(*args, dtype=dt))


def _holds(dt: np.dtype[Any], v: int) -> bool:
    info = np.iinfo(dt)
    return int(info.min) <= v <= int(info.max)
