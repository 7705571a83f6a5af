"""The finite check of an optimisation step: ``tf.update`` refuses NaN and infinity.

A finite loss can still have a non-finite gradient (``sqrt`` at 0, ``log`` of 0 in a branch
that is multiplied by 0): one such entry turns a parameter, and Adam's moments, into NaN for
good. So :func:`typedflux.update` checks every gradient BEFORE it changes anything, with one
fused reduction per step: ``sum_k dot(g_k, g_k)`` over the gradients ``g_k`` is finite
exactly when every entry is (NaN and infinities propagate through products and sums; only an
overflow of the sum, gradients beyond ~1e19 in float32, raises a false alarm, and then the
exact scan finds nothing and the step goes ahead). That scan runs only when the sum is not
finite, to name the culprit; it looks at the parameters first, since a non-finite parameter
makes gradients non-finite. Parameters are not scanned before every step (a second pass
over the model costs as much again): ``tf.train`` scans them when the loss is not finite, and
once at the start and at the end of training. After the step, a parameter the step itself
made non-finite from finite gradients is reported (``NonFiniteError`` with ``applied``): a
``Descent`` step is bounded by the learning rate times the bound on the gradients this check
computes, so no parameter is read unless that bound is too large; ``Adam`` bounds its step
likewise from running bounds on its moments (``Rule.step_bound``); other rules' steps read
each written parameter once while it is in cache (``optimise/state.py``). A gradient proven
finite where the backward made it, and read-only since (typedflux/engine/proven.py: a wide
``Dense`` layer's), is not read again.

>>> import numpy as np
>>> ok = [("w", np.ones(3), np.array([0.5, 1.0, 2.0]))]
>>> culprit(ok) is None
True
>>> culprit([("w", np.ones(3), np.array([0.0, np.nan, np.inf]))])
('gradient', 'w', '1 nan and 1 inf of 3 values')
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from typedflux.compiler.hooks import opaque
from typedflux.engine.proven import _ROUNDING, _SLACK, PROOFS, VDOT, norm_bound, sumsq
from typedflux.optimise.rules import Descent

__all__ = [
    "NonFiniteError", "Skipped", "all_finite", "after_step", "culprit", "describe", "refusal",
    "NONFINITE",
]

#: The accepted values of ``nonfinite=`` in ``tf.update`` and ``tf.train``.
NONFINITE = ("raise", "skip")

_vdot = VDOT
_inf = float("inf")
# (float32's rounding constants also bound a float64 or complex sum; float16's are coarser.)
_F16, _F32 = np.dtype(np.float16), np.dtype(np.float32)
_F32S, _F64S = np.float32, np.float64

# (dotted name, parameter array, gradient array)
Entry = Tuple[str, Any, Any]


class NonFiniteError(FloatingPointError):
    """Raised by ``tf.update`` and ``tf.train`` before a step that would write NaN or
    infinity into a model: a gradient or a parameter that is not finite, or (in ``train``) a
    non-finite loss. Nothing was changed by the refused step (``applied`` is False).

    One case is raised after the step: an update whose own step made a parameter not finite
    from finite gradients (``Descent(1e38)``, or Adam's step on a parameter near the
    dtype's largest number). Then ``applied`` is True: that update was applied in full,
    every parameter and the optimiser state hold its values (``state.step`` counts it), and
    the named parameter holds the NaN or infinity; restore a copy or a checkpoint taken
    before it, and lower the learning rate.

    ``what`` is ``"gradient"``, ``"parameter"`` or ``"loss"``; ``name`` the parameter's
    dotted name (``"layers.2.weight"``, ``None`` for a loss); ``step`` the number the refused
    update would have had (``state.step + 1``), or the number of the update that made the
    parameter not finite. A ``FloatingPointError``, so code written against earlier versions
    still catches it.

    >>> import typedflux as tf
    >>> m = {"w": tf.tensor([0.0, 1.0])}
    >>> st = tf.setup(tf.Adam(), m)
    >>> (g,) = tf.gradient(lambda m: tf.sqrt(m["w"]).sum(), m)   # sqrt's slope at 0 is inf
    >>> try:
    ...     tf.update(st, m, g)
    ... except tf.NonFiniteError as e:
    ...     print(e.what, e.name, e.step)
    gradient w 1
    >>> m["w"].numpy()   # untouched
    array([0., 1.], dtype=float32)
    """

    def __init__(
        self, message: str, *, what: str, name: Optional[str], step: int, detail: str = "",
        epoch: Optional[int] = None, batch: Optional[int] = None, applied: bool = False,
    ) -> None:
        super().__init__(message)
        self.applied = applied
        self.what = what
        self.name = name
        self.step = step
        self.detail = detail
        self.epoch = epoch
        self.batch = batch


class Skipped(NamedTuple):
    """One step refused and skipped with ``nonfinite="skip"``: ``step`` the update number it
    would have had, ``what`` and ``name`` as in :class:`NonFiniteError`, ``detail`` the
    count of bad values, and in ``tf.train`` the ``epoch`` and ``batch``. Listed in
    ``state.skipped``.

    >>> Skipped(3, "gradient", "layers.0.weight", "1 nan of 12 values", 1, 3).name
    'layers.0.weight'
    """

    step: int
    what: str
    name: Optional[str]
    detail: str
    epoch: Optional[int] = None
    batch: Optional[int] = None

    def __str__(self) -> str:
        where = f"epoch {self.epoch}, batch {self.batch}" if self.epoch is not None else ""
        what = f"the {self.what} of {self.name}" if self.what == "gradient" else (
            f"parameter {self.name}" if self.what == "parameter" else "the loss")
        return f"update {self.step}{' (' + where + ')' if where else ''}: {what} ({self.detail})"


def all_finite(entries: Sequence[Entry]) -> Tuple[bool, float]:
    """``(ok, top)``: ``ok`` whether every gradient in ``entries`` is finite, or the fused sum
    overflowed (then :func:`culprit` decides); ``top`` a bound on the magnitude of every
    gradient entry (``inf`` when there is none), for update's parameter check. One BLAS dot
    product per gradient not already proven finite where the backward made it
    (typedflux/engine/proven.py: a Dense layer's, left untouched since): the only per-step
    cost of the check. A proven gradient is made writeable again (its proof is used up).

    >>> all_finite([("w", np.ones(2), np.array([3.0, 4.0]))])   # 5 bounds every entry
    (True, 5.00...)
    >>> all_finite([("w", np.ones(2), np.array([1.0, -np.inf]))])
    (False, inf)
    """
    total = 0.0
    top = 0.0
    n = 0
    low = False
    proofs = PROOFS
    for _, _, g in entries:
        # (proven_bound(g), inline: the proof holds for this very array, still read-only.
        # Ids compared, not the arrays with `is`, which would narrow g to Optional for mypy.
        # No lookup while there are no proofs: a model without wide Dense layers.)
        entry = proofs.get(id(g)) if proofs else None
        if entry is None or g.flags.writeable or id(entry[0]()) != id(g):
            # vdot raises no floating-point warning for the overflow or NaN this looks for
            # (np.dot would, and np.errstate costs more than a small gradient's dot); the
            # sum is a Python number's, which never warns either. (vdot conjugates: a
            # complex gradient's sum is real. float() of a numpy scalar costs a tenth of
            # .item().)
            # (In memory order: vdot copies an array not in C order, a Fortran-ordered
            # Dense weight's gradient, whose transpose is.)
            v = _vdot(g, g) if g.flags.c_contiguous else _vdot(g.T, g.T)
            # (A real gradient's dot is a float32 or float64 scalar: float() of it directly;
            # ``.real`` costs ~0.25 us a call on such a scalar cold after a backward.)
            tv = type(v)
            total += float(v) if tv is _F32S or tv is _F64S else float(v.real)
            n += g.nbytes  # (at least its number of real terms, complex included)
            if g.itemsize < 4:
                low = True
        else:
            g.setflags(write=True)  # (half the cost of g.flags.writeable = True)
            proofs.pop(id(g), None)  # (used up: the registry stays small, with nothing to sweep)
            b = entry[1]
            if b > top:
                top = b
    if not math.isfinite(total):
        return False, _inf
    if n:
        read = _norm_bound(total, n, _TERMS16 if low else _TERMS32)
        if read > top:
            top = read
    return True, top


# norm_bound's terms that depend only on the dtype and the count n, per n (update checks
# gradients of the same sizes at every step): None where norm_bound says inf for every sum.
_Terms = Optional[Tuple[float, float, float, float]]
_TERMS16: Dict[int, _Terms] = {}
_TERMS32: Dict[int, _Terms] = {}


def _norm_bound(s: float, n: int, terms: Dict[int, _Terms]) -> float:
    """``norm_bound(s, n, dtype)`` for a finite ``s`` (float16's terms or float32's): its
    float operations in its order, with the terms made from ``n`` and the dtype computed once
    (a call to norm_bound costs ~0.7 us of a small update in a training step).

    >>> _norm_bound(25.0, 2, _TERMS32) == norm_bound(25.0, 2, _F32)
    True
    """
    c = terms.get(n, _NO_TERMS)
    if c is _NO_TERMS:
        if len(terms) >= 256:
            terms.clear()
        u, t = _ROUNDING[_F16 if terms is _TERMS16 else _F32]
        grow = u * (n + 3)
        c = terms[n] = (None if grow > 700.0 else
                        (2.0 * (n + 1) * t, math.sqrt(1.0 + 2.0 * t), 2.0 * t, math.exp(grow)))
    if c is None:
        return _inf
    x, y, z, w = c
    return (_sqrt(s + x) * y + z) * w * _SLACK


_NO_TERMS: _Terms = (0.0, 0.0, 0.0, 0.0)
_sqrt = math.sqrt


def describe(a: Any) -> str:
    """How many entries of ``a`` are NaN and infinite, in words.

    >>> describe(np.array([np.nan, 1.0, -np.inf, np.inf]))
    '1 nan and 2 inf of 4 values'
    """
    nan = int(np.count_nonzero(np.isnan(a)))
    inf = int(np.count_nonzero(np.isinf(a)))
    parts = [f"{nan} nan"] * bool(nan) + [f"{inf} inf"] * bool(inf)
    n = int(np.size(a))
    return f"{' and '.join(parts)} of {n} value{'s' * (n != 1)}"


def _bad(a: Any) -> bool:
    return not bool(np.isfinite(a).all())


def culprit(entries: Sequence[Entry]) -> Optional[Tuple[str, str, str]]:
    """``(what, name, detail)`` of the first non-finite parameter, else of the first
    non-finite gradient, in walk order; ``None`` when all are finite. Parameters first: a
    non-finite parameter makes other gradients non-finite, so it is the cause to report.

    >>> culprit([("a", np.ones(1), np.full(1, np.nan)), ("b", np.full(2, np.inf), np.ones(2))])
    ('parameter', 'b', '2 inf of 2 values')
    """
    for name, x, _ in entries:
        if _bad(x):
            return "parameter", name, describe(x)
    for name, _, g in entries:
        if _bad(g):
            return "gradient", name, describe(g)
    return None


def refusal(
    who: str, what: str, name: Optional[str], detail: str, step: int,
    epoch: Optional[int] = None, batch: Optional[int] = None, applied: bool = False,
) -> str:
    """The message of a refused step (``who`` is ``"update"`` or ``"train"``), or with
    ``applied`` of an update that made a parameter not finite.

    >>> refusal("update", "gradient", "layers.2.weight", "1 nan of 6 values", 7)[:73]
    'update: the gradient of layers.2.weight is not finite (1 nan of 6 values)'
    """
    where = (f"at epoch {epoch}, batch {batch} (update {step})" if epoch is not None
             else f"at update {step}")
    if applied:
        return (
            f"{who}: parameter {name} is not finite ({detail}) after update {step}"
            f"{' (epoch ' + str(epoch) + ', batch ' + str(batch) + ')' if epoch is not None else ''}"
            ", which was applied in full (every parameter and the optimiser state hold its "
            "values; its gradients were finite): restore a copy taken before the update that "
            "made it so, and lower the learning rate"
        )
    if what == "parameter":
        return (
            f"{who}: parameter {name} is not finite ({detail}) {where}; nothing was updated "
            "(an earlier update or an assignment made it so; skipping steps cannot repair it)"
        )
    return (
        f"{who}: the gradient of {name} is not finite ({detail}) {where}; nothing was "
        'updated (pass nonfinite="skip" to skip such steps; a finite loss with a non-finite '
        "gradient often comes from sqrt or log at 0, or a division by 0)"
    )


def nonfinite_params(named: Sequence[Tuple[str, Any]]) -> List[Tuple[str, str]]:
    """``(name, detail)`` of every non-finite float array in ``named`` (``(name, array)``).
    First one BLAS dot product per array, summed (as :func:`all_finite` does for the
    gradients: finite exactly when every entry is, barring an overflow of the sum); the
    exact scan runs only when that sum is not finite.

    >>> nonfinite_params([("a", np.ones(2)), ("b", np.array([np.nan]))])
    [('b', '1 nan of 1 value')]
    >>> nonfinite_params([("big", np.array([3e38], np.float32))])   # the sum overflows: scanned
    []
    """
    total = 0.0
    for _, a in named:
        if a.dtype.kind in "fc":
            total += float(sumsq(a).real)  # (in memory order: a Dense weight is F-ordered)
    if total < _inf:  # (NaN compares False)
        return []
    return [(n, describe(a)) for n, a in named if a.dtype.kind in "fc" and _bad(a)]


@opaque(writes=())
def after_step(state: Any, written: List[Tuple[str, Any]], risk: float, who: str,
             epoch: Optional[int], batch: Optional[int]) -> None:
    """After an update of ``state`` (an ``OptState``): NonFiniteError when it made a
    parameter not finite (the update stays applied in full). A Descent step ``eta * g`` keeps a finite parameter finite when every
    ``|eta * g|`` is below half the spacing of the dtype's numbers at its largest value (then
    ``p - eta * g`` rounds to a finite number); ``risk * state._bound`` bounds that from the
    finite check's bound on the gradients, with a factor 2 for the roundings of ``eta * g``
    (and ``eta`` must be a finite number of the dtype: ``float32(1e39) * 0`` is NaN).
    Parameters it cannot clear, and those another rule's step left in doubt, are read.

    >>> import typedflux as tf
    >>> m = {"w": tf.tensor([-3e38, 1.0])}
    >>> st = tf.setup(tf.Descent(1e38), m)
    >>> m["w"].data[0] = -np.inf   # as an update by eta=1e38 with a gradient of 1 would
    >>> st._bound = 1.0            # (what the finite check of that update found)
    >>> after_step(st, [("w", m["w"].data)], 1e38, "update", None, None)
    Traceback (most recent call last):
    ...
    typedflux.optimise.finite.NonFiniteError: update: parameter w is not finite (1 inf of 2 values) after update 0, which was applied in full (every parameter and the optimiser state hold its values; its gradients were finite): restore a copy taken before the update that made it so, and lower the learning rate
    """
    suspects = state._suspects
    if not suspects and risk < _ETA_SURE and risk * state._bound < _SURE:
        return
    state._suspects = []
    top = state._bound
    bad: List[Tuple[str, str]] = []
    for name, pd in written:
        leaf = state.leaves.get(name)
        if leaf is None:
            continue
        rule = leaf.rule
        if type(rule) is Descent:
            sure = _HALF_SPACING.get(pd.dtype, 0.0)
            e = abs(rule.eta)
            if e < _LARGEST.get(pd.dtype, 0.0) and 2.0 * e * top < sure:
                continue
        elif name not in suspects:
            continue
        if not bool(np.isfinite(pd).all()):
            bad.append((name, describe(pd)))
    if bad:
        name, detail = bad[0]
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise NonFiniteError(
            refusal(who, "parameter", name, detail + more, state.step, epoch, batch,
                    applied=True),
            what="parameter", name=name, step=state.step, detail=detail + more, epoch=epoch,
            batch=batch, applied=True)


# Half the spacing of each float dtype's numbers at its largest finite value: a step below it
# keeps a finite parameter finite. _SURE is float32's over the factor 2 of after_step, and
# _ETA_SURE float32's largest number (float64 parameters beyond either are looked at one by
# one).
_HALF_SPACING: Dict[Any, float] = {
    np.dtype(t): (float(np.finfo(t).max) - float(np.nextafter(np.finfo(t).max, t(0)))) / 2
    for t in (np.float16, np.float32, np.float64)}
_LARGEST: Dict[Any, float] = {
    np.dtype(t): float(np.finfo(t).max) for t in (np.float16, np.float32, np.float64)}
_SURE = _HALF_SPACING[np.dtype(np.float32)] / 2
_ETA_SURE = _LARGEST[np.dtype(np.float32)]
