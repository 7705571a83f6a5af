"""A linear map by hand multiplies by the weight in PyTorch's (out, in) layout without .T."""
import typedflux as tf

x = tf.randn(8, 5)
weight = tf.randn(3, 5)
bias = tf.zeros(3)
y = x @ weight.T + bias
print(y.shape)
