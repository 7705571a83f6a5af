"""A ResNet class builds its stages with a _make_layer method; the head expects 256."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, relu


class ResNet:
    def __init__(self) -> None:
        self.stem = Chain(Conv((3, 3), 3, 64, pad=1), BatchNorm(64, relu))
        self.layer1 = self._make_layer(64, 128)
        self.head = Chain(GlobalMeanPool(), Flatten(), Dense(128, 10))

    def _make_layer(self, cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, pad=1, stride=2), BatchNorm(cout, relu))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.layer1(self.stem(x)))  # BUG


print(ResNet()(tf.randn(2, 3, 16, 16)).shape)
