"""Mixup with one mixing weight per sample: the weights must broadcast over the image's
axes; they were left a vector."""
import typedflux as tf

x = tf.rand(8, 3, 16, 16)
lam = tf.rand(8)
perm = tf.tensor([1, 0, 3, 2, 5, 4, 7, 6])
mixed = lam[:, None, None, None] * x + (1 - lam[:, None, None, None]) * x[perm]
print(mixed.shape)
