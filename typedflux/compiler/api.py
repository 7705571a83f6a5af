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

import functools
import threading
from collections import OrderedDict
import warnings
from typing import Any, Callable, Dict, Generic, List, Optional, Tuple, TypeVar, overload

import numpy as np
from typing_extensions import ParamSpec

from typedflux.compiler import hooks
from typedflux.compiler.errors import TraceError, ValueDependentError
from typedflux.compiler.guard import Backup, Guard, discover
from typedflux.compiler.program import Program
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import Var
from typedflux.compiler.sym import Sym
from typedflux.engine.tape import is_recording
from typedflux.engine.tree import Grads
from typedflux.tensor import Tensor

__all__ = ["compile", "Compiled"]

P = ParamSpec("P")
R = TypeVar("R")

_LEAVES = (type(None), bool, int, float, complex, str, bytes)
# Recordings kept per signature (one per state of the objects the function reads: train and
# test mode, say), and the number of calls in a row that may need a new recording: a function
# whose guard fails at every call (a counter attribute, a list that grows) is run eagerly from
# then on, since recording would cost more than it saves.
_VARIANTS = 8
# Signatures kept per compiled function (each with its recordings).
_SIGNATURES = 32
# One recording at a time in the process: a recording swaps the arrays of the tensors it
# reaches for recorded ones while it runs.
_RECORDING = threading.RLock()


def _signature(args: Tuple[Any, ...]) -> Any:
    """What selects a recording: each direct tensor or array argument's shape, dtype and
    strides; each Python number or string by value; any other object by identity."""
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


def _key(args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Tuple[Any, Tuple[Any, ...]]:
    # The recording key of a call, and its arguments as one tuple (keyword arguments' values
    # after the positional ones, in the call's order).
    if not kwargs:
        return _signature(args), args
    flat = args + tuple(kwargs.values())
    return (len(args), tuple(kwargs), _signature(flat)), flat


class _Entry:
    """One recording: its program, its guard, which arguments feed the program's inputs, and
    how to build the function's result from the program's outputs."""

    __slots__ = ("program", "guard", "inputs", "result", "lock")

    def __init__(self, program: Program, guard: Guard, inputs: List[Tuple[int, bool]],
                 result: Any) -> None:
        self.program = program
        self.guard = guard
        self.inputs = inputs  # (argument index, is a Tensor)
        self.result = result
        # A replay writes the program's buffers: one at a time (another thread meanwhile
        # runs the function eagerly).
        self.lock = threading.Lock()


class Compiled(Generic[P, R]):
    """A function compiled by :func:`compile`: call it like the function. ``stats()`` counts
    recordings, replays and eager calls; ``source(*args)`` shows the program recorded for
    those arguments.

    >>> import typedflux as tf
    >>> f = tf.compile(lambda x: (x * x).sum())
    >>> f(tf.ones(3)).item(), f(tf.ones(3)).item(), f.stats()["replays"]
    (3.0, 3.0, 1)
    """

    def __init__(self, fn: Callable[P, R], fallback: bool = True) -> None:
        if not callable(fn):
            raise TypeError(f"tf.compile needs a function or layer to compile, got "
                            f"{type(fn).__name__}")
        if not isinstance(fallback, (bool, np.bool_)):
            raise TypeError(f"tf.compile: fallback must be True or False, got {fallback!r:.60}")
        self.fn = fn
        self.fallback = bool(fallback)
        self._entries: "OrderedDict[Any, List[_Entry]]" = OrderedDict()
        self._eager: Dict[Any, str] = {}
        self._dropped: Dict[Any, int] = {}
        # Recordings made for a signature since its last replay.
        self._unreplayed: Dict[Any, int] = {}
        self._warned_tape = False
        # (argument, recording) of the last replay of a call with one argument that is neither
        # a tensor nor an array: the next call with that very object tries it first.
        self._fast: Optional[Tuple[Any, _Entry]] = None
        self._stats = {"recordings": 0, "replays": 0, "eager": 0}
        functools.update_wrapper(self, fn, updated=())

    def stats(self) -> Dict[str, int]:
        """Counts of recordings, replays and eager calls so far.

        >>> import typedflux as tf
        >>> tf.compile(lambda x: x.sum()).stats()
        {'recordings': 0, 'replays': 0, 'eager': 0}
        """
        return dict(self._stats)

    def source(self, *args: Any) -> str:
        """The generated code of the recording that serves ``args`` (recording it now if
        there is none).

        >>> import typedflux as tf
        >>> print(tf.compile(lambda x: tf.exp(x)).source(tf.ones(2)))
        def replay(d0):
        ...
        """
        key = _key(args, {})[0]
        entry = self._find(key)
        if entry is None:
            call: Callable[..., Any] = self
            call(*args)
            entry = self._find(key)
        if entry is None:
            raise TraceError(f"nothing was recorded: {self._eager.get(key)}")
        return entry.program.source

    def _find(self, key: Any) -> Optional[_Entry]:
        for entry in self._entries.get(key, ()):
            if entry.guard.holds():
                return entry
        return None

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if hooks.ACTIVE[0] and hooks.current() is not None:
            # Called by a function being recorded: its calls become part of that recording.
            return self.fn(*args, **kwargs)
        if is_recording():
            # Inside an eager tf.gradient: a replay would hand back tensors the tape cannot
            # differentiate. Run the function on that tape instead.
            if not self._warned_tape:
                self._warned_tape = True
                warnings.warn(
                    f"tf.compile: {getattr(self.fn, '__name__', 'the function')} was called "
                    "while a gradient is taken, so it runs eagerly; compile the whole step "
                    "instead: tf.compile(lambda m: tf.withgradient(loss, m))",
                    RuntimeWarning, stacklevel=2)
            self._stats["eager"] += 1
            return self.fn(*args, **kwargs)
        fast = self._fast
        if fast is not None and not kwargs and len(args) == 1 and args[0] is fast[0]:
            # The same single argument as at the last replay (a model: its signature is its
            # identity), that recording first: no signature to build and look up.
            entry = fast[1]
            if entry.guard.holds() and entry.lock.acquire(False):
                try:
                    outs = entry.program.replay()
                finally:
                    entry.lock.release()
                self._stats["replays"] += 1
                fast_result: R = _rebuild(entry.result, outs)
                return fast_result
        key, flat = _key(args, kwargs)
        entries = self._entries.get(key, ())
        busy = False
        for entry in entries:
            if entry.guard.holds():
                if not entry.lock.acquire(False):
                    busy = True  # replaying on another thread: run eagerly meanwhile
                    break
                try:
                    inputs = entry.inputs
                    outs = entry.program.replay(
                        *[flat[i].data if tensor else flat[i] for i, tensor in inputs]
                    ) if inputs else entry.program.replay()
                finally:
                    entry.lock.release()
                self._stats["replays"] += 1
                if self._unreplayed:  # (empty once every signature has replayed: no hashing)
                    self._unreplayed.pop(key, None)
                if (not kwargs and len(args) == 1 and not inputs
                        and type(args[0]) not in (Tensor, np.ndarray)):
                    self._fast = (args[0], entry)
                result: R = _rebuild(entry.result, outs)
                return result
        if not busy and key not in self._eager:
            if self._unreplayed.get(key, 0) < _VARIANTS:
                self._unreplayed[key] = self._unreplayed.get(key, 0) + 1
                with _RECORDING:
                    recorded: R = self._record(key, flat, len(args), tuple(kwargs))
                    return recorded
            self._give_up(key, f"what it reads changed before each of {_VARIANTS} calls in a row "
                               "(a counter attribute, a list that grows?); each change needs a "
                               "new recording")
        self._stats["eager"] += 1
        return self.fn(*args, **kwargs)

    def _give_up(self, key: Any, why: str) -> None:
        self._fast = None
        self._eager[key] = why
        self._entries.pop(key, None)
        warnings.warn(f"tf.compile: running {getattr(self.fn, '__name__', 'the function')} "
                      f"eagerly: {why}", RuntimeWarning, stacklevel=3)

    def _record(self, key: Any, args: Tuple[Any, ...], npos: int,
                names: Tuple[str, ...]) -> Any:
        self._fast = None
        # ``args``: the positional arguments, then the keyword arguments' values in ``names``
        # order.
        for i, a in enumerate(args):
            if type(a) is np.ndarray and a.dtype.kind not in "biufc":
                # (Objects and strings: numpy runs Python per item, nothing to replay.)
                why = (f"argument {i} is a numpy array of dtype {a.dtype}; tf.compile records "
                       "arrays of numbers and bools only")
                if not self.fallback:
                    raise TraceError(why)
                self._give_up(key, why)
                self._stats["eager"] += 1
                return self.fn(*args[:npos], **dict(zip(names, args[npos:])))
        found = discover(self.fn, args)
        backup = Backup(found.objects)
        rec = Recorder()
        swapped: List[Tuple[Any, Any]] = []  # (tensor, its array): put back afterwards
        inputs: List[Tuple[int, bool]] = []
        in_vars: List[Var] = []
        call_args = list(args)
        # Direct tensor and array arguments are the program's inputs (bound at every call);
        # every other tensor it reaches is state (the same array at every call, checked).
        for i, a in enumerate(args):
            if type(a) is Tensor and type(a.data) is np.ndarray:
                s = rec.input(a.data, f"arg{i}")
                swapped.append((a, a.data))
                a.data = s  # type: ignore[assignment]
                inputs.append((i, True))
                in_vars.append(s.ref)
            elif type(a) is np.ndarray:
                s = rec.input(a, f"arg{i}")
                call_args[i] = s
                inputs.append((i, False))
                in_vars.append(s.ref)
        for obj in found.objects:
            if type(obj) is Tensor and type(obj.data) is np.ndarray:
                arr = obj.data
                swapped.append((obj, arr))
                obj.data = rec.external(arr, "")  # type: ignore[assignment]
        outputs: List[Var] = []
        try:
            try:
                with rec:
                    result = self.fn(*call_args[:npos], **dict(zip(names, call_args[npos:])))
                    # Before the arrays are put back: a tensor argument returned as it is, is
                    # an output like any other.
                    template = _template(result, outputs)
            finally:
                rec.closed = True
                for t, arr in swapped:
                    t.data = arr
        except ValueDependentError:
            backup.restore()
            rec.rewind()
            raise
        except TraceError as e:
            backup.restore()
            rec.rewind()
            if not self.fallback:
                raise
            self._give_up(key, str(e))
            self._stats["eager"] += 1
            return self.fn(*args[:npos], **dict(zip(names, args[npos:])))
        # (The result now, before the program moves its buffers.)
        first = _rebuild(template, tuple(v.arr for v in outputs))
        # The guard is taken from the state the recording left (a layer's memo made on its
        # first call, an optimiser leaf for a parameter thawed since setup).
        after = discover(self.fn, args)
        # (``data`` is annotated as an array; while a recording runs it holds a Sym; mypy
        # targeting Python 3.11 calls the test non-overlapping, targeting 3.10 it does not.)
        kept = [t for t in after.objects
                if type(t) is Tensor
                and type(t.data) is Sym]  # type: ignore[comparison-overlap, unused-ignore]
        if rec.exited and not kept:
            # A check ended this step (a gradient that was not finite, skipped): the eager
            # step it was is done; its recording, which skipped the update, is not kept.
            self._stats["eager"] += 1
            return first
        if kept:
            # The function stored a tensor it computed (a parameter made on first use, a
            # layer keeping its last output): that tensor gets its real array, and this
            # recording is not used (a replay would not store it again). The next call records
            # anew, with that state in place.
            for t in kept:
                t.data = t.data.v
            self._stats["eager"] += 1
            self._dropped[key] = self._dropped.get(key, 0) + 1
            if self._dropped[key] >= 2:
                self._give_up(key, "it stores a tensor it computed into an object at every call "
                                   "(a layer keeping its last output?); a replay would not")
            return first
        guard = Guard(after)
        entry = _Entry(Program(rec, in_vars, outputs), guard, inputs, template)
        variants = self._entries.setdefault(key, [])
        variants.insert(0, entry)
        del variants[_VARIANTS:]  # the least recently recorded goes
        self._entries.move_to_end(key)
        while len(self._entries) > _SIGNATURES:
            # The least recently recorded signature goes (with the model objects its guard
            # holds): a new model or batch shape at every epoch does not grow this without end.
            self._entries.popitem(last=False)
        self._stats["recordings"] += 1
        return first


def _template(result: Any, outputs: List[Var]) -> Any:
    """The function's result with each recorded array replaced by its output's index."""
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
        return (tp.__name__, [_template(r, outputs) for r in result])
    if tp is dict:
        return ("dict", {k: _template(v, outputs) for k, v in result.items()})
    if tp is Grads:
        return ("grads", {k: _template(v, outputs) for k, v in vars(result).items()})
    if isinstance(result, (tuple, list, dict)):
        raise TraceError(f"a {tp.__name__} result is not rebuilt by tf.compile")
    return ("same", result)


def _rebuild(t: Any, outs: Tuple[Any, ...]) -> Any:
    # Fresh arrays: the program's buffers are overwritten by the next call.
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


@overload
def compile(fn: Callable[P, R], *, fallback: bool = True) -> Compiled[P, R]: ...


@overload
def compile(fn: None = None, *, fallback: bool = True
            ) -> Callable[[Callable[P, R]], Compiled[P, R]]: ...


def compile(fn: Optional[Callable[P, R]] = None, *, fallback: bool = True) -> Any:
    """Compile ``fn`` (a loss, or a whole training step with ``withgradient`` and
    ``update``): its first call per input signature runs it while recording every numpy call
    it makes; later calls with the same signature replay the recording. The result is called
    like ``fn`` (type checkers see ``fn``'s own signature). ``fallback=False`` raises where a
    function that cannot be recorded would run eagerly. See ``docs/performance.md`` for what
    records again.

    >>> import typedflux as tf
    >>> f = tf.compile(lambda x, w: tf.relu(x @ w).sum())
    >>> f(tf.ones(2, 3), tf.ones(3, 4)).item()
    24.0
    """
    if fn is None:
        return lambda f: Compiled(f, fallback)
    return Compiled(fn, fallback)
