"""EfficientNet's stochastic depth drops a whole residual branch per sample: the keep mask has
one value per sample and must broadcast over the channels and the pixels; it was made as a
vector."""
import numpy as np

import typedflux as tf
from typedflux import BatchNorm, Conv


def drop_path(x: tf.Tensor, p: float, rng: np.random.Generator) -> tf.Tensor:
    keep = tf.tensor((rng.random(x.shape[0]) >= p).astype(np.float32))
    return x * keep.reshape(-1, 1, 1, 1) / (1.0 - p)


conv = Conv((3, 3), 16, 16, pad=1)
bn = BatchNorm(16)
x = tf.randn(4, 16, 8, 8)
y = x + drop_path(bn(conv(x)), 0.2, np.random.default_rng(0))
print(y.shape)
