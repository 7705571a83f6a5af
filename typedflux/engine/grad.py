"""``gradient`` and ``withgradient``: Zygote's explicit style over the tape.

``tf.gradient(f, *args)`` runs ``f(*args)`` on a fresh tape with every trainable tensor
inside ``args`` watched, then returns one gradient per argument, shaped like the argument:
a Tensor for a float Tensor (``None`` when nothing flows to it), ``None`` for numbers,
strings and integer tensors, a tuple for a list or tuple, a dict for a dict, and a
:class:`~typedflux.engine.tree.Grads` with the same attribute names for any other object
(a layer, a model). No ``.grad`` fields, nothing to zero.

Gradients are first order: a gradient taken inside ``f`` is an ordinary constant to an
outer ``gradient`` (no differentiation through a backward pass).

A model object's walk (which tensors to watch, how to shape its gradient) is cached per object
and re-checked on every call (:func:`typedflux.engine.plan.plan_of`); lists, tuples and dicts
passed directly are walked every time (one dict of distinct tensors under plain names, a user
loop's parameters, by a look at its values).

>>> import typedflux as tf
>>> tf.gradient(lambda x, y: (x * y).sum(), tf.tensor([1.0, 2.0]), 3.0)
(Tensor[2] float32
[3. 3.], None)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from typedflux.compiler.hooks import ACTIVE
from typedflux.engine.deferred import deferred
from typedflux.engine.proven import FOLDS
from typedflux.engine.tape import Tape
from typedflux.engine.plan import Plan, plan_of
from typedflux.engine.tree import _flat, mirror, walk
from typedflux.tensor import AnyTensor, Tensor

__all__ = ["gradient", "withgradient"]


def _wrap(g: Any) -> AnyTensor:
    # The tape hands out arrays the caller owns: wrap without another copy.
    t: AnyTensor = Tensor.__new__(Tensor)
    t.data = g
    t._tape = None
    return t


def _wrap_all(arrays: List[Optional[Any]]) -> List[Optional[AnyTensor]]:
    # The tape's arrays as Tensors (None stays None), _wrap's work written out: one call
    # for all of them instead of one per parameter.
    new = Tensor.__new__
    out: List[Optional[AnyTensor]] = []
    for a in arrays:
        if a is None:
            out.append(None)
        else:
            t: AnyTensor = new(Tensor)
            t.data = a
            t._tape = None
            out.append(t)
    return out


def _shell() -> AnyTensor:
    t: AnyTensor = Tensor.__new__(Tensor)
    t._tape = None
    return t


def _fmt(t: Any) -> str:
    if isinstance(t, Tensor):
        dims = ", ".join(map(str, t.data.shape))
        return f"Tensor[{dims}]"
    return type(t).__name__


def withgradient(f: Callable[..., Any], *args: Any) -> Tuple[AnyTensor, Tuple[Any, ...]]:
    """``(f(*args), gradient(f, *args))`` from one forward pass. ``f`` must return a scalar
    ``Tensor[()]`` (a loss); the value is returned detached from the tape.

    For one model argument, the weight gradient of a wide ``Dense`` layer (``relu``, a
    small batch) whose last update was ``Descent``'s may come back unmade: a
    :class:`~typedflux.engine.deferred.DeferredTensor`, a ``Tensor`` whose array is made
    on its first read (then it is a plain ``Tensor``), so that ``tf.update`` can fold its
    step into the product's GEMM. Every read gives the same array as otherwise.

    >>> import typedflux as tf
    >>> val, (g,) = tf.withgradient(lambda x: (x * x).sum(), tf.tensor([1.0, 2.0]))
    >>> val.item(), g.numpy()
    (5.0, array([2., 4.], dtype=float32))
    """
    if not callable(f):
        raise _not_a_function("withgradient", f)
    if len(args) == 1:
        # One model object (a training step): its cached walk, without the general
        # argument handling (one argument aliases nothing; _plans would give this plan).
        tp = type(args[0])
        if tp is dict:
            d = args[0]
            if _flat(d):
                # Distinct tensors under plain names (a user loop's {"w": ..., "b": ...}):
                # the dict mirror would give (None for an integer tensor and for one no
                # gradient reaches), without shells made first (keys read before f runs).
                ts = list(d.values())
                if len(set(map(id, ts))) == len(ts):
                    keys = list(d)
                    out, arrays = _run(f, args, ts)
                    return out.detach(), (dict(zip(keys, _wrap_all(arrays))),)
        elif tp is not Tensor and tp not in _LEAVES and tp not in _WALKED:
            plan = plan_of(args[0])
            if plan is not None:
                # (A wide layer's weight gradient may come back unmade: engine/deferred.py.)
                left: Dict[int, Tuple[Any, Any, float, bool]] = {}
                out, arrays = _run(f, args, plan.watch, left)
                wrapped = _wrap_all(arrays)
                if left:
                    for k, (g2, x2, limit, fortran) in left.items():
                        wrapped[k] = deferred(g2, x2, limit, fortran)
                return out.detach(), (plan.build(wrapped),)
    args = _own_arguments(args)
    plans = _plans(args)
    if plans is not None:
        return _withgradient_planned(f, args, plans)
    # One structure pass does both jobs: it lists each trainable tensor to watch (once,
    # however often it is shared) and builds the gradient structure with an empty Tensor
    # shell in its place, filled in after the backward scan.
    leaves: List[AnyTensor] = []
    shells: Dict[int, AnyTensor] = {}

    def watch(t: AnyTensor, trainable: bool) -> Optional[AnyTensor]:
        if not trainable:
            return None
        shell = shells.get(id(t))
        if shell is None:
            shell = shells[id(t)] = _shell()
            leaves.append(t)
        return shell

    structure = tuple(mirror(arg, watch) for arg in args)
    out, arrays = _run(f, args, leaves)
    filled = [a for a in arrays if a is not None]
    if len(filled) == len(arrays):
        for t, a in zip(leaves, filled):
            shells[id(t)].data = a
        return out.detach(), structure
    # Some tensor got no gradient: it must read None in the structure, so build it again.
    found: Dict[int, Optional[AnyTensor]] = {}
    for t, g in zip(leaves, arrays):
        found[id(t)] = None if g is None else _wrap(g)

    def leaf(t: AnyTensor, trainable: bool) -> Optional[AnyTensor]:
        return found.get(id(t)) if trainable else None

    grads = tuple(mirror(arg, leaf) for arg in args)
    return out.detach(), grads


def _run(
    f: Callable[..., Any], args: Tuple[Any, ...], leaves: Sequence[AnyTensor],
    left: Optional[Dict[int, Tuple[Any, Any, float, bool]]] = None,
) -> Tuple[Any, List[Optional[Any]]]:
    # On a new tape: the leaves are watched (their gradients are wanted in this order),
    # f(*args) runs, and one backward scan gives the loss and those gradients. The tape is
    # freed however this ends. With ``left``, a wide Dense layer's VJP may leave a weight
    # gradient unmade (proven.leave_linear): its array is None, its factors in ``left`` by
    # position (not while tf.compile records: the program makes every array).
    tape = Tape()
    try:
        with tape:
            ids = tape.watch_all(leaves)
            try:
                out = f(*args)
            except TypeError as err:
                if err.__traceback__ is not None and err.__traceback__.tb_next is None:
                    # Raised by the call itself (no frame of f ran): the arguments do not fit.
                    raise TypeError(
                        f"tf.gradient could not call f with the {len(args)} argument(s) given: "
                        f"{err}"
                    ) from None
                raise
        try:
            _check_loss(out)
        except ValueError as err:
            _blame_constant(args, ids, err)
            raise
        # (f's result is usually an output recorded on this tape: its id without a call.)
        out_id = out._id if out._tape is tape else tape.id_of(out)
        if left is None or ACTIVE[0]:
            arrays = tape.backward_ids(out_id, ids)
        else:
            folds = FOLDS
            saved = folds.tape
            folds.tape = (ids, tape.nodes, left)
            try:
                arrays = tape.backward_ids(out_id, ids)
            finally:
                folds.tape = saved
    finally:
        if not tape.freed:
            tape.free()
    return out, arrays


def _blame_constant(args: Tuple[Any, ...], ids: List[int], err: Exception) -> None:
    # Nothing was watched and f returned no Tensor: an array or number passed where a Tensor
    # was meant is the cause, not f (tf.gradient(f, np.ones(3)) made f return a numpy float).
    # (An error f raises itself, on a list or a float, is passed on: it names the value.)
    if ids:
        return
    for i, a in enumerate(args):
        if isinstance(a, (list, tuple)) and any(isinstance(v, Tensor) for v in a):
            continue
        if isinstance(a, (np.ndarray, np.generic, int, float, list, tuple)) and type(a) is not bool:
            kind = (f"numpy.{type(a).__name__}" if isinstance(a, (np.ndarray, np.generic))
                    else type(a).__name__)
            raise TypeError(
                f"tf.gradient differentiates tensors; argument {i} is a {kind}, a constant to it, "
                f"so nothing was differentiated and f returned no Tensor ({err}); pass "
                f"tf.tensor(...) for it"
            ) from err


def _check_loss(out: Any) -> None:
    if not isinstance(out, Tensor) or out.data.shape != ():
        raise ValueError(
            "tf.gradient needs f to return a scalar Tensor[()] (a loss), "
            f"got {_fmt(out)}; reduce it first, e.g. with .sum() or .mean()"
        )
    if out.data.dtype.kind not in "fc":
        raise ValueError(
            f"tf.gradient needs f to return a float scalar, got a {out.data.dtype} tensor"
        )


def _alias(t: AnyTensor) -> AnyTensor:
    # The same data as another tensor object: a variable of its own for the tape.
    return _wrap(t.data)


def _own_arguments(args: Tuple[Any, ...]) -> Tuple[Any, ...]:
    """``args`` with every tensor passed directly that also appears elsewhere in ``args`` (as
    an earlier argument, or inside another argument) replaced by an alias of its data, so
    each argument gets the gradient of its own uses (Zygote's semantics)."""
    tops: List[int] = []
    for i, a in enumerate(args):  # (a loop: a comprehension is a call of its own)
        if isinstance(a, Tensor):
            tops.append(i)
    if not tops or (len(tops) == len(args) and len(set(map(id, args))) == len(args)):
        return args  # no tensor passed directly, or only distinct tensors
    held: set[int] = set()  # tensors inside the other arguments
    for a in args:
        if not isinstance(a, Tensor) and type(a) not in _LEAVES:
            plan = plan_of(a)
            held.update(map(id, plan.watch) if plan is not None else (id(t) for _, t, _ in walk(a)))
    seen: set[int] = set()
    out = list(args)
    for i in tops:
        t = args[i]
        if id(t) in seen or id(t) in held:
            out[i] = _alias(t)
        else:
            seen.add(id(t))
    return tuple(out)


# An argument's part of the planned path: its Plan, a Tensor, or None for a leaf value
# (a number, a string: no gradient).
_Part = Union[Plan, AnyTensor, None]


def _plans(args: Tuple[Any, ...]) -> Optional[List[_Part]]:
    """Each argument's cached walk, or None when one has none (a list, a dict: the general
    path walks those)."""
    parts: List[_Part] = []
    for a in args:
        tp = type(a)
        if tp is Tensor:
            parts.append(a)
        elif tp in _LEAVES:
            parts.append(None)
        elif tp in _WALKED:
            return None
        else:
            plan = plan_of(a)
            if plan is None:
                return None
            parts.append(plan)
    return parts


# Argument types that are leaves of the walk (no gradient), tested without the walk, and
# containers that have no plan (plan_of would say so after two lookups).
_LEAVES = frozenset({type(None), bool, int, float, str})
_WALKED = frozenset({dict, list, tuple})


def _withgradient_planned(
    f: Callable[..., Any], args: Tuple[Any, ...], parts: List[_Part]
) -> Tuple[AnyTensor, Tuple[Any, ...]]:
    # withgradient over cached walks: watch each trainable tensor once (across arguments
    # too), run f, and build the gradient structures from the plans after the backward scan.
    # (One model alone takes withgradient's own short way.)
    unique: Dict[int, int] = {}  # id(tensor) -> position in ids
    leaves: List[AnyTensor] = []
    for part in parts:
        if part is None:
            continue
        tensors = part.watch if isinstance(part, Plan) else (part,)
        for t in tensors:
            if id(t) not in unique:
                unique[id(t)] = len(leaves)
                leaves.append(t)
    out, arrays = _run(f, args, leaves)
    wrapped = _wrap_all(arrays)
    grads: List[Any] = []
    for part in parts:
        if part is None:
            grads.append(None)
        elif isinstance(part, Plan):
            grads.append(part.build([wrapped[unique[id(t)]] for t in part.watch]))
        else:
            grads.append(wrapped[unique[id(part)]])
    return out.detach(), tuple(grads)


def gradient(f: Callable[..., Any], *args: Any) -> Tuple[Any, ...]:
    """One gradient of the scalar ``f(*args)`` per argument, shaped like that argument.

    Each argument is differentiated on its own, as in Zygote: a tensor passed as two
    arguments gets two gradients, each for the uses through its own argument
    (``tf.gradient(lambda a, b: (a * b).sum(), x, x)`` is ``(x, x)``). A tensor reached inside
    objects, lists or dicts (a model's parameter, a tied weight) is one parameter: every place
    it appears holds its total gradient, as a mutable struct's field does in Zygote.

    >>> import typedflux as tf
    >>> class Line:
    ...     def __init__(self):
    ...         self.w, self.b = tf.tensor(2.0), tf.tensor(0.5)
    >>> (g,) = tf.gradient(lambda m: (m.w * 3.0 + m.b), Line())
    >>> g.w.item(), g.b.item()
    (3.0, 1.0)
    """
    if not callable(f):
        raise _not_a_function("gradient", f)
    return withgradient(f, *args)[1]


def _not_a_function(name: str, f: Any) -> TypeError:
    return TypeError(
        f"tf.{name} needs the function to differentiate as its first argument (f), "
        f"got {_fmt(f)}; call it as tf.{name}(f, *args)"
    )
