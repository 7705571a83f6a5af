"""A classifier head sized from the data's shape read at the wrong index: x.shape[1] is the
time axis, the features are x.shape[-1]."""
import typedflux as tf
from typedflux import Dense

x = tf.randn(8, 20, 6)
head = Dense(x.shape[-1], 3)
pooled = x.mean(axis=1)
print(head(pooled).shape)
