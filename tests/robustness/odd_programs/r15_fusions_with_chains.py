"""PairwiseFusion / Maxout with Chains (correct), Parallel with Chains of several widths,
Maxout built from a factory."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Maxout, PairwiseFusion, Parallel, relu, SkipConnection

m = Maxout(Chain(Dense(8, 16), relu), Chain(Dense(8, 4), Dense(4, 16)))
print(m(tf.randn(2, 8)).shape)
m2 = Maxout(lambda: Chain(Dense(8, 8), relu), 3)
print(m2(tf.randn(2, 8)).shape)
pf = PairwiseFusion(tf.add, Dense(8, 8), Chain(Dense(8, 4), Dense(4, 8)), Dense(8, 8))
ys = pf(tf.randn(2, 8))
print([y.shape for y in ys])
pf2 = PairwiseFusion(lambda a, b: tf.cat(a, b, axis=1), Dense(8, 4), Chain(Dense(12, 6), relu))
print([y.shape for y in pf2(tf.randn(2, 8))])
pf3 = PairwiseFusion(tf.add, Dense(8, 8), Dense(8, 8))
print([y.shape for y in pf3((tf.randn(2, 8), tf.randn(2, 8)))])
par = Parallel(lambda a, b, c: tf.cat(a, b, c, axis=1), Dense(8, 2), Chain(Dense(8, 4), LayerNorm(4)), Maxout(Dense(8, 6), Dense(8, 6)))
print(par(tf.randn(2, 8)).shape, Chain(par, Dense(12, 3))(tf.randn(2, 8)).shape)
deep = Chain(Dense(8, 8), SkipConnection(Chain(Maxout(Dense(8, 8), Chain(Dense(8, 8), relu)), LayerNorm(8)), tf.add), Dense(8, 2))
print(deep(tf.randn(3, 8)).shape)
