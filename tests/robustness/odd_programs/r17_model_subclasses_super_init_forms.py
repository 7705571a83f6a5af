"""Correct (round 17's false-alarm hunt): a subclass calls super().__init__ with a different width; __call__ inherited."""
import typedflux as tf
from typedflux import Dense, LayerNorm, relu


class Block:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d, relu)
        self.norm = LayerNorm(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.fc(x))


class Wide(Block):
    def __init__(self) -> None:
        super().__init__(32)


class Narrow(Block):
    def __init__(self, c: int) -> None:
        Block.__init__(self, c)
        self.out = Dense(c, 2)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(super().__call__(x))


print(Wide()(tf.zeros(2, 32)).shape, Narrow(8)(tf.zeros(2, 8)).shape, Block(4)(tf.zeros(3, 4)).shape)
w = Wide()
n = Narrow(16)
print(w(tf.zeros(1, 32)).shape, n(tf.zeros(1, 16)).shape)
