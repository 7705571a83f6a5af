"""Correct (round 17's false-alarm hunt): subclasses with hook methods, properties giving widths, and a subclass instance inside a Chain."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm


class Base:
    def __init__(self, d: int) -> None:
        self.norm = LayerNorm(d)
        self.proj = Dense(d, self.out_width(d))

    def out_width(self, d: int) -> int:
        return d

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(self.norm(x))


class Doubling(Base):
    def out_width(self, d: int) -> int:
        return 2 * d


class Fixed(Base):
    def __init__(self) -> None:
        super(Fixed, self).__init__(6)


y = Doubling(4)(tf.zeros(2, 4))
z = Dense(8, 1)(y)
w = Dense(6, 1)(Fixed()(tf.zeros(2, 6)))
net = Chain(Dense(3, 4), Doubling(4), Dense(8, 2))
print(z.shape, w.shape, net(tf.zeros(5, 3)).shape)
