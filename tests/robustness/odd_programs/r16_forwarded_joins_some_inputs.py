"""Forwarded-lambda joins that hold only for some inputs (must not be refused where built)."""
import typedflux as tf
from typedflux import (AdaptiveMeanPool, Chain, Conv, ConvTranspose, Dense, GlobalMeanPool, MaxPool, Parallel,
                       PixelShuffle, SkipConnection, Upsample, identity, relu)

a = Parallel(lambda x, y: tf.cat(x, y, axis=1), AdaptiveMeanPool((4, 4)), identity)
print(a(tf.randn(1, 3, 4, 4)).shape)
b = Parallel(lambda x, y: tf.cat(x, y, axis=1), Conv((3, 3), 3, 4, dilation=2, pad=2), Conv((1, 1), 3, 4))
print(b(tf.randn(1, 3, 6, 6)).shape)
c = Parallel(lambda x, y: tf.cat(x, y, axis=1), GlobalMeanPool(), Conv((3, 3), 3, 2))
print(c(tf.randn(1, 3, 3, 3)).shape)
d = SkipConnection(Chain(Conv((3, 3), 3, 3, stride=2, pad=1), ConvTranspose((2, 2), 3, 3, stride=2)),
                   lambda mx, x: tf.cat(mx, x, axis=1))
print(d(tf.randn(1, 3, 8, 8)).shape)
e = SkipConnection(Chain(Conv((1, 1), 4, 16), PixelShuffle(2), MaxPool((2, 2))), lambda mx, x: tf.cat(mx, x, axis=1))
print(e(tf.randn(1, 4, 6, 6)).shape)
g = Parallel(lambda x, y: tf.cat(x, y, axis=-1), Dense(4, 3), lambda t: t[..., :2])
print(g(tf.randn(2, 4)).shape)
h = Parallel(lambda x, y: tf.cat(x, y, axis=1), Upsample(size=(8, 8)), identity)
print(h(tf.randn(1, 2, 8, 8)).shape)
i = Parallel(lambda x, y: tf.cat(x, y, axis=0), Dense(4, 4), identity)
print(i(tf.randn(2, 4)).shape)
