"""Batch statistics for a BatchNorm by hand are taken over the feature axis."""
import typedflux as tf

x = tf.randn(16, 4)
mean = x.mean(axis=0)
var = tf.var(x, axis=1)
print(((x - mean) / tf.sqrt(var + 1e-5)).shape)  # BUG  # E: Cannot broadcast for "div": x has Tensor[16, 4], y has Tensor[16]; need equal sizes or 1 at axis -1 (4 vs 16); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
