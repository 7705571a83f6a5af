"""``functools.partial`` of a layer class holding positional arguments and keywords that the
layer's type holds (a conv's window, its padding; a Dense's input width): each call's layer
is typed from the partial's arguments and its own together, as the constructor is called, so
``conv3(16, 32, relu)`` is the 3x3 "same" conv it builds (not ``Conv((?, ?), ...)``)."""

import functools

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, MultiHeadAttention, relu

conv3 = functools.partial(Conv, (3, 3), pad=1)
reveal_type(conv3(16, 32, relu))  # N: Revealed type is "typedflux.layers.conv.Conv[Literal[16], Literal[32], Literal['kernel=3x3 stride=1x1 pad=1x1 dilation=1x1']]"
bad = Chain(conv3(3, 16, relu), conv3(32, 32, relu))  # E: Chain layer 2 Conv((3, 3), 32 => 32, relu, pad=1) expects input Tensor[B, 32, H, W], but layer 1 Conv((3, 3), 3 => 16, relu, pad=1) produces Tensor[B, 16, H', W']; change Conv((3, 3), 32 => 32, relu, pad=1) to Conv((3, 3), 16 => 32, relu, pad=1)  [shape]
net = Chain(conv3(3, 16, relu), conv3(16, 32, relu, stride=2))
reveal_type(net(tf.zeros(2, 3, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[32], Literal[4], Literal[4]]"
from_784 = functools.partial(Dense, 784)
reveal_type(from_784(10))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[784], Literal[10]]"
wide = functools.partial(Dense, out_features=64)
reveal_type(wide(32, out_features=16))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[32], Literal[16]]"
attention = functools.partial(MultiHeadAttention, 64)
six = attention(6)  # E: Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)  [shape]


def sized(width: int) -> None:
    of_width = functools.partial(Dense, width)
    reveal_type(of_width(8))  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Literal[8]]"
