"""An MLP defined as a subclass of Chain (as nn.Sequential subclasses are); the classifier
after it takes the wrong width."""
import typedflux as tf
from typedflux import Chain, Dense, relu


class MLP(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 32, relu), Dense(32, 16, relu))


mlp = MLP()
features = mlp(tf.randn(4, 8))
classifier = Dense(16, 3)
print(classifier(features).shape)
