"""``tf.update``'s finite check in a program whose gradient GEMMs were folded into their
updates (:mod:`typedflux.compiler.fuse`): :class:`FoldedCheck` bounds the gradients it never
sees from the GEMMs' operands (``engine/proven.py``'s argument), ``FoldedCheck.ready`` fixes
it to the program's own arrays, and :func:`hoist_sums` takes a sum of an array nothing writes
where that array is still in cache.

>>> import numpy as np
>>> check = FoldedCheck(lambda state, todo, *rest: todo == [])
>>> a = np.ones((2, 3), np.float32)
>>> check(None, [("w", None, None)], ((a, a.T),))
True
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from typedflux.compiler.steps import Call, Step, Var, roots, vars_of
from typedflux.engine.proven import (LARGEST, asum_bound, asum_products, bound, norm_bound,
                                     sumsq)
from typedflux.optimise import blas

__all__ = ["FoldedCheck", "Covered", "hoist_sums"]


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

    __slots__ = ("check", "__name__", "_fixed", "_sums", "covered")

    def __init__(self, check: Callable[..., bool], fixed: Tuple[Var, ...] = (),
                 covered: Optional["Covered"] = None) -> None:
        self.check = check
        self.__name__ = "folded_check"
        # The program's own arrays among the ones checked (the same at every call, once the
        # program has placed them): their sums of absolute values are prepared as BLAS calls
        # once, at the first call.
        self._fixed = fixed
        self._sums: Optional[Dict[int, Tuple[Any, Optional[blas.AbsSum]]]] = None
        self.covered = covered if covered is not None else Covered((), 0, math.inf, ())

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
                if p is not None and g.shape != p.shape:  # x.T @ g: an F-ordered weight's .T
                    g = g.T
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
        fixed = self.covered.fixed()
        if fixed is None:
            return None
        s, ns, half = fixed  # (the constants' sums: of absolute values, entries, a float16)
        q = 0.0  # sums of absolute values (prepared BLAS and the constants'), of squares
        nq = 0  # (the others), and their numbers of entries
        limit, k = self.covered.products(operands)
        for a in _arrays(todo, operands, self.covered.at):
            got = get(id(a))
            if got is not None and got[0] is a and got[1] is not None:
                s += got[1]()
                ns += a.size
            else:
                # (vdot warns of no overflow and conjugates: a complex array's sum is real;
                # sumsq reads it in memory order, as vdot would copy a Fortran-ordered one.)
                q += float(sumsq(a).real)
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
        return _Ready(self, _arrays_of(args), _arrays(args[1], args[-1], self.covered.at))


class Covered:
    """The gradients a :class:`FoldedCheck` bounds without reading them, though they are made:
    each is a GEMM (``matmul``) of arrays the check reads anyway (a folded GEMM's operand,
    unchanged since) or of read-only constants (the ones a sum over the batch multiplies by:
    ``db = ones @ g``), so the check's common bound on its products covers it. ``at``: their
    places in the check's list of gradients; ``k``: the GEMMs' largest inner dimension;
    ``limit``: the least largest number of their dtypes; ``consts``: the constants, whose
    sums of absolute values are taken once and trusted only while they stay read-only (an
    array edited since must have been made writeable first: the proofs of
    ``engine/proven.py`` rest on the same).

    >>> import numpy as np
    >>> ones = np.ones(4, np.float32); ones.flags.writeable = False
    >>> c = Covered((0,), 4, 3.4e38, (ones,))
    >>> c.fixed(), (setattr(ones.flags, "writeable", True), c.fixed())[1]
    ((4.0, 4, False), None)
    """

    __slots__ = ("at", "k", "limit", "consts", "n", "half", "_sum")

    def __init__(self, at: Tuple[int, ...], k: int, limit: float, consts: Tuple[Any, ...]):
        self.at = frozenset(at)
        self.k, self.limit, self.consts = k, limit, consts
        self.n = sum(c.size for c in consts)
        self.half = any(c.itemsize < 4 for c in consts)
        self._sum: Optional[float] = None

    def products(self, operands: Tuple[Tuple[Any, Any], ...]) -> Tuple[float, int]:
        """The least largest number and the largest inner dimension of the folded products
        ``operands`` and of these.

        >>> Covered((), 0, float("inf"), ()).products(())
        (inf, 0)
        """
        limit, k = _products(operands)
        return (limit if limit < self.limit else self.limit), (k if k > self.k else self.k)

    def fixed(self) -> Optional[Tuple[float, int, bool]]:
        """``(sum of absolute values, entries, whether float16)`` of the constants, or None
        when one of them is writeable now (then the check takes the exact path)."""
        for c in self.consts:
            if c.flags.writeable:
                return None
        s = self._sum
        if s is None:
            # (In float64: better than the constants' dtype, as asum_bound's argument allows.)
            s = self._sum = math.fsum(float(np.abs(c).sum(dtype=np.float64)) for c in self.consts)
        return s, self.n, self.half


class _Ready:
    # FoldedCheck.ready's call (see there). ``early`` holds the sums taken before the check
    # by hoist_sums's steps.

    __slots__ = ("__name__", "folded", "args", "sums", "calls", "facts", "vars", "early",
                 "fixed", "decide", "rest")

    def __init__(self, folded: FoldedCheck, args: Tuple[Any, ...], vars_: List[Var]) -> None:
        self.__name__ = "folded_check"
        self.folded = folded
        self.args = args
        self.vars = vars_  # (the values of the arrays summed, in the same order)
        self.early: List[float] = []
        todo, operands = args[1], args[-1]
        arrays = _arrays(todo, operands, folded.covered.at)
        sums = [blas.AbsSum.prepare(a) if type(a) is np.ndarray else None for a in arrays]
        self.sums: Optional[Tuple[blas.AbsSum, ...]] = None
        self.calls: Tuple[Callable[[], float], ...] = ()
        if all(f is not None for f in sums):
            self.take(tuple(f for f in sums if f is not None))
        covered = folded.covered
        limit, k = covered.products(operands)
        self.facts = (sum(a.size for a in arrays) + covered.n,
                      any(a.itemsize < 4 for a in arrays) or covered.half, limit, k)
        self.fixed = covered.fixed
        self.rest = args[2:-1]  # (the check's arguments after its list of gradients)
        # _verdict's bounds for these fixed sizes, their constants computed once.
        ns, half = self.facts[:2]
        self.decide = (asum_products(ns, k, _F16 if half else _F32)
                       if ns and limit < math.inf else None)

    def take(self, sums: Tuple[blas.AbsSum, ...]) -> None:
        # The sums this check takes itself (hoist_sums moves some before it).
        self.sums = sums
        self.calls = tuple(f.call for f in sums)

    def __call__(self) -> bool:
        args = self.args
        fixed = self.fixed()
        if self.sums is not None and fixed is not None:
            s = fixed[0]
            for f in self.calls:
                s += f()
            for v in self.early:
                s += v
            ns, half, limit, k = self.facts
            decide = self.decide
            if decide is not None:
                r, top = decide(s)  # (what _verdict computes, for these sizes)
                if top < limit:
                    return self.folded.check(args[0], [], *self.rest, top if top > r else r)
            else:
                found = _verdict(s, ns, 0.0, 0, half, limit, k)
                if found is not None:
                    return self.folded.check(args[0], [], *args[2:-1], found)
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
            last = max((i for i in range(c) if r.n in roots(steps[i])), default=None)
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


def _arrays(todo: List[Tuple[str, Any, Any]], operands: Tuple[Tuple[Any, Any], ...],
            covered: frozenset[int] = frozenset()) -> List[Any]:
    # The arrays the check reads: the unfolded gradients (but the covered ones), then the
    # folded GEMMs' operands.
    arrays = [g for i, (_, _, g) in enumerate(todo) if g is not None and i not in covered]
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

