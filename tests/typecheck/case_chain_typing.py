"""The annotations people write around Chains: indexing, named layers, ``layers``, a bare
``Chain`` annotation; and constructor arguments no input could make valid."""

from typing import Final, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import (
    AdaptiveMeanPool,
    Chain,
    Dense,
    MaxPool,
    MultiHeadAttention,
    Tensor,
    relu,
)

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

model = Chain(Dense(3, 4, relu), Dense(4, 1))
reveal_type(model[0])  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[3], Literal[4]]"
reveal_type(model.layers[0])  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[3], Literal[4]]"
reveal_type(model[-1])  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[1]]"
reveal_type(model[1:])  # N: Revealed type is "typedflux.layers.containers.Chain[typedflux.layers.basic.Dense[Literal[4], Literal[1]]]"
reveal_type(model.layers)  # N: Revealed type is "tuple[typedflux.layers.basic.Dense[Literal[3], Literal[4]], typedflux.layers.basic.Dense[Literal[4], Literal[1]]]"
wrong_first = model[0](tf.zeros(2, 5))  # E: Dense(3 => 4, relu) expects input Tensor[..., 3], got Tensor[2, 5]; need size 3 at axis -1 (got 5)  [shape]
reveal_type(model[1:](tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[1]]"
# A slice with a step builds a Chain whose layers meet in new pairs: checked where it is built,
# as at run time. Without a step (``model[1:]``) the pairs are the original ones.
reversed_model = model[::-1]  # E: Chain layer 2 Dense(3 => 4, relu) expects input Tensor[..., 3], but layer 1 Dense(4 => 1) produces Tensor[B, 1]; change Dense(3 => 4, relu) to Dense(1 => 4, relu)  [shape]
every_second = Chain(Dense(4, 8), Dense(8, 4), Dense(4, 6))[::2]  # E: Chain layer 2 Dense(4 => 6) expects input Tensor[..., 4], but layer 1 Dense(4 => 8) produces Tensor[B, 8]; change Dense(4 => 6) to Dense(8 => 6)  [shape]
# A Chain refused where built is not refused again where it is sliced (it never exists).
unbuilt = Chain(Dense(4, 8), Dense(4, 2))  # E: Chain layer 2 Dense(4 => 2) expects input Tensor[..., 4], but layer 1 Dense(4 => 8) produces Tensor[B, 8]; change Dense(4 => 2) to Dense(8 => 2)  [shape]


def reversed_unbuilt() -> object:
    return unbuilt[::-1]  # (never run: unbuilt does not exist at run time)


square = Chain(Dense(4, 4), Dense(4, 4, relu), Dense(4, 4))
reveal_type(square[::-1](tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[4]]"
reveal_type(square[::2])  # N: Revealed type is "typedflux.layers.containers.Chain[typedflux.layers.basic.Dense[Literal[4], Literal[4]], typedflux.layers.basic.Dense[Literal[4], Literal[4]]]"
stack = Chain(Dense(3, 4), Dense(4, 4), Dense(4, 1))


@tf.shapecheck
def every_other(x: Tensor[B, 3]) -> Tensor[B, 1]:
    return stack[::2](x)


@tf.shapecheck
def every_other_wide(x: Tensor[B, 5]) -> Tensor[B, 1]:
    return stack[::2](x)  # E: Chain layer 1 Dense(3 => 4) expects input Tensor[..., 3], got Tensor[B, 5]; need size 3 at axis -1 (got 5)  [shape]


every_other(tf.zeros(2, 3))
every_other_wide(tf.zeros(2, 5))
state = tf.setup(tf.Adam(0.01), model)
tf.freeze(model.layers[0])
before = model.layers[0].weight.numpy().copy()

named = Chain(enc=Dense(4, 2, relu), dec=Dense(2, 4))
reveal_type(named.enc)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[2]]"
reveal_type(named["dec"])  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[2], Literal[4]]"
reveal_type(named.enc(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
wrong_named = named.dec(tf.zeros(3, 4))  # E: Dense(2 => 4) expects input Tensor[..., 2], got Tensor[3, 4]; need size 2 at axis -1 (got 4)  [shape]
# A named Chain's layers are a dict by name, as at run time (where ``named.layers[0]`` is a
# KeyError); by position it is ``named[0]``.
reveal_type(named.layers)  # N: Revealed type is "dict[str, Any]"
reveal_type(named[0])  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[2]]"


def named_by_position() -> object:
    return named.layers[0]  # E: Invalid index type "int" for "dict[str, Any]"; expected type "str"  [index]


def forward(m: Chain, x: Tensor[B, 3]) -> Tensor[B, 1]:
    return m(x)


def first_layer(m: Chain) -> Dense:
    layer = m[0]
    assert isinstance(layer, Dense)
    return layer


forward(model, tf.zeros(2, 3))
first_layer(model)

D_IN: Final = 784


def typed_layer(d: Dense[D_IN, 32], x: Tensor[B, 700]) -> None:
    reveal_type(d)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[784], Literal[32]]"
    d(x)  # E: Dense(784 => 32, ?) expects input Tensor[..., 784], got Tensor[B, 700]; need size 784 at axis -1 (got 700)  [shape]


typed_layer(Dense(784, 32), tf.zeros(2, 700))

# Arguments no input could make valid are errors on the argument, as at run time.
negative = Dense(-1, 3)  # E: Invalid argument for "Dense": in_features = -1; need an int >= 1  [shape]
heads = MultiHeadAttention(16, -4)  # E: Invalid argument for "MultiHeadAttention": nheads = -4; need an int >= 1  [shape]
indivisible = MultiHeadAttention(64, 6)  # E: Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)  [shape]
empty_output = AdaptiveMeanPool((0, 0))  # E: Invalid argument for "AdaptiveMeanPool": out_hw = 0; need an int >= 1 or a pair of them  [shape]
padding_only = MaxPool((2, 2), pad=5)  # E: Invalid arguments for "MaxPool": window = 2, pad = 5; need pad <= window // 2 on each axis (5 vs 1)  [shape]
attention = MultiHeadAttention(64, 8)


def sized(x: Tensor[B, N]) -> None:
    n = x.shape[1]
    MultiHeadAttention(n, 6)  # N may be divisible by 6: nothing is claimed
    Dense(n - n, 3)  # E: Invalid argument for "Dense": in_features = 0; need an int >= 1  [shape]


sized(tf.zeros(2, 12))
