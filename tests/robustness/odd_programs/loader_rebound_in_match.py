"""A DataLoader name rebound in a match statement arm."""
import sys

import typedflux as tf

x, y = tf.randn(10, 3), tf.randn(10, 2)
loader = tf.DataLoader((x, y), batchsize=5)
match len(sys.argv):
    case 99:
        loader = tf.DataLoader((tf.randn(10, 7), y), batchsize=5)
    case _:
        pass
for xb, yb in loader:
    print(xb.reshape(-1, 3).shape, yb.shape)
