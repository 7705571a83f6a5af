"""numpy arrays built by arange/broadcast/comparisons/outer then tf.tensor: correct programs."""
import numpy as np

import typedflux as tf
from typedflux import Dense

T, D, H = 6, 8, 4
causal = tf.tensor((np.arange(T)[:, None] >= np.arange(T)[None, :]).astype(np.float32))
scores = tf.randn(2, H, T, T)
print((scores * causal).shape)
deg_in = np.arange(D) % 3
deg_h = np.arange(12) % 2
mask = tf.tensor((deg_h[:, None] >= deg_in[None, :]).astype(np.float32))
layer = Dense(D, 12)
print((layer.weight * mask).shape)
freq = 1.0 / (10000 ** (np.arange(0, D, 2) / D))
ang = tf.tensor(np.outer(np.arange(T), freq))
print(ang.shape, (tf.randn(2, T, D // 2) * tf.cos(ang)).shape)
grid = np.stack(np.meshgrid(np.arange(4), np.arange(5), indexing="ij"), axis=-1)
print(tf.tensor(grid.astype(np.float32)).shape)
rel = np.arange(T)[None, :] - np.arange(T)[:, None]
bias = tf.tensor(rel.astype(np.float32))[None, None] * tf.ones(1, H, 1, 1)
print((scores + bias).shape)
col = np.arange(T).reshape(-1, 1)
row = np.arange(D).reshape(1, -1)
tab = tf.tensor((col * row).astype(np.float32))
print((tab @ tf.randn(D, 3)).shape)
eye = tf.tensor(np.eye(D, dtype=np.float32))
print((tf.randn(3, D) @ eye).shape)
tri = tf.tensor(np.tril(np.ones((T, T), dtype=np.float32)))
print((scores * tri).shape)
pe = np.zeros((T, D), dtype=np.float32)
pe[:, 0::2] = np.sin(np.arange(T)[:, None] * freq[None, :])
pe[:, 1::2] = np.cos(np.arange(T)[:, None] * freq[None, :])
print((tf.randn(2, T, D) + tf.tensor(pe)).shape)
w = np.random.default_rng(0).standard_normal((D, 3)).astype(np.float32)
w = w.T
print((tf.randn(2, 3) @ tf.tensor(w)).shape)
v = np.arange(D)
v = v[::-1].copy()[:, None]
print((tf.randn(2, D, 5) * tf.tensor(v.astype(np.float32))).shape)
