"""A model's list attribute changed through an alias after construction."""
import typedflux as tf
from typedflux import Dense, relu


class MLP:
    def __init__(self, d: int, depth: int) -> None:
        self.layers = [Dense(d, d, relu) for _ in range(depth)]
        self.head = Dense(d, 2)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for layer in self.layers:
            x = layer(x)
        return self.head(x)


m = MLP(8, 2)
ls = m.layers
ls.insert(0, Dense(5, 8))
print(m(tf.randn(3, 5)).shape)

m2 = MLP(8, 2)
head = m2.head
head.weight = tf.zeros(2, 8)
blocks = m2.layers
blocks[0] = Dense(6, 8)
print(m2(tf.randn(3, 6)).shape)

m3 = MLP(8, 1)
m3.__dict__["head"] = Dense(8, 7)
print(m3(tf.randn(3, 8)).shape)
