"""Keep freed numpy buffers in the process heap between training steps (glibc only).

A training step allocates and frees the same large arrays every time (im2col columns, layer
outputs, gradients). With glibc's default, dynamic thresholds, buffers of a few megabytes
are either ``mmap``-ed or trimmed off the heap top when freed, so the next step touches
fresh pages again: thousands of page faults (zero-filled by the kernel) per CNN step, a
quarter of its time. PyTorch avoids this with its caching allocator; typedflux asks glibc to
keep buffers below :data:`MMAP_THRESHOLD` in the heap and to trim only when more than
:data:`TRIM_THRESHOLD` is free at its top.

The cost: the process's resident memory stays at its peak instead of shrinking after a big
step (as with PyTorch's cache). Set the environment variable ``TYPEDFLUX_NO_MALLOC_TUNING=1``
before importing typedflux to keep glibc's defaults. Other C libraries and platforms are left
alone.

>>> import platform
>>> glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
>>> tune_allocator() == (glibc and not os.environ.get("TYPEDFLUX_NO_MALLOC_TUNING"))
True
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

__all__ = ["tune_allocator", "MMAP_THRESHOLD", "TRIM_THRESHOLD"]

# glibc's largest allowed mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX).
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 256 * 1024 * 1024

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

_DONE: list[bool] = []


def tune_allocator() -> bool:
    """Apply the thresholds once per process; returns whether glibc accepted them (False
    off Linux/glibc, or when ``TYPEDFLUX_NO_MALLOC_TUNING`` is set).

    >>> first = tune_allocator()
    >>> tune_allocator() is first   # applied once; later calls report the first outcome
    True
    """
    if _DONE:
        return _DONE[0]
    ok = False
    if sys.platform.startswith("linux") and not os.environ.get("TYPEDFLUX_NO_MALLOC_TUNING"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            mallopt = libc.mallopt
            mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
            mallopt.restype = ctypes.c_int
            # Setting either threshold turns glibc's dynamic adjustment off, so set both.
            ok = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
                mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
            )
        except (OSError, AttributeError):  # not glibc (musl has no mallopt)
            ok = False
    _DONE.append(ok)
    return ok
