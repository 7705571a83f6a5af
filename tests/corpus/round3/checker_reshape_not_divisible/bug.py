"""(pyrefly view_errors) 200 elements cannot be split into rows of 3."""
import typedflux as tf

x = tf.randn(10, 20)
rows = x.reshape(3, -1)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[10, 20], target is (3, -1); need the element count divisible by the other target sizes (200 vs 3)  [shape]
print(rows.shape)
