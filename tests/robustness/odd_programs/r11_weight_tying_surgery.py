"""Weight tying, freezing, parameter surgery and init loops as zoo code writes them."""
import math

import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, Dense, Embedding, LayerNorm


class LM:
    def __init__(self, vocab: int, d: int) -> None:
        self.emb = Embedding(vocab, d)
        self.norm = LayerNorm(d)
        self.head = Dense(d, vocab, bias=False)
        self.head.weight = self.emb.weight
        self._init()

    def _init(self) -> None:
        for name, p in tf.named_params(self):
            if name.endswith("weight") and p.ndim == 2:
                p.data[...] = np.random.default_rng(0).normal(0, 0.02, p.shape)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        return self.head(self.norm(self.emb(idx)))


lm = LM(30, 16)
print(lm(tf.tensor([[1, 2, 3]])).shape, lm.head.weight is lm.emb.weight)
backbone = Chain(Conv((3, 3), 3, 8, pad=1), Conv((3, 3), 8, 8, pad=1))
tf.freeze(backbone) if hasattr(tf, "freeze") else None
clf = Chain(backbone, lambda x: x.mean(axis=(2, 3)), Dense(8, 4))
print(clf(tf.randn(2, 3, 6, 6)).shape)
fc = Dense(10, 5)
fc.weight = tf.randn(5, 10) * math.sqrt(2 / 10)
fc.bias = tf.zeros(5)
print(fc(tf.randn(3, 10)).shape)
conv = Conv((3, 3), 4, 4, pad=1)
conv.weight.data[:] = 0.0
conv.weight.data[:, :, 1, 1] = np.eye(4)
x = tf.randn(1, 4, 5, 5)
print(np.allclose(conv(x).numpy(), x.numpy()))
