"""``Tensor``: a numpy array whose type carries its shape; its operators are the ops' entry points
(its named methods, ``x.sum()``, ``x.exp()``, ..., are inherited from ``TensorMethods`` in
typedflux/tensor_methods.py).

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

import typing
from typing import TYPE_CHECKING, Any, Generic, Iterator, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt
from typing_extensions import TypeVarTuple, Unpack

from typedflux import numpy_calls
from typedflux.dtypes import checked_array
from typedflux.engine.marks import id_on
from typedflux.engine.primitive import entry
from typedflux.engine.tape import active_tape
from typedflux.tensor_methods import TensorMethods

__all__ = ["Tensor", "Shape", "TensorLike", "AnyTensor"]

Shape = TypeVarTuple("Shape")

Array = npt.NDArray[Any]

# The ops Tensor's operators run, by name: each is the registry's entry point for that op
# (typedflux.engine.primitive.entry), bound when its module in typedflux.ops is imported.
# The named methods (x.sum(), x.exp(), ...) are TensorMethods' (typedflux/tensor_methods.py).
_add, _sub, _mul, _div, _pow, _neg, _abs = (
    entry(n) for n in ("add", "sub", "mul", "div", "pow", "neg", "abs")
)
_eq, _ne, _lt, _le, _gt, _ge = (entry(n) for n in ("eq", "ne", "lt", "le", "gt", "ge"))
_matmul, _getitem, _T = entry("matmul"), entry("getitem"), entry("T")


class Tensor(TensorMethods, Generic[Unpack[Shape]]):
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
        self.data = checked_array(data, dtype, "Tensor")
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
        return _T(self)

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
        return _one(self, "item()").item()

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
        if self.data.ndim == 0:  # refused at iter(), as numpy does, not at the first next()
            raise TypeError("iteration over a 0-d tensor (Tensor[()])")
        return (self[i] for i in range(len(self)))

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> Array:
        if type(self.data) is not np.ndarray:  # tf.compile's recorded array: it says why not
            return np.asarray(self.data)
        if dtype is not None and dtype != self.data.dtype:
            return np.asarray(self.data, dtype=dtype)
        if copy:
            return np.array(self.data, copy=True)
        return self.data

    def __bool__(self) -> bool:
        return bool(_one(self, "bool()"))

    def __float__(self) -> float:
        return float(_one(self, "float()"))

    def __int__(self) -> int:
        return int(_one(self, "int()"))

    def __repr__(self) -> str:
        dims = ", ".join(str(d) for d in self.data.shape) if self.data.ndim else "()"
        body = np.array2string(self.data, threshold=20, edgeitems=3, precision=4)
        return f"Tensor[{dims}] {self.data.dtype}\n{body}"

    def __reduce__(self) -> Tuple[Any, Tuple[Array]]:
        # copy/deepcopy/pickle carry the data only: never a tape, never a dtype change.
        return _rebuild, (self.data,)

    def __array_function__(
        self, func: Any, types: Any, args: Tuple[Any, ...], kwargs: Any
    ) -> Any:
        # np.sum(x) and the other reductions run x's own method (a Tensor on the tape); every
        # other numpy function converts x to its array, as it would without this hook.
        return numpy_calls.call(Tensor, func, args, kwargs, _tracked)

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        # ``ndarray * Tensor`` runs the Tensor's reflected operator (a Tensor on the tape),
        # never a silent conversion of the Tensor to an array; numpy's other ufuncs
        # (np.exp(x)) are a TypeError naming typedflux's function.
        return numpy_calls.ufunc(Tensor, ufunc, method, inputs, kwargs)

    # Comparisons return tensors, so identity hashing must be restored explicitly.
    __hash__ = object.__hash__

    # -- operators ------------------------------------------------------------------------
    # The forward operators ARE their ops' entry points (no method call in between: a few
    # percent of a small elementwise op); the signatures above them are what type checkers
    # and the plugin read. Reflected operators swap the operands into spec order.
    if TYPE_CHECKING:

        def __add__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]: ...
        def __sub__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]: ...
        def __mul__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]: ...
        def __truediv__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]: ...
        def __pow__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]: ...
        def __neg__(self) -> Tensor[Unpack[Tuple[Any, ...]]]: ...

    else:
        __add__ = _add
        __sub__ = _sub
        __mul__ = _mul
        __truediv__ = _div
        __pow__ = _pow
        __neg__ = _neg

    def __radd__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _add(x, self)

    def __rsub__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _sub(x, self)

    def __rmul__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _mul(x, self)

    def __rtruediv__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _div(x, self)

    def __rpow__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _pow(x, self)

    def __matmul__(self, w: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _matmul(self, w)

    def __rmatmul__(self, x: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _matmul(x, self)

    def __pos__(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return self

    def __abs__(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _abs(self)

    # mypy wants __eq__/__ne__ to return bool like object's; a Tensor of bools is the
    # numpy convention users expect.
    def __eq__(self, y: object) -> Tensor[Unpack[Tuple[Any, ...]]]:  # type: ignore[override]
        return _eq(self, y)

    def __ne__(self, y: object) -> Tensor[Unpack[Tuple[Any, ...]]]:  # type: ignore[override]
        return _ne(self, y)

    def __lt__(self, y: _Compared) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _lt(self, y)

    def __le__(self, y: _Compared) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _le(self, y)

    def __gt__(self, y: _Compared) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _gt(self, y)

    def __ge__(self, y: _Compared) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _ge(self, y)

    def __getitem__(self, key: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _getitem(self, key)


def _one(t: Tensor[Unpack[Tuple[Any, ...]]], what: str) -> Array:
    """``t``'s data when it holds one element (what ``item()``, ``bool()``, ``float()`` and
    ``int()`` convert), else a ``ShapeError`` (a ``ValueError``) naming the conversion and
    the shape, in the words mypy's plugin reports for ``item()`` of a known shape.

    >>> _one(Tensor(np.ones((1, 1))), "item()").shape
    ()
    >>> _one(Tensor(np.ones(3)), "float()")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: float() needs a tensor of one element, got Tensor[3] (use .sum(), .any() or index it first)
    """
    d = t.data
    if d.size != 1:
        from typedflux.shapes import messages
        from typedflux.shapes.errors import ShapeError

        raise ShapeError(messages.one_element_needed(what, d.shape))
    # numpy converts only 0-d arrays with float()/int() (a (1, 1) one is a TypeError there).
    return d if d.ndim == 0 else d.reshape(())


def _tracked(t: Tensor[Unpack[Tuple[Any, ...]]]) -> bool:
    """Whether the gradient being taken in this thread tracks ``t`` (numpy functions must
    not read its array off the tape silently)."""
    tape = active_tape()
    return tape is not None and id_on(tape, t) >= 0


def _rebuild(data: Array) -> Tensor[Unpack[Tuple[Any, ...]]]:
    t: Tensor[Unpack[Tuple[Any, ...]]] = Tensor.__new__(Tensor)
    t.data = data
    t._tape = None
    return t


_Compared = Union[Tensor[Unpack[Tuple[Any, ...]]], float, int, "np.number[Any]", np.bool_]
"""What ``x < y`` takes on the right: a Tensor or a number. (An array on the right is the
array's reflected comparison, which numpy hands to the tensor and the plugin types as a
Tensor; taking it here too would overlap numpy's signatures unsafely.)"""

TensorLike = Union[_Compared, "np.ndarray[Any, Any]"]
"""A Tensor operand: a Tensor of any shape, a number (shape ``()``): Python's or numpy's
(``x * np.float32(0.5)``, ``x / np.sqrt(d)``, which the ops take as Python's), or a numpy
array (a constant: ``x + pe`` of a position table made in numpy)."""

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
"""A tensor of unknown shape: what operators return before the plugin refines them."""
