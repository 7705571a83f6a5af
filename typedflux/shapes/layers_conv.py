"""Specs of the convolution and pooling layers over NCHW images: Conv, ConvTranspose, MaxPool,
MeanPool, GlobalMaxPool, GlobalMeanPool, AdaptiveMeanPool.

Output sizes come from :mod:`typedflux.shapes.windows`; a ``Window`` is held in the layer's
``Cfg`` type parameter as its text.

>>> c = ConvConfig(1, 8, Window.of(3, stride=2, pad=1), "relu")
>>> c.repr(), c.rule((16, 1, 28, 28))
('Conv((3, 3), 1 => 8, relu, stride=2, pad=1)', (16, 8, 14, 14))
>>> LAYERS["Conv"].configure(((2, 2), 4, 8, abs, 1, "same", 1, True, 2))[0].repr()
'Conv((2, 2), 4 => 8, abs, pad=(1, 0, 1, 0), groups=2)'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Dict, Optional, Tuple

from typedflux.shapes import messages
from typedflux.shapes.dims import UNKNOWN, Dim, fresh
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.errors import LayerArgumentError
from typedflux.shapes.layer_args import ArgKind, Check, Param, divisible
from typedflux.shapes.layer_config import (
    B_,
    H_,
    W_,
    LayerConfig,
    Shape,
    dims_only,
    image_dims,
    is_int,
)
from typedflux.shapes.layer_spec import LAYERS, layer
from typedflux.shapes.dims import sym
from typedflux.shapes.windows import (
    IntPair,
    Window,
    conv_output_size,
    conv_transpose_output_size,
    pair_text,
    pool_output_size,
    same_pads,
)

__all__ = [
    "ConvConfig",
    "ConvTransposeConfig",
    "PoolConfig",
    "GlobalPoolConfig",
    "AdaptivePoolConfig",
]

SIZE, WIN, PAD = ArgKind.SIZE, ArgKind.WINDOW, ArgKind.PADDING
_C = sym("C")


_H, _W = fresh("H"), fresh("W")


def _too_small(layer: str, x: Shape, out: Tuple[Dim, Dim]) -> None:
    for d in out:
        if is_int(d) and d < 1:  # type: ignore[operator]
            raise ShapeError(messages.input_too_small(layer, x, out))


def _known(p: Any) -> bool:
    return isinstance(p, tuple) and all(is_int(v) for v in p)


def _window(values: Dict[str, Any], kernel: str = "kernel") -> Window:
    """The window of a conv or pool from its normalised arguments; unknown when any part is
    (the plugin could not read it)."""
    k = values[kernel]
    stride = values.get("stride")
    parts = [k, k if stride is None else stride, values.get("pad", (0, 0)),
             values.get("dilation", (1, 1))]
    if not all(_known(p) for p in parts):
        return Window.unknown()
    return Window(*parts)


def _conv_window(name: str, values: Dict[str, Any], transpose: bool) -> Window:
    """A conv's window: its padding as the 4-tuple (top, bottom, left, right), ``"same"``
    resolved as Flux's ``SamePad()`` does (:func:`same_pads`)."""
    k, s, d, pad = values["kernel"], values["stride"], values["dilation"], values["pad"]
    if not (_known(k) and _known(s) and _known(d)):
        return Window.unknown()
    if pad == "same":
        if transpose and (k[0] < s[0] or k[1] < s[1]):
            raise LayerArgumentError(messages.invalid_layer_argument(
                name, [("kernel", pair_text(k)), ("stride", pair_text(s)), ("pad", '"same"')],
                "kernel >= stride on each axis for a transposed conv's \"same\" padding"),
                "pad")
        pad = same_pads(k, d, s, transpose)
    if not _known(pad) or len(pad) != 4:
        return Window.unknown()
    return Window.with_pads(k, s, pad, d)


def _make_conv(cls: type) -> Any:
    transpose = cls is ConvTransposeConfig

    def make(v: Dict[str, Any]) -> LayerConfig:
        w = _conv_window(cls.name, v, transpose)  # type: ignore[attr-defined]
        extra = {}
        if transpose:
            o = v["outpad"]
            extra["outpad"] = o if isinstance(o, tuple) else (UNKNOWN, UNKNOWN)
        return cls(v["in_channels"], v["out_channels"], w, v["activation"], v["bias"],  # type: ignore[no-any-return]
                   v["groups"], **extra)

    return make


def _outpad_fits(stride: IntPair, dilation: IntPair, outpad: IntPair) -> Optional[str]:
    # PyTorch's limit: more output padding than that adds rows no input position reaches.
    for s, d, o in zip(stride, dilation, outpad):
        if o >= max(s, d):
            return f"outpad < max(stride, dilation) on each axis ({o} vs {max(s, d)})"
    return None


_CONV_PARAMS = (
    Param("kernel", WIN),
    Param("in_channels", SIZE),
    Param("out_channels", SIZE),
    Param("activation", ArgKind.ACTIVATION, "identity"),
    Param("stride", WIN, 1),
    Param("pad", ArgKind.CONV_PADDING, 0),
    Param("dilation", WIN, 1),
    Param("bias", ArgKind.FLAG, True),
    Param("groups", SIZE, 1),
)
_GROUPS = (divisible("in_channels", "groups"), divisible("out_channels", "groups"))


@dataclass(frozen=True)
class ConvConfig(LayerConfig):
    """``Conv(kernel, in => out)``: ``Tensor[B, in, H, W] -> Tensor[B, out, H', W']``.

    ``H' = (H + top + bottom - dilation*(k-1) - 1)//stride + 1`` (``top = bottom = pad``
    unless the padding is asymmetric). ``groups`` splits the channels into that many
    independent convolutions; it changes no shape.

    >>> ConvConfig(1, 8, Window.of(3), "relu").rule((16, 1, 28, 28))
    (16, 8, 26, 26)
    >>> ConvConfig(1, 16, Window.unknown()).rule((8, 1, 28, 28))
    (8, 16, ?, ?)
    >>> ConvConfig(4, 4, Window.of(2, pad=(1, 0, 1, 0)), groups=4).rule((2, 4, 5, 5))
    (2, 4, 5, 5)
    """

    in_channels: Dim
    out_channels: Dim
    window: Window
    activation: str = "identity"
    bias: bool = True
    groups: Dim = 1

    name = "Conv"
    ranks = (4,)
    out_rank = 4

    @property
    def kernel(self) -> IntPair:
        return self.window.kernel

    def _options(self) -> str:
        opts = self.window.options()
        if self.groups != 1:
            opts += f", groups={self.groups}"
        if not self.bias:
            opts += ", bias=False"
        return opts

    def repr(self) -> str:
        extra = "" if self.activation == "identity" else f", {self.activation}"
        return (
            f"{self.name}({self.kernel}, {self.in_channels} => {self.out_channels}"
            f"{extra}{self._options()})"
        )

    def expected(self) -> Shape:
        return (B_, self.in_channels, H_, W_)

    def template(self) -> Shape:
        # Sizes no program can name: a conflict through them holds for every input size.
        return (B_, self.in_channels, _H, _W)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_channels=size)

    def with_output(self, size: Dim) -> LayerConfig:
        return replace(self, out_channels=size)

    def _size(self, h: Dim, axis: int) -> Dim:
        w = self.window
        before, after = w.pads[2 * axis], w.pads[2 * axis + 1]
        return conv_output_size(h, w.kernel[axis], w.stride[axis], before, w.dilation[axis],
                                after)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.in_channels)
        b, _, h, w = image_dims(x)
        out = (self._size(h, 0), self._size(w, 1))
        _too_small(self.repr(), x, out)
        return (b, self.out_channels) + out

    def workspace(self, x: Shape) -> Tuple[Shape, ...]:
        """The zero-padded input the kernel copies ``x`` into: small outputs can need a
        huge one (``pad="same"`` with a huge dilation, a huge pad with a huge stride).

        >>> ConvConfig(4, 4, Window.of(3, pad=2**40, stride=2**40)).workspace((2, 4, 6, 6))
        ((2, 4, 2199023255558, 2199023255558),)
        """
        b, c, h, w = image_dims(x)
        p = self.window.pads
        return ((b, c, h + p[0] + p[1], w + p[2] + p[3]),)


@dataclass(frozen=True)
class ConvTransposeConfig(ConvConfig):
    """``ConvTranspose(kernel, in => out)``:
    ``H' = (H-1)*stride - top - bottom + dilation*(k-1) + 1 + outpad``.

    >>> ConvTransposeConfig(8, 1, Window.of(4, stride=2, pad=1)).rule((2, 8, 7, 7))
    (2, 1, 14, 14)
    >>> ConvTransposeConfig(8, 1, Window.of(3, stride=2, pad=1), outpad=(1, 1)).repr()
    'ConvTranspose((3, 3), 8 => 1, stride=2, pad=1, outpad=1)'
    """

    outpad: IntPair = (0, 0)

    name = "ConvTranspose"

    def _options(self) -> str:
        opts = super()._options()
        known = all(is_int(v) for v in self.outpad)
        if known and self.outpad != (0, 0):
            opts += f", outpad={pair_text(self.outpad)}"
        return opts

    def _size(self, h: Dim, axis: int) -> Dim:
        w = self.window
        before, after = w.pads[2 * axis], w.pads[2 * axis + 1]
        return conv_transpose_output_size(
            h, w.kernel[axis], w.stride[axis], before, w.dilation[axis], after,
            self.outpad[axis],
        )

    def workspace(self, x: Shape) -> Tuple[Shape, ...]:
        """The uncropped output the kernel scatters into before removing the padding.

        >>> ConvTransposeConfig(4, 4, Window.of(2, pad=1, dilation=2**40)).workspace((2, 4, 6, 6))
        ((2, 4, 1099511627782, 1099511627782),)
        """
        b, _, h, w = image_dims(x)
        win = self.window
        full = [conv_transpose_output_size(n, win.kernel[a], win.stride[a], 0,
                                           win.dilation[a], 0) for a, n in ((0, h), (1, w))]
        return ((b, self.out_channels, full[0], full[1]),)


layer("Conv", *_CONV_PARAMS, type_args=("in_channels", "out_channels", "window"),
      checks=_GROUPS, make=_make_conv(ConvConfig))(ConvConfig)
layer("ConvTranspose", *_CONV_PARAMS, Param("outpad", PAD, 0),
      type_args=("in_channels", "out_channels", "window"),
      checks=_GROUPS + (Check(("stride", "dilation", "outpad"), _outpad_fits),),
      make=_make_conv(ConvTransposeConfig))(ConvTransposeConfig)


def _pad_fits(window: IntPair, pad: IntPair) -> Optional[str]:
    # A pad wider than half the window makes windows of padding only (-inf for a max pool).
    for k, p in zip(window, pad):
        if p > k // 2:
            return f"pad <= window // 2 on each axis ({p} vs {k // 2})"
    return None


@dataclass(frozen=True)
class PoolConfig(LayerConfig):
    """``MaxPool(window)`` / ``MeanPool(window)``: ``Tensor[B, C, H, W] -> Tensor[B, C, H', W']``.

    Stride defaults to the window, as in Flux.

    >>> PoolConfig("MaxPool", Window.of(2, stride=2)).repr()
    'MaxPool((2, 2))'
    >>> PoolConfig("MeanPool", Window.of(3, stride=1, pad=1)).repr()
    'MeanPool((3, 3), stride=1, pad=1)'
    >>> PoolConfig("MaxPool", Window.of(2, stride=2)).rule((16, 8, 26, 26))
    (16, 8, 13, 13)
    """

    kind: str
    window: Window

    ranks = (4,)
    out_rank = 4

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return f"{self.kind}({self.window.kernel}{self.window.options(self.window.kernel, False)})"

    def expected(self) -> Shape:
        return (B_, _C, H_, W_)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = image_dims(x)
        win = self.window
        out = (
            pool_output_size(h, win.kernel[0], win.stride[0], win.pad[0]),
            pool_output_size(w, win.kernel[1], win.stride[1], win.pad[1]),
        )
        _too_small(self.repr(), x, out)
        return (b, c) + out


for _kind in ("MaxPool", "MeanPool"):
    layer(
        _kind,
        Param("window", WIN),
        Param("stride", ArgKind.OPTIONAL_WINDOW, None),
        Param("pad", PAD, 0),
        type_args=("window",),
        checks=(Check(("window", "pad"), _pad_fits),),
        fixed={"kind": _kind},
        make=lambda v, kind=_kind: PoolConfig(kind, _window(v, "window")),  # type: ignore[misc]
    )(PoolConfig)


@dataclass(frozen=True)
class GlobalPoolConfig(LayerConfig):
    """``GlobalMaxPool()`` / ``GlobalMeanPool()``: ``Tensor[B, C, *S] -> Tensor[B, C, 1, ...]``.

    >>> GlobalPoolConfig("GlobalMeanPool").rule((16, 8, 5, 5))
    (16, 8, 1, 1)
    """

    kind: str

    min_rank = 3
    keeps_rank = True

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return f"{self.kind}()"

    def expected(self) -> Shape:
        return (B_, _C, H_, W_)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        dims = dims_only(x)
        if dims is None:
            raise CannotTell("global pool of a shape with unknown rank")
        return dims[:2] + (1,) * (len(dims) - 2)


for _kind in ("GlobalMaxPool", "GlobalMeanPool"):
    layer(_kind, fixed={"kind": _kind})(GlobalPoolConfig)


@layer("AdaptiveMeanPool", Param("out_hw", WIN), type_args=("out_h", "out_w"),
       make=lambda v: AdaptivePoolConfig(*(v["out_hw"] if isinstance(v["out_hw"], tuple)
                                            else (UNKNOWN, UNKNOWN))))
@dataclass(frozen=True)
class AdaptivePoolConfig(LayerConfig):
    """``AdaptiveMeanPool((oh, ow))``: ``Tensor[B, C, H, W] -> Tensor[B, C, oh, ow]``.

    Needs ``H >= oh`` and ``W >= ow`` (window ``H - (oh-1)*(H//oh)``, stride ``H//oh``).

    >>> AdaptivePoolConfig(5, 5).rule((2, 3, 12, 12))
    (2, 3, 5, 5)
    """

    out_h: Dim
    out_w: Dim

    name = "AdaptiveMeanPool"
    ranks = (4,)
    out_rank = 4

    @property
    def out(self) -> Tuple[Dim, Dim]:
        return (self.out_h, self.out_w)

    def repr(self) -> str:
        return f"AdaptiveMeanPool(({self.out_h}, {self.out_w}))"

    def expected(self) -> Shape:
        return (B_, _C, H_, W_)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = image_dims(x)
        for got, want in ((h, self.out_h), (w, self.out_w)):
            if is_int(got) and is_int(want) and got < want:  # type: ignore[operator]
                raise ShapeError(messages.input_smaller_than_output(self.repr(), x, got, want))
        return (b, c, self.out_h, self.out_w)
