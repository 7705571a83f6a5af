"""DGCNN's EdgeConv builds edge features cat(x_j - x_i, x_i) for the k neighbours of each point,
2C channels, before its 1x1 conv; the conv was built taking C."""
import typedflux as tf
from typedflux import Conv, leakyrelu

B, C, N, k = 2, 6, 20, 4
x = tf.randn(B, C, N)
neigh = tf.randn(B, C, N, k)
center = tf.repeat(x.reshape(B, C, N, 1), 1, 1, 1, k)
edge = tf.cat(neigh - center, center, axis=1)
conv = Conv((1, 1), 2 * C, 32, leakyrelu)
feat = conv(edge).max(axis=-1)
print(feat.shape)
