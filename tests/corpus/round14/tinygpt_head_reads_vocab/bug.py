"""The output head maps n_embd features to vocabulary logits; it was built Dense(vocab, vocab)."""
from dataclasses import dataclass
from typing import Tuple

import numpy as np
import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, MultiHeadAttention, SkipConnection, gelu


@dataclass(frozen=True)
class Config:
    block_size: int = 8
    vocab_size: int = 30
    n_embd: int = 24
    n_head: int = 4


class Block:
    def __init__(self, cfg: Config) -> None:
        self.ln1 = LayerNorm(cfg.n_embd)
        self.attn = MultiHeadAttention(cfg.n_embd, cfg.n_head)
        self.mlp = SkipConnection(Chain(LayerNorm(cfg.n_embd), Dense(cfg.n_embd, 4 * cfg.n_embd, gelu),
                                        Dense(4 * cfg.n_embd, cfg.n_embd)), tf.add)

    def __call__(self, x: tf.Tensor, mask: tf.Tensor) -> tf.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, mask=mask)
        return self.mlp(x)


class TinyGPT:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.tok = Embedding(cfg.vocab_size, cfg.n_embd)
        self.pos = Embedding(cfg.block_size, cfg.n_embd)
        self.blocks = [Block(cfg), Block(cfg)]
        self.ln_f = LayerNorm(cfg.n_embd)
        self.head = Dense(cfg.vocab_size, cfg.vocab_size)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        t = idx.shape[1]
        x = self.tok(idx) + self.pos(tf.arange(t).reshape(1, t))
        mask = tf.tril(tf.ones(t, t)) > 0
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(self.ln_f(x))


def get_batch(data: np.ndarray, cfg: Config, batch: int, rng: np.random.Generator) -> Tuple[tf.Tensor, tf.Tensor]:
    ix = rng.integers(0, len(data) - cfg.block_size - 1, batch)
    x = tf.stack([tf.tensor(data[i:i + cfg.block_size]) for i in ix])
    y = tf.stack([tf.tensor(data[i + 1:i + 1 + cfg.block_size]) for i in ix])
    return x, y


def sample(model: TinyGPT, idx: tf.Tensor, steps: int, temperature: float = 0.8) -> tf.Tensor:
    for _ in range(steps):
        logits = model(idx[:, -model.cfg.block_size:])[:, -1, :] / temperature
        top = logits.max(axis=-1, keepdims=True)
        logits = tf.where(logits < top - 2.0, -1e9, logits)
        nxt = tf.argmax(tf.softmax(logits, axis=-1), axis=-1, keepdims=True)
        idx = tf.cat(idx, nxt, axis=1)
    return idx


cfg = Config()
model = TinyGPT(cfg)
rng = np.random.default_rng(0)
data = rng.integers(0, cfg.vocab_size, 200)
xb, yb = get_batch(data, cfg, 4, rng)
logits = model(xb)  # BUG  # E: Dense(30 => 30) expects input Tensor[..., 30], got Tensor[..., 24]; need size 30 at axis -1 (got 24)  [shape]
target = tf.onehot(yb.numpy().reshape(-1).tolist(), cfg.vocab_size).reshape(4, -1, cfg.vocab_size)
print(tf.losses.logitcrossentropy(logits, target).item())
print(sample(model, xb[:, :3], 10).shape)
