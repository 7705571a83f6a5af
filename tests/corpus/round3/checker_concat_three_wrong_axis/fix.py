"""(pyright tensorShape concat1) t1 (A, B, C) and t2 (A, 1, C) join on axis 1 only."""
import typedflux as tf

t1 = tf.randn(2, 5, 7)
t2 = tf.randn(2, 1, 7)
s = tf.concat([t1, t2, t2], axis=1)
print(s.shape)
