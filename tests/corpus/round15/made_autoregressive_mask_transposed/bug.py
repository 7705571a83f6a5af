"""MADE: a Dense layer's weight (out, in) is multiplied by a 0/1 mask so that each hidden unit
sees only inputs of lower degree; the mask was built as (in, out)."""
import numpy as np

import typedflux as tf
from typedflux import Dense, relu

D, H = 5, 12
deg_in = np.arange(1, D + 1)
deg_h = np.arange(H) % (D - 1) + 1
hidden = Dense(D, H, bias=False)
mask = tf.tensor((deg_in[:, None] <= deg_h[None, :]).astype(np.float32))
x = tf.randn(4, D)
h = relu(x @ (hidden.weight * mask).T)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[12, 5], y has Tensor[5, 12]; need equal sizes or 1 at axis -2 (12 vs 5)  [shape]
print(h.shape)
