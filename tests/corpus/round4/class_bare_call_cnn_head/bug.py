"""A CNN class stores a list of conv stages built in __init__ and a head sized for one stage too few."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu


class SmallCNN:
    def __init__(self) -> None:
        self.features = Chain(
            Conv((3, 3), 3, 8, relu, pad=1), MaxPool((2, 2)),
            Conv((3, 3), 8, 16, relu, pad=1), MaxPool((2, 2)),
        )
        self.head = Chain(Flatten(), Dense(16 * 8 * 8, 10))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.features(x))


net = SmallCNN()
print(net(tf.randn(2, 3, 16, 16)).shape)  # BUG  # E: Chain layer 2 Dense(1024 => 10) expects input Tensor[..., 1024], but layer 1 Flatten() produces Tensor[2, 256]; change Dense(1024 => 10) to Dense(256 => 10)  [shape]
