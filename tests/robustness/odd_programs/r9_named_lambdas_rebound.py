"""Lambdas bound to names and used as layers or connections: a name bound twice (the second
lambda is the one that runs), defaults captured, a lambda returning a tuple, a star lambda as
a Parallel connection, a lambda calling another named lambda."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection

double = lambda h: h * 2  # noqa: E731
double = lambda h: tf.cat(h, h, axis=-1)  # noqa: E731
scaled = lambda h, s=0.5: h * s  # noqa: E731
pair = lambda h: (h, h)  # noqa: E731
join_all = lambda *xs: tf.cat(*xs, axis=-1)  # noqa: E731
inner = lambda h: h + 1  # noqa: E731
outer = lambda h: inner(h) * 3  # noqa: E731

m1 = Chain(Dense(4, 8), double, Dense(16, 2))
m2 = Chain(Dense(4, 8), scaled, outer, Dense(8, 3))
p = Parallel(join_all, Dense(4, 2), Dense(4, 3), Dense(4, 5))
s = SkipConnection(Dense(4, 4), lambda mx, x: mx - x)
x = tf.randn(6, 4)
a, b = pair(x)
print(m1(x).shape, m2(x).shape, p(x).shape, s(x).shape, a.shape, b.shape)
