"""Normalisation layers: BatchNorm (per channel, axis 1) and LayerNorm (last axis).

>>> import typedflux as tf
>>> BatchNorm(8), LayerNorm(32)
(BatchNorm(8), LayerNorm(32))
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Optional, Tuple

import numpy as np
from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.layers.core import Layer, active, ones32, zeros32
from typedflux.ops import layers_nn as F
from typedflux.ops.nn import identity
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["BatchNorm", "LayerNorm"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
C = TypeVar("C", bound=int, default=Any, covariant=True)
D = TypeVar("D", bound=int, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
# The input's own sizes: a norm returns exactly its input's type (the sizes the layer
# requires are checked by its layer rule, at run time and by the plugin).
Cx = TypeVar("Cx", bound=int)
Dx = TypeVar("Dx", bound=int)
Bs = TypeVarTuple("Bs")
Rest = TypeVarTuple("Rest")


class BatchNorm(Layer, Generic[C]):
    """``BatchNorm(channels, activation=identity, eps=1e-5, momentum=0.1)``:
    ``Tensor[B, C, *S] -> Tensor[B, C, *S]``,
    ``y = activation(weight * (x - mean) / sqrt(var + eps) + bias)`` per channel (axis 1).

    - ``weight`` (ones), ``bias`` (zeros): ``Tensor[C]``, trainable.
    - ``running_mean`` (zeros), ``running_var`` (ones): ``Tensor[C]`` buffers (saved, never
      trained): while active, each call moves them towards the batch mean and unbiased
      variance by ``momentum`` (PyTorch's and Flux's rule).
    - ``training``: ``None`` (default, "auto") uses batch statistics only while a gradient
      is being taken and the running statistics otherwise; ``True``/``False`` force it
      (``tf.trainmode``/``tf.testmode`` set this).

    >>> import typedflux as tf
    >>> bn = BatchNorm(2)
    >>> y = bn(tf.tensor([[1.0, 2.0], [3.0, 6.0]]))  # not training: running stats (0, 1)
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [1.0, 2.0, 3.0, 6.0]
    """

    spec = LAYERS["BatchNorm"]
    _buffers = ("running_mean", "running_var")

    weight: Tensor[C]
    bias: Tensor[C]
    running_mean: Tensor[C]
    running_var: Tensor[C]

    def __init__(
        self,
        channels: int,
        activation: Callable[..., Any] = identity,
        eps: float = 1e-5,
        momentum: float = 0.1,
        training: Optional[bool] = None,
    ) -> None:
        c = self._configure(channels, activation, eps, momentum, training)["channels"]
        self.weight = ones32(c)
        self.bias = zeros32(c)
        self.running_mean = zeros32(c)
        self.running_var = ones32(c)
        self.activation = activation
        self.eps = eps
        self.momentum = momentum
        self.training = training

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.weight.shape[0], self.activation, self.eps, self.momentum, self.training)

    def _key(self) -> Any:
        return (self.weight.shape, self.activation)

    def __call__(self, x: Tensor[B, Cx, Unpack[Rest]]) -> Tensor[B, Cx, Unpack[Rest]]:
        self.check(x)
        training = active(self.training)
        y = F.batchnorm(x, self.weight, self.bias, self.running_mean, self.running_var,
                        training, self.eps)
        if training:
            self._update_stats(x)
        if self.activation is not identity:
            y = self.activation(y)
        return y

    def _update_stats(self, x: Any) -> None:
        # State, not part of the gradient: plain numpy on the input's values, written in
        # place into arrays only this layer owns.
        data = x.data if isinstance(x, Tensor) else np.asarray(x)
        axes = (0,) + tuple(range(2, data.ndim))
        m = data.size // data.shape[1]
        mean = data.mean(axis=axes)
        var = data.var(axis=axes, ddof=1) if m > 1 else np.zeros_like(mean)
        mo = self.momentum
        rm, rv = self.running_mean.data, self.running_var.data
        rm[...] = (1 - mo) * rm + mo * mean
        rv[...] = (1 - mo) * rv + mo * var


class LayerNorm(Layer, Generic[D]):
    """``LayerNorm(d, eps=1e-5)``: ``Tensor[*Bs, d] -> Tensor[*Bs, d]``,
    ``y = weight * (x - mean) / sqrt(var + eps) + bias`` over the last axis.

    - ``weight`` (ones), ``bias`` (zeros): ``Tensor[d]``.

    >>> import typedflux as tf
    >>> y = LayerNorm(2)(tf.tensor([[1.0, 3.0]]))
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [-1.0, 1.0]
    """

    spec = LAYERS["LayerNorm"]
    weight: Tensor[D]
    bias: Tensor[D]

    def __init__(self, d: int, eps: float = 1e-5) -> None:
        n = self._configure(d, eps)["d"]
        self.weight = ones32(n)
        self.bias = zeros32(n)
        self.eps = eps

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.weight.shape[0], self.eps)

    def _key(self) -> Any:
        return self.weight.shape

    def __call__(self, x: Tensor[Unpack[Bs], Dx]) -> Tensor[Unpack[Bs], Dx]:
        self.check(x)
        return F.layernorm(x, self.weight, self.bias, self.eps)
