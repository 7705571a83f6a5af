"""What a recording depends on besides its inputs, and the check that it still holds.

A compiled function reads more than its tensor arguments: the model's layers and their
attributes (an activation, Dropout's ``p`` and ``training``), the tensors' arrays, the
optimiser's rules (a learning rate), the globals and closure variables its code names. The
recording made those Python decisions once, so before each replay :class:`Guard` checks, by
identity, that every object reached still holds what it held after the recording: the same
attribute values, list items, dict entries, tensor arrays and global bindings. Anything
else (a replaced layer, ``freeze``, ``testmode``, ``tf.adjust``, ``layer.weight.data =
...``, ``lr = 0.5`` at module level) fails the check, and the function is recorded again.

>>> import typedflux as tf
>>> d = tf.Dense(2, 2)
>>> found = discover(lambda m: m, (d,))
>>> g = Guard(found)
>>> g.holds(), (tf.testmode(d), d.__dict__.setdefault("scale", 2.0), g.holds())[2]
(True, False)
"""

from __future__ import annotations

import copy
import types
from typing import Any, Callable, Dict, Iterator, List, Tuple

import numpy as np

from typedflux.optimise.rules import Descent
from typedflux.optimise.state import Leaf, OptState
from typedflux.tensor import Tensor

__all__ = ["Found", "discover", "Guard", "Backup"]

_LEAVES = (type(None), bool, int, float, complex, str, bytes)
_OPAQUE = (np.ndarray, np.generic, _LEAVES, type, types.ModuleType, types.FunctionType,
           types.BuiltinFunctionType, types.MethodType, types.CodeType)


class Found:
    """What :func:`discover` finds: ``objects`` reachable from the arguments and from the
    function's globals and closure (each once), and ``bindings``: ``(namespace, name,
    value)`` for each global the code names and ``(cell, None, value)`` for each closure
    variable.

    >>> k = 2.0
    >>> found = discover(lambda x: x * k, ())
    >>> [value for _, _, value in found.bindings]
    [2.0]
    """

    def __init__(self) -> None:
        self.objects: List[Any] = []
        self.bindings: List[Tuple[Any, Any, Any]] = []


# Attributes the replayed update reads or changes itself, at every step: an optimiser leaf's
# state (moments, Adam's powers of beta, a new tuple for an OptimiserChain), the count of
# updates and the record of skipped ones, and the default rule (read only to make a leaf).
# Not checked (and not entered): the replay keeps them. A leaf's rule is checked only when
# it is a Descent, whose step size the recording holds; any other rule is applied by one
# recorded call that reads it at each replay (so tf.adjust on Adam records nothing anew).
_REPLAYED: Dict[type, Tuple[str, ...]] = {Leaf: ("state",), OptState: ("step", "skipped", "rule")}


def _checked_slots(obj: Any, tp: type) -> Tuple[str, ...]:
    names = tuple(n for n in _slots(tp) if n[:1] != "_" and n not in _REPLAYED.get(tp, ()))
    if tp is Leaf and type(obj.rule) is not Descent:
        names = tuple(n for n in names if n != "rule")
    return names


def _slots(cls: type) -> Tuple[str, ...]:
    names: List[str] = []
    for c in reversed(cls.__mro__):
        s = c.__dict__.get("__slots__", ())
        if isinstance(s, str):
            s = (s,)
        names.extend(n for n in s if n not in ("__weakref__", "__dict__") and n not in names)
    return tuple(names)


def _children(obj: Any) -> List[Any]:
    tp = type(obj)
    if tp is Tensor or isinstance(obj, _OPAQUE):
        return []
    if tp is tuple or tp is list:
        return list(obj)
    if isinstance(obj, dict):
        return list(obj.values())
    module = getattr(tp, "__module__", "") or ""
    if module == "builtins" or module.startswith("numpy"):
        return []
    d = getattr(obj, "__dict__", None)
    # Private attributes (``_memo``, ``_frozen``) are checked by identity with the others but
    # not entered: what a layer caches there (shape memos) changes without changing what it
    # computes. (Private slots, such as a Scheduler's cache of its rule, are not checked.)
    kids = [v for k, v in d.items() if k[:1] != "_"] if d is not None else []
    # An optimiser leaf's state (moments, Adam's powers of beta) is read by the update's
    # recorded call at every replay, never by the recording's Python: not checked.
    kids.extend(getattr(obj, n) for n in _checked_slots(obj, tp) if hasattr(obj, n))
    return kids


def _walk(roots: List[Any], out: List[Any]) -> None:
    seen: set[int] = set()
    stack = list(reversed(roots))
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        out.append(obj)
        stack.extend(reversed(_children(obj)))


def _has_contents(cell: Any) -> bool:
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


def _names(code: types.CodeType) -> Iterator[str]:
    yield from code.co_names
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from _names(c)


def discover(fn: Callable[..., Any], args: Tuple[Any, ...], depth: int = 3) -> Found:
    """The objects ``fn(*args)`` can reach: the arguments, the closure variables and the
    globals its code names, and (``depth`` levels down) those of the functions among them.

    >>> import typedflux as tf
    >>> w = tf.ones(2)
    >>> w in discover(lambda x: x * w, ()).objects
    True
    """
    found = Found()
    roots: List[Any] = list(args)
    seen: set[int] = set()

    def visit(f: Any, level: int) -> None:
        if id(f) in seen or level > depth:
            return
        seen.add(id(f))
        if isinstance(f, types.MethodType):
            roots.append(f.__self__)
            f = f.__func__
        code = getattr(f, "__code__", None)
        if code is None:
            return
        values: List[Any] = []
        for cell in f.__closure__ or ():
            if _has_contents(cell):
                found.bindings.append((cell, None, cell.cell_contents))
                values.append(cell.cell_contents)
        g = f.__globals__
        for name in dict.fromkeys(_names(code)):
            if name in g:
                found.bindings.append((g, name, g[name]))
                values.append(g[name])
        for v in values:
            if isinstance(v, (types.FunctionType, types.MethodType)):
                # typedflux's own functions are not entered: their module state (caches of
                # shape rules, model walks) is not part of the user's computation.
                if not str(getattr(v, "__module__", "")).startswith("typedflux."):
                    visit(v, level + 1)
            elif not isinstance(v, (types.ModuleType, type, types.BuiltinFunctionType)):
                roots.append(v)

    visit(fn, 0)
    if not isinstance(fn, types.FunctionType) and hasattr(type(fn), "__call__"):
        roots.append(fn)  # a callable object (a layer): its attributes count
    _walk(roots, found.objects)
    return found


class Guard:
    """The state of everything :func:`discover` found, by identity, as the recording left it;
    ``holds()`` compares (see the module docstring): a generated function of identity tests.

    >>> import typedflux as tf
    >>> m = {"w": tf.ones(2)}
    >>> g = Guard(discover(lambda m: m, (m,)))
    >>> g.holds(), (m.update(w=tf.ones(2)), g.holds())[1]
    (True, False)
    """

    def __init__(self, found: Found) -> None:
        self.objects: List[Tuple[Any, Tuple[str, ...], Tuple[Any, ...]]] = []
        self.slotted: List[Tuple[Any, Tuple[str, ...], Tuple[Any, ...]]] = []
        self.tensors: List[Tuple[Any, Any]] = []
        self.seqs: List[Tuple[Any, Tuple[Any, ...], Tuple[Any, ...]]] = []
        self.globals: List[Tuple[Dict[str, Any], str, Any]] = []
        self.cells: List[Tuple[Any, Any]] = []
        for ns, name, _ in found.bindings:
            if name is None:
                self.cells.append((ns, ns.cell_contents))
            else:
                self.globals.append((ns, name, ns[name]))
        for obj in found.objects:
            tp = type(obj)
            if tp is Tensor:
                self.tensors.append((obj, obj.data))
            elif tp is list or tp is dict:
                self.seqs.append((obj, tuple(obj) if tp is dict else (),
                                  tuple(obj.values()) if tp is dict else tuple(obj)))
            elif not isinstance(obj, _OPAQUE + (tuple,)):
                d = getattr(obj, "__dict__", None)
                if d is not None:
                    self.objects.append((obj, tuple(d), tuple(d.values())))
                names = _checked_slots(obj, tp)
                if names:
                    self.slotted.append((obj, names, tuple(getattr(obj, n, _UNSET)
                                                           for n in names)))

        self.holds: Callable[[], bool] = self._generate()

    def _generate(self) -> Callable[[], bool]:
        # The check as one generated function of identity tests (a call per object would
        # cost more than the tests: this runs before every replay).
        consts: Dict[str, Any] = {"U": _UNSET}
        lines: List[str] = []

        def name(v: Any) -> str:
            key = f"c{len(consts)}"
            consts[key] = v
            return key

        # Subscripts and attributes read directly (a missing key or attribute, an empty
        # cell raise: the check fails), not by .get or getattr with a default, which cost a
        # method call each (~0.8 us of ~2 us for an MLP's ~60 tests, measured).
        for t, arr in self.tensors:
            lines.append(f"{name(t)}.data is not {name(arr)}")
        for obj, keys, vals in self.objects:
            d = name(obj.__dict__)
            lines.append(f"len({d}) != {len(keys)}")
            lines.extend(f"{d}[{name(k)}] is not {name(v)}" for k, v in zip(keys, vals))
        for obj, names, vals in self.slotted:
            o = name(obj)
            lines.extend(f"{o}.{n} is not {name(v)}" if v is not _UNSET
                         else f"hasattr({o}, {n!r})" for n, v in zip(names, vals))
        for seq, keys, items in self.seqs:
            q = name(seq)
            lines.append(f"len({q}) != {len(items)}")
            if type(seq) is dict:
                lines.extend(f"{q}[{name(k)}] is not {name(v)}" for k, v in zip(keys, items))
            else:
                lines.extend(f"{q}[{i}] is not {name(v)}" for i, v in enumerate(items))
        for ns, key, value in self.globals:
            lines.append(f"{name(ns)}[{key!r}] is not {name(value)}")
        lines.extend(f"{name(c)}.cell_contents is not {name(v)}" for c, v in self.cells)
        body = "".join(f"        if {ln}:\n            return False\n" for ln in lines)
        src = ("def holds():\n    try:\n" + (body or "        pass\n")
               + "    except (KeyError, AttributeError, ValueError):\n        return False\n"
               "    return True\n")
        scope = dict(consts)
        exec(compile(src, "<typedflux guard>", "exec"), scope)
        fn: Callable[[], bool] = scope["holds"]
        return fn


_UNSET = object()


class Backup:
    """What a recording that fails half-way may have changed (parameters and buffers,
    optimiser state, the random generator), to be put back before the function runs eagerly
    instead.

    >>> import typedflux as tf
    >>> w = tf.ones(2)
    >>> b = Backup([w]); w.data *= 3; b.restore(); w.data.tolist()
    [1.0, 1.0]
    """

    def __init__(self, objects: List[Any]) -> None:
        from typedflux.ops import creation

        self.arrays = [(t, t.data, t.data.copy()) for t in objects if type(t) is Tensor]
        self.states = [(leaf, copy.deepcopy(leaf.state)) for leaf in objects
                       if type(leaf) is Leaf]
        self.rng = creation._RNG[0].bit_generator.state

    def restore(self) -> None:
        """Put everything back as it was when the backup was made (see the class).

        >>> Backup([]).restore()
        """
        from typedflux.ops import creation

        for t, arr, saved in self.arrays:
            t.data = arr
            np.copyto(arr, saved)
        for leaf, state in self.states:
            leaf.state = state
        creation._RNG[0].bit_generator.state = self.rng
