"""Transformer-XL attends over the cached memory and the current segment: keys come from the two
concatenated along time. They were concatenated along the features."""
import typedflux as tf
from typedflux import Dense

D = 32
to_k = Dense(D, D)
mem = tf.randn(2, 16, D)
seg = tf.randn(2, 16, D)
ctx = tf.cat(mem, seg, axis=-1)
k = to_k(ctx)  # BUG  # E: Dense(32 => 32) expects input Tensor[..., 32], got Tensor[2, 16, 64]; need size 32 at axis -1 (got 64)  [shape]
print(k.shape)
