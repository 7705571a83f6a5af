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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple, Union, cast

from typedflux.shapes.dims import UNKNOWN, Dim, sym

__all__ = [
    "IntPair",
    "Window",
    "pair",
    "pair_text",
    "conv_output_size",
    "conv_transpose_output_size",
    "pool_output_size",
    "window_text",
    "parse_window",
]

IntPair = Tuple[int, int]


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
            parts.append(f"stride={pair_text(self.stride)}")
        if self.pad != (0, 0):
            parts.append(f"pad={pair_text(self.pad)}")
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
