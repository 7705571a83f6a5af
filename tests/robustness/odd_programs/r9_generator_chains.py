"""Chains built from generator expressions: plain, with a condition, nested in a list, over
zip/enumerate, a generator consumed twice (the second Chain is empty but for its last
layer), and tuple() of a generator."""
import typedflux as tf
from typedflux import Chain, Dense, relu

sizes = [8, 16, 16, 4]
c1 = Chain(*(Dense(a, b, relu) for a, b in zip(sizes, sizes[1:])))
c2 = Chain(*(Dense(8, 8) for i in range(4) if i % 2 == 0))
c3 = Chain(*[Dense(8, 8) for _ in range(2)], *(Dense(8, 8) for _ in range(1)), Dense(8, 2))
c4 = Chain(*(Dense(8, 8, relu if i else tf.identity) for i, _ in enumerate(range(3))))
gen = (Dense(8, 8) for _ in range(2))
c5 = Chain(*gen)
c6 = Chain(*gen, Dense(8, 3))
c7 = Chain(*tuple(Dense(8, 8) for _ in range(2)))
x = tf.randn(3, 8)
print(c1(x).shape, c2(x).shape, c3(x).shape, c4(x).shape, c5(x).shape, c6(x).shape, c7(x).shape)
