"""An encoder wrapped in a def with bare Tensor annotations, called directly; the
classifier after it was sized for the raw input."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

backbone = Chain(Dense(30, 64, relu), Dense(64, 16, relu))
classifier = Dense(30, 4)


def encode(x: Tensor) -> Tensor:
    return backbone(x)


print(classifier(encode(tf.randn(5, 30))).shape)  # BUG[gap flow: a def with bare-Tensor annotations whose body is one return of a layer call (def encode(x: Tensor) -> Tensor: return backbone(x)) is unknown when called directly; its body is its rule only inside containers]
