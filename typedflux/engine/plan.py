"""Cached model walks: a model's walk done once (a :class:`Plan`), with the generated code
that builds its gradient structure and picks its parameters' gradients out of one.

A training step walks the same model twice (``withgradient`` to watch the parameters and
shape the gradient, ``update`` to pair parameters with gradients): ~15 us each for a small
Chain. A Plan is that walk done once: the trainable tensors in order, each parameter's
path, and a builder for the gradient structure. It is kept per model object and reused
while a cheap check finds every walked object holding the same things as when the plan was
made (attribute names and value identities, list items, dict entries, frozen marks,
integer tensors still integer); anything else (a replaced layer or tensor, freeze/thaw, a
new attribute) makes a new plan. ``tf.load`` writes into the existing arrays: nothing to
check. A plan holds the objects it compares, so a replaced layer is freed at the model's
next gradient or update (which makes a new plan), not at once.

>>> import typedflux as tf
>>> m = tf.Chain(tf.Dense(2, 3), tf.Dense(3, 1))
>>> plan_of(m) is plan_of(m)
True
"""

from __future__ import annotations

import functools
import weakref
from operator import is_
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from typedflux.engine.plan_code import picker, sameness
from typedflux.engine.tree import (
    _DICT,
    _INFO,
    _LEAF,
    _OBJ,
    _SEQ,
    _TENSOR,
    Grads,
    _ClassInfo,
    _info,
    _object_children,
    _Names,
    _public_slots,
    dict_items,
)
from typedflux.tensor import AnyTensor

__all__ = ["Plan", "plan_of"]

_UNSET = object()


def _frozen_mark(frozen: Any) -> Any:
    # A frozen set can change in place, so its contents are compared; True/None by value.
    if frozen is None or frozen is True or frozen is False:
        return frozen
    return frozenset(frozen)


def _frozen_of(obj: Any, d: Any) -> Any:
    # _object_children's reading of the mark.
    if d is not None and "_frozen" in d:
        return d["_frozen"]
    if (_INFO.get(type(obj)) or _info(type(obj))).class_frozen:
        return getattr(obj, "_frozen", None)
    return None


def _snap_frozen(obj: Any) -> Any:
    return _frozen_mark(_frozen_of(obj, getattr(obj, "__dict__", None)))


def _snap_slotted(obj: Any) -> Any:
    # What the walk of an object with public __slots__ (any may be unset) depends on.
    d = getattr(obj, "__dict__", None)
    vals = tuple([getattr(obj, s, _UNSET) for s in _public_slots(type(obj))])
    dpart = (tuple(d), tuple(map(id, d.values()))) if d is not None else None
    return (type(obj), dpart, tuple(map(id, vals)), _snap_frozen(obj))


def _values_slotted(obj: Any) -> Any:
    d = getattr(obj, "__dict__", None)
    vals = tuple([getattr(obj, s, _UNSET) for s in _public_slots(type(obj))])
    return (tuple(d.values()) if d is not None else (), vals)


def _snap_list(obj: Any) -> Any:
    return (type(obj), tuple(map(id, obj)))


def _snap_dict(obj: Any) -> Any:
    return (type(obj), tuple(obj), tuple(map(id, obj.values())))


class Plan:
    """A model's walk done once (made and cached by :func:`plan_of`): what ``withgradient``
    and ``update`` need, valid while the model keeps the same objects in the same places.

    - ``watch``: the trainable tensors, each once, in walk order (what gets a gradient);
    - ``build(slots)``: a new gradient structure as :func:`mirror` shapes it, with
      ``slots[i]`` in place of ``watch[i]`` and ``None`` for everything else;
    - ``params``: ``(name, tensor, path)`` as :func:`named_params` lists them (each tensor
      once, under its first name, if any occurrence is trainable), ``path`` the child names
      leading to it;
    - ``pick(grads)``: the entries of a gradient structure (a mirror of the model: Grads,
      tuples, dicts, ...) at each parameter's path, as :func:`walk_with` finds them
      (``None`` where missing).

    >>> import typedflux as tf
    >>> d = tf.Dense(2, 3)
    >>> p = plan_of(d)
    >>> [(n, path) for n, _, path in p.params], p.build(["W", "b"])
    ([('weight', ('weight',)), ('bias', ('bias',))], Grads(weight='W', bias='b', activation=None))
    >>> p.pick(Grads(weight=1)), p.pick(None)
    ([1, None], [None, None])
    """

    __slots__ = ("watch", "build", "params", "pick", "cacheable", "_root", "_objects", "_checks",
                 "_keep", "_ints", "_marks", "_same")

    def __init__(self, root: Any) -> None:
        self.watch: List[AnyTensor] = []
        self.params: List[Tuple[str, AnyTensor, Tuple[str, ...]]] = []
        self.cacheable = True
        # What valid() compares. The root: its class, attribute names and values (the
        # root itself is not held, so the plan does not keep the model alive). _objects:
        # the same for every other plain object walked (instance __dict__, no public
        # slots: nearly every layer). _checks: (object, snapshot function, snapshot) for
        # lists, dicts, slotted objects and frozen marks that are sets (they can change in
        # place). Tuples cannot change; their items are checked in their own right.
        self._root: Optional[Tuple[type, Tuple[Any, ...], Tuple[Any, ...]]] = None
        self._objects: List[Tuple[Any, type, Tuple[Any, ...], Tuple[Any, ...]]] = []
        self._checks: List[Tuple[Any, Callable[[Any], Any], Any]] = []
        # (class, its _frozen default) for walked objects that take the class's mark.
        self._marks: List[Tuple[type, Any]] = []
        # The values named by id stay alive with the plan, so no new object can take one of
        # those ids while the plan is in use.
        self._keep: List[Any] = []
        occurrences: List[Tuple[str, AnyTensor, bool, Tuple[str, ...]]] = []
        lines: List[str] = []
        consts: List[Any] = []
        expr = self._visit(root, occurrences, lines, consts)
        # The builder is generated code: one statement per object or container, built
        # bottom-up (a Python call per node costs more than the whole build for a Chain).
        # Names and keys are passed as constants, never written into the source.
        src = "def build(s):\n" + "".join(f"    {ln}\n" for ln in lines) + f"    return {expr}\n"
        scope: Dict[str, Any] = {"N": object.__new__, "G": Grads, "K": consts}
        exec(compile(src, "<typedflux plan>", "exec"), scope)
        self.build: Callable[[Sequence[Any]], Any] = scope["build"]
        trainable: Dict[int, bool] = {}
        for _, t, tr, _ in occurrences:
            trainable[id(t)] = trainable.get(id(t), False) or tr
        seen: set[int] = set()
        tensors: List[AnyTensor] = []
        for name, t, _, path in occurrences:
            if id(t) not in seen:
                seen.add(id(t))
                tensors.append(t)
                if trainable[id(t)]:
                    self.params.append((name, t, path))
        # Integer tensors are never trainable: one whose data becomes a float array makes a
        # new plan. (A float tensor whose data becomes integer needs no check: the tape
        # does not watch it, so it gets no gradient, and update skips non-float data.)
        self._ints = [t for t in tensors if t.data.dtype.kind not in "fc"]
        self.pick = picker([path for _, _, path in self.params])
        self._same: Optional[Callable[[Any], bool]] = (
            sameness(self._root, self._objects, self._marks, self._checks, self._ints, _ROOT)
            if len(self._objects) <= _SAMENESS_LIMIT else None  # (no megabytes of code)
        )

    def _visit(
        self, root: Any, occurrences: List[Tuple[str, AnyTensor, bool, Tuple[str, ...]]],
        lines: List[str], consts: List[Any],
    ) -> str:
        """Walk ``root`` (without recursion: a model nested thousands deep is fine), noting
        each tensor occurrence (dotted name, tensor, trainable, path) and what ``valid()``
        compares; write the builder's statements into ``lines`` (children before their
        container); returns the builder's expression for the whole structure."""
        # Pre-order, as walk() goes: tensors get their watch slots and occurrences in walk
        # order, and each container an entry whose child expressions are filled in as its
        # children are reached.
        top: List[Any] = [None]
        containers: List[Tuple[int, List[Any], List[str], List[Any], Any, int]] = []
        slot_of: Dict[int, int] = {}
        checked: set[int] = set()
        names = _Names()
        stack: List[Tuple[Any, bool, Tuple[int, ...], str, Tuple[str, ...], List[Any], int]] = [
            (root, True, (), "", (), top, 0)]
        while stack:
            obj, trainable, path, name, steps, holder, key = stack.pop()
            info = _INFO.get(type(obj)) or _info(type(obj))
            kind = info.kind
            if kind is _TENSOR:
                names.add(name, steps)
                tr = trainable and obj.data.dtype.kind in "fc"
                occurrences.append((name, obj, tr, steps))
                if not tr:
                    holder[key] = "None"
                    continue
                slot = slot_of.get(id(obj))
                if slot is None:
                    slot = slot_of[id(obj)] = len(self.watch)
                    self.watch.append(obj)
                holder[key] = f"s[{slot}]"
                continue
            if kind is _LEAF:
                holder[key] = "None"
                continue
            if id(obj) in path or (path and obj is root):
                # A cycle: None in the structure. One back to the root would have the plan
                # (through the values it keeps) keep the model alive: such a plan is not
                # cached.
                self.cacheable = self.cacheable and obj is not root
                holder[key] = "None"
                continue
            if id(obj) not in checked:
                checked.add(id(obj))
                self._record(obj, root, kind, info)
            sub = path + (id(obj),)
            if kind is _SEQ:
                kids: List[Tuple[str, Any, bool]] = [(str(i), v, True) for i, v in enumerate(obj)]
                keys: List[Any] = []
            elif kind is _DICT:
                kids = [(k, v, True) for k, v in dict_items(obj, name)]
                keys = [k for k, _, _ in kids]
            else:
                kids = _object_children(obj, info)
                keys = [k for k, _, _ in kids]
            exprs: List[Any] = [None] * len(kids)
            containers.append((kind, exprs, [], keys, holder, key))
            dot = name + "." if name else ""
            for j in range(len(kids) - 1, -1, -1):
                k, v, tr = kids[j]
                stack.append((v, trainable and tr, sub, dot + k, steps + (k,), exprs, j))
        # Deepest containers first: each one's children are written before it.
        for kind, exprs, _, keys, holder, key in reversed(containers):
            if kind is _SEQ:
                value = "(" + "".join(e + ", " for e in exprs) + ")"
            else:
                first = len(consts)
                consts.extend(keys)
                items = ", ".join(f"K[{first + j}]: {e}" for j, e in enumerate(exprs))
                if kind is not _DICT:
                    # A Grads without a call of ours: a bare instance given the dict.
                    var = f"v{len(lines)}"
                    lines.append(f"{var} = N(G)")
                    lines.append(f"{var}.__dict__ = {{{items}}}")
                    holder[key] = var
                    continue
                value = "{" + items + "}"
            var = f"v{len(lines)}"
            lines.append(f"{var} = {value}")
            holder[key] = var
        return str(top[0])

    def _record(self, obj: Any, root: Any, kind: int, info: _ClassInfo) -> None:
        # What valid() will compare for this object, and the values it must keep alive.
        d = getattr(obj, "__dict__", None)
        if kind is _SEQ:
            if not isinstance(obj, tuple):
                self._checks.append((obj, _snap_list, _snap_list(obj)))
                self._keep.append(tuple(obj))
            return
        if kind is _DICT:
            self._checks.append((obj, _snap_dict, _snap_dict(obj)))
            self._keep.append(tuple(obj.values()))
            return
        if d is None or info.slots:
            self._checks.append((obj, _snap_slotted, _snap_slotted(obj)))
            self._keep.append(_values_slotted(obj))
            return
        entry = (type(obj), tuple(d), tuple(d.values()))
        if obj is root:
            self._root = entry
        else:
            self._objects.append((obj, *entry))
        frozen = d.get("_frozen", _UNSET)
        if frozen is _UNSET and info.class_frozen:
            # The class default (Chain's None): compared per class by identity, unless it
            # is a set (which can change in place) or computed.
            default = getattr(type(obj), "_frozen", None)
            if default is None or default is True or default is False:
                mark = (type(obj), default)
                if mark not in self._marks:
                    self._marks.append(mark)
                return
        elif frozen is _UNSET or _frozen_mark(frozen) is frozen:
            return  # no mark, or True/None/False (its identity is among the ids above)
        # A set of names, which can change in place, or a computed class attribute.
        if obj is root:
            self._checks.append((_ROOT, _snap_frozen, _snap_frozen(obj)))
        else:
            self._checks.append((obj, _snap_frozen, _snap_frozen(obj)))

    def valid(self, root: Any) -> bool:
        """Whether the plan still describes ``root`` (the object it was made for).

        >>> import typedflux as tf
        >>> d = tf.Dense(2, 3)
        >>> p = plan_of(d)
        >>> p.valid(d), (setattr(d, "bias", None), p.valid(d))[1]
        (True, False)
        """
        same = self._same
        if same is not None and same(root):
            return True
        # Plain objects: the same class, attribute names in the same order, each value the
        # very object it was (operator.is_: no value's __eq__ runs).
        entry = self._root
        if entry is not None:
            d = root.__dict__
            if type(root) is not entry[0] or tuple(d) != entry[1]:
                return False
            if not all(map(is_, d.values(), entry[2])):
                vals = tuple(d.values())
                if not _only_leaves_changed(entry[1], entry[2], vals):
                    return False
                self._root = (entry[0], entry[1], vals)
                self._same = None  # a leaf of another class: the loop from now on
        for i, (obj, cls, keys, vals) in enumerate(self._objects):
            d = obj.__dict__
            if type(obj) is not cls or tuple(d) != keys:
                return False
            if not all(map(is_, d.values(), vals)):
                new = tuple(d.values())
                if not _only_leaves_changed(keys, vals, new):
                    return False
                self._objects[i] = (obj, cls, keys, new)
                self._same = None
        for cls, default in self._marks:
            if getattr(cls, "_frozen", None) is not default:
                return False
        for obj, snap, old in self._checks:
            if snap(root if obj is _ROOT else obj) != old:
                return False
        for t in self._ints:
            if t.data.dtype.kind in "fc":
                return False
        return True


def _only_leaves_changed(
    keys: Tuple[str, ...], old: Tuple[Any, ...], new: Tuple[Any, ...]
) -> bool:
    # Whether two value tuples of one object (attributes ``keys``) differ only where a leaf
    # (a number, a string, a function: None in the gradient structure) became another leaf,
    # never in the freeze mark. A model that counts its calls in an attribute keeps its plan
    # this way instead of making a new one every step.
    for k, a, b in zip(keys, old, new):
        if a is not b and (
            k == "_frozen"
            or (_INFO.get(type(a)) or _info(type(a))).kind is not _LEAF
            or (_INFO.get(type(b)) or _info(type(b))).kind is not _LEAF
        ):
            return False
    return True


# Stands for the root in Plan._checks (the plan does not hold its root).
_ROOT = object()
# Models walking more objects than this compare in valid()'s loop (no generated check).
_SAMENESS_LIMIT = 5000


# id(root) -> (weak reference to the root, its plan or None, how many times it was made
# anew). Entries go when the root is collected.
_PLANS: Dict[int, Tuple[Any, Optional[Plan], int]] = {}
_NO_WEAKREF: set[type] = set()
# Models alive at once are few; a program creating models without end keeps this bounded.
_PLAN_LIMIT = 1024
# A model whose walk changed this many times (a list attribute that grows every step, say)
# is walked every time from then on: making a plan costs more than one walk.
_REMAKE_LIMIT = 16


def _forget(
    key: int, ref: Any, plans: Dict[int, Tuple[Any, Optional[Plan], int]] = _PLANS
) -> None:
    # (The cache is bound as a default: at interpreter exit, module globals may be gone.)
    entry = plans.get(key)
    if entry is not None and entry[0] is ref:
        del plans[key]


def plan_of(obj: Any) -> Optional[Plan]:
    """The cached :class:`Plan` of a model object, made anew when the model changed since;
    ``None`` for what is not cached (tensors, lists, tuples, dicts, objects that take no
    weak references or refer back to themselves): walk those with :func:`mirror` /
    :func:`walk`.

    >>> import typedflux as tf
    >>> m = tf.Chain(tf.Dense(2, 3), tf.Dense(3, 1))
    >>> plan_of(m) is plan_of(m), len(plan_of(m).watch)
    (True, 4)
    >>> _ = tf.freeze(m[0])
    >>> [n for n, _, _ in plan_of(m).params]
    ['layers.1.weight', 'layers.1.bias']
    >>> plan_of({"w": tf.ones(2)}) is None
    True
    """
    key = id(obj)
    entry = _PLANS.get(key)
    remade = 0
    if entry is not None and entry[0]() is obj:
        plan = entry[1]
        if plan is None:  # given up on: its walk keeps changing
            return None
        if plan.valid(obj):
            return plan
        remade = entry[2] + 1
    cls = type(obj)
    if (_INFO.get(cls) or _info(cls)).kind is not _OBJ or cls in _NO_WEAKREF:
        return None
    try:
        ref = weakref.ref(obj, functools.partial(_forget, key))
    except TypeError:
        _NO_WEAKREF.add(cls)
        return None
    if remade >= _REMAKE_LIMIT:
        _PLANS[key] = (ref, None, remade)
        return None
    plan = Plan(obj)
    if plan.cacheable:
        if len(_PLANS) >= _PLAN_LIMIT:
            _PLANS.clear()
        _PLANS[key] = (ref, plan, remade)
    return plan
