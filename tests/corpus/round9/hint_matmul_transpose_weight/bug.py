"""A hand-written linear layer stores its weight (out, in) and multiplies it untransposed;
the fix applies the message's `w.T` hint."""
import typedflux as tf

w = tf.randn(10, 784) * 0.01
b = tf.zeros(10)
x = tf.randn(32, 784)
logits = x @ w + b  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[32, 784], w has Tensor[10, 784]; need x.shape[-1] == w.shape[-2] (784 vs 10); did you mean to transpose w (w.T)?  [shape]
print(logits.shape)
