"""BatchNorm over the features of a [B, T, C] sequence: BatchNorm wants channels on axis 1."""
import typedflux as tf
from typedflux import BatchNorm, Dense

proj = Dense(8, 16)
norm = BatchNorm(16)
x = tf.randn(4, 10, 8)
h = proj(x)
h = norm(h.swapaxes(1, 2)).swapaxes(1, 2)
print(h.shape)
