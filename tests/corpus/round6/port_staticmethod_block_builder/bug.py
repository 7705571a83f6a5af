"""An encoder whose stages come from a static method; the third stage was given the wrong
input channels."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MaxPool, relu


class Encoder:
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, relu, pad=1), BatchNorm(cout), MaxPool((2, 2)))

    def __init__(self) -> None:
        self.net = Chain(self.block(3, 16), self.block(16, 32), self.block(16, 64))  # BUG  # E: Chain layer 3 Chain(Conv((3, 3), 16 => 64, relu, pad=1), BatchNorm(64), MaxPool((2, 2))): Chain layer 1 Conv((3, 3), 16 => 64, relu, pad=1) expects input Tensor[B, 16, H, W], got Tensor[B, 32, H'//4, W'//4]; need size 16 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, H'//4, W'//4]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


enc = Encoder()
print(enc(tf.randn(1, 3, 16, 16)).shape)
