"""Linformer projects keys along time with E of shape (k, T): E @ K gives (k, D); E was made
(T, k)."""
import typedflux as tf

T, KP, D = 20, 8, 16
e_proj = tf.randn(T, KP)
keys = tf.randn(2, T, D)
k_small = e_proj @ keys  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[20, 8], w has Tensor[2, 20, 16]; need x.shape[-1] == w.shape[-2] (8 vs 20); did you mean to transpose x (x.T)?  [shape]
print(k_small.shape)
