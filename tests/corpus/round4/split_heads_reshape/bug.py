"""Splitting heads by reshape + transpose: the head dim is computed with the wrong head count."""
import typedflux as tf

B, T, D, H = 2, 5, 32, 4
x = tf.randn(B, T, D)
q = x.reshape(B, T, H, D // 8).transpose(0, 2, 1, 3)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 5, 32], target is (2, 5, 4, 4); need equal element counts (320 vs 160)  [shape]
print(q.shape)
