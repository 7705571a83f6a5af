"""Batch statistics for a BatchNorm by hand are taken over the feature axis."""
import typedflux as tf

x = tf.randn(16, 4)
mean = x.mean(axis=0)
var = tf.var(x, axis=0)
print(((x - mean) / tf.sqrt(var + 1e-5)).shape)
