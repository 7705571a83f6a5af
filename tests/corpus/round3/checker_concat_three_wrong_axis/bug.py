"""(pyright tensorShape concat1) t1 (A, B, C) and t2 (A, 1, C) join on axis 1 only."""
import typedflux as tf

t1 = tf.randn(2, 5, 7)
t2 = tf.randn(2, 1, 7)
s = tf.concat([t1, t2, t2], axis=2)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[2, 5, 7], xs[1] has Tensor[2, 1, 7]; need equal sizes except at axis 2 (5 vs 1 at axis 1)  [shape]
print(s.shape)
