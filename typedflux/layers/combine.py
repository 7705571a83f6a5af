"""Layers that combine several inputs or branches: Bilinear (two inputs), Maxout (the
elementwise maximum of its branches) and PairwiseFusion (a chain of branches fused with
the next input).

>>> import typedflux as tf
>>> Bilinear(4, 3, 2)(tf.ones(5, 4), tf.ones(5, 3)).shape
(5, 2)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Generic, Optional, Tuple, Union

from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.layers.core import Layer, glorot_uniform, zeros32
from typedflux.ops.bilinear_nn import bilinear
from typedflux.ops.nn import identity
from typedflux.shapes.layer_spec import Shape
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["Bilinear"]

In1 = TypeVar("In1", bound=int, default=Any)
In2 = TypeVar("In2", bound=int, default=Any)
Out = TypeVar("Out", bound=int, default=Any)
Bs = TypeVarTuple("Bs")

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

# Per-layer memo size for the two-input check (as Layer.check's).
_MEMO_LIMIT = 64


class Bilinear(Layer, Generic[In1, In2, Out]):
    """``Bilinear(in1, in2, out, activation=identity, bias=True)``: ``b(x, y)`` maps
    ``Tensor[*Bs, in1]`` and ``Tensor[*Bs, in2]`` to ``Tensor[*Bs, out]``,
    ``z[..., o] = activation(sum_ij x[..., i] * weight[o, i, j] * y[..., j] + bias[o])``.
    ``b(x)`` is ``b(x, x)`` and ``b((x, y))`` is ``b(x, y)``, so it can join a
    ``SkipConnection`` (``connection(layer(x), x)``).

    Flux's ``Bilinear((in1, in2) => out)`` (and PyTorch's ``nn.Bilinear(in1, in2, out)``).

    - ``weight``: ``Tensor[out, in1, in2]`` (Flux's and PyTorch's layout), Glorot-uniform
      as Flux initialises it.
    - ``bias``: ``Tensor[out]`` zeros (None with ``bias=False``).

    >>> import typedflux as tf
    >>> b = Bilinear(5, 3, 7, tf.tanh)
    >>> b, b(tf.ones(4, 5), tf.ones(4, 3)).shape, Bilinear(5, 5, 2)(tf.ones(4, 5)).shape
    (Bilinear((5, 3) => 7, tanh), (4, 7), (4, 2))
    >>> b(tf.ones(4, 5), tf.ones(4, 2))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Bilinear((5, 3) => 7, tanh) expects inputs Tensor[..., 5] and Tensor[..., 3], got Tensor[4, 5] and Tensor[4, 2]; need size 3 at axis -1 of y (got 2)
    """

    spec = LAYERS["Bilinear"]

    weight: AnyTensor
    bias: Optional[AnyTensor]

    def __init__(
        self,
        in1: int,
        in2: int,
        out: int,
        activation: Callable[..., Any] = identity,
        bias: bool = True,
    ) -> None:
        a = self._configure(in1, in2, out, activation, bias)
        self.weight = glorot_uniform(a["out"], a["in1"], a["in2"])
        self.bias = zeros32(a["out"]) if a["bias"] else None
        self.activation = activation

    def _arguments(self) -> Tuple[Any, ...]:
        out, in1, in2 = self.weight.shape
        return (in1, in2, out, self.activation, self.bias is not None)

    def output_shape(self, shape: Shape) -> Shape:
        """The output shape for one input shape (``b(x)`` is ``b(x, x)``)."""
        return self.config.call([tuple(shape)])

    def _check2(self, x: Any, y: Any) -> Shape:
        """The layer rule on both inputs' shapes (memoised per layer, as ``check``)."""
        sx, sy = self._shape_of(x), self._shape_of(y)
        key = (self._key(), sx, sy)
        memo: Optional[Dict[Any, Shape]] = self.__dict__.get("_memo2")
        if memo is None:
            memo = self.__dict__["_memo2"] = {}
        try:
            out = memo.get(key)
        except TypeError:  # an unhashable activation: no memo
            return self.config.call([sx, sy])
        if out is None:
            out = self.config.call([sx, sy])
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = out
        return out

    def __call__(
        self,
        x: Union[Tensor[Unpack[Bs], In1], Tuple[AnyTensor, AnyTensor]],
        y: Optional[Tensor[Unpack[Bs], In2]] = None,
    ) -> Tensor[Unpack[Bs], Out]:
        a: Any = x
        b: Any = y
        if b is None and isinstance(a, tuple):
            if len(a) != 2:
                raise TypeError(f"{self!r} takes two inputs (x, y) in a tuple, got {len(a)}")
            a, b = a
        if b is None:
            self.check(a)
            b = a
        else:
            self._check2(a, b)
        z = bilinear(a, b, self.weight, self.bias if self.bias is not None else 0.0)
        if self.activation is not identity:
            z = self.activation(z)
        return z
