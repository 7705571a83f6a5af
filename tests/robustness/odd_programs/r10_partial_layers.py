"""functools.partial over layers: positional sizes fixed, keywords fixed then overridden, user classes."""
import functools
from functools import partial

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, identity, relu

from16 = partial(Dense, 16)
conv3 = partial(Conv, (3, 3), pad=1)
act_dense = partial(Dense, activation=relu)
cat1 = partial(tf.cat, axis=1)
print(from16(32)(tf.randn(2, 16)).shape, conv3(3, 8)(tf.randn(1, 3, 5, 5)).shape)
print(act_dense(4, 6, activation=identity)(tf.randn(1, 4)).shape, cat1(tf.randn(2, 3), tf.randn(2, 5)).shape)
print(Dense(8, 1)(cat1(tf.randn(2, 3), tf.randn(2, 5))).shape)


class Block:
    def __init__(self, d: int, norm: bool = True) -> None:
        self.fc = Dense(d, d)
        self.norm = LayerNorm(d) if norm else identity

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.fc(x))


make_block = functools.partial(Block, norm=False)
blocks = [make_block(8) for _ in range(2)]
x = tf.randn(2, 8)
for b in blocks:
    x = b(x)
print(x.shape, Chain(conv3(3, 4), conv3(4, 4, stride=2))(tf.randn(1, 3, 8, 8)).shape)
widths = [8, 16, 4]
layer = partial(Dense, activation=relu)
mlp = Chain(*[layer(a, b) for a, b in zip(widths, widths[1:])])
print(mlp(tf.randn(1, 8)).shape, Dense(4, 1)(mlp(tf.randn(1, 8))).shape)
