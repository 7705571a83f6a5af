"""A hypernetwork emits a target layer's weight and bias from one vector; it was sized for the
weight only, so the bias slice is empty."""
import typedflux as tf
from typedflux import Dense

IN, OUT, Z = 8, 4, 16
hyper = Dense(Z, IN * OUT)
params = hyper(tf.randn(1, Z))[0]
w = params[: IN * OUT].reshape(IN, OUT)
b = params[IN * OUT :]
x = tf.randn(10, IN)
y = x @ w + b  # BUG  # E: Cannot broadcast for "add": x has Tensor[10, 4], y has Tensor[0]; need equal sizes or 1 at axis -1 (4 vs 0)  [shape]
print(y.shape)
