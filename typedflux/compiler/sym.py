"""``Sym``: the array a step sees while :func:`typedflux.compile` records it.

A Sym wraps the real array of that moment (``.v``: the step runs for real while it is
recorded) and the program value it stands for (``.ref``). Every numpy call on it goes to the
recorder, which runs the call on the real arrays and writes it down: ufuncs through
``__array_ufunc__`` (operators, in-place operators, ``a.sum()`` as ``np.add.reduce``), numpy
functions through ``__array_function__``, and the ndarray methods defined here. A Sym claims to
be an ``np.ndarray`` (``isinstance`` is true) so code that tests for arrays takes the same branch
it takes eagerly, but it is not one: numpy cannot turn it into an array behind the recorder's
back (``np.asarray(sym)`` raises), and reading a value into Python (``float(sym)``, ``if sym:``,
``sym.item()``) raises :class:`ValueDependentError`, because a replay never runs that Python
code again.

>>> import numpy as np
>>> from typedflux.compiler.record import Recorder
>>> rec = Recorder()
>>> x = rec.input(np.array([1.0, 2.0]), "x")
>>> y = (x * 3.0).sum()
>>> type(y).__name__, y.v, isinstance(y, np.ndarray)
('Sym', array(9.), True)
>>> float(y)
Traceback (most recent call last):
...
typedflux.compiler.errors.ValueDependentError: ...
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, Iterator, Optional, Tuple

import numpy as np

from typedflux.compiler.errors import TraceError, caller, value_read

if TYPE_CHECKING:
    from typedflux.compiler.record import Recorder
    from typedflux.compiler.steps import Var

__all__ = ["Sym", "is_sym", "unwrap"]

# The ufunc behind ndarray.clip (numpy keeps it in its private core package).
_CLIP: Any = getattr(np, "_core").umath.clip


def _value_read(what: str) -> Exception:
    return value_read(what)


class Sym:
    """A recorded array (see the module docstring). ``v``: its real value now; ``ref``: the
    program value; ``rec``: the recorder. Its methods are ndarray's, with numpy's meanings
    (documented by numpy); each one is recorded.

    >>> from typedflux.compiler.record import Recorder
    >>> rec = Recorder()
    >>> s = rec.input(np.zeros((2, 3), np.float32), "x")
    >>> s.T.shape, s.dtype, len(s)
    ((3, 2), dtype('float32'), 2)
    """

    __slots__ = ("v", "ref", "rec", "__weakref__")

    # numpy's own binary operators defer to ours when a Sym is on the right.
    __array_priority__ = 1000.0

    def __init__(self, v: np.ndarray[Any, Any], var: "Var", rec: "Recorder") -> None:
        self.v = v
        self.ref = var
        self.rec = rec

    # isinstance(sym, np.ndarray) is True: code branching on "is it an array" takes the
    # branch it takes with real arrays. (type(sym) stays Sym, and numpy's C code, which
    # checks the type, never mistakes a Sym for an array.)
    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return np.ndarray

    # -- the protocols numpy calls ------------------------------------------------------
    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        return self.rec.ufunc(ufunc, method, inputs, kwargs)

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        return self.rec.function(func, args, kwargs)

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        raise TraceError(
            "numpy was asked to turn a recorded array into a plain one (np.asarray, "
            "np.array, np.ascontiguousarray, or a recorded array assigned into a plain one) "
            f"at {caller()[0]}"
        )

    # -- structure: shapes and layout never depend on values -----------------------------
    @property
    def shape(self) -> Tuple[int, ...]:
        shape: Tuple[int, ...] = self.v.shape
        return shape

    @property
    def dtype(self) -> np.dtype[Any]:
        dtype: np.dtype[Any] = self.v.dtype
        return dtype

    @property
    def ndim(self) -> int:
        return self.v.ndim

    @property
    def size(self) -> int:
        return self.v.size

    @property
    def itemsize(self) -> int:
        return self.v.itemsize

    @property
    def nbytes(self) -> int:
        return self.v.nbytes

    @property
    def strides(self) -> Tuple[int, ...]:
        return self.v.strides

    @property
    def flags(self) -> Any:
        return self.v.flags

    @property
    def base(self) -> Any:
        # Only ever tested against None (is this a view?).
        return self.v.base

    def __len__(self) -> int:
        return len(self.v)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self.v)):
            yield self[i]

    def __repr__(self) -> str:
        dims = ", ".join(map(str, self.v.shape))
        return f"<recorded array ({dims}) {self.v.dtype}>"

    __hash__ = None  # type: ignore[assignment]

    # -- reading values: never while recording -------------------------------------------
    def __bool__(self) -> bool:
        raise _value_read("bool(x) or `if x:`")

    def __float__(self) -> float:
        raise _value_read("float(x)")

    def __int__(self) -> int:
        raise _value_read("int(x)")

    def __index__(self) -> int:
        raise _value_read("using it as an index or size")

    def __complex__(self) -> complex:
        raise _value_read("complex(x)")

    def item(self, *args: Any) -> Any:
        raise _value_read("x.item()")

    def tolist(self) -> Any:
        raise _value_read("x.tolist()")

    def __contains__(self, value: Any) -> bool:
        raise _value_read("`in`")

    def __reduce__(self) -> Any:
        raise _value_read("pickling or copying it")

    # -- views, copies and writes ---------------------------------------------------------
    def __getitem__(self, key: Any) -> Any:
        return self.rec.getitem(self, key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self.rec.setitem(self, key, value)

    @property
    def T(self) -> Any:
        return self.rec.view(self, "transpose", ())

    def transpose(self, *axes: Any) -> Any:
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = () if axes[0] is None else tuple(axes[0])
        return self.rec.view(self, "transpose", axes)

    def swapaxes(self, axis1: int, axis2: int) -> Any:
        return self.rec.view(self, "swapaxes", (axis1, axis2))

    def reshape(self, *shape: Any, order: str = "C") -> Any:
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        return self.rec.reshape(self, shape, order)

    def ravel(self, order: str = "C") -> Any:
        return self.rec.reshape(self, (-1,), order)

    def flatten(self, order: str = "C") -> Any:
        return self.rec.copy(self, order).reshape(-1, order=order)

    def squeeze(self, axis: Any = None) -> Any:
        return self.rec.view(self, "squeeze", (axis,))

    def astype(self, dtype: Any, order: str = "K", casting: str = "unsafe",
               subok: bool = True, copy: bool = True) -> Any:
        return self.rec.astype(self, dtype, order, copy)

    def copy(self, order: str = "C") -> Any:
        return self.rec.copy(self, order)

    def fill(self, value: Any) -> None:
        self.rec.call_effect(np.copyto, (self, value), {"casting": "unsafe"})

    def view(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            raise TraceError("ndarray.view(dtype/type) is not recorded")
        return self.rec.view(self, "view", ())

    # -- reductions and friends, as numpy defines them ----------------------------------------
    def sum(self, axis: Any = None, dtype: Any = None, out: Any = None,
            keepdims: bool = False, **kw: Any) -> Any:
        return np.add.reduce(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **kw)

    def prod(self, axis: Any = None, dtype: Any = None, out: Any = None,
             keepdims: bool = False, **kw: Any) -> Any:
        return np.multiply.reduce(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims,
                                  **kw)

    def max(self, axis: Any = None, out: Any = None, keepdims: bool = False, **kw: Any) -> Any:
        return np.maximum.reduce(self, axis=axis, out=out, keepdims=keepdims, **kw)

    def min(self, axis: Any = None, out: Any = None, keepdims: bool = False, **kw: Any) -> Any:
        return np.minimum.reduce(self, axis=axis, out=out, keepdims=keepdims, **kw)

    def any(self, axis: Any = None, out: Any = None, keepdims: bool = False) -> Any:
        return np.logical_or.reduce(self, axis=axis, out=out, keepdims=keepdims)

    def all(self, axis: Any = None, out: Any = None, keepdims: bool = False) -> Any:
        return np.logical_and.reduce(self, axis=axis, out=out, keepdims=keepdims)

    def mean(self, axis: Any = None, dtype: Any = None, out: Any = None,
             keepdims: bool = False) -> Any:
        return self.rec.mean(self, axis, dtype, out, keepdims)

    def var(self, axis: Any = None, dtype: Any = None, out: Any = None, ddof: int = 0,
            keepdims: bool = False) -> Any:
        return self.rec.var(self, axis, dtype, out, ddof, keepdims)

    def std(self, axis: Any = None, dtype: Any = None, out: Any = None, ddof: int = 0,
            keepdims: bool = False) -> Any:
        return np.sqrt(self.rec.var(self, axis, dtype, out, ddof, keepdims), out=out)

    def argmax(self, axis: Any = None, out: Any = None, keepdims: bool = False) -> Any:
        return self.rec.function(np.argmax, (self, axis), {"out": out, "keepdims": keepdims})

    def argmin(self, axis: Any = None, out: Any = None, keepdims: bool = False) -> Any:
        return self.rec.function(np.argmin, (self, axis), {"out": out, "keepdims": keepdims})

    def clip(self, min: Any = None, max: Any = None, out: Any = None, **kw: Any) -> Any:
        # As numpy's ndarray.clip: through the ufuncs (np.clip itself calls this method).
        if self.dtype.kind in "iu":
            if type(min) is int and min <= np.iinfo(self.dtype).min:
                min = None
            if type(max) is int and max >= np.iinfo(self.dtype).max:
                max = None
        if min is None:
            if max is None:
                return np.positive(self, out=out, **kw)
            return np.minimum(self, max, out=out, **kw)
        if max is None:
            return np.maximum(self, min, out=out, **kw)
        return _CLIP(self, min, max, out=out, **kw)

    def dot(self, b: Any, out: Any = None) -> Any:
        return self.rec.function(np.dot, (self, b), {} if out is None else {"out": out})

    def cumsum(self, axis: Any = None, dtype: Any = None, out: Any = None) -> Any:
        return self.rec.function(np.cumsum, (self, axis, dtype, out), {})

    def nonzero(self) -> Any:
        raise _value_read("x.nonzero() (its size depends on the values)")


def _binary(ufunc: Any, reflected: bool = False, inplace: bool = False) -> Any:
    if inplace:
        def op(self: Sym, other: Any) -> Any:
            return ufunc(self, other, out=(self,))
    elif reflected:
        def op(self: Sym, other: Any) -> Any:
            return ufunc(other, self)
    else:
        def op(self: Sym, other: Any) -> Any:
            return ufunc(self, other)
    return op


def _install_operators() -> None:
    # The operators numpy gives ndarray, each through its ufunc (so through the recorder).
    table = {
        "add": np.add, "sub": np.subtract, "mul": np.multiply, "truediv": np.true_divide,
        "floordiv": np.floor_divide, "mod": np.remainder, "pow": np.power,
        "matmul": np.matmul, "and": np.bitwise_and, "or": np.bitwise_or,
        "xor": np.bitwise_xor, "lshift": np.left_shift, "rshift": np.right_shift,
    }
    for name, uf in table.items():
        setattr(Sym, f"__{name}__", _binary(uf))
        setattr(Sym, f"__r{name}__", _binary(uf, reflected=True))
        setattr(Sym, f"__i{name}__", _binary(uf, inplace=True))
    for name, uf in {"lt": np.less, "le": np.less_equal, "gt": np.greater,
                     "ge": np.greater_equal, "eq": np.equal, "ne": np.not_equal}.items():
        setattr(Sym, f"__{name}__", _binary(uf))
    for name, uf in {"neg": np.negative, "pos": np.positive, "abs": np.absolute,
                     "invert": np.invert}.items():
        setattr(Sym, f"__{name}__", lambda self, _uf=uf: _uf(self))


_install_operators()
_ = operator  # (operators are installed above by name)


def is_sym(x: Any) -> bool:
    """Whether ``x`` is a recorded array.

    >>> is_sym(np.zeros(1))
    False
    """
    return type(x) is Sym


def unwrap(x: Any) -> Optional[np.ndarray[Any, Any]]:
    """The real array behind a recorded one (``None`` for anything else).

    >>> unwrap(3.0) is None
    True
    """
    return x.v if type(x) is Sym else None
