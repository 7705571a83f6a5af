"""``Tensor``: a numpy array whose type carries its shape; every dunder calls a registered op.

``Tensor[B, 784]``, ``Tensor[B, Literal[784]]``, ``Tensor[B, "2*N"]``, ``Tensor[*Bs, 784]``
and ``Tensor[()]`` are all valid at run time; the raw dims are kept (``typing.get_args``)
for ``@tf.shapecheck``. For plain mypy every operator returns ``Tensor[Unpack[Tuple[Any,
...]]]`` (a tensor of unknown shape); the typedflux mypy plugin refines it.

>>> import typedflux as tf
>>> x = tf.tensor([[1.0, 2.0], [3.0, 4.0]])
>>> x
Tensor[2, 2] float32
[[1. 2.]
 [3. 4.]]
>>> (x @ x.T).sum().item()
52.0
"""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterator, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt
from typing_extensions import TypeVarTuple, Unpack

__all__ = ["Tensor", "Shape", "TensorLike", "AnyTensor", "as_array"]

Shape = TypeVarTuple("Shape")

Array = npt.NDArray[Any]


class Tensor(Generic[Unpack[Shape]]):
    """An n-dimensional array with its shape in its type: ``Tensor[B, 784]``.

    Holds a numpy array in ``data`` (float32 by default for float data, int64 for integer
    data, bool for comparisons). Create tensors with ``tf.tensor``, ``tf.zeros``, ... rather
    than calling the class. Operators follow numpy broadcasting and check shapes first:

    >>> import typedflux as tf
    >>> tf.ones(2, 3) + tf.ones(3)
    Tensor[2, 3] float32
    [[2. 2. 2.]
     [2. 2. 2.]]
    >>> tf.ones(2, 3) @ tf.ones(2, 3)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: ...
    >>> typing.get_args(Tensor["B", 784])
    ('B', 784)
    """

    __slots__ = ("data", "_tape", "_id", "__weakref__")

    data: Array
    # The tape this tensor was recorded on (None: a constant) and its id there. Only ops
    # and the tape touch these.
    _tape: Any
    _id: int

    def __init__(self, data: Any, dtype: Any = None) -> None:
        self.data = as_array(data, dtype)
        self._tape = None

    if not TYPE_CHECKING:

        def __class_getitem__(cls, params):
            # Generic's own __class_getitem__ rejects ints and strings as type arguments;
            # dims are not types, so build the alias without checking them.
            if not isinstance(params, tuple):
                params = (params,)
            try:
                return typing._GenericAlias(cls, params)
            except Exception:  # pragma: no cover - a future typing without _GenericAlias
                import types

                return types.GenericAlias(cls, params)

    # -- properties --------------------------------------------------------------------
    @property
    def shape(self) -> tuple[Unpack[Shape]]:
        """The shape as a tuple of ints (typed as the tensor's dims).

        >>> import typedflux as tf
        >>> tf.zeros(2, 3).shape
        (2, 3)
        """
        return self.data.shape

    @property
    def ndim(self) -> int:
        """Number of axes.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3).ndim
        2
        """
        return self.data.ndim

    @property
    def dtype(self) -> np.dtype[Any]:
        """The numpy dtype (float32 unless asked otherwise).

        >>> import typedflux as tf
        >>> tf.zeros(2).dtype, tf.arange(3).dtype
        (dtype('float32'), dtype('int64'))
        """
        return self.data.dtype

    @property
    def T(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """All axes reversed (numpy's ``.T``); for a matrix, the transpose.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3).T.shape
        (3, 2)
        """
        return _movement.T(self)

    def numpy(self) -> Array:
        """The underlying numpy array (shared, not copied).

        >>> import typedflux as tf
        >>> tf.ones(2).numpy()
        array([1., 1.], dtype=float32)
        """
        return self.data

    def item(self) -> Any:
        """The single element as a Python number.

        >>> import typedflux as tf
        >>> tf.tensor(3.5).item()
        3.5
        """
        return self.data.item()

    def detach(self) -> Tensor[Unpack[Shape]]:
        """The same data as a constant (never recorded on a tape).

        >>> import typedflux as tf
        >>> tf.ones(2).detach().shape
        (2,)
        """
        t: Tensor[Unpack[Shape]] = Tensor.__new__(Tensor)
        t.data = self.data
        t._tape = None
        return t

    def __len__(self) -> int:
        """Length of the first axis.

        >>> import typedflux as tf
        >>> len(tf.zeros(4, 2))
        4
        """
        if self.data.ndim == 0:
            raise TypeError("len() of a 0-d tensor (Tensor[()])")
        return int(self.data.shape[0])

    def __iter__(self) -> Iterator[Tensor[Unpack[Tuple[Any, ...]]]]:
        """Iterate over the first axis.

        >>> import typedflux as tf
        >>> [t.item() for t in tf.arange(3)]
        [0, 1, 2]
        """
        for i in range(len(self)):
            yield self[i]

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> Array:
        if dtype is not None and dtype != self.data.dtype:
            return np.asarray(self.data, dtype=dtype)
        if copy:
            return np.array(self.data, copy=True)
        return self.data

    def __bool__(self) -> bool:
        return bool(self.data)

    def __float__(self) -> float:
        return float(self.data)

    def __int__(self) -> int:
        return int(self.data)

    def __repr__(self) -> str:
        dims = ", ".join(str(d) for d in self.data.shape) if self.data.ndim else "()"
        body = np.array2string(self.data, threshold=20, edgeitems=3, precision=4)
        return f"Tensor[{dims}] {self.data.dtype}\n{body}"

    def __reduce__(self) -> Tuple[Any, Tuple[Array]]:
        # copy/deepcopy/pickle carry the data only: never a tape, never a dtype change.
        return _rebuild, (self.data,)

    # numpy defers to Tensor's reflected operators (``ndarray * Tensor`` is a Tensor and is
    # recorded on the tape) instead of silently converting the Tensor to an array.
    __array_ufunc__ = None

    # Comparisons return tensors, so identity hashing must be restored explicitly.
    __hash__ = object.__hash__

    # -- arithmetic (spec arg names: self is args[0]; reflected: self is args[1]) -------------
    def __add__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _ADD(self, y)

    def __radd__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _ADD(x, self)

    def __sub__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _SUB(self, y)

    def __rsub__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _SUB(x, self)

    def __mul__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _MUL(self, y)

    def __rmul__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _MUL(x, self)

    def __truediv__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _DIV(self, y)

    def __rtruediv__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _DIV(x, self)

    def __pow__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _POW(self, y)

    def __rpow__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _POW(x, self)

    def __matmul__(self, w: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _MATMUL(self, w)

    def __rmatmul__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _MATMUL(x, self)

    def __neg__(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _NEG(self)

    def __pos__(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return self

    def __abs__(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _ABS(self)

    # mypy wants __eq__/__ne__ to return bool like object's; a Tensor of bools is the
    # numpy convention users expect.
    def __eq__(self, y: object) -> Tensor[Unpack[Tuple[Any, ...]]]:  # type: ignore[override]
        return _EQ(self, y)

    def __ne__(self, y: object) -> Tensor[Unpack[Tuple[Any, ...]]]:  # type: ignore[override]
        return _NE(self, y)

    def __lt__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _LT(self, y)

    def __le__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _LE(self, y)

    def __gt__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _GT(self, y)

    def __ge__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _GE(self, y)

    def __getitem__(self, key: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _GETITEM(self, key)

    # -- methods (parameter names are the spec's argument names) -----------------------------
    def sum(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Sum over ``axis`` (all axes by default).

        >>> import typedflux as tf
        >>> tf.ones(2, 3).sum(axis=1)
        Tensor[2] float32
        [3. 3.]
        """
        return _SUM(self, axis, keepdims)

    def mean(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Mean over ``axis`` (all axes by default).

        >>> import typedflux as tf
        >>> tf.arange(4.0).mean().item()
        1.5
        """
        return _reduce.mean(self, axis, keepdims)

    def max(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Maximum over ``axis``; its gradient splits evenly between tied maxima.

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).max(axis=0)
        Tensor[2] float32
        [7. 5.]
        """
        return _MAX(self, axis, keepdims)

    def min(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Minimum over ``axis``; its gradient splits evenly between tied minima.

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).min().item()
        1.0
        """
        return _MIN(self, axis, keepdims)

    def reshape(self, *shape: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """The same data with a new shape; one size may be ``-1`` (inferred).
        Sizes are separate ints or one tuple.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).reshape(2, -1).shape
        (2, 12)
        """
        return _movement.reshape(self, *shape)

    def transpose(self, *axes: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Permute axes (all reversed when none are given).

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).transpose(0, 2, 1).shape
        (2, 4, 3)
        """
        return _movement.transpose(self, *axes)

    def swapaxes(self, axis1: int, axis2: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Exchange two axes.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).swapaxes(0, -1).shape
        (4, 3, 2)
        """
        return _movement.swapaxes(self, axis1, axis2)

    def squeeze(
        self, axis: Union[None, int, Tuple[int, ...]] = None
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Drop size-1 axes (all of them, or those named by ``axis``).

        >>> import typedflux as tf
        >>> tf.zeros(2, 1, 3).squeeze().shape
        (2, 3)
        """
        return _movement.squeeze(self, axis)

    def unsqueeze(self, axis: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Insert a size-1 axis at ``axis``.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3).unsqueeze(1).shape
        (2, 1, 3)
        """
        return _movement.unsqueeze(self, axis)


def _rebuild(data: Array) -> Tensor[Unpack[Tuple[Any, ...]]]:
    t: Tensor[Unpack[Tuple[Any, ...]]] = Tensor.__new__(Tensor)
    t.data = data
    t._tape = None
    return t


def as_array(data: Any, dtype: Any = None) -> Array:
    """A fresh numpy array for tensor data: float data becomes float32 unless ``dtype`` says
    otherwise, integer data int64, bools stay bool.

    >>> as_array([1.0, 2.0]).dtype, as_array([1, 2]).dtype, as_array(True).dtype
    (dtype('float32'), dtype('int64'), dtype('bool'))
    """
    if isinstance(data, Tensor):
        data = data.data
    if dtype is not None:
        return np.array(data, dtype=dtype)
    arr = np.array(data)
    kind = arr.dtype.kind
    if kind == "f":
        if arr.dtype != np.float32:
            arr = arr.astype(np.float32)
    elif kind in "iu":
        if arr.dtype != np.int64:
            arr = arr.astype(np.int64)
    elif kind == "O":
        raise TypeError(f"cannot make a tensor from {type(data).__name__} data: {data!r:.60}")
    return arr


TensorLike = Union[Tensor[Unpack[Tuple[Any, ...]]], float, int]
"""A Tensor operand: a Tensor of any shape, or a Python number (shape ``()``)."""

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
"""A tensor of unknown shape: what operators return before the plugin refines them."""


# The ops import Tensor, so they are imported after it exists. Methods read these module
# globals at call time: one global lookup, no attribute chain in the hot path.
from typedflux.ops import elementwise as _elementwise  # noqa: E402
from typedflux.ops import movement as _movement  # noqa: E402
from typedflux.ops import reduce as _reduce  # noqa: E402
from typedflux.ops import index as _index  # noqa: E402
from typedflux.ops import linalg as _linalg  # noqa: E402

_Op = Callable[..., Tensor[Unpack[Tuple[Any, ...]]]]

_ADD: _Op = _elementwise.p_add.invoke
_SUB: _Op = _elementwise.p_sub.invoke
_MUL: _Op = _elementwise.p_mul.invoke
_DIV: _Op = _elementwise.p_div.invoke
_POW: _Op = _elementwise.p_pow.invoke
_NEG: _Op = _elementwise.p_neg.invoke
_ABS: _Op = _elementwise.p_abs.invoke
_EQ: _Op = _elementwise.p_eq.invoke
_NE: _Op = _elementwise.p_ne.invoke
_LT: _Op = _elementwise.p_lt.invoke
_LE: _Op = _elementwise.p_le.invoke
_GT: _Op = _elementwise.p_gt.invoke
_GE: _Op = _elementwise.p_ge.invoke
_MATMUL: _Op = _linalg.p_matmul.invoke
_SUM: _Op = _reduce.p_sum.invoke
_MAX: _Op = _reduce.p_max.invoke
_MIN: _Op = _reduce.p_min.invoke
_GETITEM: _Op = _index.p_getitem.invoke


def _fast_method(entry: Callable[..., Any], declared: Callable[..., Any]) -> Callable[..., Any]:
    # A copy of the registry entry point (same code and closure, so the same speed) that
    # introduces itself as the declared method: name, docstring, and signature through
    # __wrapped__ (so inspect and help() show (self, y) and the annotations).
    fn = types.FunctionType(
        entry.__code__, entry.__globals__, declared.__name__, entry.__defaults__, entry.__closure__
    )
    fn.__qualname__ = declared.__qualname__
    fn.__doc__ = declared.__doc__
    fn.__module__ = declared.__module__
    fn.__wrapped__ = declared  # type: ignore[attr-defined]
    return fn


if not TYPE_CHECKING:
    # At run time the forward arithmetic dunders ARE the registry's entry points (their
    # parameters are (self, other) in spec order already): one Python call less per op,
    # a few percent of a small elementwise op. They do exactly what the methods defined in
    # the class do; those remain what type checkers, the plugin and readers see.
    for _name, _entry in (
        ("__add__", _ADD),
        ("__sub__", _SUB),
        ("__mul__", _MUL),
        ("__truediv__", _DIV),
        ("__pow__", _POW),
        ("__matmul__", _MATMUL),
        ("__neg__", _NEG),
    ):
        setattr(Tensor, _name, _fast_method(_entry, getattr(Tensor, _name)))
