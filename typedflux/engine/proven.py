"""Gradients proven finite where they are made, so ``tf.update`` need not read them again.

``tf.update`` refuses a step unless every gradient is finite, and reading every gradient once
is most of that check's cost (the weight gradient of a 784->256 ``Dense`` layer alone is
800 kB). A gradient made as a product ``a @ b`` is finite for certain when ``a`` and ``b`` are
and ``||a|| * ||b||`` stays below a quarter of the dtype's largest number: that product of
Frobenius norms bounds every entry of ``a @ b``, and the margin covers the rounding of the
norms and of the product (operands of at most 2**22 entries each, float32 or float64). Reading
the operands (a batch of inputs and of output gradients) costs a fraction of reading the
product.

A VJP that can show this calls :func:`prove`, which makes the array read-only and remembers
it; :func:`proven` (``tf.update``'s check) trusts the proof only for that very array, and
only while it is still read-only and owns its memory: an array edited since must have been
made writeable first (numpy refuses writes into it otherwise), and is then checked in full.
(Making it writeable, writing, and making it read-only again defeats this on purpose; no
accident does.)

>>> import numpy as np
>>> a, b = np.ones((2, 3), np.float32), np.ones((3, 4), np.float32)
>>> c = a @ b
>>> prove(c, bound(sq_norm(a), sq_norm(b))), proven(c), c.flags.writeable
(True, True, False)
>>> c.flags.writeable = True  # about to be edited: the proof no longer holds
>>> proven(c)
False
"""

from __future__ import annotations

import math
import threading
import weakref
from typing import Any, Dict

import numpy as np

__all__ = ["sq_norm", "bound", "prove", "proven", "MAX_OPERAND"]

_ndarray = np.ndarray
_vdot = np.vdot
_isfinite = math.isfinite
_sqrt = math.sqrt
_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)

# A quarter of the largest finite number of each dtype a proof covers.
_LIMIT32 = 0.25 * float(np.finfo(np.float32).max)
_LIMIT64 = 0.25 * float(np.finfo(np.float64).max)

#: The most entries an operand of a proof may have: the worst-case relative rounding error
#: of its squared norm (a sum of that many float32 terms) stays below 1/4.
MAX_OPERAND = 2**22

# id(array) -> weak reference to it, for the arrays proven finite (and some dead ones).
_PROOFS: Dict[int, "weakref.ReferenceType[Any]"] = {}
_SWEEP = 1024
_LOCK = threading.Lock()
_ref = weakref.ref


def sq_norm(a: Any) -> float:
    """The squared Frobenius norm of the float32/float64 array ``a`` as a Python float; not
    finite (inf or nan) when some entry is not, when the sum overflows, or when ``a`` is too
    large or of another kind for a proof (then nothing is proven).

    >>> sq_norm(np.array([3.0, 4.0])), sq_norm(np.array([1.0, np.nan]))
    (25.0, nan)
    """
    if type(a) is not _ndarray or a.size > MAX_OPERAND:
        return math.inf
    dt = a.dtype
    if dt is not _F32 and dt is not _F64:
        return math.inf
    # NaN and infinities propagate through the squares and their sum (no term is negative).
    return float(_vdot(a, a))


def bound(sa: float, sb: float) -> float:
    """A bound on every entry of ``a @ b`` from the squared norms of ``a`` and ``b``
    (:func:`sq_norm`); not finite when either is not.

    >>> bound(4.0, 9.0)
    6.0
    """
    if not (_isfinite(sa) and _isfinite(sb)):
        return math.inf
    return _sqrt(sa) * _sqrt(sb)


def prove(c: Any, limit: float) -> bool:
    """Record that every entry of the fresh array ``c`` is at most ``limit`` in magnitude (a
    :func:`bound`), hence finite, when ``limit`` is below a quarter of the dtype's largest
    number: ``c`` becomes read-only. Returns whether it did; ``c`` must be an array the
    caller just made (it owns its memory and nothing else holds it).

    >>> prove(np.ones(2, np.float32), 2.0), prove(np.ones(2, np.float32), 1e38)
    (True, False)
    """
    if type(c) is not _ndarray or c.base is not None:
        return False
    dt = c.dtype
    if not limit < (_LIMIT32 if dt is _F32 else _LIMIT64 if dt is _F64 else 0.0):
        return False
    c.setflags(write=False)
    with _LOCK:  # (threads prove at once; a sweep must not drop another thread's new proof)
        if len(_PROOFS) >= _SWEEP:
            # Entries of arrays that died stay until a sweep (a weak reference with a
            # callback costs several times more per proof); a dead entry never vouches for a
            # new array that reuses its id, since proven() compares the referent.
            for key, ref in list(_PROOFS.items()):
                if ref() is None:
                    del _PROOFS[key]
        _PROOFS[id(c)] = _ref(c)
    return True


def proven(a: Any) -> bool:
    """Whether ``a`` is an array :func:`prove` proved finite and still read-only.

    >>> proven(np.ones(2))
    False
    """
    ref = _PROOFS.get(id(a))
    held: Any = None if ref is None else ref()
    return held is not None and held is a and not held.flags.writeable
