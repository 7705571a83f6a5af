"""numpy functions called on a Tensor (``np.sum(x)``, ``np.mean(x, axis=0)``, ...).

numpy hands its reductions to an object's own method of the same name and passes numpy-only
keywords (``dtype=None``, ``out=None``) along, which typedflux's methods do not take. So
``Tensor.__array_function__`` sends the reductions a Tensor has here: numpy's arguments are
read with numpy's own signature, numpy's defaults are kept (``np.var`` is biased, ``ddof=0``),
and the Tensor's method runs, so the result is a Tensor on the tape, as ``x.sum()`` is.
An argument typedflux cannot honour (an ``out`` array, a ``dtype``, ``where``, ``initial``)
is refused by name. Every other numpy function reads the Tensor's array (``np.concatenate([x,
y])`` is an ndarray, off the tape), except where that would silently lose a gradient: a float
result computed from a tensor the running ``tf.gradient`` tracks is a ``TypeError`` naming the
typedflux op to use (``tf.concat``). numpy's ufuncs (``Tensor.__array_ufunc__``, :func:`ufunc`)
that are Python operators run the tensor's operator (``array * x`` and ``np.multiply(array,
x)`` are ``x.__rmul__(array)``, on the tape); the others (``np.exp(x)``) are a ``TypeError``
naming typedflux's function (``tf.exp``).

>>> import numpy as np
>>> import typedflux as tf
>>> np.sum(tf.ones(2, 3), axis=1)
Tensor[2] float32
[3. 3.]
"""

from __future__ import annotations

import inspect
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import numpy as np

from typedflux.shapes.rules_reduce import (
    NUMPY_OPERATORS,
    NUMPY_REDUCTIONS,
    NUMPY_REFUSED,
    NUMPY_UNARY,
    numpy_instead,
    numpy_refusal,
    numpy_ufunc_refusal,
)

# numpy's function -> the Tensor method that computes it, by identity (another library's
# "sum" is not numpy's). The table is shared with the mypy plugin, which types these calls.
_METHODS: Dict[Any, str] = {
    getattr(np, name): method for name, method in NUMPY_REDUCTIONS if hasattr(np, name)
}


def _never(tensor: Any) -> bool:
    return False


def call(cls: type, func: Any, args: Tuple[Any, ...], kwargs: Mapping[str, Any],
         tracked: Callable[[Any], bool] = _never) -> Any:
    """Run numpy's ``func`` on arguments holding a Tensor (``Tensor.__array_function__``);
    ``tracked(t)``: whether the running gradient tracks the tensor ``t``.

    >>> import numpy as np
    >>> import typedflux as tf
    >>> call(tf.Tensor, np.mean, (tf.tensor([1.0, 3.0]),), {}).item()
    2.0
    """
    method = _METHODS.get(func)
    if method is None:
        return _on_arrays(cls, func, args, kwargs, tracked)
    # Only the arguments the caller wrote are bound (numpy's dispatcher passes them as given).
    # numpy's dispatcher has already refused a call that does not fit its signature.
    bound = dict(inspect.signature(func).bind(*args, **kwargs).arguments)
    if not isinstance(bound.get("a"), cls):  # a Tensor elsewhere (where=): numpy's own
        return _on_arrays(cls, func, args, kwargs, tracked)
    name = func.__name__
    given = {k: v for k, v in bound.items() if k != "a"}
    for key in NUMPY_REFUSED:
        value = given.pop(key, None)
        if value is not None:
            raise TypeError(numpy_refusal(name, key, method))  # (the plugin's words too)
    call_kwargs: Dict[str, Any] = {"axis": given.pop("axis", None)}
    if "keepdims" in given:
        call_kwargs["keepdims"] = given.pop("keepdims")
    if method in ("var", "std"):  # numpy's default: the biased estimate (ddof=0)
        ddof, correction = given.pop("ddof", None), given.pop("correction", None)
        if ddof is not None and correction is not None:
            raise ValueError(f"np.{name}(): ddof and correction cannot both be given (as in numpy)")
        call_kwargs["correction"] = correction if correction is not None else ddof or 0
    run: Callable[..., Any] = getattr(bound["a"], method)
    return run(**call_kwargs)


def _instead(name: str) -> Optional[str]:
    """typedflux's op for numpy's function ``name``, if it has one."""
    # (Read, not imported: this module sits below the package, which is loaded by now.)
    return numpy_instead(
        name, lambda n: callable(getattr(sys.modules.get("typedflux"), n, None)))


def _tensors(cls: type, values: Any, found: List[Any]) -> Any:
    """``values`` with every Tensor (top level, or in a list or tuple) replaced by its array;
    the tensors are appended to ``found``."""
    if isinstance(values, cls):
        found.append(values)
        return values.data  # type: ignore[attr-defined]
    if type(values) in (list, tuple):
        return type(values)(_tensors(cls, v, found) for v in values)
    return values


def _on_arrays(cls: type, func: Any, args: Tuple[Any, ...], kwargs: Mapping[str, Any],
               tracked: Callable[[Any], bool]) -> Any:
    # A numpy function typedflux does not run: it runs on the tensors' arrays, off the tape.
    name = getattr(func, "__name__", "function")
    out = kwargs.get("out")
    if isinstance(out, cls) or (type(out) is tuple and any(isinstance(o, cls) for o in out)):
        raise TypeError(f"np.{name}(): out= cannot be a Tensor (numpy would write its array "
                        f"behind the tape's back); assign the result instead")
    found: List[Any] = []
    arrays = _tensors(cls, tuple(args), found)
    kw = {k: _tensors(cls, v, found) for k, v in kwargs.items()}
    differentiated = any(tracked(t) for t in found)
    result = func(*arrays, **kw)
    if differentiated and _holds_floats(result):
        use = _instead(name)
        raise TypeError(
            f"np.{name}() of a tensor being differentiated computes on its array, off the "
            f"tape: the result would carry no gradient. "
            + (f"Use {use}, which records it" if use else
               f"typedflux has no op for np.{name}; build it from typedflux ops")
            + f", or np.{name}(x.numpy()) if the result is meant as a constant")
    return result


def _holds_floats(result: Any) -> bool:
    if isinstance(result, (np.ndarray, np.generic)):
        return result.dtype.kind in "fc"
    if type(result) in (list, tuple):
        return any(_holds_floats(r) for r in result)
    return False


# numpy's ufuncs that are Python operators -> (the operator, its reflection): np.less(a, x)
# with the tensor second is x > a.
_OPERATORS: Dict[Any, Tuple[str, str]] = {
    getattr(np, name): (method, reflected)
    for name, method, reflected in NUMPY_OPERATORS if hasattr(np, name)
}
_UNARY: Dict[Any, str] = {getattr(np, name): method for name, method in NUMPY_UNARY}


def ufunc(cls: type, uf: Any, method: str, inputs: Tuple[Any, ...],
          kwargs: Mapping[str, Any]) -> Any:
    """A numpy ufunc called with a Tensor among its inputs (``Tensor.__array_ufunc__``): an
    operator runs the tensor's own (``array * x``, ``np.add(x, 1)``); anything else is a
    ``TypeError`` naming typedflux's function.

    >>> import numpy as np
    >>> import typedflux as tf
    >>> np.ones(2, np.float32) * tf.tensor([1.0, 2.0])
    Tensor[2] float32
    [1. 2.]
    >>> np.exp(tf.ones(2))
    Traceback (most recent call last):
    ...
    TypeError: np.exp() does not run on a Tensor (numpy's functions would leave the tape); use tf.exp, or np.exp(x.numpy()) for an array
    """
    name = uf.__name__
    if method == "__call__" and not kwargs:
        ops = _OPERATORS.get(uf)
        if ops is not None and len(inputs) == 2:
            x, y = inputs
            if isinstance(x, cls):
                return getattr(x, ops[0])(y)
            return getattr(y, ops[1])(x)
        unary = _UNARY.get(uf)
        if unary is not None and len(inputs) == 1:
            return getattr(inputs[0], unary)()
    if not any(isinstance(v, cls) for v in inputs):  # only a keyword holds one (where=)
        keys = [k for k, v in kwargs.items() if isinstance(v, cls)
                or (type(v) is tuple and any(isinstance(o, cls) for o in v))]
        raise TypeError(f"np.{name}(): {'=, '.join(keys) or 'an argument'}= is a Tensor, which "
                        f"numpy cannot read there; pass its array (x.numpy())")
    if "out" in kwargs:
        raise TypeError(
            f"np.{name}(..., out=...) with a Tensor: numpy cannot write a tensor's result into "
            f"an array in place (as `a += x` for a numpy array a asks); write a = a + x for a "
            f"Tensor, or a += x.numpy() for an array")
    call = name if method == "__call__" else f"{name}.{method}"
    if method == "reduce" and name in ("add", "maximum", "minimum"):
        use: Optional[str] = {"add": "tf.sum", "maximum": "tf.max", "minimum": "tf.min"}[name]
    elif method == "accumulate" and name == "add":
        use = "tf.cumsum"
    else:
        use = _instead(name)
    raise TypeError(numpy_ufunc_refusal(call, name, use))  # (the plugin's words too)
