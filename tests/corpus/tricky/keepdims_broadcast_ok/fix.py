"""Centering with keepdims=True is legal; centering columns with the row mean is not."""
import typedflux as tf

x = tf.randn(5, 3)
centered_rows = x - x.mean(axis=1, keepdims=True)
centered_cols = x - x.mean(axis=0)
print(centered_rows.shape, centered_cols.shape)
