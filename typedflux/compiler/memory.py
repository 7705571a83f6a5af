"""Where a recorded program's buffers live: one arena, buffers whose lifetimes do not overlap
sharing its bytes.

While recording, every call's result got an array of its own, so a replay that kept those
would touch every intermediate of the step at every step (20 MB for a small CNN, where the
eager step reuses what it freed a moment ago). :func:`place` gives each buffer the span of
steps from its first to its last use (through any view of it), places the buffers in one
arena so that two share bytes only when their spans are disjoint (in step order, each taking
the smallest free block that fits, as an allocator would), and rebuilds every buffer and
every fixed view of one on the arena with its original shape, strides and offset. An
elementwise result (a ufunc's ``out=``) takes the very bytes of an input of its shape, strides
and dtype that is read for the last time by that call (a ReLU mask's product, ``eta * g``):
the ufunc reads and writes each element at the same place, and one buffer fewer passes
through the cache. Values the program's caller reads (its outputs) live to the end.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> x = rec.input(np.ones(256, np.float32), "x")
>>> y = np.exp(np.exp(np.exp(x)))
>>> size = place(rec.vars, rec.steps, [y.ref])
>>> size < 3 * 256 * 4   # three results, at most two alive at once
True

Constant zeros (what a ReLU's ``np.maximum`` reads, ``compiler/peephole.py``) come from
:func:`zeros`: a read-only anonymous mapping, whose every page is the system's one shared
zero page, so reading them costs no memory traffic at all.
"""

from __future__ import annotations

import bisect
from typing import Any, Dict, List, Tuple

import numpy as np

from typedflux.compiler.fuse import vars_of
from typedflux.compiler.steps import BUF, VIEW, Step, Var
from typedflux.ops.kernels.relu import zero_pages

__all__ = ["place", "zeros"]

_ALIGN = 64


def zeros(n: int, dtype: Any) -> np.ndarray[Any, Any]:
    """``n`` read-only zeros of ``dtype`` on the system's zero page
    (:func:`typedflux.ops.kernels.relu.zero_pages`, which the eager ReLU's zeros use too): a pass
    reading them finds them in the L1 cache whatever their size. At MLP batch 256 the step's
    two ReLUs read 384 kB of zeros: from heap memory (``np.zeros``) ~2 us a step on a quiet
    machine, ~10-15 us while other processes share the caches (benchmarks/PROFILE.md).

    >>> z = zeros(5, np.float32)
    >>> z.tolist(), z.flags.writeable
    ([0.0, 0.0, 0.0, 0.0, 0.0], False)
    """
    return zero_pages(n, dtype)


def _address(a: Any) -> int:
    return int(a.__array_interface__["data"][0])


def _spans(vars_: List[Var], steps: List[Step], outputs: List[Var]) -> Dict[int, List[int]]:
    # Buffer value number -> [first step, last step] that refers to it or a view of it.
    spans: Dict[int, List[int]] = {}
    for i, s in enumerate(steps):
        refs = list(vars_of(s.args)) + list(vars_of(tuple(s.kwargs.values())))
        if s.bind is not None:
            refs.append(s.bind)
        for v in refs:
            r = v.root()
            if r.kind == BUF:
                span = spans.get(r.n)
                if span is None:
                    spans[r.n] = [i, i]
                else:
                    span[1] = i
    end = len(steps)
    for v in outputs:
        r = v.root()
        if r.kind == BUF:
            spans.setdefault(r.n, [end, end])[1] = end
    return spans


def _movable(v: Var) -> bool:
    # A buffer owning its dense memory with non-negative strides (what numpy's own
    # allocations give): it can be rebuilt elsewhere with the same strides.
    a = v.arr
    return (isinstance(a, np.ndarray) and a.base is None and a.size > 0
            and all(s >= 0 for s in a.strides)
            and (a.flags.c_contiguous or a.flags.f_contiguous or _dense(a)))


def _dense(a: Any) -> bool:
    # Strides that are a permutation of a contiguous layout (a conv's batch-innermost output).
    order = sorted(range(a.ndim), key=lambda k: a.strides[k])
    step = a.itemsize
    for k in order:
        if a.shape[k] > 1 and a.strides[k] != step:
            return False
        step *= a.shape[k]
    return True


def _dying_input(steps: List[Step], i: int, v: Var, spans: Dict[int, List[int]],
                 movable: set[int]) -> Any:
    # The input of step i whose bytes its result v may take: step i is a ufunc call writing v
    # (out=) whose input u is a whole buffer of v's shape, strides and dtype, read nowhere
    # after step i and by nothing else in it (no view of it among the other arguments).
    s = steps[i]
    if not (isinstance(s.fn, np.ufunc) and s.fn.nout == 1 and set(s.kwargs) <= {"out"}
            and s.kwargs.get("out") == (v,) and s.bind is None):
        return None
    refs = [w.root().n for w in vars_of(s.args)]
    for u in s.args:
        if (isinstance(u, Var) and u.base is None and u.n in movable and spans[u.n][1] == i
                and refs.count(u.n) == 1 and u.arr.shape == v.arr.shape
                and u.arr.strides == v.arr.strides and u.arr.dtype == v.arr.dtype):
            return u
    return None


def place(vars_: List[Var], steps: List[Step], outputs: List[Var]) -> int:
    """Move the program's buffers into one arena (see the module docstring); returns the
    arena's size in bytes.

    >>> place([], [], [])
    0
    """
    spans = _spans(vars_, steps, outputs)
    bufs = [v for v in vars_ if v.kind == BUF and v.n in spans and _movable(v)]
    # One pass in step order: a buffer takes the smallest free block that fits it (at most
    # twice its size, so a small one does not pin a large one) or new bytes at the end, and
    # gives its block back after its last step.
    starts: Dict[int, List[Var]] = {}
    for v in bufs:
        starts.setdefault(spans[v.n][0], []).append(v)
    ends: Dict[int, List[Var]] = {}
    for v in bufs:
        ends.setdefault(spans[v.n][1], []).append(v)
    free: List[Tuple[int, int]] = []  # (block size, offset), sorted
    block: Dict[int, Tuple[int, int]] = {}
    offsets: Dict[int, int] = {}
    movable = {v.n for v in bufs}
    handed: set[int] = set()  # buffers whose block an elementwise result took at their last step
    heir: Dict[int, int] = {}  # that result -> the buffer it took the block of
    total = 0
    for i in sorted(set(starts) | set(ends)):
        for v in sorted(starts.get(i, ()), key=lambda v: -v.arr.nbytes):
            u = _dying_input(steps, i, v, spans, movable) if i < len(steps) else None
            if u is not None and u.n in block and u.n not in handed:
                # The result overwrites an input that dies here, in its own bytes (a ufunc
                # reads and writes each element at the same place): one buffer fewer in cache.
                handed.add(u.n)
                block[v.n] = block[u.n]
                offsets[v.n] = offsets[u.n]
                heir[v.n] = u.n
                continue
            size = -(-v.arr.nbytes // _ALIGN) * _ALIGN
            k = bisect.bisect_left(free, (size, -1))
            if k < len(free) and free[k][0] <= 2 * size:
                bsize, offset = free.pop(k)
            else:
                bsize, offset = size, total
                total += size
            block[v.n] = (bsize, offset)
            offsets[v.n] = offset
        for v in ends.get(i, ()):
            if v.n not in handed:
                bisect.insort(free, block[v.n])
    if not total:
        return 0
    raw = np.empty(total + _ALIGN, np.uint8)
    start = (-_address(raw)) % _ALIGN
    arena = raw[start:start + total]
    moved: Dict[int, Tuple[Any, Any]] = {}  # value number -> (old array, new array)
    for v in bufs:
        old = v.arr
        if v.n in heir:
            # The very array object of the buffer it took over: numpy sees an output that is
            # its input (another object on the same bytes costs an overlap test per call,
            # ~0.14 us, measured on the chain benchmark's 16-vectors).
            new = moved[heir[v.n]][1]
        else:
            new = np.ndarray(old.shape, old.dtype, buffer=arena, offset=offsets[v.n],
                             strides=old.strides)
        moved[v.n] = (old, new)
        v.arr = new
    for v in vars_:
        if v.kind == VIEW and not v.dynamic:
            r = v.root()
            if r.n in moved:
                old_base, new_base = moved[r.n]
                delta = _address(v.arr) - _address(old_base)
                v.arr = np.ndarray(v.arr.shape, v.arr.dtype, buffer=arena,
                                   offset=offsets[r.n] + delta, strides=v.arr.strides)
    return total
