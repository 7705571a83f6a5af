"""CenterNet: the sub-pixel offsets gathered at the N peaks come out as (B, 2, N); added to the
integer centres (B, N, 2) they must be moved to points-first."""
import numpy as np

import typedflux as tf

B, N, H, W = 2, 5, 16, 16
offset_map = tf.randn(B, 2, H, W)
peaks = tf.tensor(np.random.default_rng(0).integers(0, H * W, (B, 1, N)))
flat = offset_map.reshape(B, 2, H * W)
offsets = tf.take_along_axis(flat, tf.tile(peaks, 1, 2, 1), axis=2)
centres = tf.randn(B, N, 2)
points = centres + offsets.transpose(0, 2, 1)
print(points.shape)
