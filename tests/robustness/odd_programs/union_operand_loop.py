"""A name whose shape changes in a loop (a union), used as an operand and in a match."""
import typedflux as tf
from typedflux import Dense

h = tf.randn(2, 4)
for layer in [Dense(4, 8), Dense(8, 4)]:
    h = layer(h)
    z = h * 2.0 + h
match h.shape:
    case (2, 4):
        print((h + tf.randn(2, 4)).shape)
    case _:
        print("other")
