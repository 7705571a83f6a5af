"""A PointNet classifier: a shared MLP per point, a symmetric max over the points, then a
head; the max was taken over the features."""
import typedflux as tf
from typedflux import Chain, Dense, relu

shared = Chain(Dense(3, 64, relu), Dense(64, 128, relu))
head = Chain(Dense(128, 64, relu), Dense(64, 10))

cloud = tf.randn(8, 100, 3)
feats = shared(cloud)
glob = feats.max(axis=2)
logits = head(glob)  # BUG  # E: Chain layer 1 Dense(128 => 64, relu) expects input Tensor[..., 128], got Tensor[8, 100]; need size 128 at axis -1 (got 100)  [shape]
print(logits.shape)
