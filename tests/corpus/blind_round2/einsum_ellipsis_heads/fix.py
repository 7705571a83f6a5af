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
check = final + tf.zeros(2, 18)
print(check.shape)
