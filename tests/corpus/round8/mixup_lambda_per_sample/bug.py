"""Mixup with one mixing weight per sample: the weights must broadcast over the image's
axes; they were left a vector."""
import typedflux as tf

x = tf.rand(8, 3, 16, 16)
lam = tf.rand(8)
perm = tf.tensor([1, 0, 3, 2, 5, 4, 7, 6])
mixed = lam * x + (1 - lam) * x[perm]  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8], y has Tensor[8, 3, 16, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
print(mixed.shape)
