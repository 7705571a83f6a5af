"""A GPT whose sizes come from a config dataclass passed to `__init__`: the head count does
not divide the width."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import Dense, Embedding, MultiHeadAttention


@dataclass
class GPTConfig:
    vocab: int = 50
    d_model: int = 48
    n_head: int = 6


class GPT:
    def __init__(self, cfg: GPTConfig) -> None:
        self.embed = Embedding(cfg.vocab, cfg.d_model)
        self.attn = MultiHeadAttention(cfg.d_model, cfg.n_head)
        self.head = Dense(cfg.d_model, cfg.vocab)

    def __call__(self, ids: tf.Tensor) -> tf.Tensor:
        h = self.embed(ids)
        return self.head(h + self.attn(h))


model = GPT(GPTConfig())
print(model(tf.tensor([[1, 2, 3]])).shape)
