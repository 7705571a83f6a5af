"""A parameter ``Optional[Tensor] = None`` left out (or given by keyword) in a body the flow runs.

Models write their masks, targets and caches as ``mask: Optional[Tensor] = None``. A plain
def or a user layer's ``__call__`` called without it runs with ``None`` there (its ``if
mask is not None:`` takes that branch), given it by position or by keyword (``blk(x,
mask=m)``) with what it is given; a block held by a model and called so in the model's body
runs the same way. The call is typed by the body and a mismatch in it is reported at the
call. Each with its fix, concrete and symbolic; the same lines fail at run time with the
same words.
"""

from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)


def masked(x: tf.Tensor, m: Optional[tf.Tensor] = None) -> tf.Tensor:
    if m is not None:
        x = x * m
    return x


class Block:
    def __init__(self, d: int) -> None:
        self.ln = LayerNorm(d)
        self.proj = Dense(d, d)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = self.ln(x)
        if mask is not None:
            h = h * mask
        return x + self.proj(h)


class Model:
    def __init__(self, d: int) -> None:
        self.blk = Block(d)
        self.head = Dense(d, 5)

    def __call__(self, x: tf.Tensor, mask: tf.Tensor) -> tf.Tensor:
        return self.head(self.blk(x, mask=mask))


x = tf.randn(2, 6, 24)
Dense(24, 2)(masked(x))
Dense(4, 2)(masked(x))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 6, 24]; need size 4 at axis -1 (got 24)  [shape]
masked(x, tf.ones(2, 6, 1))
masked(x, tf.ones(2, 6, 7))  # E: Cannot broadcast for "mul": x has Tensor[2, 6, 24], y has Tensor[2, 6, 7]; need equal sizes or 1 at axis -1 (24 vs 7)  [shape]
Dense(24, 2)(Block(24)(x))
Dense(4, 2)(Block(24)(x))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 6, 24]; need size 4 at axis -1 (got 24)  [shape]
Block(24)(x, mask=tf.ones(2, 6, 1))
Block(24)(x, mask=tf.ones(2, 6, 7))  # E: Cannot broadcast for "mul": x has Tensor[2, 6, 24], y has Tensor[2, 6, 7]; need equal sizes or 1 at axis -1 (24 vs 7)  [shape]
Dense(5, 2)(Model(24)(x, tf.ones(2, 6, 1)))
Model(24)(x, tf.ones(2, 6, 7))  # E: Cannot broadcast for "mul": x has Tensor[2, 6, 24], y has Tensor[2, 6, 7]; need equal sizes or 1 at axis -1 (24 vs 7)  [shape]


@tf.shapecheck
def block(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return Block(24)(x)


@tf.shapecheck
def block_wrong(x: Tensor[B, 6, 24]) -> Tensor[B, 6, 24]:
    return Block(24)(x, mask=tf.ones(6, 7))  # E: Cannot broadcast for "mul": x has Tensor[B, 6, 24], y has Tensor[6, 7]; need equal sizes or 1 at axis -1 (24 vs 7)  [shape]


block(tf.randn(3, 6, 24))
block_wrong(tf.randn(3, 6, 24))
