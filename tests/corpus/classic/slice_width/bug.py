"""A slice keeps one column too many before a layer of fixed width."""
import typedflux as tf
from typedflux import Dense

features = tf.randn(5, 12)
head = Dense(8, 2)
print(head(features[:, :9]).shape)  # BUG  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[5, 9]; need size 8 at axis -1 (got 9)  [shape]
