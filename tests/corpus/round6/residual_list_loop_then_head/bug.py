"""Residual Dense blocks in a list applied in a loop, then a head sized for another width."""
import typedflux as tf
from typedflux import Dense, relu

tf.seed(11)
blocks = [Dense(32, 32, relu) for _ in range(3)]
h = tf.randn(4, 32)
for blk in blocks:
    h = h + blk(h)
head = Dense(16, 2)
out = head(h)  # BUG  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[4, 32]; need size 16 at axis -1 (got 32)  [shape]
print(out.shape)
