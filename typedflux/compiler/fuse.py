"""Rewrites of a recorded program that keep every result bit for bit.

``fold_updates``: ``Descent`` moves a large parameter with one BLAS ``axpy`` (``p += -eta *
g``), and ``g`` is the GEMM of the layer's VJP. When nothing else reads ``g`` and nothing reads
or writes ``p`` in between, the two become one BLAS GEMM ``p = -eta * (a @ b) + 1 * p``: no
gradient array written and read back, no second pass over the parameter. It gives the eager
program's bits only where BLAS's GEMM adds ``alpha * (a @ b)`` to ``p`` with one rounding, as
its axpy does, which depends on the kernel and the sizes: each rewrite is made only where
``optimise.folds.fold_is_exact`` found that it does, for that call's shapes, layouts and
``alpha`` (tried once on random operands; eager ``tf.update`` folds by the same answer).

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> from typedflux.optimise.blas import axpy
>>> rec = Recorder()
>>> p = rec.external(np.ones((64, 300), np.float32), "w")
>>> a = rec.input(np.full((64, 8), 0.5, np.float32), "a")
>>> b = rec.input(np.ones((8, 300), np.float32), "b")
>>> with rec:   # (a step of 1/8: exact products, so the fold rounds once on any kernel)
...     axpy(-0.125, a @ b, p)
True
>>> steps = fold_updates(rec.steps, [])
>>> len(rec.steps), len(steps), type(steps[0].fn).__name__
(2, 1, 'Gemm')
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from typedflux.compiler.folded_check import Covered, FoldedCheck
# (Still importable from here, where they lived before folded_check.py was split off.)
from typedflux.compiler.folded_check import _EarlySum, hoist_sums  # noqa: F401
from typedflux.compiler.steps import CONST, Step, Var, vars_of
from typedflux.compiler.steps import roots as _roots
from typedflux.engine.proven import LARGEST
from typedflux.optimise import blas
from typedflux.optimise import state as state_module
from typedflux.optimise.folds import fold_is_exact

__all__ = ["fold_updates", "vars_of", "FoldedCheck"]

_AXPY = blas.axpy.__wrapped__  # type: ignore[attr-defined]
_FINITE_STEP = state_module._finite_step.__wrapped__  # type: ignore[attr-defined]


def _producer(steps: List[Step], i: int, g: Var, check: Optional[int] = None) -> Optional[int]:
    # The step that computed g (the finite check reading it aside): a plain
    # np.matmul(a, b, out=(g,)), or out=(g.T,) (a Fortran-ordered Dense weight's gradient:
    # ops/kernels/dense.py weight_grad).
    for j in range(i - 1, -1, -1):
        s = steps[j]
        if j == check and _checked_as_gradient(s, g):
            continue
        if g.root().n in _roots(s):
            if (s.fn is np.matmul and len(s.args) == 2 and set(s.kwargs) == {"out"}
                    and (s.kwargs["out"] == (g,) or _into_transpose(s, g))):
                return j
            return None
    return None


def _into_transpose(s: Step, g: Var) -> bool:
    # Whether the step writes its result into the whole transpose of the 2-D value g.
    out = s.kwargs["out"]
    if len(out) != 1 or not isinstance(out[0], Var) or out[0].base is not g or g.base is not None:
        return False
    va, ga = out[0].arr, g.arr
    return bool(va.ndim == 2 and ga.ndim == 2 and va.shape == ga.shape[::-1]
                and va.strides == ga.strides[::-1]
                and va.__array_interface__["data"][0] == ga.__array_interface__["data"][0])


def fold_updates(steps: List[Step], outputs: List[Var]) -> List[Step]:
    """``steps`` with each foldable ``matmul`` + ``axpy`` pair made one GEMM at the update's
    place (see the module docstring); the others as they were.

    >>> fold_updates([], [])
    []
    """
    kept = {v.root().n for v in outputs}
    check = next((k for k, s in enumerate(steps) if s.fn is _FINITE_STEP and s.exits), None)
    folds: Dict[int, Tuple[int, Var, Var, Var, blas.Gemm]] = {}  # axpy -> (matmul, g, a, b, gemm)
    for i, s in enumerate(steps):
        if s.fn is _AXPY and len(s.args) == 3 and not s.kwargs:
            found = _foldable(steps, i, kept, check)
            if found is not None:
                folds[i] = found
    if not folds:
        return list(steps)
    gone = {f[0] for f in folds.values()}
    out: List[Step] = []
    for k, s in enumerate(steps):
        if k in gone:
            continue
        if k in folds:
            _, _, a, b, call = folds[k]
            p = s.args[2]
            out.append(Step(call, (a, b, p), {}, writes=(p,)))
        elif k == check:
            folded = {f[1].n: (f[2], f[3]) for f in folds.values()}
            out.append(_folded_check(s, folded, _covered(steps, k, folded)))
        else:
            out.append(s)
    return out


def _foldable(steps: List[Step], i: int, kept: set[int], check: Optional[int]
              ) -> Optional[Tuple[int, Var, Var, Var, blas.Gemm]]:
    alpha, g, p = steps[i].args
    if not (isinstance(g, Var) and isinstance(p, Var) and isinstance(alpha, float)):
        return None
    if g.base is not None or g.root().n in kept:
        return None
    j = _producer(steps, i, g, check)
    if j is None:
        return None
    t = _into_transpose(steps[j], g)  # p.T += alpha * a @ b: p a Fortran-ordered Dense weight
    a, b = steps[j].args
    if not (isinstance(a, Var) and isinstance(b, Var)):
        return None
    groot, proot = g.root().n, p.root().n
    ab = {a.root().n, b.root().n}
    if proot in ab:
        return None
    for k, s in enumerate(steps):
        if k == check and k > j and _checked_as_gradient(s, g):
            continue  # the finite check: given the GEMM's operands instead
        if k != i and k != j and groot in _roots(s):
            return None  # something else reads the gradient
        if j < k < i and any(w.root().n in ab for w in s.writes):
            return None  # an operand changes before the update
    if not fold_is_exact(alpha, a.arr, b.arr, p.arr, t):
        return None
    call = blas.Gemm.prepare(alpha, a.arr, b.arr, 1.0, p.arr, t)
    if call is None:
        return None
    return j, g, a, b, call


def _checked_as_gradient(check: Step, g: Var) -> bool:
    # Whether the finite check sees g only as a gradient of its list (name, param, gradient).
    todo = check.args[1] if len(check.args) > 1 else None
    if type(todo) is not list:
        return False
    uses = 0
    for entry in todo:
        if type(entry) is not tuple or len(entry) != 3:
            return False
        if entry[2] is g:
            uses += 1
        if entry[0] is g or entry[1] is g:
            return False
    rest = check.args[:1] + check.args[2:] + tuple(check.kwargs.values())
    return uses == 1 and all(v.root().n != g.root().n for v in vars_of(rest))


def _folded_check(check: Step, folded: Dict[int, Tuple[Var, Var]], covered: Covered) -> Step:
    # The finite check given, for each folded gradient, the operands of its GEMM (in the
    # list's order) in place of the gradient, which is never made.
    todo = [(n, p, None) if isinstance(g, Var) and g.n in folded else (n, p, g)
            for n, p, g in check.args[1]]
    operands = tuple(folded[g.n] for _, _, g in check.args[1]
                     if isinstance(g, Var) and g.n in folded)
    args = (check.args[0], todo) + tuple(check.args[2:]) + (operands,)
    fixed = tuple(v for v in vars_of(args) if not v.dynamic)
    return Step(FoldedCheck(check.fn, fixed, covered), args, dict(check.kwargs),
                writes=check.writes, exits=True)


def _covered(steps: List[Step], c: int, folded: Dict[int, Tuple[Var, Var]]) -> Covered:
    # The unfolded gradients of the check at c made by a GEMM whose operands are each a
    # folded GEMM's operand (the check reads all of it) or a read-only constant, neither
    # written between that GEMM and the check (Covered: the check bounds them unread).
    read = {v.root().n for pair in folded.values() for v in pair
            if v.arr.size == v.root().arr.size}
    written = {w.root().n for st in steps for w in st.writes}
    at: List[int] = []
    consts: Dict[int, Any] = {}
    k, limit = 0, math.inf
    for i, (_, _, g) in enumerate(steps[c].args[1]):
        if not isinstance(g, Var) or g.n in folded or g.arr.dtype not in LARGEST:
            continue
        j = _producer(steps, c, g)
        if j is None:
            continue
        ops = steps[j].args
        if not all(isinstance(v, Var) for v in ops) or not any(v.root().n in read for v in ops):
            continue  # (a product of constants alone: reading the gradient costs no more)
        later = {w.root().n for st in steps[j + 1:c] for w in st.writes}
        if all(v.root().n in read and v.arr.size == v.root().arr.size and v.root().n not in later
               or _constant(v, written) for v in ops):
            at.append(i)
            consts.update((v.n, v.arr) for v in ops if v.root().n not in read)
            a = ops[0].arr
            k = max(k, a.shape[-1])
            limit = min(limit, LARGEST[g.arr.dtype])
    return Covered(tuple(at), k, limit, tuple(consts.values()))


def _constant(v: Var, written: set[int]) -> bool:
    # A constant the program never writes, a read-only real float array owning its memory.
    a = v.arr
    return (v.kind == CONST and v.base is None and v.n not in written
            and type(a) is np.ndarray and a.base is None and not a.flags.writeable
            and a.dtype in LARGEST)
