"""Containers in odd forms: a Parallel with one branch, a Parallel called with a tuple of
inputs, Maxout from a lambda factory, PairwiseFusion given one input per layer, a
SkipConnection inside a Parallel, and nested SkipConnections."""
import typedflux as tf
from typedflux import Dense, Maxout, PairwiseFusion, Parallel, SkipConnection, relu

single = Parallel(tf.add, Dense(4, 4))
two_inputs = Parallel(tf.add, Dense(3, 4), Dense(5, 4))
maxout = Maxout(lambda: Dense(4, 6), 3)
fusion = PairwiseFusion(tf.add, Dense(4, 4), Dense(4, 4), Dense(4, 4))
mixed = Parallel(tf.cat, SkipConnection(Dense(4, 4, relu), tf.add), Dense(4, 2))
nested = SkipConnection(SkipConnection(Dense(4, 4), tf.add), tf.mul)
x = tf.randn(2, 4)
ys = fusion(x, x, x)
print(single(x).shape, two_inputs(tf.randn(2, 3), tf.randn(2, 5)).shape, maxout(x).shape,
      [y.shape for y in ys], mixed(x).shape, nested(x).shape, fusion(x)[2].shape)
