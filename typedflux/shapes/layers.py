"""Layer shape rules, conv arithmetic, config text and Flux-style reprs (runtime and plugin).

Pure Python over the dim algebra: every function here runs on ints at run time and on
symbolic dims in the mypy plugin, so both checkers compute the same sizes and say the same
words. A layer is described by a *config* (:class:`DenseConfig`, :class:`ConvConfig`, ...):
its ``repr()`` is the Flux-style constructor text and its ``rule(x)`` maps an input shape to
the output shape, raising :class:`LayerInputError` (a ``ShapeError``) on a proven mismatch.

>>> cfg = DenseConfig(784, 32, "relu")
>>> cfg.repr()
'Dense(784 => 32, relu)'
>>> cfg.rule((16, 784))
(16, 32)
>>> conv_output_size(28, 3)
26
>>> B, H = sym("B"), sym("H")
>>> ConvConfig((3, 3), 1, 8, "relu").rule((B, 1, H, 28))
(B, 8, H - 2, 26)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence, Tuple, Union, cast

from typedflux.shapes.dims import UNKNOWN, Dim, Star, equal, sym
from typedflux.shapes.errors import CannotTell, ShapeError, require
from typedflux.shapes import messages
from typedflux.shapes.messages import chain_mismatch, fmt_shape, layer_input_mismatch

__all__ = [
    "Shape",
    "LayerInputError",
    "LayerConfig",
    "DenseConfig",
    "ConvConfig",
    "ConvTransposeConfig",
    "PoolConfig",
    "GlobalPoolConfig",
    "AdaptivePoolConfig",
    "FlattenConfig",
    "DropoutConfig",
    "BatchNormConfig",
    "LayerNormConfig",
    "EmbeddingConfig",
    "RecurrentConfig",
    "AttentionConfig",
    "Window",
    "conv_output_size",
    "conv_transpose_output_size",
    "pool_output_size",
    "pair",
    "window_text",
    "parse_window",
    "activation_name",
    "layer_rule",
    "chain_rule",
    "check_chain",
    "chain_repr",
    "skip_repr",
    "parallel_repr",
]

Shape = Tuple[Union[Dim, Star], ...]
IntPair = Tuple[int, int]

# Display-only names for the free dims of an expected input (``Tensor[B, 1, H, W]``).
_B, _H, _W, _T = sym("B"), sym("H"), sym("W"), sym("T")
_ANY = Star(None)  # "any leading dims" in an expected input: shown as ``...``


class LayerInputError(ShapeError):
    """A layer rejected its input. Carries what a ``Chain`` needs to re-word the message.

    ``expected`` is the input the layer accepts (display shape), ``got`` the shape it was
    given, ``fix`` a config that would accept ``got`` (for a "change X to Y" hint) or None.

    >>> try:
    ...     DenseConfig(784, 32, "relu").rule((16, 100))
    ... except LayerInputError as err:
    ...     print(err.layer, err.fix.repr())
    Dense(784 => 32, relu) Dense(100 => 32, relu)
    """

    def __init__(
        self,
        message: str,
        layer: str,
        expected: Shape,
        got: Shape,
        axis: Optional[int],
        fix: Optional["LayerConfig"] = None,
    ) -> None:
        super().__init__(message)
        self.layer = layer
        self.expected = expected
        self.got = got
        self.axis = axis
        self.fix = fix


# -- small helpers ------------------------------------------------------------------------


def pair(value: Union[int, Sequence[int]], name: str = "size") -> IntPair:
    """An int or a 2-sequence of ints as a pair (height, width).

    >>> pair(3), pair((3, 1))
    ((3, 3), (3, 1))
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}")
    if isinstance(value, int):
        return (value, value)
    items = tuple(value)
    if len(items) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}")
    return (items[0], items[1])


def _pair_text(p: IntPair) -> str:
    # Flux prints a symmetric option as one number (``stride=2``), else the tuple.
    return str(p[0]) if p[0] == p[1] else f"({p[0]}, {p[1]})"


def activation_name(fn: object) -> str:
    """How an activation appears in a repr: its ``__name__`` (``identity`` is left out).

    >>> def relu(x): return x
    >>> class Scale:
    ...     def __call__(self, x): return 2 * x
    >>> activation_name(relu), activation_name(None), activation_name(Scale())
    ('relu', 'identity', 'Scale()')
    """
    if fn is None:
        return "identity"
    name = getattr(fn, "__name__", None)
    if isinstance(name, str):
        return name
    # A callable object: its class, as a constructor call (``Scale()``), not an address.
    return f"{type(fn).__name__}()"


def _is_int(d: object) -> bool:
    return isinstance(d, int) and not isinstance(d, bool)


def _dims_only(x: Shape) -> Optional[Tuple[Dim, ...]]:
    """The shape without Stars, or None when it holds a variadic run (rank unknown)."""
    if any(isinstance(d, Star) for d in x):
        return None
    return x  # type: ignore[return-value]


def _at(x: Shape, axis: int) -> Union[Dim, Star]:
    """``x[axis]`` when the axis is reachable past any Star, else UNKNOWN."""
    stars = [i for i, d in enumerate(x) if isinstance(d, Star)]
    if not stars:
        return x[axis]
    s = stars[0]
    if axis >= 0 and axis < s:
        return x[axis]
    if axis < 0 and len(x) + axis > s:
        return x[axis]
    return UNKNOWN


def _dim(d: Union[Dim, Star]) -> Dim:
    return UNKNOWN if isinstance(d, Star) else d


# -- output-size arithmetic ----------------------------------------------------------------


def conv_output_size(h: Dim, k: int, stride: int = 1, pad: int = 0, dilation: int = 1) -> Dim:
    """Output length of a convolution along one axis (PyTorch's and Flux's formula).

    ``(h + 2*pad - dilation*(k-1) - 1) // stride + 1``

    >>> conv_output_size(28, 3), conv_output_size(28, 3, stride=2, pad=1)
    (26, 14)
    >>> conv_output_size(sym("H"), 3, pad=1)
    H
    """
    return (h + 2 * pad - dilation * (k - 1) - 1) // stride + 1


def conv_transpose_output_size(
    h: Dim, k: int, stride: int = 1, pad: int = 0, dilation: int = 1
) -> Dim:
    """Output length of a transposed convolution: ``(h-1)*stride - 2*pad + dilation*(k-1) + 1``.

    >>> conv_transpose_output_size(13, 3, stride=2)
    27
    >>> conv_transpose_output_size(sym("H"), 4, stride=2, pad=1)
    2*H
    """
    return (h - 1) * stride - 2 * pad + dilation * (k - 1) + 1


def pool_output_size(h: Dim, window: int, stride: Optional[int] = None, pad: int = 0) -> Dim:
    """Output length of a max/mean pool: the conv formula with dilation 1; stride = window.

    >>> pool_output_size(26, 2), pool_output_size(sym("H"), 2)
    (13, H//2)
    """
    return conv_output_size(h, window, window if stride is None else stride, pad, 1)


# -- window config text (the ``Cfg`` type parameter of Conv and pools) ----------------------


@dataclass(frozen=True)
class Window:
    """Kernel, stride, pad and dilation of a conv or pool, each a (height, width) pair.

    ``text()`` is the canonical config string the plugin stores in the layer's ``Cfg``
    type parameter (``Literal['kernel=3x3 stride=1x1 pad=0x0 dilation=1x1']``);
    :func:`parse_window` reads it back.

    >>> w = Window.of((3, 3), stride=2, pad=1)
    >>> w.text()
    'kernel=3x3 stride=2x2 pad=1x1 dilation=1x1'
    >>> parse_window(w.text()) == w
    True
    """

    kernel: IntPair
    stride: IntPair = (1, 1)
    pad: IntPair = (0, 0)
    dilation: IntPair = (1, 1)

    @staticmethod
    def of(
        kernel: Union[int, Sequence[int]],
        stride: Union[int, Sequence[int]] = 1,
        pad: Union[int, Sequence[int]] = 0,
        dilation: Union[int, Sequence[int]] = 1,
    ) -> "Window":
        """Build and validate a window from Flux-style arguments (ints or pairs)."""
        w = Window(
            pair(kernel, "kernel"), pair(stride, "stride"), pair(pad, "pad"),
            pair(dilation, "dilation"),
        )
        if min(w.kernel) < 1 or min(w.stride) < 1 or min(w.dilation) < 1 or min(w.pad) < 0:
            raise ValueError(
                f"kernel, stride and dilation must be >= 1 and pad >= 0, got {w.text()}"
            )
        return w

    @staticmethod
    def unknown() -> "Window":
        """A window whose sizes are not known (a layer type written without its config):
        the layer still checks its channels, and its spatial output sizes are unknown.

        >>> ConvConfig((3, 3), 1, 16, window=Window.unknown()).rule((8, 1, 28, 28))
        (8, 16, ?, ?)
        """
        u = cast(IntPair, (UNKNOWN, UNKNOWN))
        return Window(u, u, u, u)

    def text(self) -> str:
        """The canonical config string."""
        return " ".join(
            f"{name}={a}x{b}"
            for name, (a, b) in (
                ("kernel", self.kernel), ("stride", self.stride), ("pad", self.pad),
                ("dilation", self.dilation),
            )
        )

    def options(self, default_stride: IntPair = (1, 1), dilation: bool = True) -> str:
        """Non-default options as Flux prints them: ``, stride=2, pad=1`` (or ``""``).

        Options not known (a layer type written without its config) are left out.
        """
        parts = []
        known = [v for v in (*self.stride, *self.pad, *self.dilation) if isinstance(v, int)]
        if len(known) < 6:
            return ""
        if self.stride != default_stride:
            parts.append(f"stride={_pair_text(self.stride)}")
        if self.pad != (0, 0):
            parts.append(f"pad={_pair_text(self.pad)}")
        if dilation and self.dilation != (1, 1):
            parts.append(f"dilation={_pair_text(self.dilation)}")
        return "".join(", " + p for p in parts)


def window_text(
    kernel: Union[int, Sequence[int]],
    stride: Union[int, Sequence[int]] = 1,
    pad: Union[int, Sequence[int]] = 0,
    dilation: Union[int, Sequence[int]] = 1,
) -> str:
    """Canonical config text from Flux-style arguments.

    >>> window_text(3)
    'kernel=3x3 stride=1x1 pad=0x0 dilation=1x1'
    """
    return Window.of(kernel, stride, pad, dilation).text()


_WINDOW_RE = re.compile(
    r"kernel=(\d+)x(\d+) stride=(\d+)x(\d+) pad=(\d+)x(\d+) dilation=(\d+)x(\d+)"
)


def parse_window(text: str) -> Window:
    """Read a config string written by :func:`window_text` (``ValueError`` otherwise).

    >>> parse_window("kernel=2x2 stride=2x2 pad=0x0 dilation=1x1").stride
    (2, 2)
    """
    m = _WINDOW_RE.fullmatch(text)
    if m is None:
        raise ValueError(
            f"Cannot read window config {text!r}; expected text like "
            f"'kernel=3x3 stride=1x1 pad=0x0 dilation=1x1'"
        )
    v = [int(g) for g in m.groups()]
    return Window.of((v[0], v[1]), (v[2], v[3]), (v[4], v[5]), (v[6], v[7]))


# -- configs: one per layer kind -------------------------------------------------------------


class LayerConfig:
    """Base class of layer configs: ``repr()``, ``rule(x)`` and construction-time hints.

    - ``rule(x)`` returns the output shape for input shape ``x`` (ints or dims) or raises
      ``LayerInputError``/``ShapeError`` on a proven mismatch, ``CannotTell`` when unknown.
    - ``template()`` is the input a Chain assumes when this layer comes first (its known
      sizes; other dims unknown, batch named ``B``), or None when there is none.
    - ``ranks`` are the input ranks the layer accepts (None = any rank >= ``min_rank``).
    """

    name = "Layer"
    ranks: Optional[Tuple[int, ...]] = None
    min_rank = 0

    def repr(self) -> str:
        raise NotImplementedError

    def rule(self, x: Shape) -> Shape:
        raise NotImplementedError

    def template(self) -> Optional[Shape]:
        return None

    def with_input(self, size: Dim) -> Optional["LayerConfig"]:
        """The same layer taking ``size`` input features (for "change X to Y" hints)."""
        return None

    # -- shared checks ----------------------------------------------------------------------
    def _rank(self, x: Shape) -> None:
        dims = _dims_only(x)
        if dims is None:
            fixed = len(x) - 1
            if self.ranks is not None and all(r < fixed for r in self.ranks):
                self._fail_rank(x)
            return
        if self.ranks is not None:
            if len(dims) not in self.ranks:
                self._fail_rank(x)
        elif len(dims) < self.min_rank:
            self._fail_rank(x)

    def _fail_rank(self, x: Shape) -> None:
        raise LayerInputError(
            layer_input_mismatch(self.repr(), self.expected(), x, None), self.repr(),
            self.expected(), x, None,
        )

    def expected(self) -> Shape:
        """The accepted input, for messages (``Tensor[..., 784]``)."""
        return (_ANY,)

    def _check(self, x: Shape, axis: int, size: Dim) -> None:
        got = _at(x, axis)
        if isinstance(got, Star):
            return
        ok = equal(got, size)
        if ok is False:
            fix = self.with_input(got)
            raise LayerInputError(
                layer_input_mismatch(self.repr(), self.expected(), x, axis), self.repr(),
                self.expected(), x, axis, fix,
            )


def _feature_repr(name: str, a: Dim, b: Dim, extra: Sequence[str] = ()) -> str:
    return f"{name}({a} => {b}{''.join(', ' + e for e in extra)})"


@dataclass(frozen=True)
class DenseConfig(LayerConfig):
    """``Dense(in, out)``: ``Tensor[*Bs, in] -> Tensor[*Bs, out]``.

    >>> DenseConfig(784, 32, bias=False).repr()
    'Dense(784 => 32, bias=False)'
    >>> DenseConfig(784, 32).rule((Star("Bs"), 784))
    (*Bs, 32)
    """

    in_features: Dim
    out_features: Dim
    activation: str = "identity"
    bias: bool = True

    name = "Dense"
    min_rank = 1

    def repr(self) -> str:
        extra = [] if self.activation == "identity" else [self.activation]
        if not self.bias:
            extra.append("bias=False")
        return _feature_repr("Dense", self.in_features, self.out_features, extra)

    def expected(self) -> Shape:
        return (_ANY, self.in_features)

    def template(self) -> Shape:
        return (_B, self.in_features)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_features=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.in_features)
        if x and isinstance(x[-1], Star):
            # (..., a, *S): the last axis is a or inside S, so a may be replaced or kept.
            return x[:-2] + (Star(None), self.out_features)
        return x[:-1] + (self.out_features,)


def _spatial(x: Shape) -> Tuple[Union[Dim, Star], Dim, Dim, Dim]:
    dims = _dims_only(x)
    if dims is None:
        # A 4-D layer given a variadic shape: only the trailing dims are placed.
        return (UNKNOWN, _dim(_at(x, 1)), _dim(_at(x, -2)), _dim(_at(x, -1)))
    return (dims[0], dims[1], dims[2], dims[3])


def _too_small(layer: str, x: Shape, out: Tuple[Dim, Dim]) -> None:
    for d in out:
        if _is_int(d) and d < 1:  # type: ignore[operator]
            raise ShapeError(messages.input_too_small(layer, x, out))


@dataclass(frozen=True)
class ConvConfig(LayerConfig):
    """``Conv(kernel, in => out)``: ``Tensor[B, in, H, W] -> Tensor[B, out, H', W']``.

    ``H' = (H + 2*pad - dilation*(k-1) - 1)//stride + 1``.

    >>> c = ConvConfig((3, 3), 1, 8, "relu", Window.of(3, stride=2, pad=1))
    >>> c.repr()
    'Conv((3, 3), 1 => 8, relu, stride=2, pad=1)'
    >>> c.rule((16, 1, 28, 28))
    (16, 8, 14, 14)
    """

    kernel: IntPair
    in_channels: Dim
    out_channels: Dim
    activation: str = "identity"
    window: Optional[Window] = None
    bias: bool = True

    name = "Conv"
    ranks = (4,)

    @property
    def win(self) -> Window:
        return self.window if self.window is not None else Window(self.kernel)

    def repr(self) -> str:
        extra = [] if self.activation == "identity" else [self.activation]
        opts = self.win.options()
        if not self.bias:
            opts += ", bias=False"
        return (
            f"{self.name}({self.kernel}, {self.in_channels} => {self.out_channels}"
            f"{''.join(', ' + e for e in extra)}{opts})"
        )

    def expected(self) -> Shape:
        return (_B, self.in_channels, _H, _W)

    def template(self) -> Shape:
        return (_B, self.in_channels, UNKNOWN, UNKNOWN)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_channels=size)

    def _size(self, h: Dim, axis: int) -> Dim:
        w = self.win
        return conv_output_size(h, w.kernel[axis], w.stride[axis], w.pad[axis], w.dilation[axis])

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.in_channels)
        b, _, h, w = _spatial(x)
        out = (self._size(h, 0), self._size(w, 1))
        _too_small(self.repr(), x, out)
        return (b, self.out_channels) + out


@dataclass(frozen=True)
class ConvTransposeConfig(ConvConfig):
    """``ConvTranspose(kernel, in => out)``: ``H' = (H-1)*stride - 2*pad + dilation*(k-1) + 1``.

    >>> ConvTransposeConfig((4, 4), 8, 1, window=Window.of(4, stride=2, pad=1)).rule((2, 8, 7, 7))
    (2, 1, 14, 14)
    """

    name = "ConvTranspose"

    def _size(self, h: Dim, axis: int) -> Dim:
        w = self.win
        return conv_transpose_output_size(
            h, w.kernel[axis], w.stride[axis], w.pad[axis], w.dilation[axis]
        )


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

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return f"{self.kind}({self.window.kernel}{self.window.options(self.window.kernel, False)})"

    def expected(self) -> Shape:
        return (_B, sym("C"), _H, _W)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = _spatial(x)
        win = self.window
        out = (
            pool_output_size(h, win.kernel[0], win.stride[0], win.pad[0]),
            pool_output_size(w, win.kernel[1], win.stride[1], win.pad[1]),
        )
        _too_small(self.repr(), x, out)
        return (b, c) + out


@dataclass(frozen=True)
class GlobalPoolConfig(LayerConfig):
    """``GlobalMaxPool()`` / ``GlobalMeanPool()``: ``Tensor[B, C, *S] -> Tensor[B, C, 1, ...]``.

    >>> GlobalPoolConfig("GlobalMeanPool").rule((16, 8, 5, 5))
    (16, 8, 1, 1)
    """

    kind: str

    min_rank = 3

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return f"{self.kind}()"

    def expected(self) -> Shape:
        return (_B, sym("C"), _H, _W)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        dims = _dims_only(x)
        if dims is None:
            raise CannotTell("global pool of a shape with unknown rank")
        return dims[:2] + (1,) * (len(dims) - 2)


@dataclass(frozen=True)
class AdaptivePoolConfig(LayerConfig):
    """``AdaptiveMeanPool((oh, ow))``: ``Tensor[B, C, H, W] -> Tensor[B, C, oh, ow]``.

    Needs ``H >= oh`` and ``W >= ow`` (window ``H - (oh-1)*(H//oh)``, stride ``H//oh``).

    >>> AdaptivePoolConfig((5, 5)).rule((2, 3, 12, 12))
    (2, 3, 5, 5)
    """

    out: Tuple[Dim, Dim]

    name = "AdaptiveMeanPool"
    ranks = (4,)

    def repr(self) -> str:
        return f"AdaptiveMeanPool(({self.out[0]}, {self.out[1]}))"

    def expected(self) -> Shape:
        return (_B, sym("C"), _H, _W)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        b, c, h, w = _spatial(x)
        for got, want in ((h, self.out[0]), (w, self.out[1])):
            if _is_int(got) and _is_int(want) and got < want:  # type: ignore[operator]
                raise ShapeError(messages.input_smaller_than_output(self.repr(), x, got, want))
        return (b, c, self.out[0], self.out[1])


@dataclass(frozen=True)
class FlattenConfig(LayerConfig):
    """``Flatten()``: ``Tensor[B, *Rest] -> Tensor[B, prod(Rest)]``.

    >>> FlattenConfig().rule((16, 8, 13, 13))
    (16, 1352)
    >>> FlattenConfig().rule((sym("B"), sym("C"), 4))
    (B, 4*C)
    """

    name = "Flatten"
    min_rank = 1

    def repr(self) -> str:
        return "Flatten()"

    def expected(self) -> Shape:
        return (_B, _ANY)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        if not x or isinstance(x[0], Star):
            return (UNKNOWN, UNKNOWN)
        size: Dim = 1
        for d in x[1:]:
            if isinstance(d, Star):
                return (x[0], UNKNOWN)
            size = size * d
        return (x[0], size)


@dataclass(frozen=True)
class DropoutConfig(LayerConfig):
    """``Dropout(p)``: any shape to the same shape.

    >>> DropoutConfig(0.5).repr(), DropoutConfig(0.5).rule((3, 4))
    ('Dropout(0.5)', (3, 4))
    """

    p: float

    name = "Dropout"

    def repr(self) -> str:
        return f"Dropout({self.p})"

    def rule(self, x: Shape) -> Shape:
        return x


@dataclass(frozen=True)
class BatchNormConfig(LayerConfig):
    """``BatchNorm(C)``: ``Tensor[B, C, *S] -> Tensor[B, C, *S]`` (channels on axis 1).

    >>> BatchNormConfig(8, "relu").repr(), BatchNormConfig(8).rule((16, 8, 5, 5))
    ('BatchNorm(8, relu)', (16, 8, 5, 5))
    """

    channels: Dim
    activation: str = "identity"

    name = "BatchNorm"
    min_rank = 2

    def repr(self) -> str:
        act = "" if self.activation == "identity" else f", {self.activation}"
        return f"BatchNorm({self.channels}{act})"

    def expected(self) -> Shape:
        return (_B, self.channels, _ANY)

    def template(self) -> Shape:
        return (_B, self.channels, _ANY)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, channels=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, 1, self.channels)
        return x


@dataclass(frozen=True)
class LayerNormConfig(LayerConfig):
    """``LayerNorm(d)``: ``Tensor[*Bs, d] -> Tensor[*Bs, d]`` (normalises the last axis).

    >>> LayerNormConfig(32).rule((4, 10, 32))
    (4, 10, 32)
    """

    size: Dim

    name = "LayerNorm"
    min_rank = 1

    def repr(self) -> str:
        return f"LayerNorm({self.size})"

    def expected(self) -> Shape:
        return (_ANY, self.size)

    def template(self) -> Shape:
        return (_ANY, self.size)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, size=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.size)
        return x


@dataclass(frozen=True)
class EmbeddingConfig(LayerConfig):
    """``Embedding(vocab => dim)``: int ``Tensor[*Bs] -> Tensor[*Bs, dim]``.

    >>> EmbeddingConfig(1000, 64).repr(), EmbeddingConfig(1000, 64).rule((16, 20))
    ('Embedding(1000 => 64)', (16, 20, 64))
    """

    vocab: Dim
    dim: Dim

    name = "Embedding"

    def repr(self) -> str:
        return _feature_repr("Embedding", self.vocab, self.dim)

    def expected(self) -> Shape:
        return (_ANY,)

    def template(self) -> Shape:
        return (_B, _T)

    def rule(self, x: Shape) -> Shape:
        return x + (self.dim,)


@dataclass(frozen=True)
class RecurrentConfig(LayerConfig):
    """``RNN/LSTM/GRU(in => hidden)``: ``Tensor[B, T, in] -> Tensor[B, T, hidden]``.

    >>> RecurrentConfig("LSTM", 3, 5).repr(), RecurrentConfig("LSTM", 3, 5).rule((2, 7, 3))
    ('LSTM(3 => 5)', (2, 7, 5))
    """

    kind: str
    in_features: Dim
    hidden: Dim

    ranks = (3,)

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.kind

    def repr(self) -> str:
        return _feature_repr(self.kind, self.in_features, self.hidden)

    def expected(self) -> Shape:
        return (_B, _T, self.in_features)

    def template(self) -> Shape:
        return (_B, UNKNOWN, self.in_features)

    def with_input(self, size: Dim) -> LayerConfig:
        return replace(self, in_features=size)

    def rule(self, x: Shape) -> Shape:
        self._rank(x)
        self._check(x, -1, self.in_features)
        dims = _dims_only(x)
        if dims is None:
            return (UNKNOWN, UNKNOWN, self.hidden)
        return (dims[0], dims[1], self.hidden)


@dataclass(frozen=True)
class AttentionConfig(LayerConfig):
    """``MultiHeadAttention(d, nheads=h)``: ``q Tensor[B, Tq, d], k/v Tensor[B, Tk, d]`` to
    ``Tensor[B, Tq, d]``; ``rule(q)`` is self-attention, ``rule3(q, k, v)`` the general call.

    >>> AttentionConfig(64, 8).repr(), AttentionConfig(64, 8).rule3((2, 5, 64), (2, 7, 64), (2, 7, 64))
    ('MultiHeadAttention(64, nheads=8)', (2, 5, 64))
    """

    dim: Dim
    nheads: int

    name = "MultiHeadAttention"
    ranks = (3,)

    def __post_init__(self) -> None:
        if _is_int(self.dim) and self.dim % self.nheads != 0:  # type: ignore[operator]
            raise ValueError(
                f"MultiHeadAttention({self.dim}, nheads={self.nheads}): the dimension must be "
                f"divisible by the number of heads ({self.dim} % {self.nheads} != 0)"
            )

    def repr(self) -> str:
        return f"MultiHeadAttention({self.dim}, nheads={self.nheads})"

    def expected(self) -> Shape:
        return (_B, _T, self.dim)

    def template(self) -> Shape:
        return (_B, UNKNOWN, self.dim)

    def with_input(self, size: Dim) -> Optional[LayerConfig]:
        if _is_int(size) and size % self.nheads != 0:  # type: ignore[operator]
            return None
        return replace(self, dim=size)

    def rule(self, x: Shape) -> Shape:
        return self.rule3(x, x, x)

    def rule3(self, q: Shape, k: Shape, v: Shape) -> Shape:
        for s in (q, k, v):
            self._rank(s)
            self._check(s, -1, self.dim)
        r = self.repr()
        ks, vs = _dims_only(k), _dims_only(v)
        qs = _dims_only(q)
        if ks is not None and vs is not None:
            require(
                equal(ks[1], vs[1]),
                lambda: f'Sequence lengths differ for "{r}": k has {fmt_shape(k)}, v has '
                f"{fmt_shape(v)}; need k.shape[1] == v.shape[1] ({ks[1]} vs {vs[1]})",
            )
        if qs is not None and ks is not None:
            for other, name, od in ((k, "k", ks), (v, "v", vs)):
                if od is None:
                    continue
                require(
                    equal(qs[0], od[0]),
                    lambda: f'Batch sizes differ for "{r}": q has {fmt_shape(q)}, {name} has '
                    f"{fmt_shape(other)}; need q.shape[0] == {name}.shape[0] ({qs[0]} vs {od[0]})",
                )
        if qs is None:
            return (UNKNOWN, UNKNOWN, self.dim)
        return (qs[0], qs[1], self.dim)


# -- dispatch and chains ---------------------------------------------------------------------


def layer_rule(config: LayerConfig, x: Shape) -> Shape:
    """Run a layer's rule: ``rule(config, input_shape) -> output_shape``.

    >>> layer_rule(DenseConfig(784, 32, "relu"), (16, 100))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layers.LayerInputError: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)
    """
    return config.rule(x)


Rule = Callable[[Shape], Shape]
# A chain item: a layer config, a bare rule (for callables with a known rule: activations,
# nested chains), or None for a layer whose shape behaviour is unknown.
ChainItem = Union[LayerConfig, Tuple[str, Rule], None]


def _item_repr(item: ChainItem) -> str:
    if item is None:
        return "?"
    if isinstance(item, LayerConfig):
        return item.repr()
    return item[0]


def reword_in_chain(
    err: ShapeError, position: int, layer_text: str, prev: Optional[Tuple[int, str]], x: Shape,
    input_error: bool = True,
) -> ShapeError:
    """A layer's error re-worded to name its Chain position (and the layer feeding it, by its
    repr), used by the run-time Chain and the static Chain rule alike. ``input_error=False``
    keeps a :class:`LayerInputError` generic (a container layer's inner error).

    >>> try:
    ...     DenseConfig(64, 10).rule((16, 32))
    ... except LayerInputError as e:
    ...     print(reword_in_chain(e, 2, "Dense(64 => 10)", (1, "Dense(784 => 32)"), (16, 32)))
    Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    if isinstance(err, LayerInputError) and input_error:
        if prev is None:
            text = layer_input_mismatch(err.layer, err.expected, x, err.axis, position)
        else:
            hint = f"change {err.layer} to {err.fix.repr()}" if err.fix is not None else None
            text = chain_mismatch(position, err.layer, err.expected, prev[0], prev[1], x, hint)
        out = LayerInputError(text, err.layer, err.expected, x, err.axis, err.fix)
        out.notes = err.notes
        return out
    return ShapeError(
        f"Chain layer {position} {layer_text}: {err.message}",
        (*err.notes, f"input to layer {position}: {fmt_shape(x)}"),
    )


def _reword(
    err: ShapeError, position: int, item: ChainItem, prev: Optional[Tuple[int, ChainItem]],
    x: Shape,
) -> ShapeError:
    before = None if prev is None else (prev[0], _item_repr(prev[1]))
    return reword_in_chain(err, position, _item_repr(item), before, x)


def chain_rule(items: Sequence[ChainItem], x: Shape, start: int = 1) -> Shape:
    """Thread a shape through a Chain's layers; errors name the failing position.

    ``None`` items (unknown layers) make the rest unknown (``CannotTell``).

    >>> chain_rule([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)], (16, 784))
    Traceback (most recent call last):
    ...
    typedflux.shapes.layers.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[16, 32]; change Dense(64 => 10) to Dense(32 => 10)
    """
    prev: Optional[Tuple[int, ChainItem]] = None
    for i, item in enumerate(items, start):
        if item is None:
            raise CannotTell(f"Chain layer {i} has no shape rule")
        rule = item.rule if isinstance(item, LayerConfig) else item[1]
        try:
            y = rule(x)
        except ShapeError as err:
            raise _reword(err, i, item, prev, x) from None
        prev, x = (i, item), y
    return x


def check_chain(items: Sequence[ChainItem]) -> Optional[Shape]:
    """Construction-time check that adjacent layers compose; returns the output shape
    assumed from the first layer's template, or None when nothing could be followed.

    Starts from the first layer's ``template()`` (its known sizes, batch ``B``). After a layer
    with no rule, checking restarts at the next layer with a template. A layer given an input
    of a rank it does not take stops the check (no false alarm on unusual ranks).

    >>> check_chain([DenseConfig(784, 32, "relu"), DenseConfig(64, 10)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.layers.LayerInputError: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)
    >>> check_chain([DenseConfig(784, 32), DenseConfig(32, 10)])
    (B, 10)
    """
    x: Optional[Shape] = None
    prev: Optional[Tuple[int, ChainItem]] = None
    for i, item in enumerate(items, 1):
        if item is None:
            x, prev = None, None
            continue
        if x is None:
            t = item.template() if isinstance(item, LayerConfig) else None
            if t is None:
                continue
            x = t
        if isinstance(item, LayerConfig) and not _rank_fits(item, x):
            return None
        rule = item.rule if isinstance(item, LayerConfig) else item[1]
        try:
            x = rule(x)
        except CannotTell:
            x, prev = None, None
            continue
        except ShapeError as err:
            if isinstance(err, LayerInputError) and err.axis is None:
                return None  # a rank mismatch from an assumed template: not proven
            raise _reword(err, i, item, prev, x) from None
        prev = (i, item)
    return x


def _rank_fits(cfg: LayerConfig, x: Shape) -> bool:
    dims = _dims_only(x)
    if dims is None:
        return True
    if cfg.ranks is not None:
        return len(dims) in cfg.ranks
    return len(dims) >= cfg.min_rank


def chain_repr(items: Sequence[str], names: Optional[Sequence[str]] = None) -> str:
    """``Chain(Dense(784 => 32, relu), Dense(32 => 10))``; named: ``Chain(enc=..., dec=...)``.

    >>> chain_repr(["Dense(2 => 3)"], ["enc"])
    'Chain(enc=Dense(2 => 3))'
    """
    if names is None:
        return f"Chain({', '.join(items)})"
    return f"Chain({', '.join(f'{n}={r}' for n, r in zip(names, items))})"


def skip_repr(layer: str, connection: str) -> str:
    """``SkipConnection(Dense(2 => 2), add)``.

    >>> skip_repr("Dense(2 => 2)", "add")
    'SkipConnection(Dense(2 => 2), add)'
    """
    return f"SkipConnection({layer}, {connection})"


def parallel_repr(connection: str, layers: Sequence[str]) -> str:
    """``Parallel(cat, Dense(2 => 3), Dense(2 => 4))``.

    >>> parallel_repr("cat", ["Dense(2 => 3)", "Dense(2 => 4)"])
    'Parallel(cat, Dense(2 => 3), Dense(2 => 4))'
    """
    return f"Parallel({connection}, {', '.join(layers)})"
