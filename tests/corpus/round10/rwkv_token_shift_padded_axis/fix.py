"""RWKV's token shift: the previous time step's features, made by padding one step at the start
of the time axis and dropping the last. The padding went on the feature axis."""
import typedflux as tf

B, T, D = 2, 8, 16
x = tf.randn(B, T, D)
mu = tf.rand(D)
x_prev = tf.pad(x, [(0, 0), (1, 0), (0, 0)])[:, :-1]
mixed = x * mu + x_prev * (1 - mu)
print(mixed.shape)
