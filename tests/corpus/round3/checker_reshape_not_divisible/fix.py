"""(pyrefly view_errors) 200 elements cannot be split into rows of 3."""
import typedflux as tf

x = tf.randn(10, 20)
rows = x.reshape(4, -1)
print(rows.shape)
