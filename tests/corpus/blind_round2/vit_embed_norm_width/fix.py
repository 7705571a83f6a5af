"""ViT embedding (patches, CLS token, positions) followed by a norm of the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)

P = 8
patch_embed = Dense(3 * P * P, 128)
cls = tf.zeros(1, 1, 128)
pos = tf.zeros(1, 17, 128)


def embed(images: Tensor[B, 3, 32, 32]) -> Tensor[B, 17, 128]:
    patches = tf.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
    tokens = patch_embed(patches)
    b = images.shape[0]
    cls_tokens = tf.tile(cls, b, 1, 1)
    return tf.concat([cls_tokens, tokens], axis=1) + pos


out = embed(tf.randn(4, 3, 32, 32))
head = LayerNorm(128)(out)
print(head.shape)
