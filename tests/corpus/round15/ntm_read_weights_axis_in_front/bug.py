"""Neural Turing Machine read head: the read vector is the memory rows (B, N, W) weighted by the
attention over the N locations (B, N); the weights were given a new axis in front instead of a
trailing one."""
import typedflux as tf

B, N, W = 2, 12, 20
memory = tf.randn(B, N, W)
key = tf.randn(B, W)
sim = (memory @ key[:, :, None])[:, :, 0]
w = tf.softmax(sim * 5.0, axis=1)
read = (w[:, None, :] * memory).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 1, 12], y has Tensor[2, 12, 20]; need equal sizes or 1 at axis -1 (12 vs 20)  [shape]
print(read.shape)
