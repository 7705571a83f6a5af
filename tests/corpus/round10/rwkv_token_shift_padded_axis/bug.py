"""RWKV's token shift: the previous time step's features, made by padding one step at the start
of the time axis and dropping the last. The padding went on the feature axis."""
import typedflux as tf

B, T, D = 2, 8, 16
x = tf.randn(B, T, D)
mu = tf.rand(D)
x_prev = tf.pad(x, [(0, 0), (0, 0), (1, 0)])[:, :-1]
mixed = x * mu + x_prev * (1 - mu)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 7, 17], y has Tensor[16]; need equal sizes or 1 at axis -1 (17 vs 16)  [shape]
print(mixed.shape)
