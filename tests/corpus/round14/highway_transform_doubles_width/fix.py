"""A highway layer mixes a transform H(x) and the input x by a gate T(x): T * H + (1 - T) * x,
so H keeps the width; H was built doubling it."""
import typedflux as tf
from typedflux import Dense, relu, sigmoid


class Highway:
    def __init__(self, d: int) -> None:
        self.h = Dense(d, d, relu)
        self.t = Dense(d, d, sigmoid)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        t = self.t(x)
        return t * self.h(x) + (1 - t) * x


layers = [Highway(24) for _ in range(3)]
x = tf.randn(5, 24)
for layer in layers:
    x = layer(x)
print(x.shape)
