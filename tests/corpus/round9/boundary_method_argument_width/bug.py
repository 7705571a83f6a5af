"""A model's typed method takes the pooled features; it was given the backbone's spatial map
before pooling."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, GlobalMeanPool, Tensor, relu

B = TypeVar("B", bound=int)


class Classifier:
    def __init__(self) -> None:
        self.backbone = Conv((3, 3), 3, 64, relu, pad=1)
        self.pool = GlobalMeanPool()
        self.fc = Dense(64, 10)

    @tf.shapecheck
    def logits(self, feats: Tensor[B, 64]) -> Tensor[B, 10]:
        return self.fc(feats)


model = Classifier()
maps = model.backbone(tf.randn(2, 3, 16, 16))
print(model.logits(maps).shape)  # BUG  # E: Argument "feats" of "Classifier.logits" has shape Tensor[2, 64, 16, 16], which does not match the annotation Tensor[B, 64]: rank is 4, expected 2  [shape]
