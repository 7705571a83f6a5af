"""``TensorMethods``: the methods of :class:`~typedflux.tensor.Tensor` that run an op
(``x.sum()``, ``x.reshape(...)``, ``x.exp()``, as torch spells them), a base class of Tensor.

Each method calls its op's registry entry point (typedflux.engine.primitive.entry) with its
parameters in the op's spec order; the methods written here are the ones that run (Tensor
inherits them; docs/internals.md, "Add a Tensor method"). Tensor itself (typedflux/tensor.py)
keeps the data, the properties and the operators.

>>> import typedflux as tf
>>> tf.ones(2, 3).sum(axis=1)
Tensor[2] float32
[3. 3.]
>>> tf.Tensor.sum is TensorMethods.sum
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple, Union

from typing_extensions import Unpack

from typedflux.engine.operands import dims_arg
from typedflux.engine.primitive import entry

if TYPE_CHECKING:
    from typedflux.tensor import Tensor, TensorLike

__all__ = ["TensorMethods"]

# Each op's entry point, by name, made once (a method calls it directly).
_abs = entry("abs")
_argmax = entry("argmax")
_argmin = entry("argmin")
_chunk = entry("chunk")
_clamp = entry("clamp")
_cos = entry("cos")
_cumsum = entry("cumsum")
_exp = entry("exp")
_gather = entry("gather")
_interleave = entry("repeat_interleave")
_log = entry("log")
_logsoftmax = entry("logsoftmax")
_max = entry("max")
_mean = entry("mean")
_min = entry("min")
_relu = entry("relu")
_repeat = entry("repeat")
_reshape = entry("reshape")
_sigmoid = entry("sigmoid")
_sin = entry("sin")
_softmax = entry("softmax")
_split = entry("split")
_sqrt = entry("sqrt")
_squeeze = entry("squeeze")
_std = entry("std")
_sum = entry("sum")
_swapaxes = entry("swapaxes")
_tanh = entry("tanh")
_tile = entry("tile")
_transpose = entry("transpose")
_tril = entry("tril")
_triu = entry("triu")
_unsqueeze = entry("unsqueeze")
_var = entry("var")


class TensorMethods:
    """The methods ``Tensor`` inherits that run an op: reductions (``sum``, ``mean``, ...),
    layout (``reshape``, ``transpose``, ...) and elementwise maths (``exp``, ``relu``, ...).

    >>> import typedflux as tf
    >>> tf.zeros(2, 3, 4).reshape(2, -1).shape
    (2, 12)
    """

    __slots__ = ()

    # -- reductions and layout (parameter names are the spec's argument names) --------------
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
