"""A dense GCN layer normalises A + I by the degrees. The identity was built with the feature
count instead of the node count."""
import numpy as np

import typedflux as tf
from typedflux import Dense

N, F = 6, 10
rng = np.random.default_rng(0)
a = (rng.random((N, N)) > 0.6).astype(np.float32)
adj = tf.tensor(np.maximum(a, a.T))
x = tf.randn(N, F)
a_hat = adj + tf.tensor(np.eye(F, dtype=np.float32))  # BUG  # E: Cannot broadcast for "add": x has Tensor[6, 6], y has Tensor[10, 10]; need equal sizes or 1 at axis -2 (6 vs 10)  [shape]
d_inv_sqrt = a_hat.sum(axis=1) ** -0.5
norm = d_inv_sqrt.reshape(N, 1) * a_hat * d_inv_sqrt.reshape(1, N)
print(Dense(F, 4)(norm @ x).shape)
