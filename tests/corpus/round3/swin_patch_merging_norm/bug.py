"""Swin patch merging: four strided views joined on channels give 4C, normalised as 2C."""
import typedflux as tf
from typedflux import Dense, LayerNorm

C = 32
norm = LayerNorm(2 * C)
reduction = Dense(4 * C, 2 * C, bias=False)
x = tf.randn(2, 8, 8, C)
x0, x1 = x[:, 0::2, 0::2, :], x[:, 1::2, 0::2, :]
x2, x3 = x[:, 0::2, 1::2, :], x[:, 1::2, 1::2, :]
merged = tf.concat([x0, x1, x2, x3], axis=-1)
out = reduction(norm(merged))  # BUG  # E: LayerNorm(64) expects input Tensor[..., 64], got Tensor[2, 4, 4, 128]; need size 64 at axis -1 (got 128)  [shape]
print(out.shape)
