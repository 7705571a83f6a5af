"""PointNet's segmentation head: per-point features (64) concatenated with the global max-pooled
feature (1024) repeated over the points, then a shared MLP. The MLP's first layer takes only
the global width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

N_POINTS = 128
local = Chain(Dense(3, 64, relu), Dense(64, 64, relu))
globalize = Chain(Dense(64, 128, relu), Dense(128, 1024))
seg = Chain(Dense(1024 + 64, 256, relu), Dense(256, 50))

pts = tf.randn(2, N_POINTS, 3)
f = local(pts)
g = globalize(f).max(axis=1, keepdims=True)
g = tf.repeat(g, 1, N_POINTS, 1)
scores = seg(tf.cat(f, g, axis=-1))
print(scores.shape)
