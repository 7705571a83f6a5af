"""A Siamese network: one tower applied to two inputs of different widths."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class Siamese:
    def __init__(self) -> None:
        self.tower = Chain(Dense(12, 24, relu), Dense(24, 8))

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
        return ((self.tower(a) - self.tower(b)) ** 2).sum(axis=1)


net = Siamese()
left, right = tf.randn(5, 12), tf.randn(5, 8)
d = net(left, right)  # BUG  # E: Chain layer 1 Dense(12 => 24, relu) expects input Tensor[..., 12], got Tensor[5, 8]; need size 12 at axis -1 (got 8)  [shape]
print(d.shape)
