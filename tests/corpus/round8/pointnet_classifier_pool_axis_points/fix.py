"""A PointNet classifier: a shared MLP per point, a symmetric max over the points, then a
head; the max was taken over the features."""
import typedflux as tf
from typedflux import Chain, Dense, relu

shared = Chain(Dense(3, 64, relu), Dense(64, 128, relu))
head = Chain(Dense(128, 64, relu), Dense(64, 10))

cloud = tf.randn(8, 100, 3)
feats = shared(cloud)
glob = feats.max(axis=1)
logits = head(glob)
print(logits.shape)
