"""Rewrites of a recorded program's calls that keep every result bit for bit: calls whose
results nothing reads are dropped (:func:`drop_unread`), and single calls are replaced by
faster calls that give the same bits (:func:`sharpen`).

A step that returns nothing still computes its loss, which ``withgradient``'s backward does
not read: those calls go, as under ``jax.jit``. Only numpy's pure calls (ufuncs and their
reductions, ``matmul``, ``dot``, copies of those) into the program's own buffers are
dropped; a random draw, an optimiser's step or a check always stays.

``relu`` as ``np.maximum(h, 0)``: numpy runs its SIMD loop for ``maximum`` only when both
operands are arrays laid out alike; against a scalar (or a 0-d array) it takes an
element-by-element loop, ~5x slower (measured, numpy 2.4, float32 [256, 256]: 18.5 us
against 3.3 us with a zeros array of the same shape; [32, 256]: 2.6 against 0.7 us). Both
loops compute the same function (NaN propagates, ``maximum(-0.0, 0)`` is ``+0.0``), which
:func:`_maximum_agrees` checks on every special value once per dtype before a rewrite is
made: so the program reads one shared, read-only zeros array instead of the scalar. Those
zeros are mapped on the system's zero page (``memory.zeros``), so they are always in cache;
the fused ReLU kernel's own cached zeros (``ops/kernels/relu.py``), which the step reads
otherwise, are not when their allocation reused memory: the MLP's [256, 256] ReLU took
4.7 us against 3.0 in the compiled batch-256 step on a quiet machine, 17.3 against 5.4 while
other processes shared the caches (benchmarks/PROFILE.md), so they are replaced as well.

A transposing copy of arithmetic's result (the dense kernel's ``(w @ x.T).T.copy()`` for a
small batch and a weight given in C order, the loss's column-major copy of the logits) is a prepared BLAS ``omatcopy`` (:class:`~typedflux.optimise.blas.Transpose`,
~2.5x faster than numpy's copy): it multiplies by 1, which keeps every bit of every value
arithmetic can produce (its NaNs are quiet), checked once per dtype.

A bias row added in place to such a result (the dense kernel's ``pre += b``) is a prepared
BLAS rank-one update (:class:`~typedflux.optimise.blas.RowAdd`, ~1.7x faster on wide
layers): ``pre + 1 * b`` in one rounding is numpy's sum, checked on every pairing of special
values once per dtype; RowAdd itself takes numpy's add whenever the bias holds a NaN.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> h = rec.input(np.array([[-1.0, 2.0]], np.float32), "h")
>>> r = np.maximum(h * 1.0, 0)
>>> steps = sharpen(rec, rec.steps)
>>> steps[-1].args[1].arr
array([[0., 0.]], dtype=float32)
"""

from __future__ import annotations

import math
import operator
from typing import Any, Dict, List, Optional, Set

import numpy as np


from typedflux.compiler.fuse import vars_of
from typedflux.compiler.memory import zeros as zero_page
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import BUF, CONST, Call, Step, Var, copy_into
from typedflux.ops.kernels import relu as _relu_kernel
from typedflux.ops.kernels.relu import maximum_agrees as _maximum_agrees
from typedflux.ops.kernels.relu import special_values as _special_values
from typedflux.optimise.blas import RowAdd, Transpose

__all__ = ["sharpen", "drop_unread"]

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))
# Calls whose every result is computed by IEEE arithmetic: a NaN among them is quiet.
_ARITHMETIC = (np.matmul, np.add, np.subtract, np.multiply, np.true_divide)


def sharpen(rec: Recorder, steps: List[Step]) -> List[Step]:
    """``steps`` with each call that has a faster exact form (see the module docstring)
    replaced by it; new constants are added to ``rec``'s values.

    >>> sharpen(Recorder(), [])
    []
    """
    zeros: Dict[Any, np.ndarray[Any, Any]] = {}  # dtype -> the shared flat zeros
    wanted: Dict[Any, int] = {}
    found: List[int] = []
    for i, s in enumerate(steps):
        a = _relu_operand(s)
        if a is not None and _maximum_agrees(a.arr.dtype):
            found.append(i)
            wanted[a.arr.dtype] = max(wanted.get(a.arr.dtype, 0), a.arr.size)
    for dt, size in wanted.items():
        zeros[dt] = zero_page(size, dt)
    out = list(steps)
    for i in found:
        s = steps[i]
        a = s.args[0]
        z = zeros[a.arr.dtype][:a.arr.size].reshape(a.arr.shape)
        zv = Var(len(rec.vars), CONST, z, None, False, "zeros")
        rec.vars.append(zv)
        out[i] = Step(s.fn, (a, zv), s.kwargs, s.bind, s.writes, s.exits)
    for i, s in enumerate(out):
        t = _transpose(s, out)
        if t is not None:
            out[i] = Step(t, s.args, {}, writes=s.writes)
            continue
        add = _row_add(s, out, i)
        if add is not None:
            out[i] = Step(add, s.args, {}, writes=s.writes)
    return out


def _row_add(s: Step, steps: List[Step], i: int) -> Optional[RowAdd]:
    # ``np.add(a, b, out=(a,))`` for a bias row ``b`` added to a matmul's result ``a`` (see
    # the module docstring) as a prepared BLAS rank-one update; None when it is not that.
    if s.fn is not np.add or len(s.args) != 2 or set(s.kwargs) != {"out"} or s.bind:
        return None
    a, b = s.args
    if not (isinstance(a, Var) and isinstance(b, Var) and s.kwargs["out"] == (a,)
            and not a.dynamic and not b.dynamic and a.base is None and a.kind == BUF
            and type(a.arr) is np.ndarray and a.arr.dtype in _FLOATS
            and _row_add_agrees(a.arr.dtype)):
        return None
    # The value added to holds only quiet NaNs: its last writer before this call is one of
    # numpy's arithmetic calls, or a BLAS transposing copy (which multiplies by 1).
    last = next((w for w in reversed(steps[:i]) if any(v.root() is a for v in w.writes)), None)
    if last is None or not (isinstance(last.fn, Transpose) or (
            any(last.fn is f for f in _ARITHMETIC) and last.kwargs.get("out") == (a,))):
        return None
    return RowAdd.prepare(a.arr, b.arr)


def _transpose(s: Step, steps: List[Step]) -> Optional[Transpose]:
    # ``copy_into(dst, src)`` transposing a matmul's result (see the module docstring) as a
    # prepared BLAS copy; None when it is not that or BLAS cannot take it.
    if s.fn is not copy_into or len(s.args) != 2 or s.kwargs or s.bind is not None:
        return None
    dst, src = s.args
    if not (isinstance(dst, Var) and isinstance(src, Var) and not dst.dynamic
            and not src.dynamic and type(dst.arr) is np.ndarray
            and dst.arr.dtype in _FLOATS and _transpose_agrees(dst.arr.dtype)):
        return None
    # Every value the source holds comes from arithmetic, whose NaNs are quiet (what a copy
    # through BLAS keeps bit for bit).
    root = src.root()
    writers = [w for w in steps if any(v.root() is root for v in w.writes)]
    if root.kind != BUF or not writers or any(
            not any(w.fn is f for f in _ARITHMETIC) or w.kwargs.get("out") != (root,)
            for w in writers):
        return None
    return Transpose.prepare(dst.arr, src.arr)


def _relu_operand(s: Step) -> Any:
    # The array of ``np.maximum(a, 0, out=(o,))`` (0 a Python number or a 0-d constant,
    # ``+0``, or the fused ReLU kernel's zeros of ``a``'s shape), for a C-contiguous float
    # ``a`` and ``o`` of one shape; else None.
    if s.fn is not np.maximum or len(s.args) != 2 or set(s.kwargs) != {"out"}:
        return None
    a, c = s.args
    out = s.kwargs["out"]
    if not (isinstance(a, Var) and type(out) is tuple and len(out) == 1
            and isinstance(out[0], Var)):
        return None
    arr, o = a.arr, out[0].arr
    if not (type(arr) is np.ndarray and type(o) is np.ndarray and arr.dtype in _FLOATS
            and o.dtype == arr.dtype and o.shape == arr.shape and arr.size
            and arr.flags.c_contiguous and o.flags.c_contiguous):
        return None
    if isinstance(c, Var):
        if c.kind != CONST or type(c.arr) is not np.ndarray:
            return None
        if c.arr is _relu_kernel.cached_zeros(arr.shape, arr.dtype):
            return a  # the fused ReLU kernel's own cached zeros (read-only, never written)
        if c.arr.shape != ():
            return None
        c = c.arr.item()
    if type(c) not in (int, float) or c != 0 or math.copysign(1.0, c) < 0:
        return None
    return a


_ROW_AGREES: Dict[Any, bool] = {}


def _row_add_agrees(dtype: Any) -> bool:
    """Whether :class:`~typedflux.optimise.blas.RowAdd`'s BLAS update gives numpy's ``a + b``
    bit for bit on every pairing of a special value of ``dtype`` but a signalling NaN in
    ``a`` with a finite one in ``b`` (what RowAdd takes it for), checked once per dtype.

    >>> _row_add_agrees(np.dtype(np.float32)) in (True, False)
    True
    """
    got = _ROW_AGREES.get(dtype)
    if got is None:
        va = _special_values(dtype, signalling=False)
        vb = va[np.isfinite(va)]
        # Every pairing along a row, the row repeated to RowAdd's size.
        row_a, row_b = np.repeat(va, len(vb)), np.tile(vb, len(va))
        rows = -(-RowAdd.SMALL // row_a.size)
        a = np.tile(row_a, (rows, 1))
        with np.errstate(all="ignore"):
            want = a + row_b
        add = RowAdd.prepare(a, row_b)
        if add is None:
            got = False
        else:
            add.fn(*add.args)  # (the BLAS call itself, whatever the number of threads)
            bits = np.dtype(f"u{dtype.itemsize}")
            got = bool(np.array_equal(a.view(bits), want.view(bits)))
        _ROW_AGREES[dtype] = got
    return got


_T_AGREES: Dict[Any, bool] = {}


def _transpose_agrees(dtype: Any) -> bool:
    """Whether :class:`~typedflux.optimise.blas.Transpose` copies every special value of
    ``dtype`` but a signalling NaN bit for bit (as :func:`_maximum_agrees`).

    >>> _transpose_agrees(np.dtype(np.float32)) in (True, False)
    True
    """
    got = _T_AGREES.get(dtype)
    if got is None:
        values = _special_values(dtype, signalling=False)
        src = np.resize(values, 64 * len(values)).reshape(len(values), 64).T
        dst = np.empty(src.shape, dtype)
        t = Transpose.prepare(dst, src)
        bits = np.dtype(f"u{dtype.itemsize}")
        got = t is not None and (t(dst, src) or True) and bool(
            np.array_equal(dst.view(bits), src.view(bits)))
        _T_AGREES[dtype] = got
    return got


_PURE_FUNCTIONS = (np.matmul, np.dot, np.reshape, operator.getitem)
_PURE_METHODS = ("reduce", "accumulate", "reduceat", "outer")


def _pure(fn: Any) -> bool:
    # numpy's calls that only compute (no state, no draw, no Python side effect).
    if isinstance(fn, np.ufunc) or any(fn is f for f in _PURE_FUNCTIONS):
        return True
    owner = getattr(fn, "__self__", None)
    return isinstance(owner, np.ufunc) and getattr(fn, "__name__", "") in _PURE_METHODS


def _pure_step(s: Step) -> bool:
    if s.exits or s.bind is not None or not s.writes:
        return False
    if s.fn is copy_into:
        src = s.args[1] if len(s.args) == 2 else None
        if isinstance(src, Call):
            return _pure(src.fn) and not any(isinstance(a, Call) for a in src.args)
        return isinstance(src, Var) or type(src) in (int, float, bool)
    return _pure(s.fn)


def drop_unread(steps: List[Step], outputs: List[Var]) -> List[Step]:
    """``steps`` without the pure calls (see the module docstring) whose buffers no later
    step and no output reads.

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> x = rec.input(np.ones(3), "x")
    >>> y, unread = np.exp(x), np.log(x)
    >>> [s.fn.__name__ for s in drop_unread(rec.steps, [y.ref])]
    ['exp']
    """
    live: Set[int] = {v.root().n for v in outputs}
    kept: List[Step] = []
    for s in reversed(steps):
        written = {w.root().n for w in s.writes}
        if (_pure_step(s) and all(w.root().kind == BUF for w in s.writes)
                and not written & live):
            continue
        kept.append(s)
        live.update(v.root().n for v in vars_of(s.args))
        live.update(v.root().n for v in vars_of(tuple(s.kwargs.values())))
        if s.bind is not None:
            live.add(s.bind.root().n)
    kept.reverse()
    return kept
