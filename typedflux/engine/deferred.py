"""A weight gradient handed out unmade: a :class:`~typedflux.tensor.Tensor` whose array is
the product ``g2.T @ x2`` of two factors, made on its first read.

``tf.withgradient`` returns the weight gradient of a wide ``Dense`` layer (a first layer
on images: 784x256 fed a batch of 32) as a :class:`DeferredTensor` holding the layer's two
factors, its finite proof (``engine/proven.py``) and nothing else of the tape, so that
``tf.update`` with ``Descent`` can apply ``w -= eta * g2.T @ x2`` as one BLAS GEMM with
``beta = 1`` (``optimise/folds.py``): the 800 kB product is never written and read again,
and the parameters get the same bits as from the product followed by the unfolded step
(folded only where BLAS's GEMM gives those bits: ``folds.fold_is_exact``).

**Every other reader gets the product.** The array of a tensor is only reachable through
its ``data`` attribute, which this class replaces by a property: the first read (indexing,
``.numpy()``, printing, an op, ``np.asarray``, pickling, another optimiser rule, a thread)
makes the product exactly as the unfolded backward makes it (:func:`product`, proven finite
as it proves it), stores it in the tensor's own slot and turns the object into a plain
``Tensor`` (``__class__`` is reassigned; the layouts are the same), so every later read is
an ordinary attribute read. Assigning ``data`` does the same with the value given. The
factors are the layer's private output gradient (after the ReLU mask, a fresh array no
one else holds) and a copy of its input batch, so a caller refilling its batch buffer
before ``update`` changes nothing. Only ``tf.update`` looks at the factors without reading
``data`` (:func:`factors`), and only to fold them.

>>> import numpy as np
>>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
>>> t = deferred(g2, x2, 8.5)
>>> type(t).__name__, factors(t) is not None
('DeferredTensor', True)
>>> t.data.tolist()[0], type(t).__name__, factors(t)
([2.0, 2.0, 2.0, 2.0], 'Tensor', None)
"""

from __future__ import annotations

import threading
from typing import Any, Optional

from typedflux.engine.proven import prove
from typedflux.ops.kernels.dense import weight_grad
from typedflux.tensor import Tensor

__all__ = ["DeferredTensor", "Factors", "deferred", "factors", "product", "spend"]

# The descriptor of Tensor's own ``data`` slot: the one place the array (or, before the first
# read, the Factors) is kept.
_SLOT: Any = Tensor.__dict__["data"]
_get, _set = _SLOT.__get__, _SLOT.__set__
# Two threads reading one gradient at once make it once (and agree on the array).
_LOCK = threading.Lock()


def product(g2: Any, x2: Any, transposed: bool = False) -> Any:
    """The weight gradient from its factors, as the Dense VJP makes it (``g2.T @ x2``, or
    ``x2.T @ g2`` into a Fortran-ordered array for a Fortran-ordered weight:
    ``ops/kernels/dense.py`` weight_grad): the one expression every path that gives up a
    fold uses, so all of them give the same bits.

    >>> import numpy as np
    >>> product(np.ones((2, 3)), np.ones((2, 4)), True).flags.f_contiguous
    True
    """
    return weight_grad(g2, x2, transposed)


class Factors:
    """What a :class:`DeferredTensor` holds until it is read: the factors ``g2`` and ``x2``
    (owned: nothing else writes them), the proof's bound on the product's entries, whether
    the product is made in a Fortran-ordered weight's layout (``transposed``), and whether
    the proof is still unused (``fresh``: the product is made proven and read-only
    as the backward makes it; after ``update`` has used the proof, as a plain array, as
    ``update`` leaves a proven gradient).

    >>> import numpy as np
    >>> Factors(np.ones((2, 3)), np.ones((2, 4)), 8.5).shape
    (3, 4)
    """

    __slots__ = ("g2", "x2", "bound", "transposed", "fresh")

    def __init__(self, g2: Any, x2: Any, bound: float, transposed: bool = False) -> None:
        self.g2 = g2
        self.x2 = x2
        self.bound = bound
        self.transposed = transposed
        self.fresh = True

    @property
    def shape(self) -> Any:
        """The product's shape."""
        return (self.g2.shape[1], self.x2.shape[1])


def _made(t: Any) -> Any:
    # The array of t, made from its factors on the first read (under the lock: once).
    v = _get(t)
    if type(v) is not Factors:
        return v  # made by another thread since this one found the class
    with _LOCK:
        v = _get(t)
        if type(v) is Factors:
            arr = product(v.g2, v.x2, v.transposed)
            if v.fresh:
                prove(arr, v.bound)  # (as the unfolded backward's prove_linear leaves it)
            _set(t, arr)
            t.__class__ = Tensor
            return arr
    return v


def _assign(t: Any, value: Any) -> None:
    with _LOCK:
        _set(t, value)
        t.__class__ = Tensor


class DeferredTensor(Tensor):  # type: ignore[type-arg, unused-ignore]
    """A gradient tensor whose array is made on its first read (see the module docstring);
    a plain ``Tensor`` from then on.

    >>> import numpy as np
    >>> t = deferred(np.ones((1, 2), np.float32), np.ones((1, 2), np.float32), 2.5)
    >>> isinstance(t, Tensor), t.shape, type(t) is Tensor
    (True, (2, 2), True)
    """

    __slots__ = ()

    # The property replaces the slot's attribute in this class only (Tensor's slot still
    # holds the value): every read of ``data`` goes through it.
    data = property(_made, _assign)


def deferred(g2: Any, x2: Any, bound: float, transposed: bool = False) -> DeferredTensor:
    """A :class:`DeferredTensor` for the product ``g2.T @ x2`` whose entries ``bound``
    bounds (proven: below the dtype's largest number), made as :func:`product` makes it;
    ``g2`` and ``x2`` must be arrays no one else holds or writes.

    >>> import numpy as np
    >>> deferred(np.ones((1, 2)), np.ones((1, 3)), 2.5).data.shape
    (2, 3)
    """
    t: DeferredTensor = Tensor.__new__(DeferredTensor)
    _set(t, Factors(g2, x2, bound, transposed))
    t._tape = None
    return t


def factors(t: Any) -> Optional[Factors]:
    """The factors of a :class:`DeferredTensor` not read yet, else None (for ``tf.update``,
    which folds them without making the product).

    >>> import numpy as np
    >>> factors(deferred(np.ones((1, 2)), np.ones((1, 3)), 2.5)).shape
    (2, 3)
    """
    v = _get(t)
    return v if type(v) is Factors else None


def spend(f: Factors) -> None:
    """Mark the proof of ``f`` used (``tf.update`` folded or checked it): a later read makes
    a plain writable array, as ``update`` leaves a proven gradient after its check.

    >>> import numpy as np
    >>> t = deferred(np.ones((1, 2), np.float32), np.ones((1, 3), np.float32), 2.5)
    >>> spend(factors(t)); t.data.flags.writeable
    True
    """
    f.fresh = False
