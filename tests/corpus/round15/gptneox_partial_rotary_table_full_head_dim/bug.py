"""GPT-NeoX's partial rotary embedding: only the first rot_dim = 8 features of each 16-wide head
are rotated, with cos/sin tables of rot_dim/2 frequencies; the tables were built for the whole
head dimension."""
import numpy as np

import typedflux as tf


def rotary_tables(t: int, dim: int) -> tuple[tf.Tensor, tf.Tensor]:
    freq = 1.0 / (10000 ** (np.arange(0, dim, 2) / dim))
    theta = tf.tensor(np.outer(np.arange(t), freq))
    return tf.cos(theta), tf.sin(theta)


def apply_partial_rotary(q: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor, rot: int) -> tf.Tensor:
    q_rot, q_pass = q[..., :rot], q[..., rot:]
    a, b = tf.chunk(q_rot, 2)
    rotated = tf.cat(a * cos - b * sin, a * sin + b * cos, axis=-1)
    return tf.cat(rotated, q_pass, axis=-1)


q = tf.randn(2, 4, 5, 16)
cos, sin = rotary_tables(5, 16)
print(apply_partial_rotary(q, cos, sin, 8).shape)  # BUG[gap checker: the rotary tables come from tf.tensor(np.outer(np.arange(t), freq)) in a def (freq = 1/(10000 ** (np.arange(0, dim, 2) / dim))), whose shape is unknown, so cos/sin (5, 8) never meet the rotated halves (2, 4, 5, 4)]
