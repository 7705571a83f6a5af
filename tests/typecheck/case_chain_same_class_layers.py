"""Several instances of one user layer class in a Chain: each runs with what it holds.

A ResNet stage is ``Chain(Block(16, 32, 2), Block(32, 32))``: two instances of one class,
each built with its own sizes. mypy gives every instance of a plain class one type object,
and the Chain's check read each traced layer by that object, so the last construction's
layers were read for all of them: a false ``[shape]`` error on the first block of every
such stage. Each block now runs with what its own construction built; a real mismatch
between two of them is reported as for any Chain, with the run time's words.
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class ConvBlock:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv = Conv((3, 3), cin, cout, stride=stride, pad=1)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv(x))


mlp = Chain(Block(16, 32), Block(32, 8))
reveal_type(mlp(tf.randn(2, 16)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"
stage = Chain(ConvBlock(16, 32, 2), ConvBlock(32, 32), ConvBlock(32, 64, 2))
reveal_type(stage(tf.randn(2, 16, 32, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[64], Literal[8], Literal[8]]"

broken = Chain(Block(16, 32), Block(16, 8))
broken(tf.randn(2, 16))  # E: Chain layer 2 Block(): Dense(16 => 8) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]  # N: input to layer 2: Tensor[2, 32]
