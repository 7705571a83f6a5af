"""Normalisation layers: BatchNorm (per channel, axis 1), GroupNorm and InstanceNorm (per
sample, over channel blocks / each channel) and LayerNorm (last axis).

>>> import typedflux as tf
>>> BatchNorm(8), LayerNorm(32), GroupNorm(32, 8), InstanceNorm(3)
(BatchNorm(8), LayerNorm(32), GroupNorm(32, 8), InstanceNorm(3))
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Optional, Tuple

import numpy as np
from typing_extensions import TypeVar, TypeVarTuple, Unpack

from typedflux.layers.core import Layer, active, ones32, zeros32
from typedflux.ops import layers_nn as F
from typedflux.ops import norms_nn as N
from typedflux.ops.nn import identity
from typedflux.shapes.layers import LAYERS
from typedflux.tensor import Tensor

__all__ = ["BatchNorm", "LayerNorm", "GroupNorm", "InstanceNorm"]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
C = TypeVar("C", bound=int, default=Any, covariant=True)
G = TypeVar("G", bound=int, default=Any, covariant=True)
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


class GroupNorm(Layer, Generic[C, G]):
    """``GroupNorm(channels, groups, activation=identity, affine=True, eps=1e-5)``:
    ``Tensor[B, C, *S] -> Tensor[B, C, *S]``,
    ``y = activation(weight * (x - mean) / sqrt(var + eps) + bias)``, the statistics of each
    sample over each block of ``C/groups`` channels and all of ``S``. ``groups`` must divide
    ``channels`` (checked where the layer is built, by mypy too).

    Flux's argument order (PyTorch's ``nn.GroupNorm(num_groups, num_channels)`` is the
    other way round). No running statistics: train and test mode compute the same.

    - ``weight`` (ones), ``bias`` (zeros): ``Tensor[C]``, trainable; ``None`` with
      ``affine=False``.

    >>> import typedflux as tf
    >>> gn = GroupNorm(4, 2)
    >>> y = gn(tf.tensor([[[1.0], [3.0], [10.0], [30.0]]]))
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [-1.0, 1.0, -1.0, 1.0]
    >>> GroupNorm(6, 4)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerArgumentError: Invalid arguments for "GroupNorm": channels = 6, groups = 4; need channels divisible by groups (6 % 4 = 2)
    """

    spec = LAYERS["GroupNorm"]

    weight: Optional[Tensor[C]]
    bias: Optional[Tensor[C]]

    def __init__(
        self,
        channels: int,
        groups: int,
        activation: Callable[..., Any] = identity,
        affine: bool = True,
        eps: float = 1e-5,
    ) -> None:
        a = self._configure(channels, groups, activation, affine, eps)
        c = a["channels"]
        self.channels: int = c
        self.groups: int = a["groups"]
        self.weight = ones32(c) if a["affine"] else None
        self.bias = zeros32(c) if a["affine"] else None
        self.activation = activation
        self.eps = eps

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.channels, self.groups, self.activation, self.weight is not None,
                self.eps)

    def __call__(self, x: Tensor[B, Cx, Unpack[Rest]]) -> Tensor[B, Cx, Unpack[Rest]]:
        self.check(x)
        w = self.weight if self.weight is not None else 1.0
        b = self.bias if self.bias is not None else 0.0
        y = N.groupnorm(x, w, b, self.groups, self.eps)
        if self.activation is not identity:
            y = self.activation(y)
        return y


class InstanceNorm(Layer, Generic[C]):
    """``InstanceNorm(channels, activation=identity, affine=False, track_stats=False,
    eps=1e-5, momentum=0.1)``: ``Tensor[B, C, H, ...] -> Tensor[B, C, H, ...]``,
    ``y = activation(weight * (x - mean) / sqrt(var + eps) + bias)``, the statistics of each
    sample and channel over the spatial axes (at least one).

    Flux's defaults, which are PyTorch's ``nn.InstanceNorm2d``'s too: no affine part, no
    running statistics.

    - ``affine=True``: ``weight`` (ones), ``bias`` (zeros) ``Tensor[C]``, trainable (else
      ``None``).
    - ``track_stats=True``: buffers ``running_mean`` (zeros) and ``running_var`` (ones)
      ``Tensor[C]``; while active, each call moves them towards the batch's mean of the
      instance means and of the unbiased instance variances by ``momentum``, and an inactive
      layer normalises with them (as BatchNorm). Without it every mode uses the instance
      statistics.
    - ``training``: ``None`` ("auto": active while a gradient is taken), ``True``/``False``
      (``tf.trainmode``/``tf.testmode`` set it).

    >>> import typedflux as tf
    >>> y = InstanceNorm(1)(tf.tensor([[[1.0, 3.0]]]))
    >>> [round(v, 3) for v in y.numpy().ravel().tolist()]
    [-1.0, 1.0]
    >>> InstanceNorm(2, affine=True, track_stats=True)
    InstanceNorm(2, affine=True, track_stats=True)
    """

    spec = LAYERS["InstanceNorm"]
    _buffers = ("running_mean", "running_var")

    weight: Optional[Tensor[C]]
    bias: Optional[Tensor[C]]
    running_mean: Optional[Tensor[C]]
    running_var: Optional[Tensor[C]]

    def __init__(
        self,
        channels: int,
        activation: Callable[..., Any] = identity,
        affine: bool = False,
        track_stats: bool = False,
        eps: float = 1e-5,
        momentum: float = 0.1,
        training: Optional[bool] = None,
    ) -> None:
        a = self._configure(channels, activation, affine, track_stats, eps, momentum,
                            training)
        c = a["channels"]
        self.channels: int = c
        self.weight = ones32(c) if a["affine"] else None
        self.bias = zeros32(c) if a["affine"] else None
        self.running_mean = zeros32(c) if a["track_stats"] else None
        self.running_var = ones32(c) if a["track_stats"] else None
        self.activation = activation
        self.eps = eps
        self.momentum = momentum
        self.training = training

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.channels, self.activation, self.weight is not None,
                self.running_mean is not None, self.eps, self.momentum, self.training)

    def _key(self) -> Any:
        return (self.channels, self.activation, self.weight is not None,
                self.running_mean is not None)

    def __call__(self, x: Tensor[B, Cx, Unpack[Rest]]) -> Tensor[B, Cx, Unpack[Rest]]:
        self.check(x)
        training = active(self.training)
        rm, rv = self.running_mean, self.running_var
        if rm is not None and rv is not None and not training:
            # Test mode with tracked statistics: a fixed per-channel affine map.
            w: Any = self.weight if self.weight is not None else Tensor(np.ones_like(rv.data))
            b: Any = self.bias if self.bias is not None else Tensor(np.zeros_like(rm.data))
            y = F.batchnorm(x, w, b, rm, rv, False, self.eps)
        else:
            w = self.weight if self.weight is not None else 1.0
            b = self.bias if self.bias is not None else 0.0
            y = N.groupnorm(x, w, b, self.channels, self.eps)
            if rm is not None and rv is not None and training:
                self._update_stats(x, rm, rv)
        if self.activation is not identity:
            y = self.activation(y)
        return y

    def _update_stats(self, x: Any, rm: Any, rv: Any) -> None:
        # State, not part of the gradient (as BatchNorm's): plain numpy on the input's values.
        data = x.data if isinstance(x, Tensor) else np.asarray(x)
        if data.size == 0:
            return  # an empty batch says nothing about the statistics
        flat = data.reshape(data.shape[0], data.shape[1], -1)
        m = flat.shape[-1]
        mean = flat.mean(axis=(0, 2))
        var = (flat.var(axis=2, ddof=1).mean(axis=0) if m > 1
               else np.zeros_like(mean))
        mo = self.momentum
        rm.data[...] = (1 - mo) * rm.data + mo * mean
        rv.data[...] = (1 - mo) * rv.data + mo * var
