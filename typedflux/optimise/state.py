"""``setup`` and ``update``: an optimiser state mirroring a model's trainable parameters.

``state = tf.setup(rule, model)`` keeps one :class:`Leaf` (the rule and its per-parameter
state) for each trainable parameter, keyed by the parameter's dotted name
(``"layers.0.weight"``, the names ``tf.named_params`` and ``tf.save`` use).
``tf.update(state, model, grads)`` moves every trainable parameter IN PLACE by the rule's
step for its gradient (``grads`` mirrors the model, as ``tf.gradient`` returns it).
Frozen parameters (``tf.freeze``) are skipped, also when frozen after ``setup``.
Before it changes anything, ``update`` checks that every gradient is finite
(``typedflux/optimise/finite.py``): a NaN or infinity raises
:class:`~typedflux.optimise.finite.NonFiniteError` naming the parameter and the update
number, or with ``nonfinite="skip"`` the whole step is skipped and listed in
``state.skipped``.

>>> import typedflux as tf
>>> model = {"w": tf.tensor([1.0, 2.0])}
>>> state = tf.setup(tf.Descent(0.5), model)
>>> (g,) = tf.gradient(lambda m: (m["w"] * m["w"]).sum(), model)
>>> _ = tf.update(state, model, g)
>>> model["w"].numpy()
array([0., 0.], dtype=float32)
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

import numpy as np

from typedflux.compiler.hooks import ACTIVE, concrete, opaque
from typedflux.engine.plan import plan_of
from typedflux.engine.deferred import DeferredTensor, factors
from typedflux.engine.proven import FOLDABLE as _FOLDABLE, VDOT
from typedflux.engine.tree import Grads, _flat, _step, named_params, walk_with
from typedflux.optimise.blas import axpy
from typedflux.optimise import folds
from typedflux.optimise.folds import Folded
from typedflux.optimise.gradients import _check_mirrors, _gradient_array
from typedflux.optimise.finite import (
    _ETA_SURE, _HALF_SPACING, _SURE, NONFINITE, NonFiniteError, Skipped, after_step, all_finite,
    culprit, refusal,
)
from typedflux.optimise.composable import OptimiserChain
from typedflux.optimise.rules import Descent, Rule
from typedflux.optimise.schedules import Scheduler
from typedflux.shapes.messages import fmt_shape
from typedflux.tensor import AnyTensor, Tensor

__all__ = ["Leaf", "OptState", "setup", "update", "adjust"]


class Leaf:
    """One parameter's optimiser state: the rule and what it keeps (moments, velocity).

    >>> from typedflux.optimise.rules import Momentum
    >>> Leaf(Momentum(), np.zeros(2))
    Leaf(Momentum(eta=0.01, rho=0.9), ...)
    """

    __slots__ = ("rule", "state", "shape")

    def __init__(self, rule: Rule, state: Any, shape: Optional[Tuple[int, ...]] = None) -> None:
        self.rule = rule
        self.state = state
        # The parameter's shape at setup: a state set up for another model is refused by
        # name and shape (its moments would fail to broadcast deep inside the rule).
        self.shape = shape

    def __repr__(self) -> str:
        return f"Leaf({self.rule!r}, ...)"


class OptState:
    """The optimiser state of a model (what :func:`setup` returns): one :class:`Leaf` per
    trainable parameter, by dotted name (``state["layers.0.weight"]``).

    >>> import typedflux as tf
    >>> st = tf.setup(tf.Adam(), {"w": tf.ones(2), "b": tf.zeros(1)})
    >>> st
    OptState(Adam(eta=0.001, beta=(0.9, 0.999), epsilon=1e-08); 2 parameters: w, b)
    >>> st["w"].rule.eta
    0.001
    >>> st.step, st.skipped     # updates applied so far; steps skipped as not finite
    (0, [])
    """

    __slots__ = ("rule", "leaves", "step", "skipped", "_bound", "_suspects")

    def __init__(self, rule: Rule, leaves: Dict[str, Leaf]) -> None:
        self.rule = rule
        self.leaves = leaves
        self.step = 0
        self.skipped: List[Skipped] = []
        # Update's parameter check: a bound on this step's gradient entries (from its finite
        # check), and the parameters another rule's step left not certainly finite.
        self._bound = 0.0
        self._suspects: List[str] = []

    def __getitem__(self, name: str) -> Leaf:
        return self.leaves[name]

    def __contains__(self, name: object) -> bool:
        return name in self.leaves

    def __iter__(self) -> Iterator[str]:
        return iter(self.leaves)

    def __len__(self) -> int:
        return len(self.leaves)

    def __repr__(self) -> str:
        names = list(self.leaves)
        shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
        return f"OptState({self.rule!r}; {len(names)} parameters: {shown})"


def setup(rule: Rule, model: Any) -> OptState:
    """``setup(rule, model)``: a fresh optimiser state for every trainable parameter of
    ``model`` (Optimisers.jl's ``setup``).

    >>> import typedflux as tf
    >>> tf.setup(tf.Momentum(), {"w": tf.ones(3)})["w"].state
    array([0., 0., 0.], dtype=float32)
    """
    if not isinstance(rule, Rule):
        raise TypeError(
            f"setup(rule, model) takes a rule such as tf.Adam() first, got {type(rule).__name__}"
        )
    leaves = {name: Leaf(rule, rule.init(p.data), p.data.shape)
              for name, p in named_params(model)}
    return OptState(rule, leaves)


# A dotted name split into path steps, once per name (update looks up every parameter's
# gradient each step): (text, int index or None).
_PARTS: Dict[str, Tuple[Tuple[str, Optional[int]], ...]] = {}


def _parts(name: str) -> Tuple[Tuple[str, Optional[int]], ...]:
    found = _PARTS.get(name)
    if found is None:
        found = tuple((p, int(p) if p.isdigit() else None) for p in name.split(".")) if name else ()
        if len(_PARTS) < 65536:
            _PARTS[name] = found
    return found


def _lookup(grads: Any, name: str) -> Any:
    """The entry of a gradient structure at a dotted parameter name, or ``None``.

    >>> _lookup({"layers": ({"w": 1},)}, "layers.0.w")
    1
    """
    node = grads
    for part, index in _parts(name):
        if node is None:
            return None
        tp = type(node)
        if tp is Grads:
            node = node.__dict__.get(part)
        elif isinstance(node, dict):
            node = node.get(part, node.get(index, None) if index is not None else None)
        elif isinstance(node, (tuple, list)):
            node = node[index] if index is not None and index < len(node) else None
        else:
            node = getattr(node, part, None)
    return node


def update(
    state: OptState, model: Any, grads: Any, *, nonfinite: str = "raise"
) -> Tuple[OptState, Any]:
    """``update(state, model, grads)``: one optimisation step, IN PLACE on the model's
    parameter arrays and on ``state``; returns ``(state, model)`` for Optimisers.jl-style
    code. ``grads`` mirrors ``model`` (``tf.gradient(loss, model)[0]``; the 1-tuple itself is
    accepted too). Parameters with no gradient (``None``) and frozen ones are left alone.

    Nothing is changed unless every gradient is finite: otherwise ``nonfinite="raise"``
    (the default) raises :class:`NonFiniteError` naming the parameter and the update number
    (the parameter itself when it is the one not finite), and ``nonfinite="skip"`` skips the
    whole step and appends a :class:`~typedflux.optimise.finite.Skipped` record to
    ``state.skipped`` (a non-finite parameter is always an error: skipping cannot repair it).
    ``state.step`` counts the updates applied.

    >>> import typedflux as tf
    >>> m = {"w": tf.ones(2)}
    >>> st = tf.setup(tf.Descent(0.1), m)
    >>> _ = tf.update(st, m, {"w": tf.tensor([1.0, -1.0])})
    >>> m["w"].numpy(), st.step
    (array([0.9, 1.1], dtype=float32), 1)
    >>> _ = tf.update(st, m, {"w": tf.tensor([float("nan"), 1.0])}, nonfinite="skip")
    >>> m["w"].numpy(), st.step, str(st.skipped[0])
    (array([0.9, 1.1], dtype=float32), 1, 'update 2: the gradient of w (1 nan of 2 values)')
    """
    if not isinstance(state, OptState):
        raise TypeError(
            f"update(state, model, grads) takes the state from tf.setup first, got "
            f"{type(state).__name__}"
        )
    if type(nonfinite) is not str or (nonfinite != "raise" and nonfinite != "skip"):
        _check_nonfinite("update", nonfinite)
    apply_step(state, model, grads, nonfinite, "update")
    return state, model


def apply_step(
    state: OptState, model: Any, grads: Any, nonfinite: str, who: str,
    epoch: Optional[int] = None, batch: Optional[int] = None, mirrored: bool = False,
) -> bool:
    """:func:`update` without the argument checks, for ``tf.train``: ``who``, ``epoch`` and
    ``batch`` go into messages and skip records; ``mirrored`` says ``grads`` is
    ``withgradient``'s own gradient of ``model`` (its structure is not checked again).
    Returns whether the step was applied.

    >>> import typedflux as tf
    >>> m = {"w": tf.ones(1)}
    >>> apply_step(tf.setup(tf.Descent(), m), m, {"w": tf.ones(1)}, "raise", "update")
    True
    """
    if (
        isinstance(grads, tuple)
        and len(grads) == 1
        and not isinstance(model, (tuple, list))
        and (isinstance(grads[0], (Grads, dict)) or grads[0] is None)
    ):
        grads = grads[0]  # the tuple tf.gradient returns for a one-argument loss
    if grads is not None and not mirrored:
        _check_mirrors(model, grads, who)
    if type(model) is dict:  # (plan_of caches no dict: it would only say None)
        if _flat(model) and len(set(map(id, model.values()))) == len(model):
            # Distinct tensors under plain names: walk_with's flat case without its
            # generator and first-name bookkeeping (each tensor is its key's; one whose data
            # is not float is not trainable, which _apply tests).
            return _apply(state, [((k, v, None), _step(grads, k)) for k, v in model.items()],
                          nonfinite, who, epoch, batch)
    else:
        plan = plan_of(model)
        if plan is not None:
            # The model's cached walk: each parameter's gradient by its path (the gradient
            # structure mirrors the model, so no walk of it).
            return _apply(state, zip(plan.params, plan.pick(grads)), nonfinite, who, epoch,
                          batch)
    # One joint walk of the model and its gradient (each parameter once, under its first
    # name, trainable if any occurrence is: named_params' rules) instead of a walk plus a
    # dotted-name lookup per parameter.
    found = list(walk_with(model, grads))
    trainable: Dict[int, bool] = {}
    for _, t, tr, _ in found:
        trainable[id(t)] = trainable.get(id(t), False) or tr
    seen: set[int] = set()
    steps: List[Tuple[Tuple[str, AnyTensor, Any], Any]] = []
    for name, p, _, g in found:
        if not trainable[id(p)] or id(p) in seen:
            continue
        seen.add(id(p))
        steps.append(((name, p, None), g))
    return _apply(state, steps, nonfinite, who, epoch, batch)


def _check_nonfinite(who: str, nonfinite: Any) -> None:
    if not isinstance(nonfinite, str) or nonfinite not in NONFINITE:
        raise ValueError(
            f'{who}: nonfinite must be "raise" or "skip", got {nonfinite!r}'
        )


def _apply(
    state: OptState, steps: Iterable[Tuple[Tuple[str, AnyTensor, Any], Any]], nonfinite: str,
    who: str, epoch: Optional[int], batch: Optional[int],
) -> bool:
    # Each ((name, parameter, _), gradient or None) step, in place. Two loops: the first
    # gathers the arrays, so the finite check sees all of them before anything changes.
    todo: List[Tuple[str, Any, Any]] = []
    # (Without the gradients: the parameter check after the update does not read them, and a
    # compiled step folds a gradient no one else reads into its update.)
    written: List[Tuple[str, Any]] = []
    # withgradient's unmade weight gradients whose Descent step is folded (optimise/folds.py).
    folded: List[Folded] = []
    leaves = state.leaves
    for (name, p, _), g in steps:
        if g is None:
            continue
        pd = p.data
        if pd.dtype.kind not in "fc":
            continue  # integer data is never trained (a plan made while it was a float)
        if not pd.flags.writeable:  # (here, before any parameter changes: all or nothing)
            raise ValueError(
                f"{who}: parameter {name or 'the model'} holds a read-only array, so it cannot "
                "be updated in place; give it a writable copy (p.data = p.data.copy()) or "
                "leave it out of training with tf.freeze")
        leaf = leaves.get(name)
        if leaf is not None and leaf.shape is not None and leaf.shape != pd.shape:
            # (here, before any parameter changes: all or nothing)
            raise ValueError(
                f"{who}: the optimiser state of {name} was set up for shape "
                f"{fmt_shape(leaf.shape)}, but the parameter has {fmt_shape(pd.shape)} (use "
                "tf.setup(rule, model) with this model)")
        written.append((name, pd))
        if type(g) is Tensor and g.data.shape == pd.shape and g.data.dtype.kind == "f":
            g = g.data
        elif type(g) is DeferredTensor and folds.foldable(g, pd, leaf, _AXPY_MIN):
            # withgradient's unmade weight gradient, for a Descent step BLAS can fold into
            # the product's GEMM (optimise/folds.py); any other case reads g.data below.
            f = factors(g)
            if f is not None:
                folded.append((len(todo), name, pd, (g, f.g2, f.x2, f.bound)))
                continue
            g = _gradient_array(g, name, p)
        else:
            g = _gradient_array(g, name, p)
        todo.append((name, pd, g))
    # Outside a recording (tf.compile) the opaque functions are called without their wrappers
    # (~0.15 us each: a wrapper only looks for a recording, and there is none).
    raw = not ACTIVE[0]
    if folded:  # (never while tf.compile records: folds.foldable)
        checked, top = folds.check(todo, folded)
        if not _counted(state, checked, todo, nonfinite, who, epoch, batch, top):
            return False
    elif not (_RAW_FINITE_STEP if raw else _finite_step)(state, todo, nonfinite, who, epoch,
                                                        batch):
        return False
    add = _RAW_AXPY if raw else axpy
    rule_step = _RAW_RULE_STEP if raw else _rule_step
    risk = 0.0  # the largest |eta| of a Descent step, scaled for a float16 parameter
    gemms, risk = folds.apply(leaves, todo, folded, _AXPY_MIN) if folded else ((), 0.0)
    for name, pd, g in todo:
        leaf = leaves.get(name)
        if leaf is None:  # a parameter thawed (or added) after setup
            # (Made from the array itself, also while tf.compile records: the state outlives
            # the recording.) Its shape was checked in the first loop.
            leaf = leaves[name] = Leaf(state.rule, state.rule.init(concrete(pd)), pd.shape)
        rule = leaf.rule
        if type(rule) is Descent:
            eta = rule.eta
            # (A float16 parameter, whose numbers end far sooner, is always looked at.)
            e = (eta if eta >= 0.0 else -eta) if pd.itemsize >= 4 else _INF
            if e > risk:
                risk = e
            # p -= eta * g: one BLAS pass with no temporary for large arrays; for small
            # ones (biases, a last layer) numpy's expression (Descent.apply's) is cheaper
            # than the ctypes call.
            if pd.size >= _AXPY_MIN and add(-float(eta), g, pd):
                if pd.itemsize >= 4 and id(pd) not in _FOLDABLE:
                    if len(_FOLDABLE) >= 4096:  # (ids of arrays long dead: a hint only)
                        _FOLDABLE.clear()
                    _FOLDABLE.add(id(pd))  # (its next gradient may come unmade: proven.py)
                continue
            step = rule.eta * g
        else:
            if _FOLDABLE:
                _FOLDABLE.discard(id(pd))
            rule_step(state, name, leaf, pd, g)
            continue
        # In place: the tape that produced ``grads`` is already freed, and every holder of
        # this parameter (a shared weight, the optimiser's caller) sees the new values.
        if step.dtype is not pd.dtype:
            step = step.astype(pd.dtype, copy=False)
        pd -= step
    for call, a, b in gemms:  # w -= eta * (a @ b), last: nothing above can fail then
        call(a, b)
    if raw:
        # (after_step's first test, inline: it clears the usual Descent step without a call.)
        if state._suspects or not (risk < _ETA_SURE and risk * state._bound < _SURE):
            _RAW_AFTER_STEP(state, written, risk, who, epoch, batch)
    else:
        after_step(state, written, risk, who, epoch, batch)
    return True


@opaque(exits=True, writes=())
def _finite_step(state: OptState, todo: List[Tuple[str, Any, Any]], nonfinite: str, who: str,
                 epoch: Optional[int], batch: Optional[int], bound: float = 0.0) -> bool:
    """The finite check of one update and its count: True to go on (``state.step`` counts
    it), False to skip it (recorded in ``state.skipped``), or NonFiniteError. Reads the
    gradients' values: ``tf.compile`` replays it as one call whose False ends the step.
    ``bound`` bounds the entries of gradients checked elsewhere (a compiled program's
    folded ones, which ``todo`` leaves out)."""
    ok, top = checked = all_finite(todo)
    if ok:  # (_counted's first case, inline: every step takes it)
        state._bound = top if top > bound else bound
        state.step += 1
        return True
    return _counted(state, checked, todo, nonfinite, who, epoch, batch, bound)


def _counted(state: OptState, checked: Tuple[bool, float], todo: List[Tuple[str, Any, Any]],
             nonfinite: str, who: str, epoch: Optional[int], batch: Optional[int],
             bound: float) -> bool:
    # _finite_step's verdict on all_finite's answer ``checked`` for ``todo``.
    ok, top = checked
    if not ok:
        bad = culprit(todo)
        if bad is not None:
            what, name, detail = bad
            n = state.step + 1
            if what == "gradient" and nonfinite == "skip":
                state.skipped.append(Skipped(n, what, name, detail, epoch, batch))
                return False
            raise NonFiniteError(
                refusal(who, what, name, detail, n, epoch, batch),
                what=what, name=name, step=n, detail=detail, epoch=epoch, batch=batch,
            )
    state._bound = top if top > bound else bound
    state.step += 1
    return True


@opaque(writes=(3,))
def _rule_step(state: OptState, name: str, leaf: Leaf, pd: np.ndarray[Any, Any],
               g: np.ndarray[Any, Any]) -> None:
    """One parameter's step by its leaf's rule, in place. Recorded by ``tf.compile`` as one
    call (rules keep Python numbers in their state, such as Adam's powers of beta). Unless
    the rule bounds its step (:meth:`Rule.step_bound`: Adam's) well inside the dtype's
    range, the written parameter is read once while it is in cache: one not certainly finite
    is left to :func:`~typedflux.optimise.finite.after_step`."""
    rule = leaf.rule
    leaf.state, step = rule.apply(leaf.state, pd, g)
    if step is None:  # a rule still accumulating (AccumGrad): no step yet
        return
    if step.dtype is not pd.dtype:
        step = step.astype(pd.dtype, copy=False)
    pd -= step
    # A step the rule bounds below half the spacing of the dtype's numbers at its largest
    # value (after_step's argument, with the same factor 2) kept the parameter finite.
    if (not 2.0 * rule.step_bound(leaf.state, state._bound) < _HALF_SPACING.get(pd.dtype, 0.0)
            and not _isfinite(float(_vdot(q := pd.ravel("K"), q).real))):  # (memory order)
        state._suspects.append(name)


# (The functions behind the opaque wrappers: see _apply.)
_RAW_FINITE_STEP = _finite_step.__wrapped__  # type: ignore[attr-defined]
_RAW_RULE_STEP = _rule_step.__wrapped__  # type: ignore[attr-defined]
_RAW_AFTER_STEP = after_step.__wrapped__  # type: ignore[attr-defined]
_RAW_AXPY = axpy.__wrapped__  # type: ignore[attr-defined]
_vdot = VDOT
_isfinite = math.isfinite
_INF = float("inf")


# Below this many elements Descent uses ``p -= eta * g``: a BLAS call through ctypes costs
# ~2.5 us of overhead; numpy's two passes cost more only from ~12,000-16,000 float32
# elements.
_AXPY_MIN = 16384


def _adjust_rule(rule: Rule, changes: Dict[str, Any]) -> Rule:
    if isinstance(rule, OptimiserChain):
        return OptimiserChain(*(_adjust_rule(r, changes) for r in rule.rules))
    if isinstance(rule, Scheduler):
        scheduled = sorted(set(changes) & set(rule.schedules))
        if scheduled:
            raise TypeError(
                f"adjust: {', '.join(scheduled)} of {rule!r} follows a schedule; change the "
                "schedule (a new tf.Scheduler) instead"
            )
        return Scheduler(_adjust_rule(rule.rule, changes), **rule.schedules)
    if dataclasses.is_dataclass(rule):
        fields = {f.name for f in dataclasses.fields(rule)}
        mine = {k: v for k, v in changes.items() if k in fields}
        if mine:
            return dataclasses.replace(rule, **mine)
    return rule


def adjust(state: OptState, **changes: Any) -> OptState:
    """Change hyperparameters in place, keeping the accumulated state (Optimisers.jl's
    ``adjust!``): ``tf.adjust(state, eta=1e-4)``. Applies to every rule that has the field
    (inside chains too); an unknown field is an error.

    >>> import typedflux as tf
    >>> st = tf.setup(tf.OptimiserChain(tf.ClipGrad(1.0), tf.Adam()), {"w": tf.ones(1)})
    >>> tf.adjust(st, eta=0.1)["w"].rule
    OptimiserChain(ClipGrad(delta=1.0), Adam(eta=0.1, beta=(0.9, 0.999), epsilon=1e-08))
    """
    if not isinstance(state, OptState):
        raise TypeError(
            f"adjust(state, **changes) takes the state from tf.setup first, got {type(state).__name__}"
        )
    known: set[str] = set()
    stack: List[Rule] = [state.rule]
    while stack:
        r = stack.pop()
        if isinstance(r, OptimiserChain):
            stack.extend(r.rules)
        elif isinstance(r, Scheduler):
            stack.append(r.rule)
        elif dataclasses.is_dataclass(r):
            known.update(f.name for f in dataclasses.fields(r))
    unknown = sorted(set(changes) - known)
    if unknown:
        raise TypeError(
            f"adjust: {state.rule!r} has no hyperparameter {', '.join(unknown)} "
            f"(it has {', '.join(sorted(known)) or 'none'})"
        )
    state.rule = _adjust_rule(state.rule, changes)
    for leaf in state.leaves.values():
        leaf.rule = _adjust_rule(leaf.rule, changes)
    return state
