"""A fine-tuned classifier subclasses a backbone model and calls super().__init__ with the
backbone's width; the head it adds must read that width."""
import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


class Backbone:
    def __init__(self, d_in: int, width: int) -> None:
        self.embed = Dense(d_in, width, gelu)
        self.norm = LayerNorm(width)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.embed(x))


class Classifier(Backbone):
    def __init__(self, n_classes: int) -> None:
        super().__init__(48, 64)
        self.head = Dense(48, n_classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(super().__call__(x))


model = Classifier(10)
logits = model(tf.randn(4, 48))  # BUG  # E: Dense(48 => 10) expects input Tensor[..., 48], got Tensor[4, 64]; need size 48 at axis -1 (got 64)  [shape]
print(logits.shape)
