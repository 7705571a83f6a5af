"""Descent folded into a wide weight gradient's GEMM, in ``tf.update``.

A wide ``Dense`` layer's weight gradient ``g2.T @ x2`` (proven finite from the norms of its
two factors: ``engine/proven.py``) need never be written when the step that uses it is
``Descent``: ``update`` applies ``w -= eta * g2.T @ x2`` as one BLAS GEMM with ``beta = 1``
(``optimise/blas.py``, as ``tf.compile`` does), where that GEMM gives the numbers of the
product followed by the BLAS axpy of an unfolded step (:func:`fold_is_exact`: it depends
on the BLAS kernel and the sizes; elsewhere the product is made). For the MLP 784-256-128-10 at batch 32 that drops an
800 kB write and its read from every step (benchmarks/PROFILE.md). ``tf.withgradient``
(``tf.train``'s steps use it) hands such a gradient out unmade, as a
:class:`~typedflux.engine.deferred.DeferredTensor` that any reader but ``update`` makes
(``proven.leave_linear``: for a weight ``update`` last stepped by ``Descent``, used by one
node); ``update`` folds it (:func:`foldable`, :func:`check`, :func:`apply`).

Every guarantee of ``update`` holds: the bound is the proof the unfolded step trusts, nothing
is written before every other gradient is checked, and a step that is refused or skipped
writes nothing; a rule other than ``Descent``, a parameter BLAS cannot update in place, or a
check that finds something not finite (its culprit is named among all the gradients, in walk
order) makes the product (reads the tensor) and goes the unfolded way.

>>> import numpy as np
>>> from typedflux.engine.deferred import deferred
>>> g = deferred(np.ones((2, 3), np.float32), np.ones((2, 4), np.float32), 8.5)
>>> product((g, None, None, 8.5)).tolist()[0]   # made by reading the tensor
[2.0, 2.0, 2.0, 2.0]
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from typedflux.compiler.hooks import ACTIVE
from typedflux.engine.deferred import DeferredTensor, factors, spend
from typedflux.optimise.blas import Gemm, axpy
from typedflux.optimise.finite import all_finite
from typedflux.optimise.rules import Descent

__all__ = ["product", "foldable", "check", "apply", "fold_is_exact"]

# (position in update's list of gradients, name, parameter array, (the DeferredTensor, g2,
# x2, bound))
Folded = Tuple[int, str, Any, Tuple[DeferredTensor, Any, Any, float]]


def product(fold: Tuple[DeferredTensor, Any, Any, float]) -> Any:
    """A folded weight gradient made where its fold is given up: the tensor is read, which
    makes the product as the unfolded backward makes it (``engine/deferred.py``), once, for
    its holder too.

    >>> import numpy as np
    >>> from typedflux.engine.deferred import deferred
    >>> product((deferred(np.ones((2, 3)), np.ones((2, 4)), 8.5), None, None, 8.5)).shape
    (3, 4)
    """
    return fold[0].data


def foldable(g: Any, pd: Any, leaf: Any, axpy_min: int) -> bool:
    """Whether ``update`` may fold ``withgradient``'s unmade gradient ``g`` (a
    :class:`~typedflux.engine.deferred.DeferredTensor` not read yet) of the parameter array
    ``pd``: a ``Descent`` leaf set up for this shape, a product of ``pd``'s shape and dtype,
    of the size where the unfolded step uses BLAS's axpy (at least ``axpy_min`` entries:
    the GEMM repeats its numbers), and no ``tf.compile`` recording (which must see every
    array). The GEMM's own conditions are :func:`apply`'s.

    >>> import numpy as np, typedflux as tf
    >>> from typedflux.engine.deferred import deferred
    >>> g = deferred(np.ones((2, 3), np.float32), np.ones((2, 4), np.float32), 8.5)
    >>> leaf = tf.setup(tf.Descent(), {"w": tf.zeros((3, 4))})["w"]
    >>> foldable(g, np.zeros((3, 4), np.float32), leaf, 1), foldable(g, np.zeros((3, 4)), leaf, 1)
    (True, False)
    """
    if leaf is None or type(leaf.rule) is not Descent or ACTIVE[0]:
        return False
    f = factors(g)
    if f is None or pd.size < axpy_min or pd.itemsize < 4 or f.g2.dtype is not pd.dtype:
        return False
    same: bool = f.shape == pd.shape and leaf.shape == pd.shape
    return same


def check(todo: List[Tuple[str, Any, Any]], folded: List[Folded]) -> Tuple[Tuple[bool, float], float]:
    """The finite check of a step with folded weights: ``all_finite(todo)`` and the largest
    bound of the folded products; when something is not finite, the folded products are
    made and put in their places in ``todo`` (then checked and named like any gradient) and
    ``folded`` is emptied.

    >>> import numpy as np
    >>> from typedflux.engine.deferred import deferred
    >>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> fold = (0, "w", np.zeros((3, 4), np.float32), (deferred(g2, x2, 8.5), g2, x2, 8.5))
    >>> check([("b", np.zeros(1), np.ones(1))], [fold])
    ((True, 1.0...), 8.5)
    """
    checked = all_finite(todo)
    if checked[0]:
        for entry in folded:
            held = factors(entry[3][0])
            if held is not None:
                spend(held)  # (its proof is used, as all_finite uses the others')
        return checked, max(entry[3][3] for entry in folded)
    for i, name, pd, f in reversed(folded):
        todo.insert(i, (name, pd, product(f)))
    folded.clear()
    return all_finite(todo), 0.0


def apply(leaves: Dict[str, Any], todo: List[Tuple[str, Any, Any]],
          folded: List[Folded], axpy_min: int) -> Tuple[List[Tuple[Callable[[Any, Any], None], Any, Any]], float]:
    """Split the checked folded weights: those a ``Descent`` leaf updates by BLAS (a weight
    of at least ``axpy_min`` entries: where the unfolded step uses the axpy whose numbers
    the GEMM repeats) become GEMM calls ``(call, g2.T, x2)`` (``call(a, b)`` runs ``w -= eta
    * a @ b`` on its weight; ``(call, x2.T, g2)`` running ``w.T -= eta * a @ b`` for a
    Fortran-ordered weight, whose gradient is made as ``(x2.T @ g2).T``) to run after the other parameters' steps, with the largest
    ``|eta|`` among them; the others get their product made and appended to ``todo`` for
    the unfolded step.

    >>> import numpy as np, typedflux as tf
    >>> from typedflux.engine.deferred import deferred
    >>> leaves = tf.setup(tf.Adam(), {"w": tf.zeros((3, 4))}).leaves
    >>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> todo = []
    >>> fold = (0, "w", np.zeros((3, 4), np.float32), (deferred(g2, x2, 8.5), g2, x2, 8.5))
    >>> apply(leaves, todo, [fold], 1)
    ([], 0.0)
    >>> todo[0][2].tolist()[0]   # Adam: the product is made
    [2.0, 2.0, 2.0, 2.0]
    """
    calls: List[Tuple[Callable[[Any, Any], None], Any, Any]] = []
    risk = 0.0
    for _, name, pd, f in folded:
        leaf = leaves.get(name)
        held = factors(f[0])
        t = held is not None and held.transposed  # (w.T -= eta * x2.T @ g2: an F weight)
        a, b = (f[2].T, f[1]) if t else (f[1].T, f[2])
        if (leaf is not None and type(leaf.rule) is Descent and leaf.shape == pd.shape
                and pd.size >= axpy_min and pd.itemsize >= 4):
            eta = leaf.rule.eta
            call = _gemm(-float(eta), a, b, pd, t)
            if call is not None:
                calls.append((call, a, b))
                e = eta if eta >= 0.0 else -eta
                if e > risk:
                    risk = e
                continue
        todo.append((name, pd, product(f)))
    return calls, risk


class _Calls(threading.local):
    # Per thread (a call's operand slots are its own): the GEMM calls of recent folds, by
    # (id of the weight, alpha, the operands' layouts) -> (the weight, the call).
    def __init__(self) -> None:
        self.calls: Dict[Any, Tuple[Any, Callable[[Any, Any], None]]] = {}


_CALLS = _Calls()


def _gemm(alpha: float, a: Any, b: Any, c: Any,
          t: bool) -> Optional[Callable[[Any, Any], None]]:
    # c += alpha * (a @ b) (c.T when t) as a function of (a, b), or None where BLAS cannot
    # run it in place (Gemm.prepare's tests: made once per weight and layout, not at every step as
    # they cost ~5 us; the factors are a DeferredTensor's own arrays, which cannot overlap
    # the weight).
    calls = _CALLS.calls
    key = (id(c), alpha, a.shape, a.strides, a.dtype, b.shape, b.strides, b.dtype, t)
    hit = calls.get(key)
    if hit is not None and hit[0] is c:
        return hit[1]
    if not fold_is_exact(alpha, a, b, c, t):
        return None
    prepared = Gemm.prepare(alpha, a, b, 1.0, c, t)
    if prepared is None:
        return None
    call = prepared.rebound()
    if call is None:
        def call(a: Any, b: Any) -> None:
            prepared(a, b, c)
    if len(calls) >= 16:  # (the weights of a few models: a cache of arrays kept alive)
        calls.clear()
    calls[key] = (c, call)
    return call


def fold_is_exact(alpha: float, a: Any, b: Any, c: Any, t: bool) -> bool:
    """Whether BLAS's GEMM ``c += alpha * (a @ b)`` (``c.T`` when ``t``) gives the bits of the
    unfolded step, the product ``a @ b`` followed by BLAS's axpy, for operands of these
    shapes, layouts and dtype and this ``alpha``: tried once on random operands of the same
    layouts (the answer is kept per such call), never on the caller's arrays, whose values
    could hide a difference (a zero gradient, say).

    Why it must be tried: OpenBLAS's axpy rounds ``c + alpha * g`` once (a fused
    multiply-add), and its GEMM adds ``alpha * (a @ b)`` to ``c`` the same way on some
    kernels and sizes but with a multiplication and an addition, two roundings, on others
    (the AVX-512 "SkylakeX" kernels' small-matrix path: a batch of 16 into a 256 => 64
    layer differs in ~27 % of the entries at ``alpha = -0.1``; the 784 => 256 layer at
    batch 32 or 256 does not), and a kernel may split a long dot product (a large batch)
    into blocks, each added to ``c`` (the SSE "Katmai" kernels at batch 256). Where the two
    differ they differ in many entries of random operands, so one try decides.

    >>> import numpy as np
    >>> a, b = np.ones((300, 8), np.float32), np.ones((8, 64), np.float32)
    >>> fold_is_exact(-1.0, a, b, np.zeros((300, 64), np.float32), False)
    True
    """
    key = (alpha, a.shape, a.strides, b.shape, b.strides, c.shape, c.strides, c.dtype, t)
    known = _EXACT.get(key)
    if known is None:
        known = _try_fold(alpha, a, b, c, t)
        if len(_EXACT) >= 256:  # (a process that tries many shapes: keep the table small)
            _EXACT.clear()
        _EXACT[key] = known
    return known


_AXPY: Callable[..., bool] = axpy.__wrapped__  # type: ignore[attr-defined]

# fold_is_exact's answers by (alpha, the operands' shapes and strides, dtype, t).
_EXACT: Dict[Any, bool] = {}


def _try_fold(alpha: float, a: Any, b: Any, c: Any, t: bool) -> bool:
    rng = np.random.default_rng(0)

    def like(v: Any) -> Any:
        r = rng.standard_normal(v.shape).astype(v.dtype)
        return np.asfortranarray(r) if v.flags.f_contiguous and not v.flags.c_contiguous else r

    ra, rb, rc = like(a), like(b), like(c)
    want = rc.copy(order="K")
    product = np.matmul(ra, rb)
    # (axpy itself, not its wrapper: a try is never part of a tf.compile recording.)
    if not _AXPY(alpha, product.T if t else product, want):
        return False
    got = rc.copy(order="K")
    call = Gemm.prepare(alpha, ra, rb, 1.0, got, t)
    if call is None:
        return False
    call(ra, rb, got)
    return bool(want.tobytes() == got.tobytes())
