"""A construction's ``if`` decided by the truth of a value it knows, not only by a bool.

milesial's U-Net ``DoubleConv`` defaults its middle width from an ``Optional`` parameter::

    def __init__(self, in_channels, out_channels, mid_channels=None):
        if not mid_channels:
            mid_channels = out_channels

``not None``, ``not 0``, ``not ""`` and ``not ()`` are Python's ``True`` whatever runs the
program, so the construction's run takes that branch, as it does ``m = m or out`` and
``a if width else b``. A value whose truth it does not know (a list, an object, a number
computed at run time) still runs both branches. Each with its fix; the same lines fail at
run time with the same words.
"""

from typing import List, Optional

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class DoubleDense:
    def __init__(self, d_in: int, d_out: int, d_mid: Optional[int] = None) -> None:
        if not d_mid:
            d_mid = d_out
        self.net = Chain(Dense(d_in, d_mid, relu), Dense(d_mid, d_out))

    def __call__(self, x: Tensor) -> Tensor:
        return self.net(x)


class Up:  # the U-Net's Up block: the DoubleDense reads the concatenation
    def __init__(self, d_in: int, d_out: int) -> None:
        self.proj = DoubleDense(d_in // 2, d_out)

    def __call__(self, x: Tensor, skip: Tensor) -> Tensor:
        return self.proj(tf.cat(x, skip, axis=1))


up = Up(32, 8)
y = up(tf.randn(2, 16), tf.randn(2, 16))  # E: Chain layer 1 Dense(16 => 8, relu) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
y_fixed: Tensor[2, 8] = DoubleDense(32, 8)(tf.cat(tf.randn(2, 16), tf.randn(2, 16), axis=1))
y_mid: Tensor[2, 4] = DoubleDense(6, 4, 12)(tf.randn(2, 6))


class OrDefault:  # ``width or d_out``: Python's value of ``or``
    def __init__(self, d_in: int, d_out: int, width: int = 0) -> None:
        width = width or d_out
        self.a = Dense(d_in, width)
        self.b = Dense(width if width else 1, d_out)

    def __call__(self, x: Tensor) -> Tensor:
        return self.b(self.a(x))


z: Tensor[2, 5] = OrDefault(3, 5)(tf.randn(2, 3))
z_wide: Tensor[2, 5] = OrDefault(3, 5, 7)(tf.randn(2, 3))
z_bad = OrDefault(3, 5)(tf.randn(2, 4))  # E: Dense(3 => 5) expects input Tensor[..., 3], got Tensor[2, 4]; need size 3 at axis -1 (got 4)  [shape]


class FromList:  # a list's truth is not decided: both branches run, and they differ
    def __init__(self, d_in: int, widths: List[int]) -> None:
        self.head = Dense(d_in, 4)
        if not widths:
            self.head = Dense(d_in, 6)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


u = FromList(3, [])(tf.randn(2, 3))
reveal_type(u)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Any]"
u_6: Tensor[2, 6] = u
