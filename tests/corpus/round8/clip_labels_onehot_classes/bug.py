"""CLIP's symmetric loss: the i-th image matches the i-th text, so the targets are the
one-hot of range(batch) over batch classes; the class count was the embedding width."""
from typing import Final

import typedflux as tf
from typedflux import Dense

BATCH: Final = 8
img = Dense(32, 16)(tf.randn(BATCH, 32))
txt = Dense(20, 16)(tf.randn(BATCH, 20))
logits = img @ txt.T
targets = tf.onehot(list(range(BATCH)), 16)
both = tf.concat([logits, logits.T], axis=0)   # image->text and text->image rows
loss = tf.losses.logitcrossentropy(both, tf.concat([targets, targets], axis=0))  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[16, 8], target has Tensor[16, 16]; need identical shapes (no broadcasting in losses) (8 vs 16 at axis -1)  [shape]
print(loss.item())
