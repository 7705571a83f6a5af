"""A feature switch picks one of two projections; the mask built for it has the wrong length."""
import typedflux as tf
from typedflux import Dense

use_small = True
small, large = Dense(6, 3), Dense(6, 5)
x = tf.randn(2, 6)
h = small(x) if use_small else large(x)
scaled = h * tf.ones(2, 3) if use_small else h * tf.ones(2, 5)
mask = tf.ones(2, 3)
print((small(x) * mask).shape)
