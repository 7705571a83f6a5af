"""A YOLO head's objectness loss: the raw output (B, A*(5+C), S, S) is viewed as (B, A, 5+C, S,
S) and its channel 4 compared with the target mask of responsible anchors; the mask was built
with the anchor axis last, as the label code for another layout made it."""
import numpy as np

import typedflux as tf
from typedflux import Conv

B, A, NC, S = 2, 3, 4, 5
head = Conv((1, 1), 32, A * (5 + NC))
feat = tf.randn(B, 32, S, S)
pred = head(feat).reshape(B, A, 5 + NC, S, S)
obj_logit = pred[:, :, 4]
mask = np.zeros((B, S, S, A), dtype=np.float32)
mask[0, 2, 3, 1] = 1.0
target = tf.tensor(mask)
loss = tf.losses.logitbinarycrossentropy(obj_logit, target)  # BUG  # E: Shapes differ for "logitbinarycrossentropy": prediction has Tensor[2, 3, 5, 5], target has Tensor[2, 5, 5, 3]; need identical shapes (no broadcasting in losses) (5 vs 3 at axis -1)  [shape]
print(loss.item())
