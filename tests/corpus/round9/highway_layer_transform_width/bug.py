"""A highway layer mixes a transform of x with x itself through a gate, so the transform keeps
the width; it was built to widen."""
import typedflux as tf
from typedflux import Dense, relu

D = 64
transform = Dense(D, 2 * D, relu)
gate = Dense(D, D, tf.sigmoid)
x = tf.randn(8, D)
t = gate(x)
y = t * transform(x) + (1 - t) * x  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8, 64], y has Tensor[8, 128]; need equal sizes or 1 at axis -1 (64 vs 128)  [shape]
print(y.shape)
