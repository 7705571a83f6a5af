"""Chain subclasses in odd forms: extra attributes, layers appended, super() with a star,
a subclass of a subclass, Chain.__init__ called directly, layers chosen by a flag."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class MLP(Chain):
    def __init__(self, sizes: List[int]) -> None:
        layers = [Dense(a, b, relu) for a, b in zip(sizes, sizes[1:])]
        super().__init__(*layers)
        self.sizes = sizes


class Wider(MLP):
    def __init__(self) -> None:
        super().__init__([4, 16, 16])


class Direct(Chain):
    def __init__(self, wide: bool) -> None:
        if wide:
            Chain.__init__(self, Dense(4, 32), Dense(32, 2))
        else:
            Chain.__init__(self, Dense(4, 2))


class Named(Chain):
    def __init__(self) -> None:
        super().__init__(enc=Dense(4, 8), dec=Dense(8, 4))

    def encode(self, x: Tensor) -> Tensor:
        return self.layers["enc"](x)


class Ordered(Chain):
    def __init__(self, n: int) -> None:
        super(Ordered, self).__init__(*[Dense(4, 4) for _ in range(n)])


x = tf.randn(3, 4)
m = MLP([4, 8, 2])
print(m(x).shape, Wider()(x).shape, Direct(True)(x).shape, Direct(False)(x).shape)
print(Named()(x).shape, Named().encode(x).shape, Ordered(3)(x).shape, Ordered(0)(x).shape)
m2 = MLP([4, 8, 3])
y = m2(x)
print(y.reshape(9).shape, len(m.sizes))
