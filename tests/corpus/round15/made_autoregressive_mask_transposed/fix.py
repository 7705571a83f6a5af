"""MADE: a Dense layer's weight (out, in) is multiplied by a 0/1 mask so that each hidden unit
sees only inputs of lower degree; the mask was built as (in, out)."""
import numpy as np

import typedflux as tf
from typedflux import Dense, relu

D, H = 5, 12
deg_in = np.arange(1, D + 1)
deg_h = np.arange(H) % (D - 1) + 1
hidden = Dense(D, H, bias=False)
mask = tf.tensor((deg_h[:, None] >= deg_in[None, :]).astype(np.float32))
x = tf.randn(4, D)
h = relu(x @ (hidden.weight * mask).T)
print(h.shape)
