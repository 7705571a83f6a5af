"""Attention output projected and summed over heads and time, then a head of the wrong width."""
import typedflux as tf

attn = tf.softmax(tf.randn(2, 4, 10, 10), axis=-1)
values = tf.randn(2, 4, 10, 16)
w_out = tf.randn(16, 32)
mixed = attn @ values
proj = mixed @ w_out
bias = tf.zeros(4, 1, 32)
out = proj + bias
summed = out.sum(axis=(1, 2))
logits = summed @ tf.randn(16, 3)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 32], w has Tensor[16, 3]; need x.shape[-1] == w.shape[-2] (32 vs 16)  [shape]
print(logits.shape)
