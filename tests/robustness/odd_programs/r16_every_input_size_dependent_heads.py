"""flow_every on size-dependent compositions called with unknown shapes: fine for some inputs."""
import numpy as np

import typedflux as tf
from typedflux import Conv, Dense, Embedding, Flatten, LayerNorm, MaxPool, Tensor, relu


def load(*shape: int) -> Tensor:
    return tf.tensor(np.zeros(shape, dtype=np.float32))


def load_shape(shape) -> Tensor:
    return tf.tensor(np.zeros(shape, dtype=np.float32))


class LeNetish:
    def __init__(self) -> None:
        self.conv = Conv((3, 3), 1, 4, relu)
        self.pool = MaxPool((2, 2))
        self.fc = Dense(4 * 3 * 3, 10)

    def __call__(self, x):
        return self.fc(tf.flatten(self.pool(self.conv(x))))


class FlatHead:
    def __init__(self) -> None:
        self.flat = Flatten()
        self.fc = Dense(12, 2)

    def __call__(self, x):
        return self.fc(self.flat(x))


class TokenHead:
    def __init__(self) -> None:
        self.emb = Embedding(10, 4)
        self.fc = Dense(20, 3)

    def __call__(self, idx):
        h = self.emb(idx)
        return self.fc(h.reshape(h.shape[0], -1))


class NormThenMerge:
    def __init__(self) -> None:
        self.ln = LayerNorm(6)
        self.fc = Dense(12, 1)

    def __call__(self, x):
        h = self.ln(x)
        return self.fc(h.reshape(h.shape[0], -1))


print(LeNetish()(load_shape((2, 1, 8, 8))).shape, FlatHead()(load_shape((2, 3, 4))).shape)
print(TokenHead()(tf.tensor(np.zeros((2, 5), dtype=np.int64))).shape, NormThenMerge()(load_shape((3, 2, 6))).shape)
