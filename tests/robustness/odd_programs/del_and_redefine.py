"""A module constant deleted and redefined; a layer deleted then rebuilt."""
import typedflux as tf
from typedflux import Dense

HIDDEN = 8
del HIDDEN
HIDDEN = 16
layer = Dense(4, HIDDEN)
del layer
layer = Dense(4, 3)
print(layer(tf.randn(2, 4)).reshape(6).shape)
