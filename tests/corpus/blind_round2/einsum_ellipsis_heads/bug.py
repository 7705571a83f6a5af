"""einsum with ... batch dims then rearrange/reduce over heads, compared with the wrong width."""
import typedflux as tf

q = tf.randn(2, 3, 5, 8)
k = tf.randn(2, 3, 7, 8)
scores = tf.einsum("...qd,...kd->...qk", q, k)
probs = tf.softmax(scores, axis=-1)
v = tf.randn(2, 3, 7, 6)
out = tf.einsum("...qk,...kd->...qd", probs, v)
merged = tf.rearrange(out, "b h q d -> b q (h d)")
final = tf.reduce(merged, "b q e -> b e", "mean")
check = final + tf.zeros(2, 16)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 18], y has Tensor[2, 16]; need equal sizes or 1 at axis -1 (18 vs 16)  [shape]
print(check.shape)
