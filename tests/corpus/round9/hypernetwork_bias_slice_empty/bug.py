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
y = x @ w + b  # BUG[gap checker: a broadcast against a zero-size axis (params[32:] of a Tensor[32] is Tensor[0]) is read as broadcastable: Tensor[10, 4] + Tensor[0] is typed Tensor[10, 4], no error]
print(y.shape)
