"""Walking parameter structures: tensors inside tuples, lists, dicts and objects (layers).

One traversal serves gradients, optimisers, save/load and ``tf.params``:

- ``named_tensors(obj)``: every tensor with a dotted name (``"layers.0.weight"``), including
  buffers (state such as BatchNorm running statistics), each tensor once, in a deterministic
  order (attribute definition order, list order, dict insertion order);
- ``named_params(obj)`` / ``params(obj)``: only the trainable ones;
- ``mirror(obj, leaf)``: a structure shaped like ``obj`` with ``leaf(tensor, trainable)`` in
  place of each tensor: tuples for lists/tuples, dicts for dicts, :class:`Grads` (same
  attribute names) for objects, ``None`` for anything else (numbers, strings, functions).

Conventions, for layer authors:

- attributes whose names start with ``_`` are private: never walked;
- a class attribute ``_buffers: tuple[str, ...]`` names attributes holding state, not
  parameters: they are walked (saved, loaded) but never trainable;
- an instance attribute ``_frozen`` (``True``, or a set of attribute names) freezes the whole
  object or those attributes: not trainable, no gradient;
- integer and bool tensors are never trainable;
- objects may use ``__dict__`` or ``__slots__``; containers and objects reachable twice are
  walked once per path, cycles are cut.

>>> import typedflux as tf
>>> class Affine:
...     _buffers = ("count",)
...     def __init__(self):
...         self.weight = tf.ones(2, 3)
...         self.bias = tf.zeros(2)
...         self.count = tf.zeros(1)
>>> class Model:
...     def __init__(self):
...         self.layers = [Affine(), Affine()]
...         self.layers[1]._frozen = {"bias"}
>>> [n for n, _ in named_tensors(Model())]
['layers.0.weight', 'layers.0.bias', 'layers.0.count', 'layers.1.weight', 'layers.1.bias', 'layers.1.count']
>>> [n for n, _ in named_params(Model())]
['layers.0.weight', 'layers.0.bias', 'layers.1.weight']
"""

from __future__ import annotations

import types
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np

from typedflux.tensor import AnyTensor, Tensor

__all__ = [
    "Grads",
    "named_tensors",
    "named_params",
    "params",
    "mirror",
    "children",
    "walk",
    "walk_with",
    "dict_items",
    "check_names",
]

_ATOMS = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    np.ndarray,
    np.generic,
    np.dtype,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    range,
    slice,
)


class Grads:
    """A gradient (or any mirror) of an object: the object's public attribute names, with
    gradient tensors in place of parameters and ``None`` where no gradient flows.

    >>> g = Grads(weight=None, bias=None)
    >>> g.bias is None, g
    (True, Grads(weight=None, bias=None))
    """

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)

    def __repr__(self) -> str:
        def show(v: Any) -> str:
            if isinstance(v, Tensor):
                dims = ", ".join(map(str, v.data.shape)) if v.data.ndim else "()"
                return f"<Tensor[{dims}] {v.data.dtype}>"
            return repr(v)

        body = ", ".join(f"{k}={show(v)}" for k, v in vars(self).items())
        return f"Grads({body})"

    def __eq__(self, other: object) -> bool:
        return type(other) is Grads and vars(self).keys() == vars(other).keys() and all(
            _same(a, b) for a, b in zip(vars(self).values(), vars(other).values())
        )

    __hash__ = None  # type: ignore[assignment]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        return a.data.shape == b.data.shape and bool(np.array_equal(a.data, b.data))
    return bool(a == b)


# What a value is to the walk, decided once per type (a training step walks the same few
# classes every time, so the isinstance chain and module test run once per class).
_LEAF, _TENSOR, _SEQ, _DICT, _OBJ = range(5)


class _ClassInfo:
    """Per-class facts the walk needs: buffers, public slots, whether ``_frozen`` can be
    found on the class (a class default or a slot)."""

    __slots__ = ("kind", "buffers", "slots", "class_frozen")

    def __init__(self, cls: type) -> None:
        if issubclass(cls, Tensor):
            self.kind = _TENSOR
        elif issubclass(cls, _ATOMS):
            self.kind = _LEAF
        elif issubclass(cls, (list, tuple)):
            self.kind = _SEQ
        elif issubclass(cls, dict):
            self.kind = _DICT
        else:
            module = cls.__module__ or ""
            obj = module != "builtins" and not module.startswith("numpy")
            self.kind = _OBJ if obj else _LEAF
        self.buffers = frozenset(getattr(cls, "_buffers", ()) or ())
        self.slots = _public_slots(cls)
        self.class_frozen = hasattr(cls, "_frozen")


_INFO: Dict[type, _ClassInfo] = {}


def _info(cls: type) -> _ClassInfo:
    info = _INFO.get(cls)
    if info is None:
        info = _INFO[cls] = _ClassInfo(cls)
    return info


_SLOTS: Dict[type, Tuple[str, ...]] = {}


def _public_slots(cls: type) -> Tuple[str, ...]:
    # Per class, cached: walking a model visits the same few classes every training step.
    found = _SLOTS.get(cls)
    if found is None:
        names: List[str] = []
        for c in reversed(cls.__mro__):
            slots = c.__dict__.get("__slots__", ())
            if isinstance(slots, str):
                slots = (slots,)
            names.extend(s for s in slots if not s.startswith("_") and s not in names)
        found = _SLOTS[cls] = tuple(names)
    return found


def _attr_names(obj: Any) -> List[str]:
    d = getattr(obj, "__dict__", None)
    names = [k for k in d if k[:1] != "_"] if d is not None else []
    for s in _public_slots(type(obj)):
        if s not in names and hasattr(obj, s):
            names.append(s)
    return names


def _object_children(obj: Any, info: _ClassInfo) -> List[Tuple[str, Any, bool]]:
    d = getattr(obj, "__dict__", None)
    if d is not None and "_frozen" in d:
        frozen = d["_frozen"]
    elif info.class_frozen:
        frozen = getattr(obj, "_frozen", None)
    else:
        frozen = None
    if frozen is True:
        return [(name, getattr(obj, name), False) for name in _attr_names(obj)]
    skip = info.buffers
    if frozen:
        skip = skip | frozenset(frozen)
    if d is not None and not info.slots:
        # The common case (a plain class): attributes straight from the instance dict.
        return [(k, v, k not in skip) for k, v in d.items() if k[:1] != "_"]
    return [(name, getattr(obj, name), name not in skip) for name in _attr_names(obj)]


def dict_items(d: Any, where: str = "") -> List[Tuple[str, Any]]:
    """The items of a dict in a model; its keys must be strings (they become parts of the
    dotted names checkpoints and optimiser state are keyed by). ``where``: the dict's own
    dotted name, for the error.

    >>> dict_items({"w": 1})
    [('w', 1)]
    >>> dict_items({(0, 1): 2}, "blocks")
    Traceback (most recent call last):
    ...
    TypeError: dict keys in a model must be strings (they name its tensors, as in "layers.0.weight"); blocks has the key (0, 1) (tuple)
    """
    items = list(d.items())
    for k, _ in items:
        if type(k) is not str:
            at = where or "the dict"
            raise TypeError(
                'dict keys in a model must be strings (they name its tensors, as in '
                f'"layers.0.weight"); {at} has the key {k!r:.40} ({type(k).__name__})'
            )
    return items


def children(obj: Any, where: str = "") -> Optional[List[Tuple[str, Any, bool]]]:
    """The walkable children of ``obj`` as ``(name, value, trainable)``, or ``None`` for a
    leaf (a Tensor, a number, a function, ...). ``trainable`` is ``False`` for buffers and
    frozen attributes. A dict with a key that is not a string is a ``TypeError``
    (:func:`dict_items`; ``where`` names it).

    >>> [(n, t) for n, _, t in children({"a": 1, "b": 2})]
    [('a', True), ('b', True)]
    """
    info = _INFO.get(type(obj)) or _info(type(obj))
    kind = info.kind
    if kind is _SEQ:
        return [(str(i), v, True) for i, v in enumerate(obj)]
    if kind is _DICT:
        return [(k, v, True) for k, v in dict_items(obj, where)]
    if kind is _OBJ:
        return _object_children(obj, info)
    return None


def _odd(key: str) -> bool:
    # Only a key with a dot in it, or an empty one, can make two paths spell one dotted name.
    return "." in key or not key


class _Names:
    """Checks that no two tensors found by a walk get the same dotted name (possible only
    through keys with a dot in them, or empty ones: ``{"a.b": ..., "a": {"b": ...}}``)."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: Dict[str, Tuple[str, ...]] = {}

    def add(self, name: str, steps: Tuple[str, ...]) -> None:
        first = self.seen.setdefault(name, steps)
        if first != steps:
            raise ValueError(
                f'two tensors in the model would both be named "{name}" (at '
                f"{_spelled(first)} and at {_spelled(steps)}): dotted names must be unique, "
                "since checkpoints and optimiser state are keyed by them; rename the key "
                "with a dot in it"
            )


def _spelled(steps: Tuple[str, ...]) -> str:
    return "".join(f"[{s!r}]" for s in steps) or "the root"


def check_names(obj: Any) -> None:
    """Refuse ``obj`` when two of its tensors would get the same dotted name.

    >>> import typedflux as tf
    >>> check_names({"a.b": tf.ones(1), "a": {"b": tf.ones(1)}})
    Traceback (most recent call last):
    ...
    ValueError: two tensors in the model would both be named "a.b" (at ['a.b'] and at ['a']['b']): dotted names must be unique, since checkpoints and optimiser state are keyed by them; rename the key with a dot in it
    """
    names = _Names()
    stack: List[Tuple[str, Tuple[str, ...], Any, Tuple[int, ...]]] = [("", (), obj, ())]
    while stack:
        name, steps, value, path = stack.pop()
        kind = (_INFO.get(type(value)) or _info(type(value))).kind
        if kind is _TENSOR:
            names.add(name, steps)
            continue
        kids = children(value, name) if kind is not _LEAF else None
        if not kids or id(value) in path:
            continue
        sub = path + (id(value),)
        dot = name + "." if name else ""
        for kname, kval, _ in reversed(kids):
            stack.append((dot + kname, steps + (kname,), kval, sub))


def walk(obj: Any, prefix: str = "") -> Iterator[Tuple[str, AnyTensor, bool]]:
    """Every tensor reachable from ``obj`` as ``(dotted name, tensor, trainable)``, in order,
    possibly more than once (a tensor shared by two layers appears under both names).

    >>> import typedflux as tf
    >>> [(n, t) for n, _, t in walk({"w": tf.ones(1), "ids": tf.arange(2)})]
    [('w', True), ('ids', False)]
    """
    stack: List[Tuple[str, Any, bool, Tuple[int, ...]]] = [(prefix, obj, True, ())]
    pop, push = stack.pop, stack.append
    infos = _INFO
    odd = False
    while stack:
        name, value, trainable, path = pop()
        info = infos.get(type(value)) or _info(type(value))
        kind = info.kind
        if kind is _TENSOR:
            yield name, value, trainable and value.data.dtype.kind in "fc"
            continue
        if kind is _LEAF:
            continue
        kids = children(value, name)
        if not kids or id(value) in path:
            continue  # empty, or a cycle back to an ancestor
        sub = path + (id(value),)
        dot = name + "." if name else ""
        for kname, kval, ktrain in reversed(kids):
            if not odd and _odd(kname):
                odd = True
                check_names(obj)  # before the first tensor under such a key is handed out
            push((dot + kname, kval, trainable and ktrain, sub))


def _step(m: Any, key: str) -> Any:
    # One step down a mirror structure (a Grads, dict, tuple or object) by a child's name,
    # as a dotted-name lookup would take it; None when it is missing.
    if m is None:
        return None
    tp = type(m)
    if tp is Grads:
        return m.__dict__.get(key)
    if tp is tuple or tp is list:
        return m[int(key)] if key.isdigit() and int(key) < len(m) else None
    if isinstance(m, dict):
        return m.get(key, m.get(int(key), None) if key.isdigit() else None)
    if isinstance(m, (tuple, list)):
        return m[int(key)] if key.isdigit() and int(key) < len(m) else None
    return getattr(m, key, None)


def walk_with(
    obj: Any, other: Any
) -> Iterator[Tuple[str, AnyTensor, bool, Any]]:
    """:func:`walk` over ``obj`` that also follows a mirror structure ``other`` (a gradient
    from ``tf.gradient``, a dict, ...) along the same path: yields ``(dotted name, tensor,
    trainable, entry of other at that name or None)``. One pass, no name lookups.

    >>> import typedflux as tf
    >>> [(n, e) for n, _, _, e in walk_with({"w": tf.ones(1), "v": [tf.ones(2)]}, {"v": [5]})]
    [('w', None), ('v.0', 5)]
    """
    if type(obj) is dict and _flat(obj):  # (a dict of weights: what the walk would yield)
        yield from [(k, v, v.data.dtype.kind in "fc", _step(other, k)) for k, v in obj.items()]
        return
    stack: List[Tuple[str, Any, bool, Tuple[int, ...], Any]] = [("", obj, True, (), other)]
    pop, push = stack.pop, stack.append
    infos = _INFO
    odd = False
    while stack:
        name, value, trainable, path, m = pop()
        info = infos.get(type(value)) or _info(type(value))
        kind = info.kind
        if kind is _TENSOR:
            yield name, value, trainable and value.data.dtype.kind in "fc", m
            continue
        if kind is _LEAF:
            continue
        kids = children(value, name)
        if not kids or id(value) in path:
            continue
        sub = path + (id(value),)
        dot = name + "." if name else ""
        for kname, kval, ktrain in reversed(kids):
            if not odd and _odd(kname):
                odd = True
                check_names(obj)
            push((dot + kname, kval, trainable and ktrain, sub, _step(m, kname)))


def named_tensors(obj: Any) -> List[Tuple[str, AnyTensor]]:
    """Every tensor in ``obj`` (parameters and buffers) with its dotted name, each tensor
    once (under its first name), in a deterministic order. What ``tf.save`` writes.

    >>> import typedflux as tf
    >>> named_tensors({"enc": [tf.ones(2)], "dec": tf.zeros(1)})[0][0]
    'enc.0'
    """
    seen: set[int] = set()
    out: List[Tuple[str, AnyTensor]] = []
    for name, t, _ in walk(obj):
        if id(t) not in seen:
            seen.add(id(t))
            out.append((name, t))
    return out


def named_params(obj: Any) -> List[Tuple[str, AnyTensor]]:
    """The trainable tensors in ``obj`` (no buffers, nothing frozen, floats only) with their
    dotted names, each once.

    >>> import typedflux as tf
    >>> named_params([tf.ones(2), tf.arange(3)])[0][0]
    '0'
    """
    found = list(walk(obj))
    trainable: Dict[int, bool] = {}
    for _, t, tr in found:
        trainable[id(t)] = trainable.get(id(t), False) or tr
    out: List[Tuple[str, AnyTensor]] = []
    seen: set[int] = set()
    for name, t, _ in found:
        if trainable[id(t)] and id(t) not in seen:
            seen.add(id(t))
            out.append((name, t))
    return out


def params(obj: Any) -> List[AnyTensor]:
    """The trainable tensors of ``obj`` (``tf.params(model)``), each once.

    >>> import typedflux as tf
    >>> len(params({"w": tf.ones(2, 2), "b": tf.zeros(2)}))
    2
    """
    return [t for _, t in named_params(obj)]


def _flat(d: Dict[Any, Any]) -> bool:
    # Only tensors, under plain string keys: a walk would name each by its key, refuse nothing.
    return all(type(v) is Tensor and type(k) is str and k and "." not in k for k, v in d.items())


def mirror(obj: Any, leaf: Callable[[AnyTensor, bool], Any]) -> Any:
    """A structure shaped like ``obj`` with ``leaf(tensor, trainable)`` at each tensor:
    lists and tuples become tuples, dicts dicts, objects :class:`Grads` with the same
    attribute names, anything else ``None``. Built without recursion (a model nested
    thousands deep is fine).

    >>> import typedflux as tf
    >>> mirror({"w": tf.ones(2), "n": 3}, lambda t, tr: t.shape)
    {'w': (2,), 'n': None}
    """
    if type(obj) is dict and _flat(obj):  # (a dict of weights: what the walk would build)
        return {k: leaf(v, v.data.dtype.kind in "fc") for k, v in obj.items()}
    top: List[Any] = [None]
    # Sequences are built as lists and made tuples once their items are in (deepest first).
    seqs: List[Tuple[Any, Any, List[Any]]] = []
    odd = False
    stack: List[Tuple[Any, bool, Tuple[int, ...], Any, Any, str]] = [(obj, True, (), top, 0, "")]
    pop, push = stack.pop, stack.append
    infos = _INFO
    while stack:
        value, trainable, path, holder, key, name = pop()
        info = infos.get(type(value)) or _info(type(value))
        kind = info.kind
        if kind is _TENSOR:
            holder[key] = leaf(value, trainable and value.data.dtype.kind in "fc")
            continue
        if kind is _LEAF or id(value) in path:
            holder[key] = None
            continue
        sub = path + (id(value),)
        dot = name + "." if name else ""
        if kind is _SEQ:
            items: List[Any] = [None] * len(value)
            holder[key] = items
            seqs.append((holder, key, items))
            for i in range(len(value) - 1, -1, -1):
                push((value[i], trainable, sub, items, i, f"{dot}{i}"))
            continue
        kids: List[Tuple[str, Any, bool]]
        if kind is _DICT:
            kids = [(k, v, True) for k, v in dict_items(value, name)]
            entries: Dict[Any, Any] = dict.fromkeys(k for k, _, _ in kids)
            holder[key] = entries
        else:
            kids = _object_children(value, info)
            g = Grads()
            g.__dict__.update(dict.fromkeys(k for k, _, _ in kids))
            holder[key] = g
            entries = g.__dict__
        for k, v, tr in reversed(kids):
            odd = odd or _odd(k)
            push((v, trainable and tr, sub, entries, k, dot + k))
    for holder, key, items in reversed(seqs):
        holder[key] = tuple(items)
    if odd:
        check_names(obj)
    return top[0]
