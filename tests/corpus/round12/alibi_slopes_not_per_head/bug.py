"""ALiBi adds to each head's scores its slope times the distance between positions: the slopes
(H,) need two trailing axes to scale the (T, T) distances per head; they were multiplied as
they are."""
import typedflux as tf

B, H, T, HD = 2, 4, 6, 8
slopes = tf.tensor([2.0 ** (-8.0 * (i + 1) / H) for i in range(H)])
pos = tf.arange(T)
dist = pos.reshape(1, T) - pos.reshape(T, 1)
alibi = slopes * dist  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4], y has Tensor[6, 6]; need equal sizes or 1 at axis -1 (4 vs 6)  [shape]
q = tf.randn(B, H, T, HD)
k = tf.randn(B, H, T, HD)
scores = q @ k.swapaxes(-1, -2) + alibi
print(tf.softmax(scores, axis=-1).shape)
