"""A variable rebound to new shapes step by step (allow_redefinition); one step is wrong."""
import typedflux as tf

x = tf.randn(2, 3, 4)
x = x.transpose(0, 2, 1)
x = x.reshape(2, 12)
x = x @ tf.randn(12, 5)
print(x.shape)
