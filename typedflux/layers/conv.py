"""Convolution and pooling layers over NCHW images: Conv, ConvTranspose, MaxPool, MeanPool,
GlobalMaxPool, GlobalMeanPool, AdaptiveMeanPool.

Output sizes come from :mod:`typedflux.shapes.windows` (the formulas the mypy plugin uses):
``H' = (H + 2*pad - dilation*(k-1) - 1)//stride + 1`` for Conv and pools,
``H' = (H-1)*stride - 2*pad + dilation*(k-1) + 1`` for ConvTranspose. The ``Cfg`` type
parameter of Conv/ConvTranspose/MaxPool/MeanPool holds the canonical window text
(``window_text``), so the plugin can rebuild the layer's config from its type.

>>> import typedflux as tf
>>> model = tf.Chain(Conv((3, 3), 1, 8, tf.relu), MaxPool((2, 2)), tf.Flatten(), tf.Dense(1352, 10))
>>> model(tf.ones(2, 1, 28, 28)).shape
(2, 10)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Generic, Literal, Optional, Sequence, Tuple, Union

from typing_extensions import TypeVar, Unpack

from typedflux.layers.core import Layer, fused_activation, glorot_uniform, zeros32
from typedflux.ops import conv_groups as G
from typedflux.ops import layers_nn as F
from typedflux.ops.nn import identity
from typedflux.shapes.layers import LAYERS, Window
from typedflux.tensor import Tensor

__all__ = [
    "Conv",
    "ConvTranspose",
    "MaxPool",
    "MeanPool",
    "GlobalMaxPool",
    "GlobalMeanPool",
    "AdaptiveMeanPool",
]

# Size parameters are covariant: a list of layers of several sizes ([Dense(4, 8),
# Dense(8, 2)]) joins to one with unknown sizes (Dense[int, int]), not to object.
In = TypeVar("In", bound=int, default=Any, covariant=True)
Out = TypeVar("Out", bound=int, default=Any, covariant=True)
Cfg = TypeVar("Cfg", bound=str, default=Any, covariant=True)
B = TypeVar("B", bound=int, default=Any)
C = TypeVar("C", bound=int, default=Any)
H = TypeVar("H", bound=int, default=Any)
W = TypeVar("W", bound=int, default=Any)
OH = TypeVar("OH", bound=int, default=Any, covariant=True)
OW = TypeVar("OW", bound=int, default=Any, covariant=True)

IntOrPair = Union[int, Sequence[int]]
# An int, an (h, w) pair, a 4-tuple (top, bottom, left, right), or "same" (Flux's SamePad()).
Padding = Union[int, Sequence[int], str]
AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]


class Conv(Layer, Generic[In, Out, Cfg]):
    """``Conv(kernel, in_ch, out_ch, activation=identity, stride=1, pad=0, dilation=1,
    bias=True, groups=1)``: ``Tensor[B, in, H, W] -> Tensor[B, out, H', W']`` with
    ``H' = (H + top + bottom - dilation*(kh-1) - 1)//stride + 1``;
    ``y[:, block g] = act(conv(x[:, block g], weight[block g]) + bias)`` over ``groups``
    channel blocks.

    Cross-correlation (as PyTorch and Flux's ``Conv`` after its kernel flip convention) by
    im2col and one GEMM (one batched GEMM over the groups).

    - ``weight``: ``Tensor[out, in/groups, kh, kw]`` (PyTorch layout), Glorot-uniform.
    - ``bias``: ``Tensor[out]`` zeros (None with ``bias=False``).
    - ``kernel``, ``stride``, ``dilation``: an int or an (h, w) pair.
    - ``pad``: an int, an (h, w) pair, a 4-tuple ``(top, bottom, left, right)`` (Flux's
      order on NCHW's axes), or ``"same"`` (Flux's ``SamePad()``: output ``ceil(H/stride)``;
      an odd total goes before, so ``Conv((2, 2), ...)`` pads ``(1, 0, 1, 0)``; the layer
      holds and prints the resolved padding, as Flux does).
    - ``groups``: channel blocks convolved independently (``groups = in`` is a depthwise
      conv); must divide ``in`` and ``out``.

    >>> import typedflux as tf
    >>> c = Conv((3, 3), 1, 8, tf.relu, stride=2, pad=1)
    >>> c, c(tf.ones(16, 1, 28, 28)).shape
    (Conv((3, 3), 1 => 8, relu, stride=2, pad=1), (16, 8, 14, 14))
    >>> depthwise = Conv((2, 2), 8, 8, pad="same", groups=8)
    >>> depthwise, depthwise.weight.shape, depthwise(tf.ones(2, 8, 5, 5)).shape
    (Conv((2, 2), 8 => 8, pad=(1, 0, 1, 0), groups=8), (8, 1, 2, 2), (2, 8, 5, 5))
    >>> Conv((3, 3), 3, 8)(tf.ones(16, 1, 28, 28))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerInputError: Conv((3, 3), 3 => 8) expects input Tensor[B, 3, H, W], got Tensor[16, 1, 28, 28]; need size 3 at axis 1 (got 1)
    >>> Conv((3, 3), 6, 8, groups=4)
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.LayerArgumentError: Invalid arguments for "Conv": in_channels = 6, groups = 4; need in_channels divisible by groups (6 % 4 = 2)
    """

    spec = LAYERS["Conv"]
    weight: AnyTensor
    bias: Optional[AnyTensor]
    _fuses = True  # identity/relu/tanh/sigmoid run inside the conv primitive

    def __init__(
        self,
        kernel: IntOrPair,
        in_channels: int,
        out_channels: int,
        activation: Callable[..., Any] = identity,
        stride: IntOrPair = 1,
        pad: Padding = 0,
        dilation: IntOrPair = 1,
        bias: bool = True,
        groups: int = 1,
    ) -> None:
        self._set(kernel, in_channels, out_channels, activation, stride, pad, dilation, bias,
                  groups)

    def _set(self, *args: Any) -> Dict[str, Any]:
        # The config resolves ``pad="same"`` from the kernel, stride and dilation.
        cfg, a = type(self).spec.configure(args)
        self._window: Window = cfg.window  # type: ignore[attr-defined]
        self.groups: int = a["groups"]
        kh, kw = self._window.kernel
        self.weight = self._init_weight(a["in_channels"], a["out_channels"], kh, kw)
        self.bias = zeros32(a["out_channels"]) if a["bias"] else None
        self.activation = args[3]
        return a

    def _init_weight(self, cin: int, cout: int, kh: int, kw: int) -> AnyTensor:
        return glorot_uniform(cout, cin // self.groups, kh, kw)

    @property
    def window(self) -> Window:
        """Kernel, stride, pad and dilation as (h, w) pairs.

        >>> import typedflux as tf
        >>> tf.Conv((3, 3), 1, 4, stride=2).window.stride
        (2, 2)
        """
        return self._window

    @property
    def cfg_text(self) -> str:
        """The canonical window config text (the ``Cfg`` type argument).

        >>> Conv(3, 1, 2).cfg_text
        'kernel=3x3 stride=1x1 pad=0x0 dilation=1x1'
        """
        return self.window.text()

    def _channels(self) -> Tuple[int, int]:
        out, cin = self.weight.shape[:2]
        return cin * self.groups, out

    def _pad_argument(self) -> Any:
        w = self._window
        return w.pad if w.symmetric else w.pads

    def _arguments(self) -> Tuple[Any, ...]:
        cin, cout = self._channels()
        w = self._window
        return (w.kernel, cin, cout, self.activation, w.stride, self._pad_argument(),
                w.dilation, self.bias is not None, self.groups)

    def _plain(self) -> bool:
        """Whether the plain conv primitive serves (one group, symmetric padding)."""
        return self.groups == 1 and self._window.symmetric

    def _apply(self, x: Any, b: Any, activation: str) -> AnyTensor:
        w = self.window
        if self._plain():
            return F.conv2d(x, self.weight, b, w.stride, w.pad, w.dilation, activation)
        return G.conv2d_grouped(x, self.weight, b, w.stride, w.pads, w.dilation, self.groups)

    def __call__(self, x: Tensor[B, In, H, W]) -> Tensor[B, Out, Any, Any]:
        self.check(x)
        b = self.bias if self.bias is not None else 0.0
        fused = fused_activation(self.activation) if self._fuses and self._plain() else None
        y = self._apply(x, b, fused or "identity")
        if fused is None and self.activation is not identity:
            y = self.activation(y)
        return y


class ConvTranspose(Conv[In, Out, Cfg]):
    """``ConvTranspose(kernel, in_ch, out_ch, activation=identity, stride=1, pad=0,
    dilation=1, bias=True, groups=1, outpad=0)``: ``Tensor[B, in, H, W] -> Tensor[B, out,
    H', W']`` with ``H' = (H-1)*stride - top - bottom + dilation*(kh-1) + 1 + outpad`` (the
    adjoint of a Conv: upsampling).

    - ``weight``: ``Tensor[in, out/groups, kh, kw]`` (PyTorch's ConvTranspose2d layout).
    - ``pad``: as for :class:`Conv`; ``"same"`` gives ``H*stride`` (Flux's ``SamePad()``:
      ``dilation*(k - stride)`` in all, so it needs ``kernel >= stride``).
    - ``outpad`` (Flux's name; PyTorch's ``output_padding``): rows and columns added after
      the last (an int or an (h, w) pair, each below ``max(stride, dilation)``), to undo a
      strided Conv whose input size the stride does not divide.
    - ``groups``: as for :class:`Conv`.

    >>> import typedflux as tf
    >>> up = ConvTranspose((4, 4), 8, 1, stride=2, pad=1)
    >>> up, up(tf.ones(2, 8, 7, 7)).shape
    (ConvTranspose((4, 4), 8 => 1, stride=2, pad=1), (2, 1, 14, 14))
    >>> ConvTranspose((3, 3), 8, 4, stride=2, pad=1, outpad=1)(tf.ones(2, 8, 7, 7)).shape
    (2, 4, 14, 14)
    """

    spec = LAYERS["ConvTranspose"]

    def __init__(
        self,
        kernel: IntOrPair,
        in_channels: int,
        out_channels: int,
        activation: Callable[..., Any] = identity,
        stride: IntOrPair = 1,
        pad: Padding = 0,
        dilation: IntOrPair = 1,
        bias: bool = True,
        groups: int = 1,
        outpad: IntOrPair = 0,
    ) -> None:
        a = self._set(kernel, in_channels, out_channels, activation, stride, pad, dilation,
                      bias, groups, outpad)
        self.outpad: Tuple[int, int] = a["outpad"]

    def _init_weight(self, cin: int, cout: int, kh: int, kw: int) -> AnyTensor:
        return glorot_uniform(cin, cout // self.groups, kh, kw)

    def _channels(self) -> Tuple[int, int]:
        cin, out = self.weight.shape[:2]
        return cin, out * self.groups

    def _arguments(self) -> Tuple[Any, ...]:
        return super()._arguments() + (self.outpad,)

    def _plain(self) -> bool:
        return super()._plain() and self.outpad == (0, 0)

    _fuses = False  # the transposed conv applies its activation as a separate op

    def _apply(self, x: Any, b: Any, activation: str) -> AnyTensor:
        w = self.window
        if self._plain():
            return F.conv_transpose2d(x, self.weight, b, w.stride, w.pad, w.dilation)
        return G.conv_transpose2d_grouped(x, self.weight, b, w.stride, w.pads, w.dilation,
                                          self.groups, self.outpad)


class MaxPool(Layer, Generic[Cfg]):
    """``MaxPool(window, stride=window, pad=0)``: ``Tensor[B, C, H, W] -> Tensor[B, C, H',
    W']``, the maximum of each window (padding never wins). The gradient goes to the first
    maximum of each window.

    >>> import typedflux as tf
    >>> MaxPool((2, 2)), MaxPool((2, 2))(tf.ones(16, 8, 26, 26)).shape
    (MaxPool((2, 2)), (16, 8, 13, 13))
    >>> MaxPool((3, 3), stride=2, pad=1)
    MaxPool((3, 3), stride=2, pad=1)
    """

    spec = LAYERS["MaxPool"]

    def __init__(self, window: IntOrPair, stride: Optional[IntOrPair] = None,
                 pad: IntOrPair = 0) -> None:
        a = self._configure(window, stride, pad)
        k = a["window"]
        self._window = Window(k, k if a["stride"] is None else a["stride"], a["pad"])

    @property
    def window(self) -> Window:
        """Kernel, stride, pad and dilation as (h, w) pairs.

        >>> import typedflux as tf
        >>> tf.MaxPool((2, 2)).window.kernel
        (2, 2)
        """
        return self._window

    @property
    def cfg_text(self) -> str:
        """The canonical window config text (the ``Cfg`` type argument).

        >>> MaxPool(2).cfg_text
        'kernel=2x2 stride=2x2 pad=0x0 dilation=1x1'
        """
        return self.window.text()

    def _arguments(self) -> Tuple[Any, ...]:
        w = self._window
        return (w.kernel, w.stride, w.pad)

    def _apply(self, x: Any) -> AnyTensor:
        w = self.window
        return F.maxpool2d(x, w.kernel, w.stride, w.pad)

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, Any, Any]:
        self.check(x)
        return self._apply(x)


class MeanPool(MaxPool[Cfg]):
    """``MeanPool(window, stride=window, pad=0)``: ``Tensor[B, C, H, W] -> Tensor[B, C, H',
    W']``, the mean of each window (padding counts as zeros).

    >>> import typedflux as tf
    >>> MeanPool((2, 2))(tf.ones(1, 1, 4, 4)).numpy().ravel().tolist()
    [1.0, 1.0, 1.0, 1.0]
    """

    spec = LAYERS["MeanPool"]

    def _apply(self, x: Any) -> AnyTensor:
        w = self.window
        return F.meanpool2d(x, w.kernel, w.stride, w.pad)


class GlobalMaxPool(Layer):
    """``GlobalMaxPool()``: ``Tensor[B, C, H, W] -> Tensor[B, C, 1, 1]``, the maximum over
    all spatial positions.

    >>> import typedflux as tf
    >>> GlobalMaxPool(), GlobalMaxPool()(tf.ones(2, 3, 5, 5)).shape
    (GlobalMaxPool(), (2, 3, 1, 1))
    """

    spec = LAYERS["GlobalMaxPool"]

    def __init__(self) -> None:
        self._configure()

    def _arguments(self) -> Tuple[Any, ...]:
        return ()

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, Literal[1], Literal[1]]:
        self.check(x)
        axes = tuple(range(2, len(x.shape)))
        return x.max(axis=axes, keepdims=True)


class GlobalMeanPool(GlobalMaxPool):
    """``GlobalMeanPool()``: ``Tensor[B, C, H, W] -> Tensor[B, C, 1, 1]``, the mean over all
    spatial positions.

    >>> import typedflux as tf
    >>> GlobalMeanPool()(tf.ones(2, 3, 5, 5)).shape
    (2, 3, 1, 1)
    """

    spec = LAYERS["GlobalMeanPool"]

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, Literal[1], Literal[1]]:
        self.check(x)
        axes = tuple(range(2, len(x.shape)))
        return x.mean(axis=axes, keepdims=True)


class AdaptiveMeanPool(Layer, Generic[OH, OW]):
    """``AdaptiveMeanPool((oh, ow))``: ``Tensor[B, C, H, W] -> Tensor[B, C, oh, ow]`` for any
    ``H >= oh``, ``W >= ow``: a mean pool with stride ``H//oh`` and window
    ``H - (oh-1)*stride`` (Flux's rule).

    >>> import typedflux as tf
    >>> AdaptiveMeanPool((5, 5)), AdaptiveMeanPool((5, 5))(tf.ones(2, 3, 12, 13)).shape
    (AdaptiveMeanPool((5, 5)), (2, 3, 5, 5))
    """

    spec = LAYERS["AdaptiveMeanPool"]

    def __init__(self, out_hw: IntOrPair) -> None:
        self.out: Tuple[int, int] = self._configure(out_hw)["out_hw"]

    def _arguments(self) -> Tuple[Any, ...]:
        return (self.out,)

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, OH, OW]:
        self.check(x)
        h, w = x.shape[2], x.shape[3]
        sh, sw = h // self.out[0], w // self.out[1]
        k = (h - (self.out[0] - 1) * sh, w - (self.out[1] - 1) * sw)
        return F.meanpool2d(x, k, (sh, sw), (0, 0))
