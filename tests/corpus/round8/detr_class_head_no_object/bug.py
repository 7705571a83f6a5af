"""DETR's class head predicts the classes plus "no object" (the last class); the one-hot
targets were made without that class."""
from typing import Final

import typedflux as tf
from typedflux import Dense

N_CLASSES: Final = 5
N_QUERIES: Final = 4
class_head = Dense(32, N_CLASSES + 1)

hs = tf.randn(2, N_QUERIES, 32)
logits = class_head(hs)
labels = [[0, 3, 1, 4], [2, 4, 4, 1]]
targets = tf.onehot(labels, N_CLASSES)
print(tf.losses.logitcrossentropy(logits, targets).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 4, 6], target has Tensor[2, 4, 5]; need identical shapes (no broadcasting in losses) (6 vs 5 at axis -1)  [shape]
