"""A LLaMA-style GPT (RMSNorm, SwiGLU MLP, pre-norm blocks): the SwiGLU hidden width is 8d/3
rounded up to a multiple of 16, and the down projection takes that width back to d; it was
written with the usual 4d."""
from typing import List

import typedflux as tf
from typedflux import Dense, Embedding, sigmoid


class RMSNorm:
    def __init__(self, d: int) -> None:
        self.weight = tf.ones(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x / tf.sqrt((x * x).mean(axis=-1, keepdims=True) + 1e-6) * self.weight


class SwiGLU:
    def __init__(self, d: int) -> None:
        hidden = 16 * ((int(8 * d / 3) + 15) // 16)
        self.w1 = Dense(d, hidden, bias=False)
        self.w3 = Dense(d, hidden, bias=False)
        self.w2 = Dense(4 * d, d, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a = self.w1(x)
        return self.w2(a * sigmoid(a) * self.w3(x))


class Block:
    def __init__(self, d: int) -> None:
        self.norm1 = RMSNorm(d)
        self.mix = Dense(d, d)
        self.norm2 = RMSNorm(d)
        self.mlp = SwiGLU(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.mix(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class TinyLlama:
    def __init__(self, vocab: int, d: int) -> None:
        self.tok = Embedding(vocab, d)
        self.block = Block(d)
        self.norm = RMSNorm(d)
        self.head = Dense(d, vocab, bias=False)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        return self.head(self.norm(self.block(self.tok(idx))))


model = TinyLlama(40, 24)
logits = model(tf.tensor([[1, 2, 3, 4], [5, 6, 7, 8]]))  # BUG  # E: Dense(96 => 24, bias=False) expects input Tensor[..., 96], got Tensor[2, 4, 64]; need size 96 at axis -1 (got 64)  [shape]
print(logits.shape)
