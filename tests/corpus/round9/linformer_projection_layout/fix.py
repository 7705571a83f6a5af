"""Linformer projects keys along time with E of shape (k, T): E @ K gives (k, D); E was made
(T, k)."""
import typedflux as tf

T, KP, D = 20, 8, 16
e_proj = tf.randn(KP, T)
keys = tf.randn(2, T, D)
k_small = e_proj @ keys
print(k_small.shape)
