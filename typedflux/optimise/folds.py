"""Descent folded into a wide weight gradient's GEMM, in ``tf.train``'s eager steps.

``tf.train`` owns both halves of a step and shows the gradients to no one, so a wide
``Dense`` layer's weight gradient ``g2.T @ x2`` (proven finite from the norms of its two
factors: ``engine/proven.py``) need never be written: its backward leaves the two factors
(``proven.defer_linear``) and ``update`` applies ``w -= eta * g2.T @ x2`` as one BLAS GEMM
with ``beta = 1`` (``optimise/blas.py``, as ``tf.compile`` does), the same numbers as the
product followed by the BLAS axpy of an unfolded step. For the MLP 784-256-128-10 at batch
32 that drops an 800 kB write and its read from every step (benchmarks/PROFILE.md). Every
guarantee of ``update`` holds: the bound is the proof the unfolded step trusts, nothing is
written before every other gradient is checked, and a step that is refused or skipped
drops the factors; a rule other than ``Descent``, a parameter BLAS cannot update in place,
or a check that finds something not finite (its culprit is named among all the gradients,
in walk order) makes the product and goes the unfolded way.

>>> import typedflux as tf
>>> m = tf.Chain(tf.Dense(64, 32, tf.relu), tf.Dense(32, 2))
>>> wanted(m)   # the weights with their tape ids (the first is wide enough to be folded)
{'layers.0.weight': 0, 'layers.1.weight': 2}
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from typedflux.engine.plan import plan_of
from typedflux.engine.proven import FOLDS
from typedflux.optimise.blas import Gemm
from typedflux.optimise.finite import all_finite
from typedflux.optimise.rules import Descent

__all__ = ["arm", "wanted", "product", "check", "apply"]

# (position in update's list of gradients, name, parameter array, (array, g2, x2, bound))
Folded = Tuple[int, str, Any, Tuple[Any, Any, Any, float]]


def product(fold: Tuple[Any, Any, Any, float]) -> Any:
    """A deferred weight gradient made, as the unfolded step makes it (``g2.T @ x2``, the
    Dense VJP's product): where a fold is given up, every caller makes this one.

    >>> import numpy as np
    >>> product((None, np.ones((2, 3)), np.ones((2, 4)), 8.5)).tolist()[0]
    [2.0, 2.0, 2.0, 2.0]
    """
    return fold[1].T @ fold[2]


def _leaves(model: Any) -> Optional[Dict[int, Tuple[Any, int, str]]]:
    # id(weight array) -> (array, its id on withgradient's tape, name) for the model's
    # parameters: the tape numbers the tensors it watches first, in the order of the model's
    # plan, skipping non-float data (Tape.watch_all); an array held by two tensors is left
    # out (its gradient comes in two parts).
    plan = plan_of(model)
    if plan is None:
        return None
    names = {id(t): n for n, t, _ in plan.params}
    found: Dict[int, Tuple[Any, int, str]] = {}
    twice = set()
    k = 0
    for t in plan.watch:
        d = t.data
        if d.dtype.kind not in "fc":
            continue
        if id(d) in found:
            twice.add(id(d))
        found[id(d)] = (d, k, names.get(id(t), ""))
        k += 1
    for i in twice:
        del found[i]
    return found


def wanted(model: Any) -> Dict[str, int]:
    """The parameters whose weight gradient a wide ``Dense`` layer may leave unmade in a
    ``tf.train`` step of ``model``, by name, with their tape ids (a parameter of a layer too
    small for a proof is listed too; its backward makes the product).

    >>> import typedflux as tf
    >>> wanted({"w": tf.ones(2)})   # no cached walk: nothing is folded
    {}
    """
    found = _leaves(model) or {}
    return {name: k for _, k, name in found.values() if name.endswith("weight")}


def arm(model: Any, state: Any) -> Optional[Dict[int, Tuple[Any, int, str]]]:
    """What ``tf.train`` puts into ``FOLDS.wanted`` around its eager steps: the weight arrays
    of ``model`` (every parameter array, by identity, with its tape id and name) when the
    state's rule is ``Descent``; None otherwise (no step is folded).

    >>> import typedflux as tf
    >>> d = tf.Dense(2, 3)
    >>> arm(d, tf.setup(tf.Adam(), d)) is None, len(arm(d, tf.setup(tf.Descent(), d)))
    (True, 2)
    """
    if type(state.rule) is not Descent:
        return None
    return _leaves(model) or None


def check(todo: List[Tuple[str, Any, Any]], folded: List[Folded]) -> Tuple[Tuple[bool, float], float]:
    """The finite check of a step with folded weights: ``all_finite(todo)`` and the largest
    bound of the folded products; when something is not finite, the folded products are
    made and put in their places in ``todo`` (then checked and named like any gradient) and
    ``folded`` is emptied.

    >>> import numpy as np
    >>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> fold = (0, "w", np.zeros((3, 4), np.float32), (None, g2, x2, 8.5))
    >>> check([("b", np.zeros(1), np.ones(1))], [fold])
    ((True, 1.0...), 8.5)
    """
    checked = all_finite(todo)
    if checked[0]:
        return checked, max(f[3][3] for f in folded)
    for i, name, pd, f in reversed(folded):
        todo.insert(i, (name, pd, product(f)))
    folded.clear()
    return all_finite(todo), 0.0


def apply(leaves: Dict[str, Any], todo: List[Tuple[str, Any, Any]],
          folded: List[Folded], axpy_min: int) -> Tuple[List[Tuple[Gemm, Any, Any, Any]], float]:
    """Split the checked folded weights: those a ``Descent`` leaf updates by BLAS (a weight
    of at least ``axpy_min`` entries: where the unfolded step uses the axpy whose numbers
    the GEMM repeats) become prepared GEMMs ``(call, g2.T, x2, w)`` to run after the other
    parameters' steps, with the largest ``|eta|`` among them; the others get their product
    made and appended to ``todo`` for the unfolded step.

    >>> import numpy as np, typedflux as tf
    >>> leaves = tf.setup(tf.Adam(), {"w": tf.zeros((3, 4))}).leaves
    >>> g2, x2 = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    >>> todo = []
    >>> apply(leaves, todo, [(0, "w", np.zeros((3, 4), np.float32), (None, g2, x2, 8.5))], 1)
    ([], 0.0)
    >>> todo[0][2].tolist()[0]   # Adam: the product is made
    [2.0, 2.0, 2.0, 2.0]
    """
    calls: List[Tuple[Gemm, Any, Any, Any]] = []
    risk = 0.0
    for _, name, pd, f in folded:
        leaf = leaves.get(name)
        a = f[1].T
        if (leaf is not None and type(leaf.rule) is Descent and leaf.shape == pd.shape
                and pd.size >= axpy_min and pd.itemsize >= 4):
            eta = leaf.rule.eta
            call = Gemm.prepare(-float(eta), a, f[2], 1.0, pd)
            if call is not None:
                calls.append((call, a, f[2], pd))
                e = eta if eta >= 0.0 else -eta
                if e > risk:
                    risk = e
                continue
        todo.append((name, pd, product(f)))
    return calls, risk
