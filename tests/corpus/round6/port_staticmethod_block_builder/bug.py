"""An encoder whose stages come from a static method; the third stage was given the wrong
input channels."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MaxPool, relu


class Encoder:
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, relu, pad=1), BatchNorm(cout), MaxPool((2, 2)))

    def __init__(self) -> None:
        self.net = Chain(self.block(3, 16), self.block(16, 32), self.block(16, 64))  # BUG[gap flow: a @staticmethod helper called as self.block(3, 16) keeps its declared Chain type]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


enc = Encoder()
print(enc(tf.randn(1, 3, 16, 16)).shape)
