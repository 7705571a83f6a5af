"""How the recorder writes down numpy *functions* called with a recorded array (numpy hands
them to ``Sym.__array_function__``): a call with ``out=`` writes its result into a buffer at
every replay (``np.concatenate``, ``np.dot``); one without copies its fresh result into the
buffer (``np.where``), or gives a view when the result is one (``np.einsum("ii->i", a)``);
``np.empty_like``/``np.zeros_like`` make buffers (filled again at each replay); ``np.shape``
and its kind answer about shapes only; view functions (``np.transpose``) give views. A
numpy function written in Python runs on the recorded arrays, so each numpy call inside it is
recorded; one that needs a plain array inside (``np.pad``) is recorded as one call.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> x = rec.input(np.arange(6.0).reshape(2, 3), "x")
>>> y = np.concatenate([x, x]), np.pad(x, 1), np.transpose(x)
>>> [getattr(s.fn, "__name__", "") for s in rec.steps][:2], y[2].ref.kind
(['concatenate', 'copy_into'], 'view')
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

import numpy as np

from typedflux.compiler.errors import TraceError
from typedflux.compiler.record import Recorder
from typedflux.compiler.steps import Call, Step, Var, copy_into
from typedflux.compiler.sym import Sym

__all__ = ["record_function", "effect"]

_ndarray = np.ndarray


def record_function(rec: Recorder, func: Any, args: Tuple[Any, ...],
                    kwargs: Dict[str, Any]) -> Any:
    """Record ``func(*args, **kwargs)`` (see the module docstring)."""
    handler = _FUNCTIONS.get(func)
    if handler is not None:
        return handler(rec, func, args, kwargs)
    impl = getattr(func, "_implementation", None)
    if impl is not None and hasattr(impl, "__code__"):
        mark = len(rec.steps)
        try:
            return impl(*args, **kwargs)
        except TraceError:
            del rec.steps[mark:]
    return fresh(rec, func, args, kwargs)


def structural(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    # Answers about shapes and types only.
    c_args, _ = rec.arg(args)
    c_kw, _ = rec.arg(tuple(kwargs.values()))
    return func(*c_args, **dict(zip(kwargs, c_kw)))


def with_out(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    # A function that takes ``out=``: its result becomes a buffer written at every replay.
    if kwargs.get("out") is not None:
        return effect(rec, func, args, kwargs, writes_first=False, out_key=True)
    kwargs = {k: v for k, v in kwargs.items() if k != "out"}
    c_args, t_args = rec.arg(args)
    c_kw, t_kw = rec.kwargs_of(kwargs)
    res = func(*c_args, **c_kw)
    buf = rec.buffer(res, getattr(func, "__name__", ""))
    t_kw["out"] = buf
    rec.steps.append(Step(func, t_args, t_kw, writes=(buf,)))
    return rec.sym(buf)


def fresh(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    # A function without ``out=``: a replay copies its fresh result into the buffer. (One
    # that returned a view of an argument, as np.einsum("ii->i", a) does, gives a view.)
    c_args, t_args = rec.arg(args)
    c_kw, t_kw = rec.kwargs_of(kwargs)
    res = func(*c_args, **c_kw)
    if not isinstance(res, _ndarray) and not isinstance(res, np.generic):
        raise TraceError(f"np.{func.__name__} returned {type(res).__name__}")
    if isinstance(res, _ndarray):
        for var in rec.vars_in(t_args):
            if np.may_share_memory(res, var.arr):
                return rec.view_of(var, res, func, t_args, t_kw)
    buf = rec.buffer(res, getattr(func, "__name__", ""))
    rec.steps.append(Step(copy_into, (buf, Call(func, t_args, t_kw)), {}, writes=(buf,)))
    return rec.sym(buf)


def effect(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any],
            writes_first: bool = True, out_key: bool = False) -> Any:
    # A call made for what it writes (np.copyto, a function given out=).
    c_args: List[Any] = []
    t_args: List[Any] = []
    for k, a in enumerate(args):
        c, t = rec.arg(a, write=writes_first and k == 0)
        c_args.append(c)
        t_args.append(t)
    c_kw, t_kw = rec.kwargs_of(kwargs)
    func(*c_args, **c_kw)
    writes: Tuple[Var, ...] = ()
    if writes_first and isinstance(t_args[0], Var):
        writes = (t_args[0],)
    if out_key:
        writes = tuple(rec.vars_in(t_kw["out"]))
    rec.steps.append(Step(func, tuple(t_args), t_kw, writes=writes))
    if out_key:
        out = kwargs["out"]
        return out if type(out) is Sym else rec.sym(writes[0])
    return None


def like(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    # empty_like / zeros_like / ones_like / full_like: a new buffer; all but empty_like
    # are filled again at every replay, where the eager call made a fresh one.
    c_args, _ = rec.arg(args)
    c_kw, _ = rec.arg(tuple(kwargs.values()))
    res = func(*c_args, **dict(zip(kwargs, c_kw)))
    buf = rec.buffer(res, func.__name__)
    if func is not np.empty_like:
        if func is np.full_like:
            fill = args[1] if len(args) > 1 else kwargs["fill_value"]
            _, fill_t = rec.arg(fill)
        else:
            fill_t = 0 if func is np.zeros_like else 1
        rec.steps.append(Step(copy_into, (buf, fill_t), {}, writes=(buf,)))
    return rec.sym(buf)



def _np_view(method: str) -> Callable[..., Any]:
    def handler(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        a = args[0]
        if type(a) is not Sym:
            return func(*args, **kwargs)
        c_args, t_args = rec.arg(args[1:])
        arr = func(a.v, *c_args, **kwargs)
        if not np.may_share_memory(arr, a.v):
            raise TraceError(f"np.{func.__name__} made a copy")
        return rec.view_of(a.ref, arr, func, (a.ref,) + tuple(t_args), kwargs)
    return handler


def _h_structural(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return structural(rec, func, args, kwargs)


def _h_with_out(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return with_out(rec, func, args, kwargs)


def _h_fresh(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return fresh(rec, func, args, kwargs)


def _h_like(rec: Recorder, func: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    return like(rec, func, args, kwargs)


def _copyto_handler(rec: Recorder, func: Any, args: Tuple[Any, ...],
                    kwargs: Dict[str, Any]) -> Any:
    return effect(rec, func, args, kwargs)


def _reshape_handler(rec: Recorder, func: Any, args: Tuple[Any, ...],
                     kwargs: Dict[str, Any]) -> Any:
    a = args[0]
    shape = args[1] if len(args) > 1 else kwargs.get("shape", kwargs.get("newshape"))
    order = args[2] if len(args) > 2 else kwargs.get("order", "C")
    if type(a) is not Sym:
        return func(*args, **kwargs)
    return rec.reshape(a, tuple(shape) if isinstance(shape, (list, tuple)) else (shape,), order)


_FUNCTIONS: Dict[Any, Callable[..., Any]] = {
    np.shape: _h_structural, np.ndim: _h_structural, np.size: _h_structural,
    np.result_type: _h_structural, np.may_share_memory: _h_structural,
    np.shares_memory: _h_structural, np.iscomplexobj: _h_structural, np.isrealobj: _h_structural,
    np.einsum_path: _h_structural, np.broadcast_shapes: _h_structural,
    np.concatenate: _h_with_out, np.stack: _h_with_out, np.dot: _h_with_out, np.argmax: _h_with_out,
    np.argmin: _h_with_out, np.cumsum: _h_with_out, np.take: _h_with_out,
    np.where: _h_fresh, np.einsum: _h_fresh, np.tril: _h_fresh, np.triu: _h_fresh,
    np.empty_like: _h_like, np.zeros_like: _h_like, np.ones_like: _h_like, np.full_like: _h_like,
    np.copyto: _copyto_handler,
    np.reshape: _reshape_handler,
    np.transpose: _np_view("transpose"), np.swapaxes: _np_view("swapaxes"),
    np.moveaxis: _np_view("moveaxis"), np.expand_dims: _np_view("expand_dims"),
    np.squeeze: _np_view("squeeze"), np.broadcast_to: _np_view("broadcast_to"),
}
