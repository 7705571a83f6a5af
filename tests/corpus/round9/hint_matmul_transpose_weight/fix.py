"""A hand-written linear layer stores its weight (out, in) and multiplies it untransposed;
the fix applies the message's `w.T` hint."""
import typedflux as tf

w = tf.randn(10, 784) * 0.01
b = tf.zeros(10)
x = tf.randn(32, 784)
logits = x @ w.T + b
print(logits.shape)
