"""Swin's shifted-window attention: the attention mask is one (N, N) mask per window, shared by
every image of the batch. The windows of all images are stacked on the first axis, so the mask
must be repeated per image (or the scores viewed per image) before it is added."""
import numpy as np

import typedflux as tf

B, NW, HEADS, N = 2, 4, 3, 16
scores = tf.randn(B * NW, HEADS, N, N)
mask = tf.tensor(np.where(np.random.default_rng(0).random((NW, N, N)) > 0.5, 0.0, -100.0).astype(np.float32))
mask = mask.reshape(NW, 1, N, N)
attn = scores + tf.tile(mask, B, 1, 1, 1)
attn = tf.softmax(attn, axis=-1)
print(attn.shape)
