"""A dataclass config passed to a model class: the head was sized from the hidden field, not
the class count."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


@dataclass
class Config:
    d_in: int = 12
    hidden: int = 32
    classes: int = 5


class Classifier:
    def __init__(self, cfg: Config) -> None:
        self.body = Chain(Dense(cfg.d_in, cfg.hidden, relu), Dense(cfg.hidden, cfg.hidden, relu))
        self.head = Dense(cfg.hidden, cfg.hidden)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


model = Classifier(Config())
labels = tf.onehot([0, 1, 2, 3], 5)
loss = tf.losses.logitcrossentropy(model(tf.randn(4, 12)), labels)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 32], target has Tensor[4, 5]; need identical shapes (no broadcasting in losses) (32 vs 5 at axis -1)  [shape]
print(loss.item())
