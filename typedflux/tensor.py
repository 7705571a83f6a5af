"""``Tensor``: a numpy array whose type carries its shape; its operators are the ops' entry points.

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

from typedflux.dtypes import checked_array
from typedflux.engine.operands import dims_arg
from typedflux.engine.primitive import entry

__all__ = ["Tensor", "Shape", "TensorLike", "AnyTensor"]

Shape = TypeVarTuple("Shape")

Array = npt.NDArray[Any]

# The ops Tensor's methods run, by name: each is the registry's entry point for that op
# (typedflux.engine.primitive.entry), bound when its module in typedflux.ops is imported. To
# give Tensor a method for an op, name the method in the op's spec (methods=(...)) and call
# the op's entry here (docs/internals.md, "Add a Tensor method").
_add, _sub, _mul, _div, _pow, _neg, _abs = (
    entry(n) for n in ("add", "sub", "mul", "div", "pow", "neg", "abs")
)
_eq, _ne, _lt, _le, _gt, _ge = (entry(n) for n in ("eq", "ne", "lt", "le", "gt", "ge"))
_matmul, _getitem = entry("matmul"), entry("getitem")
_sum, _mean, _max, _min = (entry(n) for n in ("sum", "mean", "max", "min"))
_T, _reshape, _transpose = entry("T"), entry("reshape"), entry("transpose")
_swapaxes, _squeeze, _unsqueeze = entry("swapaxes"), entry("squeeze"), entry("unsqueeze")
# The ops engineer's methods (torch spellings of typedflux's ops).
_exp, _log, _sqrt, _sin, _cos = (entry(n) for n in ("exp", "log", "sqrt", "sin", "cos"))
_tanh, _sigmoid, _relu, _clamp = (entry(n) for n in ("tanh", "sigmoid", "relu", "clamp"))
_softmax, _logsoftmax, _var, _std = (entry(n) for n in ("softmax", "logsoftmax", "var", "std"))
_argmax, _argmin, _cumsum = (entry(n) for n in ("argmax", "argmin", "cumsum"))
_tril, _triu, _split, _chunk = (entry(n) for n in ("tril", "triu", "split", "chunk"))
_tile, _repeat, _interleave = (entry(n) for n in ("tile", "repeat", "repeat_interleave"))
_gather = entry("gather")


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

    def __lt__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _lt(self, y)

    def __le__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _le(self, y)

    def __gt__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _gt(self, y)

    def __ge__(self, y: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _ge(self, y)

    def __getitem__(self, key: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        return _getitem(self, key)

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
        return _sum(self, axis, keepdims)

    def mean(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Mean over ``axis`` (all axes by default).

        >>> import typedflux as tf
        >>> tf.arange(4.0).mean().item()
        1.5
        """
        return _mean(self, axis, keepdims)

    def max(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Maximum over ``axis``; its gradient splits evenly between tied maxima.

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).max(axis=0)
        Tensor[2] float32
        [7. 5.]
        """
        return _max(self, axis, keepdims)

    def min(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Minimum over ``axis``; its gradient splits evenly between tied minima.

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).min().item()
        1.0
        """
        return _min(self, axis, keepdims)

    def reshape(self, *shape: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """The same data with a new shape; one size may be ``-1`` (inferred).
        Sizes are separate ints or one tuple.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).reshape(2, -1).shape
        (2, 12)
        """
        return _reshape(self, dims_arg(shape))

    def transpose(self, *axes: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Permute axes (all reversed when none are given).

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).transpose(0, 2, 1).shape
        (2, 4, 3)
        """
        return _transpose(self, dims_arg(axes))

    def swapaxes(self, axis1: int, axis2: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Exchange two axes.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3, 4).swapaxes(0, -1).shape
        (4, 3, 2)
        """
        return _swapaxes(self, axis1, axis2)

    def squeeze(
        self, axis: Union[None, int, Tuple[int, ...]] = None
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Drop size-1 axes (all of them, or those named by ``axis``).

        >>> import typedflux as tf
        >>> tf.zeros(2, 1, 3).squeeze().shape
        (2, 3)
        """
        return _squeeze(self, axis)

    def unsqueeze(self, axis: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Insert a size-1 axis at ``axis``.

        >>> import typedflux as tf
        >>> tf.zeros(2, 3).unsqueeze(1).shape
        (2, 1, 3)
        """
        return _unsqueeze(self, axis)

    # -- elementwise maths, reductions and layout, as torch spells them (``x.exp()``) --------
    def abs(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``|x|`` elementwise (``tf.abs``, ``abs(x)``).

        >>> import typedflux as tf
        >>> tf.tensor([-2.0, 3.0]).abs()
        Tensor[2] float32
        [2. 3.]
        """
        return _abs(self)

    def exp(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``e**x`` elementwise (``tf.exp``).

        >>> import typedflux as tf
        >>> tf.zeros(2).exp()
        Tensor[2] float32
        [1. 1.]
        """
        return _exp(self)

    def log(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Natural logarithm elementwise (``tf.log``).

        >>> import typedflux as tf
        >>> tf.ones(2).log()
        Tensor[2] float32
        [0. 0.]
        """
        return _log(self)

    def sqrt(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Square root elementwise (``tf.sqrt``).

        >>> import typedflux as tf
        >>> tf.tensor([4.0, 9.0]).sqrt()
        Tensor[2] float32
        [2. 3.]
        """
        return _sqrt(self)

    def sin(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Sine elementwise (``tf.sin``).

        >>> import typedflux as tf
        >>> tf.zeros(2).sin()
        Tensor[2] float32
        [0. 0.]
        """
        return _sin(self)

    def cos(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Cosine elementwise (``tf.cos``).

        >>> import typedflux as tf
        >>> tf.zeros(2).cos()
        Tensor[2] float32
        [1. 1.]
        """
        return _cos(self)

    def tanh(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Hyperbolic tangent elementwise (``tf.tanh``).

        >>> import typedflux as tf
        >>> tf.zeros(2).tanh()
        Tensor[2] float32
        [0. 0.]
        """
        return _tanh(self)

    def sigmoid(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``1 / (1 + exp(-x))`` elementwise (``tf.sigmoid``).

        >>> import typedflux as tf
        >>> tf.zeros(2).sigmoid()
        Tensor[2] float32
        [0.5 0.5]
        """
        return _sigmoid(self)

    def relu(self) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``max(x, 0)`` elementwise (``tf.relu``).

        >>> import typedflux as tf
        >>> tf.tensor([-1.0, 2.0]).relu()
        Tensor[2] float32
        [0. 2.]
        """
        return _relu(self)

    def clamp(
        self, min: Optional[float] = None, max: Optional[float] = None  # noqa: A002
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Each element limited to ``[min, max]`` (``tf.clamp``).

        >>> import typedflux as tf
        >>> tf.tensor([-2.0, 0.5, 3.0]).clamp(min=0.0, max=1.0)
        Tensor[3] float32
        [0.  0.5 1. ]
        """
        return _clamp(self, min, max)

    def softmax(self, axis: int = -1) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``exp(x) / sum(exp(x), axis)``, stable (``tf.softmax``).

        >>> import typedflux as tf
        >>> tf.zeros(2).softmax()
        Tensor[2] float32
        [0.5 0.5]
        """
        return _softmax(self, axis)

    def logsoftmax(self, axis: int = -1) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """``x - logsumexp(x, axis)``, stable (``tf.logsoftmax``, torch's ``log_softmax``).

        >>> import typedflux as tf
        >>> round(tf.zeros(2).logsoftmax()[0].item(), 4)
        -0.6931
        """
        return _logsoftmax(self, axis)

    def var(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False,
        correction: int = 1,
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Variance over ``axis``, unbiased by default (``tf.var``).

        >>> import typedflux as tf
        >>> tf.tensor([1.0, 3.0]).var().item()
        2.0
        """
        return _var(self, axis, keepdims, correction)

    def std(
        self, axis: Union[None, int, Tuple[int, ...]] = None, keepdims: bool = False,
        correction: int = 1,
    ) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Standard deviation over ``axis``, unbiased by default (``tf.std``).

        >>> import typedflux as tf
        >>> round(tf.tensor([1.0, 3.0]).std().item(), 4)
        1.4142
        """
        return _std(self, axis, keepdims, correction)

    def argmax(self, axis: Optional[int] = None, keepdims: bool = False) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """int64 positions of the largest elements along ``axis`` (``tf.argmax``).

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).argmax(axis=1)
        Tensor[2] int64
        [1 0]
        """
        return _argmax(self, axis, keepdims)

    def argmin(self, axis: Optional[int] = None, keepdims: bool = False) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """int64 positions of the smallest elements along ``axis`` (``tf.argmin``).

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 5.0], [7.0, 2.0]]).argmin(axis=0)
        Tensor[2] int64
        [0 1]
        """
        return _argmin(self, axis, keepdims)

    def cumsum(self, axis: int) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Running sums along ``axis`` (``tf.cumsum``).

        >>> import typedflux as tf
        >>> tf.tensor([1.0, 2.0, 3.0]).cumsum(0)
        Tensor[3] float32
        [1. 3. 6.]
        """
        return _cumsum(self, axis)

    def tril(self, k: int = 0) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """The lower triangle of the last two axes (``tf.tril``).

        >>> import typedflux as tf
        >>> tf.ones(2, 2).tril()
        Tensor[2, 2] float32
        [[1. 0.]
         [1. 1.]]
        """
        return _tril(self, k)

    def triu(self, k: int = 0) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """The upper triangle of the last two axes (``tf.triu``).

        >>> import typedflux as tf
        >>> tf.ones(2, 2).triu(1)
        Tensor[2, 2] float32
        [[0. 1.]
         [0. 0.]]
        """
        return _triu(self, k)

    def split(self, sizes: Any, axis: int = -1) -> Tuple[Tensor[Unpack[Tuple[Any, ...]]], ...]:
        """A tuple of tensors, one per size, cut along ``axis`` (``tf.split``).

        >>> import typedflux as tf
        >>> [t.shape for t in tf.zeros(2, 5).split((2, 3))]
        [(2, 2), (2, 3)]
        """
        return _split(self, sizes, axis)  # type: ignore[return-value]

    def chunk(self, chunks: int, axis: int = -1) -> Tuple[Tensor[Unpack[Tuple[Any, ...]]], ...]:
        """``chunks`` equal parts of ``axis`` as a tuple of tensors (``tf.chunk``).

        >>> import typedflux as tf
        >>> [t.shape for t in tf.zeros(2, 6).chunk(3)]
        [(2, 2), (2, 2), (2, 2)]
        """
        return _chunk(self, chunks, axis)  # type: ignore[return-value]

    def tile(self, *reps: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Copies along each axis, counts lined up with the last axes (``tf.tile``).

        >>> import typedflux as tf
        >>> tf.ones(2, 3).tile(2).shape
        (2, 6)
        """
        return _tile(self, dims_arg(reps))

    def repeat(self, *counts: Any) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """torch's ``x.repeat``: a count for every axis, each axis copied whole (``tf.repeat``).

        >>> import typedflux as tf
        >>> tf.ones(2, 3).repeat(2, 1).shape
        (4, 3)
        """
        return _repeat(self, *counts)

    def repeat_interleave(self, repeats: int, axis: Optional[int] = None) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """Each element ``repeats`` times in a row along ``axis`` (``tf.repeat_interleave``).

        >>> import typedflux as tf
        >>> tf.tensor([1.0, 2.0]).repeat_interleave(2)
        Tensor[4] float32
        [1. 1. 2. 2.]
        """
        return _interleave(self, repeats, axis)

    def gather(self, axis: int, index: TensorLike) -> Tensor[Unpack[Tuple[Any, ...]]]:
        """torch's ``x.gather(dim, index)`` (``tf.gather``).

        >>> import typedflux as tf
        >>> tf.tensor([[1.0, 2.0], [3.0, 4.0]]).gather(1, tf.tensor([[1], [0]]))
        Tensor[2, 1] float32
        [[2.]
         [3.]]
        """
        return _gather(self, axis, index)


def _rebuild(data: Array) -> Tensor[Unpack[Tuple[Any, ...]]]:
    t: Tensor[Unpack[Tuple[Any, ...]]] = Tensor.__new__(Tensor)
    t.data = data
    t._tape = None
    return t


TensorLike = Union[Tensor[Unpack[Tuple[Any, ...]]], float, int]
"""A Tensor operand: a Tensor of any shape, or a Python number (shape ``()``)."""

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]
"""A tensor of unknown shape: what operators return before the plugin refines them."""
