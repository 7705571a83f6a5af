"""A slice keeps one column too many before a layer of fixed width."""
import typedflux as tf
from typedflux import Dense

features = tf.randn(5, 12)
head = Dense(8, 2)
print(head(features[:, :8]).shape)
