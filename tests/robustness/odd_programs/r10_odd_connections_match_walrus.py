"""Odd but correct composition forms."""
import functools
import operator
import sys

import typedflux as tf
from typedflux import Chain, Conv, Dense, Maxout, PairwiseFusion, Parallel, SkipConnection, relu, BatchNorm

x = tf.randn(2, 8)
cat1 = functools.partial(tf.cat, axis=1)
sk = SkipConnection(Dense(8, 8), operator.add)
sk2 = SkipConnection(Dense(8, 4), cat1)
par = Parallel(lambda *xs: tf.cat(*xs, axis=1), Dense(8, 3), Dense(8, 5))
par2 = Parallel(cat1, Dense(8, 3), Dense(8, 5))
mo = Maxout(lambda: Dense(8, 6), 3)
pf = PairwiseFusion(operator.add, Dense(8, 8), Dense(8, 8))
print(sk(x).shape, sk2(x).shape, par(x).shape, par2(x).shape, mo(x).shape, [t.shape for t in pf(x)])
print(Dense(12, 1)(sk2(x)).shape, Dense(8, 1)(par(x)).shape)
y = functools.reduce(lambda h, f: f(h), [Dense(8, 16), Dense(16, 4)], x)
print(y.shape)
deep = True
layers = [Dense(8, 8, relu) if deep else Dense(8, 8) for _ in range(3)]
print(Chain(*layers)(x).shape)
print(Chain(*(Dense(8, 8) for _ in range(2)), *[relu], Dense(8, 2))(x).shape)
match len(sys.argv):
    case 1:
        m = Dense(8, 2)
    case _:
        m = Dense(8, 2, relu)
print(m(x).shape)
if (n := 4) > 2:
    print(Dense(8, n)(x).shape)
blocks = [Conv((3, 3), c, c, pad=1) for c in (4,) * 3]
h = tf.randn(1, 4, 5, 5)
for b in blocks:
    h = h + b(h)
print(h.shape)
res = Chain(SkipConnection(Chain(Conv((3, 3), 4, 4, pad=1), BatchNorm(4), relu), operator.add), relu)
print(res(h).shape)
f = lambda *a: sum(a[1:], a[0])
print(Parallel(f, Dense(8, 2), Dense(8, 2))(x).shape)
print(SkipConnection(Chain(), operator.add)(x).shape if False else 0)
