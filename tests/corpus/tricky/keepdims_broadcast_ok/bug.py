"""Centering with keepdims=True is legal; centering columns with the row mean is not."""
import typedflux as tf

x = tf.randn(5, 3)
centered_rows = x - x.mean(axis=1, keepdims=True)
centered_cols = x - x.mean(axis=1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[5, 3], y has Tensor[5]; need equal sizes or 1 at axis -1 (3 vs 5); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(centered_rows.shape, centered_cols.shape)
