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

import math
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np

from typedflux.compiler.steps import Call, Step, Var
from typedflux.engine.proven import LARGEST, asum_bound, bound, norm_bound
from typedflux.optimise import blas
from typedflux.optimise import state as state_module

__all__ = ["fold_updates", "vars_of", "FoldedCheck", "hoist_sums"]

_AXPY = blas.axpy.__wrapped__  # type: ignore[attr-defined]
_FINITE_STEP = state_module._finite_step.__wrapped__  # type: ignore[attr-defined]


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


def _producer(steps: List[Step], i: int, g: Var, check: Optional[int] = None) -> Optional[int]:
    # The step that computed g (the finite check reading it aside): a plain
    # np.matmul(a, b, out=(g,)).
    for j in range(i - 1, -1, -1):
        s = steps[j]
        if j == check and _checked_as_gradient(s, g):
            continue
        if g.root().n in _roots(s):
            if (s.fn is np.matmul and len(s.args) == 2 and set(s.kwargs) == {"out"}
                    and s.kwargs["out"] == (g,)):
                return j
            return None
    return None


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
            out.append(_folded_check(s, {f[1].n: (f[2], f[3]) for f in folds.values()}))
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
    call = blas.Gemm.prepare(alpha, a.arr, b.arr, 1.0, p.arr)
    if call is None or not _same_bits(alpha, a.arr, b.arr, p.arr, call):
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


def _folded_check(check: Step, folded: Dict[int, Tuple[Var, Var]]) -> Step:
    # The finite check given, for each folded gradient, the operands of its GEMM (in the
    # list's order) in place of the gradient, which is never made.
    todo = [(n, p, None) if isinstance(g, Var) and g.n in folded else (n, p, g)
            for n, p, g in check.args[1]]
    operands = tuple(folded[g.n] for _, _, g in check.args[1]
                     if isinstance(g, Var) and g.n in folded)
    args = (check.args[0], todo) + tuple(check.args[2:]) + (operands,)
    fixed = tuple(v for v in vars_of(args) if not v.dynamic)
    return Step(FoldedCheck(check.fn, fixed), args, dict(check.kwargs), writes=check.writes,
                exits=True)


class FoldedCheck:
    """``tf.update``'s finite check for a program whose gradient GEMMs were folded into their
    updates: a folded gradient ``a @ b`` is not made, and is finite for certain when
    ``engine/proven.py``'s ``bound`` on its entries (rounding included: the argument of the
    eager proofs) is below the dtype's largest number. The check reads each array once
    (operands and unfolded gradients) and bounds them all together: ``r`` bounds the 2-norm of
    every one of them (``asum_bound`` of their sums of absolute values, ``norm_bound`` of
    the sums of squares of those BLAS cannot read), so ``bound(r * r, ...)`` bounds every
    folded product and ``r`` every unfolded gradient entry. When that holds, the check only
    counts the update (given that bound for update's parameter check), as the eager check does
    for finite gradients; otherwise the folded gradients are made (the same GEMMs eager makes)
    and the eager check decides, exactly (raise, skip, or go on). The common bound is looser
    than one per product, which only sends more steps to the exact path; it saves a Python
    call per product.

    >>> import numpy as np
    >>> seen = []
    >>> check = FoldedCheck(lambda state, todo, *rest: seen.append(todo) or True)
    >>> a, b = np.ones((2, 3), np.float32), np.ones((3, 2), np.float32)
    >>> check(None, [("w", None, None)], "raise", "update", None, None, ((a, b),)), seen
    (True, [[]])
    >>> b[0, 0] = np.inf
    >>> check(None, [("w", None, None)], "raise", "update", None, None, ((a, b),)), seen[-1][0][2]
    (True, array([[inf,  3.],
           [inf,  3.]], dtype=float32))
    """

    __slots__ = ("check", "__name__", "_fixed", "_sums")

    def __init__(self, check: Callable[..., bool], fixed: Tuple[Var, ...] = ()) -> None:
        self.check = check
        self.__name__ = "folded_check"
        # The program's own arrays among the ones checked (the same at every call, once the
        # program has placed them): their sums of absolute values are prepared as BLAS calls
        # once, at the first call.
        self._fixed = fixed
        self._sums: Optional[Dict[int, Tuple[Any, Optional[blas.AbsSum]]]] = None

    def __call__(self, state: Any, todo: List[Tuple[str, Any, Any]], *rest: Any) -> bool:
        operands = rest[-1]
        args = rest[:-1]
        top = self._certain(todo, operands)
        if top is not None:
            return self.check(state, [], *args, top)
        pairs = iter(operands)
        full = []
        for name, p, g in todo:
            if g is None:
                a, b = next(pairs)
                g = np.matmul(a, b)
            full.append((name, p, g))
        return self.check(state, full, *args)

    def _prepared(self) -> Dict[int, Tuple[Any, Optional[blas.AbsSum]]]:
        sums = self._sums
        if sums is None:
            sums = self._sums = {id(v.arr): (v.arr, blas.AbsSum.prepare(v.arr))
                                 for v in self._fixed if type(v.arr) is np.ndarray}
        return sums

    def _certain(self, todo: List[Tuple[str, Any, Any]], operands: Tuple[Tuple[Any, Any], ...]
                 ) -> Optional[float]:
        # A bound on every gradient entry, folded or not, when all are finite for certain; None
        # otherwise. (Loops written out: a call per array costs ~0.1 us here.)
        get = self._prepared().get
        s = q = 0.0  # sums of absolute values (prepared BLAS), of squares (the others)
        ns = nq = 0  # their numbers of entries
        half = False
        limit, k = _products(operands)
        for a in _arrays(todo, operands):
            got = get(id(a))
            if got is not None and got[0] is a and got[1] is not None:
                s += got[1]()
                ns += a.size
            else:
                # (vdot warns of no overflow and conjugates: a complex array's sum is real.)
                q += float(_vdot(a, a).real)
                nq += a.nbytes  # (at least its number of real terms, complex included)
            half = half or a.itemsize < 4
        return _verdict(s, ns, q, nq, half, limit, k)

    def ready(self, args: Tuple[Any, ...]) -> Optional[Callable[[], bool]]:
        """This check with its arguments fixed, for a program whose checked arrays are all its
        own (placed, the same at every call): a call of no arguments, whose sums of absolute
        values are a prepared BLAS call per array and nothing else (no lookups, no argument
        list built per call). None when some argument changes from call to call.

        >>> import numpy as np
        >>> check = FoldedCheck(lambda state, todo, *rest: todo == [])
        >>> a = np.ones((2, 3), np.float32)
        >>> ready = check.ready((None, [("w", None, None)], "raise", ((a, a.T),)))
        >>> ready()
        True
        """
        if any(v.dynamic for v in vars_of(args)) or _has_call(args):
            return None
        return _Ready(self, _arrays_of(args), _arrays(args[1], args[-1]))


class _Ready:
    # FoldedCheck.ready's call (see there). ``early`` holds the sums taken before the check
    # by hoist_sums's steps.

    __slots__ = ("__name__", "folded", "args", "sums", "calls", "facts", "vars", "early")

    def __init__(self, folded: FoldedCheck, args: Tuple[Any, ...], vars_: List[Var]) -> None:
        self.__name__ = "folded_check"
        self.folded = folded
        self.args = args
        self.vars = vars_  # (the values of the arrays summed, in the same order)
        self.early: List[float] = []
        todo, operands = args[1], args[-1]
        arrays = list(_arrays(todo, operands))
        sums = [blas.AbsSum.prepare(a) if type(a) is np.ndarray else None for a in arrays]
        self.sums: Optional[Tuple[blas.AbsSum, ...]] = None
        self.calls: Tuple[Callable[[], float], ...] = ()
        if all(f is not None for f in sums):
            self.take(tuple(f for f in sums if f is not None))
        limit, k = _products(operands)
        self.facts = (sum(a.size for a in arrays), any(a.itemsize < 4 for a in arrays), limit, k)

    def take(self, sums: Tuple[blas.AbsSum, ...]) -> None:
        # The sums this check takes itself (hoist_sums moves some before it).
        self.sums = sums
        self.calls = tuple(f.call for f in sums)

    def __call__(self) -> bool:
        args = self.args
        if self.sums is not None:
            s = 0.0
            for f in self.calls:
                s += f()
            for v in self.early:
                s += v
            ns, half, limit, k = self.facts
            top = _verdict(s, ns, 0.0, 0, half, limit, k)
            if top is not None:
                return self.folded.check(args[0], [], *args[2:-1], top)
        return self.folded(*args)


class _EarlySum:
    # One of a folded check's sums taken before the check (hoist_sums): kept in the check's
    # ``early`` list.

    __slots__ = ("__name__", "sum", "early", "k")

    def __init__(self, f: blas.AbsSum, early: List[float], k: int) -> None:
        self.__name__ = "early_sum"
        self.sum, self.early, self.k = f, early, k

    def __call__(self) -> None:
        self.early[self.k] = self.sum.call()


def hoist_sums(steps: List[Step]) -> List[Step]:
    """``steps`` with each ready folded check's sum of an array the program never writes (the
    caller's input batch, say) taken right after the last step before the check that reads
    that array, while it is still in cache, instead of in the check: the same sum of the same
    values (nothing writes them in between). At batch 256 the MLP's input is 800 kB, which
    the check otherwise reads back from a slower cache.

    >>> hoist_sums([])
    []
    """
    out = list(steps)
    for c in [i for i, st in enumerate(steps) if isinstance(st.fn, _Ready)]:
        ready = steps[c].fn
        assert isinstance(ready, _Ready)
        if ready.sums is None or ready.early:
            continue
        written = {w.root().n for st in steps for w in st.writes}
        written.update(st.bind.root().n for st in steps if st.bind is not None)
        after: Dict[int, List[int]] = {}  # step -> the sums taken after it
        for j, v in enumerate(ready.vars):
            if not isinstance(v, Var):
                continue
            r = v.root()
            if r.n in written:
                continue
            last = max((i for i in range(c) if r.n in _roots(steps[i])), default=None)
            if last is not None:
                after.setdefault(last, []).append(j)
        if not after:
            continue
        moved = sorted(j for js in after.values() for j in js)
        ready.early.extend(0.0 for _ in moved)
        sums = ready.sums
        ready.take(tuple(f for j, f in enumerate(sums) if j not in moved))
        for i in sorted(after, reverse=True):
            pos = out.index(steps[i]) + 1
            for j in reversed(after[i]):
                out.insert(pos, Step(_EarlySum(sums[j], ready.early, moved.index(j)), (), {}))
    return out


def _arrays(todo: List[Tuple[str, Any, Any]], operands: Tuple[Tuple[Any, Any], ...]
            ) -> List[Any]:
    # The arrays the check reads: the unfolded gradients, then the folded GEMMs' operands.
    arrays = [g for _, _, g in todo if g is not None]
    for a, b in operands:
        arrays.append(a)
        arrays.append(b)
    return arrays


def _products(operands: Tuple[Tuple[Any, Any], ...]) -> Tuple[float, int]:
    # The least largest number among the folded products' dtypes, and the largest inner
    # dimension.
    limit = math.inf
    k = 0
    for a, b in operands:
        dt = a.dtype
        if b.dtype is not dt:  # (numpy's result_type costs ~0.5 us a call)
            dt = np.result_type(a, b)
        most = LARGEST.get(dt, 0.0)
        if most < limit:
            limit = most
        inner = a.shape[-1] if a.ndim else 1
        if inner > k:
            k = inner
    return limit, k


def _verdict(s: float, ns: int, q: float, nq: int, half: bool, limit: float, k: int
             ) -> Optional[float]:
    # From the sums of absolute values s (ns entries) and of squares q (nq): a bound r on the
    # 2-norm of every array read, and bound(r * r, ...) on every folded product; the larger,
    # or None when the products are not certainly finite (limit = inf: there are none).
    if not (s < math.inf and q < math.inf):  # (NaN compares False)
        return None
    # (float32's rounding constants also bound a float64 or complex sum; float16's are
    # coarser. Each of the two bounds carries a margin of 2**-40 that covers rounding their
    # sum.)
    rounding = _F16 if half else _F32
    r = asum_bound(s, ns, rounding) if ns else 0.0
    if nq:
        r += norm_bound(q, nq, rounding)
    if limit == math.inf:  # (no products)
        return r
    n = ns + nq
    top = bound(r * r, n, r * r, n, k, rounding)
    if not top < limit:
        return None
    return top if top > r else r


def _has_call(t: Any) -> bool:
    if isinstance(t, Call):
        return True
    if type(t) is tuple or type(t) is list:
        return any(_has_call(i) for i in t)
    return False


def _arrays_of(t: Any) -> Any:
    # An argument template with each value's array in place of the value.
    if isinstance(t, Var):
        return t.arr
    if type(t) is tuple:
        return tuple(_arrays_of(i) for i in t)
    if type(t) is list:
        return [_arrays_of(i) for i in t]
    return t


_F16, _F32 = np.dtype(np.float16), np.dtype(np.float32)
_vdot = np.vdot


def _same_bits(alpha: float, a: Any, b: Any, p: Any, call: blas.Gemm) -> bool:
    # The eager pair and the folded GEMM on copies of the parameter, with the recording's
    # operands: the rewrite stands only if they agree bit for bit.
    want = p.copy()
    if not _AXPY(alpha, np.matmul(a, b), want):
        return False
    got = p.copy()
    call(a, b, got)
    return bool(np.array_equal(want, got))
