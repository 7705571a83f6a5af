"""CapsNet's squash scales each capsule vector (the last axis) by |s|^2 / (1 + |s|^2) / |s|;
the squared norm was taken over the capsule axis, without keeping it."""
import typedflux as tf
from typedflux import Conv, relu

primary = Conv((9, 9), 16, 8 * 4, relu, stride=2)
u = primary(tf.randn(2, 16, 20, 20))
s = u.reshape(2, 8, -1).transpose(0, 2, 1)
sq = (s ** 2).sum(axis=-1, keepdims=True)
v = sq / (1 + sq) * s / tf.sqrt(sq + 1e-8)
print(v.shape)
