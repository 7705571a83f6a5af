"""Rewrites of a recorded program that keep every result bit for bit.

``fold_updates``: ``Descent`` moves a large parameter with one BLAS ``axpy`` (``p += -eta *
g``), and ``g`` is the GEMM of the layer's VJP. When nothing else reads ``g`` and nothing reads
or writes ``p`` in between, the two become one BLAS GEMM ``p = -eta * (a @ b) + 1 * p``: no
gradient array written and read back, no second pass over the parameter. OpenBLAS computes
each element of both as one fused multiply-add of the same dot product into ``p`` (as long as
the dot product is not split into blocks), which is what is checked: each rewrite is made only
if it gives the eager program's parameter bit for bit on the recording's own arrays.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> from typedflux.optimise.blas import axpy
>>> rec = Recorder()
>>> p = rec.external(np.ones((64, 300), np.float32), "w")
>>> a = rec.input(np.full((64, 8), 0.5, np.float32), "a")
>>> b = rec.input(np.ones((8, 300), np.float32), "b")
>>> with rec:
...     axpy(-0.1, a @ b, p)
True
>>> steps = fold_updates(rec.steps, [])
>>> len(rec.steps), len(steps), type(steps[0].fn).__name__
(2, 1, 'Gemm')
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional

import numpy as np

from typedflux.compiler.record import Call, Step, Var
from typedflux.optimise import blas

__all__ = ["fold_updates", "vars_of"]

_AXPY = blas.axpy.__wrapped__  # type: ignore[attr-defined]


def vars_of(t: Any) -> Iterator[Var]:
    """Every value a step's argument template refers to.

    >>> list(vars_of((1, [2.0])))
    []
    """
    if isinstance(t, Var):
        yield t
    elif isinstance(t, Call):
        yield from vars_of(t.args)
        yield from vars_of(tuple(t.kwargs.values()))
    elif type(t) is tuple or type(t) is list:
        for i in t:
            yield from vars_of(i)


def _roots(step: Step) -> set[int]:
    found = {v.root().n for v in vars_of(step.args)}
    found.update(v.root().n for v in vars_of(tuple(step.kwargs.values())))
    if step.bind is not None:
        found.add(step.bind.root().n)
    return found


def _producer(steps: List[Step], i: int, g: Var) -> Optional[int]:
    # The step that computed g: a plain np.matmul(a, b, out=(g,)).
    for j in range(i - 1, -1, -1):
        s = steps[j]
        if g.root().n in _roots(s):
            if (s.fn is np.matmul and len(s.args) == 2 and set(s.kwargs) == {"out"}
                    and s.kwargs["out"] == (g,)):
                return j
            return None
    return None


def fold_updates(steps: List[Step], outputs: List[Var]) -> List[Step]:
    """``steps`` with each foldable ``matmul`` + ``axpy`` pair made one GEMM (see the module
    docstring); the others as they were.

    >>> fold_updates([], [])
    []
    """
    out = list(steps)
    kept = {v.root().n for v in outputs}
    i = 0
    while i < len(out):
        s = out[i]
        if s.fn is _AXPY and len(s.args) == 3 and not s.kwargs:
            j = _fold(out, i, kept)
            if j is not None:
                del out[i]
                continue
        i += 1
    return out


def _fold(steps: List[Step], i: int, kept: set[int]) -> Optional[int]:
    alpha, g, p = steps[i].args
    if not (isinstance(g, Var) and isinstance(p, Var) and isinstance(alpha, float)):
        return None
    if g.base is not None or g.root().n in kept:
        return None
    j = _producer(steps, i, g)
    if j is None:
        return None
    a, b = steps[j].args
    if not (isinstance(a, Var) and isinstance(b, Var)):
        return None
    groot, proot = g.root().n, p.root().n
    for k, s in enumerate(steps):
        if k != i and k != j and groot in _roots(s):
            return None  # something else reads the gradient
        if j < k < i and proot in _roots(s):
            return None  # the parameter is used between the GEMM and its update
    if proot in (a.root().n, b.root().n):
        return None
    call = blas.Gemm.prepare(alpha, a.arr, b.arr, 1.0, p.arr)
    if call is None or not _same_bits(alpha, a.arr, b.arr, p.arr, call):
        return None
    steps[j] = Step(call, (a, b, p), {}, writes=(p,))
    return j


def _same_bits(alpha: float, a: Any, b: Any, p: Any, call: blas.Gemm) -> bool:
    # The eager pair and the folded GEMM on copies of the parameter, with the recording's
    # operands: the rewrite stands only if they agree bit for bit.
    want = p.copy()
    if not _AXPY(alpha, np.matmul(a, b), want):
        return False
    got = p.copy()
    call(a, b, got)
    return bool(np.array_equal(want, got))
