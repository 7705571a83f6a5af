"""RetNet's retention: each head h decays past positions by gamma_h ** (n - m), a (H, T, T)
mask multiplying the (B, H, T, T) scores; the mask was built heads-last."""
import numpy as np

import typedflux as tf

B, H, T, DK = 2, 4, 6, 8
gammas = 1 - 2.0 ** (-5 - np.arange(H))
n = np.arange(T)
dist = np.tril(n[:, None] - n[None, :]).astype(np.float64)
decay_np = gammas[None, None, :] ** dist[:, :, None]
decay = tf.tensor(decay_np * np.tril(np.ones((T, T)))[:, :, None])
q, k = tf.randn(B, H, T, DK), tf.randn(B, H, T, DK)
scores = (q @ k.transpose(0, 1, 3, 2)) * decay  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 4, 6, 6], y has Tensor[6, 6, 4]; need equal sizes or 1 at axis -3 (4 vs 6)  [shape]
print(scores.shape)
