"""A recorded step as straight-line Python: one line per numpy call, every array a fixed
buffer bound in a closure (or, for inputs and views of them, a local), results written with
``out=``. Generated once per recording; a replay is one call of the generated function.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> x = rec.input(np.ones(2, np.float32), "x")
>>> y = np.exp(x * 2.0)
>>> prog = Program(rec, [x.ref], [y.ref])
>>> print(prog.source)
def replay(d0):
    f0(d0, k0, s1)
    f1(s1, s2)
    return (s2,)
>>> prog.replay(np.zeros(2, np.float32))[0]
array([1., 1.], dtype=float32)
"""

from __future__ import annotations

import functools
import math
from typing import Any, Callable, Dict, List, Sequence, Tuple

import numpy as np

from typedflux.compiler.errors import TraceError
from typedflux.compiler.folded_check import FoldedCheck, hoist_sums
from typedflux.compiler.fuse import fold_updates
from typedflux.compiler.memory import place
from typedflux.compiler.peephole import drop_unread, sharpen
from typedflux.optimise.blas import Gemm, RowAdd, Transpose
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import Call, Step, Var

__all__ = ["Program"]

_LITERAL_TYPES = (type(None), bool, int, str)
_NUMBERS = (int, float)
# Ufuncs whose output numpy no longer takes as a positional argument.
_KEYWORD_OUT = frozenset({np.maximum, np.minimum})


class _Names:
    """Names for everything the generated code refers to: fixed arrays and constants become
    closure variables, inputs and views of inputs locals."""

    def __init__(self) -> None:
        self.closure: Dict[str, Any] = {}
        self._const_ids: Dict[int, str] = {}
        self._fn_ids: Dict[int, str] = {}
        self._keep: List[Any] = []
        self._scalars: Dict[Any, Any] = {}

    def var(self, v: Var) -> str:
        if v.dynamic:
            return f"d{v.n}"
        name = f"s{v.n}"
        self.closure[name] = v.arr
        return name

    def const(self, c: Any, prefix: str = "k") -> str:
        table = self._fn_ids if prefix == "f" else self._const_ids
        name = table.get(id(c))
        if name is None:
            name = table[id(c)] = f"{prefix}{len(table)}"
            self.closure[name] = c
            self._keep.append(c)
        return name

    def render(self, t: Any) -> str:
        if isinstance(t, Var):
            return self.var(t)
        if isinstance(t, Call):
            return self.call(t.fn, t.args, t.kwargs)
        tp = type(t)
        if tp is tuple:
            inner = ", ".join(self.render(i) for i in t)
            return f"({inner},)" if len(t) == 1 else f"({inner})"
        if tp is list:
            return "[" + ", ".join(self.render(i) for i in t) + "]"
        if t is Ellipsis:
            return "..."
        if tp in _LITERAL_TYPES:
            return repr(t)
        return self.const(t)

    def call(self, fn: Callable[..., Any], args: Sequence[Any], kwargs: Dict[str, Any]) -> str:
        if isinstance(fn, np.ufunc) and fn.nin == 2 and len(args) == 2:
            args = self._typed_scalars(args)
        parts = [self.render(a) for a in args]
        kw = dict(kwargs)
        out = kw.get("out")
        if (
            isinstance(fn, np.ufunc)
            and fn not in _KEYWORD_OUT
            and type(out) is tuple
            and len(out) == fn.nout
            and len(args) == fn.nin
            and all(isinstance(o, Var) for o in out)
        ):
            # Outputs as positional arguments: the cheapest call a ufunc takes.
            parts.extend(self.render(o) for o in out)
            del kw["out"]
        parts.extend(f"{k}={self.render(v)}" for k, v in kw.items())
        return f"{self.const(fn, 'f')}({', '.join(parts)})"

    def _typed_scalars(self, args: Sequence[Any]) -> Sequence[Any]:
        # A Python number next to a float array becomes a 0-d array of the array's dtype
        # (NEP 50 gives the same result: the number is cast to that dtype either way), which
        # spares the ufunc converting it at every call (~0.3 us).
        a, b = args
        if isinstance(a, Var) and type(b) in _NUMBERS:
            return a, self._scalar(b, a.arr.dtype)
        if isinstance(b, Var) and type(a) in _NUMBERS:
            return self._scalar(a, b.arr.dtype), b
        return args

    def _scalar(self, c: Any, dtype: Any) -> Any:
        if dtype.kind != "f":
            return c
        key = (type(c), c, dtype)
        arr = self._scalars.get(key)
        if arr is None:
            with np.errstate(over="ignore"):
                arr = np.asarray(c, dtype)
            if bool(np.isfinite(arr)) != math.isfinite(c):
                return c  # out of the dtype's range: left to the ufunc, as recorded
            arr = self._scalars[key] = arr
        return arr


def _check_exits(steps: List[Step], outputs: List[Var]) -> None:
    # A replay that ends at a check returns the outputs as they are then: each must be final
    # before the first check.
    first = next((i for i, s in enumerate(steps) if s.exits), None)
    if first is None:
        return
    roots = {v.root().n for v in outputs}
    for s in steps[first + 1:]:
        if any(w.root().n in roots for w in s.writes) or (
                s.bind is not None and s.bind.root().n in roots):
            raise TraceError(
                "the function returns a value computed after a check that can end the step "
                "(tf.update's finite check with nonfinite=\"skip\"); return it before the update"
            )


def _rebound(step: Step) -> Step:
    # A folded GEMM (a BLAS transpose, a row add) prepared with the recording's arrays,
    # prepared again for the arrays its values were given by place(); a folded finite check
    # whose arrays are all the program's own, given them once (FoldedCheck.ready).
    fn = step.fn
    if isinstance(fn, Gemm):
        a, b, c = step.args
        again = Gemm.prepare(fn.args[6], a.arr, b.arr, fn.args[11], c.arr, fn.transposed)
        if again is not None:
            return Step(again, step.args, step.kwargs, step.bind, step.writes)
    if isinstance(fn, FoldedCheck) and not step.kwargs:
        # (Its arrays placed: the check's arguments are fixed from here on.)
        ready = fn.ready(step.args)
        if ready is not None:
            return Step(ready, (), {}, step.bind, step.writes, exits=True)
    if isinstance(fn, Transpose):
        dst, src = step.args
        t = Transpose.prepare(dst.arr, src.arr)
        if t is not None:
            return Step(t, step.args, step.kwargs, step.bind, step.writes)
    if isinstance(fn, RowAdd):
        a, b = step.args
        add = RowAdd.prepare(a.arr, b.arr)
        if add is not None:
            return Step(add, step.args, step.kwargs, step.bind, step.writes)
    return step


def _bare(step: Step) -> Any:
    # A prepared GEMM or transposing copy whose arrays are all the program's own (the same at
    # every call), called in the generated code as its converted BLAS call itself: no Python
    # frame, no argument list. None for any other step.
    fn = step.fn
    ready: Any = None
    arrays: Tuple[Any, ...] = ()
    if isinstance(fn, Gemm) and fn.ready is not None:
        ready, arrays = fn.ready, fn.arrays
    elif isinstance(fn, Transpose):
        ready, arrays = functools.partial(fn.fn, *fn.args), fn.arrays
    if ready is None or step.kwargs or step.bind is not None or step.exits or not all(
            isinstance(v, Var) and not v.dynamic and v.arr is arr
            for v, arr in zip(step.args, arrays)):
        return None
    return ready


class Program:
    """The replay function of a recording (see the module docstring): ``replay(*inputs) ->
    tuple of output arrays`` (the program's own buffers: copy what must outlive the next
    call). ``source`` is the generated code, for reading.

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> x = rec.input(np.arange(3.0), "x")
    >>> Program(rec, [x.ref], [(x + 1.0).sum().ref]).replay(np.ones(3))
    (array(6.),)
    """

    def __init__(self, rec: Recorder, inputs: List[Var], outputs: List[Var]) -> None:
        self.inputs = inputs
        self.outputs = outputs
        self.steps: List[Step] = sharpen(rec, drop_unread(fold_updates(rec.steps, outputs),
                                                          outputs))
        self.arena_bytes = place(rec.vars, self.steps, outputs)
        self.steps = hoist_sums([_rebound(s) for s in self.steps])
        names = _Names()
        params = [names.var(v) for v in inputs]
        lines: List[str] = []
        rets = ", ".join(names.var(v) for v in outputs)
        ret = f"return ({rets}{',' if outputs else ''})"
        _check_exits(self.steps, outputs)
        for step in self.steps:
            bare = _bare(step)
            call = (names.call(bare, (), {}) if bare is not None
                    else names.call(step.fn, step.args, step.kwargs))
            if step.exits:
                lines.append(f"if not {call}:")
                lines.append(f"    {ret}")
            else:
                lines.append(f"{names.var(step.bind)} = {call}" if step.bind is not None else call)
        body = "".join(f"    {ln}\n" for ln in lines) or "    pass\n"
        self.source = f"def replay({', '.join(params)}):\n{body}    {ret}"
        cells = sorted(names.closure)
        factory = (
            f"def factory({', '.join(cells)}):\n"
            + "".join(f"    {ln}\n" for ln in self.source.splitlines())
            + "    return replay\n"
        )
        scope: Dict[str, Any] = {}
        exec(compile(factory, "<typedflux compiled step>", "exec"), scope)
        self.replay: Callable[..., Tuple[Any, ...]] = scope["factory"](
            *[names.closure[c] for c in cells]
        )
        self._keep = names
