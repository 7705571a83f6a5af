"""Window arithmetic of convolutions and pools, and the window config text.

Pure Python over the dim algebra: the output-size formulas run on ints at run time and on
symbolic dims in the mypy plugin. A :class:`Window` (kernel, stride, pad, dilation) has a
canonical text (``window_text``) that the plugin keeps in the ``Cfg`` type parameter of
``Conv``, ``ConvTranspose``, ``MaxPool`` and ``MeanPool``, and reads back with
:func:`parse_window`.

>>> conv_output_size(28, 3), pool_output_size(26, 2)
(26, 13)
>>> from typedflux.shapes.dims import sym
>>> conv_output_size(sym("H"), 3, stride=2)
(H + 1)//2 - 1
>>> window_text((3, 3), stride=2, pad=1)
'kernel=3x3 stride=2x2 pad=1x1 dilation=1x1'

Padding is Flux's: an int, an ``(h, w)`` pair (the same before and after on each axis) or a
4-tuple ``(top, bottom, left, right)`` (before and after, axis by axis in axis order; the
same order as Flux's ``pad=(h_begin, h_end, w_begin, w_end)`` on the matching axes), and
``"same"`` (Flux's ``SamePad()``, resolved by :func:`same_pads`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple, Union, cast

from typedflux.shapes.dims import UNKNOWN, Dim, sym

__all__ = [
    "IntPair",
    "Pads",
    "Window",
    "pair",
    "pads_text",
    "same_pads",
    "pair_text",
    "conv_output_size",
    "conv_transpose_output_size",
    "pool_output_size",
    "window_text",
    "parse_window",
]

IntPair = Tuple[int, int]
Pads = Tuple[int, int, int, int]  # (top, bottom, left, right)


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


def pair_text(p: IntPair) -> str:
    """A pair as Flux prints an option: one number when both sizes agree, else the tuple.

    >>> pair_text((2, 2)), pair_text((2, 1))
    ('2', '(2, 1)')
    """
    return str(p[0]) if p[0] == p[1] else f"({p[0]}, {p[1]})"


def conv_output_size(h: Dim, k: int, stride: int = 1, pad: int = 0, dilation: int = 1,
                     pad_end: Optional[int] = None) -> Dim:
    """Output length of a convolution along one axis (PyTorch's and Flux's formula).

    ``(h + pad + pad_end - dilation*(k-1) - 1) // stride + 1`` (``pad_end`` defaults to
    ``pad``: the same padding on both sides)

    >>> conv_output_size(28, 3), conv_output_size(28, 3, stride=2, pad=1)
    (26, 14)
    >>> conv_output_size(sym("H"), 3, pad=1), conv_output_size(sym("H"), 2, pad=1, pad_end=0)
    (H, H)
    """
    end = pad if pad_end is None else pad_end
    # (the ints summed first: one symbolic addition, not four, on a symbolic ``h``)
    return (h + (pad + end - dilation * (k - 1) - 1)) // stride + 1


def conv_transpose_output_size(
    h: Dim, k: int, stride: int = 1, pad: int = 0, dilation: int = 1,
    pad_end: Optional[int] = None, outpad: int = 0,
) -> Dim:
    """Output length of a transposed convolution:
    ``(h-1)*stride - pad - pad_end + dilation*(k-1) + 1 + outpad``.

    >>> conv_transpose_output_size(13, 3, stride=2)
    27
    >>> conv_transpose_output_size(sym("H"), 4, stride=2, pad=1)
    2*H
    >>> conv_transpose_output_size(sym("H"), 3, stride=2, pad=1, outpad=1)
    2*H
    """
    end = pad if pad_end is None else pad_end
    return (h - 1) * stride - pad - end + dilation * (k - 1) + 1 + outpad


def same_pads(kernel: IntPair, dilation: IntPair, stride: IntPair = (1, 1),
              transpose: bool = False) -> Pads:
    """Flux's ``SamePad()``: ``(top, bottom, left, right)`` padding that keeps the size
    (``ceil(H/stride)`` for a conv; ``H*stride`` for a transposed conv with dilation 1).

    A conv pads ``dilation*(k-1)`` in all, the odd one before (Flux's rule; PyTorch's
    ``padding="same"`` puts it after, and TensorFlow's too). A transposed conv pads
    ``dilation*(k-stride)`` in all (negative when ``k < stride``: no such padding).

    >>> same_pads((3, 3), (1, 1)), same_pads((2, 2), (1, 1)), same_pads((5, 5), (1, 1), (2, 2))
    ((1, 1, 1, 1), (1, 0, 1, 0), (2, 2, 2, 2))
    >>> same_pads((4, 4), (1, 1), (2, 2), transpose=True)
    (1, 1, 1, 1)
    """
    out: List[int] = []
    for k, d, s in zip(kernel, dilation, stride):
        total = d * (k - s) if transpose else d * (k - 1)
        out += [-(-total // 2), total // 2]
    return (out[0], out[1], out[2], out[3])


def pads_text(pads: Pads) -> str:
    """Padding as Flux prints it: one number when all sides agree, ``(h, w)`` when each axis
    is symmetric, else the 4-tuple ``(top, bottom, left, right)``.

    >>> pads_text((1, 1, 1, 1)), pads_text((1, 1, 2, 2)), pads_text((1, 0, 1, 0))
    ('1', '(1, 2)', '(1, 0, 1, 0)')
    """
    t, b, l, r = pads
    if t == b and l == r:
        return pair_text((t, l))
    return f"({t}, {b}, {l}, {r})"


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

    ``pad`` is the padding before each axis (top, left); ``pad_end`` the padding after
    (bottom, right) when it differs (``None``: the same as ``pad``, which is always the case
    for pools). ``pads`` gives all four as ``(top, bottom, left, right)``.

    ``text()`` is the canonical config string the plugin stores in the layer's ``Cfg``
    type parameter (``Literal['kernel=3x3 stride=1x1 pad=0x0 dilation=1x1']``; asymmetric
    padding reads ``pad=1x0x1x0``, top x bottom x left x right); :func:`parse_window` reads
    it back.

    >>> w = Window.of((3, 3), stride=2, pad=1)
    >>> w.text()
    'kernel=3x3 stride=2x2 pad=1x1 dilation=1x1'
    >>> parse_window(w.text()) == w
    True
    >>> a = Window.of(2, pad=(1, 0, 1, 0))
    >>> a.text(), a.pads, parse_window(a.text()) == a
    ('kernel=2x2 stride=1x1 pad=1x0x1x0 dilation=1x1', (1, 0, 1, 0), True)
    """

    kernel: IntPair
    stride: IntPair = (1, 1)
    pad: IntPair = (0, 0)
    dilation: IntPair = (1, 1)
    pad_end: Optional[IntPair] = None

    def __post_init__(self) -> None:
        # One form per window: padding equal on both sides is held as pad alone.
        if self.pad_end is not None and tuple(self.pad_end) == tuple(self.pad):
            object.__setattr__(self, "pad_end", None)

    @staticmethod
    def with_pads(kernel: IntPair, stride: IntPair, pads: Pads, dilation: IntPair) -> "Window":
        """A window from ``(top, bottom, left, right)`` padding.

        >>> Window.with_pads((3, 3), (1, 1), (1, 1, 2, 2), (1, 1)).pad
        (1, 2)
        """
        return Window(kernel, stride, (pads[0], pads[2]), dilation, (pads[1], pads[3]))

    @property
    def pads(self) -> Pads:
        """``(top, bottom, left, right)``."""
        end = self.pad if self.pad_end is None else self.pad_end
        return (self.pad[0], end[0], self.pad[1], end[1])

    @property
    def symmetric(self) -> bool:
        """Whether each axis has the same padding before and after."""
        return self.pad_end is None

    @staticmethod
    def of(
        kernel: Union[int, Sequence[int]],
        stride: Union[int, Sequence[int]] = 1,
        pad: Union[int, Sequence[int]] = 0,
        dilation: Union[int, Sequence[int]] = 1,
    ) -> "Window":
        """Build and validate a window from Flux-style arguments (ints or pairs; ``pad`` may
        also be a 4-tuple ``(top, bottom, left, right)``)."""
        if not isinstance(pad, int) and len(tuple(pad)) == 4:
            p4 = tuple(pad)
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in p4):
                raise TypeError(f"pad must be ints, got {pad!r}")
            w = Window.with_pads(pair(kernel, "kernel"), pair(stride, "stride"),
                                 (p4[0], p4[1], p4[2], p4[3]), pair(dilation, "dilation"))
        else:
            w = Window(
                pair(kernel, "kernel"), pair(stride, "stride"), pair(pad, "pad"),
                pair(dilation, "dilation"),
            )
        if min(w.kernel) < 1 or min(w.stride) < 1 or min(w.dilation) < 1 or min(w.pads) < 0:
            raise ValueError(
                f"kernel, stride and dilation must be >= 1 and pad >= 0, got {w.text()}"
            )
        return w

    @staticmethod
    def unknown() -> "Window":
        """A window whose sizes are not known (a layer type written without its config, or
        arguments the plugin cannot read): its layer still checks channels, and its spatial
        output sizes are unknown.

        >>> Window.unknown().kernel
        (?, ?)
        """
        u = cast(IntPair, (UNKNOWN, UNKNOWN))
        return Window(u, u, u, u)

    def text(self) -> str:
        """The canonical config string."""
        pad = "x".join(map(str, self.pads if self.pad_end is not None else self.pad))
        return (f"kernel={self.kernel[0]}x{self.kernel[1]} "
                f"stride={self.stride[0]}x{self.stride[1]} pad={pad} "
                f"dilation={self.dilation[0]}x{self.dilation[1]}")

    def options(self, default_stride: IntPair = (1, 1), dilation: bool = True) -> str:
        """Non-default options as Flux prints them: ``, stride=2, pad=1`` (or ``""``).

        Options not known (a layer type written without its config) are left out.
        """
        parts = []
        known = [v for v in (*self.stride, *self.pads, *self.dilation) if isinstance(v, int)]
        if len(known) < 8:
            return ""
        if self.stride != default_stride:
            parts.append(f"stride={pair_text(self.stride)}")
        if self.pads != (0, 0, 0, 0):
            parts.append(f"pad={pads_text(self.pads)}")
        if dilation and self.dilation != (1, 1):
            parts.append(f"dilation={pair_text(self.dilation)}")
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
    r"kernel=(\d+)x(\d+) stride=(\d+)x(\d+) pad=(\d+)x(\d+)(?:x(\d+)x(\d+))? "
    r"dilation=(\d+)x(\d+)"
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
    g = m.groups()
    v = [int(x) for x in g if x is not None]
    if g[6] is not None:  # pad=TxBxLxR
        return Window.of((v[0], v[1]), (v[2], v[3]), (v[4], v[5], v[6], v[7]), (v[8], v[9]))
    return Window.of((v[0], v[1]), (v[2], v[3]), (v[4], v[5]), (v[6], v[7]))
