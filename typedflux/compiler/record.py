"""The recorder behind :func:`typedflux.compile`: it runs a step on :class:`Sym` arrays and
writes down each numpy call as a :class:`Step` over program values (:class:`Var`).

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
from typedflux.compiler.sym import Sym

__all__ = ["Var", "Step", "Call", "Recorder", "IN", "EXT", "CONST", "BUF", "VIEW"]

IN, EXT, CONST, BUF, VIEW = "in", "ext", "const", "buf", "view"

_ndarray = np.ndarray


class Var:
    """One value of a recorded program (see the module docstring). ``arr``: its array at
    recording (for a fixed value also at every replay); ``base``: the value a view is of;
    ``dynamic``: bound anew at every call (an input, a view of one).

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

    >>> rec = Recorder()
    >>> x = rec.input(np.ones(2), "x")
    >>> x *= 3.0
    >>> s = rec.steps[0]
    >>> s.fn is np.multiply, s.writes == (x.ref,)
    (True, True)
    """

    __slots__ = ("fn", "args", "kwargs", "bind", "writes")

    def __init__(self, fn: Callable[..., Any], args: Tuple[Any, ...], kwargs: Dict[str, Any],
                 bind: Optional[Var] = None, writes: Tuple[Var, ...] = ()) -> None:
        self.fn, self.args, self.kwargs, self.bind, self.writes = fn, args, kwargs, bind, writes

    def __repr__(self) -> str:
        return f"Step({getattr(self.fn, '__name__', self.fn)}, {self.args}, {self.kwargs})"


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


def _copyto(dst: Any, src: Any) -> None:
    np.copyto(dst, src, casting="unsafe")


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
        self._prev: Any = None

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

    def _buffer(self, res: Any, name: str = "") -> Var:
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

    def _t(self, x: Any, write: bool = False) -> Tuple[Any, Any]:
        """``(real value, template)`` of a call argument: arrays become their values."""
        tp = type(x)
        if tp is Sym:
            if x.rec is not self:
                raise TraceError("an array recorded by another (or a finished) recording was used")
            return x.v, x.ref
        if tp is _ndarray:
            return x, self._resolve(x, write)
        if tp is tuple or tp is list:
            pairs = [self._t(i, write) for i in x]
            tmpl = tp(p[1] for p in pairs)
            return tp(p[0] for p in pairs), (tmpl if _has_var(tmpl) else x)
        if isinstance(x, _ndarray):
            raise TraceError(f"an ndarray subclass ({tp.__name__}) is not recorded")
        return x, x

    def _vars_in(self, t: Any) -> List[Var]:
        if isinstance(t, Var):
            return [t]
        if type(t) is tuple or type(t) is list:
            return [v for i in t for v in self._vars_in(i)]
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
            c, t = self._t(i, write=(method == "at" and k == 0))
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
                c, t = self._t(outs, write=True)
                kw_c[key], kw_t[key] = c, t
            else:
                kw_c[key], kw_t[key] = self._t(val)
        res = fn(*conc_in, **kw_c)
        if method == "at":
            self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=(tmpl_in[0],)))
            return None
        if outs is not None:
            written = tuple(self._vars_in(kw_t["out"]))
            self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=written))
            back = [o if type(o) is Sym else self.sym(v) for o, v in zip(outs, written)]
            return back[0] if len(back) == 1 else tuple(back)
        results = res if type(res) is tuple else (res,)
        bufs = tuple(self._buffer(r, ufunc.__name__) for r in results)
        kw_t["out"] = bufs
        self.steps.append(Step(fn, tuple(tmpl_in), kw_t, writes=bufs))
        syms = [self.sym(b) for b in bufs]
        return syms[0] if len(syms) == 1 else tuple(syms)

    # -- numpy functions ---------------------------------------------------------------------
    def function(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        self._check_open()
        handler = _FUNCTIONS.get(func)
        if handler is not None:
            return handler(self, func, args, kwargs)
        impl = getattr(func, "_implementation", None)
        if impl is not None and hasattr(impl, "__code__"):
            # A numpy function written in Python: run it on the recorded arrays, so the numpy
            # calls inside it are recorded one by one; one that needs a plain array inside
            # (np.pad, np.tile) is recorded as one call instead.
            mark = len(self.steps)
            try:
                return impl(*args, **kwargs)
            except TraceError:
                del self.steps[mark:]
        return self._fresh(func, args, kwargs)

    def _structural(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        # Answers about shapes and types only.
        c_args, _ = self._t(args)
        c_kw, _ = self._t(tuple(kwargs.values()))
        return func(*c_args, **dict(zip(kwargs, c_kw)))

    def _with_out(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        # A function that takes ``out=``: its result becomes a buffer written at every replay.
        if kwargs.get("out") is not None:
            return self._effect(func, args, kwargs, writes_first=False, out_key=True)
        kwargs = {k: v for k, v in kwargs.items() if k != "out"}
        c_args, t_args = self._t(args)
        c_kw, t_kw = self._kw(kwargs)
        res = func(*c_args, **c_kw)
        buf = self._buffer(res, getattr(func, "__name__", ""))
        t_kw["out"] = buf
        self.steps.append(Step(func, t_args, t_kw, writes=(buf,)))
        return self.sym(buf)

    def _fresh(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        # A function without ``out=``: a replay copies its fresh result into the buffer. (One
        # that returned a view of an argument, as np.einsum("ii->i", a) does, gives a view.)
        c_args, t_args = self._t(args)
        c_kw, t_kw = self._kw(kwargs)
        res = func(*c_args, **c_kw)
        if not isinstance(res, _ndarray) and not isinstance(res, np.generic):
            raise TraceError(f"np.{func.__name__} returned {type(res).__name__}")
        if isinstance(res, _ndarray):
            for var in self._vars_in(t_args):
                if np.may_share_memory(res, var.arr):
                    return self._view_of(var, res, func, t_args, t_kw)
        buf = self._buffer(res, getattr(func, "__name__", ""))
        self.steps.append(Step(_copyto, (buf, Call(func, t_args, t_kw)), {}, writes=(buf,)))
        return self.sym(buf)

    def _kw(self, kwargs: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        c: Dict[str, Any] = {}
        t: Dict[str, Any] = {}
        for k, v in kwargs.items():
            c[k], t[k] = self._t(v, write=(k == "out"))
        return c, t

    def _effect(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any],
                writes_first: bool = True, out_key: bool = False) -> Any:
        # A call made for what it writes (np.copyto, a function given out=).
        c_args: List[Any] = []
        t_args: List[Any] = []
        for k, a in enumerate(args):
            c, t = self._t(a, write=writes_first and k == 0)
            c_args.append(c)
            t_args.append(t)
        c_kw, t_kw = self._kw(kwargs)
        func(*c_args, **c_kw)
        writes: Tuple[Var, ...] = ()
        if writes_first and isinstance(t_args[0], Var):
            writes = (t_args[0],)
        if out_key:
            writes = tuple(self._vars_in(t_kw["out"]))
        self.steps.append(Step(func, tuple(t_args), t_kw, writes=writes))
        if out_key:
            out = kwargs["out"]
            return out if type(out) is Sym else self.sym(writes[0])
        return None

    def _like(self, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        # empty_like / zeros_like / ones_like / full_like: a new buffer; all but empty_like
        # are filled again at every replay, where the eager call made a fresh one.
        c_args, _ = self._t(args)
        c_kw, _ = self._t(tuple(kwargs.values()))
        res = func(*c_args, **dict(zip(kwargs, c_kw)))
        buf = self._buffer(res, func.__name__)
        if func is not np.empty_like:
            if func is np.full_like:
                fill = args[1] if len(args) > 1 else kwargs["fill_value"]
                _, fill_t = self._t(fill)
            else:
                fill_t = 0 if func is np.zeros_like else 1
            self.steps.append(Step(_copyto, (buf, fill_t), {}, writes=(buf,)))
        return self.sym(buf)

    # -- views, copies, writes ---------------------------------------------------------------
    def _view_of(self, base: Var, arr: Any, fn: Callable[..., Any], args: Tuple[Any, ...],
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
        return self._view_of(s.ref, arr, _METHOD_VIEWS[method], (s.ref,) + args, {})

    def reshape(self, s: Sym, shape: Tuple[Any, ...], order: str) -> Sym:
        self._check_open()
        v: Any = s.v
        arr = v.reshape(shape, order=order)
        if np.may_share_memory(arr, s.v):
            return self._view_of(s.ref, arr, np.reshape, (s.ref, shape), {"order": order})
        buf = self._buffer(arr, "reshape")
        self.steps.append(Step(_copyto, (buf, Call(np.reshape, (s.ref, shape), {"order": order})),
                               {}, writes=(buf,)))
        return self.sym(buf)

    def astype(self, s: Sym, dtype: Any, order: str, copy: bool) -> Sym:
        self._check_open()
        v: Any = s.v
        arr = v.astype(dtype, order=order, copy=copy)
        if arr is s.v:
            return s
        buf = self._buffer(arr, "astype")
        self.steps.append(Step(_copyto, (buf, s.ref), {}, writes=(buf,)))
        return self.sym(buf)

    def copy(self, s: Sym, order: str) -> Sym:
        self._check_open()
        v: Any = s.v
        buf = self._buffer(v.copy(order=order), "copy")
        self.steps.append(Step(_copyto, (buf, s.ref), {}, writes=(buf,)))
        return self.sym(buf)

    def getitem(self, s: Sym, key: Any) -> Any:
        self._check_open()
        c_key, t_key = self._t(key)
        if _basic_key(c_key):
            arr = s.v[c_key]
            if type(arr) is not _ndarray:  # all integers: a 0-d view instead of a scalar
                c_key = (c_key if type(c_key) is tuple else (c_key,)) + (Ellipsis,)
                t_key = c_key
                arr = s.v[c_key]
            return self._view_of(s.ref, arr, operator.getitem, (s.ref, t_key), {})
        for k in self._vars_in(t_key):
            if k.arr.dtype == np.bool_ and k.root().kind != CONST:
                raise ValueDependentError(
                    "tf.compile: indexing with a recorded boolean mask gives a shape that "
                    "depends on the values; use tf.where to select instead"
                )
        arr = s.v[c_key]
        buf = self._buffer(arr, "getitem")
        self.steps.append(Step(_copyto, (buf, Call(operator.getitem, (s.ref, t_key), {})), {},
                               writes=(buf,)))
        return self.sym(buf)

    def setitem(self, s: Sym, key: Any, value: Any) -> None:
        self._check_open()
        c_key, t_key = self._t(key)
        c_val, t_val = self._t(value)
        s.v[c_key] = c_val
        if _basic_key(c_key):
            dst = self._view_of(s.ref, s.v[c_key] if type(s.v[c_key]) is _ndarray
                                else s.v[(c_key if type(c_key) is tuple else (c_key,))
                                         + (Ellipsis,)],
                                operator.getitem, (s.ref, t_key), {})
            self.steps.append(Step(_copyto, (dst.ref, t_val), {}, writes=(s.ref,)))
        else:
            self.steps.append(Step(operator.setitem, (s.ref, t_key, t_val), {},
                                   writes=(s.ref,)))

    def call_effect(self, fn: Callable[..., Any], args: Tuple[Any, ...],
                    kwargs: Dict[str, Any]) -> None:
        self._check_open()
        self._effect(fn, args, kwargs)

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
                    kwargs: Dict[str, Any]) -> Any:
        """Record ``fn(*args, **kwargs)`` as one step (see ``hooks.opaque``)."""
        self._check_open()
        c_args, t_args = self._t(args)
        c_kw, t_kw = self._kw({k: v for k, v in kwargs.items()})
        if not _has_var(t_args) and not _has_var(tuple(t_kw.values())):
            return fn(*args, **kwargs)
        res = fn(*c_args, **c_kw)
        writes = tuple(self._vars_in(t_args) + self._vars_in(tuple(t_kw.values())))
        if res is None or isinstance(res, (bool, int, float, str)):
            self.steps.append(Step(fn, t_args, t_kw, writes=writes))
            return res
        if isinstance(res, _ndarray):
            buf = self._buffer(res, getattr(fn, "__name__", ""))
            self.steps.append(Step(_copyto, (buf, Call(fn, t_args, t_kw)), {},
                                   writes=writes + (buf,)))
            return self.sym(buf)
        raise TraceError(f"{getattr(fn, '__name__', fn)} returned {type(res).__name__}")

    def generator(self, getter: Callable[[], Any]) -> "RecordingGenerator":
        """The stand-in for ``tf.rng()`` while recording."""
        return RecordingGenerator(self, getter)

    def concrete(self, x: Any) -> Any:
        """The real array behind a recorded one."""
        return x.v if type(x) is Sym else x

    def draw(self, getter: Callable[[], Any], method: str, args: Tuple[Any, ...],
             kwargs: Dict[str, Any]) -> Any:
        """A draw from the random generator ``getter()`` returns: made now, and again from
        whatever generator ``getter()`` returns at each replay (so a replay consumes the same
        numbers an eager call would)."""
        self._check_open()
        res = getattr(getter(), method)(*args, **kwargs)
        if not isinstance(res, _ndarray):
            raise TraceError(f"rng().{method} without a size draws a Python number")
        buf = self._buffer(res, method)
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


def _np_view(method: str) -> Callable[..., Any]:
    def handler(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        a = args[0]
        if type(a) is not Sym:
            return func(*args, **kwargs)
        c_args, t_args = rec._t(args[1:])
        arr = func(a.v, *c_args, **kwargs)
        if not np.may_share_memory(arr, a.v):
            raise TraceError(f"np.{func.__name__} made a copy")
        return rec._view_of(a.ref, arr, func, (a.ref,) + tuple(t_args), kwargs)
    return handler


def _structural(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return rec._structural(func, args, kwargs)


def _with_out(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return rec._with_out(func, args, kwargs)


def _fresh(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return rec._fresh(func, args, kwargs)


def _like(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return rec._like(func, args, kwargs)


def _copyto_handler(rec: Recorder, func: Any, args: Tuple[Any, ...],
                    kwargs: Dict[str, Any]) -> Any:
    return rec._effect(func, args, kwargs)


def _reshape_handler(rec: Recorder, func: Any, args: Tuple[Any, ...],
                     kwargs: Dict[str, Any]) -> Any:
    a = args[0]
    shape = args[1] if len(args) > 1 else kwargs.get("shape", kwargs.get("newshape"))
    order = args[2] if len(args) > 2 else kwargs.get("order", "C")
    if type(a) is not Sym:
        return func(*args, **kwargs)
    return rec.reshape(a, tuple(shape) if isinstance(shape, (list, tuple)) else (shape,), order)


_FUNCTIONS: Dict[Any, Callable[..., Any]] = {
    np.shape: _structural, np.ndim: _structural, np.size: _structural,
    np.result_type: _structural, np.may_share_memory: _structural,
    np.shares_memory: _structural, np.iscomplexobj: _structural, np.isrealobj: _structural,
    np.einsum_path: _structural, np.broadcast_shapes: _structural,
    np.concatenate: _with_out, np.stack: _with_out, np.dot: _with_out, np.argmax: _with_out,
    np.argmin: _with_out, np.cumsum: _with_out, np.take: _with_out,
    np.where: _fresh, np.einsum: _fresh, np.tril: _fresh, np.triu: _fresh,
    np.empty_like: _like, np.zeros_like: _like, np.ones_like: _like, np.full_like: _like,
    np.copyto: _copyto_handler,
    np.reshape: _reshape_handler,
    np.transpose: _np_view("transpose"), np.swapaxes: _np_view("swapaxes"),
    np.moveaxis: _np_view("moveaxis"), np.expand_dims: _np_view("expand_dims"),
    np.squeeze: _np_view("squeeze"), np.broadcast_to: _np_view("broadcast_to"),
}
