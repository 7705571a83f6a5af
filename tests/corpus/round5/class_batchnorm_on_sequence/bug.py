"""BatchNorm over the features of a [B, T, C] sequence: BatchNorm wants channels on axis 1."""
import typedflux as tf
from typedflux import BatchNorm, Dense

proj = Dense(8, 16)
norm = BatchNorm(16)
x = tf.randn(4, 10, 8)
h = proj(x)
h = norm(h)  # BUG  # E: BatchNorm(16) expects input Tensor[B, 16, ...], got Tensor[4, 10, 16]; need size 16 at axis 1 (got 10)  [shape]
print(h.shape)
