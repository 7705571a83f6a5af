"""The fused ReLU of the dense and conv kernels, in place: ``np.maximum(pre, zeros, out=pre)``
against a cached read-only zeros array of ``pre``'s shape, mapped on the system's zero page
(:func:`zero_pages`: reading it costs no memory traffic).

numpy runs its SIMD loop for ``maximum`` only when both operands are arrays laid out alike;
against the scalar ``0`` it takes an element-by-element loop (measured, numpy 2.4, float32,
thread CPU time: [32, 256] 2.9 against 0.9 us, [256, 256] 19.2 against 3.0 us, a conv's
[64, 8, 28, 28] 115 against 24 us). Both loops compute the same function (NaN propagates,
``maximum(-0.0, 0)`` is ``+0.0``), which :func:`maximum_agrees` checks on every special value
once per dtype; a dtype where they differ keeps the scalar (so a fused ReLU always gives the
bits of ``tf.relu``). ``tf.compile``'s recorded program makes the same rewrite for the ReLUs it
records (:mod:`typedflux.compiler.peephole`, which uses :func:`maximum_agrees` too).

>>> a = np.array([[-1.0, 2.0]], np.float32)
>>> relu_(a)
array([[0., 2.]], dtype=float32)
"""

from __future__ import annotations

import mmap
from typing import Any, Dict, Optional, Tuple

import numpy as np
import numpy.typing as npt

__all__ = ["relu_", "cached_zeros", "zero_pages", "maximum_agrees", "special_values"]

Array = npt.NDArray[Any]

# (shape, dtype) -> read-only zeros on the system's zero page (zero_pages): reading them costs
# no memory traffic whatever their size.
_ZEROS: Dict[Tuple[Tuple[int, ...], Any], Array] = {}
_ZEROS_LIMIT = 64
_AGREES: Dict[Any, bool] = {}


def relu_(pre: Array) -> Array:
    """``pre`` with its negative entries set to zero, in place (returns ``pre``).

    >>> relu_(np.array([-0.0, np.nan, -np.inf, 3.0]))
    array([ 0., nan,  0.,  3.])
    """
    key = (pre.shape, pre.dtype)
    z = _ZEROS.get(key)
    if z is None:
        if not maximum_agrees(pre.dtype):
            np.maximum(pre, 0, out=pre)
            return pre
        if len(_ZEROS) >= _ZEROS_LIMIT:
            _ZEROS.clear()
        z = zero_pages(pre.size, pre.dtype).reshape(pre.shape)
        _ZEROS[key] = z
    np.maximum(pre, z, out=pre)
    return pre


def cached_zeros(shape: Tuple[int, ...], dtype: Any) -> Optional[Array]:
    """The read-only zeros :func:`relu_` compares arrays of ``shape`` and ``dtype`` with, when
    it has made them (else None): never written, so a recorded ``np.maximum(a, zeros)`` may
    read any other zeros in their place (``tf.compile``'s peephole does).

    >>> a = relu_(np.ones((2, 3), np.float32))
    >>> z = cached_zeros((2, 3), np.float32)  # (None where relu_ keeps numpy's scalar 0)
    >>> z is None or (not z.flags.writeable and not z.any())
    True
    """
    return _ZEROS.get((tuple(shape), np.dtype(dtype)))


def zero_pages(n: int, dtype: Any) -> Array:
    """``n`` read-only zeros of ``dtype``, flat, on a read-only anonymous memory mapping where
    the system has one: every page of it is the kernel's one shared zero page, so a pass
    reading them (a ReLU's ``np.maximum(h, zeros)``) finds them in the L1 cache whatever their
    size. ``np.zeros`` gives that only when its allocation happens to be fresh from the system:
    typedflux keeps freed buffers of up to 32 MB in glibc's heap (``engine/alloc.py``), where
    zeros are written into reused memory, so reading them is a pass over real memory (a CNN's
    two ReLUs at batch 64 read 2.4 MB of such zeros a step: benchmarks/PROFILE.md, eleventh
    pass). Elsewhere (no ``MAP_ANONYMOUS``, or ``n`` is 0) plain zeros, made read-only.
    ``tf.compile``'s ReLUs read the same kind of zeros (``compiler/memory.py``).

    >>> z = zero_pages(5, np.float32)
    >>> z.tolist(), z.flags.writeable
    ([0.0, 0.0, 0.0, 0.0, 0.0], False)
    """
    dt = np.dtype(dtype)
    if n > 0 and hasattr(mmap, "MAP_ANONYMOUS") and hasattr(mmap, "PROT_READ"):
        # (The array holds the mapping through its buffer: it is unmapped with the array.)
        m = mmap.mmap(-1, n * dt.itemsize, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS,
                      prot=mmap.PROT_READ)
        return np.frombuffer(m, dt, count=n)
    z = np.zeros(n, dt)
    z.flags.writeable = False
    return z


def special_values(dtype: Any, signalling: bool = True) -> Array:
    """Zeros of both signs, ones, infinities, extremes, subnormals, and NaNs of both signs with
    payloads (quiet, and signalling unless asked not to) of a float ``dtype``.

    >>> special_values(np.dtype(np.float32))[:4]
    array([ 0., -0.,  1., -1.], dtype=float32)
    """
    info = np.finfo(dtype)
    bits = np.dtype(f"u{dtype.itemsize}")
    top = np.array([1 << (8 * dtype.itemsize - 1)], bits)  # the sign bit
    quiet = np.array([np.nan], dtype).view(bits)
    nans = [quiet, quiet | top, quiet + 1, (quiet + 1) | top]
    if signalling:
        inf = np.array([np.inf], dtype).view(bits)
        nans += [inf + 1, (inf + 1) | top, inf + (quiet - inf) // 2]
    return np.concatenate([
        np.array([0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, info.max, -info.max,
                  info.tiny, -info.tiny, info.smallest_subnormal,
                  -info.smallest_subnormal], dtype),
        np.concatenate(nans).view(dtype),
    ])


def maximum_agrees(dtype: Any) -> bool:
    """Whether ``np.maximum(a, 0)`` and ``np.maximum(a, zeros)`` give the same bits for every
    special value of ``dtype`` (:func:`special_values`), at lengths that exercise SIMD loops
    and their tails; ``False`` for a dtype that is not a real float.

    >>> maximum_agrees(np.dtype(np.float32)), maximum_agrees(np.dtype(np.int64))
    (True, False)
    """
    got = _AGREES.get(dtype)
    if got is None:
        got = dtype.kind == "f"
        if got:
            bits = np.dtype(f"u{dtype.itemsize}")
            values = special_values(dtype)
            for n in (1, 3, 7, 8, 15, 16, 17, 33, 64, 129):
                a = np.resize(values, n * len(values))
                a = a[np.random.default_rng(n).permutation(a.size)]
                one = np.maximum(a, 0)
                two = np.maximum(a, np.zeros_like(a))
                if not np.array_equal(one.view(bits), two.view(bits)):
                    got = False
                    break
        _AGREES[dtype] = got
    return got
