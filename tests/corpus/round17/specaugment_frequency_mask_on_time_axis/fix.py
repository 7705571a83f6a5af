"""SpecAugment's frequency masking on a batch of log-mel spectrograms (B, F mel bins, T
frames): one keep/drop flag per mel bin, broadcast over the frames."""
import numpy as np
import typedflux as tf

B, F, T = 4, 80, 100
mel = tf.randn(B, F, T)
rng = np.random.default_rng(0)
start = int(rng.integers(0, F - 10))
keep = [[0.0 if start <= f < start + 10 else 1.0 for f in range(F)] for _ in range(B)]
mask = tf.tensor(keep).reshape(B, F, 1)
augmented = mel * mask
print(augmented.shape)
