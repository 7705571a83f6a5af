"""Forwarded-lambda connections (checker's branch: checked where built): correct compositions
whose branches agree only for some inputs, or whose join is legal for every input."""
import typedflux as tf
from typedflux import (Chain, Conv, Dense, MaxPool, MeanPool, Parallel, SkipConnection, Upsample,
                       identity, relu)

cat1 = lambda a, b: tf.cat(a, b, axis=1)
p1 = Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((3, 3), 3, 8, stride=2, pad=1), MeanPool((2, 2)))
print(p1(tf.randn(1, 3, 8, 8)).shape)
p3 = Parallel(lambda a, b: tf.cat(a, b, axis=-1), Dense(4, 3), identity)
print(p3(tf.randn(2, 4)).shape, p3(tf.randn(2, 5, 4)).shape)
s1 = SkipConnection(Chain(Conv((3, 3), 4, 4, pad=1), relu), lambda mx, x: tf.cat(mx, x, axis=1))
print(s1(tf.randn(1, 4, 6, 6)).shape)
s2 = SkipConnection(Chain(MaxPool((2, 2)), Upsample(2)), lambda mx, x: tf.cat(mx, x, axis=1))
print(s2(tf.randn(1, 3, 8, 8)).shape)
p4 = Parallel(lambda a, b: tf.concat([a, b], axis=1), Dense(6, 2), Dense(6, 3))
print(p4(tf.randn(2, 6)).shape)
p5 = Parallel(lambda a, b, c: tf.cat(a, b, c, axis=1), relu, identity, tf.tanh)
print(p5(tf.randn(2, 3)).shape, p5(tf.randn(2, 3, 4, 4)).shape)
p6 = Parallel(lambda a, b: tf.add(a, b), Dense(4, 4), identity)
print(p6(tf.randn(2, 4)).shape)
p7 = Parallel(lambda a, b: tf.stack([a, b], axis=1), Dense(4, 4), Dense(4, 4))
print(p7(tf.randn(2, 4)).shape)
p8 = Parallel(cat1, Dense(4, 3), Dense(4, 5))
print(p8(tf.randn(2, 4)).shape)
net = Chain(Dense(4, 6), Parallel(lambda a, b: tf.cat(a, b, axis=-1), Dense(6, 2), Dense(6, 2)), Dense(4, 1))
print(net(tf.randn(3, 4)).shape)
p9 = Parallel(lambda a, b: tf.cat(a, b, axis=0), Dense(4, 3), Dense(4, 3))
print(p9(tf.randn(2, 4)).shape)
seq = Parallel(lambda a, b: tf.cat(a, b, axis=1), Dense(4, 4), Dense(4, 4))
print(seq(tf.randn(2, 7, 4)).shape)


def join(a, b):
    return tf.cat(a, b, axis=1)


p10 = Parallel(join, Conv((3, 3), 3, 2, pad=1), Conv((5, 5), 3, 2, pad=2))
print(p10(tf.randn(1, 3, 5, 5)).shape)
