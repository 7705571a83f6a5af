"""``tf.compile(fn)``: run ``fn`` once per input signature while recording its numpy calls,
then replay the recording for later calls with the same signature.

>>> import typedflux as tf
>>> model = tf.Dense(3, 2)
>>> state = tf.setup(tf.Descent(0.1), model)
>>> @tf.compile
... def step(model, x, y):
...     loss, (g,) = tf.withgradient(lambda m: tf.losses.mse(m(x), y), model)
...     tf.update(state, model, g)
...     return loss
>>> x, y = tf.ones(4, 3), tf.zeros(4, 2)
>>> first, second = step(model, x, y), step(model, x, y)
>>> bool(second.item() < first.item()), step.stats()["recordings"]
(True, 1)
"""

from __future__ import annotations

import copy
import types
import warnings
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np

from typedflux.compile import hooks
from typedflux.compile.errors import TraceError, ValueDependentError
from typedflux.compile.program import Program
from typedflux.compile.record import Recorder, Var
from typedflux.compile.sym import Sym
from typedflux.engine.tree import Grads
from typedflux.tensor import Tensor

__all__ = ["compile", "Compiled"]

_LEAVES = (type(None), bool, int, float, complex, str, bytes)
# Re-recordings of one signature in a row after which a function is run eagerly: its guards
# fail at every call (a counter attribute, a list that grows), so recording costs more than
# it saves.
_UNSTABLE = 8


def _signature(args: Tuple[Any, ...]) -> Any:
    """What selects a recording: each direct tensor argument's shape, dtype and strides; each
    Python number or string by value; any other object by identity."""
    key: List[Any] = []
    for a in args:
        tp = type(a)
        if tp is Tensor:
            d = a.data
            key.append((d.shape, d.dtype, d.strides))
        elif tp is np.ndarray:
            key.append(("array", a.shape, a.dtype, a.strides))
        elif tp in _LEAVES:
            key.append((tp, a))
        else:
            key.append((tp, id(a)))
    return tuple(key)


class _Guard:
    """What the recording assumed about every object it read besides its inputs: the same
    objects in the same attributes, the same arrays in the same tensors. Checked by identity
    before each replay."""

    def __init__(self) -> None:
        self.objects: List[Tuple[Any, Tuple[str, ...], Tuple[Any, ...]]] = []
        self.slotted: List[Tuple[Any, Tuple[str, ...], Tuple[Any, ...]]] = []
        self.tensors: List[Tuple[Any, Any]] = []
        self.seqs: List[Tuple[Any, Tuple[Any, ...], Tuple[Any, ...]]] = []

    def holds(self) -> bool:
        for obj, keys, vals in self.objects:
            d = obj.__dict__
            if tuple(d) != keys:
                return False
            for a, b in zip(d.values(), vals):
                if a is not b:
                    return False
        for obj, names, vals in self.slotted:
            for n, b in zip(names, vals):
                if getattr(obj, n, None) is not b:
                    return False
        for t, arr in self.tensors:
            if t.data is not arr:
                return False
        for seq, keys, items in self.seqs:
            if type(seq) is dict:
                if tuple(seq) != keys:
                    return False
                cur: Tuple[Any, ...] = tuple(seq.values())
            else:
                cur = tuple(seq)
            if len(cur) != len(items) or any(a is not b for a, b in zip(cur, items)):
                return False
        return True


def _slots(cls: type) -> Tuple[str, ...]:
    names: List[str] = []
    for c in reversed(cls.__mro__):
        s = c.__dict__.get("__slots__", ())
        if isinstance(s, str):
            s = (s,)
        names.extend(n for n in s if n not in ("__weakref__", "__dict__") and n not in names)
    return tuple(names)


def _walk(roots: List[Any]) -> Iterator[Any]:
    """Every object reachable from ``roots`` through attributes, slots, lists, tuples and
    dicts, each once (tensors, arrays and plain values are yielded, not entered)."""
    seen: set[int] = set()
    stack = list(reversed(roots))
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield obj
        tp = type(obj)
        if tp is Tensor or isinstance(obj, (np.ndarray, np.generic, _LEAVES, type,
                                             types.ModuleType, types.FunctionType,
                                             types.BuiltinFunctionType, types.MethodType)):
            continue
        if tp is tuple or tp is list:
            stack.extend(reversed(obj))
        elif isinstance(obj, dict):
            stack.extend(reversed(list(obj.values())))
        else:
            module = getattr(tp, "__module__", "") or ""
            if module == "builtins" or module.startswith("numpy"):
                continue
            d = getattr(obj, "__dict__", None)
            kids = list(d.values()) if d is not None else []
            kids.extend(getattr(obj, n) for n in _slots(tp) if hasattr(obj, n))
            stack.extend(reversed(kids))


def _closure_roots(fn: Any, depth: int = 3) -> List[Any]:
    """The objects ``fn`` reaches without receiving them: its closure cells and the globals
    its code names (and, ``depth`` levels down, those of the functions among them)."""
    found: List[Any] = []
    seen: set[int] = set()

    def visit(f: Any, level: int) -> None:
        if id(f) in seen or level > depth:
            return
        seen.add(id(f))
        f = getattr(f, "__func__", f)
        code = getattr(f, "__code__", None)
        if code is None:
            return
        values: List[Any] = [c.cell_contents for c in (f.__closure__ or ())
                             if _has_contents(c)]
        g = getattr(f, "__globals__", {})
        for name in _names(code):
            if name in g:
                values.append(g[name])
        for v in values:
            if isinstance(v, (types.FunctionType, types.MethodType)):
                visit(v, level + 1)
                if isinstance(v, types.MethodType):
                    found.append(v.__self__)
            elif not isinstance(v, (types.ModuleType, type, types.BuiltinFunctionType)):
                found.append(v)

    visit(fn, 0)
    return found


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


class _Entry:
    """One recording: the program, its guard, and how to rebuild the function's result."""

    def __init__(self, program: Program, guard: _Guard, result: Any,
                 inputs: List[Tuple[int, Any]]) -> None:
        self.program = program
        self.guard = guard
        self.result = result
        self.inputs = inputs


class Compiled:
    """A function compiled by :func:`compile`: call it like the function. ``stats()`` counts
    recordings and replays; ``source(*args)`` shows the program recorded for those
    arguments.

    >>> import typedflux as tf
    >>> f = tf.compile(lambda x: (x * x).sum())
    >>> f(tf.ones(3)).item(), f(tf.ones(3)).item(), f.stats()["replays"]
    (3.0, 3.0, 1)
    """

    def __init__(self, fn: Callable[..., Any], fallback: bool = True) -> None:
        self.fn = fn
        self.fallback = fallback
        self._entries: Dict[Any, _Entry] = {}
        self._remade: Dict[Any, int] = {}
        self._eager: Dict[Any, str] = {}
        self._stats = {"recordings": 0, "replays": 0, "eager": 0}
        self.__doc__ = getattr(fn, "__doc__", None)
        self.__wrapped__ = fn

    def stats(self) -> Dict[str, int]:
        """Counts of recordings, replays and eager calls so far.

        >>> import typedflux as tf
        >>> tf.compile(lambda x: x.sum()).stats()
        {'recordings': 0, 'replays': 0, 'eager': 0}
        """
        return dict(self._stats)

    def source(self, *args: Any) -> str:
        """The generated code of the recording made for ``args`` (recording now if needed).

        >>> import typedflux as tf
        >>> print(tf.compile(lambda x: tf.exp(x)).source(tf.ones(2)))
        def replay(d0):
        ...
        """
        key = _signature(args)
        if key not in self._entries:
            self(*args)
        return self._entries[key].program.source

    def __call__(self, *args: Any) -> Any:
        key = _signature(args)
        entry = self._entries.get(key)
        if entry is not None and entry.guard.holds():
            outs = entry.program.replay(*[a.data if type(a) is Tensor else a
                                          for _, a in _pick(entry.inputs, args)])
            self._stats["replays"] += 1
            return _rebuild(entry.result, outs)
        if key in self._eager:
            self._stats["eager"] += 1
            return self.fn(*args)
        if entry is not None:
            n = self._remade[key] = self._remade.get(key, 0) + 1
            if n >= _UNSTABLE:
                self._give_up(key, "its arguments or the objects it reads change at every call")
                return self.fn(*args)
        return self._record(key, args)

    def _give_up(self, key: Any, why: str) -> None:
        self._eager[key] = why
        self._entries.pop(key, None)
        warnings.warn(f"tf.compile: running {getattr(self.fn, '__name__', 'the function')} "
                      f"eagerly: {why}", RuntimeWarning, stacklevel=3)

    def _record(self, key: Any, args: Tuple[Any, ...]) -> Any:
        rec = Recorder()
        roots = list(args) + _closure_roots(self.fn)
        objects = list(_walk(roots))
        backup = _Backup(objects)
        swapped: List[Tuple[Any, Any]] = []  # (tensor, its array) to put back
        inputs: List[Tuple[int, Any]] = []
        in_vars: List[Var] = []
        # Direct tensor arguments are inputs; every tensor reached otherwise is state.
        for i, a in enumerate(args):
            if type(a) is Tensor and a.data.dtype != object:
                s = rec.input(a.data, f"arg{i}")
                swapped.append((a, a.data))
                a.data = s  # type: ignore[assignment]
                inputs.append((i, None))
                in_vars.append(s.ref)
        for obj in objects:
            if type(obj) is Tensor and not isinstance(obj.data, Sym):
                arr = obj.data
                s = rec.external(arr, "")
                swapped.append((obj, arr))
                obj.data = s  # type: ignore[assignment]
        prev = hooks.set_current(rec)
        hooks.ACTIVE[0] += 1
        try:
            try:
                result = self.fn(*args)
            finally:
                hooks.ACTIVE[0] -= 1
                hooks.set_current(prev)
                for t, arr in swapped:
                    t.data = arr
            outputs: List[Var] = []
            template = _template(result, outputs, rec)
        except ValueDependentError:
            rec.closed = True
            backup.restore()
            raise
        except TraceError as e:
            rec.closed = True
            backup.restore()
            if not self.fallback:
                raise
            self._give_up(key, str(e))
            return self.fn(*args)
        rec.closed = True
        program = Program(rec, in_vars, outputs)
        guard = _guard_of(objects)
        self._entries[key] = _Entry(program, guard, template, inputs)
        self._stats["recordings"] += 1
        return _rebuild(template, tuple(v.arr for v in outputs))


def _pick(inputs: List[Tuple[int, Any]], args: Tuple[Any, ...]) -> Iterator[Tuple[int, Any]]:
    for i, _ in inputs:
        yield i, args[i]


class _Backup:
    """The state a failed recording may have half-changed (parameters, optimiser state,
    the random generator), to be put back before the function runs eagerly instead."""

    def __init__(self, objects: List[Any]) -> None:
        from typedflux.ops import creation

        self.arrays = [(t, t.data, t.data.copy()) for t in objects if type(t) is Tensor]
        self.states = [(leaf, copy.deepcopy(leaf.state)) for leaf in objects
                       if type(leaf).__name__ == "Leaf" and hasattr(leaf, "state")]
        self.rng = creation._RNG[0].bit_generator.state

    def restore(self) -> None:
        from typedflux.ops import creation

        for t, arr, saved in self.arrays:
            t.data = arr
            np.copyto(arr, saved)
        for leaf, state in self.states:
            leaf.state = state
        creation._RNG[0].bit_generator.state = self.rng


def _guard_of(objects: List[Any]) -> _Guard:
    g = _Guard()
    for obj in objects:
        tp = type(obj)
        if tp is Tensor:
            g.tensors.append((obj, obj.data))
        elif tp is list or tp is dict:
            g.seqs.append((obj, tuple(obj) if tp is dict else (),
                           tuple(obj.values()) if tp is dict else tuple(obj)))
        elif isinstance(obj, (np.ndarray, np.generic, _LEAVES, tuple, type, types.ModuleType,
                              types.FunctionType, types.BuiltinFunctionType,
                              types.MethodType)):
            continue
        else:
            d = getattr(obj, "__dict__", None)
            if d is not None:
                g.objects.append((obj, tuple(d), tuple(d.values())))
            names = _slots(tp)
            if names:
                g.slotted.append((obj, names, tuple(getattr(obj, n, None) for n in names)))
    return g


def _template(result: Any, outputs: List[Var], rec: Recorder) -> Any:
    """The function's result with each recorded array replaced by its output index."""
    tp = type(result)
    if tp is Tensor:
        if type(result.data) is Sym:
            outputs.append(result.data.ref)
            return ("tensor", len(outputs) - 1)
        return ("same", result)
    if tp is Sym:
        outputs.append(result.ref)
        return ("array", len(outputs) - 1)
    if tp is tuple or tp is list:
        return (tp.__name__, [_template(r, outputs, rec) for r in result])
    if tp is dict:
        return ("dict", {k: _template(v, outputs, rec) for k, v in result.items()})
    if tp is Grads:
        return ("grads", {k: _template(v, outputs, rec) for k, v in vars(result).items()})
    return ("same", result)


def _rebuild(t: Any, outs: Tuple[Any, ...]) -> Any:
    kind, val = t
    if kind == "tensor":
        r: Any = Tensor.__new__(Tensor)
        r.data = np.array(outs[val], copy=True)
        r._tape = None
        return r
    if kind == "array":
        return np.array(outs[val], copy=True)
    if kind == "same":
        return val
    if kind == "tuple":
        return tuple(_rebuild(v, outs) for v in val)
    if kind == "list":
        return [_rebuild(v, outs) for v in val]
    if kind == "dict":
        return {k: _rebuild(v, outs) for k, v in val.items()}
    g = Grads()
    g.__dict__.update({k: _rebuild(v, outs) for k, v in val.items()})
    return g


def compile(fn: Optional[Callable[..., Any]] = None, *, fallback: bool = True) -> Any:
    """Compile ``fn`` (a loss, or a whole training step with ``withgradient`` and
    ``update``): its first call per input signature runs it while recording every numpy call
    it makes; later calls with the same signature replay the recording. See
    ``docs/performance.md`` for what re-records.

    >>> import typedflux as tf
    >>> f = tf.compile(lambda x, w: tf.relu(x @ w).sum())
    >>> f(tf.ones(2, 3), tf.ones(3, 4)).item()
    24.0
    """
    if fn is None:
        return lambda f: Compiled(f, fallback)
    return Compiled(fn, fallback)
