"""Neural Turing Machine read head: the read vector is the memory rows (B, N, W) weighted by the
attention over the N locations (B, N); the weights were given a new axis in front instead of a
trailing one."""
import typedflux as tf

B, N, W = 2, 12, 20
memory = tf.randn(B, N, W)
key = tf.randn(B, W)
sim = (memory @ key[:, :, None])[:, :, 0]
w = tf.softmax(sim * 5.0, axis=1)
read = (w[:, :, None] * memory).sum(axis=1)
print(read.shape)
