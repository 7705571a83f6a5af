"""The recorder behind :func:`typedflux.compile`: it runs a step on :class:`Sym` arrays and
writes down each numpy call as a :class:`~typedflux.compiler.steps.Step` over program values
(:class:`~typedflux.compiler.steps.Var`; both in :mod:`typedflux.compiler.steps`).

Every value of the program is an array that stays put between replays:

- an *input* (``IN``): an array the compiled function receives; bound anew at every call;
- an *external* array (``EXT``): a parameter, a buffer of a layer, an optimiser's state; the
  same array object at every call (checked), read and written in place;
- a *constant* (``CONST``): an array the function reads but was not given (a cached 0-d
  number, a one-hot table captured by a closure); read where it lives;
- a *buffer* (``BUF``): an array the step computed. The array computed while recording is
  kept and every replay writes the same call's result into it (``out=``), so it has exactly
  the layout the eager call gave it;
- a *view* (``VIEW``) of another value: fixed once for a fixed base, taken anew at every call
  for a view of an input.

>>> import numpy as np
>>> rec = Recorder()
>>> x = rec.input(np.ones(3, np.float32), "x")
>>> y = np.tanh(x * 2.0)
>>> [s.fn.__name__ for s in rec.steps], [v.kind for v in rec.vars]
(['multiply', 'tanh'], ['in', 'buf', 'buf'])
"""

from __future__ import annotations

import operator
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from typedflux.compiler import hooks
from typedflux.compiler.errors import TraceError, ValueDependentError, caller
from typedflux.compiler.steps import BUF, CONST, EXT, IN, VIEW, Call, Step, Var, copy_into
from typedflux.compiler.sym import Sym

__all__ = ["Recorder"]

_ndarray = np.ndarray


def _has_var(t: Any) -> bool:
    if isinstance(t, (Var, Call)):
        return True
    if type(t) is tuple or type(t) is list:
        return any(_has_var(i) for i in t)
    return False


def _basic_key(key: Any) -> bool:
    # Basic indexing (ints, slices, None, Ellipsis) always gives a view.
    items = key if type(key) is tuple else (key,)
    for k in items:
        if not (k is None or k is Ellipsis or type(k) is slice
                or (isinstance(k, (int, np.integer)) and not isinstance(k, (bool, np.bool_)))):
            return False
    return True


class Recorder:
    """Records numpy calls on :class:`Sym` arrays; see the module docstring.

    >>> rec = Recorder()
    >>> w = rec.external(np.ones((2, 2), np.float32), "w")
    >>> w -= 0.5 * w
    >>> rec.steps[-1].writes
    (Var(0, ext, w),)
    """

    def __init__(self) -> None:
        self.vars: List[Var] = []
        self.steps: List[Step] = []
        # id(array) -> its value, for plain arrays met in calls (the Var keeps the array alive,
        # so an id is never taken by another array while it is here).
        self._by_id: Dict[int, Var] = {}
        self.closed = False
        self.exited = False
        self._prev: Any = None
        # Each generator drawn from, with its state before the first draw (see ``rewind``).
        self._generators: Dict[int, Tuple[Any, Any]] = {}

    def __enter__(self) -> "Recorder":
        """Make this the thread's recorder (what ``tf.rng()`` and ``@opaque`` functions ask)."""
        self._prev = hooks.set_current(self)
        hooks.ACTIVE[0] += 1
        return self

    def __exit__(self, *exc: object) -> None:
        hooks.ACTIVE[0] -= 1
        hooks.set_current(self._prev)

    # -- values ------------------------------------------------------------------------------
    def _new(self, kind: str, arr: Any, name: str, base: Optional[Var] = None,
             dynamic: bool = False) -> Var:
        v = Var(len(self.vars), kind, arr, base, dynamic, name)
        self.vars.append(v)
        self._by_id[id(arr)] = v
        return v

    def sym(self, var: Var) -> Sym:
        return Sym(var.arr, var, self)

    def input(self, arr: np.ndarray[Any, Any], name: str) -> Sym:
        """An array the function receives: bound anew at every replay."""
        return self.sym(self._new(IN, arr, name, dynamic=True))

    def external(self, arr: np.ndarray[Any, Any], name: str) -> Sym:
        """A live array (a parameter, optimiser state): the same object at every replay."""
        found = self._by_id.get(id(arr))
        if found is not None and found.arr is arr:
            return self.sym(found)
        return self.sym(self._new(EXT, arr, name))

    def buffer(self, res: Any, name: str = "") -> Var:
        arr = res if type(res) is _ndarray else np.asarray(res)
        return self._new(BUF, arr, name)

    def _resolve(self, a: np.ndarray[Any, Any], write: bool) -> Var:
        # A plain array met in a call: a known value, a view of one, or a constant.
        v = self._by_id.get(id(a))
        if v is not None and v.arr is a:
            return v
        b = a.base
        while isinstance(b, _ndarray):
            v = self._by_id.get(id(b))
            if v is not None and v.arr is b:
                if v.dynamic:
                    raise TraceError("a plain view of an input array appeared in a call")
                return self._new(VIEW, a, "", base=v)
            b = b.base
        if write:
            raise TraceError(
                f"the function writes into an array it was not given (shape {a.shape}, "
                f"{a.dtype}) at {caller()[0]}; pass the tensor or model that holds it as an "
                "argument"
            )
        return self._new(CONST, a, "")

    def arg(self, x: Any, write: bool = False) -> Tuple[Any, Any]:
        """``(real value, template)`` of a call argument: arrays become their values."""
        tp = type(x)
        if tp is Sym:
            if x.rec is not self:
                raise TraceError("an array recorded by another (or a finished) recording was used")
            return x.v, x.ref
        if tp is _ndarray:
            return x, self._resolve(x, write)
        if tp is tuple or tp is list:
            pairs = [self.arg(i, write) for i in x]
            tmpl = tp(p[1] for p in pairs)
            return tp(p[0] for p in pairs), (tmpl if _has_var(tmpl) else x)
        if isinstance(x, _ndarray):
            raise TraceError(f"an ndarray subclass ({tp.__name__}) is not recorded")
        return x, x

    def vars_in(self, t: Any) -> List[Var]:
        if isinstance(t, Var):
            return [t]
        if type(t) is tuple or type(t) is list:
            return [v for i in t for v in self.vars_in(i)]
        return []

    def _check_open(self) -> None:
        if self.closed:
            raise TraceError("an array recorded by a finished recording was used")

    # -- ufuncs ------------------------------------------------------------------------------
    def ufunc(self, ufunc: Any, method: str, inputs: Tuple[Any, ...],
              kwargs: Dict[str, Any]) -> Any:
        self._check_open()
        fn = ufunc if method == "__call__" else getattr(ufunc, method)
        conc_in: List[Any] = []
        tmpl_in: List[Any] = []
        for k, i in enumerate(inputs):
            c, t = self.arg(i, write=(method == "at" and k == 0))
            conc_in.append(c)
            tmpl_in.append(t)
        kw_c: Dict[str, Any] = {}
        kw_t: Dict[str, Any] = {}
        outs: Optional[Tuple[Any, ...]] = None
        for key, val in kwargs.items():
            if key == "out":
                outs = val if type(val) is tuple else (val,)
                if any(o is None for o in outs):
                    if all(o is None for o in outs):
                        outs = None
                        continue
                    raise TraceError("a ufunc with some outputs given and some not")
                c, t = self.arg(outs, write=True)
                kw_c[key], kw_t[key] = c, t
            else:
                kw_c[key], kw_t[key] = self.arg(val)
        res = fn(*conc_in, **kw_c)
        if method == "at":
            self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=(tmpl_in[0],)))
            return None
        if outs is not None:
            written = tuple(self.vars_in(kw_t["out"]))
            self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=written))
            back = [o if type(o) is Sym else self.sym(v) for o, v in zip(outs, written)]
            return back[0] if len(back) == 1 else tuple(back)
        results = res if type(res) is tuple else (res,)
        bufs = tuple(self.buffer(r, ufunc.__name__) for r in results)
        kw_t["out"] = bufs
        self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=bufs))
        syms = [self.sym(b) for b in bufs]
        return syms[0] if len(syms) == 1 else tuple(syms)

    # -- numpy functions ---------------------------------------------------------------------
    def function(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        """A numpy function called with a recorded array (``__array_function__``)."""
        self._check_open()
        from typedflux.compiler.functions import record_function

        return record_function(self, func, args, kwargs)

    def kwargs_of(self, kwargs: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        c: Dict[str, Any] = {}
        t: Dict[str, Any] = {}
        for k, v in kwargs.items():
            c[k], t[k] = self.arg(v, write=(k == "out"))
        return c, t

    # -- views, copies, writes ---------------------------------------------------------------
    def view_of(self, base: Var, arr: Any, fn: Callable[..., Any], args: Tuple[Any, ...],
                 kwargs: Dict[str, Any]) -> Sym:
        # A view: fixed when its base is; for an input, taken again at every replay.
        root = base.root()
        v = self._new(VIEW, arr, "", base=base, dynamic=root.dynamic)
        if v.dynamic:
            self.steps.append(Step(fn, args, kwargs, bind=v))
        return self.sym(v)

    def view(self, s: Sym, method: str, args: Tuple[Any, ...]) -> Sym:
        self._check_open()
        arr = getattr(s.v, method)(*args)
        return self.view_of(s.ref, arr, _METHOD_VIEWS[method], (s.ref,) + args, {})

    def reshape(self, s: Sym, shape: Tuple[Any, ...], order: str) -> Sym:
        self._check_open()
        v: Any = s.v
        arr = v.reshape(shape, order=order)
        if np.may_share_memory(arr, s.v):
            return self.view_of(s.ref, arr, np.reshape, (s.ref, shape), {"order": order})
        buf = self.buffer(arr, "reshape")
        self.steps.append(Step(copy_into, (buf, Call(np.reshape, (s.ref, shape), {"order": order})),
                               {}, writes=(buf,)))
        return self.sym(buf)

    def astype(self, s: Sym, dtype: Any, order: str, copy: bool) -> Sym:
        self._check_open()
        v: Any = s.v
        arr = v.astype(dtype, order=order, copy=copy)
        if arr is s.v:
            return s
        buf = self.buffer(arr, "astype")
        self.steps.append(Step(copy_into, (buf, s.ref), {}, writes=(buf,)))
        return self.sym(buf)

    def copy(self, s: Sym, order: str) -> Sym:
        self._check_open()
        v: Any = s.v
        buf = self.buffer(v.copy(order=order), "copy")
        self.steps.append(Step(copy_into, (buf, s.ref), {}, writes=(buf,)))
        return self.sym(buf)

    def getitem(self, s: Sym, key: Any) -> Any:
        self._check_open()
        c_key, t_key = self.arg(key)
        if _basic_key(c_key):
            arr = s.v[c_key]
            if type(arr) is not _ndarray:  # all integers: a 0-d view instead of a scalar
                c_key = (c_key if type(c_key) is tuple else (c_key,)) + (Ellipsis,)
                t_key = c_key
                arr = s.v[c_key]
            return self.view_of(s.ref, arr, operator.getitem, (s.ref, t_key), {})
        for k in self.vars_in(t_key):
            if k.arr.dtype == np.bool_ and k.root().kind != CONST:
                raise ValueDependentError(
                    "tf.compile: indexing with a recorded boolean mask gives a shape that "
                    "depends on the values; use tf.where to select instead"
                )
        arr = s.v[c_key]
        buf = self.buffer(arr, "getitem")
        self.steps.append(Step(copy_into, (buf, Call(operator.getitem, (s.ref, t_key), {})), {},
                               writes=(buf,)))
        return self.sym(buf)

    def setitem(self, s: Sym, key: Any, value: Any) -> None:
        self._check_open()
        c_key, t_key = self.arg(key)
        c_val, t_val = self.arg(value)
        s.v[c_key] = c_val
        if _basic_key(c_key):
            view = s.v[c_key]
            if type(view) is not _ndarray:
                # A single element (x[0] of a vector) is a numpy scalar, not a view: index
                # with a trailing Ellipsis for its 0-d view, here and at every replay.
                c_key = (c_key if type(c_key) is tuple else (c_key,)) + (Ellipsis,)
                t_key = (t_key if type(t_key) is tuple else (t_key,)) + (Ellipsis,)
                view = s.v[c_key]
            dst = self.view_of(s.ref, view, operator.getitem, (s.ref, t_key), {})
            self.steps.append(Step(copy_into, (dst.ref, t_val), {}, writes=(s.ref,)))
        else:
            self.steps.append(Step(operator.setitem, (s.ref, t_key, t_val), {},
                                   writes=(s.ref,)))

    def call_effect(self, fn: Callable[..., Any], args: Tuple[Any, ...],
                    kwargs: Dict[str, Any]) -> None:
        self._check_open()
        from typedflux.compiler.functions import effect

        effect(self, fn, args, kwargs)

    # -- mean and var, as numpy's own methods compute them -----------------------------------
    def mean(self, s: Sym, axis: Any, dtype: Any, out: Any, keepdims: bool) -> Any:
        count = _count(s.v, axis)
        if dtype is None and issubclass(s.dtype.type, (np.integer, np.bool_)):
            dtype = np.dtype("f8")
        elif dtype is None and s.dtype == np.float16:
            raise TraceError("the mean of a float16 array is not recorded")
        total = np.add.reduce(s, axis=axis, dtype=dtype, out=out, keepdims=keepdims)
        return np.true_divide(total, count, out=total, casting="unsafe")

    def var(self, s: Sym, axis: Any, dtype: Any, out: Any, ddof: int, keepdims: bool) -> Any:
        count = _count(s.v, axis)
        if dtype is None and issubclass(s.dtype.type, (np.integer, np.bool_)):
            dtype = np.dtype("f8")
        if not issubclass(s.dtype.type, (np.floating, np.integer)):
            raise TraceError("the variance of a complex array is not recorded")
        mean = np.add.reduce(s, axis=axis, dtype=dtype, keepdims=True)
        mean = np.true_divide(mean, count, out=mean, casting="unsafe")
        x = np.subtract(s, mean)
        x = np.square(x, out=x)
        total = np.add.reduce(x, axis=axis, dtype=dtype, out=out, keepdims=keepdims)
        return np.true_divide(total, np.maximum(count - ddof, 0), out=total, casting="unsafe")

    # -- calls recorded whole ----------------------------------------------------------------
    def opaque_call(self, fn: Callable[..., Any], args: Tuple[Any, ...],
                    kwargs: Dict[str, Any], exits: bool = False,
                    written: Optional[Tuple[int, ...]] = None) -> Any:
        """Record ``fn(*args, **kwargs)`` as one step (see ``hooks.opaque``)."""
        self._check_open()
        c_args, t_args = self.arg(args)
        c_kw, t_kw = self.kwargs_of({k: v for k, v in kwargs.items()})
        if not _has_var(t_args) and not _has_var(tuple(t_kw.values())):
            return fn(*args, **kwargs)
        res = fn(*c_args, **c_kw)
        if written is None:
            writes = tuple(self.vars_in(t_args) + self.vars_in(tuple(t_kw.values())))
        else:
            writes = tuple(v for k in written if k < len(t_args) for v in self.vars_in(t_args[k]))
        if exits:
            if res is not True and res is not False:
                raise TraceError(f"{getattr(fn, '__name__', fn)} returned {res!r}, not a bool")
            self.steps.append(Step(fn, t_args, t_kw, writes=writes, exits=True))
            if not res:
                self.exited = True  # this call took the exit: the recording is used once
            return res
        if res is None or isinstance(res, (bool, int, float, str)):
            self.steps.append(Step(fn, t_args, t_kw, writes=writes))
            return res
        if isinstance(res, _ndarray):
            buf = self.buffer(res, getattr(fn, "__name__", ""))
            self.steps.append(Step(copy_into, (buf, Call(fn, t_args, t_kw)), {},
                                   writes=writes + (buf,)))
            return self.sym(buf)
        raise TraceError(f"{getattr(fn, '__name__', fn)} returned {type(res).__name__}")

    def generator(self, getter: Callable[[], Any]) -> "RecordingGenerator":
        """The stand-in for ``tf.rng()`` while recording."""
        return RecordingGenerator(self, getter)

    def rewind(self) -> None:
        """Put every generator this recording drew from back to its state before the first
        draw: a recording given up half-way leaves the numbers to the eager call that runs
        instead (a layer's own generator as well as ``tf.rng()``)."""
        for gen, state in self._generators.values():
            gen.bit_generator.state = state

    def concrete(self, x: Any) -> Any:
        """The real array behind a recorded one."""
        return x.v if type(x) is Sym else x

    def draw(self, getter: Callable[[], Any], method: str, args: Tuple[Any, ...],
             kwargs: Dict[str, Any]) -> Any:
        """A draw from the random generator ``getter()`` returns: made now, and again from
        whatever generator ``getter()`` returns at each replay (so a replay consumes the same
        numbers an eager call would)."""
        self._check_open()
        gen = getter()
        if id(gen) not in self._generators:
            self._generators[id(gen)] = (gen, gen.bit_generator.state)
        res = getattr(gen, method)(*args, **kwargs)
        if not isinstance(res, _ndarray):
            raise TraceError(f"rng().{method} without a size draws a Python number")
        buf = self.buffer(res, method)
        self.steps.append(Step(_draw_into, (buf, getter, method, args), kwargs, writes=(buf,)))
        return self.sym(buf)


class RecordingGenerator:
    """What ``tf.rng()`` returns while a step is recorded: its draws are made now from the real
    generator and recorded, so a replay draws again from the generator ``getter()`` returns
    then (fresh numbers each call, the same stream an eager call would consume)."""

    _DRAWS = frozenset({"random", "standard_normal", "uniform", "normal", "integers",
                        "binomial", "bernoulli", "exponential", "standard_exponential"})

    def __init__(self, rec: "Recorder", getter: Callable[[], Any]) -> None:
        self._rec = rec
        self._getter = getter

    def __getattr__(self, name: str) -> Any:
        if name not in self._DRAWS:
            raise TraceError(f"tf.rng().{name} is not recorded by tf.compile")
        rec, getter = self._rec, self._getter

        def draw(*args: Any, **kwargs: Any) -> Any:
            return rec.draw(getter, name, args, kwargs)

        return draw


def _draw_into(buf: Any, getter: Callable[[], Any], method: str, args: Tuple[Any, ...],
               **kwargs: Any) -> None:
    np.copyto(buf, getattr(getter(), method)(*args, **kwargs), casting="unsafe")


def _count(a: Any, axis: Any) -> Any:
    if axis is None:
        axes: Sequence[int] = tuple(range(a.ndim))
    elif not isinstance(axis, tuple):
        axes = (axis,)
    else:
        axes = axis
    n = 1
    for ax in axes:
        n *= a.shape[ax]
    return np.intp(n)


_METHOD_VIEWS: Dict[str, Callable[..., Any]] = {
    "transpose": lambda a, *axes: a.transpose(*axes),
    "swapaxes": lambda a, i, j: a.swapaxes(i, j),
    "squeeze": lambda a, axis: a.squeeze(axis),
    "view": lambda a: a.view(),
}
for _name, _fn in _METHOD_VIEWS.items():
    _fn.__name__ = _name


