"""An MLP defined as a subclass of Chain (as nn.Sequential subclasses are); the classifier
after it takes the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class MLP(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 32, relu), Dense(32, 16, relu))


mlp = MLP()
features = mlp(tf.randn(4, 8))
classifier = Dense(32, 3)
print(classifier(features).shape)  # BUG  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[4, 16]; need size 32 at axis -1 (got 16)  [shape]
