"""An encoder wrapped in a def with bare Tensor annotations, called directly; the
classifier after it was sized for the raw input."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

backbone = Chain(Dense(30, 64, relu), Dense(64, 16, relu))
classifier = Dense(30, 4)


def encode(x: Tensor) -> Tensor:
    return backbone(x)


print(classifier(encode(tf.randn(5, 30))).shape)  # BUG  # E: Dense(30 => 4) expects input Tensor[..., 30], got Tensor[5, 16]; need size 30 at axis -1 (got 16)  [shape]
