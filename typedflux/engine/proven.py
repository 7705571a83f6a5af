"""Gradients proven finite where they are made, so ``tf.update`` need not read them again.

``tf.update`` refuses a step unless every gradient is finite, and reading every gradient once
is most of that check's cost (the weight gradient of a 784->256 ``Dense`` layer alone is
800 kB). A gradient made as a product ``a @ b`` is finite for certain when a bound on its
entries computed from the squared norms of ``a`` and ``b`` (:func:`bound`) is below the
dtype's largest number; reading the operands (a batch of inputs and of output gradients)
costs a fraction of reading the product. The compiled step (``compiler/folded_check.py``
``FoldedCheck``) uses the same :func:`bound` for the gradients it never makes.

**The argument** (of :func:`bound`, for a dtype with unit roundoff ``u``, smallest normal
number ``t`` and largest finite number ``M``; float16, float32 or float64). Every
floating-point operation, in the dtype or in a more precise one (BLAS and numpy accumulate
float16 in float32), returns its exact result times ``(1 + d)`` with ``|d| <= u``, plus an
absolute ``e`` with ``|e| <= t`` when the result is tiny (underflow, flushed or gradual), and
does not overflow while its exact result stays below ``M`` in magnitude. So, in any order
of summation, with or without fused multiply-adds:

1. A computed squared norm ``s`` of ``n`` entries (squares and additions of non-negative
   terms, and a final rounding to the dtype: at most ``n + 1`` roundings on each term)
   satisfies ``s >= (1 - u)**(n + 1) * ||a||**2 - 2 * (n + 1) * t``, hence
   ``||a|| <= sqrt(s + 2 * (n + 1) * t) * exp(u * (n + 1))`` (as ``-log(1 - u) <= 2 * u``).
2. An entry of the computed ``a @ b`` with inner dimension ``k`` is a sum of ``k`` products
   that each pass through at most ``k + 1`` roundings, so it is at most
   ``(1 + u)**(k + 1) * (sum_l |a_il| * |b_lj| + 2 * (k + 1) * t)``, and by Cauchy-Schwarz
   ``sum_l |a_il| * |b_lj| <= ||a|| * ||b||`` (Frobenius norms). Every partial sum obeys the
   same bound, so when the bound is below ``M`` no step overflows: the entry is finite.
3. :func:`bound` evaluates ``(sqrt(sa + 2(na+1)t) * sqrt(sb + 2(nb+1)t) + 2(k+1)t) *
   exp(u * (na + nb + k + 3))`` in Python floats (a dozen roundings of 2**-53 each) and
   multiplies by ``1 + 2**-40`` to cover them. A NaN or infinite operand makes its squared
   norm NaN or infinite, and then nothing is proven.

This holds for operands of any size: large ones only make the bound grow (``exp(u * n)``:
1.28 for 2**22 float32 entries, far more for float16), never wrong.

A VJP that can show its results finite calls :func:`prove`, which makes the arrays
read-only and remembers them with their bounds; :func:`proven` (``tf.update``'s check)
trusts the proof only for those very arrays, and only while they are still read-only and own
their memory: an array edited since must have been made writeable first (numpy refuses
writes into it otherwise), and is then checked in full. (Making it writeable, writing, and
making it read-only again defeats this on purpose; no accident does.) ``tf.update``
makes a proven gradient writeable again once its check has used the proof.

>>> import numpy as np
>>> a, b = np.ones((2, 3), np.float32), np.ones((3, 4), np.float32)
>>> c = a @ b
>>> limit = bound(sq_norm(a), a.size, sq_norm(b), b.size, 3, c.dtype)  # every entry is 3
>>> round(limit, 3), prove(c, limit), proven(c), c.flags.writeable
(8.485, True, True, False)
>>> c.flags.writeable = True  # about to be edited: the proof no longer holds
>>> proven(c)
False
"""

from __future__ import annotations

import math
import threading
import weakref
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

import numpy as np

__all__ = ["sq_norm", "bound", "norm_bound", "asum_bound", "asum_products", "prove", "prove_linear",
           "proven", "proven_bound", "leave_linear", "LARGEST", "PROOFS", "VDOT", "FOLDS",
           "FOLDABLE", "sumsq"]

_ndarray = np.ndarray
#: ``np.vdot`` without its ``__array_function__`` dispatch (~0.15 us a call), for the finite
#: checks' dot products of plain ndarrays (which numpy dispatches to this very function).
VDOT = getattr(np.vdot, "__wrapped__", np.vdot)
_vdot = VDOT
_exp = math.exp
_sqrt = math.sqrt
_inf = math.inf
_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)

#: The largest finite number of each float dtype a proof covers.
LARGEST: Dict[Any, float] = {
    np.dtype(t): float(np.finfo(t).max) for t in (np.float16, np.float32, np.float64)}

# (unit roundoff u, smallest normal number t) of each dtype: the constants of the argument.
_ROUNDING: Dict[Any, Tuple[float, float]] = {
    np.dtype(t): (float(np.finfo(t).eps) / 2, float(np.finfo(t).tiny))
    for t in (np.float16, np.float32, np.float64)}


def _rounding(dtype: Any) -> Optional[Tuple[float, float]]:
    # A dtype or a scalar type (np.float32); None for a dtype the argument does not cover.
    c = _ROUNDING.get(dtype)
    if c is None and isinstance(dtype, type):
        c = _ROUNDING.get(np.dtype(dtype))
    return c


# Covers the roundings of bound()'s own arithmetic in Python floats (step 3).
_SLACK = 1.0 + 2.0**-40

# id(array) -> (weak reference to it, its bound), for the arrays proven finite (and some dead
# ones).
_PROOFS: Dict[int, Tuple["weakref.ReferenceType[Any]", float]] = {}
#: The proofs by ``id`` of the array: ``(weak reference, bound)``. Outside this module, read
#: only, or remove the entry of a proof used up while its array is alive (no other array can
#: hold its id then); :func:`proven_bound` is the rule for using an entry (the referent is the
#: array itself and still read-only). ``tf.update``'s check applies that rule inline (a call
#: per gradient is a measurable part of its cost) and removes the entries it used.
PROOFS = _PROOFS
_SWEEP = 1024
_LOCK = threading.Lock()
_ref = weakref.ref


def sq_norm(a: Any) -> float:
    """The squared Frobenius norm of the float32/float64 array ``a`` as a Python float (one
    BLAS dot product); not finite (inf or nan) when some entry is not, when the sum
    overflows, or when ``a`` is of another kind (then nothing is proven).

    >>> sq_norm(np.array([3.0, 4.0])), sq_norm(np.array([1.0, np.nan]))
    (25.0, nan)
    """
    if type(a) is not _ndarray:
        return _inf
    dt = a.dtype
    if dt is not _F32 and dt is not _F64:
        return _inf
    # NaN and infinities propagate through the squares and their sum (no term is negative).
    return float(sumsq(a))


def sumsq(a: Any) -> Any:
    """``vdot(a, a)`` (numpy's scalar) with ``a`` read in its memory order: numpy's vdot
    copies an array that is not C-contiguous, and a Fortran-ordered Dense weight (one a user
    assigns) and its gradient are so (their transposes are C-contiguous).

    >>> float(sumsq(np.ones((2, 3), np.float32, order="F")))
    6.0
    """
    return _vdot(a, a) if a.flags.c_contiguous else _vdot(a.T, a.T)


def bound(sa: float, na: int, sb: float, nb: int, k: int, dtype: Any) -> float:
    """A bound on the magnitude of every entry of ``a @ b`` as computed in ``dtype`` (any
    order of summation), from the computed squared norms ``sa`` and ``sb`` of ``a`` and ``b``
    (:func:`sq_norm`, or any sum of their squares in ``dtype`` or better), their numbers of
    entries ``na`` and ``nb``, and the inner dimension ``k``: see the module docstring for the
    argument. ``inf`` when either sum is not finite or the dtype is not float16/32/64. The
    product is finite for certain when the bound is below ``LARGEST[dtype]``.

    >>> 6.0 < bound(4.0, 2, 9.0, 3, 3, np.float64) < 6.0 + 1e-10
    True
    >>> bound(4.0, 2, float("nan"), 3, 3, np.float32)
    inf
    """
    c = _rounding(dtype)
    if c is None:
        return _inf
    if not (sa < _inf and sb < _inf):  # (NaN compares False)
        return _inf
    u, t = c
    grow = u * (na + nb + k + 3)
    if grow > 700.0:  # exp would overflow: no useful bound
        return _inf
    return ((_sqrt(sa + 2.0 * (na + 1) * t) * _sqrt(sb + 2.0 * (nb + 1) * t)
             + 2.0 * (k + 1) * t) * _exp(grow) * _SLACK)


def norm_bound(s: float, n: int, dtype: Any) -> float:
    """A bound on the 2-norm (so on every entry) of arrays of ``n`` entries in all whose
    squared norms, computed in ``dtype`` or better, sum to ``s``: step 1 of the argument,
    which is :func:`bound` of a product by the exact 1-by-1 matrix ``[[1]]``. ``inf`` when
    ``s`` is not finite.

    >>> 5.0 < norm_bound(25.0, 2, np.float64) < 5.0 + 1e-10
    True
    """
    c = _ROUNDING.get(dtype)
    if c is None or not s < _inf:  # (NaN compares False)
        return bound(s, n, 1.0, 0, 0, dtype)  # (its own answer for other dtypes, or inf)
    u, t = c
    grow = u * (n + 3)
    if grow > 700.0:
        return _inf
    # bound(s, n, 1.0, 0, 0, dtype) written out (tf.update computes it at every step; a test
    # holds the two equal).
    return (_sqrt(s + 2.0 * (n + 1) * t) * _sqrt(1.0 + 2.0 * t) + 2.0 * t) * _exp(grow) * _SLACK


def _linear_bound(g: Any, x: Any, rows: int, dt: Any) -> float:
    # bound(||g||^2, g.size, ||x||^2, x.size, rows, dt), written out (the backward of a wide
    # layer runs it at every step); inf when it proves nothing.
    if (type(g) is not _ndarray or type(x) is not _ndarray or g.dtype is not dt
            or x.dtype is not dt or (dt is not _F32 and dt is not _F64)):
        return _inf
    sg = float(_vdot(g, g))
    sx = float(_vdot(x, x))
    if not (sg < _inf and sx < _inf):  # (NaN compares False)
        return _inf
    u, t = _ROUNDING[dt]
    ng, nx = g.size, x.size
    grow = u * (ng + nx + rows + 3)
    if grow > 700.0:  # exp would overflow: no useful bound
        return _inf
    return ((_sqrt(sg + 2.0 * (ng + 1) * t) * _sqrt(sx + 2.0 * (nx + 1) * t)
             + 2.0 * (rows + 1) * t) * _exp(grow) * _SLACK)


def prove_linear(gw: Any, g: Any, x: Any, rows: int) -> bool:
    """Prove the weight gradient of a linear layer ``y = x @ w.T + b`` (before a relu or no
    activation) finite, as :func:`prove` does: ``gw = g'.T @ x``, where ``g'`` is the output
    gradient ``g`` with some entries set to 0 (so ``||g'|| <= ||g||``) and ``rows`` the
    number of rows summed. The bound is :func:`bound`'s for that product, from one squared
    norm each of ``g`` and ``x``, and :func:`prove`'s work is done here, in one call (the
    backward of a wide layer runs it at every step; a test holds the bound equal to
    :func:`bound`'s). The bias gradient is left to ``tf.update``'s read: its few entries cost
    less to read than a proof's bookkeeping (benchmarks/PROFILE.md). Only for fresh
    float32/float64 arrays of one dtype; returns whether ``gw`` was proven.

    >>> g, x = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> gw = g.T @ x
    >>> prove_linear(gw, g, x, 2), proven(gw), gw.flags.writeable
    (True, True, False)
    """
    dt = gw.dtype
    if type(gw) is not _ndarray or gw.base is not None:
        return False
    limit = _linear_bound(g, x, rows, dt)
    if not limit < LARGEST[dt]:  # (inf for a dtype it does not cover)
        return False
    gw.setflags(write=False)  # (half the cost of gw.flags.writeable = False)
    with _LOCK:
        if len(_PROOFS) >= _SWEEP:
            _sweep()
        _PROOFS[id(gw)] = (_ref(gw), limit)
    return True


# A weight gradient left unmade: (g2, x2, bound, whether it is made as (x2.T @ g2).T).
Left = Tuple[Any, Any, float, bool]


class _Folds(threading.local):
    # Per thread: ``tape`` is set by withgradient while its backward scan runs: (the ids of
    # the leaves it asked for, the tape's nodes, and a dict it reads after the scan: position
    # in those ids -> (g2, x2, bound, transposed) of a weight gradient left unmade:
    # leave_linear).
    def __init__(self) -> None:
        self.tape: Optional[Tuple[List[int], List[Any], Dict[int, Left]]] = None


#: withgradient's backward scan in this thread, for :func:`leave_linear`.
FOLDS = _Folds()

#: ``id`` of each weight array ``tf.update`` last stepped by ``Descent`` with BLAS (where a
#: fold repeats its numbers): ``withgradient`` leaves such a weight's gradient unmade
#: (:func:`leave_linear`). A hint only, for speed: an id reused by another array makes a
#: gradient that another rule's update just reads (the product, the same values).
FOLDABLE: Set[int] = set()


def _used_once(w_id: int) -> bool:
    # Whether the value w_id is an input of one node alone on the tape whose backward scan
    # withgradient runs (FOLDS.tape): then that node's VJP gives its whole gradient.
    opened = FOLDS.tape
    if opened is None:
        return False
    uses = 0
    for node in opened[1]:
        uses += node[3].count(w_id)
    return uses == 1


def leave_linear(w: Any, w_id: int, g2: Any, x2: Any, g: Any, x: Any, rows: int) -> bool:
    """Inside ``tf.withgradient``'s backward scan (``FOLDS.tape`` set): leave the weight
    gradient ``g2.T @ x2`` of the weight array ``w`` (the tape's value ``w_id``) unmade, for
    withgradient to hand out as a :class:`~typedflux.engine.deferred.DeferredTensor` that
    ``tf.update`` can fold into its ``Descent`` step. Only when ``w`` is a leaf withgradient
    asked for once, used by this node alone on the tape (so the product is its whole
    gradient: no sum whose order would change), last updated by ``Descent``
    (:data:`FOLDABLE`), ``x2`` contiguous and aligned (its copy is, and the product must
    take the same BLAS path), and the product proven finite (the bound ``prove_linear``
    would record, from ``g`` and ``x``). ``g2`` must be the VJP's fresh array; ``x2`` is
    copied (a caller may refill its batch buffer before ``update``). Returns whether it
    was left.

    >>> g, x, w = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32), np.ones((3, 4))
    >>> leave_linear(w, 0, g, x, g, x, 2)   # no withgradient scan running
    False
    """
    opened = FOLDS.tape
    if opened is None or id(w) not in FOLDABLE:
        return False
    ids, _, left = opened
    if ids.count(w_id) != 1 or not _used_once(w_id):
        return False
    flags = x2.flags
    if not (flags.c_contiguous and flags.aligned):
        return False
    limit = _linear_bound(g, x, rows, w.dtype)
    if not limit < LARGEST.get(w.dtype, 0.0):
        return False
    wf = w.flags  # (the product in the weight's layout: ops/kernels/dense.py weight_grad)
    left[ids.index(w_id)] = (g2, x2.copy(), limit, bool(wf.f_contiguous and not wf.c_contiguous))
    return True


def prove(c: Any, limit: float, c2: Any = None, limit2: float = _inf) -> bool:
    """Record that every entry of the fresh array ``c`` is at most ``limit`` in magnitude (a
    :func:`bound`), hence finite, when ``limit`` is below the dtype's largest number: ``c``
    becomes read-only. ``c2`` and ``limit2`` do the same for a second array in the same call
    (a layer's weight and bias gradients). Returns whether ``c`` was proven; the arrays must
    be ones the caller just made (each owns its memory and nothing else holds it).

    >>> prove(np.ones(2, np.float32), 2.0), prove(np.ones(2, np.float32), 1e39)
    (True, False)
    """
    done = (type(c) is _ndarray and c.base is None and limit < LARGEST.get(c.dtype, 0.0))
    more = (c2 is not None and type(c2) is _ndarray and c2.base is None
            and limit2 < LARGEST.get(c2.dtype, 0.0))
    if done:
        c.setflags(write=False)  # (half the cost of c.flags.writeable = False)
    if more:
        c2.setflags(write=False)
    elif not done:
        return False
    with _LOCK:  # (threads prove at once; a sweep must not drop another thread's new proof)
        if len(_PROOFS) >= _SWEEP:
            _sweep()
        if done:
            _PROOFS[id(c)] = (_ref(c), limit)
        if more:
            _PROOFS[id(c2)] = (_ref(c2), limit2)
    return done


def _sweep() -> None:
    # (Under _LOCK.) Entries of arrays that died stay until a sweep (a weak reference with a
    # callback costs several times more per proof); a dead entry never vouches for a new
    # array that reuses its id, since proven() compares the referent.
    for key, (ref, _) in list(_PROOFS.items()):
        if ref() is None:
            del _PROOFS[key]


def proven_bound(a: Any) -> Optional[float]:
    """The bound :func:`prove` recorded for ``a`` while ``a`` is that array and still
    read-only; ``None`` otherwise.

    >>> c = np.ones(2, np.float32)
    >>> prove(c, 2.0), proven_bound(c), proven_bound(np.ones(2))
    (True, 2.0, None)
    """
    entry = _PROOFS.get(id(a))
    if entry is None:
        return None
    held = entry[0]()
    if held is a and not held.flags.writeable:
        return entry[1]
    return None


def proven(a: Any) -> bool:
    """Whether ``a`` is an array :func:`prove` proved finite and still read-only.

    >>> proven(np.ones(2))
    False
    """
    # (proven_bound's test, inline: the tape asks this of every read-only gradient.)
    entry = _PROOFS.get(id(a))
    return entry is not None and not a.flags.writeable and entry[0]() is a


def asum_bound(s: float, n: int, dtype: Any) -> float:
    """A bound on the 1-norm, hence on the 2-norm and on every entry, of arrays of ``n``
    entries in all whose sums of absolute values, each computed in ``dtype`` or better in any
    order (BLAS ``?asum``), add up to ``s`` in Python floats; ``inf`` when ``s`` is not finite.
    Its square is a valid ``sa`` for :func:`bound` (which only grows with ``sa``): the
    compiled step's folded check reads each operand once this way (``?asum`` loads each entry
    once, a sum of squares twice: ~40 % less time on a 784x256 float32 input).

    The argument, with the constants of step 1: taking an absolute value is exact, and each
    entry passes at most ``n + 1`` roundings (the additions within its array's sum, a final
    rounding to the dtype, the additions of the arrays' sums: ``n_i - 1 + 1 + m - 1 <= n``
    for ``m`` arrays of ``n_i >= 1`` entries), so with ``E = exp(u * (n + 1))`` the computed
    ``s >= (1 - u)**(n + 1) * A - (n + 1) * t * E`` (each rounding's absolute error, and each
    entry flushed to zero on input, at most ``t``, grown by later roundings by at most ``E``),
    so ``A <= (s + 2 * (n + 1) * t * E) * E**2`` (as ``-log(1 - u) <= 2 * u``). Python's few
    roundings here are covered by ``1 + 2**-40``, as in :func:`bound`; squaring the result
    rounds by ``2**-53``, which :func:`bound`'s factor ``exp(u * (na + 1))`` covers.

    >>> 7.0 < asum_bound(7.0, 2, np.float32) < 7.0 * (1 + 1e-6)
    True
    >>> asum_bound(float("nan"), 2, np.float32)
    inf
    """
    c = _rounding(dtype)
    if c is None:
        return _inf
    if not s < _inf:  # (NaN compares False)
        return _inf
    u, t = c
    grow = u * (n + 1)
    if grow > 300.0:  # exp would overflow: no useful bound
        return _inf
    e = _exp(grow)
    return (s + 2.0 * (n + 1) * t * e) * (e * e) * _SLACK


def asum_products(n: int, k: int, dtype: Any) -> Callable[[float], Tuple[float, float]]:
    """``s -> (r, top)`` with ``r = asum_bound(s, n, dtype)`` and ``top = bound(r * r, n, r *
    r, n, k, dtype)``: a bound on every entry of the arrays whose sums of absolute values add
    up to ``s`` and on every entry of a product of two of them with inner dimension at most
    ``k``. Both written out with their constants computed once, in the same operations and
    order (so the same floats: a test holds them equal), for the compiled step's folded
    check, which evaluates them at every step. ``(inf, inf)`` where either is ``inf``.

    >>> r, top = asum_products(2, 3, np.float32)(7.0)
    >>> (r, top) == (asum_bound(7.0, 2, np.float32), bound(r * r, 2, r * r, 2, 3, np.float32))
    True
    """
    c = _rounding(dtype)
    if c is None or c[0] * (n + 1) > 300.0:  # (asum_bound's limit)
        return lambda s: (_inf, _inf)
    u, t = c
    e = _exp(u * (n + 1))
    add, square = 2.0 * (n + 1) * t * e, e * e
    grow = u * (n + n + k + 3)
    if grow > 700.0:
        def never(s: float) -> Tuple[float, float]:
            return ((s + add) * square * _SLACK if s < _inf else _inf), _inf
        return never
    inner, outer, scale = 2.0 * (n + 1) * t, 2.0 * (k + 1) * t, _exp(grow)

    def both(s: float) -> Tuple[float, float]:
        if not s < _inf:  # (NaN compares False)
            return _inf, _inf
        r = (s + add) * square * _SLACK
        rr = r * r
        if not rr < _inf:
            return r, _inf
        q = _sqrt(rr + inner)
        return r, (q * q + outer) * scale * _SLACK

    return both
