"""A Siamese network with the contrastive loss: the pair distances were reduced with
`keepdims`, so they do not match the 0/1 pair labels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
tower = Chain(Dense(20, 32, relu), Dense(32, 8))


def pair_loss(a: Tensor[B, 20], b: Tensor[B, 20], same: Tensor[B]) -> Tensor[()]:
    diff = tower(a) - tower(b)
    dist = tf.sqrt((diff * diff).sum(axis=1) + 1e-8)
    return tf.losses.siamese_contrastive_loss(dist, same)


print(pair_loss(tf.randn(5, 20), tf.randn(5, 20), tf.tensor([0.0, 1.0, 1.0, 0.0, 1.0])).item())
