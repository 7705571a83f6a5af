"""Correct (round 17's false-alarm hunt): Parallel connections forwarding to ops whose branches broadcast legally (a per-sample gate (B,1) times (B,8)), and a cat on the batch axis."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, sigmoid

gate = Chain(Parallel(lambda g, v: tf.mul(g, v), Dense(8, 1, sigmoid), Dense(8, 8)), Dense(8, 2))
print(gate(tf.zeros(3, 8)).shape)
gate2 = Chain(Parallel(lambda g, v: g * v, Dense(8, 1, sigmoid), Dense(8, 8)), Dense(8, 2))
print(gate2(tf.zeros(3, 8)).shape)
batch = Chain(Parallel(lambda a, b: tf.cat(a, b, axis=0), Dense(8, 4), Dense(8, 4)), Dense(4, 2))
print(batch(tf.zeros(3, 8)).shape)
dflt = Chain(Parallel(lambda a, b: tf.cat(a, b), Dense(8, 4), Dense(8, 2)), Dense(6, 1))
print(dflt(tf.zeros(3, 8)).shape)
star = Chain(Parallel(lambda *xs: tf.cat(*xs, axis=1), Dense(8, 4), Dense(8, 2), Dense(8, 1)), Dense(7, 1))
print(star(tf.zeros(3, 8)).shape)
scale = Chain(SkipConnection(Dense(8, 1), lambda s, x: tf.mul(x, s)), Dense(8, 3))
print(scale(tf.zeros(2, 8)).shape)
