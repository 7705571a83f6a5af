"""AutoInt's interacting layer: multi-head self-attention over the F field embeddings in a
wider space (16 -> 32), plus a residual projected by W_res to that width; the residual added
the raw embeddings."""
import math

import typedflux as tf
from typedflux import Dense

B, F, D, A = 4, 6, 16, 32
x = tf.randn(B, F, D)
wq, wk, wv, wres = Dense(D, A), Dense(D, A), Dense(D, A), Dense(D, A)
scores = tf.softmax(wq(x) @ wk(x).transpose(0, 2, 1) / math.sqrt(A), axis=-1)
out = tf.relu(scores @ wv(x) + x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 6, 32], y has Tensor[4, 6, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]
print(out.shape)
