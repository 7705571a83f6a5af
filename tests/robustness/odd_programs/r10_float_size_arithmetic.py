"""Sizes from float arithmetic on dims and ints: int(d * 1.5), round(d / 3), math.ceil, int(d ** 0.5)."""
import math

import typedflux as tf
from typedflux import Dense

x = tf.randn(2, 10)
d = x.shape[1]
a = Dense(d, int(d * 1.5))
b = Dense(int(d * 1.5), round(d / 3))
c = Dense(round(d / 3), math.ceil(d / 4))
e = Dense(math.ceil(d / 4), int(d ** 0.5))
f = Dense(int(d ** 0.5), d // 2 * 3)
y = f(e(c(b(a(x)))))
print(y.shape, Dense(15, 1)(y).shape)
D = 10
g = Dense(int(D * 1.5), round(D / 3))
print(g(tf.randn(1, 15)).shape, Dense(3, 1)(g(tf.randn(1, 15))).shape)
h = Dense(int(2.5 * 4), int(7 / 2))
print(Dense(3, 1)(h(tf.randn(1, 10))).shape)
