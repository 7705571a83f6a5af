"""A list changed through a slice assignment."""
import typedflux as tf
from typedflux import Dense

experts = [Dense(4, 4) for _ in range(2)]
experts[:] = [Dense(4, 4) for _ in range(5)]
x = tf.randn(3, 4)
y = tf.stack([e(x) for e in experts])
print(y.reshape(15, 4).shape)
