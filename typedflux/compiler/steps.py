"""The data of a recorded program: its values (:class:`Var`) and its calls (:class:`Step`,
with :class:`Call` for a call nested in another's arguments), as the recorder
(:mod:`typedflux.compiler.record`) writes them down and :mod:`typedflux.compiler.program`
turns them into code.

A value's kind (``Var.kind``) is ``IN``, ``EXT``, ``CONST``, ``BUF`` or ``VIEW`` (what each
means: :mod:`typedflux.compiler.record`).

>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> x = rec.input(np.ones(3, np.float32), "x")
>>> y = x * 2.0
>>> rec.steps[0].fn is np.multiply, rec.vars[1].kind == BUF
(True, True)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, Optional, Tuple

import numpy as np

__all__ = ["Var", "Step", "Call", "IN", "EXT", "CONST", "BUF", "VIEW", "copy_into", "vars_of",
           "roots"]

IN, EXT, CONST, BUF, VIEW = "in", "ext", "const", "buf", "view"


class Var:
    """One value of a recorded program (see the module docstring). ``arr``: its array at
    recording (for a fixed value also at every replay); ``base``: the value a view is of;
    ``dynamic``: bound anew at every call (an input, a view of one).

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> x = rec.input(np.ones((2, 3)), "x")
    >>> v = x.T.ref
    >>> v.kind, v.dynamic, v.root() is x.ref
    ('view', True, True)
    """

    __slots__ = ("n", "kind", "arr", "base", "dynamic", "name")

    def __init__(self, n: int, kind: str, arr: Any, base: Optional["Var"], dynamic: bool,
                 name: str) -> None:
        self.n = n
        self.kind = kind
        self.arr = arr
        self.base = base
        self.dynamic = dynamic
        self.name = name

    def root(self) -> "Var":
        v = self
        while v.base is not None:
            v = v.base
        return v

    def __repr__(self) -> str:
        return f"Var({self.n}, {self.kind}, {self.name})"


class Call:
    """A call nested inside a step's arguments (``np.copyto(buf, np.where(c, x, y))``).

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> x = rec.input(np.arange(3.0), "x")
    >>> y = np.where(x > 1.0, x, 0.0)
    >>> type(rec.steps[-1].args[1]).__name__, rec.steps[-1].args[1].fn is np.where
    ('Call', True)
    """

    __slots__ = ("fn", "args", "kwargs")

    def __init__(self, fn: Callable[..., Any], args: Tuple[Any, ...], kwargs: Dict[str, Any]):
        self.fn, self.args, self.kwargs = fn, args, kwargs


class Step:
    """One call of the program: ``fn(*args, **kwargs)`` with :class:`Var` in place of arrays.
    ``bind``: the value the call's result becomes (a view of an input, taken at every call),
    else the call works through ``out=`` or in place. ``writes``: the values it writes.

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> x = rec.input(np.ones(2), "x")
    >>> x *= 3.0
    >>> s = rec.steps[0]
    >>> s.fn is np.multiply, s.writes == (x.ref,)
    (True, True)
    """

    __slots__ = ("fn", "args", "kwargs", "bind", "writes", "exits")

    def __init__(self, fn: Callable[..., Any], args: Tuple[Any, ...], kwargs: Dict[str, Any],
                 bind: Optional[Var] = None, writes: Tuple[Var, ...] = (),
                 exits: bool = False) -> None:
        self.fn, self.args, self.kwargs, self.bind, self.writes = fn, args, kwargs, bind, writes
        # A check whose False ends the replay (see hooks.opaque).
        self.exits = exits

    def __repr__(self) -> str:
        return f"Step({getattr(self.fn, '__name__', self.fn)}, {self.args}, {self.kwargs})"


def copy_into(dst: Any, src: Any) -> None:
    """``dst[...] = src`` (numpy's assignment casting): the step that fills a buffer.

    >>> a = np.zeros(2, np.float32); copy_into(a, [1.5, 2.5]); a
    array([1.5, 2.5], dtype=float32)
    """
    np.copyto(dst, src, casting="unsafe")


def vars_of(t: Any) -> Iterator[Var]:
    """Every value a step's argument template refers to.

    >>> list(vars_of((1, [2.0])))
    []
    """
    if isinstance(t, Var):
        yield t
    elif isinstance(t, Call):
        yield from vars_of(t.args)
        yield from vars_of(tuple(t.kwargs.values()))
    elif type(t) is tuple or type(t) is list:
        for i in t:
            yield from vars_of(i)


def roots(step: Step) -> set[int]:
    """The numbers of the values a step refers to (its arguments, its bound view), each
    through the value it is a view of.

    >>> roots(Step(np.exp, (), {}))
    set()
    """
    found = {v.root().n for v in vars_of(step.args)}
    found.update(v.root().n for v in vars_of(tuple(step.kwargs.values())))
    if step.bind is not None:
        found.add(step.bind.root().n)
    return found
